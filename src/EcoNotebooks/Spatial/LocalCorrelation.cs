using EcoNotebooks.Rasters;
using MathNet.Numerics;

namespace EcoNotebooks.Spatial;

/// <summary>Options of <see cref="LocalCorrelation.Compute(Raster, Raster, LocalCorrelationOptions?, int, int)"/>.</summary>
/// <param name="WindowSize">Side of the square moving window in pixels: odd, 3–1001 (e.g. 3…31).</param>
/// <param name="MinValidPairs">Fewest valid pixel pairs a window needs for r, ≥ 3 (below: r, p = NaN).</param>
/// <param name="Alpha">Significance level of the two-sided test, in (0, 1).</param>
public sealed record LocalCorrelationOptions(int WindowSize = 3, int MinValidPairs = 3, double Alpha = 0.05)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    public LocalCorrelationOptions Validate()
    {
        if (WindowSize < 3 || WindowSize > 1001 || WindowSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, $"Window size must be odd and in 3–1001, got {WindowSize}.");
        if (MinValidPairs < 3)
            throw new ArgumentOutOfRangeException(nameof(MinValidPairs), MinValidPairs, $"At least 3 valid pairs are needed for a correlation test, got {MinValidPairs}.");
        if (!(Alpha > 0 && Alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, $"Alpha must be in (0, 1), got {Alpha}.");
        return this;
    }
}

/// <summary>Class of a pixel in <see cref="LocalCorrelationResult.Classes"/>.</summary>
public enum LocalCorrelationClass : short
{
    /// <summary>Significant negative correlation (p &lt; α, r &lt; 0); stored as −1.</summary>
    Negative = -1,
    /// <summary>Not significant (p ≥ α); stored as 0.</summary>
    Insignificant = 0,
    /// <summary>Significant positive correlation (p &lt; α, r &gt; 0); stored as 1.</summary>
    Positive = 1,
}

/// <summary>Counts and shares of the classified pixels (pixels with a defined r).</summary>
/// <param name="Classified">Pixels with a defined r.</param>
/// <param name="Positive">Pixels with significant positive r.</param>
/// <param name="Negative">Pixels with significant negative r.</param>
/// <param name="Insignificant">Pixels with p ≥ α.</param>
/// <param name="PixelArea">Area of one pixel in squared CRS units.</param>
public sealed record LocalCorrelationSummary(long Classified, long Positive, long Negative, long Insignificant, double PixelArea)
{
    /// <summary>Positive / Classified (NaN when nothing is classified).</summary>
    public double PositiveShare => Classified == 0 ? double.NaN : (double)Positive / Classified;
    /// <summary>Negative / Classified.</summary>
    public double NegativeShare => Classified == 0 ? double.NaN : (double)Negative / Classified;
    /// <summary>Insignificant / Classified.</summary>
    public double InsignificantShare => Classified == 0 ? double.NaN : (double)Insignificant / Classified;
    /// <summary>Area of significantly positive pixels (squared CRS units, e.g. m²).</summary>
    public double PositiveArea => Positive * PixelArea;
    /// <summary>Area of significantly negative pixels.</summary>
    public double NegativeArea => Negative * PixelArea;
    /// <summary>Area of insignificant pixels.</summary>
    public double InsignificantArea => Insignificant * PixelArea;
}

/// <summary>Output of <see cref="LocalCorrelation.Compute(Raster, Raster, LocalCorrelationOptions?, int, int)"/>; all rasters are on the input grid.</summary>
/// <param name="R">Pearson r per pixel (float64, NaN where undefined).</param>
/// <param name="P">Two-sided p-value per pixel (float64, NaN where undefined).</param>
/// <param name="N">Valid pairs in each window (int32).</param>
/// <param name="Classes">−1 / 0 / 1 per <see cref="LocalCorrelationClass"/> (int16, nodata −32768 where r is undefined).</param>
/// <param name="Summary">Counts, shares and areas of the classes.</param>
public sealed record LocalCorrelationResult(Raster R, Raster P, Raster N, Raster Classes, LocalCorrelationSummary Summary);

