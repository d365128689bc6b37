using EcoNotebooks.Rasters;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// The parts of the GeoTIFF 1.0/1.1 specification (OGC 19-008r4) this library reads and writes: the georeferencing
/// tags ModelPixelScale (33550), ModelTiepoint (33922) and ModelTransformation (34264), and the GeoKeys
/// GTModelTypeGeoKey (1024), GTRasterTypeGeoKey (1025), GeographicTypeGeoKey (2048) and ProjectedCSTypeGeoKey (3072)
/// of the GeoKeyDirectory (34735); and, for user-defined projections, the sinusoidal projection of MODIS products
/// (ProjCoordTransGeoKey 3075 = CT_Sinusoidal 24, with the sphere radius, central meridian and false origin in the
/// GeoDoubleParams tag 34736), written the way GDAL writes it.
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

    public const ushort GeogAngularUnits = 2054;
    public const ushort GeogGeodeticDatum = 2050;
    public const ushort GeogEllipsoid = 2056;
    public const ushort GeogSemiMajorAxis = 2057;
    public const ushort GeogSemiMinorAxis = 2058;
    public const ushort GeogInvFlattening = 2059;
    public const ushort Projection = 3074;
    public const ushort ProjCoordTrans = 3075;
    public const ushort ProjLinearUnits = 3076;
    public const ushort ProjNatOriginLong = 3080;
    public const ushort ProjFalseEasting = 3082;
    public const ushort ProjFalseNorthing = 3083;
    public const ushort ProjCenterLong = 3088;
    public const ushort CtSinusoidal = 24;
    public const ushort LinearMeter = 9001;
    public const ushort AngularDegree = 9102;
    public const ushort GeoDoubleParamsTag = 34736;

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

    /// <summary>
    /// Parses the double-valued keys of a GeoKeyDirectory (entries whose TIFFTagLocation is GeoDoubleParams, 34736)
    /// against the tag's values. Entries pointing outside <paramref name="doubles"/> are skipped.
    /// </summary>
    public static Dictionary<ushort, double> ParseDoubleKeys(ReadOnlySpan<ushort> dir, double[]? doubles)
    {
        var keys = new Dictionary<ushort, double>();
        if (dir.Length < 4 || doubles is null) return keys;
        int n = Math.Min((int)dir[3], (dir.Length - 4) / 4);
        for (int i = 0; i < n; i++)
        {
            int o = 4 + 4 * i;
            if (dir[o + 1] == GeoDoubleParamsTag && dir[o + 2] >= 1 && dir[o + 3] < doubles.Length) keys[dir[o]] = doubles[dir[o + 3]];
        }
        return keys;
    }

    /// <summary>
    /// The CRS of a user-defined projected model the library can use (currently the spherical sinusoidal projection of
    /// MODIS), or null. Throws <see cref="FileFormatException"/> for a sinusoidal projection whose sphere or units
    /// cannot be determined.
    /// </summary>
    public static SpatialReference? UserDefinedCrs(IReadOnlyDictionary<ushort, ushort> keys, IReadOnlyDictionary<ushort, double> doubles, string path)
    {
        if (!keys.TryGetValue(ProjCoordTrans, out ushort ct) || ct != CtSinusoidal) return null;
        if (keys.TryGetValue(ProjLinearUnits, out ushort lu) && lu != LinearMeter)
            throw new FileFormatException(path, $"sinusoidal projection with linear unit code {lu} (ProjLinearUnitsGeoKey); only metres (9001) are supported.");
        if (!doubles.TryGetValue(GeogSemiMajorAxis, out double a))
        {
            if (keys.TryGetValue(GeogEllipsoid, out ushort e) && e == 7035) a = 6_371_000;   // EPSG 7035 "Sphere" (Authalic)
            else throw new FileFormatException(path, "sinusoidal projection without GeogSemiMajorAxisGeoKey (2057); cannot tell the sphere radius.");
        }
        bool sphere = (doubles.TryGetValue(GeogSemiMinorAxis, out double b) && Math.Abs(b - a) < 1e-6)
                      || (doubles.TryGetValue(GeogInvFlattening, out double invf) && invf == 0)
                      || (!doubles.ContainsKey(GeogSemiMinorAxis) && !doubles.ContainsKey(GeogInvFlattening));
        if (!sphere)
            throw new FileFormatException(path, "sinusoidal projection on an ellipsoid is not supported, only the spherical MODIS form; reproject the file first (gdalwarp -t_srs EPSG:4326).");
        double lon0 = doubles.TryGetValue(ProjCenterLong, out double c) ? c : doubles.TryGetValue(ProjNatOriginLong, out double c2) ? c2 : 0;
        double fe = doubles.TryGetValue(ProjFalseEasting, out double x0) ? x0 : 0;
        double fn = doubles.TryGetValue(ProjFalseNorthing, out double y0) ? y0 : 0;
        try { return new EcoNotebooks.Vector.SinusoidalProjection(a, lon0, fe, fn).ToSpatialReference(); }
        catch (ArgumentOutOfRangeException e) { throw new FileFormatException(path, $"sinusoidal projection parameters are invalid: {e.Message.Split('\n')[0]}"); }
    }

    /// <summary>
    /// GeoKeyDirectory and GeoDoubleParams for a spherical sinusoidal CRS (as GDAL writes MODIS products), or null when
    /// <paramref name="crs"/> is not sinusoidal.
    /// </summary>
    public static (ushort[] Keys, double[] Doubles)? UserDefinedDirectory(SpatialReference crs)
    {
        if (crs.Epsg is not null) return null;
        var sinu = EcoNotebooks.Vector.SinusoidalProjection.TryParse(crs, "raster CRS");
        if (sinu is null) return null;
        double[] doubles = [sinu.CentralMeridian, sinu.FalseEasting, sinu.FalseNorthing, sinu.Radius, sinu.Radius];
        ushort[] keys =
        [
            1, 1, 0, 13,
            GTModelType, 0, 1, ModelTypeProjected,
            GTRasterType, 0, 1, RasterPixelIsArea,
            GeographicType, 0, 1, UserDefined,
            GeogGeodeticDatum, 0, 1, UserDefined,
            GeogAngularUnits, 0, 1, AngularDegree,
            GeogEllipsoid, 0, 1, UserDefined,
            GeogSemiMajorAxis, GeoDoubleParamsTag, 1, 3,
            GeogSemiMinorAxis, GeoDoubleParamsTag, 1, 4,
            ProjectedCSType, 0, 1, UserDefined,
            Projection, 0, 1, UserDefined,
            ProjCoordTrans, 0, 1, CtSinusoidal,
            ProjLinearUnits, 0, 1, LinearMeter,
            ProjFalseEasting, GeoDoubleParamsTag, 1, 1,
        ];
        // ProjFalseNorthing (3083) and ProjCenterLong (3088) follow in ascending key order.
        ushort[] tail = [ProjFalseNorthing, GeoDoubleParamsTag, 1, 2, ProjCenterLong, GeoDoubleParamsTag, 1, 0];
        var all = keys.Concat(tail).ToArray();
        all[3] = (ushort)((all.Length - 4) / 4);
        return (all, doubles);
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
