using System.Globalization;
using System.Text.RegularExpressions;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Vector;

/// <summary>
/// The spherical sinusoidal (Sanson–Flamsteed) projection of the MODIS land grid (Snyder 1987, Eqs. 30-1, 30-2):
/// <c>x = x₀ + R·(λ − λ₀)·cos φ</c>, <c>y = y₀ + R·φ</c>, inverse <c>φ = (y − y₀)/R</c>,
/// <c>λ = λ₀ + (x − x₀)/(R·cos φ)</c>, with R = 6 371 007.181 m for MODIS (the "MODIS Sinusoidal" CRS,
/// PROJ <c>+proj=sinu +R=6371007.181</c>). ProjNET has no sinusoidal projection, so <see cref="CrsTransform"/> chains
/// this class with ProjNET through WGS 84 longitude/latitude. Like PROJ/GDAL (a "ballpark" transformation: the
/// sphere's datum is unknown), the sphere's latitude and longitude are taken as WGS 84 latitude and longitude without
/// any datum shift, which is how MODIS products are georeferenced.
/// Only the spherical form is supported: a sinusoidal CRS on an ellipsoid (e.g. ESRI:54008) is refused by
/// <see cref="TryParse"/> with a one-line message.
/// Python equivalent: <c>pyproj.Transformer.from_crs("+proj=sinu +R=6371007.181", "EPSG:4326", always_xy=True)</c>.
/// </summary>
public sealed class SinusoidalProjection
{
    /// <summary>Sphere radius of the MODIS grid, m.</summary>
    public const double ModisRadius = 6_371_007.181;

