namespace EcoNotebooks.Rasters;

/// <summary>
/// The pixel grid of a raster: size, geotransform and CRS. Two rasters can be combined pixel by pixel only when their
/// grids match (<see cref="EnsureSameGrid"/>).
/// </summary>
/// <param name="Width">Columns, ≥ 1.</param>
/// <param name="Height">Rows, ≥ 1.</param>
/// <param name="Transform">Pixel-to-world affine transform.</param>
/// <param name="Crs">Coordinate reference system.</param>
public sealed record RasterGrid(int Width, int Height, GeoTransform Transform, SpatialReference Crs)
{
    /// <summary>Validates the size.</summary>
    public RasterGrid Validate()
    {
        if (Width < 1 || Height < 1) throw new ArgumentOutOfRangeException(nameof(Width), $"Raster size {Width}×{Height} must be at least 1×1.");
        return this;
    }

    /// <summary>Total pixels per band.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>A north-up grid of square pixels.</summary>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="originX">X of the upper-left corner (CRS units).</param>
    /// <param name="originY">Y of the upper-left corner (CRS units).</param>
    /// <param name="pixelSize">Pixel size (CRS units, e.g. 30 m).</param>
    /// <param name="crs">CRS.</param>
    public static RasterGrid NorthUp(int width, int height, double originX, double originY, double pixelSize, SpatialReference crs) =>
        new RasterGrid(width, height, GeoTransform.NorthUp(originX, originY, pixelSize, pixelSize), crs).Validate();

    /// <summary>True when size, transform (to 1e-9 of a pixel) and CRS agree.</summary>
    public bool Matches(RasterGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Width == other.Width && Height == other.Height && Transform.ApproximatelyEquals(other.Transform) && Crs.SameAs(other.Crs);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming both grids when they do not match.</summary>
    /// <param name="other">The other grid.</param>
    /// <param name="thisName">Name of this raster in the message (e.g. a file name).</param>
    /// <param name="otherName">Name of the other raster in the message.</param>
    public void EnsureSameGrid(RasterGrid other, string thisName = "first raster", string otherName = "second raster")
    {
        if (!Matches(other))
            throw new ArgumentException($"Grids do not match: {thisName} is {this}; {otherName} is {other}.");
    }

    /// <summary>Pixel area in squared CRS units (m² for projected CRSs).</summary>
    public double PixelArea => Transform.PixelArea;

    /// <summary>Extent (min X, min Y, max X, max Y) of a north-up grid in CRS units.</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Extent
    {
        get
        {
            var (x0, y0) = Transform.ToWorld(0, 0);
            var (x1, y1) = Transform.ToWorld(Width, Height);
            return (Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1), Math.Max(y0, y1));
        }
    }

    /// <summary>The grid of a sub-window, with its origin moved accordingly.</summary>
    public RasterGrid Subset(RasterWindow window)
    {
        window.EnsureInside(Width, Height);
        var (x, y) = Transform.ToWorld(window.XOffset, window.YOffset);
        return this with { Width = window.Width, Height = window.Height, Transform = Transform with { OriginX = x, OriginY = y } };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Width}×{Height} pixels, geotransform {Transform}, {Crs}";
}
