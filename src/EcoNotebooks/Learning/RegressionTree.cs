using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// <summary>
    /// Flat node for prediction: <see cref="Feature"/> ≥ 0 splits (x ≤ <see cref="Threshold"/> goes to node
    /// <see cref="Left"/>, otherwise to <see cref="Left"/> + 1, the right child always following the left one);
    /// <see cref="Feature"/> = −1 is a leaf whose prediction is stored in <see cref="Threshold"/>.
    /// </summary>
    private readonly record struct FlatNode(double Threshold, int Feature, int Left);

    private readonly FlatNode[] _nodes;
    private readonly double[] _value;
    private readonly int[] _count;
    private readonly double[] _decrease;

    private RegressionTree(int featureCount, ReadOnlySpan<int> feature, ReadOnlySpan<double> threshold, ReadOnlySpan<int> left, ReadOnlySpan<double> value,
        ReadOnlySpan<int> count, ReadOnlySpan<double> decrease)
    {
        FeatureCount = featureCount;
        int nodes = feature.Length;
        _nodes = new FlatNode[nodes];
        for (int k = 0; k < nodes; k++) _nodes[k] = feature[k] >= 0 ? new FlatNode(threshold[k], feature[k], left[k]) : new FlatNode(value[k], -1, -1);
        _value = value.ToArray(); _count = count.ToArray(); _decrease = decrease.ToArray();
        int leaves = 0;
        foreach (int f in feature) if (f < 0) leaves++;
        LeafCount = leaves;
    }

    /// <summary>Number of features a case must have.</summary>
    public int FeatureCount { get; }

    /// <summary>Total nodes (internal + leaves); node 0 is the root.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Number of terminal nodes.</summary>
    public int LeafCount { get; }

    /// <summary>The nodes in creation (breadth-first) order; node 0 is the root.</summary>
    public IReadOnlyList<RegressionTreeNode> Nodes =>
        Enumerable.Range(0, NodeCount).Select(i => _nodes[i].Feature >= 0
            ? new RegressionTreeNode(_nodes[i].Feature, _nodes[i].Threshold, _nodes[i].Left, _nodes[i].Left + 1, _value[i], _count[i], _decrease[i])
            : new RegressionTreeNode(-1, double.NaN, -1, -1, _value[i], _count[i], _decrease[i])).ToArray();

    /// <summary>Prediction for one case (<paramref name="row"/>[j] = feature j); NaN if a feature the path uses is NaN.</summary>
    public double Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
            throw new ArgumentException($"The row has {row.Length} values but the tree expects {FeatureCount} features.", nameof(row));
        var nodes = _nodes;
        int k = 0;
        while (nodes[k].Feature >= 0)
        {
            double v = row[nodes[k].Feature];
            if (double.IsNaN(v)) return double.NaN;
            k = nodes[k].Left + (v <= nodes[k].Threshold ? 0 : 1);
        }
        return nodes[k].Threshold;
    }

    /// <summary>Prediction for a case known to have <see cref="FeatureCount"/> values, none NaN (no checks).</summary>
    internal double PredictUnchecked(ReadOnlySpan<double> row)
    {
        var nodes = _nodes;
        int k = 0;
        while (nodes[k].Feature >= 0) k = nodes[k].Left + (row[nodes[k].Feature] <= nodes[k].Threshold ? 0 : 1);
        return nodes[k].Threshold;
    }

    /// <summary>
    /// Predicts each case of row-major <paramref name="x"/> (row i = x[i·p .. i·p + p), no NaN) into
    /// <paramref name="predictions"/>, and records in <paramref name="firstSplit"/>[i·p + j] the first node on case i's
    /// path that splits on feature j, or −1 if the path never uses j (then changing feature j cannot change the
    /// prediction; otherwise <see cref="PredictFrom"/> resumes there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: skip tier-0 code and on-stack replacement
    internal void PredictWithFirstSplits(ReadOnlySpan<double> x, Span<double> predictions, Span<int> firstSplit)
    {
        int p = FeatureCount;
        var nodes = _nodes;
        firstSplit[..(predictions.Length * p)].Fill(-1);
        for (int i = 0; i < predictions.Length; i++)
        {
            var row = x.Slice(i * p, p);
            var first = firstSplit.Slice(i * p, p);
            int k = 0;
            while (nodes[k].Feature >= 0)
            {
                int f = nodes[k].Feature;
                if (first[f] < 0) first[f] = k;
                k = nodes[k].Left + (row[f] <= nodes[k].Threshold ? 0 : 1);
            }
            predictions[i] = nodes[k].Threshold;
        }
    }

    /// <summary>Continues the prediction of <paramref name="row"/> from node <paramref name="node"/> with feature <paramref name="replacedFeature"/> read as <paramref name="replacement"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: skip tier-0 code and on-stack replacement
    internal double PredictFrom(int node, ReadOnlySpan<double> row, int replacedFeature, double replacement)
    {
        var nodes = _nodes;
        int k = node;
        while (nodes[k].Feature >= 0)
        {
            int f = nodes[k].Feature;
            double v = f == replacedFeature ? replacement : row[f];
            k = nodes[k].Left + (v <= nodes[k].Threshold ? 0 : 1);
        }
        return nodes[k].Threshold;
    }

    /// <summary>True if some internal node splits on <paramref name="feature"/>.</summary>
    internal bool Uses(int feature)
    {
        foreach (var nd in _nodes) if (nd.Feature == feature) return true;
        return false;
    }

    /// <summary>
    /// Grows a tree on the cases <paramref name="sample"/> (row indices into <paramref name="columns"/> and
    /// <paramref name="y"/>, duplicates allowed).
    /// </summary>
    /// <remarks>
    /// Presorted (the classic CART device; randomForest's classification trees do the same with makeA/moveData): the
    /// sample is sorted on every feature once per tree (by counting multiplicities along <paramref name="order"/>,
    /// O(p·n)), and each split partitions these sorted lists stably into the children, so every node's cases are
    /// already in (value, row) order on every feature and the split search is one linear scan per candidate. The order
    /// within a node, the candidate draws, the summation order and the tie rules are exactly those of sorting the
    /// node's cases on (dense rank, row) at every node, so the tree is bit-identical to that simpler algorithm.
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: skip tier-0 code and on-stack replacement
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
        var inverse = w.Inverse;
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
        var feature = w.Feature; var threshold = w.Threshold; var left = w.Left;
        var value = w.Value; var count = w.Count; var decrease = w.Decrease; var start = w.Start; var sums = w.Sums;
        int nodes = 0;

        void AddNode(int s, int n)
        {
            double sum = 0;
            for (int i = s; i < s + n; i++) sum += y[idx[i]];
            feature[nodes] = -1; threshold[nodes] = double.NaN; left[nodes] = -1;
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
                double critWithin = BestGap(kf, y, inverse, sumNode, critParent, out int cutAt);
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
            int nLeft = PartitionRows(idx.AsSpan(s, n), idxBuffer, columns[bestFeature], bestCut, goLeft);
            int nRight = n - nLeft;
            if (nLeft == 0 || nRight == 0) continue; // cannot happen with a midpoint cut; guard against rounding

            // The same stable partition of every feature's sorted list, so both children stay sorted on every feature;
            // skipped when neither child can be split. The split feature's list is already partitioned (left = prefix).
            if ((nLeft > nodeSize || nRight > nodeSize) && nodes + 4L <= maxTotalNodes)
                for (int f = 0; f < p; f++)
                    if (f != bestFeature) PartitionKeys(keys.AsSpan(f * m + s, n), keyBuffer, goLeft);

            feature[k] = bestFeature;
            threshold[k] = bestCut;
            decrease[k] = bestCrit;
            left[k] = nodes; // the right child is node left[k] + 1
            AddNode(s, nLeft);
            AddNode(s + nLeft, nRight);
        }
        return new RegressionTree(p, feature.AsSpan(0, nodes), threshold.AsSpan(0, nodes), left.AsSpan(0, nodes), value.AsSpan(0, nodes), count.AsSpan(0, nodes), decrease.AsSpan(0, nodes));
    }

    /// <summary>
    /// The best gap of one feature in one node: <paramref name="keys"/> are the node's cases sorted on the feature (rank
    /// in the high half, row in the low half, not constant); returns the largest ΔRSS = S_L²/n_L + S_R²/n_R − S²/n over
    /// the gaps between consecutive distinct ranks (0 if none is positive) and in <paramref name="cutAt"/> the position
    /// of the last case left of the first gap reaching it (−1 if none).
    /// </summary>
    /// <remarks>
    /// The two divisions per gap dominate the scan, so each gap is first screened with the reciprocals
    /// <paramref name="inverse"/>[k] = 1/k: S_L²·(1/n_L) + S_R²·(1/n_R) − S²/n differs from the exactly rounded ΔRSS by
    /// at most a few units in the last place of S_L²/n_L + S_R²/n_R (≤ 4·2⁻⁵³ relative per term, plus the rounding of
    /// the sum and difference), far below the margin 1e−12·(S_L²/n_L + S_R²/n_R + |S²/n|). Only gaps whose screened
    /// value comes within that margin of the best so far are evaluated exactly, with the same expression and the same
    /// strict comparison as an exhaustive scan, so the result is bit-identical to it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double BestGap(ReadOnlySpan<ulong> keys, double[] y, double[] inverse, double sumNode, double critParent, out int cutAt)
    {
        ref double y0 = ref MemoryMarshal.GetArrayDataReference(y); // rows < y.Length: the sample was built from them
        ref double inv0 = ref MemoryMarshal.GetArrayDataReference(inverse); // inverse has m + 1 ≥ keys.Length + 1 entries
        int n = keys.Length;
        double sumL = 0, sumR = sumNode, critWithin = 0, absParent = Math.Abs(critParent);
        cutAt = -1;
        ulong current = keys[0];
        for (int i = 0; i < keys.Length - 1; i++)
        {
            ulong next = keys[i + 1];
            double d = Unsafe.Add(ref y0, (int)(uint)current);
            sumL += d; sumR -= d;
            if ((current >> 32) != (next >> 32))
            {
                int nl = i + 1, nr = n - nl;
                double termL = sumL * sumL * Unsafe.Add(ref inv0, nl), termR = sumR * sumR * Unsafe.Add(ref inv0, nr);
                if (termL + termR - critParent + 1e-12 * (termL + termR + absParent) > critWithin)
                {
                    double crit = sumL * sumL / nl + sumR * sumR / nr - critParent;
                    if (crit > critWithin) { critWithin = crit; cutAt = i; }
                }
            }
            current = next;
        }
        return critWithin;
    }

    /// <summary>Stable partition of a node's sample rows: x ≤ cut first (returns their number); sets goLeft[row] to 1 or 0.</summary>
    private static int PartitionRows(Span<int> rows, int[] buffer, double[] x, double cut, byte[] goLeft)
    {
        int nLeft = 0, nRight = 0;
        foreach (int r in rows)
        {
            if (x[r] <= cut) { rows[nLeft++] = r; goLeft[r] = 1; }
            else { buffer[nRight++] = r; goLeft[r] = 0; }
        }
        buffer.AsSpan(0, nRight).CopyTo(rows[nLeft..]);
        return nLeft;
    }

    /// <summary>Stable partition of one feature's sorted keys of a node by goLeft[row] (left first), branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PartitionKeys(Span<ulong> keys, ulong[] buffer, byte[] goLeft)
    {
        ref byte g0 = ref MemoryMarshal.GetArrayDataReference(goLeft); // rows < goLeft.Length
        ref ulong b0 = ref MemoryMarshal.GetArrayDataReference(buffer); // buffer.Length ≥ keys.Length
        ref ulong k0 = ref MemoryMarshal.GetReference(keys);
        int l = 0, r = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = Unsafe.Add(ref k0, i);
            int g = Unsafe.Add(ref g0, (int)(uint)key);
            Unsafe.Add(ref k0, l) = key; // write to both sides, advance one (l ≤ i: never overwrites an unread key)
            Unsafe.Add(ref b0, r) = key;
            l += g;
            r += 1 - g;
        }
        new ReadOnlySpan<ulong>(buffer, 0, r).CopyTo(keys[l..]);
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
        public double[] Inverse = [];
        public byte[] GoLeft = [];
        public ulong[] Keys = [], KeyBuffer = [];
        public int[] Feature = [], Left = [], Count = [], Start = [];
        public double[] Threshold = [], Value = [], Decrease = [], Sums = [];

        private double[] _oobX = [], _permuted = [];
        private int[] _firstSplit = [];

        /// <summary>At least <paramref name="length"/> doubles for the OOB cases, row-major.</summary>
        public double[] OobX(int length) => _oobX.Length >= length ? _oobX : _oobX = new double[length];

        /// <summary>At least <paramref name="length"/> ints for the first node on each OOB case's path per feature.</summary>
        public int[] FirstSplit(int length) => _firstSplit.Length >= length ? _firstSplit : _firstSplit = new int[length];

        /// <summary>At least <paramref name="length"/> doubles for a permuted OOB column.</summary>
        public double[] Permuted(int length) => _permuted.Length >= length ? _permuted : _permuted = new double[length];

        /// <summary>Sizes the arrays for p features, a sample of m cases and n rows.</summary>
        public void Ensure(int p, int m, int rows)
        {
            if (p == _p && m == _m && rows == _rows) return;
            (_p, _m, _rows) = (p, m, rows);
            Index = new int[m]; IndexBuffer = new int[m]; Multiplicity = new int[rows]; Candidates = new int[p];
            GoLeft = new byte[rows];
            Inverse = new double[m + 1];
            for (int k = 1; k <= m; k++) Inverse[k] = 1.0 / k;
            Keys = new ulong[(long)p * m]; KeyBuffer = new ulong[m];
            int maxNodes = 2 * m;
            Feature = new int[maxNodes]; Left = new int[maxNodes]; Count = new int[maxNodes]; Start = new int[maxNodes];
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
        for (int k = 0; k < _nodes.Length; k++) if (_nodes[k].Feature >= 0) purity[_nodes[k].Feature] += _decrease[k];
    }
}
