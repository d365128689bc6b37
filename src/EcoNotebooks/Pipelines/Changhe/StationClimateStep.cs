using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// The result of <see cref="ChanghePipeline.StationClimate"/>: the station interpolation of the climate drivers.
/// </summary>
/// <param name="Interpolation">Stations, spline fits and interpolated maps.</param>
/// <param name="FromStations">Driver codes that came from the stations (the others, if any, from prepared rasters).</param>
/// <param name="TruthComparison">Synthetic sample only (else null): per driver, rmse_vs_truth, bias (interpolated − true),
/// max_abs_error, r_vs_truth (Pearson r over the pixels) and truth_sd (the true field's spatial standard deviation), in
/// the driver's unit.</param>
public sealed record StationClimateStep(ChangheStationClimate Interpolation, IReadOnlyList<string> FromStations, DataFrame? TruthComparison)
{
    /// <summary>Spline fits per driver (see <see cref="ChangheStationClimate.Fits"/>), rounded for display.</summary>
    public DataFrame Fits
    {
        get
        {
            var f = Interpolation.Fits;
            var df = new DataFrame(f.Columns["driver"].Clone(), f.Columns["unit"].Clone(), f.Columns["stations"].Clone());
            foreach (var (name, digits) in new[] { ("lambda", -1), ("gcv_rmse", 3), ("loo_rmse", 3), ("elevation_coefficient", 5), ("edf", 2) })
            {
                var v = Tables.CsvTable.NumericColumn(f, name);
                df.Columns.Add(ChangheTables.Number(name, v.Select(x => digits < 0 ? double.Parse(x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : ChangheTables.Round(x, digits))));
            }
            return df;
        }
    }
}
