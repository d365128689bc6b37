using System.Globalization;
using EcoNotebooks.Interpolation;
using EcoNotebooks.IO;
using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tables;
using EcoNotebooks.Vector;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// The annual climate drivers of Table 1 interpolated from meteorological station records, as the paper did with
/// ANUSPLIN: per station, a monthly climatology (mean of each calendar month over the years) gives MAT (°C, mean of the
/// 12 monthly means), MAP (mm), MAE (mm) and MAS (MJ m⁻²) (sums of the 12 monthly means); each is interpolated to the
/// grid by a partial thin-plate smoothing spline in x, y with elevation (the DEM) as a linear covariate and λ chosen by
/// GCV (<see cref="ThinPlateSpline"/> through <see cref="StationInterpolation"/>). A station contributes to a driver
/// only when each of the 12 calendar months has at least one value. Evapotranspiration comes from the table's
/// <c>evapotranspiration</c> column when present, otherwise it is estimated per month as CASA does without an
/// evapotranspiration input (<see cref="Casa.EstimatedEvapotranspiration"/> with net radiation 0.6·solar / 2.45).
/// R equivalent: <c>fields::Tps(cbind(x, y), z, Z = elevation)</c> per driver; ANUSPLIN's SPLINA with elevation as a
/// linear covariate.
/// <para>Input table (long format, one row per station and month, as <see cref="StationTable"/> reads it): station id
/// (<c>station</c>), <c>lon</c>/<c>lat</c> (WGS 84) or <c>x</c>/<c>y</c> (the DEM's CRS), <c>elevation</c> (m),
/// <c>date</c> (yyyy-MM-dd, any day of the month), <c>temperature</c> (°C), <c>precipitation</c> (mm month⁻¹),
/// <c>solar</c> (MJ m⁻² month⁻¹) and optionally <c>evapotranspiration</c> (mm month⁻¹).</para>
/// </summary>
public sealed class ChangheStationClimate
{
    /// <summary>Fewest stations with complete records per driver (4 parameters of the linear part + 4 for GCV).</summary>
    public const int MinimumStations = 8;

    /// <summary>Value columns the station table must have.</summary>
    public static IReadOnlyList<string> RequiredValueColumns { get; } = ["temperature", "precipitation", "solar"];

    private ChangheStationClimate(string source, DataFrame stations, DataFrame fits, IReadOnlyDictionary<string, Raster> maps, bool etFromTable)
    {
        Source = source; Stations = stations; Fits = fits; Maps = maps; EvapotranspirationFromTable = etFromTable;
    }

    /// <summary>The station file (or source name).</summary>
    public string Source { get; }
    /// <summary>One row per station: station, x, y (grid CRS), elevation (m), MAT, MAP, MAE, MAS (NaN where the station's record is incomplete).</summary>
    public DataFrame Stations { get; }
    /// <summary>One row per driver: driver, unit, stations, lambda (λ in grid units), gcv_rmse (√GCV, the spline's
    /// predictive-error estimate), loo_rmse (leave-one-out cross-validation RMSE, λ re-chosen by GCV each time),
    /// elevation_coefficient (driver unit per m; for MAT the fitted lapse rate) and edf (trace of the influence matrix).</summary>
    public DataFrame Fits { get; }
    /// <summary>Interpolated drivers on the DEM's grid by code (MAT, MAP, MAE, MAS); NaN where the DEM is missing.</summary>
    public IReadOnlyDictionary<string, Raster> Maps { get; }
    /// <summary>True when MAE came from the table's evapotranspiration column, false when estimated from precipitation and solar.</summary>
    public bool EvapotranspirationFromTable { get; }

    /// <summary>Reads <paramref name="path"/> (CSV, see the class summary) and interpolates onto <paramref name="dem"/>'s grid.</summary>
    /// <param name="path">The station CSV.</param>
    /// <param name="dem">Elevation (m) on the analysis grid.</param>
    /// <param name="demName">Name of the DEM in error messages (e.g. its file).</param>
    /// <param name="progress">Receives one line per driver.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FileFormatException">A column is missing or a value malformed (message: file:line: detail).</exception>
    /// <exception cref="ArgumentException">A station lies outside the DEM, or too few stations have complete records.</exception>
    public static ChangheStationClimate Read(string path, IRasterSource dem, string demName = "dem.tif", IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Station file '{path}' does not exist.", path);
        return Interpolate(CsvTable.Read(path), path, dem, demName, progress);
    }

