namespace EcoNotebooks.Rasters;

/// <summary>Convenience reads on any <see cref="IRasterSource"/>.</summary>
public static class RasterSourceExtensions
{
    /// <summary>
    /// Reads a whole band into a new row-major array (length width·height) with missing pixels (nodata or NaN) as NaN.
    /// For rasters that do not fit in memory, stream with <see cref="RasterWindow.Blocks"/> instead.
    /// </summary>
    public static double[] ReadBand(this IRasterSource source, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var values = new double[source.Grid.PixelCount];
        source.ReadWindow(band, new RasterWindow(0, 0, source.Grid.Width, source.Grid.Height), values);
        NoData.ToNaN(values, source.NoData);
        return values;
    }
}
