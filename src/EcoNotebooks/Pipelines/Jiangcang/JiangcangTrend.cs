using EcoNotebooks.Classification;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Jiangcang;
using EcoNotebooks.Trends;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>FVC trend 2021–2024 per pixel and per pit (Fig. 4), in both continuity-correction readings.</summary>
/// <param name="Years">Years used (e.g. 2021–2024).</param>
/// <param name="Regions">The region mask (uint8 codes), for maps of the pits.</param>
/// <param name="Corrected">Per-pixel trend with the Mann–Kendall continuity correction.</param>
/// <param name="Uncorrected">Per-pixel trend without it.</param>
/// <param name="ContinuityCorrection">The reading chosen in the parameters (true = <see cref="Corrected"/>).</param>
/// <param name="MaxAbsZCorrected">Largest |Z| any series of this length can reach with the correction (1.70 for 4 years).</param>
/// <param name="MaxAbsZUncorrected">Largest |Z| without it (2.04 for 4 years).</param>
/// <param name="AreaTable">
/// One row per pit (Pit4, Pit5) and trend class (7 classes, significant increase … significant decrease): pit, class,
/// km2_corrected, pct_corrected, km2_uncorrected, pct_uncorrected (percent of the pit's pixels with a trend).
/// </param>
/// <param name="Comparison">
/// One row per pit and the five groups the paper reports (significant + slightly significant increase, no significant
/// increase, no change, no significant decrease, significant + slightly significant decrease): pit, group,
/// published_pct, pct_corrected, pct_uncorrected, km2_corrected, km2_uncorrected; plus a "total" row per pit whose
/// published_pct is increase + decrease + no change as printed (100.01 for Pit 4; 76.57 + 17.66 + 4.44 = 98.67 for
/// Pit 5, whose shares do not add up). Pit 5's groups are as printed: significant increase 4.37 (no slightly
/// significant share printed), no significant increase 76.57 − 4.37, no change 0.13 km² / 2.93 km², no significant
/// decrease 16.28, significant decrease 0.31 (so 1.07 % of the printed 17.66 % decrease is unaccounted for).
/// </param>
public sealed record JiangcangTrendResult(IReadOnlyList<int> Years, Raster Regions, TrendRasterResult Corrected, TrendRasterResult Uncorrected, bool ContinuityCorrection,
    double MaxAbsZCorrected, double MaxAbsZUncorrected, DataFrame AreaTable, DataFrame Comparison)
{
    /// <summary>The per-pixel result of the reading chosen in the parameters.</summary>
    public TrendRasterResult Chosen => ContinuityCorrection ? Corrected : Uncorrected;

    /// <summary>Percent of <paramref name="pit"/> ("Pit4" or "Pit5") in a group of <see cref="JiangcangTrend.Groups"/>, for one reading.</summary>
    public double GroupPercent(string pit, string group, bool corrected)
    {
        string col = corrected ? "pct_corrected" : "pct_uncorrected";
        for (long i = 0; i < Comparison.Rows.Count; i++)
            if ((string)Comparison["pit"][i] == pit && (string)Comparison["group"][i] == group) return Convert.ToDouble(Comparison[col][i]);
        throw new ArgumentException($"No trend group '{group}' for pit '{pit}'.", nameof(group));
    }
}

/// <summary>
/// Sen slope + Mann–Kendall trend of yearly FVC over the pits (paper section 3.2, Fig. 4). Each pixel's series of
/// FVC (%) in <see cref="JiangcangParameters.TrendFirstYear"/>…<see cref="JiangcangParameters.TrendLastYear"/> gets a
/// Sen slope β and a Mann–Kendall Z; β &gt; 0 / &lt; 0 is increase / decrease, β = 0 no change; |Z| ≥ ZSignificant
/// significant, ≥ ZSlight slightly significant, else no significant (<see cref="TrendAnalysis"/>). Areas per class are
/// pixel counts × pixel area within each pit of the region mask. Both continuity-correction readings are computed
/// because with four years the corrected |Z| can never reach 1.96 (maximum 1.70) while the uncorrected one can (2.04).
/// R: <c>trend::sens.slope</c>, <c>Kendall::MannKendall</c> per pixel.
/// </summary>
public static class JiangcangTrend
{
    /// <summary>The pits of Fig. 4.</summary>
    public static IReadOnlyList<JiangcangRegion> Pits { get; } = [JiangcangRegion.Pit4, JiangcangRegion.Pit5];

    /// <summary>The five groups the paper reports, in its order.</summary>
    public static IReadOnlyList<string> Groups { get; } =
        ["increase_significant_or_slight", "no_significant_increase", "no_change", "no_significant_decrease", "decrease_significant_or_slight"];

    /// <summary>The classes of each group in <see cref="Groups"/>.</summary>
    public static IReadOnlyList<TrendClass[]> GroupClasses { get; } =
    [
        [TrendClass.SignificantIncrease, TrendClass.SlightlySignificantIncrease], [TrendClass.NonSignificantIncrease], [TrendClass.NoChange],
        [TrendClass.NonSignificantDecrease], [TrendClass.SlightlySignificantDecrease, TrendClass.SignificantDecrease],
    ];

