using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>
/// Randomized cross-checks against R (Reference/stats.R, set.seed(11)): 40 unbalanced one-way designs (2–8 groups,
/// 1–12 observations each) through aov/anova/TukeyHSD, 40 Student and Welch t tests and 40 cor.test cases with n from
/// 3 to 40. Tolerances: statistics and limits 1e-11 relative (1e-14 absolute near 0), p-values 1e-10 relative
/// (1e-13 absolute for Tukey p_adj, which is 1 − P in R).
/// </summary>
public class RandomizedReferenceTests
{
    [Fact]
    public void Anova_and_tukey_match_R_on_random_designs()
    {
        int cases = 0;
        foreach (var c in ReferenceData.Json("stats.json").GetProperty("anova_random").EnumerateArray())
        {
            var groups = c.GetProperty("group").EnumerateArray().Select(v => v.GetString()!).ToArray();
            var a = OneWayAnova.Fit(groups, Near.Doubles(c.GetProperty("value")));
            string what = $"case {cases}";
            Assert.Equal(c.GetProperty("df_between").GetInt32(), a.DfBetween);
            Assert.Equal(c.GetProperty("df_within").GetInt32(), a.DfWithin);
            Near.Equal(c.GetProperty("f").GetDouble(), a.F, 1e-11, 0, what + " F");
            Near.Equal(c.GetProperty("p").GetDouble(), a.P, 1e-10, 0, what + " p");
            var t = TukeyHsd.Compare(a);
            var e = c.GetProperty("tukey").EnumerateArray().ToArray();
            Assert.Equal(e.Length, t.Count);
            for (int i = 0; i < e.Length; i++)
            {
                Assert.Equal(e[i].GetProperty("a").GetString(), t[i].A);
                Assert.Equal(e[i].GetProperty("b").GetString(), t[i].B);
                Near.Equal(e[i].GetProperty("diff").GetDouble(), t[i].Diff, 1e-11, 1e-14, $"{what} row {i} diff");
                Near.Equal(e[i].GetProperty("lwr").GetDouble(), t[i].Lower, 1e-11, 1e-14, $"{what} row {i} lwr");
                Near.Equal(e[i].GetProperty("upr").GetDouble(), t[i].Upper, 1e-11, 1e-14, $"{what} row {i} upr");
                Near.Equal(e[i].GetProperty("p_adj").GetDouble(), t[i].PAdjusted, 1e-10, 1e-13, $"{what} row {i} p_adj");
            }
            cases++;
        }
        Assert.Equal(40, cases);
    }

    [Fact]
    public void T_tests_match_R_on_random_samples()
    {
        int cases = 0;
        foreach (var c in ReferenceData.Json("stats.json").GetProperty("t_random").EnumerateArray())
        {
            var x = Near.Doubles(c.GetProperty("x"));
            var y = Near.Doubles(c.GetProperty("y"));
            foreach (var (kind, name) in new[] { (TTestKind.Student, "student"), (TTestKind.Welch, "welch") })
            {
                var e = c.GetProperty(name);
                var r = TTest.Compute(x, y, kind);
                string what = $"case {cases} {name}";
                Near.Equal(e.GetProperty("t").GetDouble(), r.T, 1e-11, 1e-14, what + " t");
                Near.Equal(e.GetProperty("df").GetDouble(), r.Df, 1e-11, 0, what + " df");
                Near.Equal(e.GetProperty("p").GetDouble(), r.P, 1e-10, 0, what + " p");
                Near.Equal(e.GetProperty("conf_int")[0].GetDouble(), r.ConfidenceLower, 1e-11, 1e-14, what + " lower");
                Near.Equal(e.GetProperty("conf_int")[1].GetDouble(), r.ConfidenceUpper, 1e-11, 1e-14, what + " upper");
            }
            cases++;
        }
        Assert.Equal(40, cases);
    }

    [Fact]
    public void Pearson_tests_match_R_on_random_samples()
    {
        int cases = 0;
        foreach (var c in ReferenceData.Json("stats.json").GetProperty("cor_random").EnumerateArray())
        {
            var r = PearsonTest.Compute(Near.Doubles(c.GetProperty("x")), Near.Doubles(c.GetProperty("y")));
            string what = $"case {cases} (n = {r.N})";
            Near.Equal(c.GetProperty("r").GetDouble(), r.R, 1e-12, 1e-15, what + " r");
            Near.Equal(c.GetProperty("p").GetDouble(), r.P, 1e-10, 0, what + " p");
            var ci = c.GetProperty("conf_int");
            if (ci.ValueKind == System.Text.Json.JsonValueKind.Null) Assert.Null(r.ConfidenceLower);
            else
            {
                Near.Equal(ci[0].GetDouble(), r.ConfidenceLower, 1e-12, 1e-15, what + " lower");
                Near.Equal(ci[1].GetDouble(), r.ConfidenceUpper, 1e-12, 1e-15, what + " upper");
            }
            cases++;
        }
        Assert.Equal(40, cases);
    }
}
