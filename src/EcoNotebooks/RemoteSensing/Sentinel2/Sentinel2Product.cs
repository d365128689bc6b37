using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcoNotebooks.IO;

namespace EcoNotebooks.RemoteSensing.Sentinel2;

/// <summary>One band file of a Sentinel-2 L2A product, recognised from its name.</summary>
/// <param name="Path">The file.</param>
/// <param name="Band">Band name: B01…B12, B8A, SCL, AOT, WVP, TCI.</param>
/// <param name="Resolution">Pixel size in metres from the name (10, 20, 60), or null when the name has none (COG layouts).</param>
/// <param name="Tile">MGRS tile, e.g. T47SMB (null if absent).</param>
/// <param name="SensingTime">Sensing start from the name, e.g. 2021-08-15T04:37:09 (null if absent).</param>
public sealed record Sentinel2BandFile(string Path, string Band, int? Resolution, string? Tile, DateTime? SensingTime)
{
    private static readonly Regex Pattern = new(@"^(?:(?<tile>T\d{2}[A-Z]{3})_(?<time>\d{8}T\d{6})_)?(?<band>B\d{2}|B8A|SCL|AOT|WVP|TCI)(?:_(?<res>\d{2})m)?\.(?:tif|tiff)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Parses a file name like <c>T47SMB_20210815T043709_B04_10m.tif</c> (SAFE naming converted to GeoTIFF) or <c>B04.tif</c> / <c>SCL.tif</c> (COG naming); null when it is not a band file.</summary>
    public static Sentinel2BandFile? TryParse(string path)
    {
        var m = Pattern.Match(System.IO.Path.GetFileName(path));
        if (!m.Success) return null;
        DateTime? t = m.Groups["time"].Success ? DateTime.ParseExact(m.Groups["time"].Value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) : null;
        return new Sentinel2BandFile(path, m.Groups["band"].Value.ToUpperInvariant(), m.Groups["res"].Success ? int.Parse(m.Groups["res"].Value, CultureInfo.InvariantCulture) : null,
            m.Groups["tile"].Success ? m.Groups["tile"].Value.ToUpperInvariant() : null, t);
    }
}

/// <summary>Radiometric parameters of a Sentinel-2 L2A product.</summary>
/// <param name="ProcessingBaseline">Processing baseline, e.g. 4.00 (from PROCESSING_BASELINE "04.00" or N0400 in the product name).</param>
/// <param name="QuantificationValue">BOA_QUANTIFICATION_VALUE, 10000.</param>
/// <param name="AddOffset">BOA_ADD_OFFSET, −1000 from baseline 04.00 (25 January 2022) on, 0 before.</param>
public sealed record Sentinel2Radiometry(double ProcessingBaseline, double QuantificationValue, double AddOffset)
{
    /// <summary>Reflectance of a digital number: (DN + BOA_ADD_OFFSET) / BOA_QUANTIFICATION_VALUE; DN 0 is no data (NaN).</summary>
    public double Reflectance(double dn) => dn == 0 || double.IsNaN(dn) ? double.NaN : (dn + AddOffset) / QuantificationValue;

    /// <summary>The ESA convention for a baseline: offset −1000 when baseline ≥ 4.00, else 0; quantification 10000.</summary>
    public static Sentinel2Radiometry ForBaseline(double baseline)
    {
        if (!(baseline > 0 && baseline < 100)) throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "A processing baseline looks like 2.08, 3.01, 4.00, 5.09.");
        return new Sentinel2Radiometry(baseline, 10000, baseline >= 4.0 ? -1000 : 0);
    }

    /// <summary>
    /// Reads MTD_MSIL2A.xml: PROCESSING_BASELINE, BOA_QUANTIFICATION_VALUE and BOA_ADD_OFFSET (the first band's; ESA
    /// uses one offset for all bands). Missing offset → the baseline convention.
    /// </summary>
    public static Sentinel2Radiometry FromMetadata(string mtdPath)
    {
        XDocument doc;
        try { doc = XDocument.Load(mtdPath, LoadOptions.SetLineInfo); }
        catch (System.Xml.XmlException e) { throw new FileFormatException(mtdPath, $"invalid XML: {e.Message}", e.LineNumber, e.LinePosition); }
        string? Value(string name) => doc.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        var b = Value("PROCESSING_BASELINE") ?? throw new FileFormatException(mtdPath, "no PROCESSING_BASELINE element; is this an MTD_MSIL2A.xml?");
        if (!double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out double baseline)) throw new FileFormatException(mtdPath, $"PROCESSING_BASELINE '{b}' is not a number.");
        var def = ForBaseline(baseline);
        double q = double.TryParse(Value("BOA_QUANTIFICATION_VALUE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var qq) ? qq : def.QuantificationValue;
        double off = double.TryParse(Value("BOA_ADD_OFFSET"), NumberStyles.Float, CultureInfo.InvariantCulture, out var oo) ? oo : def.AddOffset;
        return new Sentinel2Radiometry(baseline, q, off);
    }

    /// <summary>The baseline from a product name such as S2A_MSIL2A_20210815T043709_N0301_R033_T47SMB_20210815T071234 (N0301 → 3.01), or null.</summary>
    public static double? BaselineFromProductName(string name)
    {
        var m = Regex.Match(name, @"_N(\d{2})(\d{2})_", RegexOptions.CultureInvariant);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 100.0 : null;
    }
}
