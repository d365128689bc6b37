using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Jiangcang;
using EcoNotebooks.Trends;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>
/// The figures of the Jiangcang notebook (notebooks/01-jiangcang-plot-stats.ipynb), each built from a pipeline result
/// of <see cref="EcoNotebooks.Pipelines.Jiangcang"/> with the paper's figure number in the title, axis titles with
/// units and a legend. Published values are drawn beside computed ones where the paper prints them.
/// </summary>
public static class JiangcangFigures
{
    private static readonly IReadOnlyDictionary<string, (string Label, string Color)> RegionStyle = new Dictionary<string, (string, string)>
    {
        ["Pit5"] = ("Pit No. 5", "#1f77b4"), ["Pit4"] = ("Pit No. 4", "#ff7f0e"), ["Pit2SouthDump"] = ("Pit No. 2 south dump", "#8c564b"),
        ["Background"] = ("Natural background", "#2ca02c"), ["WholeArea"] = ("Whole area", "#7f7f7f"),
    };

    /// <summary>Colours and legend names of the seven trend classes (red = decrease … green = increase).</summary>
    public static IReadOnlyList<RasterClass> TrendClassStyle(double zSlight = 1.645, double zSignificant = 1.96) =>
    [
        new((double)TrendClass.SignificantIncrease, $"Significant increase (|Z| ≥ {zSignificant})", "#1a9850"),
        new((double)TrendClass.SlightlySignificantIncrease, $"Slightly significant increase ({zSlight} ≤ |Z| < {zSignificant})", "#66bd63"),
        new((double)TrendClass.NonSignificantIncrease, "No significant increase", "#c2e699"),
        new((double)TrendClass.NoChange, "No change (Sen slope 0)", "#ffffbf"),
        new((double)TrendClass.NonSignificantDecrease, "No significant decrease", "#fdae61"),
        new((double)TrendClass.SlightlySignificantDecrease, $"Slightly significant decrease ({zSlight} ≤ |Z| < {zSignificant})", "#f46d43"),
        new((double)TrendClass.SignificantDecrease, $"Significant decrease (|Z| ≥ {zSignificant})", "#a50026"),
    ];

    /// <summary>Fig. 3: mean FVC (%) per region and year (lines) with the printed values (open diamonds).</summary>
    public static PlotlyFigure Fig3(JiangcangFvcResult fvc)
    {
        ArgumentNullException.ThrowIfNull(fvc);
        var t = fvc.RegionMeans;
        var series = new List<YearSeries>();
        foreach (var (region, (label, color)) in RegionStyle)
        {
            var rows = Enumerable.Range(0, (int)t.Rows.Count).Where(i => (string)t["region"][i] == region).ToArray();
            if (rows.Length == 0) continue;
            var x = rows.Select(i => (double)Convert.ToInt32(t["year"][i])).ToArray();
            series.Add(new YearSeries($"{label} (computed)", x, rows.Select(i => (double?)Convert.ToDouble(t["fvc_pct"][i])).ToArray(), Color: color, Dash: region == "WholeArea" ? "dot" : null));
            var pub = rows.Select(i => t["published_pct"][i] is null ? (double?)null : Convert.ToDouble(t["published_pct"][i])).ToArray();
            if (pub.Any(p => p is not null))
                series.Add(new YearSeries($"{label} (published)", x, pub, Mode: "markers", Color: color, Symbol: "diamond-open"));
        }
        return YearLineChart.Create(series, "Year", "Mean FVC (%)", "Fig. 3 · Mean fractional vegetation cover per region, 2020–2024", (0, 100));
    }

    /// <summary>FVC map (%) of one year.</summary>
    public static PlotlyFigure FvcMap(JiangcangFvcResult fvc, int year)
    {
        ArgumentNullException.ThrowIfNull(fvc);
        int t = fvc.Years.ToList().IndexOf(year);
        if (t < 0) throw new ArgumentException($"No FVC for {year}; years: {string.Join(", ", fvc.Years)}.", nameof(year));
        return RasterMap.Continuous(fvc.Fvc[t].Map(v => 100 * v), new RasterMapOptions(Title: $"FVC {year} (dimidiate pixel model)", ValueLabel: "FVC (%)", Colorscale: "YlGn", ZMin: 0, ZMax: 100));
    }

    /// <summary>Fig. 4 map: trend class of every pixel of Pits 4 and 5 (other pixels blank), in the chosen or given reading.</summary>
    public static CategoricalRaster Fig4Map(JiangcangTrendResult trend, bool? corrected = null, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var p = parameters ?? new JiangcangParameters();
        bool cc = corrected ?? trend.ContinuityCorrection;
        var classes = (cc ? trend.Corrected : trend.Uncorrected).Class.Band(0).ToDoubleArray();
        var regions = trend.Regions.Band(0).ToDoubleArray();
        var masked = classes.Select((c, i) => regions[i] is (byte)JiangcangRegion.Pit4 or (byte)JiangcangRegion.Pit5 ? c : double.NaN).ToArray();
        var raster = Raster.FromArray(trend.Regions.Grid, masked);
        return new CategoricalRaster(raster, TrendClassStyle(p.ZSlight, p.ZSignificant),
            title: $"Fig. 4 · FVC trend {trend.Years[0]}–{trend.Years[^1]} in Pits 4 and 5 (Sen + Mann–Kendall, {(cc ? "with" : "without")} continuity correction)");
    }

