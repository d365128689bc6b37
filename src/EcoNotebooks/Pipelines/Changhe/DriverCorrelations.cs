using EcoNotebooks.Drivers;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Overall Pearson correlation of NPP with each driver over the random points (paper section 3.2, the coloured circles of
/// Fig. 3; SPSS bivariate correlation, two-sided), beside the significance and sign the paper reports.
/// Uses <see cref="PearsonTest"/> (R: <c>cor.test(npp, driver)</c>).
/// </summary>
public static class DriverCorrelations
{
    /// <summary>Driver category of a Changhe driver code (Table 1).</summary>
    public static DriverCategory CategoryOf(string code) => code switch
    {
        "MAT" or "MAP" or "MAE" or "MAS" => DriverCategory.Climate,
        "CF" or "SOC" or "TN" or "AP" or "AK" or "pH" or "BD" => DriverCategory.Soil,
        "LD" => DriverCategory.Mining,
        _ => throw new ArgumentException($"Unknown Changhe driver '{code}'; expected MAT, MAP, MAE, MAS, CF, SOC, TN, AP, AK, pH, BD or LD.", nameof(code)),
    };

    /// <summary>
    /// Table with one row per driver: driver, category, n, r, p, stars ("**" p &lt; 0.01, "*" p &lt; 0.05, "ns"),
    /// published (stars as printed, "" when the paper does not say), published_sign (+1/−1/0 not stated),
    /// sign_agrees (null when not stated).
    /// </summary>
    /// <param name="points">Point table with a target column and one column per driver.</param>
    /// <param name="target">Target column, e.g. "NPP".</param>
    /// <param name="drivers">Driver codes in display order.</param>
    public static DataFrame Compute(DataFrame points, string target, IReadOnlyList<string> drivers)
    {
        ArgumentNullException.ThrowIfNull(points); ArgumentNullException.ThrowIfNull(drivers);
        var t = CsvTable.NumericColumn(points, target, "points");
        var tests = drivers.Select(d => PearsonTest.Compute(t, CsvTable.NumericColumn(points, d, "points"))).ToArray();
        var pubSign = drivers.Select(d => ChanghePublished.CorrelationSign.GetValueOrDefault(d)).ToArray();
        return new DataFrame(
            ChangheTables.Text("driver", drivers),
            ChangheTables.Text("category", drivers.Select(d => CategoryOf(d).ToString().ToLowerInvariant())),
            ChangheTables.Count("n", tests.Select(x => (long)x.N)),
            ChangheTables.Number("r", tests.Select(x => x.R)),
            ChangheTables.Number("p", tests.Select(x => x.P)),
            ChangheTables.Text("stars", tests.Select(x => ChangheTables.Stars(x.P))),
            ChangheTables.Text("published", drivers.Select(d => ChanghePublished.PearsonSignificance.GetValueOrDefault(d, ""))),
            ChangheTables.Number("published_sign", pubSign.Select(s => (double)s)),
            new BooleanDataFrameColumn("sign_agrees", tests.Select((x, i) => pubSign[i] == 0 || x.R is null ? (bool?)null : Math.Sign(x.R.Value) == pubSign[i])));
    }
}
