namespace EcoNotebooks.Classification;

/// <summary>
/// Data-driven class breaks: Fisher/Jenks natural breaks, quantiles and equal intervals, reproducing
/// <c>classInt::classIntervals</c> 0.4.9 (R) value for value, and class counts with classInt's <c>findCols</c> rules.
/// </summary>
/// <remarks>
/// Missing rule: NaN and ±∞ are dropped before breaks are found and are not counted (classInt omits them with a
/// warning). Unlike classInt, which silently lowers k when it exceeds the number of distinct values, asking for more
/// classes than distinct values is an error; k equal to the number of distinct values gives classInt's "unique"
/// breaks (mid-points between consecutive distinct values, the outer breaks half the mean gap beyond min and max).
/// classInt samples 10 % (at least 3,000 values) for Fisher and Jenks when there are more than 3,000 distinct values;
/// this class never samples, so its result is the exact optimum but takes O(n²k) time: sample large rasters yourself
/// (with a fixed seed) before calling it.
/// </remarks>
public static class ClassBreaks
{
    /// <summary>Finds <paramref name="classes"/> classes in <paramref name="values"/> and counts the values in each.</summary>
    /// <param name="values">Data; NaN/±∞ are ignored.</param>
    /// <param name="classes">Number of classes k, 2 ≤ k ≤ number of distinct finite values.</param>
    /// <param name="method">Break method.</param>
    /// <exception cref="ArgumentException">Fewer than two distinct values, or k outside 2…distinct values.</exception>
    /// <exception cref="InvalidOperationException">classInt's Jenks algorithm degenerates on this input (it then fails in R too); use <see cref="BreaksMethod.Fisher"/>.</exception>
    public static ClassIntervals Compute(IEnumerable<double> values, int classes, BreaksMethod method = BreaksMethod.Fisher)
    {
        ArgumentNullException.ThrowIfNull(values);
        var x = values.Where(double.IsFinite).ToArray();
        Array.Sort(x);
        if (x.Length == 0) throw new ArgumentException("No finite values to classify.", nameof(values));
        int distinct = CountDistinct(x);
        if (distinct < 2) throw new ArgumentException($"All {x.Length} values equal {x[0]}; at least two distinct values are needed to find class breaks.", nameof(values));
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "The number of classes must be at least 2.");
        if (classes > distinct)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"{classes} classes requested but the data have only {distinct} distinct values.");

        double[] breaks;
        var closure = IntervalClosure.Left;
        bool unique = classes == distinct;
        if (unique) breaks = UniqueBreaks(x);
        else
        {
            switch (method)
            {
                case BreaksMethod.Fisher: breaks = Fisher(x, classes); break;
                case BreaksMethod.Jenks: breaks = Jenks(x, classes); closure = IntervalClosure.Right; break;
                case BreaksMethod.Quantile: breaks = Quantile(x, classes); break;
                case BreaksMethod.Equal: breaks = Equal(x[0], x[^1], classes); break;
                default: throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown breaks method.");
            }
        }
        return new ClassIntervals(method, unique, closure, breaks, Count(x, breaks, closure));
    }

    /// <summary>
    /// The valid (non-missing, finite) pixels of band <paramref name="band"/> for break finding: all of them when
    /// there are at most <paramref name="maxValues"/>, otherwise the minimum, the maximum and a uniform random sample
    /// without replacement of <paramref name="maxValues"/> − 2 others (fixed <paramref name="seed"/>), the same idea
    /// as classInt's sampling for Fisher/Jenks on large data (<c>c(range(var), sample(var, nsamp))</c>), so the
    /// breaks still span the data. Streams the raster twice; memory O(maxValues).
    /// </summary>
    /// <param name="source">Raster.</param>
    /// <param name="maxValues">Largest number of values returned, ≥ 2 (e.g. 3000 as classInt).</param>
    /// <param name="seed">Random seed for reproducible samples.</param>
    /// <param name="band">0-based band.</param>
    public static double[] SampleRaster(Rasters.IRasterSource source, int maxValues = 3000, int seed = 1, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (maxValues < 2) throw new ArgumentOutOfRangeException(nameof(maxValues), maxValues, "At least 2 values are needed.");
        if ((uint)band >= (uint)source.BandCount) throw new ArgumentOutOfRangeException(nameof(band), band, $"The raster has {source.BandCount} band(s); band index is 0-based.");
        var (bw, bh) = source.BlockSize;
        var buf = new double[(long)bw * bh];
        IEnumerable<double> Valid()
        {
            foreach (var w in Rasters.RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
            {
                source.ReadWindow(band, w, buf.AsSpan(0, (int)w.PixelCount));
                for (int i = 0; i < (int)w.PixelCount; i++)
                {
                    double v = buf[i];
                    if (!Rasters.NoData.IsMissing(v, source.NoData) && double.IsFinite(v)) yield return v;
                }
            }
        }
        long n = 0; double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long minAt = -1, maxAt = -1;
        foreach (double v in Valid())
        {
            if (v < min) { min = v; minAt = n; }
            if (v > max) { max = v; maxAt = n; }
            n++;
        }
        if (n <= maxValues) return Valid().ToArray();
        // reservoir sample (Algorithm R) of maxValues - 2 values among the others, then add min and max
        var rng = new Random(seed);
        int m = maxValues - 2;
        var sample = new double[maxValues];
        long seen = 0, index = -1;
        foreach (double v in Valid())
        {
            index++;
            if (index == minAt || index == maxAt) continue;
            if (seen < m) sample[seen] = v;
            else
            {
                long j = rng.NextInt64(seen + 1);
                if (j < m) sample[j] = v;
            }
            seen++;
        }
        sample[m] = min; sample[m + 1] = max;
        if (seen < m) return [.. sample.AsSpan(0, (int)seen), min, max];
        return sample;
    }

    /// <summary>
    /// 0-based class of <paramref name="value"/> under ascending <paramref name="breaks"/> with classInt's
    /// <c>findCols</c> rules: values below the first break go to the first class and above the last break to the last
    /// class ("all inside"); NaN gives −1. Left: the largest i with b<sub>i</sub> ≤ x (R <c>findInterval(x, brks,
    /// all.inside = TRUE)</c>); Right: the number of breaks &lt; x, at least 1 (classInt's right-closed rule).
    /// </summary>
    public static int ClassOf(double value, IReadOnlyList<double> breaks, IntervalClosure closure)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        if (breaks.Count < 2) throw new ArgumentException($"At least two breaks are needed, got {breaks.Count}.", nameof(breaks));
        if (double.IsNaN(value)) return -1;
        int k = breaks.Count - 1;
        // number of breaks <= x (left) or < x (right); breaks are non-decreasing so binary search
        int lo = 0, hi = breaks.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            bool below = closure == IntervalClosure.Left ? breaks[mid] <= value : breaks[mid] < value;
            if (below) lo = mid + 1; else hi = mid;
        }
        int cls = Math.Clamp(lo, 1, k); // 1-based, all inside
        return cls - 1;
    }

    /// <summary>Counts the finite values of <paramref name="values"/> per class (see <see cref="ClassOf"/>).</summary>
    public static long[] Count(IEnumerable<double> values, IReadOnlyList<double> breaks, IntervalClosure closure)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(breaks);
        var counts = new long[breaks.Count - 1];
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            counts[ClassOf(v, breaks, closure)]++;
        }
        return counts;
    }

    /// <summary>
    /// Fisher's exact optimum on sorted values: k + 1 breaks (min, mid-points between classes, max).
    /// R: <c>classIntervals(x, k, style = "fisher")$brks</c>.
    /// </summary>
    /// <param name="sorted">Values in ascending order, all finite.</param>
    /// <param name="k">Classes, 1 ≤ k ≤ n.</param>
    public static double[] Fisher(IReadOnlyList<double> sorted, int k)
    {
        var (starts, n) = OptimalPartition(sorted, k, jenksQuirk: false);
        // walk back from the top class: class c (1-based from the bottom) covers [start_c, end_c]
        var lower = new int[k + 1]; var upper = new int[k + 1];
        int end = n;
        for (int c = k; c >= 1; c--)
        {
            int s = starts[end, c];
            lower[c] = s; upper[c] = end;
            end = s - 1;
        }
        var b = new double[k + 1];
        b[0] = sorted[lower[1] - 1];
        for (int c = 1; c < k; c++) b[c] = (sorted[upper[c] - 1] + sorted[lower[c + 1] - 1]) / 2;
        b[k] = sorted[n - 1];
        return b;
    }

    /// <summary>
    /// classInt's "jenks" breaks on sorted values: the minimum followed by the largest value of each class.
    /// R: <c>classIntervals(x, k, style = "jenks")$brks</c> (count with <see cref="IntervalClosure.Right"/>).
    /// </summary>
    /// <param name="sorted">Values in ascending order, all finite.</param>
    /// <param name="k">Classes, 1 ≤ k ≤ n.</param>
    public static double[] Jenks(IReadOnlyList<double> sorted, int k)
    {
        var (starts, n) = OptimalPartition(sorted, k, jenksQuirk: true);
        var top = new int[k + 1];
        top[k] = n;
        int row = n;
        for (int c = k; c >= 2; c--)
        {
            int id = starts[row, c] - 1;
            if (id < 1)
                throw new InvalidOperationException($"classInt's jenks algorithm degenerates for these {n} values and k = {k} (too many tied values; R fails or drops breaks here). Use the Fisher method instead.");
            top[c - 1] = id;
            row = id;
        }
        var b = new double[k + 1];
        b[0] = sorted[0];
        for (int c = 1; c <= k; c++) b[c] = sorted[top[c] - 1];
        return b;
    }

    // Dynamic programme of Fisher (1958) / Hartigan (1975): cost[i, j] = least within-class sum of squares of the
    // first i sorted values in j classes, start[i, j] = first index (1-based) of the last class. Candidate last
    // classes are scanned from the shortest to the longest and a candidate replaces the best so far when it is not
    // worse (>=), so ties resolve to the longest last class, as in classInt. The sum of squares of a class is
    // accumulated from its top value downwards, SS − S²/n, in the same order as classInt, so ties are broken alike.
    // jenksQuirk reproduces classInt's R "jenks" loop: row 1 starts at cost 0 for every j and is never updated.
    private static (int[,] Starts, int N) OptimalPartition(IReadOnlyList<double> x, int k, bool jenksQuirk)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Count;
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"Classes must be 1–{n} for {n} values.");
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i])) throw new ArgumentException($"Value {i} is {x[i]}; only finite values can be classified.", nameof(x));
            if (i > 0 && x[i] < x[i - 1]) throw new ArgumentException($"Values must be sorted ascending; value {i} ({x[i]}) < value {i - 1} ({x[i - 1]}).", nameof(x));
        }
        double big = jenksQuirk ? double.MaxValue : double.PositiveInfinity;
        var cost = new double[n + 1, k + 1];
        var start = new int[n + 1, k + 1];
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= k; j++) { cost[i, j] = big; start[i, j] = 1; }
        if (jenksQuirk) for (int j = 1; j <= k; j++) cost[1, j] = 0;
        for (int i = jenksQuirk ? 2 : 1; i <= n; i++)
        {
            double ss = 0, s = 0, v = 0;
            for (int len = 1; len <= i; len++)
            {
                int first = i - len + 1;          // 1-based first index of the candidate last class
                double val = x[first - 1];
                ss += val * val;
                s += val;
                v = ss - s * s / len;
                int prev = first - 1;
                if (prev != 0)
                    for (int j = 2; j <= k; j++)
                    {
                        double cand = v + cost[prev, j - 1];
                        if (cost[i, j] >= cand) { start[i, j] = first; cost[i, j] = cand; }
                    }
            }
            cost[i, 1] = v;
            start[i, 1] = 1;
        }
        return (start, n);
    }

    /// <summary>Quantile breaks at probabilities i/k, R type 7: <c>quantile(x, seq(0, 1, 1/k))</c>.</summary>
    /// <param name="sorted">Values in ascending order, all finite, at least one.</param>
    /// <param name="k">Classes, ≥ 1.</param>
    public static double[] Quantile(IReadOnlyList<double> sorted, int k)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Classes must be ≥ 1.");
        var b = new double[k + 1];
        double by = 1.0 / k;
        for (int i = 0; i <= k; i++) b[i] = QuantileType7(sorted, Math.Min(1, i * by)); // R: pmin(seq(0, 1, 1/k), 1)
        return b;
    }

    /// <summary>R's type-7 quantile of sorted data: index h = 1 + (n − 1)p, (1 − f)·x[⌊h⌋] + f·x[⌈h⌉] with f = h − ⌊h⌋.</summary>
    /// <param name="sorted">Values in ascending order.</param>
    /// <param name="p">Probability, 0 ≤ p ≤ 1.</param>
    public static double QuantileType7(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "Probability must be in [0, 1].");
        int n = sorted.Count;
        double index = 1 + Math.Max(n - 1, 0) * p;
        int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
        double q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q)
        {
            double h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }

    /// <summary>Equal-interval breaks: R <c>seq(min, max, length.out = k + 1)</c> (min + i·(max − min)/k, the last exactly max).</summary>
    public static double[] Equal(double min, double max, int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Classes must be ≥ 1.");
        if (!(min <= max)) throw new ArgumentException($"min ({min}) must not exceed max ({max}).", nameof(min));
        var b = new double[k + 1];
        double by = (max - min) / k;
        b[0] = min;
        for (int i = 1; i < k; i++) b[i] = min + i * by;
        b[k] = max;
        return b;
    }

    private static double[] UniqueBreaks(double[] sorted)
    {
        var u = new List<double>();
        foreach (double v in sorted) if (u.Count == 0 || v != u[^1]) u.Add(v);
        int m = u.Count;
        double meanGap = 0;
        for (int i = 1; i < m; i++) meanGap += u[i] - u[i - 1];
        meanGap /= m - 1;
        var b = new double[m + 1];
        b[0] = u[0] - meanGap / 2;
        for (int i = 1; i < m; i++) b[i] = u[i - 1] + (u[i] - u[i - 1]) / 2;
        b[m] = u[m - 1] + meanGap / 2;
        return b;
    }

    private static int CountDistinct(double[] sorted)
    {
        int d = 0;
        for (int i = 0; i < sorted.Length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) d++;
        return d;
    }
}
