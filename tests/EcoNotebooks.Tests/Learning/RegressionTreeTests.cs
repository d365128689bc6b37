using EcoNotebooks.Learning;

namespace EcoNotebooks.Tests.Learning;

public sealed class RegressionTreeTests
{
    /// <summary>Random columns: continuous, or integers with few distinct values (many ties), plus a constant column when asked.</summary>
    private static (double[][] Columns, double[] Y) RandomData(int seed, int n, int p, int distinct, bool constantColumn)
    {
        var rnd = new Random(seed);
        var columns = new double[p][];
        for (int j = 0; j < p; j++)
        {
            columns[j] = new double[n];
            for (int i = 0; i < n; i++)
                columns[j][i] = constantColumn && j == p - 1 ? 2.5 : distinct > 0 ? rnd.Next(distinct) - distinct / 2 : Math.Round(rnd.NextDouble() * 10 - 5, 3);
        }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = 3 * columns[0][i] + columns[1 % p][i] * columns[2 % p][i] + rnd.NextDouble();
            y[i] = distinct > 0 ? Math.Round(v) : v; // tied responses too
        }
        return (columns, y);
    }

    // Guards the presorted grower (sort once per tree, stable partition of every feature's sorted list down the tree):
    // node for node, bit for bit the tree of the straightforward per-node sort (ReferenceRegressionTree, the code it
    // replaced), with the same number of generator draws, on continuous data, heavily tied data, a constant column,
    // bootstrap samples with duplicated rows, subsamples, every mtry, small and default node sizes and a node budget.
    [Theory]
    [InlineData(1, 300, 6, 0, false)]
    [InlineData(2, 250, 5, 3, false)]
    [InlineData(3, 200, 4, 6, true)]
    [InlineData(4, 120, 12, 0, true)]
    [InlineData(5, 60, 3, 2, false)]
    [InlineData(6, 1000, 12, 40, false)]
    public void PresortedGrowerEqualsPerNodeSortReference(int seed, int n, int p, int distinct, bool constantColumn)
    {
        var (columns, y) = RandomData(seed, n, p, distinct, constantColumn);
        var ranks = columns.Select(RegressionTree.DenseRanks).ToArray();
        var order = ranks.Select(RegressionTree.SortedOrder).ToArray();
        var buffers = new RegressionTree.GrowBuffers(); // reused across cases, as across the trees on one thread
        int checkedTrees = 0, splitTrees = 0;
        foreach (bool replace in new[] { true, false })
            foreach (int mtry in new[] { 1, Math.Max(p / 3, 1), p })
                foreach (int nodeSize in new[] { 1, 5 })
                    foreach (int maxTotalNodes in new[] { int.MaxValue, 15 })
                    {
                        var draw = new Random(seed * 1000 + checkedTrees);
                        int m = replace ? n : (int)Math.Ceiling(0.632 * n);
                        var sample = replace
                            ? Enumerable.Range(0, m).Select(_ => draw.Next(n)).ToArray()
                            : Enumerable.Range(0, n).OrderBy(_ => draw.Next()).Take(m).ToArray();
                        if (replace) Assert.True(sample.Distinct().Count() < m); // duplicated rows present

                        var rngA = new Xoshiro256StarStar((ulong)(seed * 7919 + checkedTrees));
                        var rngB = new Xoshiro256StarStar((ulong)(seed * 7919 + checkedTrees));
                        var tree = RegressionTree.Grow(columns, ranks, order, y, sample, mtry, nodeSize, maxTotalNodes, rngA, buffers);
                        var expected = ReferenceRegressionTree.Grow(columns, ranks, y, sample, mtry, nodeSize, maxTotalNodes, rngB);

                        Assert.Equal(expected, tree.Nodes); // record struct equality: every field, doubles bit for bit (NaN = NaN)
                        Assert.Equal(rngB.NextUInt64(), rngA.NextUInt64());
                        if (tree.NodeCount > 1) splitTrees++; // a root that draws only the constant column stays a leaf
                        Assert.True(tree.NodeCount <= maxTotalNodes);
                        checkedTrees++;
                    }
        Assert.Equal(24, checkedTrees);
        Assert.True(splitTrees >= 20, $"only {splitTrees} of 24 trees split");
    }

    // Guards the forest's OOB and permutation-importance shortcuts (row-major OOB cases, resuming each permuted
    // prediction at the first node that splits on the permuted feature, skipping cases whose path never uses it):
    // in-bag counts, trees, OOB predictions and %IncMSE equal, bit for bit, the straightforward per-tree code.
    [Theory]
    [InlineData(11, 0)]
    [InlineData(12, 4)]
    public void ForestEqualsStraightforwardOobAndImportance(int seed, int distinct)
    {
        var (columns, y) = RandomData(seed, 400, 7, distinct, false);
        const int trees = 12;
        var rf = RandomForestRegression.Fit(columns, y, new RandomForestOptions { Trees = trees, Seed = seed, Mtry = 3, NodeSize = 5 });
        var oobSum = new double[y.Length];
        var oobCount = new int[y.Length];
        var delta = new double[columns.Length];
        for (int t = 0; t < trees; t++)
        {
            var r = ReferenceRegressionTree.ForestTree(columns, y, seed, t, 3, 5);
            Assert.Equal(r.InBag, rf.InBagCounts(t));
            Assert.Equal(r.Nodes, rf.Trees[t].Nodes);
            for (int k = 0; k < r.OobRows.Length; k++) { oobSum[r.OobRows[k]] += r.OobPredictions[k]; oobCount[r.OobRows[k]]++; }
            for (int j = 0; j < columns.Length; j++) delta[j] += r.Delta[j];
        }
        Assert.Equal(oobCount, rf.OobCounts);
        for (int i = 0; i < y.Length; i++)
            Assert.Equal(oobCount[i] == 0 ? double.NaN : oobSum[i] / oobCount[i], rf.OobPredictions[i]);
        for (int j = 0; j < columns.Length; j++) Assert.Equal(delta[j] / trees, rf.Importance[j].MeanIncrease);
        Assert.Contains(rf.Importance, i => i.MeanIncrease > 0);
    }

    // Guards the counting sort behind the presorting: rows by (value, row index), ties in row order.
    [Fact]
    public void SortedOrderSortsByRankThenRow()
    {
        double[] values = [3, 1, 3, -2, 1, 3, 0.5];
        var order = RegressionTree.SortedOrder(RegressionTree.DenseRanks(values));
        Assert.Equal([3, 6, 1, 4, 0, 2, 5], order);
    }
}