    /// <summary>Fig. 4 shares of one pit: published vs computed (both readings), % of the pit.</summary>
    public static PlotlyFigure Fig4Shares(JiangcangTrendResult trend, string pit)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var c = trend.Comparison;
        var rows = Enumerable.Range(0, (int)c.Rows.Count).Where(i => (string)c["pit"][i] == pit && (string)c["group"][i] != "total").ToArray();
        if (rows.Length == 0) throw new ArgumentException($"No trend shares for '{pit}' (Pit4 or Pit5).", nameof(pit));
        var cats = rows.Select(i => ((string)c["group"][i]).Replace("_", " ")).ToArray();
        double? V(int i, string col) => c[col][i] is null ? null : Convert.ToDouble(c[col][i]);
        return GroupedBarChart.Create(cats,
        [
            new BarSeries("Published (Fig. 4 text)", rows.Select(i => V(i, "published_pct")).ToArray(), "#7f7f7f"),
            new BarSeries("Computed, continuity-corrected Z", rows.Select(i => V(i, "pct_corrected")).ToArray(), "#1f77b4"),
            new BarSeries("Computed, uncorrected Z", rows.Select(i => V(i, "pct_uncorrected")).ToArray(), "#aec7e8"),
        ], "Trend group (2021–2024)", "Share of the pit (%)", $"Fig. 4 · Trend shares, {pit}");
    }

    /// <summary>Fig. 5: aboveground biomass per sampling point, mean ± SD with Tukey letters.</summary>
    public static PlotlyFigure Fig5(JiangcangBiomassResult biomass) => BiomassFigure(biomass, biomass.Agb, "Fig. 5 · Aboveground biomass per sampling point", "AGB (g m⁻², dry mass)");

    /// <summary>Fig. 6: belowground biomass per sampling point, mean ± SD with Tukey letters.</summary>
    public static PlotlyFigure Fig6(JiangcangBiomassResult biomass) => BiomassFigure(biomass, biomass.Bgb, "Fig. 6 · Belowground biomass per sampling point", "BGB (g m⁻², dry mass)");

    private static PlotlyFigure BiomassFigure(JiangcangBiomassResult biomass, JiangcangPanel panel, string title, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(biomass);
        var t = biomass.PerPoint;
        var label = Enumerable.Range(0, (int)t.Rows.Count).ToDictionary(i => (string)t["point"][i], i => $"{t["point"][i]}<br>{t["region"][i]}<br>{t["habitat"][i]}");
        return LetterBarChart.Create(ToBars(panel, title, yTitle, g => label.GetValueOrDefault(g, g)), "Sampling point (region, habitat)",
            $"mean ± SD (n = {panel.Groups[0].N} quadrats)", $"{title} (ANOVA F = {panel.Anova.F:F1}, p = {panel.Anova.P:G2})");
    }

    /// <summary>Fig. 7: the 11 soil panels (mean ± SD per treatment, Tukey letters), four per row.</summary>
    public static PlotlyFigure Fig7(JiangcangSoilResult soil)
    {
        ArgumentNullException.ThrowIfNull(soil);
        var panels = soil.Panels.Select((p, k) =>
        {
            var (letter, _, unit, _) = JiangcangSoil.Variables[k];
            string y = unit == "–" ? p.Variable : $"{p.Variable} ({unit})";
            return ToBars(p, $"({letter}) {p.Variable}: F = {p.Anova.F:F1}, p = {p.Anova.P:G2}", y, g => g);
        }).ToArray();
        return LetterBarChart.Grid(panels, 4, "Treatment", "mean ± SD", "Fig. 7 · Soil properties of the restored pits and the control (Tukey HSD letters, p < " + soil.Panels[0].Alpha + ")");
    }

    /// <summary>Fig. 8: the correlation network of one treatment (Pit5, Pit4, Pit2 or Control).</summary>
    public static PlotlyFigure Fig8(JiangcangCorrelationResult correlations, string treatment)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        if (!correlations.Networks.TryGetValue(treatment, out var net))
            throw new ArgumentException($"No network for '{treatment}'; treatments: {string.Join(", ", correlations.Networks.Keys)}.", nameof(treatment));
        return NetworkChart.Create(net, $"Fig. 8 · Correlation network, {treatment} (n = {correlations.TreatmentMatrices[treatment].N[0, 0]})");
    }

    /// <summary>Fig. 9: pooled correlation matrix with r and significance marks.</summary>
    public static PlotlyFigure Fig9(JiangcangCorrelationResult correlations)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        return CorrelationHeatmap.Create(correlations.Pooled, correlations.Alpha, $"Fig. 9 · Pearson correlations, all treatments pooled (n = {correlations.Pooled.N[0, 0]})");
    }

    private static LetterBarPanel ToBars(JiangcangPanel p, string title, string yTitle, Func<string, string> label) =>
        new(title, yTitle, p.Groups.Select(g => label(g.Group)).ToArray(), p.Groups.Select(g => g.Mean).ToArray(), p.Groups.Select(g => g.Sd).ToArray(), p.Groups.Select(g => g.Letters).ToArray());
}
