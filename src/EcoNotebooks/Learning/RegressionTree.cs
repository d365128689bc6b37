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
    /// <remarks>
    /// Presorted as randomForest's <c>regTree</c>/<c>findBestSplit</c>: the sample is sorted on every feature once per
    /// tree (by counting multiplicities along <paramref name="order"/>, O(p·n)), and each split partitions these sorted
    /// lists stably into the children, so every node's cases are already in (value, row) order on every feature and the
    /// split search is one linear scan per candidate. The order within a node, the candidate draws, the summation
    /// order and the tie rules are exactly those of sorting the node's cases on (dense rank, row) at every node, so the
    /// tree is bit-identical to that simpler algorithm.
    /// </remarks>
    /// <param name="columns">Features, column-major: columns[j][i] = feature j of row i. No NaN.</param>
    /// <param name="ranks">Dense ranks per feature: ranks[j][i] &lt; ranks[j][k] ⇔ columns[j][i] &lt; columns[j][k] (<see cref="DenseRanks"/>).</param>
    /// <param name="order">Per feature, all rows sorted by (rank, row) (<see cref="SortedOrder"/>).</param>
    /// <param name="y">Responses. No NaN.</param>
    /// <param name="sample">Rows of the (bootstrap) sample.</param>
    /// <param name="mtry">Features tried per node, 1 ≤ mtry ≤ p.</param>
    /// <param name="nodeSize">A node is split only when it has more than this many cases.</param>
    /// <param name="maxTotalNodes">Node budget: a split is made only while the tree then has at most this many nodes.</param>
    /// <param name="rng">The tree's generator (feature draws).</param>
    /// <param name="buffers">Scratch space to reuse between trees grown on one thread, or null.</param>
    internal static RegressionTree Grow(double[][] columns, int[][] ranks, int[][] order, double[] y, int[] sample, int mtry, int nodeSize, int maxTotalNodes,
        Xoshiro256StarStar rng, GrowBuffers? buffers = null)
    {
        int p = columns.Length;
        int m = sample.Length;
        int rows = y.Length;
        if (mtry < 1 || mtry > p) throw new ArgumentOutOfRangeException(nameof(mtry), mtry, $"mtry must be in 1..{p}.");
        var w = buffers ?? new GrowBuffers();
        w.Ensure(p, m, rows);
        var idx = w.Index;
        var idxBuffer = w.IndexBuffer;
        var keys = w.Keys;
        var keyBuffer = w.KeyBuffer;
        var goLeft = w.GoLeft;
        var candidates = w.Candidates;
        Array.Copy(sample, idx, m);

        // The sample sorted on every feature: keys[f·m + i], dense rank in the high half and row in the low half, in
        // (rank, row) order; a row drawn c times appears c times in a row.
        var multiplicity = w.Multiplicity;
        Array.Clear(multiplicity, 0, rows);
        foreach (int r in sample) multiplicity[r]++;
        for (int f = 0; f < p; f++)
        {
            var rank = ranks[f];
            var kf = keys.AsSpan(f * m, m);
            int pos = 0;
            foreach (int r in order[f])
            {
                int c = multiplicity[r];
                if (c == 0) continue;
                ulong key = ((ulong)(uint)rank[r] << 32) | (uint)r;
                do kf[pos++] = key; while (--c > 0);
            }
        }

        // Nodes in creation (breadth-first) order; a tree on m cases has at most 2m − 1 nodes.
        var feature = w.Feature; var threshold = w.Threshold; var left = w.Left; var right = w.Right;
        var value = w.Value; var count = w.Count; var decrease = w.Decrease; var start = w.Start; var sums = w.Sums;
        int nodes = 0;

        void AddNode(int s, int n)
        {
            double sum = 0;
            for (int i = s; i < s + n; i++) sum += y[idx[i]];
            feature[nodes] = -1; threshold[nodes] = double.NaN; left[nodes] = -1; right[nodes] = -1;
            value[nodes] = sum / n; count[nodes] = n; decrease[nodes] = 0; start[nodes] = s; sums[nodes] = sum;
            nodes++;
        }

        AddNode(0, m);
        for (int k = 0; k < nodes; k++) // breadth first: children are appended, as in regTree
        {
            int n = count[k];
            if (k > 0 && n <= nodeSize) continue; // regTree always tries the root
            if (nodes + 2L > maxTotalNodes) break;
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

                // The node's cases are already sorted on f: scan the gaps between consecutive distinct values.
                var kf = new ReadOnlySpan<ulong>(keys, f * m + s, n);
                if ((kf[0] >> 32) == (kf[n - 1] >> 32)) continue; // constant in this node

                double sumL = 0, sumR = sumNode, critWithin = 0;
                int cutAt = -1;
                ulong current = kf[0];
                for (int i = 0; i < kf.Length - 1; i++)
                {
                    ulong next = kf[i + 1];
                    double d = y[(int)(uint)current];
                    sumL += d; sumR -= d;
                    if ((current >> 32) != (next >> 32))
                    {
                        int nl = i + 1, nr = n - nl;
                        double crit = sumL * sumL / nl + sumR * sumR / nr - critParent;
                        if (crit > critWithin) { critWithin = crit; cutAt = i; }
                    }
                    current = next;
                }
                if (critWithin > bestCrit)
                {
                    var col = columns[f];
                    bestCrit = critWithin;
                    bestCut = (col[(int)(uint)kf[cutAt]] + col[(int)(uint)kf[cutAt + 1]]) / 2.0;
                    bestFeature = f;
                }
            }
            if (bestFeature < 0) continue; // no split improves the RSS: terminal

            // Stable partition of the node's cases: x ≤ cut to the left.
            var bc = columns[bestFeature];
            int nLeft = 0, nRight = 0;
            for (int i = s; i < s + n; i++)
            {
                int r = idx[i];
                if (bc[r] <= bestCut) { idx[s + nLeft++] = r; goLeft[r] = 1; }
                else { idxBuffer[nRight++] = r; goLeft[r] = 0; }
            }
            Array.Copy(idxBuffer, 0, idx, s + nLeft, nRight);
            if (nLeft == 0 || nRight == 0) continue; // cannot happen with a midpoint cut; guard against rounding

            // The same stable partition of every feature's sorted list, so both children stay sorted on every feature;
            // skipped when neither child can be split. The split feature's list is already partitioned (left = prefix).
            if ((nLeft > nodeSize || nRight > nodeSize) && nodes + 4L <= maxTotalNodes)
            {
                for (int f = 0; f < p; f++)
                {
                    if (f == bestFeature) continue;
                    var kf = new Span<ulong>(keys, f * m + s, n);
                    int l = 0, r = 0;
                    for (int i = 0; i < kf.Length; i++)
                    {
                        ulong key = kf[i];
                        int g = goLeft[(int)(uint)key];
                        kf[l] = key;        // branch-free: write to both sides, advance one
                        keyBuffer[r] = key;
                        l += g;
                        r += 1 - g;
                    }
                    keyBuffer.AsSpan(0, r).CopyTo(kf[l..]);
                }
            }

            feature[k] = bestFeature;
            threshold[k] = bestCut;
            decrease[k] = bestCrit;
            left[k] = nodes;
            AddNode(s, nLeft);
            right[k] = nodes;
            AddNode(s + nLeft, nRight);
        }
        return new RegressionTree(p, feature[..nodes], threshold[..nodes], left[..nodes], right[..nodes], value[..nodes], count[..nodes], decrease[..nodes]);
    }

    /// <summary>Rows 0 … n−1 sorted by (<paramref name="rank"/>, row): a counting sort on dense ranks, stable in the row index.</summary>
    internal static int[] SortedOrder(int[] rank)
    {
        int distinct = 0;
        foreach (int r in rank) distinct = Math.Max(distinct, r + 1);
        var first = new int[distinct + 1];
        foreach (int r in rank) first[r + 1]++;
        for (int r = 0; r < distinct; r++) first[r + 1] += first[r];
        var order = new int[rank.Length];
        for (int i = 0; i < rank.Length; i++) order[first[rank[i]]++] = i;
        return order;
    }

    /// <summary>Scratch arrays for <see cref="Grow"/>, reused across the trees grown on one thread (not thread-safe).</summary>
    internal sealed class GrowBuffers
    {
        private int _p = -1, _m = -1, _rows = -1;
        public int[] Index = [], IndexBuffer = [], Multiplicity = [], Candidates = [];
        public byte[] GoLeft = [];
        public ulong[] Keys = [], KeyBuffer = [];
        public int[] Feature = [], Left = [], Right = [], Count = [], Start = [];
        public double[] Threshold = [], Value = [], Decrease = [], Sums = [];

        /// <summary>Sizes the arrays for p features, a sample of m cases and n rows.</summary>
        public void Ensure(int p, int m, int rows)
        {
            if (p == _p && m == _m && rows == _rows) return;
            (_p, _m, _rows) = (p, m, rows);
            Index = new int[m]; IndexBuffer = new int[m]; Multiplicity = new int[rows]; Candidates = new int[p];
            GoLeft = new byte[rows];
            Keys = new ulong[(long)p * m]; KeyBuffer = new ulong[m];
            int maxNodes = 2 * m;
            Feature = new int[maxNodes]; Left = new int[maxNodes]; Right = new int[maxNodes]; Count = new int[maxNodes]; Start = new int[maxNodes];
            Threshold = new double[maxNodes]; Value = new double[maxNodes]; Decrease = new double[maxNodes]; Sums = new double[maxNodes];
        }
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
