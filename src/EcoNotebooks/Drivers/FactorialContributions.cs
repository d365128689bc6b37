using EcoNotebooks.Learning;
using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Drivers;

/// <summary>Result of <see cref="FactorialContributions.Run"/>. Contribution units are those of the target (e.g. gC m⁻² yr⁻¹); RelCon in %.</summary>
public sealed class FactorialResult
{
    /// <summary>Random forest with all drivers (RF_all).</summary>
    public required RandomForestRegression All { get; init; }
    /// <summary>Random forests without one category each (RF_clim, RF_soil, RF_mine).</summary>
    public required IReadOnlyDictionary<DriverCategory, RandomForestRegression> Without { get; init; }
    /// <summary>RF_all prediction over the grid.</summary>
    public required Raster PredictionAll { get; init; }
    /// <summary>ActCon = RF_all − RF_without (Eq. 6), per category.</summary>
    public required IReadOnlyDictionary<DriverCategory, Raster> ActualContribution { get; init; }
    /// <summary>RelCon = |ActCon| / Σ|ActCon| × 100 % (Eq. 7), per category.</summary>
    public required IReadOnlyDictionary<DriverCategory, Raster> RelativeContribution { get; init; }
    /// <summary>Dominant category per pixel (<see cref="DominantCategory"/> codes).</summary>
    public required Raster Dominant { get; init; }
    /// <summary>Mean RelCon over valid pixels, % (Fig. 5a inset; paper: climate 35.4, soil 34.7, mining 29.8).</summary>
    public required IReadOnlyDictionary<DriverCategory, double> MeanRelativeContribution { get; init; }
    /// <summary>Share of valid pixels per dominant category, % (Fig. 5b).</summary>
    public required IReadOnlyDictionary<DominantCategory, double> DominantAreaShare { get; init; }
    /// <summary>
    /// RF_all %IncMSE importance summed per category and scaled to 100 % (Fig. 4; paper: climate 38.97, soil 31.50,
    /// mining 29.53); negative importances count as 0.
    /// </summary>
    public required IReadOnlyDictionary<DriverCategory, double> CategoryImportance { get; init; }
    /// <summary>RF_all %IncMSE per driver scaled to sum to 100 % (negatives as 0).</summary>
    public required IReadOnlyDictionary<string, double> DriverImportance { get; init; }
}

