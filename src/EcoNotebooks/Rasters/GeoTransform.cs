using System.Globalization;

namespace EcoNotebooks.Rasters;

/// <summary>
/// Affine transform from pixel/line space to georeferenced coordinates, in GDAL's order:
/// X = <see cref="OriginX"/> + col·<see cref="PixelWidth"/> + row·<see cref="RowRotation"/>,
/// Y = <see cref="OriginY"/> + col·<see cref="ColumnRotation"/> + row·<see cref="PixelHeight"/>.
/// (col, row) = (0, 0) is the outer corner of the upper-left pixel; pixel centres are at +0.5.
/// Units are those of the CRS (metres for UTM, degrees for geographic). North-up rasters have
/// zero rotations and a negative <see cref="PixelHeight"/>.
/// </summary>
public readonly record struct GeoTransform(
    double OriginX, double PixelWidth, double RowRotation,
    double OriginY, double ColumnRotation, double PixelHeight)
{
    /// <summary>Identity-like transform (origin 0, 1 unit pixels, y down) used when a file has no georeferencing.</summary>
    public static GeoTransform Identity { get; } = new(0, 1, 0, 0, 0, 1);

    /// <summary>A north-up transform with square or rectangular pixels.</summary>
    /// <param name="originX">X of the upper-left corner.</param>
    /// <param name="originY">Y of the upper-left corner.</param>
    /// <param name="pixelSizeX">Pixel width, &gt; 0.</param>
    /// <param name="pixelSizeY">Pixel height as a positive number; stored negated.</param>
    public static GeoTransform NorthUp(double originX, double originY, double pixelSizeX, double pixelSizeY)
    {
        if (!(pixelSizeX > 0)) throw new ArgumentOutOfRangeException(nameof(pixelSizeX), pixelSizeX, "Pixel width must be > 0.");
        if (!(pixelSizeY > 0)) throw new ArgumentOutOfRangeException(nameof(pixelSizeY), pixelSizeY, "Pixel height must be > 0 (it is stored negated).");
        return new GeoTransform(originX, pixelSizeX, 0, originY, 0, -pixelSizeY);
    }

    /// <summary>The six coefficients in GDAL order.</summary>
    public double[] ToArray() => [OriginX, PixelWidth, RowRotation, OriginY, ColumnRotation, PixelHeight];

    /// <summary>Builds a transform from six coefficients in GDAL order.</summary>
    public static GeoTransform FromArray(IReadOnlyList<double> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Count != 6) throw new ArgumentException($"A geotransform has 6 coefficients, got {c.Count}.", nameof(c));
        return new GeoTransform(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    /// <summary>True when both rotation terms are zero.</summary>
    public bool IsNorthUp => RowRotation == 0 && ColumnRotation == 0;

    /// <summary>Georeferenced coordinates of pixel/line position (col, row); use +0.5 for centres.</summary>
    public (double X, double Y) ToWorld(double col, double row) =>
        (OriginX + col * PixelWidth + row * RowRotation, OriginY + col * ColumnRotation + row * PixelHeight);

    /// <summary>Coordinates of the centre of pixel (col, row).</summary>
    public (double X, double Y) PixelCentre(int col, int row) => ToWorld(col + 0.5, row + 0.5);

    /// <summary>Fractional pixel/line position of georeferenced (x, y). Throws if the transform is singular.</summary>
    public (double Col, double Row) ToPixel(double x, double y)
    {
        double det = PixelWidth * PixelHeight - RowRotation * ColumnRotation;
        if (det == 0) throw new InvalidOperationException($"Geotransform {this} is singular and cannot be inverted.");
        double dx = x - OriginX, dy = y - OriginY;
        return ((PixelHeight * dx - RowRotation * dy) / det, (-ColumnRotation * dx + PixelWidth * dy) / det);
    }

    /// <summary>Area of one pixel in squared CRS units (m² for projected CRSs).</summary>
    public double PixelArea => Math.Abs(PixelWidth * PixelHeight - RowRotation * ColumnRotation);

    /// <summary>True when all coefficients agree within <paramref name="relativeTolerance"/> of the pixel size.</summary>
    public bool ApproximatelyEquals(GeoTransform other, double relativeTolerance = 1e-9)
    {
        double scale = Math.Max(Math.Abs(PixelWidth), Math.Abs(PixelHeight));
        double tol = Math.Max(scale, 1e-12) * relativeTolerance;
        return Math.Abs(OriginX - other.OriginX) <= tol && Math.Abs(OriginY - other.OriginY) <= tol
            && Math.Abs(PixelWidth - other.PixelWidth) <= tol && Math.Abs(PixelHeight - other.PixelHeight) <= tol
            && Math.Abs(RowRotation - other.RowRotation) <= tol && Math.Abs(ColumnRotation - other.ColumnRotation) <= tol;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{OriginX}, {PixelWidth}, {RowRotation}, {OriginY}, {ColumnRotation}, {PixelHeight}]");
}
