namespace EcoNotebooks.Spatial;

/// <summary>One distance class of an <see cref="EmpiricalVariogram"/> (one row of gstat's <c>variogram()</c> output).</summary>
/// <param name="PairCount">Number of point pairs in the class (gstat <c>np</c>), ≥ 1.</param>
/// <param name="Distance">Mean distance of those pairs (gstat <c>dist</c>), in coordinate units.</param>
/// <param name="Semivariance">γ̂ = Σ(zᵢ − zⱼ)² / (2·np) over the pairs (gstat <c>gamma</c>), in squared units of z.</param>
public sealed record VariogramBin(long PairCount, double Distance, double Semivariance);

/// <summary>Options of <see cref="EmpiricalVariogram.Compute"/>; null means gstat's default.</summary>
/// <param name="Cutoff">Largest pair distance used, &gt; 0. Default (gstat): 0.33333 × the diagonal of the points' bounding box.</param>
/// <param name="Width">Width of the distance classes, &gt; 0. Default (gstat): cutoff / 15.</param>
public sealed record EmpiricalVariogramOptions(double? Cutoff = null, double? Width = null);

/// <summary>
/// The omnidirectional empirical (sample) semivariogram of point data, computed exactly as gstat's
/// <c>variogram(z ~ 1, locations = ~x + y, data)</c> (classical Matheron estimator, R gstat 2.1).
/// </summary>
/// <remarks>
/// Every pair (i, j), i ≠ j, with Euclidean distance h ≤ cutoff falls in class k = ⌈h / width⌉ − 1, i.e. classes are
/// half-open (k·width, (k+1)·width], except that h = 0 (duplicate locations) goes to the first class, as gstat does
/// for variograms. For each class γ̂ = Σ(zᵢ − zⱼ)²/(2·np) and the reported distance is the mean pair distance.
/// Empty classes are omitted. The default cutoff uses gstat's fraction 0.33333 (not exactly 1/3) of the bounding-box
/// diagonal; if the diagonal is 0 the cutoff is 1. Pairs are summed in gstat's order, so results agree with gstat to
/// rounding. Cost O(n²) time, O(classes) memory.
/// </remarks>
public sealed class EmpiricalVariogram
{
    /// <summary>gstat's default fraction of the bounding-box diagonal used as cutoff (DEF_fraction in gstat's defaults.h).</summary>
    public const double DefaultCutoffFraction = 0.33333;

    /// <summary>gstat's default number of distance classes within the cutoff (DEF_intervals).</summary>
    public const int DefaultIntervals = 15;

    private EmpiricalVariogram(IReadOnlyList<VariogramBin> bins, double cutoff, double width, int pointCount)
    {
        Bins = bins; Cutoff = cutoff; Width = width; PointCount = pointCount;
    }

    /// <summary>Non-empty distance classes in increasing distance.</summary>
    public IReadOnlyList<VariogramBin> Bins { get; }

    /// <summary>Cutoff actually used (coordinate units).</summary>
    public double Cutoff { get; }

    /// <summary>Class width actually used (coordinate units).</summary>
    public double Width { get; }

    /// <summary>Number of points used (points with a missing value are skipped).</summary>
    public int PointCount { get; }

    /// <summary>gstat's default cutoff for these coordinates: 0.33333 × bounding-box diagonal (1 when the diagonal is 0).</summary>
    /// <param name="x">X coordinates.</param>
    /// <param name="y">Y coordinates.</param>
    public static double DefaultCutoff(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0) throw new ArgumentException("No points given.", nameof(x));
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < x.Count; i++)
        {
            minX = Math.Min(minX, x[i]); maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]); maxY = Math.Max(maxY, y[i]);
        }
        double dx = maxX - minX, dy = maxY - minY;
        double d = Math.Sqrt(dx * dx + dy * dy);
        return d == 0 ? 1.0 : d * DefaultCutoffFraction;
    }

    /// <summary>
    /// Computes the empirical variogram of <paramref name="z"/> at (<paramref name="x"/>, <paramref name="y"/>).
    /// R: <c>gstat::variogram(z ~ 1, locations = ~x + y, data, cutoff, width)</c>.
    /// </summary>
    /// <param name="x">X coordinates (projected units, e.g. metres); must be finite.</param>
    /// <param name="y">Y coordinates; must be finite.</param>
    /// <param name="z">Values; NaN marks a missing value and that point is skipped (also for the default cutoff).</param>
    /// <param name="options">Cutoff and width; null = gstat defaults.</param>
    /// <exception cref="ArgumentException">Lengths differ, a coordinate is not finite, fewer than 2 points with values, or a non-positive cutoff/width.</exception>
    public static EmpiricalVariogram Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z, EmpiricalVariogramOptions? options = null)
    {
        var (px, py, pz) = SpatialPoints.Clean(x, y, z);
        if (px.Length < 2) throw new ArgumentException($"An empirical variogram needs at least 2 points with values; got {px.Length}.", nameof(z));
        options ??= new EmpiricalVariogramOptions();
        double cutoff = options.Cutoff ?? DefaultCutoff(px, py);
        if (!(cutoff > 0) || double.IsInfinity(cutoff))
            throw new ArgumentOutOfRangeException(nameof(options), cutoff, $"Variogram cutoff must be finite and > 0, got {cutoff}.");
        double width = options.Width ?? cutoff / DefaultIntervals;
        if (!(width > 0) || double.IsInfinity(width))
            throw new ArgumentOutOfRangeException(nameof(options), width, $"Variogram class width must be finite and > 0, got {width}.");
        double nd = Math.Floor(cutoff / width) + 1;
        if (nd > 10_000_000) throw new ArgumentOutOfRangeException(nameof(options), width, $"Cutoff {cutoff} / width {width} gives {nd} classes; choose a larger width.");
        int nClasses = (int)nd;
        var gamma = new double[nClasses];
        var dist = new double[nClasses];
        var np = new long[nClasses];
        int n = px.Length;
        // gstat's loop order (sem.c, semivariogram_list): i ascending, j < i ascending.
        for (int i = 0; i < n; i++)
        {
            double xi = px[i], yi = py[i], zi = pz[i];
            for (int j = 0; j < i; j++)
            {
                double dx = xi - px[j], dy = yi - py[j];
                double h = Math.Sqrt(dx * dx + dy * dy);
                if (h > cutoff) continue;
                int k = ClassIndex(h, width);
                double dz = zi - pz[j];
                gamma[k] += dz * dz;
                dist[k] += h;
                np[k]++;
            }
        }
        var bins = new List<VariogramBin>();
        for (int k = 0; k < nClasses; k++)
            if (np[k] > 0) bins.Add(new VariogramBin(np[k], dist[k] / np[k], gamma[k] / (2.0 * np[k])));
        return new EmpiricalVariogram(bins, cutoff, width, n);
    }

    /// <summary>
    /// The class of distance <paramref name="h"/> (gstat's get_index): ⌊h/width⌋, minus 1 when h/width is a positive
    /// integer, so class k holds (k·width, (k+1)·width] and h = 0 is in class 0.
    /// </summary>
    internal static int ClassIndex(double h, double width)
    {
        double frac = h / width;
        double f = Math.Floor(frac);
        return h > 0 && frac == f ? (int)f - 1 : (int)f;
    }
}
