namespace EcoNotebooks.Rasters;

/// <summary>
/// Anything that can deliver pixels window by window: an in-memory <see cref="Raster"/>, or a file reader that keeps
/// only the requested blocks in memory. All bands share one pixel type and one nodata value (as in GeoTIFF).
/// Band indices are 0-based (GDAL's band 1 is index 0).
/// </summary>
public interface IRasterSource
{
    /// <summary>Size, geotransform and CRS.</summary>
    RasterGrid Grid { get; }

    /// <summary>Number of bands, ≥ 1.</summary>
    int BandCount { get; }

    /// <summary>Storage type of the pixels.</summary>
    PixelType PixelType { get; }

    /// <summary>Nodata value (already rounded to <see cref="PixelType"/>), or null when none is set. NaN pixels are always missing.</summary>
    double? NoData { get; }

    /// <summary>The natural block size (tile size, or full-width strips) for efficient streaming.</summary>
    (int Width, int Height) BlockSize { get; }

    /// <summary>Reads <paramref name="window"/> of band <paramref name="band"/> (0-based) into <paramref name="destination"/>, row-major, converting to double.</summary>
    void ReadWindow(int band, RasterWindow window, Span<double> destination);
}

/// <summary>Anything that accepts pixels window by window (an in-memory <see cref="Raster"/> or a streaming file writer).</summary>
public interface IRasterSink
{
    /// <summary>Size, geotransform and CRS.</summary>
    RasterGrid Grid { get; }

    /// <summary>Number of bands.</summary>
    int BandCount { get; }

    /// <summary>Storage type; values are rounded and clamped to it (<see cref="PixelTypes.Clamp"/>).</summary>
    PixelType PixelType { get; }

    /// <summary>Writes <paramref name="source"/> (row-major) into <paramref name="window"/> of band <paramref name="band"/> (0-based).</summary>
    void WriteWindow(int band, RasterWindow window, ReadOnlySpan<double> source);
}
