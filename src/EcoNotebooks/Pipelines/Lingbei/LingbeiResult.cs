using EcoNotebooks.Classification;
using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using EcoNotebooks.Weighting;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>The weights of one indicator: printed in Table 2, computed from the data, and used.</summary>
/// <param name="Code">C1…C17.</param>
/// <param name="Indicator">Indicator name.</param>
/// <param name="Criterion">Criterion layer (B1…B5 name).</param>
/// <param name="Trend">Trend as printed ("+" or "−").</param>
/// <param name="Direction">Direction used for normalisation (differs from the printed trend only for C1 under <see cref="DesertificationDirection.DesertificationIsNegative"/>).</param>
/// <param name="PrintedObjective">Objective weight as printed.</param>
/// <param name="PrintedSubjective">Subjective (AHP) weight as printed.</param>
/// <param name="PrintedCombined">Combined weight as printed.</param>
/// <param name="RuleCombined">(printed objective + printed subjective)/2 rounded to 4 decimals (Eq. 17).</param>
/// <param name="PrintedConsistent">Printed combined = rule (false only for C16).</param>
/// <param name="ComputedObjective">Objective weight computed from the data (Eq. 16).</param>
/// <param name="Subjective">Printed subjective weight rescaled so the 17 sum to 1.</param>
/// <param name="ComputedCombined">(Subjective + ComputedObjective)/2.</param>
/// <param name="Used">Weight used in the index under the chosen scheme.</param>
public sealed record LingbeiWeight(string Code, string Indicator, string Criterion, string Trend, IndicatorDirection Direction,
    double PrintedObjective, double PrintedSubjective, double PrintedCombined, double RuleCombined, bool PrintedConsistent,
    double ComputedObjective, double Subjective, double ComputedCombined, double Used);

/// <summary>Resilience of one study year.</summary>
/// <param name="Year">Year.</param>
/// <param name="Index">Resilience index P (Eq. 20), float64, NaN where an indicator is missing.</param>
/// <param name="Classes">uint8 level codes 1…5 (severe … excellent), nodata 0.</param>
/// <param name="ClassAreas">Area and share of each level.</param>
/// <param name="Mean">Mean of the index over valid pixels.</param>
/// <param name="ExcellentGoodPercent">Share of excellent + good, %.</param>
/// <param name="PoorPercent">Share of poor, %.</param>
/// <param name="Ranges">(min, max) used to normalise each indicator C1…C17.</param>
public sealed record LingbeiYearResult(int Year, Raster Index, Raster Classes, IReadOnlyList<ClassArea> ClassAreas, double Mean,
    double ExcellentGoodPercent, double PoorPercent, IReadOnlyList<(double Min, double Max)> Ranges);

/// <summary>Zonal mean resilience of a named site per year.</summary>
/// <param name="Code">Zone code.</param>
/// <param name="Name">Site name.</param>
/// <param name="Years">Years.</param>
/// <param name="Means">Mean index in the zone per year.</param>
public sealed record LingbeiSiteSeries(int Code, string Name, IReadOnlyList<int> Years, IReadOnlyList<double> Means);

/// <summary>Class change between two study years.</summary>
/// <param name="From">Earlier year.</param>
/// <param name="To">Later year.</param>
/// <param name="Change">Change map and areas (<see cref="ClassChange"/>).</param>
public sealed record LingbeiChange(int From, int To, ClassChangeResult Change);

