using EcoNotebooks.Classification;
using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using EcoNotebooks.Weighting;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>The 17 indicator rasters (C1…C17, Table 2 order) of one year, for <see cref="LingbeiPipeline.Evaluate"/>.</summary>
/// <param name="Year">Year.</param>
/// <param name="Layers">17 rasters on one grid (any <see cref="IRasterSource"/>, e.g. GeoTIFFs opened with GeoTiff.Open, streamed block by block).</param>
public sealed record LingbeiIndicatorYear(int Year, IReadOnlyList<IRasterSource> Layers);

/// <summary>
/// The Lingbei ecological-resilience workflow (the paper's section 3): indicator stack per year (<see cref="IndicatorStack"/>)
/// → min–max normalisation by trend sign (Eqs. 18–19) → weights (AHP subjective from Table 2, mean-square-error
/// objective from the data, combined = mean; Eqs. 15–17) → composite index P = Σ wⱼTⱼ (Eq. 20) → Table 3 levels or
/// natural breaks → class shares and yearly means (Fig. 3) → level changes between consecutive years (Fig. 4) →
/// zonal means of named sites (Fig. 5).
/// <para>Memory. <see cref="Run"/> computes the indicators in memory (17 float32 layers per year; the 214 km² area
/// is ≈ 16 MB per year). Everything after the indicators (<see cref="Evaluate"/>: ranges, objective weights,
/// composite, classes, areas, changes, zonal means) streams the indicator rasters block by block
/// (<see cref="CompositeIndex.ComputeRaster"/>, <see cref="ClassScheme.ClassifyRaster"/>, <see cref="ClassChange"/>,
/// <see cref="ZonalStatistics"/>), so province-scale indicator GeoTIFFs opened as streaming sources need memory only
/// for the outputs.</para>
/// </summary>
public static class LingbeiPipeline
{
    /// <summary>Indicator options of the pipeline (landscape window from the parameters, float32 output).</summary>
    public static IndicatorStackOptions StackOptions(LingbeiParameters p) =>
        new(Landscape: new LandscapeOptions(p.LandscapeWindow), OutputType: PixelType.Float32);

    /// <summary>Runs the whole workflow on raw inputs.</summary>
    public static LingbeiResult Run(LingbeiDataset data, LingbeiParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = parameters ?? LingbeiParameters.Default;
        var inputs = p.Years is null ? data.Years : p.Years.Select(y => data.Years.FirstOrDefault(i => i.Year == y)
            ?? throw new ArgumentException($"Year {y} is not in the data set (years: {string.Join(", ", data.Years.Select(i => i.Year))}).", nameof(parameters))).ToList();
        var stack = IndicatorStack.Compute(inputs, StackOptions(p));
        var years = stack.Select(s => new LingbeiIndicatorYear(s.Year, IndicatorSystem.Indicators.Select(i => (IRasterSource)s.Layers[i.Code]).ToList())).ToList();
        return Evaluate(years, data.Zones, data.ZoneNames, p) with { Indicators = stack };
    }

    /// <summary>The indicator layers of a result computed by <see cref="Run"/> (C1…C17 per year).</summary>
    public static IReadOnlyList<LingbeiIndicatorYear> IndicatorLayers(LingbeiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stack = result.Indicators ?? throw new ArgumentException("The result holds no indicator stack (it came from Evaluate); keep the indicator rasters and call Evaluate instead.", nameof(result));
        return stack.Select(s => new LingbeiIndicatorYear(s.Year, IndicatorSystem.Indicators.Select(i => (IRasterSource)s.Layers[i.Code]).ToList())).ToList();
    }

    /// <summary>Re-evaluates the indicators of <paramref name="result"/> under other parameters (weights, classes, normalisation) without recomputing them. The landscape window and years of the stack are kept.</summary>
    public static LingbeiResult Reevaluate(LingbeiResult result, LingbeiDataset data, LingbeiParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        return Evaluate(IndicatorLayers(result), data.Zones, data.ZoneNames, parameters) with { Indicators = result.Indicators };
    }