/// <summary>
/// The Changhe paper's factorial random-forest experiment (section 2.4.2, Eqs. 6–7): four forests, one with all drivers
/// and three each without one category, fitted on sample points and applied to every pixel; actual contributions
/// ActCon = RF_all − RF_without, relative contributions RelCon = |ActCon|/Σ|ActCon| × 100 %, and the dominant category
/// with the 60 % rule. Pixel work is parallel (RandomForestRegression.PredictRaster).
/// </summary>
public static class FactorialContributions
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="samples">Training table with the target column and every driver column.</param>
    /// <param name="target">Target column (e.g. NPP).</param>
    /// <param name="drivers">Driver name → category; every category must have at least one driver, and the forest without a category needs ≥ 1 remaining driver.</param>
    /// <param name="driverRasters">Driver name → raster on one grid (same names as <paramref name="drivers"/>).</param>
    /// <param name="options">Random-forest options (seed, trees).</param>
    /// <param name="dominanceThreshold">RelCon (%) above which one category dominates alone; default 60.</param>
    /// <param name="progress">Receives a message per stage.</param>
    public static FactorialResult Run(DataFrame samples, string target, IReadOnlyDictionary<string, DriverCategory> drivers,
        IReadOnlyDictionary<string, IRasterSource> driverRasters, RandomForestOptions? options = null, double dominanceThreshold = 60, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(samples); ArgumentNullException.ThrowIfNull(drivers); ArgumentNullException.ThrowIfNull(driverRasters);
        if (!(dominanceThreshold is > 0 and < 100)) throw new ArgumentOutOfRangeException(nameof(dominanceThreshold), dominanceThreshold, "The dominance threshold is a percentage in (0, 100).");
        var names = drivers.Keys.ToArray();
        foreach (var name in names)
            if (!driverRasters.ContainsKey(name)) throw new ArgumentException($"No raster for driver '{name}'.", nameof(driverRasters));
        var categories = Enum.GetValues<DriverCategory>();
        foreach (var c in categories)
            if (!drivers.Values.Contains(c)) throw new ArgumentException($"No driver in category {c}; the factorial experiment needs all three categories.", nameof(drivers));
        var grid = driverRasters[names[0]].Grid;
        foreach (var name in names) grid.EnsureSameGrid(driverRasters[name].Grid, names[0], name);
        var opt = options ?? new RandomForestOptions();

        progress?.Report("fitting RF_all");
        var all = RandomForestRegression.Fit(samples, target, names, opt);
        progress?.Report("predicting RF_all on every pixel");
        var predAll = Values(all.PredictRaster(names.Select(nm => driverRasters[nm]).ToArray()));
        var without = new Dictionary<DriverCategory, RandomForestRegression>();
        var act = new Dictionary<DriverCategory, double[]>();
        foreach (var c in categories)
        {
            var keep = names.Where(nm => drivers[nm] != c).ToArray();
            progress?.Report($"fitting and predicting RF without {c.ToString().ToLowerInvariant()}");
            var rf = RandomForestRegression.Fit(samples, target, keep, opt with { Mtry = null });
            without[c] = rf;
            var pred = Values(rf.PredictRaster(keep.Select(nm => driverRasters[nm]).ToArray()));
            act[c] = predAll.Select((v, i) => v - pred[i]).ToArray();
        }
        int n = predAll.Length;
        var rel = categories.ToDictionary(c => c, _ => new double[n]);
        var dominant = new byte[n];
        Parallel.For(0, n, i =>
        {
            double s = 0;
            foreach (var c in categories) s += Math.Abs(act[c][i]);
            if (double.IsNaN(s)) { foreach (var c in categories) rel[c][i] = double.NaN; return; }
            Span<double> r = stackalloc double[3];
            for (int k = 0; k < 3; k++) r[k] = s == 0 ? 100.0 / 3 : 100 * Math.Abs(act[categories[k]][i]) / s;
            for (int k = 0; k < 3; k++) rel[categories[k]][i] = r[k];
            dominant[i] = (byte)Dominate(r[0], r[1], r[2], dominanceThreshold);
        });
        var valid = Enumerable.Range(0, n).Where(i => dominant[i] != 0).ToArray();
        var imp = all.Importance.ToDictionary(f => f.Feature, f => Math.Max(0, f.IncMse));
        double impSum = imp.Values.Sum();
        var driverShare = imp.ToDictionary(kv => kv.Key, kv => impSum > 0 ? 100 * kv.Value / impSum : double.NaN);
        return new FactorialResult
        {
            All = all,
            Without = without,
            PredictionAll = Raster.FromArray(grid, predAll),
            ActualContribution = act.ToDictionary(kv => kv.Key, kv => Raster.FromArray(grid, kv.Value)),
            RelativeContribution = rel.ToDictionary(kv => kv.Key, kv => Raster.FromArray(grid, kv.Value)),
            Dominant = new Raster(grid, [new RasterBand<byte>(grid.Width, grid.Height, dominant, noData: 0)]),
            MeanRelativeContribution = categories.ToDictionary(c => c, c => valid.Length == 0 ? double.NaN : valid.Average(i => rel[c][i])),
            DominantAreaShare = Enum.GetValues<DominantCategory>().Where(d => d != DominantCategory.None)
                .ToDictionary(d => d, d => valid.Length == 0 ? double.NaN : 100.0 * valid.Count(i => dominant[i] == (byte)d) / valid.Length),
            CategoryImportance = categories.ToDictionary(c => c, c => impSum > 0 ? drivers.Where(kv => kv.Value == c).Sum(kv => driverShare[kv.Key]) : double.NaN),
            DriverImportance = driverShare,
        };
    }

    /// <summary>
    /// The dominance rule: a category whose RelCon exceeds <paramref name="threshold"/> (%) dominates alone; otherwise the
    /// two largest, larger first (ties keep the order climate, soil, mining).
    /// </summary>
    public static DominantCategory Dominate(double climate, double soil, double mining, double threshold = 60)
    {
        if (double.IsNaN(climate) || double.IsNaN(soil) || double.IsNaN(mining)) return DominantCategory.None;
        if (climate > threshold) return DominantCategory.C;
        if (soil > threshold) return DominantCategory.S;
        if (mining > threshold) return DominantCategory.M;
        var order = new[] { ('C', climate), ('S', soil), ('M', mining) }.OrderByDescending(t => t.Item2).Take(2).Select(t => t.Item1).ToArray();
        return Enum.Parse<DominantCategory>(new string(order));
    }

    private static double[] Values(Raster r) => r[0].ToDoubleArray();
}
