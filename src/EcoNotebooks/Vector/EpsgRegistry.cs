using System.Globalization;
using EcoNotebooks.Rasters;
using ProjNet.CoordinateSystems;

namespace EcoNotebooks.Vector;

/// <summary>
/// The EPSG codes this library can reproject without an EPSG database (ProjNET has none): definitions are built here
/// as OGC WKT 1 and parsed by ProjNET.
/// <list type="bullet">
/// <item>4326 WGS 84 and 4490 CGCS2000 geographic (longitude, latitude in degrees — GIS/GeoJSON axis order, as GDAL's
/// <c>OAMS_TRADITIONAL_GIS_ORDER</c>).</item>
/// <item>32601–32660 / 32701–32760 WGS 84 / UTM zones north / south (k0 = 0.9996, FE 500 000 m, FN 0 or 10 000 000 m).</item>
/// <item>4491–4501 CGCS2000 / Gauss–Kruger 6° zones 13–23 (zone number prefixed to the false easting) and 4502–4512 the
/// same zones without prefix (CM 75°E … 135°E); 4513–4533 CGCS2000 / 3° Gauss–Kruger zones 25–45 with prefix and
/// 4534–4554 the same without prefix (CM 75°E … 135°E in 3° steps). k0 = 1, easting before northing.</item>
/// <item>3857 WGS 84 / Pseudo-Mercator.</item>
/// <item>The older Chinese frames, same zone layouts: Xian 1980 (4610; IAG 1975 ellipsoid a = 6 378 140 m,
/// 1/f = 298.257) 6° Gauss–Kruger 2327–2337 (prefix) / 2338–2348, 3° 2349–2369 (prefix) / 2370–2390; Beijing 1954
/// (4214; Krassowsky 1940, a = 6 378 245 m, 1/f = 298.3) 3° 2401–2421 (prefix) / 2422–2442, 6° 21413–21423 (prefix) /
/// 21453–21463. They carry no shift to WGS 84, so — as PROJ does, which knows no transformation for them either —
/// latitude and longitude are carried over unchanged ("ballpark"; the frames differ from WGS 84 by tens of metres, so
/// results in these frames are good to that level only). Exception: for Beijing 1954 PROJ applies regional EPSG
/// Helmert shifts where their areas of use apply (Tarim basin, Yellow Sea and South China Sea offshore areas); we do
/// not, so there the two differ by up to about 100 m. The 3° and 6° Gauss–Kruger codes without zone prefix whose
/// central meridians coincide have identical definitions; <see cref="Identify"/> returns the first (the 6° code for
/// CGCS2000 and Xian 1980, the 3° code for Beijing 1954).</item>
/// </list>
/// CGCS2000 is treated as coincident with WGS 84 (no datum shift; the frames agree to a few centimetres), as PROJ does
/// with its null transformation between them, and its definitions use the WGS 84 ellipsoid: the CGCS2000 (GRS 80-like)
/// flattening differs by 1.6e-11, which moves projected coordinates by less than 0.1 mm, whereas letting ProjNET convert
/// between the two ellipsoids through geocentric coordinates costs ~4 mm. Any other code throws an <see cref="ArgumentException"/> naming it.
/// </summary>
public static class EpsgRegistry
{
    private const string Wgs84Geog = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]]";
    private const string Xian1980Geog = "GEOGCS[\"Xian 1980\",DATUM[\"Xian_1980\",SPHEROID[\"IAG 1975\",6378140,298.257]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4610\"]]";
    private const string Beijing1954Geog = "GEOGCS[\"Beijing 1954\",DATUM[\"Beijing_1954\",SPHEROID[\"Krassowsky 1940\",6378245,298.3]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4214\"]]";
    private const string Cgcs2000Geog = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";

    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly Dictionary<int, CoordinateSystem> Cache = new();

    /// <summary>True when <paramref name="epsg"/> is one of the supported codes.</summary>
    public static bool IsSupported(int epsg) => TryWkt(epsg) is not null;

    /// <summary>The OGC WKT 1 definition of a supported code; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string Wkt(int epsg) => TryWkt(epsg) ?? throw new ArgumentException(
        UnsupportedMessage(epsg) + " Reproject the file to one of these (e.g. gdalwarp -t_srs EPSG:32649 / ogr2ogr -t_srs EPSG:4326).", nameof(epsg));

    /// <summary>The supported codes, for messages.</summary>
    public const string SupportedList = "4326, 4490, 3857, 32601–32660, 32701–32760 (WGS 84 / UTM), 4491–4554 (CGCS2000 Gauss–Kruger), 4610 and 2327–2390 (Xian 1980), 4214, 2401–2442 and 21413–21463 (Beijing 1954)";

    /// <summary>The ProjNET coordinate system of a supported code.</summary>
    public static CoordinateSystem Get(int epsg)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(epsg, out var cs)) Cache[epsg] = cs = Factory.CreateFromWkt(Wkt(epsg));
            return cs;
        }
    }

    /// <summary>
    /// The ProjNET coordinate system of a <see cref="SpatialReference"/>: its EPSG code when supported, else its WKT
    /// parsed by ProjNET (ESRI .prj and OGC WKT 1). Throws <see cref="ArgumentException"/> naming <paramref name="source"/> for an unknown CRS.
    /// </summary>
    public static CoordinateSystem Get(SpatialReference crs, string source = "input")
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (crs.Epsg is int e && IsSupported(e)) return Get(e);
        if (!string.IsNullOrWhiteSpace(crs.Wkt))
        {
            try { return Factory.CreateFromWkt(crs.Wkt); }
            catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
            {
                throw new ArgumentException($"{source}: CRS WKT cannot be interpreted ({ex.Message}).", nameof(crs), ex);
            }
        }
        if (crs.Epsg is int e2) throw new ArgumentException($"{source}: " + UnsupportedMessage(e2), nameof(crs));
        throw new ArgumentException($"{source}: unknown CRS (no EPSG code and no WKT); assign one (e.g. gdal_edit.py -a_srs EPSG:32649).", nameof(crs));
    }

    /// <summary>
    /// Identifies the EPSG code of a WKT (an AUTHORITY["EPSG", n] at the end of the outermost node, or a projection
    /// whose parameters match a supported code, as ESRI .prj files carry no authority). Null when not recognised.
    /// </summary>
    public static int? Identify(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        CoordinateSystem cs;
        try { cs = Factory.CreateFromWkt(wkt); } catch (Exception) { return null; }
        if (string.Equals(cs.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) && cs.AuthorityCode > 0) return (int)cs.AuthorityCode;
        if (cs is GeographicCoordinateSystem g)
            return GeographicCode(g.HorizontalDatum.Ellipsoid.SemiMajorAxis, g.HorizontalDatum.Ellipsoid.InverseFlattening);
        if (cs is ProjectedCoordinateSystem p && p.Projection.ClassName.Contains("Transverse", StringComparison.OrdinalIgnoreCase))
        {
            double P(string n) { var q = p.Projection.GetParameter(n); return q?.Value ?? double.NaN; }
            double cm = P("central_meridian"), k = P("scale_factor"), fe = P("false_easting"), fn = P("false_northing"), lat0 = P("latitude_of_origin");
            if (lat0 != 0 && !double.IsNaN(lat0)) return null;
            var ell = p.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid;
            int? geog = GeographicCode(ell.SemiMajorAxis, ell.InverseFlattening);
            var candidates = Enumerable.Range(4491, 4554 - 4491 + 1).Concat(Enumerable.Range(32601, 60)).Concat(Enumerable.Range(32701, 60))
                .Concat(Enumerable.Range(2327, 2390 - 2327 + 1)).Concat(Enumerable.Range(2401, 2442 - 2401 + 1))
                .Concat(Enumerable.Range(21413, 11)).Concat(Enumerable.Range(21453, 11));
            foreach (int code in candidates)
            {
                var (cm2, k2, fe2, fn2) = TmParameters(code);
                if (Math.Abs(cm - cm2) < 1e-9 && Math.Abs(k - k2) < 1e-12 && Math.Abs(fe - fe2) < 1e-3 && Math.Abs(fn - fn2) < 1e-3 && Compatible(BaseGeographic(code), geog)) return code;
            }
        }
        return null;
    }

    private static string UnsupportedMessage(int epsg) => $"EPSG:{epsg} is not supported; supported are {SupportedList}.";

    /// <summary>Geographic code of an ellipsoid: WGS 84 → 4326, GRS 1980 / CGCS2000 → 4490, IAG 1975 → 4610, Krassowsky → 4214.</summary>
    private static int? GeographicCode(double a, double invf) =>
        Math.Abs(a - 6378137) < 1e-3 && Math.Abs(invf - 298.257222101) < 1e-6 ? 4490
        : Math.Abs(a - 6378137) < 1e-3 && Math.Abs(invf - 298.257223563) < 1e-6 ? 4326
        : Math.Abs(a - 6378140) < 1e-3 && Math.Abs(invf - 298.257) < 1e-6 ? 4610
        : Math.Abs(a - 6378245) < 1e-3 && Math.Abs(invf - 298.3) < 1e-6 ? 4214
        : null;

    // WGS 84 and CGCS2000 ellipsoids differ by 1.6e-11 in flattening (see above): either may stand for the other.
    private static bool Compatible(int baseGeographic, int? geographic) =>
        baseGeographic == geographic || (baseGeographic is 4326 or 4490 && geographic is 4326 or 4490);

    /// <summary>The geographic CRS a supported projected code is based on (CGCS2000 definitions use the WGS 84 ellipsoid, see above, but a .prj names GRS 1980).</summary>
    private static int BaseGeographic(int epsg) => epsg switch
    {
        >= 32601 and <= 32760 => 4326,
        >= 4491 and <= 4554 => 4490,
        >= 2327 and <= 2390 => 4610,
        _ => 4214,
    };

    private static (double Cm, double K, double Fe, double Fn) TmParameters(int epsg)
    {
        // Xian 1980 and Beijing 1954 repeat the CGCS2000 zone layouts.
        if (epsg is >= 2327 and <= 2337) return TmParameters(4491 + (epsg - 2327));
        if (epsg is >= 2338 and <= 2348) return TmParameters(4502 + (epsg - 2338));
        if (epsg is >= 2349 and <= 2369) return TmParameters(4513 + (epsg - 2349));
        if (epsg is >= 2370 and <= 2390) return TmParameters(4534 + (epsg - 2370));
        if (epsg is >= 2401 and <= 2421) return TmParameters(4513 + (epsg - 2401));
        if (epsg is >= 2422 and <= 2442) return TmParameters(4534 + (epsg - 2422));
        if (epsg is >= 21413 and <= 21423) return TmParameters(4491 + (epsg - 21413));
        if (epsg is >= 21453 and <= 21463) return TmParameters(4502 + (epsg - 21453));
        if (epsg is >= 32601 and <= 32660) return (-183 + 6 * (epsg - 32600), 0.9996, 500000, 0);
        if (epsg is >= 32701 and <= 32760) return (-183 + 6 * (epsg - 32700), 0.9996, 500000, 10000000);
        if (epsg is >= 4491 and <= 4501) { int zone = 13 + (epsg - 4491); return (6 * zone - 3, 1, zone * 1e6 + 500000, 0); }
        if (epsg is >= 4502 and <= 4512) { int zone = 13 + (epsg - 4502); return (6 * zone - 3, 1, 500000, 0); }
        if (epsg is >= 4513 and <= 4533) { int zone = 25 + (epsg - 4513); return (3 * zone, 1, zone * 1e6 + 500000, 0); }
        if (epsg is >= 4534 and <= 4554) return (75 + 3 * (epsg - 4534), 1, 500000, 0);
        return (double.NaN, double.NaN, double.NaN, double.NaN);
    }

    private static string? TryWkt(int epsg)
    {
        if (epsg == 4326) return Wgs84Geog;
        if (epsg == 4490) return Cgcs2000Geog;
        if (epsg == 4610) return Xian1980Geog;
        if (epsg == 4214) return Beijing1954Geog;
        if (epsg == 3857)
            return "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84Geog.Replace("SPHEROID[\"WGS 84\",6378137,298.257223563]", "SPHEROID[\"WGS 84\",6378137,298.257223563]") +
                   ",PROJECTION[\"Popular_Visualisation_Pseudo_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"3857\"]]";
        var (cm, k, fe, fn) = TmParameters(epsg);
        if (double.IsNaN(cm)) return null;
        int geog = BaseGeographic(epsg);
        string name = geog switch
        {
            4326 => $"WGS 84 / UTM zone {(epsg % 100)}{(epsg < 32700 ? "N" : "S")}",
            4490 => $"CGCS2000 / Gauss-Kruger EPSG {epsg}",
            4610 => $"Xian 1980 / Gauss-Kruger EPSG {epsg}",
            _ => $"Beijing 1954 / Gauss-Kruger EPSG {epsg}",
        };
        string geogWkt = geog switch { 4326 => Wgs84Geog, 4490 => Cgcs2000Geog, 4610 => Xian1980Geog, _ => Beijing1954Geog };
        return string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{geogWkt},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{cm}],PARAMETER[\"scale_factor\",{k}],PARAMETER[\"false_easting\",{fe}],PARAMETER[\"false_northing\",{fn}],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"{epsg}\"]]");
    }
}
