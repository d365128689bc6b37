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
/// </list>
/// CGCS2000 is treated as coincident with WGS 84 (no datum shift; the frames agree to a few centimetres), as PROJ does
/// with its null transformation between them, and its definitions use the WGS 84 ellipsoid: the CGCS2000 (GRS 80-like)
/// flattening differs by 1.6e-11, which moves projected coordinates by less than 0.1 mm, whereas letting ProjNET convert
/// between the two ellipsoids through geocentric coordinates costs ~4 mm. Any other code throws an <see cref="ArgumentException"/> naming it.
/// </summary>
public static class EpsgRegistry
{
    private const string Wgs84Geog = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]]";
    private const string Cgcs2000Geog = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";

    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly Dictionary<int, CoordinateSystem> Cache = new();

    /// <summary>True when <paramref name="epsg"/> is one of the supported codes.</summary>
    public static bool IsSupported(int epsg) => TryWkt(epsg) is not null;

    /// <summary>The OGC WKT 1 definition of a supported code; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string Wkt(int epsg) => TryWkt(epsg) ?? throw new ArgumentException(
        $"EPSG:{epsg} is not supported; supported are 4326, 4490, 3857, 32601–32660, 32701–32760 (WGS 84 / UTM) and 4491–4554 (CGCS2000 Gauss–Kruger). Reproject the file to one of these (e.g. gdalwarp -t_srs EPSG:32649 / ogr2ogr -t_srs EPSG:4326).", nameof(epsg));

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
            return Math.Abs(g.HorizontalDatum.Ellipsoid.InverseFlattening - 298.257222101) < 1e-6 ? 4490 : Math.Abs(g.HorizontalDatum.Ellipsoid.InverseFlattening - 298.257223563) < 1e-6 ? 4326 : null;
        if (cs is ProjectedCoordinateSystem p && p.Projection.ClassName.Contains("Transverse", StringComparison.OrdinalIgnoreCase))
        {
            double P(string n) { var q = p.Projection.GetParameter(n); return q?.Value ?? double.NaN; }
            double cm = P("central_meridian"), k = P("scale_factor"), fe = P("false_easting"), fn = P("false_northing"), lat0 = P("latitude_of_origin");
            if (lat0 != 0 && !double.IsNaN(lat0)) return null;
            var candidates = Enumerable.Range(4491, 4554 - 4491 + 1).Concat(Enumerable.Range(32601, 60)).Concat(Enumerable.Range(32701, 60));
            foreach (int code in candidates)
            {
                var (cm2, k2, fe2, fn2) = TmParameters(code);
                if (Math.Abs(cm - cm2) < 1e-9 && Math.Abs(k - k2) < 1e-12 && Math.Abs(fe - fe2) < 1e-3 && Math.Abs(fn - fn2) < 1e-3) return code;
            }
        }
        return null;
    }

    private static string UnsupportedMessage(int epsg) =>
        $"EPSG:{epsg} is not supported; supported are 4326, 4490, 3857, 32601–32660, 32701–32760 (WGS 84 / UTM) and 4491–4554 (CGCS2000 Gauss–Kruger).";

    private static (double Cm, double K, double Fe, double Fn) TmParameters(int epsg)
    {
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
        if (epsg == 3857)
            return "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84Geog.Replace("SPHEROID[\"WGS 84\",6378137,298.257223563]", "SPHEROID[\"WGS 84\",6378137,298.257223563]") +
                   ",PROJECTION[\"Popular_Visualisation_Pseudo_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"3857\"]]";
        var (cm, k, fe, fn) = TmParameters(epsg);
        if (double.IsNaN(cm)) return null;
        bool wgs = epsg >= 32601;
        string name = wgs ? $"WGS 84 / UTM zone {(epsg % 100)}{(epsg < 32700 ? "N" : "S")}" : $"CGCS2000 / Gauss-Kruger EPSG {epsg}";
        return string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{(wgs ? Wgs84Geog : Cgcs2000Geog)},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{cm}],PARAMETER[\"scale_factor\",{k}],PARAMETER[\"false_easting\",{fe}],PARAMETER[\"false_northing\",{fn}],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"{epsg}\"]]");
    }
}
