namespace EcoNotebooks.Rasters;

/// <summary>
/// Summary statistics of one band over its valid (non-missing) pixels, computed block by block so the raster need
/// not fit in memory. <see cref="StdDev"/> is the population standard deviation (as GDAL's <c>-stats</c>).
/// With no valid pixel, Min/Max/Mean/StdDev are NaN.
/// </summary>
/// <param name="Valid">Pixels that are not nodata and not NaN.</param>
/// <param name="Min">Minimum of valid pixels.</param>
/// <param name="Max">Maximum of valid pixels.</param>
/// <param name="Mean">Mean of valid pixels.</param>
/// <param name="StdDev">Population standard deviation of valid pixels.</param>
public sealed record RasterStatistics(long Valid, double Min, double Max, double Mean, double StdDev)
{
    /// <summary>Computes statistics of band <paramref name="band"/> (0-based) of <paramref name="source"/>.</summary>
    public static RasterStatistics Compute(IRasterSource source, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        if ((uint)band >= (uint)source.BandCount)
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band index must be 0–{source.BandCount - 1}.");
        var (bw, bh) = source.BlockSize;
        var buffer = new double[(long)bw * bh];
        long n = 0; double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double mean = 0, m2 = 0; // Welford's algorithm, stable for large counts
        foreach (var w in RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
        {
            var span = buffer.AsSpan(0, (int)w.PixelCount);
            source.ReadWindow(band, w, span);
            foreach (double v in span)
            {
                if (NoData.IsMissing(v, source.NoData)) continue;
                n++;
                if (v < min) min = v;
                if (v > max) max = v;
                double d = v - mean;
                mean += d / n;
                m2 += d * (v - mean);
            }
        }
        return n == 0
            ? new RasterStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new RasterStatistics(n, min, max, mean, Math.Sqrt(m2 / n));
    }
}
