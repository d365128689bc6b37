using System.Text.Json;
using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

[Collection("jiangcang-sample")]
public sealed class JiangcangSoilTests(JiangcangSampleFixture sample)
{
    private static readonly JsonElement R = ReferenceData.Json("jiangcang_pipeline.json");

    /// <summary>All 11 Fig. 7 panels: F, p and the 6 Tukey adjusted p-values equal R's aov/TukeyHSD on soil.csv; letters agree with them.</summary>
    [Fact]
    public void Eleven_panels_match_R_and_letters_agree_with_tukey()
    {
        var soil = JiangcangSoil.Compute(sample.Inputs);
        Assert.Equal(11, soil.Panels.Count);
        Assert.Equal(44, soil.Summary.Rows.Count);
        foreach (var panel in soil.Panels)
        {
            var r = R.GetProperty("soil").GetProperty(panel.Variable);
            Assert.Equal(r.GetProperty("f").GetDouble(), panel.Anova.F, 1e-8 * panel.Anova.F);
            Assert.Equal(r.GetProperty("p").GetDouble(), panel.Anova.P, 1e-10);
            var pairs = r.GetProperty("pairs").EnumerateArray().Select(x => x.GetString()!).ToArray();
            var padj = r.GetProperty("p_adj").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            for (int i = 0; i < pairs.Length; i++)
            {
                var ab = pairs[i].Split('-');
                var c = panel.Tukey.Single(t => (t.A == ab[0] && t.B == ab[1]) || (t.A == ab[1] && t.B == ab[0]));
                Assert.Equal(padj[i], c.PAdjusted, 1e-5);
            }
            Assert.Equal(JiangcangSoil.Treatments, panel.Groups.Select(g => g.Group));
            JiangcangVegetationTests.AssertLettersConsistent(panel);
        }
    }

    [Fact]
    public void Welch_t_tests_match_R()
    {
        var soil = JiangcangSoil.Compute(sample.Inputs);
        var t = soil.TTests;
        Assert.Equal(44, t.Rows.Count);
        string[] order = ["Pit5", "Pit4", "Pit2", "Restored"];
        foreach (var v in R.GetProperty("ttest").EnumerateObject())
        {
            var tests = v.Value.EnumerateArray().ToArray();
            for (int k = 0; k < 4; k++)
            {
                int row = Enumerable.Range(0, (int)t.Rows.Count).Single(i => (string)t["variable"][i] == v.Name && (string)t["restored"][i] == order[k]);
                Assert.Equal(tests[k].GetProperty("t").GetDouble(), (double)t["t"][row]!, 1e-9);
                Assert.Equal(tests[k].GetProperty("df").GetDouble(), (double)t["df"][row]!, 1e-9);
                Assert.Equal(tests[k].GetProperty("p").GetDouble(), (double)t["p"][row]!, 1e-9);
            }
        }
    }

    [Fact]
    public void Sample_shows_the_papers_soil_pattern()
    {
        var soil = JiangcangSoil.Compute(sample.Inputs);
        double M(string v, string g) => soil.Panel(v).Groups.Single(x => x.Group == g).Mean;
        foreach (var v in new[] { "SWC", "SOC", "TN" })
        {
            Assert.True(JiangcangSoil.Treatments.All(g => M(v, "Control") >= M(v, g)), v + ": control highest");
            Assert.True(JiangcangSoil.Treatments.All(g => M(v, "Pit2") <= M(v, g)), v + ": Pit 2 lowest");
            Assert.True(soil.Panel(v).Significant, v);
            Assert.DoesNotContain(soil.Panel(v).LettersOf("Control"), soil.Panel(v).LettersOf("Pit2"));
        }
        Assert.True(M("sand", "Pit2") >= JiangcangSoil.Treatments.Max(g => M("sand", g)));
        Assert.True(M("EC", "Pit5") > M("EC", "Control"));
        Assert.Throws<ArgumentException>(() => soil.Panel("XYZ"));
    }
}