    /// <summary>Creates the projection.</summary>
    /// <param name="radius">Sphere radius R, m (> 0).</param>
    /// <param name="centralMeridian">λ₀, degrees east (−180…180).</param>
    /// <param name="falseEasting">x₀, m.</param>
    /// <param name="falseNorthing">y₀, m.</param>
    public SinusoidalProjection(double radius = ModisRadius, double centralMeridian = 0, double falseEasting = 0, double falseNorthing = 0)
    {
        if (!(radius > 0) || double.IsInfinity(radius)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The sphere radius must be a positive number of metres.");
        if (!(Math.Abs(centralMeridian) <= 180)) throw new ArgumentOutOfRangeException(nameof(centralMeridian), centralMeridian, "The central meridian must be within −180…180°.");
        if (!double.IsFinite(falseEasting)) throw new ArgumentOutOfRangeException(nameof(falseEasting), falseEasting, "The false easting must be finite.");
        if (!double.IsFinite(falseNorthing)) throw new ArgumentOutOfRangeException(nameof(falseNorthing), falseNorthing, "The false northing must be finite.");
        Radius = radius; CentralMeridian = centralMeridian; FalseEasting = falseEasting; FalseNorthing = falseNorthing;
    }

    /// <summary>Sphere radius R, m.</summary>
    public double Radius { get; }
    /// <summary>Central meridian λ₀, degrees.</summary>
    public double CentralMeridian { get; }
    /// <summary>False easting x₀, m.</summary>
    public double FalseEasting { get; }
    /// <summary>False northing y₀, m.</summary>
    public double FalseNorthing { get; }

    /// <summary>Projects longitude/latitude (degrees) to (x, y) in metres. Longitudes are wrapped to λ₀ ± 180°.</summary>
    public (double X, double Y) Forward(double longitude, double latitude)
    {
        double phi = latitude * Math.PI / 180;
        double dl = longitude - CentralMeridian;
        dl -= 360 * Math.Round(dl / 360);
        return (FalseEasting + Radius * dl * Math.PI / 180 * Math.Cos(phi), FalseNorthing + Radius * phi);
    }

    /// <summary>
    /// Unprojects (x, y) in metres to longitude/latitude in degrees. Points outside the projection's domain (|φ| > 90°
    /// or |λ − λ₀| > 180°, i.e. beyond the sinusoidal outline) give NaN, as PROJ reports them as errors.
    /// </summary>
    public (double Longitude, double Latitude) Inverse(double x, double y)
    {
        double phi = (y - FalseNorthing) / Radius;
        if (Math.Abs(phi) > Math.PI / 2 + 1e-12) return (double.NaN, double.NaN);
        double c = Math.Cos(phi);
        double dx = x - FalseEasting;
        double lam = c > 1e-15 ? dx / (Radius * c) : 0;
        if (Math.Abs(lam) > Math.PI + 1e-12) return (double.NaN, double.NaN);
        return (CentralMeridian + lam * 180 / Math.PI, phi * 180 / Math.PI);
    }

    /// <summary>The OGC WKT 1 of this CRS (GDAL's form for MODIS: a custom sphere, PROJECTION["Sinusoidal"], metres).</summary>
    public string ToWkt() => string.Create(CultureInfo.InvariantCulture,
        $"PROJCS[\"{(Radius == ModisRadius && CentralMeridian == 0 && FalseEasting == 0 && FalseNorthing == 0 ? "MODIS Sinusoidal" : "Sinusoidal")}\",GEOGCS[\"Unknown datum based upon the custom spheroid\",DATUM[\"Not specified (based on custom spheroid)\",SPHEROID[\"Custom spheroid\",{Radius:R},0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Sinusoidal\"],PARAMETER[\"longitude_of_center\",{CentralMeridian:R}],PARAMETER[\"false_easting\",{FalseEasting:R}],PARAMETER[\"false_northing\",{FalseNorthing:R}],UNIT[\"metre\",1]]");

    /// <summary>This projection as a <see cref="SpatialReference"/> (no EPSG code; the WKT of <see cref="ToWkt"/>).</summary>
    public SpatialReference ToSpatialReference() => new(null, ToWkt());

    /// <summary>The MODIS land grid's sinusoidal CRS (R = 6 371 007.181 m, λ₀ = 0).</summary>
    public static SinusoidalProjection Modis { get; } = new();

    private static readonly Regex ProjectionRx = new(@"PROJECTION\s*\[\s*""(?:Sinusoidal|Sanson[_ ]Flamsteed)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex SpheroidRx = new(@"(?:SPHEROID|ELLIPSOID)\s*\[\s*""[^""]*""\s*,\s*([-+0-9.eE]+)\s*,\s*([-+0-9.eE]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ParameterRx = new(@"PARAMETER\s*\[\s*""([^""]+)""\s*,\s*([-+0-9.eE]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex UnitRx = new(@"UNIT\s*\[\s*""([^""]*)""\s*,\s*([-+0-9.eE]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Recognises a sinusoidal CRS from its WKT (OGC WKT 1 or ESRI: <c>PROJECTION["Sinusoidal"]</c>, a spheroid with
    /// inverse flattening 0, central meridian from <c>longitude_of_center</c>/<c>central_meridian</c>, false easting
    /// and northing, metre units). Returns null when the CRS is not sinusoidal; throws <see cref="ArgumentException"/>
    /// naming <paramref name="source"/> for a sinusoidal CRS on an ellipsoid or in units other than metres.
    /// </summary>
    public static SinusoidalProjection? TryParse(SpatialReference crs, string source = "input")
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (crs.Wkt is not { } wkt || !ProjectionRx.IsMatch(wkt)) return null;
        var sph = SpheroidRx.Match(wkt);
        if (!sph.Success) throw new ArgumentException($"{source}: sinusoidal CRS without a SPHEROID; cannot interpret it.", nameof(crs));
        double a = Parse(sph.Groups[1].Value), invf = Parse(sph.Groups[2].Value);
        if (invf != 0 && !double.IsInfinity(invf))
            throw new ArgumentException($"{source}: sinusoidal CRS on an ellipsoid (inverse flattening {invf.ToString("R", CultureInfo.InvariantCulture)}) is not supported, only the spherical MODIS form; reproject the file first (gdalwarp -t_srs EPSG:4326).", nameof(crs));
        double lon0 = 0, fe = 0, fn = 0;
        foreach (Match m in ParameterRx.Matches(wkt))
        {
            string name = m.Groups[1].Value.ToLowerInvariant();
            double v = Parse(m.Groups[2].Value);
            if (name is "longitude_of_center" or "central_meridian" or "longitude_of_natural_origin" or "longitude_of_origin") lon0 = v;
            else if (name == "false_easting") fe = v;
            else if (name == "false_northing") fn = v;
        }
        var units = UnitRx.Matches(wkt);
        if (units.Count > 0)
        {
            var last = units[^1];
            double f = Parse(last.Groups[2].Value);
            if (Math.Abs(f - 1) > 1e-12)
                throw new ArgumentException($"{source}: sinusoidal CRS in unit '{last.Groups[1].Value}' ({f} m) is not supported; only metres.", nameof(crs));
        }
        return new SinusoidalProjection(a, lon0, fe, fn);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
