namespace EcoNotebooks.Rasters;

/// <summary>
/// A single-band raster whose pixels are computed on demand by a function of (column, row), never stored. Useful for
/// large deterministic inputs (sample generators, constant or analytic fields) that are streamed block by block.
/// </summary>
public sealed class ComputedRaster : IRasterSource
{
    private readonly Func<int, int, double> _pixel;

    /// <summary>Creates the raster. <paramref name="pixel"/>(col, row) must be thread-safe and deterministic.</summary>
    public ComputedRaster(RasterGrid grid, Func<int, int, double> pixel, PixelType pixelType = PixelType.Float32, double? noData = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(pixel);
        Grid = grid.Validate(); _pixel = pixel; PixelType = pixelType; NoData = Rasters.NoData.Normalise(noData, pixelType);
    }

    /// <inheritdoc />
    public RasterGrid Grid { get; }
    /// <inheritdoc />
    public int BandCount => 1;
    /// <inheritdoc />
    public PixelType PixelType { get; }
    /// <inheritdoc />
    public double? NoData { get; }
    /// <inheritdoc />
    public (int Width, int Height) BlockSize => (Grid.Width, Math.Max(1, Math.Min(Grid.Height, 65536 / Grid.Width)));

    /// <inheritdoc />
    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        if (band != 0) throw new ArgumentOutOfRangeException(nameof(band), band, "A computed raster has one band (index 0).");
        window.EnsureInside(Grid.Width, Grid.Height);
        for (int r = 0; r < window.Height; r++)
            for (int c = 0; c < window.Width; c++)
                destination[r * window.Width + c] = PixelType.Clamp(_pixel(window.XOffset + c, window.YOffset + r));
    }
}
