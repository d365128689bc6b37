using EcoNotebooks.Rasters;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// The parts of the GeoTIFF 1.0/1.1 specification (OGC 19-008r4) this library reads and writes: the georeferencing
/// tags ModelPixelScale (33550), ModelTiepoint (33922) and ModelTransformation (34264), and the GeoKeys
/// GTModelTypeGeoKey (1024), GTRasterTypeGeoKey (1025), GeographicTypeGeoKey (2048) and ProjectedCSTypeGeoKey (3072)
/// of the GeoKeyDirectory (34735).
/// </summary>
internal static class GeoKeys
{
    public const ushort GTModelType = 1024;
    public const ushort GTRasterType = 1025;
    public const ushort GeographicType = 2048;
    public const ushort ProjectedCSType = 3072;

    public const ushort ModelTypeProjected = 1;
    public const ushort ModelTypeGeographic = 2;
    public const ushort RasterPixelIsArea = 1;
    public const ushort RasterPixelIsPoint = 2;
    public const ushort UserDefined = 32767;

    /// <summary>
    /// Parses the short-valued keys of a GeoKeyDirectory (header: version, revision, minor, count; then entries of
    /// KeyID, TIFFTagLocation, Count, Value). Keys stored in other tags (location ≠ 0) are skipped.
    /// </summary>
    public static Dictionary<ushort, ushort> ParseDirectory(ReadOnlySpan<ushort> dir, string path)
    {
        var keys = new Dictionary<ushort, ushort>();
        if (dir.Length == 0) return keys;
        if (dir.Length < 4) throw new FileFormatException(path, $"GeoKeyDirectory (tag 34735) has {dir.Length} values, fewer than its 4-value header.");
        int n = dir[3];
        if (4 + 4 * n > dir.Length)
            throw new FileFormatException(path, $"GeoKeyDirectory (tag 34735) announces {n} keys but holds only {(dir.Length - 4) / 4}.");
        for (int i = 0; i < n; i++)
        {
            int o = 4 + 4 * i;
            if (dir[o + 1] == 0) keys[dir[o]] = dir[o + 3];
        }
        return keys;
    }

    /// <summary>EPSG code from the keys: ProjectedCSTypeGeoKey for projected models, GeographicTypeGeoKey for geographic ones; null when user-defined or absent.</summary>
    public static int? Epsg(IReadOnlyDictionary<ushort, ushort> keys)
    {
        keys.TryGetValue(GTModelType, out ushort model);
        int? proj = keys.TryGetValue(ProjectedCSType, out ushort p) && p is > 0 and < UserDefined ? p : null;
        int? geog = keys.TryGetValue(GeographicType, out ushort g) && g is > 0 and < UserDefined ? g : null;
        return model switch
        {
            ModelTypeProjected => proj,
            ModelTypeGeographic => geog,
            _ => proj ?? geog,
        };
    }

    /// <summary>
    /// The geotransform in GDAL order from the georeferencing tags, as GDAL computes it: a ModelTransformation
    /// matrix wins; otherwise one tiepoint plus a pixel scale. For PixelIsPoint rasters the tags locate pixel centres,
    /// so the origin is moved by half a pixel up-left (GDAL's default, GTIFF_POINT_GEO_IGNORE=FALSE).
    /// Returns null when the file has no usable affine georeferencing (none, or several tiepoints, which GDAL treats as
    /// ground control points).
    /// </summary>
    public static GeoTransform? Transform(double[]? scale, double[]? tiepoints, double[]? matrix, bool pixelIsPoint)
    {
        GeoTransform gt;
        if (matrix is { Length: >= 16 })
        {
            gt = new GeoTransform(matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]);
        }
        else if (tiepoints is { Length: 6 } && scale is { Length: >= 2 })
        {
            double i = tiepoints[0], j = tiepoints[1], x = tiepoints[3], y = tiepoints[4];
            double sx = scale[0], sy = scale[1];
            gt = new GeoTransform(x - i * sx, sx, 0, y + j * sy, 0, -sy);
        }
        else return null;

        if (pixelIsPoint)
            gt = gt with
            {
                OriginX = gt.OriginX - 0.5 * gt.PixelWidth - 0.5 * gt.RowRotation,
                OriginY = gt.OriginY - 0.5 * gt.ColumnRotation - 0.5 * gt.PixelHeight,
            };
        return gt;
    }

    /// <summary>True if the EPSG code is a geographic (latitude/longitude) CRS: the codes known to <see cref="SpatialReference.IsGeographic"/>, or 4001–4999 (EPSG's block of geographic 2D CRSs) except the geocentric 4328–4338, 4936–4937 and 4978–4979.</summary>
    public static bool IsGeographic(SpatialReference crs) =>
        crs.IsGeographic || crs.Epsg is int e && e is >= 4001 and <= 4999 && e is not (>= 4328 and <= 4338) and not 4936 and not 4937 and not 4978 and not 4979;

    /// <summary>A GeoKeyDirectory for <paramref name="crs"/> (PixelIsArea), or null when the CRS has no EPSG code.</summary>
    public static ushort[]? Directory(SpatialReference crs)
    {
        if (crs.Epsg is not int epsg) return null;
        if (epsg is <= 0 or >= UserDefined)
            throw new NotSupportedException($"EPSG code {epsg} cannot be stored in a GeoTIFF key (valid 1–32766).");
        bool geographic = IsGeographic(crs);
        return
        [
            1, 1, 0, 3,
            GTModelType, 0, 1, geographic ? ModelTypeGeographic : ModelTypeProjected,
            GTRasterType, 0, 1, RasterPixelIsArea,
            geographic ? GeographicType : ProjectedCSType, 0, 1, (ushort)epsg,
        ];
    }
}