    /// <summary>Interpolates a station table already in memory (same columns as the CSV; used for the synthetic sample).</summary>
    /// <param name="table">The long-format station table.</param>
    /// <param name="source">Its name in error messages (e.g. "stations.csv").</param>
    /// <param name="dem">Elevation (m) on the analysis grid.</param>
    /// <param name="demName">Name of the DEM in error messages.</param>
    /// <param name="progress">Receives one line per driver.</param>
    public static ChangheStationClimate Interpolate(DataFrame table, string source, IRasterSource dem, string demName = "dem.tif", IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dem);
        var names = table.Columns.Select(c => c.Name).ToArray();
        bool Has(string n) => names.Any(c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase));
        foreach (var col in new[] { "date", "elevation" }.Concat(RequiredValueColumns))
            if (!Has(col)) throw new FileFormatException(source, $"missing the '{col}' column; a Changhe station table needs station, lon, lat (or x, y), elevation, date, {string.Join(", ", RequiredValueColumns)} (and optionally evapotranspiration); columns are {string.Join(", ", names)}.", 1);
        bool etColumn = Has("evapotranspiration");
        var grid = dem.Grid;
        var tables = RequiredValueColumns.Concat(etColumn ? ["evapotranspiration"] : []).ToDictionary(v => v, v => StationTable.FromDataFrame(table, source, v, grid.Crs));
        var temperature = tables["temperature"];
        foreach (var o in temperature.Observations)
            if (o.Date is null) throw new FileFormatException(source, $"station '{o.Station}' has a row without a date; every row needs the month (yyyy-MM-dd).");

        var sites = Sites(temperature, grid, source, demName);

        // Monthly climatologies per station and variable.
        Dictionary<string, double[]> Climatology(IEnumerable<StationObservation> obs)
        {
            var sum = new Dictionary<string, (double[] S, int[] N)>(StringComparer.Ordinal);
            foreach (var o in obs)
            {
                if (double.IsNaN(o.Value) || o.Date is not DateOnly d) continue;
                if (!sum.TryGetValue(o.Station, out var acc)) sum[o.Station] = acc = (new double[12], new int[12]);
                acc.S[d.Month - 1] += o.Value; acc.N[d.Month - 1]++;
            }
            return sum.Where(kv => kv.Value.N.All(k => k > 0)).ToDictionary(kv => kv.Key, kv => kv.Value.S.Select((s, m) => s / kv.Value.N[m]).ToArray(), StringComparer.Ordinal);
        }
        var tClim = Climatology(temperature.Observations);
        var pClim = Climatology(tables["precipitation"].Observations);
        var sClim = Climatology(tables["solar"].Observations);
        Dictionary<string, double[]> eClim;
        if (etColumn) eClim = Climatology(tables["evapotranspiration"].Observations);
        else
        {
            var solar = tables["solar"].Observations.Where(o => !double.IsNaN(o.Value)).GroupBy(o => (o.Station, o.Date)).ToDictionary(g => g.Key, g => g.Average(o => o.Value));
            eClim = Climatology(tables["precipitation"].Observations.Where(o => !double.IsNaN(o.Value) && solar.ContainsKey((o.Station, o.Date)))
                .Select(o => o with { Value = Casa.EstimatedEvapotranspiration(o.Value, Math.Max(0, 0.6 * solar[(o.Station, o.Date)]) / CasaModel.LatentHeat) }));
        }
        var annual = new Dictionary<string, Dictionary<string, double[]>> { ["MAT"] = tClim, ["MAP"] = pClim, ["MAE"] = eClim, ["MAS"] = sClim };
        string[] variable = ["temperature", "precipitation", etColumn ? "evapotranspiration" : "precipitation and solar", "solar"];
        string[] units = ["°C", "mm", "mm", "MJ m-2"];

        var ids = sites.Keys.ToArray();
        var maps = new Dictionary<string, Raster>();
        var perStation = new Dictionary<string, double[]>();
        var fitRows = new List<(string Code, string Unit, int N, double Lambda, double Gcv, double Loo, double Elev, double Edf)>();
        var options = new StationInterpolationOptions { Method = StationInterpolationMethod.ThinPlateSpline, ElevationCovariate = true };
        for (int k = 0; k < ChangheInputs.ClimateCodes.Count; k++)
        {
            string code = ChangheInputs.ClimateCodes[k];
            progress?.Report($"stations: thin-plate spline of {code} ({k + 1}/4)");
            var clim = annual[code];
            double Annual(double[] months) => code == "MAT" ? months.Average() : months.Sum();
            perStation[code] = ids.Select(id => clim.TryGetValue(id, out var m) ? Annual(m) : double.NaN).ToArray();
            var use = ids.Where(clim.ContainsKey).ToArray();
            if (use.Length < MinimumStations)
                throw new ArgumentException($"{source}: only {use.Length} station(s) have a complete 12-month {variable[k]} record for {code}; the thin-plate spline with elevation needs at least {MinimumStations}.");
            var x = use.Select(id => sites[id].X).ToArray(); var y = use.Select(id => sites[id].Y).ToArray();
            var e = use.Select(id => new[] { sites[id].Elevation }).ToArray(); var z = use.Select(id => Annual(clim[id])).ToArray();
            var fit = ThinPlateSpline.Fit(x, y, e, z);
            double sse = 0;
            for (int i = 0; i < use.Length; i++)
            {
                var keep = Enumerable.Range(0, use.Length).Where(j => j != i).ToArray();
                var loo = ThinPlateSpline.Fit(keep.Select(j => x[j]).ToArray(), keep.Select(j => y[j]).ToArray(), keep.Select(j => e[j]).ToArray(), keep.Select(j => z[j]).ToArray());
                double d = loo.Predict(x[i], y[i], e[i]) - z[i];
                sse += d * d;
            }
            fitRows.Add((code, units[k], use.Length, fit.Lambda, Math.Sqrt(fit.Gcv), Math.Sqrt(sse / use.Length), fit.LinearCoefficients[3], fit.EffectiveDegreesOfFreedom));
            var obs = use.Select((id, i) => new StationObservation(id, x[i], y[i], e[i][0], null, z[i])).ToList();
            maps[code] = StationInterpolation.Interpolate(obs, grid.Crs, grid, options, dem, source);
        }
        var stations = new DataFrame(
            ChangheTables.Text("station", ids),
            ChangheTables.Number("x", ids.Select(id => sites[id].X)),
            ChangheTables.Number("y", ids.Select(id => sites[id].Y)),
            ChangheTables.Number("elevation", ids.Select(id => sites[id].Elevation)));
        foreach (var code in ChangheInputs.ClimateCodes) stations.Columns.Add(ChangheTables.Number(code, perStation[code]));
        var fits = new DataFrame(
            ChangheTables.Text("driver", fitRows.Select(r => r.Code)),
            ChangheTables.Text("unit", fitRows.Select(r => r.Unit)),
            ChangheTables.Number("stations", fitRows.Select(r => (double)r.N)),
            ChangheTables.Number("lambda", fitRows.Select(r => r.Lambda)),
            ChangheTables.Number("gcv_rmse", fitRows.Select(r => r.Gcv)),
            ChangheTables.Number("loo_rmse", fitRows.Select(r => r.Loo)),
            ChangheTables.Number("elevation_coefficient", fitRows.Select(r => r.Elev)),
            ChangheTables.Number("edf", fitRows.Select(r => r.Edf)));
        return new ChangheStationClimate(source, stations, fits, maps, etColumn);
    }

    /// <summary>
    /// Station positions in the grid's CRS with their elevations; throws a one-line <see cref="ArgumentException"/>
    /// naming <paramref name="source"/> when a station lies outside the grid of <paramref name="demName"/> or has no elevation.
    /// </summary>
    internal static Dictionary<string, (double X, double Y, double Elevation)> Sites(StationTable table, RasterGrid grid, string source, string demName)
    {
        var tr = new CrsTransform(table.Crs, grid.Crs, source, demName);
        var sites = new Dictionary<string, (double X, double Y, double Elevation)>(StringComparer.Ordinal);
        foreach (var o in table.Observations)
        {
            if (sites.ContainsKey(o.Station)) continue;
            var (x, y) = tr.Transform(o.X, o.Y);
            var (col, row) = grid.Transform.ToPixel(x, y);
            if (!(col >= 0 && row >= 0 && col < grid.Width && row < grid.Height))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: station '{o.Station}' at ({o.X}, {o.Y}) lies outside {demName} ({grid.Width} × {grid.Height} pixels); use a DEM that covers every station or drop the station."));
            if (double.IsNaN(o.Elevation)) throw new ArgumentException($"{source}: station '{o.Station}' has no elevation; the thin-plate spline with elevation needs one per station.");
            sites[o.Station] = (x, y, o.Elevation);
        }
        return sites;
    }
}
