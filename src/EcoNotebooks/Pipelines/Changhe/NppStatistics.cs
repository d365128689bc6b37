using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Statistics;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Descriptive statistics of the mean annual NPP (paper section 3.1, Fig. 2 and Table 2), each beside the published value.
/// </summary>
/// <param name="Overall">quantity, computed, published, unit: min, max, mean, sd (n − 1), CV (%).</param>
/// <param name="ByLandUse">land_use, pixels, area_pct, computed mean, published simulated mean, MOD17A3.</param>
/// <param name="BySide">side (west/east of the river), pixels, mean NPP, sd NPP, mean LD.</param>
/// <param name="Sides">Raster of <see cref="RiverSide"/> codes.</param>
public sealed record NppStatistics(DataFrame Overall, DataFrame ByLandUse, DataFrame BySide, Raster Sides)
{
    /// <summary>Mean NPP west of the river, gC m⁻² yr⁻¹.</summary>
    public double WestMean => (double)BySide.Columns["mean_npp"][0]!;
    /// <summary>Mean NPP east of the river, gC m⁻² yr⁻¹.</summary>
    public double EastMean => (double)BySide.Columns["mean_npp"][1]!;

    internal static NppStatistics Compute(Raster npp, IRasterSource landCover, Raster landDegradation)
    {
        var v = npp[0].ToDoubleArray();
        var d = DescriptiveStatistics.Compute(v);
        var overall = new DataFrame(
            ChangheTables.Text("quantity", ["min", "max", "mean", "sd", "CV"]),
            ChangheTables.Number("computed", new double?[] { d.Min, d.Max, d.Mean, d.StandardDeviation, 100 * d.CoefficientOfVariation }),
            ChangheTables.Number("published", [ChanghePublished.NppMin, ChanghePublished.NppMax, ChanghePublished.NppMean, ChanghePublished.NppStandardDeviation, ChanghePublished.NppCoefficientOfVariation]),
            ChangheTables.Text("unit", ["gC m-2 yr-1", "gC m-2 yr-1", "gC m-2 yr-1", "gC m-2 yr-1", "%"]));

        var lc = Raster.Load(landCover)[0].ToDoubleArray();
        var classes = lc.Where(x => !double.IsNaN(x) && x != 0).Distinct().Order().Select(x => (LandCoverClass)(byte)x).ToArray();
        long valid = lc.Count(x => !double.IsNaN(x) && x != 0);
        var rows = classes.Select(cls =>
        {
            var vals = Enumerable.Range(0, v.Length).Where(i => lc[i] == (byte)cls && !double.IsNaN(v[i])).Select(i => v[i]).ToArray();
            ChanghePublished.NppByLandUse.TryGetValue(cls, out var pub);
            bool has = ChanghePublished.NppByLandUse.ContainsKey(cls);
            return (Name: cls.ToString(), N: (long)vals.Length, Mean: vals.Length > 0 ? vals.Average() : double.NaN,
                Sim: has ? pub.Simulated : (double?)null, Mod: has ? pub.Mod17A3 : (double?)null);
        }).ToArray();
        var byUse = new DataFrame(
            ChangheTables.Text("land_use", rows.Select(r => r.Name)),
            ChangheTables.Count("pixels", rows.Select(r => r.N)),
            ChangheTables.Number("area_pct", rows.Select(r => 100.0 * r.N / valid)),
            ChangheTables.Number("computed_mean", rows.Select(r => r.Mean)),
            ChangheTables.Number("published_simulated", rows.Select(r => r.Sim)),
            ChangheTables.Number("published_mod17a3", rows.Select(r => r.Mod)));

        var sides = RiverSides.Classify(landCover);
        var s = sides[0].ToDoubleArray(missingAsNaN: false);
        var ld = landDegradation[0].ToDoubleArray();
        var sideRows = new[] { RiverSide.West, RiverSide.East }.Select(side =>
        {
            var idx = Enumerable.Range(0, v.Length).Where(i => s[i] == (byte)side && !double.IsNaN(v[i])).ToArray();
            var ds = DescriptiveStatistics.Compute(idx.Select(i => v[i]));
            return (side.ToString().ToLowerInvariant(), (long)idx.Length, ds.Mean ?? double.NaN, ds.StandardDeviation ?? double.NaN,
                idx.Select(i => ld[i]).Where(x => !double.IsNaN(x)).DefaultIfEmpty(double.NaN).Average());
        }).ToArray();
        var bySide = new DataFrame(
            ChangheTables.Text("side", sideRows.Select(r => r.Item1)),
            ChangheTables.Count("pixels", sideRows.Select(r => r.Item2)),
            ChangheTables.Number("mean_npp", sideRows.Select(r => r.Item3)),
            ChangheTables.Number("sd_npp", sideRows.Select(r => r.Item4)),
            ChangheTables.Number("mean_ld", sideRows.Select(r => r.Item5)));
        return new NppStatistics(overall, byUse, bySide, sides);
    }
}
