using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using EcoNotebooks.IO;

namespace EcoNotebooks.RemoteSensing.Landsat;

/// <summary>
/// The metadata of a Landsat Collection 2 scene as USGS delivers it, from any of its three encodings: the ODL text file
/// (<c>…_MTL.txt</c>: <c>GROUP = NAME</c> … <c>KEY = value</c> … <c>END_GROUP = NAME</c> … <c>END</c>), the JSON file
/// (<c>…_MTL.json</c>: <c>{"LANDSAT_METADATA_FILE": {"PRODUCT_CONTENTS": {"KEY": "value", …}, …}}</c>) and the XML file
/// (<c>…_MTL.xml</c>: <c>&lt;LANDSAT_METADATA_FILE&gt;&lt;PRODUCT_CONTENTS&gt;&lt;KEY&gt;value&lt;/KEY&gt;</c>). All three
/// give the same groups and keys, stored here as group → key → value text (quotes removed).
/// Python equivalent: <c>landsatxplore</c>/<c>rio-toa</c> MTL parsers.
/// </summary>
public sealed class LandsatMetadata
{
    /// <summary>Default surface-reflectance scale of Collection 2 Level-2 (USGS Landsat C2 L2 Science Product Guide): ρ = DN·2.75e-5 − 0.2.</summary>
    public const double DefaultReflectanceMult = 2.75e-5;
    /// <summary>Default surface-reflectance offset of Collection 2 Level-2: −0.2.</summary>
    public const double DefaultReflectanceAdd = -0.2;
    /// <summary>Default surface-temperature scale of Collection 2 Level-2: T(K) = DN·0.00341802 + 149.0.</summary>
    public const double DefaultTemperatureMult = 0.00341802;
    /// <summary>Default surface-temperature offset of Collection 2 Level-2, K.</summary>
    public const double DefaultTemperatureAdd = 149.0;

    private readonly Dictionary<string, Dictionary<string, string>> _groups;

