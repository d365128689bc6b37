using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>Guards the port of R's ptukey/qtukey against R 4.2.2 values (Reference/stats.R, nranges = 1).</summary>
public class StudentizedRangeTests
{
    [Fact]
    public void Cdf_matches_R_ptukey_on_grid()
    {
        // 660 points: q 0.1..10, nmeans 2..20, df 2..1e6 (df > 25000 uses the infinite-df branch, as in R).
        // Both tails are probabilities computed from one integral; R keeps some sums in long double, so we allow
        // 1e-12 absolute (and 1e-10 relative or 1e-13 absolute for the upper tail, which is 1 − P in R too).
        // Measured: 4.6e-15 absolute on both tails.
        int count = 0;
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("ptukey").EnumerateArray())
        {
            double q = row.GetProperty("q").GetDouble(), nm = row.GetProperty("nmeans").GetDouble(), df = row.GetProperty("df").GetDouble();
            string what = $"ptukey({q}, {nm}, {df})";
            double lower = StudentizedRange.Cdf(q, nm, df);
            double upper = StudentizedRange.Cdf(q, nm, df, lowerTail: false);
            Near.Equal(row.GetProperty("lower").GetDouble(), lower, 0, 1e-12, what);
            double eu = row.GetProperty("upper").GetDouble();
            Near.Equal(eu, upper, 1e-10, 1e-13, what + " upper");
            count++;
        }
        Assert.Equal(660, count);
    }

    [Fact]
    public void Quantile_matches_R_qtukey_to_1e10_relative()
    {
        int count = 0;
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("qtukey").EnumerateArray())
        {
            double p = row.GetProperty("p").GetDouble(), nm = row.GetProperty("nmeans").GetDouble(), df = row.GetProperty("df").GetDouble();
            Near.Equal(row.GetProperty("q").GetDouble(), StudentizedRange.Quantile(p, nm, df), 1e-10, 0, $"qtukey({p}, {nm}, {df})");
            count++;
        }
        Assert.Equal(192, count);
    }

    [Fact]
    public void Two_means_infinite_df_is_range_of_two_normals()
    {
        // Analytic check: with 2 means and df → ∞, Q = |Z1 − Z2|, so P(Q ≤ q) = 2Φ(q/√2) − 1.
        foreach (double q in new[] { 0.5, 1.0, 2.77, 4.0 })
        {
            double exact = 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, q / Math.Sqrt(2)) - 1;
            Near.Equal(exact, StudentizedRange.Cdf(q, 2, 1e6), 0, 1e-9, $"q={q}");
        }
    }

    [Theory]
    // R 4.2.2: sprintf("%.17g", lgamma(x)) — ptukey's leading constant uses lgammafn. Above 10 we use R's own Stirling
    // series (1e-15 relative); at or below 10 MathNet's Lanczos GammaLn, measured 5.1e-15 relative at 3.7 (1e-14).
    [InlineData(0.5, 0.57236494292470008)]
    [InlineData(3.7, 1.4280723266653881)]
    [InlineData(10.5, 13.940625219403763)]
    [InlineData(15.5, 26.536914491115613)]
    [InlineData(12500, 105414.75124436813)]
    [InlineData(1e6, 12815504.569147611)]
    [InlineData(1e8, 1742068066.1038349)]
    public void LogGamma_matches_R_lgamma(double x, double expected) =>
        Near.Equal(expected, LogGamma.Ln(x), x <= 10 ? 1e-14 : 1e-15, 0, $"lgamma({x})");

    [Fact]
    public void Edges_and_invalid_arguments()
    {
        Assert.Equal(0.0, StudentizedRange.Cdf(0, 3, 10));
        Assert.Equal(1.0, StudentizedRange.Cdf(-1, 3, 10, lowerTail: false));
        Assert.Equal(1.0, StudentizedRange.Cdf(double.PositiveInfinity, 3, 10));
        Assert.Equal(double.PositiveInfinity, StudentizedRange.Quantile(1, 3, 10));
        Assert.Equal(0.0, StudentizedRange.Quantile(0, 3, 10));
        Assert.Contains("nmeans", Assert.Throws<ArgumentOutOfRangeException>(() => StudentizedRange.Cdf(1, 1, 10)).Message);
        Assert.Contains("df", Assert.Throws<ArgumentOutOfRangeException>(() => StudentizedRange.Cdf(1, 3, 1.5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentizedRange.Quantile(1.2, 3, 10));
    }
}
