using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>
/// Writes and maintains the synthetic Lingbei sample folder (data-samples/lingbei). The small layers and the study-area
/// boundary are committed; the Landsat scenes (Collection 2 Level-2 scene folders as USGS delivers them, ≈60 MB of
/// incompressible noise, <see cref="LingbeiScenes"/>) are regenerated deterministically on first use into the folder's
/// <c>cache/landsat/YYYY/&lt;product id&gt;/</c> (git-ignored) by <see cref="EnsureLandsat"/>, and pinned by the SHA-256
/// of their pixel values recorded in <c>generator.json</c>. SYNTHETIC data.
/// </summary>
public static class LingbeiSamples
{
    /// <summary>Marker line of the sample README (identifies a sample folder).</summary>
    public const string ReadmeTitle = "# Lingbei sample data (SYNTHETIC)";

    /// <summary>
    /// Version of the cached Landsat layout, recorded in generator.json: a cache made for another layout (e.g. the
    /// former prepared <c>cache/landsat_YYYY.tif</c> stacks) no longer matches the stamp and is regenerated.
    /// </summary>
    public const string LandsatLayout = "Collection 2 Level-2 scene folders cache/landsat/YYYY/PRODUCT_ID/, v1";

    /// <summary>Committed file names, in the order written.</summary>
    public static IReadOnlyList<string> CommittedFileNames { get; } =
    [
        "dem.tif", "erodibility.tif", "sites.tif", "sites.csv", "scenes.csv", LingbeiScenes.BoundaryFileName,
        .. LingbeiGenerator.Years.SelectMany(y => new[] { $"landcover_{y}.tif", $"rainfall_{y}.tif", $"population_{y}.tif", $"pm25_{y}.tif", $"co2_{y}.tif" }),
        "generator.json", ".gitignore", "README.md",
    ];

    /// <summary>Cached (regenerated, not committed) file names, relative to the folder: every file of every scene folder.</summary>
    public static IReadOnlyList<string> CachedFileNames { get; } = LingbeiScenes.RelativeFiles().Select(f => "cache/" + f).ToList();

    private static readonly GeoTiffWriteOptions Tif = new() { Compression = GeoTiffCompression.Deflate, DeflateLevel = 9 };

    /// <summary>Generates and writes the committed layers and the cached Landsat scene folders; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, LingbeiSampleOptions? options = null, IProgress<string>? progress = null)
    {
        var o = (options ?? new LingbeiSampleOptions()).Validate();
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        string P(string name) { var p = Path.Combine(folder, name); written.Add(p); return p; }
        progress?.Report("landscape, land cover and ancillary layers");
        var sample = LingbeiGenerator.Generate(o, withLandsat: false);
        GeoTiff.Write(sample.Dem, P("dem.tif"), Tif);
        GeoTiff.Write(sample.Erodibility, P("erodibility.tif"), Tif);
        GeoTiff.Write(sample.Sites, P("sites.tif"), Tif);
        AtomicFile.WriteAllText(P("sites.csv"), SitesCsv(o));
        AtomicFile.WriteAllText(P("scenes.csv"), ScenesCsv());
        AtomicFile.WriteAllText(P(LingbeiScenes.BoundaryFileName), LingbeiScenes.BoundaryGeoJson(o));
        foreach (var y in sample.Years)
        {
            GeoTiff.Write(y.LandCover, P($"landcover_{y.Year}.tif"), Tif);
            GeoTiff.Write(y.Rainfall, P($"rainfall_{y.Year}.tif"), Tif);
            GeoTiff.Write(y.Population, P($"population_{y.Year}.tif"), Tif);
            GeoTiff.Write(y.Pm25, P($"pm25_{y.Year}.tif"), Tif);
            GeoTiff.Write(y.Co2, P($"co2_{y.Year}.tif"), Tif);
        }
        progress?.Report("Landsat Collection 2 scene folders (cache/landsat/)");
        var land = LingbeiGenerator.BuildLandscape(o);
        var stackSums = new Dictionary<string, string>();
        var sceneSums = new Dictionary<string, string>();
        ClearCache(folder);
        for (int t = 0; t < LingbeiGenerator.Years.Count; t++)
        {
            int year = LingbeiGenerator.Years[t];
            stackSums[year.ToString(CultureInfo.InvariantCulture)] = PixelChecksum(LingbeiGenerator.Landsat(land, t));
            foreach (var scene in LingbeiScenes.Build(land, t))
            {
                sceneSums[scene.ProductId] = scene.Checksum();
                written.AddRange(LingbeiScenes.Write(scene, Path.Combine(folder, "cache", "landsat", year.ToString(CultureInfo.InvariantCulture))));
            }
        }
        string generatorJson = GeneratorJson(o, stackSums, sceneSums);
        AtomicFile.WriteAllText(P("generator.json"), generatorJson);
        AtomicFile.WriteAllText(Path.Combine(folder, "cache", StampName), generatorJson);
        AtomicFile.WriteAllText(P(".gitignore"), "cache/\n");
        AtomicFile.WriteAllText(P("README.md"), Readme(o));
        return written;
    }