/// <summary>Everything the Lingbei pipeline computes (<see cref="LingbeiPipeline"/>), with tables beside the published values.</summary>
/// <param name="Parameters">Parameters used.</param>
/// <param name="Weights">Table 2 with printed, computed and used weights.</param>
/// <param name="Scheme">The classification used (Table 3 or natural breaks).</param>
/// <param name="Years">Per-year results.</param>
/// <param name="Changes">Changes between consecutive years.</param>
/// <param name="Sites">Zonal series of the named zones.</param>
/// <param name="Indicators">The indicator stack (null when the pipeline was given indicator rasters).</param>
public sealed record LingbeiResult(LingbeiParameters Parameters, IReadOnlyList<LingbeiWeight> Weights, ClassScheme Scheme,
    IReadOnlyList<LingbeiYearResult> Years, IReadOnlyList<LingbeiChange> Changes, IReadOnlyList<LingbeiSiteSeries> Sites,
    IReadOnlyList<IndicatorYear>? Indicators)
{
    /// <summary>
    /// Table 2 as a DataFrame: code, criterion, indicator, trend, direction used, printed objective/subjective/combined,
    /// the Eq. 17 rule, whether the printed combined weight follows it (false for C16), the objective and combined
    /// weights computed from the data, and the weight used.
    /// </summary>
    public DataFrame Table2() => new(
        new StringDataFrameColumn("code", Weights.Select(w => w.Code)),
        new StringDataFrameColumn("criterion", Weights.Select(w => w.Criterion)),
        new StringDataFrameColumn("indicator", Weights.Select(w => w.Indicator)),
        new StringDataFrameColumn("trend", Weights.Select(w => w.Trend)),
        new StringDataFrameColumn("direction_used", Weights.Select(w => w.Direction == IndicatorDirection.Positive ? "+" : "−")),
        new DoubleDataFrameColumn("objective_printed", Weights.Select(w => w.PrintedObjective)),
        new DoubleDataFrameColumn("subjective_printed", Weights.Select(w => w.PrintedSubjective)),
        new DoubleDataFrameColumn("combined_printed", Weights.Select(w => w.PrintedCombined)),
        new DoubleDataFrameColumn("combined_rule", Weights.Select(w => w.RuleCombined)),
        new BooleanDataFrameColumn("printed_follows_rule", Weights.Select(w => w.PrintedConsistent)),
        new DoubleDataFrameColumn("objective_computed", Weights.Select(w => Math.Round(w.ComputedObjective, 4))),
        new DoubleDataFrameColumn("combined_computed", Weights.Select(w => Math.Round(w.ComputedCombined, 4))),
        new DoubleDataFrameColumn("weight_used", Weights.Select(w => Math.Round(w.Used, 4))));

    /// <summary>
    /// Fig. 3 as a DataFrame: per year the mean index and the share of each level (<c>excellent_pct</c> …
    /// <c>severe_pct</c>), beside the published mean, excellent + good and poor shares (published columns are NaN for
    /// years the paper does not report).
    /// </summary>
    public DataFrame YearSummary()
    {
        double Pub(IReadOnlyList<double> v, int year) { int i = LingbeiPublished.Years.ToList().IndexOf(year); return i < 0 ? double.NaN : v[i]; }
        var cols = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("year", Years.Select(y => y.Year)),
            new DoubleDataFrameColumn("mean", Years.Select(y => Math.Round(y.Mean, 4))),
            new DoubleDataFrameColumn("mean_published", Years.Select(y => Pub(LingbeiPublished.MeanResilience, y.Year))),
        };
        for (int k = Scheme.ClassCount - 1; k >= 0; k--)
            cols.Add(new DoubleDataFrameColumn(Scheme.Names[k].ToLowerInvariant().Replace(' ', '_') + "_pct", Years.Select(y => Math.Round(y.ClassAreas[k].Percent, 2))));
        cols.Add(new DoubleDataFrameColumn("excellent_good_pct", Years.Select(y => Math.Round(y.ExcellentGoodPercent, 2))));
        cols.Add(new DoubleDataFrameColumn("excellent_good_published", Years.Select(y => Pub(LingbeiPublished.ExcellentGoodPercent, y.Year))));
        cols.Add(new DoubleDataFrameColumn("poor_published", Years.Select(y => Pub(LingbeiPublished.PoorPercent, y.Year))));
        return new DataFrame(cols);
    }

    /// <summary>Fig. 5 text as a DataFrame: site, year, computed zonal mean, published value (NaN where not published).</summary>
    public DataFrame SiteTable()
    {
        var rows = Sites.SelectMany(s => s.Years.Select((y, i) =>
        {
            double pub = LingbeiPublished.SiteMeans.TryGetValue(s.Name, out var v) && LingbeiPublished.SiteYears.Contains(y)
                ? v[LingbeiPublished.SiteYears.ToList().IndexOf(y)] : double.NaN;
            return (s.Name, Year: y, Mean: s.Means[i], Pub: pub);
        })).ToList();
        return new DataFrame(
            new StringDataFrameColumn("site", rows.Select(r => r.Name)),
            new Int32DataFrameColumn("year", rows.Select(r => r.Year)),
            new DoubleDataFrameColumn("mean", rows.Select(r => Math.Round(r.Mean, 4))),
            new DoubleDataFrameColumn("published", rows.Select(r => r.Pub)));
    }

    /// <summary>Fig. 4 as a DataFrame: per period, the area (km²) and share (%) of each change category.</summary>
    public DataFrame ChangeTable()
    {
        var rows = Changes.SelectMany(c => c.Change.Areas.Select(a => (Period: $"{c.From}–{c.To}", a.Name, a.AreaKm2, a.Percent))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("period", rows.Select(r => r.Period)),
            new StringDataFrameColumn("change", rows.Select(r => r.Name)),
            new DoubleDataFrameColumn("area_km2", rows.Select(r => Math.Round(r.AreaKm2, 3))),
            new DoubleDataFrameColumn("percent", rows.Select(r => Math.Round(r.Percent, 2))));
    }

    /// <summary>
    /// The albedo–NDVI feature-space fit of C1 per year (Eq. 2, A = a·N + b on normalised NDVI and albedo): slope a,
    /// k = −1/a, R² and pixel count, with the NDMVI end-members of C3. With a &lt; 0, Eq. 1's DDI grows with
    /// vegetation. Empty when the result holds no indicator stack.
    /// </summary>
    public DataFrame FeatureSpaceTable()
    {
        var s = Indicators ?? [];
        return new DataFrame(
            new Int32DataFrameColumn("year", s.Select(y => y.Year)),
            new DoubleDataFrameColumn("slope_a", s.Select(y => Math.Round(y.FeatureSpace.Slope, 4))),
            new DoubleDataFrameColumn("k", s.Select(y => Math.Round(y.FeatureSpace.K, 3))),
            new DoubleDataFrameColumn("r_squared", s.Select(y => Math.Round(y.FeatureSpace.RSquared, 4))),
            new Int64DataFrameColumn("pixels", s.Select(y => y.FeatureSpace.Count)),
            new DoubleDataFrameColumn("ndmvi_soil", s.Select(y => Math.Round(y.FvcEndmembers.Soil, 4))),
            new DoubleDataFrameColumn("ndmvi_vegetation", s.Select(y => Math.Round(y.FvcEndmembers.Vegetation, 4))));
    }

    /// <summary>The result of year <paramref name="year"/>.</summary>
    public LingbeiYearResult Year(int year) => Years.FirstOrDefault(y => y.Year == year)
        ?? throw new ArgumentException($"Year {year} was not evaluated (years: {string.Join(", ", Years.Select(y => y.Year))}).", nameof(year));
}
