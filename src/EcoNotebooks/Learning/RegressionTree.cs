namespace EcoNotebooks.Learning;

/// <summary>
/// One unpruned CART regression tree as grown inside a Breiman random forest (randomForest's <c>regTree</c>): at each
/// node <c>mtry</c> features are drawn without replacement, the cases are sorted on each, and the split is the gap between
/// consecutive distinct values that maximises the decrease in residual sum of squares
/// ΔRSS = S_L²/n_L + S_R²/n_R − S²/n (S = sum of responses); the split point is the midpoint of the gap. Leaves
/// predict the mean response. Ties keep the first best gap and the first best feature in draw order (randomForest
/// breaks exact ties at random).
/// </summary>
public sealed class RegressionTree
{
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;
    private readonly int[] _count;
    private readonly double[] _decrease;

    private RegressionTree(int featureCount, int[] feature, double[] threshold, int[] left, int[] right, double[] value, int[] count, double[] decrease)
    {
        FeatureCount = featureCount;
        _feature = feature; _threshold = threshold; _left = left; _right = right; _value = value; _count = count; _decrease = decrease;
        LeafCount = feature.Count(f => f < 0);
    }

    /// <summary>Number of features a case must have.</summary>
    public int FeatureCount { get; }

    /// <summary>Total nodes (internal + leaves); node 0 is the root.</summary>
    public int NodeCount => _feature.Length;

    /// <summary>Number of terminal nodes.</summary>
    public int LeafCount { get; }

    /// <summary>The nodes in creation (breadth-first) order; node 0 is the root.</summary>
    public IReadOnlyList<RegressionTreeNode> Nodes =>
        Enumerable.Range(0, NodeCount).Select(i => new RegressionTreeNode(_feature[i], _threshold[i], _left[i], _right[i], _value[i], _count[i], _decrease[i])).ToArray();

    /// <summary>Prediction for one case (<paramref name="row"/>[j] = feature j); NaN if a feature the path uses is NaN.</summary>
    public double Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
            throw new ArgumentException($"The row has {row.Length} values but the tree expects {FeatureCount} features.", nameof(row));
        int k = 0;
        while (_feature[k] >= 0)
        {
            double v = row[_feature[k]];
            if (double.IsNaN(v)) return double.NaN;
            k = v <= _threshold[k] ? _left[k] : _right[k];
        }
        return _value[k];
    }

    /// <summary>Prediction for row <paramref name="row"/> of column-major data, with feature <paramref name="replacedFeature"/> (or −1) read as <paramref name="replacement"/>.</summary>
    internal double Predict(double[][] columns, int row, int replacedFeature = -1, double replacement = 0)
    {
        int k = 0;
        while (_feature[k] >= 0)
        {
            int f = _feature[k];
            double v = f == replacedFeature ? replacement : columns[f][row];
            k = v <= _threshold[k] ? _left[k] : _right[k];
        }
        return _value[k];
    }

    /// <summary>True if some internal node splits on <paramref name="feature"/>.</summary>
    internal bool Uses(int feature) => Array.IndexOf(_feature, feature) >= 0;

    /// <summary>
    /// Grows a tree on the cases <paramref name="sample"/> (row indices into <paramref name="columns"/> and
    /// <paramref name="y"/>, duplicates allowed).
    /// </summary>
    /// <param name="columns">Features, column-major: columns[j][i] = feature j of row i. No NaN.</param>
    /// <param name="ranks">Dense ranks per feature: ranks[j][i] &lt; ranks[j][k] ⇔ columns[j][i] &lt; columns[j][k] (<see cref="DenseRanks"/>).</param>
    /// <param name="y">Responses. No NaN.</param>
    /// <param name="sample">Rows of the (bootstrap) sample.</param>
    /// <param name="mtry">Features tried per node, 1 ≤ mtry ≤ p.</param>
    /// <param name="nodeSize">A node is split only when it has more than this many cases.</param>
    /// <param name="maxTotalNodes">Node budget: a split is made only while the tree then has at most this many nodes.</param>
    /// <param name="rng">The tree's generator (feature draws).</param>
    internal static RegressionTree Grow(double[][] columns, int[][] ranks, double[] y, int[] sample, int mtry, int nodeSize, int maxTotalNodes, Xoshiro256StarStar rng)
    {
        int p = columns.Length;
        int m = sample.Length;
        if (mtry < 1 || mtry > p) throw new ArgumentOutOfRangeException(nameof(mtry), mtry, $"mtry must be in 1..{p}.");
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
        for (int k = 0; k < feature.Count; k++) // breadth first: children are appended, as in regTree
        {
            int n = count[k];
            if (k > 0 && n <= nodeSize) continue; // regTree always tries the root
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

                // Sort the node's cases on feature f: one ulong per case, dense rank of the value in the high half and
                // the row in the low half (sorting plain ulongs is much faster than sorting keys with items).
                var col = columns[f];
                var rank = ranks[f];
                for (int i = s; i < s + n; i++) { int r = idx[i]; keys[i] = ((ulong)(uint)rank[r] << 32) | (uint)r; }
                Array.Sort(keys, s, n);
                int end = s + n - 1;
                if ((keys[s] >> 32) == (keys[end] >> 32)) continue; // constant in this node

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
            if (bestFeature < 0) continue; // no split improves the RSS: terminal

            // Stable partition of the node's cases: x ≤ cut to the left.
            var bc = columns[bestFeature];
            int nLeft = 0, nRight = 0;
            for (int i = s; i < s + n; i++) if (bc[idx[i]] <= bestCut) idx[s + nLeft++] = idx[i]; else buffer[nRight++] = idx[i];
            Array.Copy(buffer, 0, idx, s + nLeft, nRight);
            if (nLeft == 0 || nRight == 0) continue; // cannot happen with a midpoint cut; guard against rounding

            feature[k] = bestFeature;
            threshold[k] = bestCut;
            decrease[k] = bestCrit;
            left[k] = feature.Count;
            AddNode(s, nLeft);
            right[k] = feature.Count;
            AddNode(s + nLeft, nRight);
        }
        return new RegressionTree(p, [.. feature], [.. threshold], [.. left], [.. right], [.. value], [.. count], [.. decrease]);
    }

    /// <summary>Dense ranks 0, 1, … of the distinct values of <paramref name="values"/> (equal values share a rank).</summary>
    internal static int[] DenseRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var rank = new int[values.Length];
        int r = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (k > 0 && keys[k] > keys[k - 1]) r++;
            rank[order[k]] = r;
        }
        return rank;
    }

    /// <summary>Adds each internal node's RSS decrease to <paramref name="purity"/>[feature] (IncNodePurity before averaging).</summary>
    internal void AddImpurityDecrease(double[] purity)
    {
        for (int k = 0; k < _feature.Length; k++) if (_feature[k] >= 0) purity[_feature[k]] += _decrease[k];
    }
}