    /// <summary>True when <paramref name="folder"/> holds the synthetic sample (README title and generator.json).</summary>
    public static bool IsSampleFolder(string folder) =>
        File.Exists(Path.Combine(folder, "generator.json")) && File.Exists(Path.Combine(folder, "README.md"))
        && File.ReadLines(Path.Combine(folder, "README.md")).FirstOrDefault() == ReadmeTitle;

    private const string StampName = "generator.stamp";

    /// <summary>Deletes the regenerated Landsat data of a sample folder's cache (scene folders, former prepared stacks, stamp).</summary>
    private static void ClearCache(string folder)
    {
        string cache = Path.Combine(folder, "cache");
        if (!Directory.Exists(cache)) return;
        foreach (var f in Directory.GetFiles(cache, "landsat_*.tif")) File.Delete(f);
        if (Directory.Exists(Path.Combine(cache, "landsat"))) Directory.Delete(Path.Combine(cache, "landsat"), true);
        if (File.Exists(Path.Combine(cache, StampName))) File.Delete(Path.Combine(cache, StampName));
    }

    /// <summary>
    /// Regenerates the Landsat scene folders of a sample folder into <c>cache/landsat/YYYY/</c> when they are missing or
    /// were made from another generator.json (options read from it); each scene folder appears atomically (written to a
    /// hidden temporary folder, then renamed) and the stamp is written last. Returns the paths written (empty when the
    /// cache was complete).
    /// </summary>
    public static IReadOnlyList<string> EnsureLandsat(string folder)
    {
        // One writer at a time: in this process (parallel tests) and across processes (a lock file in cache/).
        lock (CacheLock)
        {
            Directory.CreateDirectory(Path.Combine(folder, "cache"));
            using var fileLock = AcquireLock(Path.Combine(folder, "cache", ".lock"));
            return EnsureLandsatLocked(folder);
        }
    }

