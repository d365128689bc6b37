using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Ordinary kriging of the soil samples to the grid (paper section 2.3.1: "We used kriging to interpolate the soil data
/// to the same spatial resolution (30 m) as the NPP"), one property at a time: gstat's default empirical variogram
/// (cutoff = ⅓ of the bounding-box diagonal, 15 classes), a weighted least-squares fit (fit.method = 7) of each model in
/// <see cref="ChangheParameters.VariogramModels"/> from gstat's default starting values, the valid fit with the smallest
/// weighted SSE kept, then ordinary kriging at every pixel centre.
/// R: <c>v &lt;- variogram(SOC ~ 1, pts); m &lt;- fit.variogram(v, vgm(c("Sph", "Exp", "Gau"))); krige(SOC ~ 1, pts, grid, m)</c>.
/// </summary>
/// <param name="Maps">Kriged prediction per soil code (CF %, SOC g kg⁻¹, TN g kg⁻¹, AP mg kg⁻¹, AK mg kg⁻¹, pH, BD g cm⁻³).</param>
/// <param name="Variances">Kriging variance per soil code (squared units); empty unless <see cref="ChangheParameters.KrigingVariance"/>.</param>
/// <param name="Variograms">property, model, nugget, partial_sill, sill, range_m, nugget_ratio (nugget/sill), weighted_sse, valid, samples.</param>
/// <param name="AtSamples">property, r and RMSE between the kriged value at each sample's pixel and the measured value.</param>
public sealed record SoilKriging(IReadOnlyDictionary<string, Raster> Maps, IReadOnlyDictionary<string, Raster> Variances, DataFrame Variograms, DataFrame AtSamples)
{
    internal static SoilKriging Run(ChangheInputs inputs, ChangheParameters p, IProgress<string>? progress)
    {
        var grid = inputs.Grid;
        var df = inputs.SoilSamples;
        var x = CsvTable.NumericColumn(df, "x", "soil samples"); var y = CsvTable.NumericColumn(df, "y", "soil samples");
        var maps = new Dictionary<string, Raster>(); var vars = new Dictionary<string, Raster>();
        var rows = new List<(string Code, VariogramFitResult Fit, int N)>();
        var check = new List<(string Code, double R, double Rmse)>();
        foreach (var code in ChangheInputs.SoilCodes)
        {
            progress?.Report($"kriging {code}");
            var z = CsvTable.NumericColumn(df, code, "soil samples");
            var ev = EmpiricalVariogram.Compute(x, y, z);
            VariogramFitResult? best = null;
            foreach (var type in p.VariogramModels)
            {
                var fit = VariogramFit.Fit(ev, type);
                if (fit.IsValid && (best is null || !best.IsValid || fit.WeightedSse < best.WeightedSse)) best = fit;
                else best ??= fit;
            }
            if (best is null || !best.IsValid)
                throw new InvalidOperationException($"No valid variogram fit for soil property {code} with models {string.Join(", ", p.VariogramModels.Select(m => m.ToGstatName()))}; try other models in ChangheParameters.VariogramModels.");
            var ok = new OrdinaryKriging(x, y, z, best.Model);
            Raster pred;
            if (p.KrigingVariance) { var (pr, variance) = ok.PredictGrid(grid); pred = pr; vars[code] = variance; }
            else pred = ok.PredictGridValues(grid);
            maps[code] = pred;
            rows.Add((code, best, z.Count(v => !double.IsNaN(v))));
            var kv = pred[0].ToDoubleArray();
            var atSample = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                var (c, r) = PixelOf(grid, x[i], y[i]);
                atSample[i] = c < 0 ? double.NaN : kv[(long)r * grid.Width + c];
            }
            var cmp = FusionDemoResult.Compare(atSample, z);
            check.Add((code, cmp.R, cmp.Rmse));
        }
        var table = new DataFrame(
            ChangheTables.Text("property", rows.Select(r => r.Code)),
            ChangheTables.Text("model", rows.Select(r => r.Fit.Model.Type.ToGstatName())),
            ChangheTables.Number("nugget", rows.Select(r => r.Fit.Model.Nugget)),
            ChangheTables.Number("partial_sill", rows.Select(r => r.Fit.Model.PartialSill)),
            ChangheTables.Number("sill", rows.Select(r => r.Fit.Model.Sill)),
            ChangheTables.Number("range_m", rows.Select(r => r.Fit.Model.Range)),
            ChangheTables.Number("nugget_ratio", rows.Select(r => r.Fit.Model.Sill > 0 ? r.Fit.Model.Nugget / r.Fit.Model.Sill : double.NaN)),
            ChangheTables.Number("weighted_sse", rows.Select(r => r.Fit.WeightedSse)),
            ChangheTables.Flag("valid", rows.Select(r => r.Fit.IsValid)),
            ChangheTables.Count("samples", rows.Select(r => (long)r.N)));
        var at = new DataFrame(
            ChangheTables.Text("property", check.Select(c => c.Code)),
            ChangheTables.Number("r", check.Select(c => c.R)),
            ChangheTables.Number("rmse", check.Select(c => c.Rmse)));
        return new SoilKriging(maps, vars, table, at);
    }

    /// <summary>Column and row of the pixel containing (x, y), or (−1, −1) outside the grid.</summary>
    internal static (int Col, int Row) PixelOf(RasterGrid grid, double x, double y)
    {
        var (col, row) = grid.Transform.ToPixel(x, y);
        int c = (int)Math.Floor(col), r = (int)Math.Floor(row);
        return c < 0 || r < 0 || c >= grid.Width || r >= grid.Height ? (-1, -1) : (c, r);
    }
}
