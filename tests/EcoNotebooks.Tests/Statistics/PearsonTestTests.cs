using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>Pearson r, t, p and Fisher-z interval against R's cor.test (Reference/stats.R); r, t, CI 1e-12, p 1e-10 relative.</summary>
public class PearsonTestTests
{
    [Fact]
    public void Matches_R_cor_test()
    {
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("cor_test").EnumerateArray())
        {
            var res = PearsonTest.Compute(Near.Doubles(row.GetProperty("x")), Near.Doubles(row.GetProperty("y")));
            Near.Equal(row.GetProperty("r"), res.R, 1e-12, 1e-15, "r");
            Near.Equal(row.GetProperty("t"), res.T, 1e-11, 1e-13, "t");
            Assert.Equal(row.GetProperty("df").GetInt32(), res.Df);
            Near.Equal(row.GetProperty("p"), res.P, 1e-10, 0, "p");
            var ci = row.GetProperty("conf_int");
            if (ci.ValueKind == System.Text.Json.JsonValueKind.Null) { Assert.Null(res.ConfidenceLower); Assert.Null(res.ConfidenceUpper); }
            else
            {
                Near.Equal(ci[0].GetDouble(), res.ConfidenceLower, 1e-12, 1e-15, "lower");
                Near.Equal(ci[1].GetDouble(), res.ConfidenceUpper, 1e-12, 1e-15, "upper");
            }
        }
    }

    [Fact]
    public void Incomplete_pairs_are_dropped_and_too_few_rejected()
    {
        var a = PearsonTest.Compute([1, 2, double.NaN, 4, 5], [2, 4, 6, double.NaN, 9]);
        Assert.Equal(3, a.N);
        Assert.Equal(PearsonTest.Compute([1, 2, 5], [2, 4, 9]).R, a.R);
        Assert.Contains("2 complete pairs", Assert.Throws<ArgumentException>(() => PearsonTest.Compute([1, 2, double.NaN], [1, 2, 3])).Message);
        var constant = PearsonTest.Compute([1, 1, 1, 1], [1, 2, 3, 4]);
        Assert.Null(constant.R);
        Assert.Null(constant.P);
        var perfect = PearsonTest.Compute([1, 2, 3, 4], [2, 4, 6, 8]);
        Assert.Equal(1.0, perfect.R);
        Assert.Equal(0.0, perfect.P);
    }
}