    /// <summary>Runs the trend analysis on the FVC rasters of <paramref name="fvc"/> (FVC converted to %).</summary>
    /// <exception cref="ArgumentException">Fewer than 3 of the trend years are in the FVC series.</exception>
    public static JiangcangTrendResult Compute(JiangcangFvcResult fvc, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(fvc);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        var idx = Enumerable.Range(0, fvc.Years.Count).Where(i => fvc.Years[i] >= p.TrendFirstYear && fvc.Years[i] <= p.TrendLastYear).ToArray();
        if (idx.Length < 3)
            throw new ArgumentException($"The FVC series has {idx.Length} year(s) in {p.TrendFirstYear}–{p.TrendLastYear}; a trend needs at least 3.", nameof(parameters));
        var years = idx.Select(i => fvc.Years[i]).ToArray();
        var stack = idx.Select(i => (IRasterSource)fvc.Fvc[i].Map(v => 100 * v)).ToArray();
        var times = years.Select(y => (double)y).ToArray();
        TrendRasterResult Run(bool cc) => new TrendAnalysis(new TrendOptions { ZSignificant = p.ZSignificant, ZSlight = p.ZSlight, ContinuityCorrection = cc }).AnalyzeStack(stack, times);
        var corrected = Run(true);
        var uncorrected = Run(false);

        var codes = fvc.Regions.Band(0).ToDoubleArray();
        var area = new FrameBuilder();
        var aPit = new List<string>(); var aCls = new List<string>(); var aKc = new List<double>(); var aPc = new List<double>(); var aKu = new List<double>(); var aPu = new List<double>();
        var cPit = new List<string>(); var cGroup = new List<string>(); var cPub = new List<double?>(); var cPc = new List<double>(); var cPu = new List<double>(); var cKc = new List<double>(); var cKu = new List<double>();
        foreach (var pit in Pits)
        {
            var ac = PitAreas(corrected.Class, codes, pit);
            var au = PitAreas(uncorrected.Class, codes, pit);
            for (int k = 0; k < ac.Count; k++)
            {
                aPit.Add(pit.ToString()); aCls.Add(ac[k].Name);
                aKc.Add(ac[k].AreaKm2); aPc.Add(ac[k].Percent); aKu.Add(au[k].AreaKm2); aPu.Add(au[k].Percent);
            }
            var published = JiangcangPublished.TrendSharesPublished[pit];
            double[] pub = [published.SignificantIncrease, published.NonSignificantIncrease, published.NoChange, published.NonSignificantDecrease, published.SignificantDecrease];
            if (pit == JiangcangRegion.Pit5) pub = [4.37, 76.57 - 4.37, 100 * 0.13 / 2.93, 16.28, 0.31]; // as printed (section 3.2)
            for (int g = 0; g < Groups.Count; g++)
            {
                var set = GroupClasses[g].Select(c => c.ToSnakeName()).ToHashSet();
                cPit.Add(pit.ToString()); cGroup.Add(Groups[g]); cPub.Add(pub[g]);
                cPc.Add(ac.Where(a => set.Contains(a.Name)).Sum(a => a.Percent)); cPu.Add(au.Where(a => set.Contains(a.Name)).Sum(a => a.Percent));
                cKc.Add(ac.Where(a => set.Contains(a.Name)).Sum(a => a.AreaKm2)); cKu.Add(au.Where(a => set.Contains(a.Name)).Sum(a => a.AreaKm2));
            }
            cPit.Add(pit.ToString()); cGroup.Add("total"); cPub.Add(pit == JiangcangRegion.Pit5 ? 76.57 + 17.66 + 100 * 0.13 / 2.93 : pub.Sum());
            cPc.Add(ac.Sum(a => a.Percent)); cPu.Add(au.Sum(a => a.Percent)); cKc.Add(ac.Sum(a => a.AreaKm2)); cKu.Add(au.Sum(a => a.AreaKm2));
        }
        var areaTable = area.Text("pit", aPit).Text("class", aCls).Number("km2_corrected", aKc).Number("pct_corrected", aPc)
            .Number("km2_uncorrected", aKu).Number("pct_uncorrected", aPu).Build();
        var comparison = new FrameBuilder().Text("pit", cPit).Text("group", cGroup).Number("published_pct", cPub)
            .Number("pct_corrected", cPc).Number("pct_uncorrected", cPu).Number("km2_corrected", cKc).Number("km2_uncorrected", cKu).Build();
        return new JiangcangTrendResult(years, fvc.Regions, corrected, uncorrected, p.ContinuityCorrection,
            MaxAbsZ(years.Length, true), MaxAbsZ(years.Length, false), areaTable, comparison);
    }

    /// <summary>
    /// Largest Mann–Kendall |Z| a series of <paramref name="n"/> distinct values can reach (a strictly monotonic series,
    /// S = n(n−1)/2): (S − 1)/√Var(S) with the continuity correction, S/√Var(S) without; Var(S) = n(n−1)(2n+5)/18.
    /// n = 4: 1.70 and 2.04.
    /// </summary>
    public static double MaxAbsZ(int n, bool continuityCorrection)
    {
        if (n < 3) throw new ArgumentOutOfRangeException(nameof(n), n, "A Mann–Kendall test needs n ≥ 3.");
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        return Math.Abs(MannKendall.Test(x, continuityCorrection).Z);
    }

    /// <summary>Class areas (7 classes) within one pit of the mask.</summary>
    private static IReadOnlyList<ClassArea> PitAreas(Raster classes, double[] regionCodes, JiangcangRegion pit)
    {
        var src = classes.Band(0).ToDoubleArray(missingAsNaN: true);
        var masked = new byte[src.Length];
        for (int i = 0; i < src.Length; i++)
            masked[i] = regionCodes[i] == (byte)pit && !double.IsNaN(src[i]) ? (byte)src[i] : TrendClasses.NoDataCode;
        var raster = new Raster(classes.Grid, [new RasterBand<byte>(classes.Width, classes.Height, masked, TrendClasses.NoDataCode)]);
        return ClassAreaTable.FromCodes(raster, TrendClasses.All.Select(c => ((int)c, c.ToSnakeName())).ToArray());
    }
}