    private static readonly object CacheLock = new();

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(500); }
        }
    }

    private static IReadOnlyList<string> EnsureLandsatLocked(string folder)
    {
        // The cache is valid only for the generator.json it was made from: a changed generator (new calibration, new
        // layout) invalidates it, so a pulled update never runs on stale scenes.
        string stampPath = Path.Combine(folder, "cache", StampName);
        string generatorJson = File.ReadAllText(Path.Combine(folder, "generator.json"));
        if (!File.Exists(stampPath) || File.ReadAllText(stampPath) != generatorJson) ClearCache(folder);
        var missing = new List<int>();
        for (int t = 0; t < LingbeiGenerator.Years.Count; t++)
        {
            int year = LingbeiGenerator.Years[t];
            var sensor = LingbeiGenerator.SensorOf(year);
            if (LingbeiScenes.Dates(t).Any(d => !Directory.Exists(Path.Combine(folder, "cache", LingbeiScenes.RelativeFolder(year, LingbeiScenes.ProductId(sensor, d))))))
                missing.Add(t);
        }
        if (missing.Count == 0) return [];
        var o = ReadOptions(folder);
        var land = LingbeiGenerator.BuildLandscape(o);
        var written = new List<string>();
        foreach (int t in missing)
        {
            string parent = Path.Combine(folder, "cache", "landsat", LingbeiGenerator.Years[t].ToString(CultureInfo.InvariantCulture));
            foreach (var scene in LingbeiScenes.Build(land, t))
                if (!Directory.Exists(Path.Combine(parent, scene.ProductId))) written.AddRange(LingbeiScenes.Write(scene, parent));
        }
        AtomicFile.WriteAllText(stampPath, generatorJson);
        return written;
    }

    /// <summary>The generator options recorded in a sample folder's generator.json.</summary>
    public static LingbeiSampleOptions ReadOptions(string folder)
    {
        string path = Path.Combine(folder, "generator.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var r = doc.RootElement;
        try
        {
            return new LingbeiSampleOptions
            {
                Seed = r.GetProperty("seed").GetInt32(),
                Width = r.GetProperty("width").GetInt32(),
                Height = r.GetProperty("height").GetInt32(),
                PixelSize = r.GetProperty("pixel_size").GetDouble(),
                OriginX = r.GetProperty("origin_x").GetDouble(),
                OriginY = r.GetProperty("origin_y").GetDouble(),
                HaloLength = r.GetProperty("halo_length").GetDouble(),
                Disturbance = r.GetProperty("disturbance").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                Contrast = r.GetProperty("contrast").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                FringeWidth = r.GetProperty("fringe_width").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                SiteDisturbance = r.GetProperty("site_disturbance").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetDouble()).ToArray()),
            }.Validate();
        }
        catch (KeyNotFoundException e) { throw new FileFormatException(path, "a generator option is missing: " + e.Message); }
    }

    /// <summary>
    /// The checksums of the calibrated clear-sky Landsat stacks recorded in a sample folder's generator.json (year →
    /// SHA-256 hex of <see cref="LingbeiGenerator.Landsat"/>, the layers the calibration ran on).
    /// </summary>
    public static IReadOnlyDictionary<int, string> ReadChecksums(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "generator.json")));
        return doc.RootElement.GetProperty("landsat_pixel_sha256").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture), p => p.Value.GetString()!);
    }

    /// <summary>The checksums of the Landsat scene folders recorded in generator.json (product id → <see cref="LingbeiSyntheticScene.Checksum"/>).</summary>
    public static IReadOnlyDictionary<string, string> ReadSceneChecksums(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "generator.json")));
        return doc.RootElement.GetProperty("landsat_scene_sha256").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    /// <summary>SHA-256 (hex) of all pixel values of a raster, band by band, row-major, as little-endian float64 — independent of the file encoding.</summary>
    public static string PixelChecksum(IRasterSource raster)
    {
        ArgumentNullException.ThrowIfNull(raster);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var row = new double[raster.Grid.Width];
        var bytes = new byte[row.Length * 8];
        for (int b = 0; b < raster.BandCount; b++)
            for (int r = 0; r < raster.Grid.Height; r++)
            {
                raster.ReadWindow(b, new RasterWindow(0, r, raster.Grid.Width, 1), row);
                Buffer.BlockCopy(row, 0, bytes, 0, bytes.Length);
                if (!BitConverter.IsLittleEndian) for (int i = 0; i < row.Length; i++) Array.Reverse(bytes, i * 8, 8);
                sha.AppendData(bytes);
            }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string SitesCsv(LingbeiSampleOptions o)
    {
        var sb = new StringBuilder("code,name,easting,northing,zone_radius_m,bare_radius_m_2000,bare_radius_m_2005,bare_radius_m_2010,bare_radius_m_2016,bare_radius_m_2020\n");
        double sx = o.Width / 540.0, sy = o.Height / 440.0, s = Math.Sqrt(sx * sy);
        foreach (var site in LingbeiGenerator.Sites)
        {
            var (x, y) = o.Grid.Transform.ToWorld(site.Col * sx + 0.5, site.Row * sy + 0.5);
            sb.Append(CultureInfo.InvariantCulture, $"{site.Code},{site.Name},{F(x)},{F(y)},{F(site.ZoneRadius * s * o.PixelSize)}");
            foreach (var r in site.Radius) sb.Append(',').Append(F(Math.Round(r * s * o.PixelSize)));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string ScenesCsv()
    {
        var sb = new StringBuilder("year,sensor,transmittance,upwelling,downwelling,rainfall_scale,erodibility_scale\n");
        for (int t = 0; t < LingbeiGenerator.Years.Count; t++)
        {
            var (sensor, _, atm) = LingbeiGenerator.Scene(t);
            sb.Append(CultureInfo.InvariantCulture, $"{LingbeiGenerator.Years[t]},{(sensor == Indicators.Sensor.LandsatTM ? "TM" : "OLI")},{F(atm.Transmittance)},{F(atm.Upwelling)},{F(atm.Downwelling)},")
              .Append(CultureInfo.InvariantCulture, $"{F(LingbeiGenerator.RainfallScale)},{F(LingbeiGenerator.ErodibilityScale)}\n");
        }
        return sb.ToString();
    }

    private static string GeneratorJson(LingbeiSampleOptions o, IReadOnlyDictionary<string, string> sums, IReadOnlyDictionary<string, string> sceneSums)
    {
        var doc = new Dictionary<string, object>
        {
            ["generator"] = "EcoNotebooks.Samples.Lingbei.LingbeiGenerator",
            ["seed"] = o.Seed, ["width"] = o.Width, ["height"] = o.Height, ["pixel_size"] = o.PixelSize,
            ["origin_x"] = o.OriginX, ["origin_y"] = o.OriginY, ["epsg"] = 32650, ["halo_length"] = o.HaloLength,
            ["disturbance"] = o.Disturbance, ["contrast"] = o.Contrast, ["fringe_width"] = o.FringeWidth, ["site_disturbance"] = o.SiteDisturbance,
            ["landsat_pixel_sha256"] = sums,
            ["landsat_layout"] = LandsatLayout,
            ["landsat_scene_sha256"] = sceneSums,
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The provenance README of the sample folder.</summary>
    public static string Readme(LingbeiSampleOptions o) => ReadmeTitle + "\n" + LingbeiReadme.Body(o);
}