/// <summary>
/// Moving-window (local) Pearson correlation between two rasters on the same grid, with a per-pixel t-test.
/// </summary>
/// <remarks>
/// For each pixel, the window is the k×k square centred on it, clipped at the raster edges. Pairs where either pixel
/// is missing (NaN or nodata) are excluded; n is the number of remaining pairs. With n ≥ MinValidPairs,
/// r = Sxy / √(Sxx·Syy) (sums of centred products over the window), t = r·√((n − 2)/(1 − r²)) with n − 2 degrees of
/// freedom and two-sided p = I_{1−r²}((n−2)/2, 1/2) (regularised incomplete beta, identical to 2·P(T &gt; |t|)).
/// Windows where either variable is constant (variance at rounding level, below 1e-11 of its mean square) give NaN.
/// The window sums come from running column sums slid along each row, so the cost is O(pixels) whatever the
/// window size; rows are processed in parallel blocks. To limit cancellation in Sxx = Σx² − (Σx)²/n, both rasters are
/// first centred on their global mean over valid pairs.
/// Equivalent: R <c>cor.test(x, y)</c> per window; Python <c>scipy.stats.pearsonr</c> per window.
/// </remarks>
public static class LocalCorrelation
{
    private const double ConstantWindowTolerance = 1e-11;

    /// <summary>Computes local r, p and n and classifies pixels at <see cref="LocalCorrelationOptions.Alpha"/>.</summary>
    /// <param name="first">First raster (band <paramref name="firstBand"/> is used).</param>
    /// <param name="second">Second raster on the same grid.</param>
    /// <param name="options">Window, minimum pairs and α; null = 3×3, 3 pairs, α = 0.05.</param>
    /// <param name="firstBand">0-based band of <paramref name="first"/>.</param>
    /// <param name="secondBand">0-based band of <paramref name="second"/>.</param>
    /// <exception cref="ArgumentException">The grids differ (<see cref="RasterGrid.EnsureSameGrid"/>) or options are invalid.</exception>
    public static LocalCorrelationResult Compute(Raster first, Raster second, LocalCorrelationOptions? options = null, int firstBand = 0, int secondBand = 0)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        first.Grid.EnsureSameGrid(second.Grid, "first raster", "second raster");
        options = (options ?? new LocalCorrelationOptions()).Validate();
        var grid = first.Grid;
        var a = first.Band(firstBand).ToDoubleArray();
        var b = second.Band(secondBand).ToDoubleArray();
        var (r, p, n) = Compute(a, b, grid.Width, grid.Height, options.WindowSize, options.MinValidPairs);

