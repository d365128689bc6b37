using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Trends;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

[Collection("jiangcang-sample")]
public sealed class JiangcangTrendTests(JiangcangSampleFixture sample)
{
    /// <summary>Per-pit class pixel counts equal an independent numpy Sen + Mann–Kendall implementation (both readings), exactly.</summary>
    [Fact]
    public void Class_areas_match_the_numpy_reference_in_both_readings()
    {
        var reference = ReferenceData.Json("jiangcang_fvc_trend.json").GetProperty("trend");
        var t = sample.Trend.AreaTable;
        foreach (var (reading, col) in new[] { ("corrected", "km2_corrected"), ("uncorrected", "km2_uncorrected") })
            foreach (var pit in new[] { "Pit4", "Pit5" })
                foreach (var cls in TrendClasses.All)
                {
                    long expected = reference.GetProperty(reading).GetProperty(pit).GetProperty(((int)cls).ToString()).GetInt64();
                    long row = Enumerable.Range(0, (int)t.Rows.Count).Single(i => (string)t["pit"][i] == pit && (string)t["class"][i] == cls.ToSnakeName());
                    Assert.Equal(expected * 1e-4, (double)t[col][row]!, 9); // 10 m pixels = 1e-4 km²
                }
    }

    /// <summary>Fig. 4 shares: every group within 1 percentage point of the paper (Pit 5: of its printed groups, which do not add up).</summary>
    [Theory]
    [InlineData("Pit4", "increase_significant_or_slight", 13.92)]
    [InlineData("Pit4", "no_significant_increase", 70.80)]
    [InlineData("Pit4", "no_change", 4.48)]
    [InlineData("Pit4", "no_significant_decrease", 10.67)]
    [InlineData("Pit4", "decrease_significant_or_slight", 0.14)]
    [InlineData("Pit5", "increase_significant_or_slight", 4.37)]
    [InlineData("Pit5", "no_change", 4.44)]
    [InlineData("Pit5", "no_significant_decrease", 16.28)]
    public void Trend_shares_are_near_fig4(string pit, string group, double published)
    {
        Assert.InRange(sample.Trend.GroupPercent(pit, group, corrected: true), published - 1, published + 1);
        Assert.InRange(sample.Trend.GroupPercent(pit, group, corrected: false), published - 1, published + 1);
    }

    [Fact]
    public void Pit5_increase_and_decrease_totals_are_near_the_printed_76_57_and_17_66()
    {
        double inc = sample.Trend.GroupPercent("Pit5", "increase_significant_or_slight", true) + sample.Trend.GroupPercent("Pit5", "no_significant_increase", true);
        double dec = sample.Trend.GroupPercent("Pit5", "decrease_significant_or_slight", true) + sample.Trend.GroupPercent("Pit5", "no_significant_decrease", true);
        Assert.InRange(inc, 76.57 - 2, 76.57 + 2); // the sample spreads the paper's missing 1.33 % over the groups
        Assert.InRange(dec, 17.66 - 1, 17.66 + 1);
        Assert.Equal(98.67, sample.Trend.Comparison.Rows.Cast<Microsoft.Data.Analysis.DataFrameRow>()
            .Where(r => (string)r[0] == "Pit5" && (string)r[1] == "total").Select(r => (double)r[2]).Single(), 2);
    }

    [Fact]
    public void With_four_years_the_corrected_z_never_reaches_1_96()
    {
        Assert.Equal(1.70, sample.Trend.MaxAbsZCorrected, 2);
        Assert.Equal(2.04, sample.Trend.MaxAbsZUncorrected, 2);
        var classes = sample.Trend.Corrected.Class.Band(0).ToDoubleArray();
        Assert.DoesNotContain((double)TrendClass.SignificantIncrease, classes);
        Assert.DoesNotContain((double)TrendClass.SignificantDecrease, classes);
        // Without the correction the monotonic pixels become "significant" instead of "slightly significant".
        Assert.Equal(sample.Trend.GroupPercent("Pit4", "increase_significant_or_slight", true), sample.Trend.GroupPercent("Pit4", "increase_significant_or_slight", false), 9);
        var uncorrected = sample.Trend.Uncorrected.Class.Band(0).ToDoubleArray();
        Assert.Contains((double)TrendClass.SignificantIncrease, uncorrected);
        Assert.DoesNotContain((double)TrendClass.SlightlySignificantIncrease, uncorrected.Where((_, i) => classes[i] == (double)TrendClass.SlightlySignificantIncrease));
    }

    [Fact]
    public void Pit_areas_sum_to_the_published_pit_areas()
    {
        var t = sample.Trend.AreaTable;
        foreach (var (pit, km2) in new[] { ("Pit4", 2.50), ("Pit5", 2.93) })
            Assert.Equal(km2, Enumerable.Range(0, (int)t.Rows.Count).Where(i => (string)t["pit"][i] == pit).Sum(i => (double)t["km2_corrected"][i]!), 3);
        Assert.Equal([2021, 2022, 2023, 2024], sample.Trend.Years);
    }

    [Fact]
    public void Max_abs_z_follows_the_formula()
    {
        for (int n = 3; n <= 12; n++)
        {
            double s = n * (n - 1) / 2.0, sd = Math.Sqrt(n * (n - 1) * (2 * n + 5) / 18.0);
            Assert.Equal((s - 1) / sd, JiangcangTrend.MaxAbsZ(n, true), 12);
            Assert.Equal(s / sd, JiangcangTrend.MaxAbsZ(n, false), 12);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => JiangcangTrend.MaxAbsZ(2, true));
    }

    [Fact]
    public void Too_few_trend_years_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => JiangcangTrend.Compute(sample.Fvc, new JiangcangParameters { TrendFirstYear = 2026, TrendLastYear = 2030 }));
        Assert.Contains("2026", e.Message);
    }
}
