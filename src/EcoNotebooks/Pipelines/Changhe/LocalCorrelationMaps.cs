using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Location-specific (moving-window) Pearson correlation of NPP with each driver (paper section 2.4.1, Fig. 3), with the
/// shares of significantly positive, significantly negative and insignificant pixels (the Fig. 3 insets).
/// </summary>
/// <param name="ByDriver">Local r, p, n and classes per driver code.</param>
/// <param name="Shares">driver, window, positive_pct, negative_pct, insignificant_pct, mean_local_r, pattern (computed),
/// published_pattern (as the paper's text states it), agrees.</param>
public sealed record LocalCorrelationMaps(IReadOnlyDictionary<string, LocalCorrelationResult> ByDriver, DataFrame Shares)
{
    /// <summary>The pattern of a driver's shares in the words of <see cref="ChanghePublished.LocalCorrelationPattern"/>:
    /// "insignificant largest" when insignificant pixels outnumber both significant classes, else which significant class is larger.</summary>
    public static string Pattern(LocalCorrelationSummary s) =>
        s.Insignificant > s.Positive && s.Insignificant > s.Negative ? "insignificant largest"
        : s.Positive >= s.Negative ? "positive > negative" : "negative > positive";

    internal static LocalCorrelationMaps Compute(Raster npp, IReadOnlyDictionary<string, Raster> drivers, ChangheParameters p, IProgress<string>? progress)
    {
        var opt = new LocalCorrelationOptions(p.LocalWindowSize, 3, p.Alpha);
        var results = new Dictionary<string, LocalCorrelationResult>();
        foreach (var (code, raster) in drivers)
        {
            progress?.Report($"local correlation NPP ~ {code}");
            results[code] = LocalCorrelation.Compute(npp, raster, opt);
        }
        var codes = drivers.Keys.ToArray();
        var pats = codes.Select(c => Pattern(results[c].Summary)).ToArray();
        var pub = codes.Select(c => ChanghePublished.LocalCorrelationPattern.GetValueOrDefault(c, "")).ToArray();
        var df = new DataFrame(
            ChangheTables.Text("driver", codes),
            ChangheTables.Count("window", codes.Select(_ => (long)p.LocalWindowSize)),
            ChangheTables.Number("positive_pct", codes.Select(c => 100 * results[c].Summary.PositiveShare)),
            ChangheTables.Number("negative_pct", codes.Select(c => 100 * results[c].Summary.NegativeShare)),
            ChangheTables.Number("insignificant_pct", codes.Select(c => 100 * results[c].Summary.InsignificantShare)),
            ChangheTables.Number("mean_local_r", codes.Select(c => results[c].R[0].ToDoubleArray().Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average())),
            ChangheTables.Text("pattern", pats),
            ChangheTables.Text("published_pattern", pub),
            new BooleanDataFrameColumn("agrees", pats.Select((x, i) => pub[i] == "" ? (bool?)null : x == pub[i])));
        return new LocalCorrelationMaps(results, df);
    }
}
