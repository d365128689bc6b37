using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>Correlation matrix (pairwise complete) against per-pair PearsonTest and R (stats.json "correlate"), and
/// the network filter rule |r| ≥ threshold and p &lt; alpha.</summary>
public class CorrelationMatrixTests
{
    internal static CorrelationMatrix FromReference()
    {
        var df = CsvTable.Read(ReferenceData.PathOf("correlation.csv"));
        var names = new[] { "BD", "SWC", "SOM", "TN", "pH" };
        return CorrelationMatrix.Compute(names.Select(n => (n, (IReadOnlyList<double>)CsvTable.NumericColumn(df, n))).ToList());
    }

    [Fact]
    public void Matrix_matches_R_cor_test_pairwise()
    {
        var e = ReferenceData.Json("stats.json").GetProperty("correlate");
        var m = FromReference();
        Assert.Equal(e.GetProperty("columns").EnumerateArray().Select(v => v.GetString()!), m.Columns);
        for (int i = 0; i < m.Columns.Count; i++)
            for (int j = 0; j < m.Columns.Count; j++)
            {
                Near.Equal(e.GetProperty("r")[i][j], m.R[i, j], 1e-12, 1e-15, $"r[{i},{j}]");
                Near.Equal(e.GetProperty("p")[i][j], m.P[i, j], 1e-10, 0, $"p[{i},{j}]");
                Assert.Equal(e.GetProperty("n")[i][j].GetInt32(), m.N[i, j]);
            }
    }

    [Fact]
    public void Network_keeps_strong_significant_edges_only()
    {
        var m = FromReference();
        var net = CorrelationNetwork.Build(m, threshold: 0.5, alpha: 0.05);
        Assert.Equal(m.Columns, net.Nodes);
        int k = m.Columns.Count, expected = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                if (Math.Abs(m.R[i, j]!.Value) >= 0.5 && m.P[i, j] < 0.05) expected++;
        Assert.Equal(expected, net.Edges.Count);
        Assert.NotEmpty(net.Edges);
        foreach (var edge in net.Edges)
        {
            Assert.True(Math.Abs(edge.R) >= 0.5 && edge.P < 0.05);
            Assert.Equal(edge.R < 0 ? CorrelationSign.Negative : CorrelationSign.Positive, edge.Sign);
        }
        Assert.Contains(net.Edges, x => x.A == "BD" && x.B == "SWC" && x.Sign == CorrelationSign.Negative);
        Assert.Empty(CorrelationNetwork.Build(m, threshold: 1.0).Edges);
    }

    [Fact]
    public void Too_few_pairs_are_named()
    {
        double n = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => CorrelationMatrix.Compute([("a", [1.0, 2, 3, n]), ("b", [n, n, 1, 2])]));
        Assert.Contains("'b'", ex.Message);
    }
}
