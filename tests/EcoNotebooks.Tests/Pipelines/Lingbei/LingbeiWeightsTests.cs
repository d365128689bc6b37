using EcoNotebooks.Indicators;
using EcoNotebooks.Pipelines.Lingbei;
using EcoNotebooks.Rasters;
using EcoNotebooks.Weighting;

namespace EcoNotebooks.Tests.Pipelines.Lingbei;

/// <summary>Table 2 weights: the printed table, the Eq. 17 rule (C16 flagged), and the data-driven objective weights.</summary>
public class LingbeiWeightsTests
{
    private static readonly RasterGrid Grid = RasterGrid.NorthUp(7, 5, 300_000, 2_760_000, 30, SpatialReference.Utm(50));

    /// <summary>17 small indicator layers per year with different spreads, a NaN and a constant layer.</summary>
    private static List<LingbeiIndicatorYear> Years()
    {
        var rng = new Random(42);
        return [.. new[] { 2000, 2010 }.Select(y => new LingbeiIndicatorYear(y, Enumerable.Range(0, 17).Select(j =>
        {
            var v = Enumerable.Range(0, Grid.Width * Grid.Height).Select(i => j == 16 ? 5.0 : (j + 1) * rng.NextDouble() + (y == 2010 ? j * 0.1 : 0)).ToArray();
            if (j == 3) v[4] = double.NaN;
            return (IRasterSource)Raster.FromArray(Grid, v);
        }).ToList()))];
    }

    [Fact]
    public void Printed_combined_weights_follow_Eq17_except_C16()
    {
        var r = LingbeiPipeline.Evaluate(Years());
        Assert.Equal(17, r.Weights.Count);
        Assert.Equal(["C16"], r.Weights.Where(w => !w.PrintedConsistent).Select(w => w.Code));
        var c16 = r.Weights.Single(w => w.Code == "C16");
        Assert.Equal(0.0391, c16.PrintedCombined, 12);
        Assert.Equal(0.0395, c16.RuleCombined, 12);
        foreach (var w in r.Weights.Where(w => w.Code != "C16"))
            Assert.Equal((decimal)w.PrintedCombined, Math.Round(((decimal)w.PrintedObjective + (decimal)w.PrintedSubjective) / 2, 4, MidpointRounding.AwayFromZero));
        var table = r.Table2();
        Assert.Equal(17, table.Rows.Count);
        Assert.Equal(false, table["printed_follows_rule"][15]);
        Assert.Equal("C16", table["code"][15]);
    }

    [Fact]
    public void Combined_is_the_mean_of_subjective_and_objective_and_sums_to_one()
    {
        var r = LingbeiPipeline.Evaluate(Years());
        foreach (var w in r.Weights) Assert.Equal((w.Subjective + w.ComputedObjective) / 2, w.ComputedCombined, 15);
        Assert.Equal(1, r.Weights.Sum(w => w.ComputedCombined), 12);
        Assert.Equal(1, r.Weights.Sum(w => w.Subjective), 12);
        Assert.Equal(1, r.Weights.Sum(w => w.ComputedObjective), 12);
        // Subjective = printed AHP weights rescaled (they already sum to 1 to rounding).
        double s = IndicatorSystem.Indicators.Sum(i => (double)i.SubjectiveWeight);
        foreach (var w in r.Weights) Assert.Equal(w.PrintedSubjective / s, w.Subjective, 15);
        Assert.All(r.Weights, w => Assert.Equal(w.ComputedCombined, w.Used, 15));
    }

    [Fact]
    public void Objective_weights_equal_ObjectiveWeights_on_the_pooled_normalised_values()
    {
        // Guards the streaming σ: it must equal the batch Eq. 16 on every pixel of every year, normalised per year.
        var years = Years();
        var dirs = LingbeiPipeline.Directions();
        var ranges = LingbeiPipeline.Ranges(years, NormalisationScope.PerYear);
        var pooled = Enumerable.Range(0, 17).Select(j => (IReadOnlyList<double>)years.SelectMany((y, t) =>
            ((Raster)y.Layers[j]).Band(0).ToDoubleArray().Select(v => MinMaxNormalisation.Normalise(v, ranges[t][j].Min, ranges[t][j].Max, dirs[j]))).ToList()).ToList();
        var expected = ObjectiveWeights.StandardDeviation(pooled);
        var actual = LingbeiPipeline.ObjectiveFromData(years, dirs, ranges);
        for (int j = 0; j < 17; j++) Assert.Equal(expected[j], actual[j], 12);
        Assert.Equal(0, actual[16]); // the constant layer carries no information
    }

    [Fact]
    public void Pooled_ranges_span_all_years_and_per_year_ranges_are_each_years_own()
    {
        var years = Years();
        var own = LingbeiPipeline.Ranges(years, NormalisationScope.PerYear);
        var pooled = LingbeiPipeline.Ranges(years, NormalisationScope.Pooled);
        for (int j = 0; j < 17; j++)
        {
            var v0 = ((Raster)years[0].Layers[j]).Band(0).ToDoubleArray().Where(double.IsFinite).ToArray();
            Assert.Equal(v0.Min(), own[0][j].Min, 12);
            Assert.Equal(v0.Max(), own[0][j].Max, 12);
            Assert.Equal(Math.Min(own[0][j].Min, own[1][j].Min), pooled[1][j].Min, 12);
            Assert.Equal(Math.Max(own[0][j].Max, own[1][j].Max), pooled[0][j].Max, 12);
        }
    }

    [Fact]
    public void Directions_follow_Table2_with_C1_as_chosen()
    {
        var d = LingbeiPipeline.Directions();
        var p = LingbeiPipeline.Directions(DesertificationDirection.AsPrinted);
        Assert.Equal(IndicatorDirection.Positive, d[0]);
        Assert.Equal(IndicatorDirection.Negative, p[0]);
        for (int j = 1; j < 17; j++)
        {
            var expected = IndicatorSystem.Indicators[j].Trend == Trend.Positive ? IndicatorDirection.Positive : IndicatorDirection.Negative;
            Assert.Equal(expected, d[j]);
            Assert.Equal(expected, p[j]);
        }
        Assert.Equal(IndicatorDirection.Positive, d[14]);  // FN "+" kept as printed
        Assert.Equal(IndicatorDirection.Negative, d[12]);  // ECO "−" kept as printed
    }

    [Fact]
    public void Index_is_the_weighted_sum_of_normalised_indicators()
    {
        var years = Years();
        var r = LingbeiPipeline.Evaluate(years, parameters: new LingbeiParameters(Weights: WeightScheme.Subjective));
        var dirs = LingbeiPipeline.Directions();
        var idx = r.Years[1].Index.Band(0).ToDoubleArray();
        for (int i = 0; i < idx.Length; i++)
        {
            double expected = 0;
            for (int j = 0; j < 17; j++)
            {
                var (min, max) = r.Years[1].Ranges[j];
                double v = ((Raster)years[1].Layers[j]).Band(0).ToDoubleArray()[i];
                expected += r.Weights[j].Subjective * MinMaxNormalisation.Normalise(v, min, max, dirs[j]);
            }
            if (double.IsNaN(expected)) Assert.True(double.IsNaN(idx[i])); else Assert.Equal(expected, idx[i], 12);
        }
        Assert.True(double.IsNaN(idx[4]));
    }
}
