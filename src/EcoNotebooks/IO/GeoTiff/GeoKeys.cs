using System.Globalization;
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
    public const ushort CtTransverseMercator = 1;
    public const ushort CtLambertConfConic2Sp = 8;
    public const ushort CtAlbersEqualArea = 11;
    public const ushort ProjStdParallel1 = 3078;
    public const ushort ProjStdParallel2 = 3079;
    public const ushort ProjNatOriginLat = 3081;
    public const ushort ProjFalseOriginLong = 3084;
    public const ushort ProjFalseOriginLat = 3085;
    public const ushort ProjFalseOriginEasting = 3086;
    public const ushort ProjFalseOriginNorthing = 3087;
    public const ushort ProjScaleAtNatOrigin = 3092;
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
    /// The CRS of a user-defined projected model (ProjectedCSTypeGeoKey = 32767), built as OGC WKT 1 from the keys the
    /// way GDAL writes them: the spherical sinusoidal projection of MODIS (CT 24), Albers equal-area (CT 11), Lambert
    /// conformal conic with two standard parallels (CT 8) and transverse Mercator (CT 1), on an EPSG geographic CRS the
    /// library knows (4326, 4490) or on an ellipsoid given by code (7024 Krassowsky 1940, 7030 WGS 84, 7019 GRS 1980,
    /// 7022 International 1924) or by GeogSemiMajorAxis + GeogInvFlattening/GeogSemiMinorAxis. Chinese national data
    /// sets often come as "Krasovsky_1940_Albers" (standard parallels 25° and 47° N, central meridian 105° E).
    /// Returns null when no projection method is given; throws <see cref="FileFormatException"/> naming the file for a
    /// method or unit this library does not handle.
    /// </summary>
    public static SpatialReference? UserDefinedCrs(IReadOnlyDictionary<ushort, ushort> keys, IReadOnlyDictionary<ushort, double> doubles, string path)
    {
        if (!keys.TryGetValue(ProjCoordTrans, out ushort ct)) return null;
        if (keys.TryGetValue(ProjLinearUnits, out ushort lu) && lu != LinearMeter)
            throw new FileFormatException(path, $"user-defined projection with linear unit code {lu} (ProjLinearUnitsGeoKey); only metres (9001) are supported; reproject the file (gdalwarp -t_srs EPSG:...).");
        double D(ushort key, double fallback = 0) => doubles.TryGetValue(key, out double v) ? v : fallback;
        if (ct == CtSinusoidal)
        {
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
            double lon0 = doubles.TryGetValue(ProjCenterLong, out double c) ? c : D(ProjNatOriginLong);
            try { return new EcoNotebooks.Vector.SinusoidalProjection(a, lon0, D(ProjFalseEasting), D(ProjFalseNorthing)).ToSpatialReference(); }
            catch (ArgumentOutOfRangeException e) { throw new FileFormatException(path, $"sinusoidal projection parameters are invalid: {e.Message.Split('\n')[0]}"); }
        }
        if (ct is not (CtAlbersEqualArea or CtLambertConfConic2Sp or CtTransverseMercator))
            throw new FileFormatException(path, $"user-defined projection method {ct} (ProjCoordTransGeoKey) is not supported; supported are transverse Mercator (1), Lambert conformal conic 2SP (8), Albers equal-area (11) and sinusoidal (24); reproject the file (gdalwarp -t_srs EPSG:...).");
        string geog = GeographicWkt(keys, doubles, path);
        string I(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        // Origin keys: GDAL writes natural-origin keys for Albers/TM and false-origin keys for LCC 2SP; accept either.
        double lat0 = doubles.TryGetValue(ProjFalseOriginLat, out double fl) ? fl : D(ProjNatOriginLat);
        double lon0b = doubles.TryGetValue(ProjFalseOriginLong, out double fo) ? fo : doubles.TryGetValue(ProjCenterLong, out double cl) ? cl : D(ProjNatOriginLong);
        double fe = doubles.TryGetValue(ProjFalseOriginEasting, out double foe) ? foe : D(ProjFalseEasting);
        double fn = doubles.TryGetValue(ProjFalseOriginNorthing, out double fon) ? fon : D(ProjFalseNorthing);
        string proj = ct switch
        {
            CtAlbersEqualArea => $"PROJECTION[\"Albers_Conic_Equal_Area\"],PARAMETER[\"standard_parallel_1\",{I(D(ProjStdParallel1))}],PARAMETER[\"standard_parallel_2\",{I(D(ProjStdParallel2))}],PARAMETER[\"latitude_of_center\",{I(lat0)}],PARAMETER[\"longitude_of_center\",{I(lon0b)}],PARAMETER[\"false_easting\",{I(fe)}],PARAMETER[\"false_northing\",{I(fn)}]",
            CtLambertConfConic2Sp => $"PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",{I(D(ProjStdParallel1))}],PARAMETER[\"standard_parallel_2\",{I(D(ProjStdParallel2))}],PARAMETER[\"latitude_of_origin\",{I(lat0)}],PARAMETER[\"central_meridian\",{I(lon0b)}],PARAMETER[\"false_easting\",{I(fe)}],PARAMETER[\"false_northing\",{I(fn)}]",
            CtTransverseMercator => $"PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",{I(lat0)}],PARAMETER[\"central_meridian\",{I(lon0b)}],PARAMETER[\"scale_factor\",{I(D(ProjScaleAtNatOrigin, 1))}],PARAMETER[\"false_easting\",{I(fe)}],PARAMETER[\"false_northing\",{I(fn)}]",
            _ => throw new FileFormatException(path, $"user-defined projection method {ct} (ProjCoordTransGeoKey) is not supported; supported are transverse Mercator (1), Lambert conformal conic 2SP (8), Albers equal-area (11) and sinusoidal (24); reproject the file (gdalwarp -t_srs EPSG:...)."),
        };
        return new SpatialReference(null, $"PROJCS[\"{(ct == CtAlbersEqualArea ? "Albers" : ct == CtLambertConfConic2Sp ? "Lambert_Conformal_Conic" : "Transverse_Mercator")} (user-defined)\",{geog},{proj},UNIT[\"metre\",1]]");
    }

    private static string GeographicWkt(IReadOnlyDictionary<ushort, ushort> keys, IReadOnlyDictionary<ushort, double> doubles, string path)
    {
        if (keys.TryGetValue(GeographicType, out ushort g) && g is > 0 and < UserDefined)
        {
            if (EcoNotebooks.Vector.EpsgRegistry.IsSupported(g) && g is 4326 or 4490) return EcoNotebooks.Vector.EpsgRegistry.Wkt(g);
            throw new FileFormatException(path, $"user-defined projection on geographic CRS EPSG:{g}, which this library does not know; supported are 4326 and 4490, or an ellipsoid given by its parameters.");
        }
        double a, invf;
        string name;
        if (keys.TryGetValue(GeogEllipsoid, out ushort e) && e is > 0 and < UserDefined)
        {
            (name, a, invf) = e switch
            {
                7024 => ("Krassowsky 1940", 6_378_245.0, 298.3),
                7030 => ("WGS 84", 6_378_137.0, 298.257223563),
                7019 => ("GRS 1980", 6_378_137.0, 298.257222101),
                7022 => ("International 1924", 6_378_388.0, 297.0),
                _ => throw new FileFormatException(path, $"ellipsoid EPSG:{e} (GeogEllipsoidGeoKey) is not known here; supported are 7024, 7030, 7019 and 7022, or its axes as parameters."),
            };
        }
        else
        {
            if (!doubles.TryGetValue(GeogSemiMajorAxis, out a))
                throw new FileFormatException(path, "user-defined geographic CRS without an ellipsoid (GeogEllipsoidGeoKey or GeogSemiMajorAxisGeoKey); cannot tell the datum.");
            if (doubles.TryGetValue(GeogInvFlattening, out invf)) { }
            else if (doubles.TryGetValue(GeogSemiMinorAxis, out double b)) invf = Math.Abs(a - b) < 1e-9 ? 0 : a / (a - b);
            else invf = 0;
            name = Math.Abs(a - 6_378_245.0) < 1e-6 && Math.Abs(invf - 298.3) < 1e-9 ? "Krassowsky 1940" : "user-defined";
        }
        // No TOWGS84: like PROJ, the datum is unknown, so latitude/longitude are carried over unchanged ("ballpark").
        return string.Create(CultureInfo.InvariantCulture,
            $"GEOGCS[\"{name} (unknown datum)\",DATUM[\"unknown_based_on_{name.Replace(' ', '_')}\",SPHEROID[\"{name}\",{a:R},{invf:R}]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]");
    }

    /// <summary>
    /// GeoKeyDirectory and GeoDoubleParams for a CRS without EPSG code that <see cref="UserDefinedCrs"/> can read back
    /// (spherical sinusoidal; Albers equal-area, Lambert conformal conic 2SP or transverse Mercator given as WKT, e.g.
    /// read from another GeoTIFF or an ESRI .prj), written as GDAL writes them; null for no CRS. Throws
    /// <see cref="NotSupportedException"/> for any other WKT, so a CRS is never dropped silently.
    /// </summary>
    public static (ushort[] Keys, double[] Doubles)? UserDefinedDirectory(SpatialReference crs)
    {
        if (crs.Epsg is not null || string.IsNullOrWhiteSpace(crs.Wkt)) return null;
        var entries = new SortedDictionary<ushort, (ushort Location, ushort Value)>();
        var doubles = new List<double>();
        void Short(ushort key, ushort v) => entries[key] = (0, v);
        void Double(ushort key, double v) { entries[key] = (GeoDoubleParamsTag, (ushort)doubles.Count); doubles.Add(v); }
        Short(GTModelType, ModelTypeProjected);
        Short(GTRasterType, RasterPixelIsArea);
        Short(ProjectedCSType, UserDefined);
        Short(Projection, UserDefined);
        Short(ProjLinearUnits, LinearMeter);
        void Ellipsoid(double a, double invf)
        {
            Short(GeographicType, UserDefined); Short(GeogGeodeticDatum, UserDefined); Short(GeogEllipsoid, UserDefined);
            Short(GeogAngularUnits, AngularDegree);
            Double(GeogSemiMajorAxis, a); Double(GeogInvFlattening, invf);
        }
        var sinu = EcoNotebooks.Vector.SinusoidalProjection.TryParse(crs, "raster CRS");
        if (sinu is not null)
        {
            Short(ProjCoordTrans, CtSinusoidal);
            Ellipsoid(sinu.Radius, 0);
            Double(ProjCenterLong, sinu.CentralMeridian); Double(ProjFalseEasting, sinu.FalseEasting); Double(ProjFalseNorthing, sinu.FalseNorthing);
        }
        else
        {
            ProjNet.CoordinateSystems.CoordinateSystem cs;
            try { cs = new ProjNet.CoordinateSystems.CoordinateSystemFactory().CreateFromWkt(crs.Wkt); }
            catch (Exception e) { throw new NotSupportedException($"the CRS WKT cannot be interpreted ({e.Message}), so it cannot be stored in GeoTIFF keys; give the raster an EPSG code."); }
            if (cs is not ProjNet.CoordinateSystems.ProjectedCoordinateSystem pcs)
                throw new NotSupportedException("a geographic CRS without an EPSG code cannot be stored in GeoTIFF keys here; use EPSG:4326 or 4490.");
            if (Math.Abs(pcs.LinearUnit.MetersPerUnit - 1) > 1e-12)
                throw new NotSupportedException($"projected CRS in {pcs.LinearUnit.Name} cannot be stored; only metres.");
            string m = pcs.Projection.ClassName.ToLowerInvariant().Replace(' ', '_');
            double P(params string[] names)
            {
                foreach (var n in names)
                {
                    for (int i = 0; i < pcs.Projection.NumParameters; i++)
                    {
                        var q = pcs.Projection.GetParameter(i);
                        if (string.Equals(q.Name, n, StringComparison.OrdinalIgnoreCase)) return q.Value;
                    }
                }
                return 0;
            }
            ushort ct = m switch
            {
                "albers" or "albers_conic_equal_area" => CtAlbersEqualArea,
                "lambert_conformal_conic_2sp" or "lambert_conformal_conic" => CtLambertConfConic2Sp,
                "transverse_mercator" => CtTransverseMercator,
                _ => throw new NotSupportedException($"projection '{pcs.Projection.ClassName}' cannot be stored in GeoTIFF keys here; supported are Albers, Lambert conformal conic 2SP, transverse Mercator and sinusoidal, or an EPSG code."),
            };
            Short(ProjCoordTrans, ct);
            var g = pcs.GeographicCoordinateSystem;
            if (g.AuthorityCode == 4326 && string.Equals(g.Authority, "EPSG", StringComparison.OrdinalIgnoreCase)) Short(GeographicType, 4326);
            else Ellipsoid(g.HorizontalDatum.Ellipsoid.SemiMajorAxis, g.HorizontalDatum.Ellipsoid.InverseFlattening);
            double lat0 = P("latitude_of_center", "latitude_of_origin"), lon0 = P("longitude_of_center", "central_meridian");
            double fe = P("false_easting"), fn = P("false_northing");
            if (ct == CtLambertConfConic2Sp)
            {
                Double(ProjStdParallel1, P("standard_parallel_1")); Double(ProjStdParallel2, P("standard_parallel_2"));
                Double(ProjFalseOriginLong, lon0); Double(ProjFalseOriginLat, lat0); Double(ProjFalseOriginEasting, fe); Double(ProjFalseOriginNorthing, fn);
            }
            else
            {
                if (ct == CtAlbersEqualArea) { Double(ProjStdParallel1, P("standard_parallel_1")); Double(ProjStdParallel2, P("standard_parallel_2")); }
                else Double(ProjScaleAtNatOrigin, P("scale_factor"));
                Double(ProjNatOriginLong, lon0); Double(ProjNatOriginLat, lat0); Double(ProjFalseEasting, fe); Double(ProjFalseNorthing, fn);
            }
        }
        var keys = new List<ushort> { 1, 1, 0, (ushort)entries.Count };
        foreach (var (k, (loc, v)) in entries) keys.AddRange([k, loc, 1, v]);
        return (keys.ToArray(), doubles.ToArray());
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