    /// <summary>
    /// Sensitivity of the results to the method choices (the notebook's sensitivity section): for subjective,
    /// objective and combined weights, each with Table 3 classes and with natural breaks, the per-year mean,
    /// excellent + good share, poor share and the class breaks used. Other parameters are taken from <paramref name="result"/>.
    /// </summary>
    public static DataFrame Sensitivity(LingbeiResult result, LingbeiDataset data)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<(string W, string C, int Year, double Mean, double Eg, double Poor, string Breaks)>();
        foreach (var w in new[] { WeightScheme.Subjective, WeightScheme.Objective, WeightScheme.Combined })
            foreach (var c in new[] { ResilienceClassification.FixedTable3, ResilienceClassification.NaturalBreaks })
            {
                var r = Reevaluate(result, data, result.Parameters with { Weights = w, Classification = c });
                string breaks = string.Join(" / ", r.Scheme.Breaks.Skip(1).Take(r.Scheme.ClassCount - 1).Select(b => b.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
                rows.AddRange(r.Years.Select(y => (w.ToString(), c.ToString(), y.Year, y.Mean, y.ExcellentGoodPercent, y.PoorPercent, breaks)));
            }
        return new DataFrame(
            new StringDataFrameColumn("weights", rows.Select(r => r.W)),
            new StringDataFrameColumn("classes", rows.Select(r => r.C)),
            new Int32DataFrameColumn("year", rows.Select(r => r.Year)),
            new DoubleDataFrameColumn("mean", rows.Select(r => Math.Round(r.Mean, 4))),
            new DoubleDataFrameColumn("excellent_good_pct", rows.Select(r => Math.Round(r.Eg, 2))),
            new DoubleDataFrameColumn("poor_pct", rows.Select(r => Math.Round(r.Poor, 2))),
            new StringDataFrameColumn("inner_breaks", rows.Select(r => r.Breaks)));
    }

    /// <summary>Directions of C1…C17 under <paramref name="desertification"/> (Table 2 trends, C1 as chosen).</summary>
    public static IReadOnlyList<IndicatorDirection> Directions(DesertificationDirection desertification = DesertificationDirection.DesertificationIsNegative) =>
        IndicatorSystem.Indicators.Select(i => i.Code == "C1" && desertification == DesertificationDirection.DesertificationIsNegative
            ? IndicatorDirection.Positive
            : i.Trend == Trend.Positive ? IndicatorDirection.Positive : IndicatorDirection.Negative).ToList();

    /// <summary>Printed subjective weights of Table 2 rescaled to sum 1 (they sum to 1.0000 as printed, to rounding).</summary>
    public static double[] SubjectiveWeights()
    {
        var s = IndicatorSystem.Indicators.Select(i => (double)i.SubjectiveWeight).ToArray();
        double sum = s.Sum();
        return s.Select(v => v / sum).ToArray();
    }

    /// <summary>Normalisation ranges per year and indicator: each year's own (min, max) or the pooled range over all years.</summary>
    public static (double Min, double Max)[][] Ranges(IReadOnlyList<LingbeiIndicatorYear> years, NormalisationScope scope)
    {
        ArgumentNullException.ThrowIfNull(years);
        var own = years.Select(y => y.Layers.Select(l => { var s = RasterStatistics.Compute(l); return (s.Min, s.Max); }).ToArray()).ToArray();
        if (scope == NormalisationScope.PerYear) return own;
        int m = own[0].Length;
        var pooled = Enumerable.Range(0, m).Select(j => (own.Min(r => r[j].Min), own.Max(r => r[j].Max))).ToArray();
        return years.Select(_ => pooled).ToArray();
    }

    /// <summary>
    /// Mean-square-error objective weights (Eq. 16) of normalised indicators pooled over all pixels of all years:
    /// σⱼ = population standard deviation of Tⱼ over every valid pixel, wⱼ = σⱼ/Σσ. Equals
    /// <see cref="ObjectiveWeights.StandardDeviation"/> on the concatenated normalised values; streamed block by block.
    /// </summary>
    public static double[] ObjectiveFromData(IReadOnlyList<LingbeiIndicatorYear> years, IReadOnlyList<IndicatorDirection> directions,
        (double Min, double Max)[][] ranges)
    {
        ArgumentNullException.ThrowIfNull(years);
        int m = directions.Count;
        var n = new long[m]; var mean = new double[m]; var m2 = new double[m];
        for (int t = 0; t < years.Count; t++)
        {
            var layers = years[t].Layers;
            if (layers.Count != m) throw new ArgumentException($"Year {years[t].Year} has {layers.Count} indicator layers; {m} are needed.", nameof(years));
            for (int j = 0; j < m; j++)
            {
                var src = layers[j];
                var (bw, bh) = src.BlockSize;
                var buf = new double[(long)bw * bh];
                var (min, max) = ranges[t][j];
                foreach (var w in RasterWindow.Blocks(src.Grid.Width, src.Grid.Height, bw, bh))
                {
                    var span = buf.AsSpan(0, (int)w.PixelCount);
                    src.ReadWindow(0, w, span);
                    foreach (double raw in span)
                    {
                        if (NoData.IsMissing(raw, src.NoData)) continue;
                        double x = MinMaxNormalisation.Normalise(raw, min, max, directions[j]);
                        n[j]++;
                        double d = x - mean[j];
                        mean[j] += d / n[j];
                        m2[j] += d * (x - mean[j]);
                    }
                }
            }
        }
        var sd = Enumerable.Range(0, m).Select(j => n[j] > 1 ? Math.Sqrt(m2[j] / n[j]) : 0).ToArray();
        double total = sd.Sum();
        if (!(total > 0)) throw new ArgumentException("Every indicator is constant; objective weights are undefined.", nameof(years));
        return sd.Select(s => s / total).ToArray();
    }

    /// <summary>
    /// Evaluates indicator rasters (any streaming source): normalisation, weights, index, classes, shares, changes and
    /// zonal series. <paramref name="zones"/> (integer codes, 0 = none) and <paramref name="zoneNames"/> are optional.
    /// </summary>
    public static LingbeiResult Evaluate(IReadOnlyList<LingbeiIndicatorYear> years, IRasterSource? zones = null,
        IReadOnlyDictionary<int, string>? zoneNames = null, LingbeiParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        var p = parameters ?? LingbeiParameters.Default;
        if (years.Count == 0) throw new ArgumentException("No years to evaluate.", nameof(years));
        var defs = IndicatorSystem.Indicators;
        foreach (var y in years)
            if (y.Layers.Count != defs.Count) throw new ArgumentException($"Year {y.Year} has {y.Layers.Count} indicator layers; {defs.Count} (C1…C17) are needed.", nameof(years));
        var directions = Directions(p.Desertification);
        var ranges = Ranges(years, p.Normalisation);
        var objective = ObjectiveFromData(years, directions, ranges);
        var subjective = SubjectiveWeights();
        var combined = CombinedWeights.Combine(subjective, objective);
        double[] used = p.Weights switch
        {
            WeightScheme.Subjective => subjective,
            WeightScheme.Objective => objective,
            WeightScheme.Combined => combined,
            WeightScheme.PrintedCombined => defs.Select(d => (double)d.CombinedWeight).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(parameters), p.Weights, "Unknown weight scheme."),
        };
        var weights = defs.Select((d, j) => new LingbeiWeight(d.Code, d.Name, d.Criterion, d.TrendSymbol, directions[j],
            (double)d.ObjectiveWeight, (double)d.SubjectiveWeight, (double)d.CombinedWeight, (double)d.RuleCombinedWeightRounded,
            d.CombinedWeightConsistent, objective[j], subjective[j], combined[j], used[j])).ToList();

        var indices = years.Select((y, t) => CompositeIndex.ComputeRaster(y.Layers, directions, used, ranges[t]).Index).ToList();
        var scheme = p.Classification == ResilienceClassification.FixedTable3
            ? LingbeiPublished.Table3
            : NaturalBreaksScheme(indices, p.BreaksSampleSize, p.Seed);

        var yearResults = new List<LingbeiYearResult>();
        for (int t = 0; t < years.Count; t++)
        {
            var classes = scheme.ClassifyRaster(indices[t]);
            var areas = ClassAreaTable.FromCodes(classes, Enumerable.Range(0, scheme.ClassCount).Select(k => (k + 1, scheme.Names[k])).ToList());
            double mean = RasterStatistics.Compute(indices[t]).Mean;
            int k = scheme.ClassCount;
            yearResults.Add(new LingbeiYearResult(years[t].Year, indices[t], classes, areas, mean,
                areas[k - 1].Percent + areas[k - 2].Percent, areas[1].Percent, ranges[t]));
        }
        var changes = new List<LingbeiChange>();
        for (int t = 1; t < years.Count; t++)
            changes.Add(new LingbeiChange(years[t - 1].Year, years[t].Year, ClassChange.Compute(yearResults[t - 1].Classes, yearResults[t].Classes, scheme.ClassCount)));

        var sites = new List<LingbeiSiteSeries>();
        if (zones is not null)
        {
            var perYear = yearResults.Select(y => ZonalStatistics.Compute(y.Index, zones)).ToList();
            var codes = perYear.SelectMany(z => z.Select(s => s.Zone)).Distinct().Order().ToList();
            foreach (int code in codes)
            {
                string name = zoneNames is not null && zoneNames.TryGetValue(code, out var nm) ? nm : $"zone {code}";
                sites.Add(new LingbeiSiteSeries(code, name, years.Select(y => y.Year).ToList(),
                    perYear.Select(z => z.FirstOrDefault(s => s.Zone == code)?.Mean ?? double.NaN).ToList()));
            }
        }
        return new LingbeiResult(p, weights, scheme, yearResults, changes, sites, null);
    }

    /// <summary>
    /// Five natural-break levels (Fisher–Jenks, classInt "fisher") from a seeded sample of the index values of all
    /// years (each year's min and max included), named and coloured as Table 3's levels.
    /// </summary>
    public static ClassScheme NaturalBreaksScheme(IReadOnlyList<IRasterSource> indices, int sampleSize = 3000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0) throw new ArgumentException("No index rasters.", nameof(indices));
        int per = Math.Max(2, sampleSize / indices.Count);
        var values = indices.SelectMany((r, t) => ClassBreaks.SampleRaster(r, per, seed + t)).ToArray();
        var intervals = ClassBreaks.Compute(values, 5, BreaksMethod.Fisher);
        return ClassScheme.FromIntervals(intervals, LingbeiPublished.ClassNames, LingbeiPublished.Table3.Colours);
    }
}