        var classRaster = Raster.Create(grid, PixelType.Int16, 1, short.MinValue, fillWithNoData: true);
        var cls = ((RasterBand<short>)classRaster.Band(0)).Data;
        long pos = 0, neg = 0, ins = 0;
        for (int i = 0; i < r.Length; i++)
        {
            if (double.IsNaN(r[i])) continue;
            if (p[i] < options.Alpha && r[i] > 0) { cls[i] = (short)LocalCorrelationClass.Positive; pos++; }
            else if (p[i] < options.Alpha && r[i] < 0) { cls[i] = (short)LocalCorrelationClass.Negative; neg++; }
            else { cls[i] = (short)LocalCorrelationClass.Insignificant; ins++; }
        }
        var nRaster = new Raster(grid, [new RasterBand<int>(grid.Width, grid.Height, n)]);
        var summary = new LocalCorrelationSummary(pos + neg + ins, pos, neg, ins, grid.PixelArea);
        return new LocalCorrelationResult(Raster.FromArray(grid, r), Raster.FromArray(grid, p), nRaster, classRaster, summary);
    }

    /// <summary>
    /// Array form of <see cref="Compute(Raster, Raster, LocalCorrelationOptions?, int, int)"/>: row-major
    /// <paramref name="width"/>×<paramref name="height"/> arrays with NaN for missing pixels; returns r, p and n arrays.
    /// </summary>
    /// <param name="x">First variable, row-major; NaN = missing.</param>
    /// <param name="y">Second variable, same layout.</param>
    /// <param name="width">Columns ≥ 1.</param>
    /// <param name="height">Rows ≥ 1.</param>
    /// <param name="windowSize">Odd window side, 3–1001.</param>
    /// <param name="minValidPairs">Minimum valid pairs ≥ 3.</param>
    public static (double[] R, double[] P, int[] N) Compute(double[] x, double[] y, int width, int height, int windowSize, int minValidPairs = 3)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        new LocalCorrelationOptions(windowSize, minValidPairs).Validate();
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Raster size {width}×{height} must be at least 1×1.");
        long count = (long)width * height;
        if (x.LongLength != count || y.LongLength != count)
            throw new ArgumentException($"Arrays have {x.LongLength} and {y.LongLength} values but {width}×{height} = {count} are needed.", nameof(x));

        // Centre both variables on their global mean over valid pairs (limits cancellation in the window sums).
        double sx = 0, sy = 0; long nv = 0;
        for (long i = 0; i < count; i++)
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) { sx += x[i]; sy += y[i]; nv++; }
        double mx = nv > 0 ? sx / nv : 0, my = nv > 0 ? sy / nv : 0;
        var cx = new double[count];
        var cy = new double[count];
        var valid = new bool[count];
        Parallel.For(0, height, row =>
        {
            long o = (long)row * width;
            for (int c = 0; c < width; c++)
            {
                long i = o + c;
                if (double.IsNaN(x[i]) || double.IsNaN(y[i]) || double.IsInfinity(x[i]) || double.IsInfinity(y[i])) continue;
                valid[i] = true; cx[i] = x[i] - mx; cy[i] = y[i] - my;
            }
        });

        var r = new double[count];
        var p = new double[count];
        var n = new int[count];
        int half = windowSize / 2;
        int blocks = Math.Max(1, Math.Min(height, Environment.ProcessorCount * 4));
        int rowsPerBlock = (height + blocks - 1) / blocks;
        Parallel.For(0, blocks, blk =>
        {
            int r0 = blk * rowsPerBlock, r1 = Math.Min(height, r0 + rowsPerBlock);
            if (r0 >= r1) return;
            // Column sums over rows [row − half, row + half] ∩ [0, height): count, Σx, Σy, Σx², Σy², Σxy.
            var cn = new long[width];
            var c1 = new double[width]; var c2 = new double[width];
            var c11 = new double[width]; var c22 = new double[width]; var c12 = new double[width];
            void AddRow(int row, int sign)
            {
                if (row < 0 || row >= height) return;
                long o = (long)row * width;
                for (int c = 0; c < width; c++)
                {
                    long i = o + c;
                    if (!valid[i]) continue;
                    double u = cx[i], v = cy[i];
                    cn[c] += sign; c1[c] += sign * u; c2[c] += sign * v;
                    c11[c] += sign * (u * u); c22[c] += sign * (v * v); c12[c] += sign * (u * v);
                }
            }
            for (int row = r0 - half; row <= r0 + half; row++) AddRow(row, +1);
            for (int row = r0; row < r1; row++)
            {
                if (row > r0) { AddRow(row - half - 1, -1); AddRow(row + half, +1); }
                long wn = 0; double w1 = 0, w2 = 0, w11 = 0, w22 = 0, w12 = 0;
                for (int c = 0; c <= Math.Min(half, width - 1); c++)
                { wn += cn[c]; w1 += c1[c]; w2 += c2[c]; w11 += c11[c]; w22 += c22[c]; w12 += c12[c]; }
                long o = (long)row * width;
                for (int c = 0; c < width; c++)
                {
                    if (c > 0)
                    {
                        int add = c + half, sub = c - half - 1;
                        if (add < width) { wn += cn[add]; w1 += c1[add]; w2 += c2[add]; w11 += c11[add]; w22 += c22[add]; w12 += c12[add]; }
                        if (sub >= 0) { wn -= cn[sub]; w1 -= c1[sub]; w2 -= c2[sub]; w11 -= c11[sub]; w22 -= c22[sub]; w12 -= c12[sub]; }
                    }
                    long k = o + c;
                    n[k] = (int)wn;
                    if (wn < minValidPairs) { r[k] = double.NaN; p[k] = double.NaN; continue; }
                    double sxx = w11 - w1 * w1 / wn, syy = w22 - w2 * w2 / wn, sxy = w12 - w1 * w2 / wn;
                    if (!(sxx > ConstantWindowTolerance * w11) || !(syy > ConstantWindowTolerance * w22)) { r[k] = double.NaN; p[k] = double.NaN; continue; }
                    double rr = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
                    r[k] = rr;
                    p[k] = PValue(rr, wn);
                }
            }
        });
        return (r, p, n);
    }

    /// <summary>
    /// Two-sided p-value of Pearson's r from n pairs: t = r√((n−2)/(1−r²)), p = 2·P(T_{n−2} &gt; |t|), computed as
    /// I_{1−r²}((n−2)/2, 1/2). R: <c>cor.test(x, y)$p.value</c>; scipy: <c>pearsonr(x, y).pvalue</c>.
    /// </summary>
    /// <param name="r">Correlation in [−1, 1].</param>
    /// <param name="n">Number of pairs, ≥ 3.</param>
    public static double PValue(double r, long n)
    {
        if (n < 3) throw new ArgumentOutOfRangeException(nameof(n), n, "A correlation test needs n ≥ 3 pairs.");
        if (double.IsNaN(r)) return double.NaN;
        if (r < -1 || r > 1) throw new ArgumentOutOfRangeException(nameof(r), r, "r must be in [−1, 1].");
        double oneMinusR2 = 1 - r * r;
        if (oneMinusR2 <= 0) return 0;
        double df = n - 2;
        return SpecialFunctions.BetaRegularized(df / 2, 0.5, oneMinusR2);
    }
}
