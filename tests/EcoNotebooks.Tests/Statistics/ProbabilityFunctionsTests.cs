using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>MathNet-based t and F tails and quantiles against R's pt, qt and pf (Reference/stats.R).</summary>
public class ProbabilityFunctionsTests
{
    [Fact]
    public void T_two_sided_p_and_quantile_match_R()
    {
        // p-values down to 1.9e-63: relative 1e-10; qt: relative 1e-12 up to df = 200. At df = 1e5 MathNet's regularized
        // incomplete beta loses ~8e-11 relative (its log-gamma prefactor cancels for a = df/2 = 5e4), which moves qt by
        // 3.5e-11 relative, so there the quantile tolerance is 1e-10. Measured: pt(-2, 1e4) is off by 1.4e-12 relative.
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("pt").EnumerateArray())
        {
            double t = row.GetProperty("t").GetDouble(), df = row.GetProperty("df").GetDouble();
            Near.Equal(row.GetProperty("two_sided").GetDouble(), ProbabilityFunctions.StudentTTwoSidedP(t, df), 1e-10, 0, $"pt({t}, {df})");
            Near.Equal(row.GetProperty("qt975").GetDouble(), ProbabilityFunctions.StudentTQuantile(0.975, df), df > 1e4 ? 1e-10 : 1e-12, 0, $"qt(0.975, {df})");
            Near.Equal(-row.GetProperty("qt975").GetDouble(), ProbabilityFunctions.StudentTQuantile(0.025, df), df > 1e4 ? 1e-10 : 1e-12, 0, $"qt(0.025, {df})");
        }
    }

    [Fact]
    public void F_upper_tail_matches_R()
    {
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("pf").EnumerateArray())
        {
            double f = row.GetProperty("f").GetDouble(), d1 = row.GetProperty("df1").GetDouble(), d2 = row.GetProperty("df2").GetDouble();
            Near.Equal(row.GetProperty("upper").GetDouble(), ProbabilityFunctions.FUpperTail(f, d1, d2), 1e-10, 0, $"pf({f}, {d1}, {d2})");
        }
    }

    [Fact]
    public void Normal_quantile_matches_R_qnorm()
    {
        Near.Equal(1.959963984540054, ProbabilityFunctions.NormalQuantile(0.975), 1e-14); // R: sprintf("%.16g", qnorm(0.975))
        Assert.Equal(1.0, ProbabilityFunctions.StudentTTwoSidedP(0, 5));
        Assert.Equal(0.0, ProbabilityFunctions.StudentTTwoSidedP(double.PositiveInfinity, 5));
    }
}
