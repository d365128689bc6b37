namespace EcoNotebooks.Rasters;

/// <summary>A rectangular block of pixels: column/row offset and size. Used for block-by-block (streamed) processing.</summary>
/// <param name="XOffset">First column, ≥ 0.</param>
/// <param name="YOffset">First row, ≥ 0.</param>
/// <param name="Width">Columns, ≥ 1.</param>
/// <param name="Height">Rows, ≥ 1.</param>
public readonly record struct RasterWindow(int XOffset, int YOffset, int Width, int Height)
{
    /// <summary>Number of pixels in the window.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>Throws if the window is empty or leaves a <paramref name="width"/> × <paramref name="height"/> raster.</summary>
    public void EnsureInside(int width, int height)
    {
        if (Width < 1 || Height < 1 || XOffset < 0 || YOffset < 0 || XOffset + Width > width || YOffset + Height > height)
            throw new ArgumentOutOfRangeException(nameof(RasterWindow),
                $"Window (x {XOffset}, y {YOffset}, {Width}×{Height}) is not inside the {width}×{height} raster.");
    }

    /// <summary>
    /// Splits a <paramref name="width"/> × <paramref name="height"/> raster into blocks of at most
    /// <paramref name="blockWidth"/> × <paramref name="blockHeight"/> pixels, row-major (left to right, top to bottom).
    /// </summary>
    public static IEnumerable<RasterWindow> Blocks(int width, int height, int blockWidth, int blockHeight)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Raster size {width}×{height} must be at least 1×1.");
        if (blockWidth < 1 || blockHeight < 1) throw new ArgumentOutOfRangeException(nameof(blockWidth), $"Block size {blockWidth}×{blockHeight} must be at least 1×1.");
        for (int y = 0; y < height; y += blockHeight)
            for (int x = 0; x < width; x += blockWidth)
                yield return new RasterWindow(x, y, Math.Min(blockWidth, width - x), Math.Min(blockHeight, height - y));
    }

    /// <inheritdoc />
    public override string ToString() => $"(x {XOffset}, y {YOffset}, {Width}×{Height})";
}
