using EcoNotebooks.Trends;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Trends;

/// <summary>
/// Mann–Kendall and Sen slope against Reference/trendweights.R: S, Var(S), Z and p computed by hand in R and
/// cross-checked there with stats::cor.test(method = "kendall", exact = FALSE) (identical to 1e-14); Sen slope as the
/// median of pairwise slopes in R. Tolerance 1e-8 (relative for |x| &gt; 1). Kendall/trend are not in Debian 12.
/// </summary>
public sealed class MannKendallTests
{
    public static TheoryData<string> SeriesIds() => [.. Root.GetProperty("mann_kendall").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    private static System.Text.Json.JsonElement Series(string id) =>
        Root.GetProperty("mann_kendall").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    [Theory]
    [MemberData(nameof(SeriesIds))]
    public void MannKendall_matches_R_with_and_without_continuity_correction(string id)
    {
        var s = Series(id);
        var y = Doubles(s.GetProperty("y"));
        var r = MannKendall.Test(y);
        Assert.Equal((int)Num(s, "n"), r.N);
        Close(Num(s, "s"), r.S, 1e-12, $"{id} S");
        Close(Num(s, "var_s"), r.VarS, 1e-12, $"{id} Var(S)");
        Close(Num(s, "z"), r.Z, 1e-8, $"{id} Z");
        Close(Num(s, "p"), r.P, 1e-8, $"{id} p");
        if (!double.IsNaN(Num(s, "cortest_z"))) Close(Num(s, "cortest_z"), r.Z, 1e-8, $"{id} Z vs cor.test");
        var nocc = MannKendall.Test(y, continuityCorrection: false);
        Close(Num(s, "z_nocc"), nocc.Z, 1e-8, $"{id} Z without continuity correction");
        Close(Num(s, "p_nocc"), nocc.P, 1e-8, $"{id} p without continuity correction");
    }

    [Theory]
    [MemberData(nameof(SeriesIds))]
    public void SenSlope_matches_R_median_of_pairwise_slopes_with_gaps_keeping_their_years(string id)
    {
        var s = Series(id);
        double beta = SenSlope.Estimate(Doubles(s.GetProperty("t")), Doubles(s.GetProperty("y")));
        Close(Num(s, "sen_slope"), beta, 1e-10, $"{id} Sen slope");
    }

    [Fact]
    public void TwoSidedP_is_accurate_in_the_tail()
    {
        // R 4.2.2, print(2 * pnorm(-6), digits = 17) and print(2 * pnorm(-1.96), digits = 17)
        Close(1.9731752900753962e-09, MannKendall.TwoSidedP(6), 1e-20, "p(6)");   // relative 1e-11
        Close(0.049995790296440856, MannKendall.TwoSidedP(-1.96), 1e-14, "p(-1.96)");
    }

    [Fact]
    public void Sen_slope_on_unit_steps_is_per_step_and_a_perfect_line_gives_its_slope()
    {
        Assert.Equal(2.5, SenSlope.Estimate([1, 3.5, 6, 8.5, 11]), 12);
        Assert.Equal(0.5, SenSlope.Estimate([2000, 2002, 2008], [1, 2, 5]), 12);
    }

    [Fact]
    public void Median_by_selection_equals_median_by_sorting_with_ties()
    {
        var rng = new Random(11);
        for (int rep = 0; rep < 500; rep++)
        {
            int n = rng.Next(2, 40);
            var t = Enumerable.Range(0, n).Select(i => 2000.0 + i + (i > 5 ? 2 : 0)).ToArray();
            var x = Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, 6)).ToArray();   // many tied slopes
            var slopes = new List<double>();
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) slopes.Add((x[j] - x[i]) / (t[j] - t[i]));
            slopes.Sort();
            int m = slopes.Count;
            double median = m % 2 == 1 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
            Assert.Equal(median, SenSlope.Estimate(t, x));
        }
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_value()
    {
        var e = Assert.Throws<ArgumentException>(() => MannKendall.Test([1, double.NaN]));
        Assert.Contains("got 1", e.Message);
        var t = Assert.Throws<ArgumentException>(() => SenSlope.Estimate([2000, 2000, 2001], [1, 2, 3]));
        Assert.Contains("2000", t.Message);
        Assert.Throws<ArgumentException>(() => MannKendall.Test([1, double.PositiveInfinity, 2]));
    }
}
