using System.Text.Json;
using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Samples.Jiangcang;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

[Collection("jiangcang-sample")]
public sealed class JiangcangCorrelationsTests(JiangcangSampleFixture sample)
{
    private static readonly JsonElement R = ReferenceData.Json("jiangcang_pipeline.json");

    [Fact]
    public void Pooled_r_are_within_0_02_of_the_13_published_values_and_match_R()
    {
        var c = JiangcangCorrelations.Compute(sample.Inputs);
        Assert.Equal(13, c.Comparison.Rows.Count);
        foreach (var (a, b, r) in JiangcangPublished.Correlations)
            Assert.True(Math.Abs(c.PooledR(a, b) - r) <= 0.02, $"r({a},{b}) = {c.PooledR(a, b):F3}, published {r}");
        foreach (var pair in R.GetProperty("pooled").EnumerateArray())
        {
            string a = pair.GetProperty("a").GetString()!, b = pair.GetProperty("b").GetString()!;
            Assert.Equal(pair.GetProperty("r").GetDouble(), c.PooledR(a, b), 12);
            int row = Enumerable.Range(0, 13).Single(i => (string)c.Comparison["a"][i] == a && (string)c.Comparison["b"][i] == b);
            Assert.Equal(pair.GetProperty("p").GetDouble(), (double)c.Comparison["p"][row]!, 1e-9 + 1e-6 * pair.GetProperty("p").GetDouble());
        }
    }

    /// <summary>Network edges obey |r| ≥ threshold and p &lt; alpha, no qualifying pair is missing, and the edge sets equal R's.</summary>
    [Fact]
    public void Network_edges_obey_threshold_and_alpha_and_match_R()
    {
        var p = new JiangcangParameters();
        var c = JiangcangCorrelations.Compute(sample.Inputs, p);
        Assert.Equal(JiangcangSoil.Treatments, c.Networks.Keys);
        foreach (var (t, net) in c.Networks)
        {
            var m = c.TreatmentMatrices[t];
            int qualifying = 0;
            for (int i = 0; i < m.Columns.Count; i++)
                for (int j = i + 1; j < m.Columns.Count; j++)
                    if (m.R[i, j] is double r && Math.Abs(r) >= p.NetworkThreshold && m.P[i, j] < p.Alpha) qualifying++;
            Assert.Equal(qualifying, net.Edges.Count);
            Assert.All(net.Edges, e =>
            {
                Assert.True(Math.Abs(e.R) >= p.NetworkThreshold && e.P < p.Alpha);
                Assert.Equal(e.R < 0 ? CorrelationSign.Negative : CorrelationSign.Positive, e.Sign);
            });
            var expected = R.GetProperty("edges").GetProperty(t).EnumerateArray().Select(x => x.GetString()!).ToHashSet();
            Assert.Equal(expected, net.Edges.Select(e => $"{e.A}-{e.B}").ToHashSet());
        }
        var strict = JiangcangCorrelations.Compute(sample.Inputs, new JiangcangParameters { NetworkThreshold = 0.9, Alpha = 0.01 });
        foreach (var t in JiangcangSoil.Treatments)
            Assert.True(strict.Networks[t].Edges.Count <= c.Networks[t].Edges.Count);
    }
}