    private LandsatMetadata(string path, Dictionary<string, Dictionary<string, string>> groups)
    {
        Path = path; _groups = groups;
        Sensor = RecogniseSensor(path, Get("SPACECRAFT_ID"), Get("SENSOR_ID"));
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The instrument, from SPACECRAFT_ID (LANDSAT_4 … LANDSAT_9) and SENSOR_ID (TM, ETM, OLI_TIRS).</summary>
    public LandsatSensor Sensor { get; }

    /// <summary>Group names in file order is not kept; the set of groups read.</summary>
    public IReadOnlyCollection<string> Groups => _groups.Keys;

    /// <summary>LANDSAT_PRODUCT_ID, e.g. LC08_L2SP_125034_20200815_20200919_02_T1 (null if absent).</summary>
    public string? ProductId => Get("LANDSAT_PRODUCT_ID");

    /// <summary>SPACECRAFT_ID, e.g. LANDSAT_8.</summary>
    public string? SpacecraftId => Get("SPACECRAFT_ID");

    /// <summary>PROCESSING_LEVEL, e.g. L2SP (reflectance + temperature) or L2SR (reflectance only).</summary>
    public string? ProcessingLevel => Get("PROCESSING_LEVEL");

    /// <summary>DATE_ACQUIRED (UTC date of the overpass).</summary>
    public DateOnly? DateAcquired =>
        Get("DATE_ACQUIRED") is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>UTM_ZONE of PROJECTION_ATTRIBUTES (null for polar stereographic scenes).</summary>
    public int? UtmZone => GetDouble("UTM_ZONE") is double z ? (int)z : null;

    /// <summary>The value of <paramref name="key"/> in <paramref name="group"/>, or in any group when <paramref name="group"/> is null; null when absent.</summary>
    public string? Get(string key, string? group = null)
    {
        if (group is not null) return _groups.TryGetValue(group, out var g) && g.TryGetValue(key, out var v) ? v : null;
        foreach (var g2 in _groups.Values) if (g2.TryGetValue(key, out var v2)) return v2;
        return null;
    }

    /// <summary>The numeric value of <paramref name="key"/>, or null when absent; throws <see cref="FileFormatException"/> when not a number.</summary>
    public double? GetDouble(string key, string? group = null)
    {
        var s = Get(key, group);
        if (s is null) return null;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        throw new FileFormatException(Path, $"{key} = '{s}' is not a number.");
    }

    /// <summary>All keys and values of <paramref name="group"/> (empty if absent).</summary>
    public IReadOnlyDictionary<string, string> Group(string group) =>
        _groups.TryGetValue(group, out var g) ? g : new Dictionary<string, string>();

    /// <summary>
    /// Surface-reflectance scale and offset of band <paramref name="bandNumber"/>: REFLECTANCE_MULT_BAND_n and
    /// REFLECTANCE_ADD_BAND_n of LEVEL2_SURFACE_REFLECTANCE_PARAMETERS; the C2 constants 2.75e-5 and −0.2 when absent.
    /// </summary>
    public (double Mult, double Add) ReflectanceScale(int bandNumber) =>
        (GetDouble($"REFLECTANCE_MULT_BAND_{bandNumber}", "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS") ?? DefaultReflectanceMult,
         GetDouble($"REFLECTANCE_ADD_BAND_{bandNumber}", "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS") ?? DefaultReflectanceAdd);

    /// <summary>
    /// Surface-temperature scale and offset of the thermal band: TEMPERATURE_MULT_BAND_ST_B{n} / TEMPERATURE_ADD_BAND_ST_B{n}
    /// of LEVEL2_SURFACE_TEMPERATURE_PARAMETERS; the C2 constants 0.00341802 and 149.0 K when absent.
    /// </summary>
    public (double Mult, double Add) TemperatureScale()
    {
        int n = LandsatBandMap.BandNumber(Sensor, CommonBand.Thermal);
        return (GetDouble($"TEMPERATURE_MULT_BAND_ST_B{n}", "LEVEL2_SURFACE_TEMPERATURE_PARAMETERS") ?? DefaultTemperatureMult,
                GetDouble($"TEMPERATURE_ADD_BAND_ST_B{n}", "LEVEL2_SURFACE_TEMPERATURE_PARAMETERS") ?? DefaultTemperatureAdd);
    }

    /// <summary>
    /// K1 (W m⁻² sr⁻¹ µm⁻¹) and K2 (K) of the thermal band for Planck inversion T = K2/ln(K1/L + 1): K1_CONSTANT_BAND_n /
    /// K2_CONSTANT_BAND_n (ETM+: K1_CONSTANT_BAND_6_VCID_1) from LEVEL1_THERMAL_CONSTANTS (older files: THERMAL_CONSTANTS),
    /// else the documented constants of <see cref="LandsatBandMap.DefaultThermalConstants"/>. <c>FromMetadata</c> tells which.
    /// </summary>
    public (double K1, double K2, bool FromMetadata) ThermalConstants()
    {
        int n = LandsatBandMap.BandNumber(Sensor, CommonBand.Thermal);
        foreach (var suffix in new[] { $"{n}", $"{n}_VCID_1" })
        {
            var k1 = GetDouble($"K1_CONSTANT_BAND_{suffix}");
            var k2 = GetDouble($"K2_CONSTANT_BAND_{suffix}");
            if (k1 is double a && k2 is double b) return (a, b, true);
        }
        var (d1, d2) = LandsatBandMap.DefaultThermalConstants(Sensor);
        return (d1, d2, false);
    }

    /// <summary>Reads an MTL file; the format follows the extension (.txt, .json, .xml).</summary>
    /// <exception cref="FileFormatException">Malformed file, or a sensor this library does not know (one line naming the file).</exception>
    public static LandsatMetadata Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: Landsat metadata file not found.", path);
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var text = File.ReadAllText(path);
        var groups = ext switch
        {
            ".json" => ParseJson(path, text),
            ".xml" => ParseXml(path, text),
            _ => ParseOdl(path, text),
        };
        if (groups.Count == 0) throw new FileFormatException(path, "no metadata groups found; is this a Landsat MTL file?");
        return new LandsatMetadata(path, groups);
    }

