using System.Globalization;
using System.Text.RegularExpressions;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.RemoteSensing.Modis;

/// <summary>Which quality layer accompanies a MODIS VI layer.</summary>
public enum ModisQualityLayer
{
    /// <summary>No quality screening.</summary>
    None,
    /// <summary>"pixel_reliability" (int8/int16): −1 fill, 0 good, 1 marginal, 2 snow/ice, 3 cloudy. Accepted: 0 and 1 by default.</summary>
    PixelReliability,
    /// <summary>"VI_Quality" (uint16): bits 0–1 MODLAND QA (0 good, 1 check other QA, 2 probably cloudy, 3 not produced). Accepted: 0 and 1.</summary>
    ViQuality,
}

/// <summary>A MODIS layer file name as AppEEARS delivers it, e.g. <c>MOD13Q1.061__250m_16_days_NDVI_doy2020225_aid0001.tif</c>.</summary>
/// <param name="Product">Product and version, e.g. MOD13Q1.061.</param>
/// <param name="Layer">Layer, e.g. 250m_16_days_NDVI, 250m_16_days_pixel_reliability.</param>
/// <param name="Date">Composite start date from doyYYYYDDD.</param>
public sealed record ModisLayerName(string Product, string Layer, DateOnly Date)
{
    private static readonly Regex Pattern = new(@"^(?<p>M[OY]D\d{2}[A-Z0-9]*\.\d{3})__(?<l>.+)_doy(?<y>\d{4})(?<d>\d{3})\d*(?:_aid\d+)?\.tif$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Parses an AppEEARS file name; null when it does not match.</summary>
    public static ModisLayerName? TryParse(string path)
    {
        var m = Pattern.Match(Path.GetFileName(path));
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), doy = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (doy < 1 || doy > (DateTime.IsLeapYear(year) ? 366 : 365)) return null;
        return new ModisLayerName(m.Groups["p"].Value, m.Groups["l"].Value, new DateOnly(year, 1, 1).AddDays(doy - 1));
    }
}

/// <summary>
/// MODIS NDVI/EVI composites (MOD13Q1/MYD13Q1/MOD13A1/…) exported as GeoTIFF: int16 with scale 0.0001, fill −3000 and
/// valid range −2000…10000 (MOD13 User's Guide, collection 6.1). Values outside the valid range and fill become NaN;
/// with a quality layer, pixels that are not accepted become NaN too. R: <c>terra::rast(f) * 1e-4</c> with
/// <c>NAflag = -3000</c>.
/// </summary>
public static class ModisVegetationIndex
{
    /// <summary>Scale factor of the VI layers.</summary>
    public const double Scale = 0.0001;
    /// <summary>Fill value of the VI layers.</summary>
    public const double Fill = -3000;
    /// <summary>Minimum valid DN.</summary>
    public const double ValidMin = -2000;
    /// <summary>Maximum valid DN.</summary>
    public const double ValidMax = 10000;

    /// <summary>Reads a VI layer (and optionally its quality layer on the same grid) as float32 NDVI/EVI, NaN = missing.</summary>
    /// <param name="path">The NDVI or EVI GeoTIFF.</param>
    /// <param name="qualityPath">The pixel_reliability or VI_Quality GeoTIFF, or null.</param>
    /// <param name="quality">Which kind <paramref name="qualityPath"/> is (guessed from the name when <see cref="ModisQualityLayer.None"/> and a path is given).</param>
    /// <param name="acceptMarginal">Accept reliability 1 (marginal) / MODLAND QA 1 (default true).</param>
    public static Raster Read(string path, string? qualityPath = null, ModisQualityLayer quality = ModisQualityLayer.None, bool acceptMarginal = true)
    {
        using var vi = GeoTiff.Open(path);
        var v = new double[vi.Grid.PixelCount];
        vi.ReadWindow(0, new RasterWindow(0, 0, vi.Grid.Width, vi.Grid.Height), v);
        double[]? q = null;
        if (qualityPath is not null)
        {
            if (quality == ModisQualityLayer.None)
                quality = qualityPath.Contains("reliability", StringComparison.OrdinalIgnoreCase) ? ModisQualityLayer.PixelReliability
                    : qualityPath.Contains("VI_Quality", StringComparison.OrdinalIgnoreCase) ? ModisQualityLayer.ViQuality
                    : throw new ArgumentException($"{qualityPath}: cannot tell whether this is a pixel_reliability or VI_Quality layer; pass the quality kind.", nameof(quality));
            using var qr = GeoTiff.Open(qualityPath);
            qr.Grid.EnsureSameGrid(vi.Grid, qualityPath, path);
            q = new double[qr.Grid.PixelCount];
            qr.ReadWindow(0, new RasterWindow(0, 0, qr.Grid.Width, qr.Grid.Height), q);
        }
        var f = new float[v.Length];
        for (int i = 0; i < f.Length; i++)
        {
            double dn = v[i];
            bool ok = !double.IsNaN(dn) && dn != Fill && dn >= ValidMin && dn <= ValidMax && !(vi.NoData is double nd && dn == nd);
            if (ok && q is not null) ok = Accepted(q[i], quality, acceptMarginal);
            f[i] = ok ? (float)(dn * Scale) : float.NaN;
        }
        return Raster.FromArray(vi.Grid, f);
    }

    /// <summary>True when the quality value passes: reliability 0 (or 1 when marginal accepted); VI_Quality bits 0–1 equal 0 (or 1).</summary>
    public static bool Accepted(double q, ModisQualityLayer kind, bool acceptMarginal = true) => kind switch
    {
        ModisQualityLayer.None => true,
        ModisQualityLayer.PixelReliability => q == 0 || (acceptMarginal && q == 1),
        ModisQualityLayer.ViQuality => !double.IsNaN(q) && (((int)q & 3) == 0 || (acceptMarginal && ((int)q & 3) == 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown quality layer."),
    };
}
