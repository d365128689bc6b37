using EcoNotebooks.Learning;

namespace EcoNotebooks.Tests.Learning;

/// <summary>
/// Test-only reference: the straightforward tree-growing algorithm that <see cref="RegressionTree"/> used before the
/// presorted version (commit 4e2708c): at every node and candidate feature the node's cases are sorted afresh on
/// (dense rank, row), then scanned. Kept verbatim (apart from returning plain nodes) so the optimised grower can be
/// checked node for node, bit for bit, against it.
/// </summary>
internal static class ReferenceRegressionTree
{
    public static RegressionTreeNode[] Grow(double[][] columns, int[][] ranks, double[] y, int[] sample, int mtry, int nodeSize, int maxTotalNodes, Xoshiro256StarStar rng)
    {
        int p = columns.Length;
        int m = sample.Length;
        var idx = (int[])sample.Clone();
        var keys = new ulong[m];
        var buffer = new int[m];
        var candidates = new int[p];

        var feature = new List<int>();
        var threshold = new List<double>();
        var left = new List<int>();
        var right = new List<int>();
        var value = new List<double>();
        var count = new List<int>();
        var decrease = new List<double>();
        var start = new List<int>();
        var sums = new List<double>();

        void AddNode(int s, int n)
        {
            double sum = 0;
            for (int i = s; i < s + n; i++) sum += y[idx[i]];
            feature.Add(-1); threshold.Add(double.NaN); left.Add(-1); right.Add(-1);
            value.Add(sum / n); count.Add(n); decrease.Add(0); start.Add(s); sums.Add(sum);
        }

        AddNode(0, m);
        for (int k = 0; k < feature.Count; k++)
        {
            int n = count[k];
            if (k > 0 && n <= nodeSize) continue;
            if (feature.Count + 2 > maxTotalNodes) break;
            int s = start[k];
            double sumNode = sums[k];
            double critParent = sumNode * sumNode / n;

            for (int j = 0; j < p; j++) candidates[j] = j;
            int last = p - 1;
            int bestFeature = -1;
            double bestCrit = 0, bestCut = 0;
            for (int t = 0; t < mtry; t++)
            {
                int pick = rng.NextInt(last + 1);
                int f = candidates[pick];
                candidates[pick] = candidates[last];
                candidates[last] = f;
                last--;

                var col = columns[f];
                var rank = ranks[f];
                for (int i = s; i < s + n; i++) { int r = idx[i]; keys[i] = ((ulong)(uint)rank[r] << 32) | (uint)r; }
                Array.Sort(keys, s, n);
                int end = s + n - 1;
                if ((keys[s] >> 32) == (keys[end] >> 32)) continue;

                double sumL = 0, sumR = sumNode, critWithin = 0, cutWithin = 0;
                for (int i = s; i < end; i++)
                {
                    double d = y[(int)(uint)keys[i]];
                    sumL += d; sumR -= d;
                    if ((keys[i] >> 32) != (keys[i + 1] >> 32))
                    {
                        int nl = i - s + 1, nr = n - nl;
                        double crit = sumL * sumL / nl + sumR * sumR / nr - critParent;
                        if (crit > critWithin)
                        {
                            critWithin = crit;
                            cutWithin = (col[(int)(uint)keys[i]] + col[(int)(uint)keys[i + 1]]) / 2.0;
                        }
                    }
                }
                if (critWithin > bestCrit) { bestCrit = critWithin; bestCut = cutWithin; bestFeature = f; }
            }
            if (bestFeature < 0) continue;

            var bc = columns[bestFeature];
            int nLeft = 0, nRight = 0;
            for (int i = s; i < s + n; i++) if (bc[idx[i]] <= bestCut) idx[s + nLeft++] = idx[i]; else buffer[nRight++] = idx[i];
            Array.Copy(buffer, 0, idx, s + nLeft, nRight);
            if (nLeft == 0 || nRight == 0) continue;

            feature[k] = bestFeature;
            threshold[k] = bestCut;
            decrease[k] = bestCrit;
            left[k] = feature.Count;
            AddNode(s, nLeft);
            right[k] = feature.Count;
            AddNode(s + nLeft, nRight);
        }
        return Enumerable.Range(0, feature.Count)
            .Select(i => new RegressionTreeNode(feature[i], threshold[i], left[i], right[i], value[i], count[i], decrease[i])).ToArray();
    }

    /// <summary>Prediction by walking <paramref name="nodes"/>, feature <paramref name="replacedFeature"/> (or −1) read as <paramref name="replacement"/>.</summary>
    public static double Predict(RegressionTreeNode[] nodes, double[][] columns, int row, int replacedFeature = -1, double replacement = 0)
    {
        int k = 0;
        while (nodes[k].Feature >= 0)
        {
            int f = nodes[k].Feature;
            double v = f == replacedFeature ? replacement : columns[f][row];
            k = v <= nodes[k].Threshold ? nodes[k].Left : nodes[k].Right;
        }
        return nodes[k].Value;
    }

    /// <summary>
    /// Tree <paramref name="t"/> of a forest as the code before the presorted version grew and evaluated it (bootstrap
    /// with replacement, the tree, its OOB predictions, and its permutation-importance increases δ_j), verbatim.
    /// </summary>
    public static (RegressionTreeNode[] Nodes, int[] InBag, int[] OobRows, double[] OobPredictions, double[] Delta) ForestTree(
        double[][] columns, double[] y, long seed, int t, int mtry, int nodeSize)
    {
        int n = y.Length, p = columns.Length;
        var ranks = columns.Select(RegressionTree.DenseRanks).ToArray();
        var rng = Xoshiro256StarStar.ForStream(seed, t);
        var inBag = new int[n];
        var sample = new int[n];
        for (int k = 0; k < n; k++) { int r = rng.NextInt(n); sample[k] = r; inBag[r]++; }
        var tree = Grow(columns, ranks, y, sample, mtry, nodeSize, int.MaxValue, rng);

        var oobRows = Enumerable.Range(0, n).Where(i => inBag[i] == 0).ToArray();
        var oobPred = new double[oobRows.Length];
        double oobErr = 0;
        for (int k = 0; k < oobRows.Length; k++)
        {
            oobPred[k] = Predict(tree, columns, oobRows[k]);
            double e = oobPred[k] - y[oobRows[k]];
            oobErr += e * e;
        }
        var delta = new double[p];
        int nOob = oobRows.Length;
        if (nOob > 0)
        {
            var permuted = new double[nOob];
            for (int j = 0; j < p; j++)
            {
                if (!tree.Any(nd => nd.Feature == j)) continue;
                var col = columns[j];
                for (int k = 0; k < nOob; k++) permuted[k] = col[oobRows[k]];
                for (int last = nOob; last > 1; last--)
                {
                    int k = rng.NextInt(last);
                    (permuted[last - 1], permuted[k]) = (permuted[k], permuted[last - 1]);
                }
                double permErr = 0;
                for (int k = 0; k < nOob; k++)
                {
                    double e = Predict(tree, columns, oobRows[k], j, permuted[k]) - y[oobRows[k]];
                    permErr += e * e;
                }
                delta[j] = (permErr - oobErr) / nOob;
            }
        }
        return (tree, inBag, oobRows, oobPred, delta);
    }
}