    /// <summary>Parses MTL text in the given <paramref name="format"/> ("txt", "json" or "xml"); <paramref name="sourceName"/> names it in errors.</summary>
    public static LandsatMetadata Parse(string text, string format, string sourceName = "MTL")
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = format.TrimStart('.').ToLowerInvariant() switch
        {
            "json" => ParseJson(sourceName, text),
            "xml" => ParseXml(sourceName, text),
            "txt" or "odl" => ParseOdl(sourceName, text),
            _ => throw new ArgumentException($"Unknown MTL format '{format}'; expected txt, json or xml.", nameof(format)),
        };
        return new LandsatMetadata(sourceName, groups);
    }

    private static LandsatSensor RecogniseSensor(string path, string? spacecraft, string? sensor)
    {
        var sc = spacecraft?.Trim().ToUpperInvariant();
        var se = sensor?.Trim().ToUpperInvariant();
        return (sc, se) switch
        {
            ("LANDSAT_4" or "LANDSAT_5", "TM") => LandsatSensor.Tm,
            ("LANDSAT_7", "ETM" or "ETM+") => LandsatSensor.Etm,
            ("LANDSAT_8" or "LANDSAT_9", "OLI_TIRS") => LandsatSensor.OliTirs,
            _ => throw new FileFormatException(path,
                $"unknown Landsat sensor SPACECRAFT_ID={spacecraft ?? "(missing)"}, SENSOR_ID={sensor ?? "(missing)"}; supported: LANDSAT_4/5 TM, LANDSAT_7 ETM, LANDSAT_8/9 OLI_TIRS."),
        };
    }

    private static Dictionary<string, Dictionary<string, string>> ParseOdl(string path, string text)
    {
        var groups = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        int lineNo = 0;
        bool ended = false;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line == "END") { ended = true; break; }
            int eq = line.IndexOf('=');
            if (eq < 0) throw new FileFormatException(path, $"expected 'KEY = value', got '{line}'.", lineNo);
            var key = line[..eq].Trim();
            var value = Unquote(line[(eq + 1)..].Trim());
            if (key == "GROUP") { stack.Push(value); groups.TryAdd(value, new Dictionary<string, string>(StringComparer.Ordinal)); }
            else if (key == "END_GROUP")
            {
                if (stack.Count == 0 || stack.Peek() != value)
                    throw new FileFormatException(path, $"END_GROUP = {value} does not close the open group {(stack.Count == 0 ? "(none)" : stack.Peek())}.", lineNo);
                stack.Pop();
            }
            else
            {
                if (stack.Count == 0) throw new FileFormatException(path, $"'{key}' is outside any GROUP.", lineNo);
                groups[stack.Peek()][key] = value;
            }
        }
        if (stack.Count > 0) throw new FileFormatException(path, $"group {stack.Peek()} is not closed (file truncated?).", lineNo);
        if (!ended) throw new FileFormatException(path, "missing the final END line (file truncated?).", lineNo);
        return groups;
    }

    private static string Unquote(string v) => v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1] : v;

    private static Dictionary<string, Dictionary<string, string>> ParseJson(string path, string text)
    {
        var groups = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new FileFormatException(path, $"invalid JSON: {e.Message}", (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1)); }
        using (doc)
        {
            void Walk(string name, JsonElement obj)
            {
                foreach (var p in obj.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Object) Walk(p.Name, p.Value);
                    else
                    {
                        if (!groups.TryGetValue(name, out var g)) groups[name] = g = new Dictionary<string, string>(StringComparer.Ordinal);
                        g[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                    }
                }
                groups.TryAdd(name, new Dictionary<string, string>(StringComparer.Ordinal));
            }
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FileFormatException(path, "the JSON root is not an object.");
            Walk("", doc.RootElement);
        }
        groups.Remove("");
        return groups;
    }

    private static Dictionary<string, Dictionary<string, string>> ParseXml(string path, string text)
    {
        var groups = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        XDocument doc;
        try { doc = XDocument.Parse(text, LoadOptions.SetLineInfo); }
        catch (System.Xml.XmlException e) { throw new FileFormatException(path, $"invalid XML: {e.Message}", e.LineNumber, e.LinePosition); }
        void Walk(XElement el)
        {
            foreach (var child in el.Elements())
            {
                if (child.HasElements) Walk(child);
                else
                {
                    if (!groups.TryGetValue(el.Name.LocalName, out var g)) groups[el.Name.LocalName] = g = new Dictionary<string, string>(StringComparer.Ordinal);
                    g[child.Name.LocalName] = child.Value.Trim();
                }
            }
        }
        Walk(doc.Root!);
        return groups;
    }
}
