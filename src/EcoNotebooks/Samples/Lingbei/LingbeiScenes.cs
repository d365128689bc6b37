using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcoNotebooks.Indicators;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>One synthetic Landsat Collection 2 Level-2 scene of the Lingbei sample, in memory (see <see cref="LingbeiScenes"/>).</summary>
/// <param name="ProductId">USGS-style product id, e.g. LT05_L2SP_121043_20001028_20200906_02_T1.</param>
/// <param name="Year">Study year.</param>
/// <param name="Date">Acquisition date (August–December).</param>
/// <param name="Sensor">Landsat 5 TM or Landsat 8 OLI/TIRS.</param>
/// <param name="Layers">File suffix (SR_B1 … SR_B7, ST_B6/ST_B10, ST_TRAD, QA_PIXEL) and its single-band raster, in file order.</param>
/// <param name="MtlText">The ODL metadata (<c>…_MTL.txt</c>).</param>
/// <param name="MtlJson">The same metadata as JSON (<c>…_MTL.json</c>).</param>
/// <param name="CloudPercent">Share of the scene flagged cloud, dilated cloud or cloud shadow in QA_PIXEL, %.</param>
public sealed record LingbeiSyntheticScene(string ProductId, int Year, DateOnly Date, Sensor Sensor,
    IReadOnlyList<(string Suffix, Raster Raster)> Layers, string MtlText, string MtlJson, double CloudPercent)
{
    /// <summary>File names of the scene, relative to its folder (band files, then the metadata).</summary>
    public IEnumerable<string> FileNames => Layers.Select(l => $"{ProductId}_{l.Suffix}.TIF").Append($"{ProductId}_MTL.txt").Append($"{ProductId}_MTL.json");

    /// <summary>SHA-256 (hex) of the pixel values of every layer (<see cref="LingbeiSamples.PixelChecksum"/>, in file order) and of the metadata text.</summary>
    public string Checksum()
    {
        var sb = new StringBuilder();
        foreach (var (suffix, r) in Layers) sb.Append(suffix).Append(':').Append(LingbeiSamples.PixelChecksum(r)).Append('\n');
        sb.Append(MtlText).Append(MtlJson);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }
}

/// <summary>
/// The Landsat scenes of the synthetic Lingbei sample as USGS delivers Collection 2 Level-2 (L2SP) products: per
/// study year two or three scenes of WRS-2 path 121, row 43 in the paper's August–December window, each a folder
/// <c>landsat/YYYY/&lt;product id&gt;/</c> with one GeoTIFF per band and the MTL metadata. SYNTHETIC data.
/// <para>Encoding (USGS Landsat 8–9 C2 L2 Science Product Guide, LSDS-1619; Landsat 4–7 guide, LSDS-1618):
/// <c>SR_B1 … SR_B7</c> (TM: 1, 2, 3, 4, 5, 7; OLI: 1–7, band 1 coastal aerosol) uint16 surface reflectance,
/// ρ = DN·2.75e-5 − 0.2, fill 0; <c>ST_B6</c> (TM) / <c>ST_B10</c> (OLI) uint16 surface temperature,
/// T = DN·0.00341802 + 149 K, fill 0; <c>ST_TRAD</c> int16 at-sensor thermal radiance, DN·0.001 W m⁻² sr⁻¹ µm⁻¹, fill
/// −9999 (the input of the paper's radiative-transfer LST, Eq. 8); <c>QA_PIXEL</c> uint16 bit flags (bit 0 fill, 1
/// dilated cloud, 3 cloud, 4 cloud shadow, 6 clear; bits 8–9, 10–11, 12–13, 14–15 the cloud, shadow, snow and (OLI)
/// cirrus confidences: clear land is 5440 on TM, 21824 on OLI, as in real files); <c>_MTL.txt</c> and <c>_MTL.json</c>
/// with the groups and keys <see cref="RemoteSensing.Landsat.LandsatMetadata"/> reads (sensor, date, file names,
/// reflectance and temperature scale/offset, K1/K2). Other L2SP files (ST_QA, ST_EMIS, ANG, …) are not written.</para>
/// <para>Method. The clear-sky surface of a year is the calibrated 7-band stack of <see cref="LingbeiGenerator.Landsat"/>
/// (reflectance on a 1e-4 grid, radiance on a 1e-3 grid), re-quantised to the Collection 2 scale (|Δρ| ≤ 1.375e-5;
/// the radiance is stored unchanged); every clear observation of the year carries exactly these values. The scene
/// footprint is the sample grid plus <see cref="Margin"/> pixels on every side (mirrored surface, a fill collar in the
/// north-west corner), so a boundary clip is needed to get back to the sample grid. Clouds are seeded smooth random
/// fields thresholded to 8–30 % cover; a 2-pixel ring around them is flagged dilated cloud and the cloud mask shifted
/// 9 rows north and 4 columns west (autumn sun in the south-south-east) is flagged cloud shadow. Under cloud the
/// reflectance is bright (0.3–0.6) and the thermal radiance that of a 265 K cloud top; dilated cloud is hazed
/// (0.6ρ + 0.12) and slightly cold; shadow is darkened to 0.35ρ and 2 % less radiance. Where a pixel would be flagged in
/// every scene of its year, it is left clear in the scene where its cloud field is lowest, so every pixel has at least
/// one clear observation and the cloud-masked median composite (<see cref="RemoteSensing.SceneComposite"/>) returns
/// the calibrated clear-sky values exactly (up to the C2 quantisation).</para>
/// </summary>
public static class LingbeiScenes
{
    /// <summary>Pixels the scene footprint extends beyond the sample grid on each side.</summary>
    public const int Margin = 12;
    /// <summary>WRS-2 path and row of the Lingbei area (≈115.08° E, 24.95° N).</summary>
    public const string PathRow = "121043";
    /// <summary>Collection 2 surface-reflectance scale.</summary>
    public const double ReflectanceMult = 2.75e-5;
    /// <summary>Collection 2 surface-reflectance offset.</summary>
    public const double ReflectanceAdd = -0.2;
    /// <summary>Collection 2 surface-temperature scale, K per DN.</summary>
    public const double TemperatureMult = 0.00341802;
    /// <summary>Collection 2 surface-temperature offset, K.</summary>
    public const double TemperatureAdd = 149.0;
    /// <summary>The boundary file of the sample folder.</summary>
    public const string BoundaryFileName = "boundary.geojson";
    /// <summary>Inset of the sample boundary from the grid edges, m (pixel centres are 15 m inside; the bounding box snaps back to the grid).</summary>
    public const double BoundaryInset = 3;

    // Acquisition dates per study year: the calibrated scene date of LingbeiGenerator.Scene plus 16-day repeats (same path/row).
    private static readonly DateOnly[][] AllDates =
    [
        [new(2000, 9, 10), new(2000, 10, 28), new(2000, 11, 29)],
        [new(2005, 10, 10), new(2005, 11, 11)],
        [new(2010, 9, 6), new(2010, 10, 8), new(2010, 11, 9)],
        [new(2016, 10, 24), new(2016, 11, 25)],
        [new(2020, 9, 1), new(2020, 10, 19), new(2020, 11, 20)],
    ];
    private static readonly double[][] CloudCover = [[0.22, 0.12, 0.30], [0.18, 0.25], [0.10, 0.28, 0.20], [0.20, 0.15], [0.26, 0.08, 0.18]];

    /// <summary>Acquisition dates of the scenes of study year index <paramref name="t"/> (0 = 2000 … 4 = 2020).</summary>
    public static IReadOnlyList<DateOnly> Dates(int t) => AllDates[t];

    /// <summary>The product id of a scene: LT05 (TM) / LC08 (OLI), L2SP, path/row, acquisition date, processing date, collection 02, tier T1.</summary>
    public static string ProductId(Sensor sensor, DateOnly date)
    {
        var processed = date.AddDays(16) > new DateOnly(2020, 9, 6) ? date.AddDays(16) : new DateOnly(2020, 9, 6);
        return $"{(sensor == Sensor.LandsatTM ? "LT05" : "LC08")}_L2SP_{PathRow}_{date:yyyyMMdd}_{processed:yyyyMMdd}_02_T1";
    }

    /// <summary>The relative folder of a scene in a data folder: <c>landsat/YYYY/&lt;product id&gt;</c>.</summary>
    public static string RelativeFolder(int year, string productId) => Path.Combine("landsat", year.ToString(CultureInfo.InvariantCulture), productId);

    /// <summary>Band file suffixes of a sensor, in file order.</summary>
    public static IReadOnlyList<string> Suffixes(Sensor sensor) => sensor == Sensor.LandsatTM
        ? ["SR_B1", "SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B7", "ST_B6", "ST_TRAD", "QA_PIXEL"]
        : ["SR_B1", "SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7", "ST_B10", "ST_TRAD", "QA_PIXEL"];

    /// <summary>Every file of every scene, relative to the data folder (the layout the generator writes under <c>cache/</c>).</summary>
    public static IEnumerable<string> RelativeFiles() =>
        LingbeiGenerator.Years.SelectMany((y, t) => Dates(t).SelectMany(d =>
        {
            var sensor = LingbeiGenerator.SensorOf(y);
            var id = ProductId(sensor, d);
            return Suffixes(sensor).Select(s => $"{id}_{s}.TIF").Append($"{id}_MTL.txt").Append($"{id}_MTL.json")
                .Select(f => Path.Combine(RelativeFolder(y, id), f).Replace('\\', '/'));
        }));

    /// <summary>The scene footprint: the sample grid grown by <see cref="Margin"/> pixels on every side.</summary>
    public static RasterGrid SceneGrid(LingbeiSampleOptions o) =>
        RasterGrid.NorthUp(o.Width + 2 * Margin, o.Height + 2 * Margin, o.OriginX - Margin * o.PixelSize, o.OriginY + Margin * o.PixelSize, o.PixelSize, o.Grid.Crs);

    // QA_PIXEL words (bit patterns of real C2 files): confidences low (01) unless stated.
    private static int LowConf(Sensor s) => (1 << 8) | (1 << 10) | (1 << 12) | (s == Sensor.LandsatOli ? 1 << 14 : 0);
    /// <summary>QA_PIXEL of clear land: bit 6 + low cloud, shadow, snow (and OLI cirrus) confidence (TM 5440, OLI 21824).</summary>
    public static int QaClear(Sensor s) => 64 | LowConf(s);
    /// <summary>QA_PIXEL of cloud: bit 3 + high cloud confidence (TM 5896, OLI 22280).</summary>
    public static int QaCloud(Sensor s) => 8 | (LowConf(s) & ~(3 << 8)) | (3 << 8);
    /// <summary>QA_PIXEL of dilated cloud: bit 1, not clear (TM 5378, OLI 21762).</summary>
    public static int QaDilated(Sensor s) => 2 | LowConf(s);
    /// <summary>QA_PIXEL of cloud shadow: bits 4 and 6 + high shadow confidence (TM 7504, OLI 23888).</summary>
    public static int QaShadow(Sensor s) => 16 | 64 | (LowConf(s) & ~(3 << 10)) | (3 << 10);
    /// <summary>QA_PIXEL of fill.</summary>
    public const int QaFill = 1;

    private enum Sky : byte { Clear, Cloud, Dilated, Shadow, Fill }

    /// <summary>Builds the scenes of study year index <paramref name="t"/> from the landscape.</summary>
    public static IReadOnlyList<LingbeiSyntheticScene> Build(LingbeiGenerator.Landscape land, int t)
    {
        var o = land.Options;
        int year = LingbeiGenerator.Years[t];
        var sensor = LingbeiGenerator.SensorOf(year);
        var (stack, surfaceT) = LingbeiGenerator.LandsatWithTemperature(land, t);
        var (_, _, atm) = LingbeiGenerator.Scene(t);
        var k = SensorBands.Thermal(sensor);
        var grid = SceneGrid(o);
        int sw = grid.Width, sh = grid.Height, w = o.Width, h = o.Height, n = sw * sh;
        var refl = Enumerable.Range(0, 7).Select(b => stack.Band(b).ToDoubleArray(false)).ToArray();
        var dates = Dates(t);
        int ns = dates.Count;
        // Cloud fields and sky state per scene.
        var field = new double[ns][];
        var sky = new Sky[ns][];
        for (int s = 0; s < ns; s++)
        {
            int seed = o.Seed * 31 + year * 7 + s;
            var f = field[s] = new double[n];
            for (int r = 0; r < sh; r++)
                for (int c = 0; c < sw; c++)
                    f[r * sw + c] = LingbeiGenerator.SmoothHash(seed, c, r, 40) + 0.45 * LingbeiGenerator.SmoothHash(seed + 1, c, r, 11);
            var sorted = (double[])f.Clone();
            Array.Sort(sorted);
            double threshold = sorted[(int)((1 - CloudCover[t][s]) * (n - 1))];
            var st = sky[s] = new Sky[n];
            var cloud = new bool[n];
            for (int i = 0; i < n; i++) cloud[i] = f[i] > threshold;
            for (int r = 0; r < sh; r++)
                for (int c = 0; c < sw; c++)
                {
                    int i = r * sw + c;
                    if (cloud[i]) { st[i] = Sky.Cloud; continue; }
                    bool near = false;
                    for (int dr = -2; dr <= 2 && !near; dr++)
                        for (int dc = -2; dc <= 2 && !near; dc++)
                        {
                            int rr = r + dr, cc = c + dc;
                            near = rr >= 0 && rr < sh && cc >= 0 && cc < sw && cloud[rr * sw + cc];
                        }
                    if (near) { st[i] = Sky.Dilated; continue; }
                    int sr = r + 9, sc = c + 4;   // the cloud that casts a shadow here lies 9 rows south, 4 columns east
                    if (sr < sh && sc < sw && cloud[sr * sw + sc]) st[i] = Sky.Shadow;
                }
        }
        // Every pixel clear in at least one scene: where all are flagged, clear it in the scene of lowest cloud field.
        for (int i = 0; i < n; i++)
        {
            bool any = false;
            for (int s = 0; s < ns && !any; s++) any = sky[s][i] == Sky.Clear;
            if (any) continue;
            int best = 0;
            for (int s = 1; s < ns; s++) if (field[s][i] < field[best][i]) best = s;
            sky[best][i] = Sky.Clear;
        }
        // Fill collar in the north-west corner of the footprint (outside the study area).
        for (int s = 0; s < ns; s++)
            for (int r = 0; r < Margin; r++)
                for (int c = 0; c < Margin - r; c++) sky[s][r * sw + c] = Sky.Fill;

        double cloudRadiance = LandSurfaceTemperature.AtSensorRadiance(265, 0.99, atm, k);
        var scenes = new List<LingbeiSyntheticScene>();
        var suffixes = Suffixes(sensor);
        for (int s = 0; s < ns; s++)
        {
            var layers = new List<(string, Raster)>();
            var st = sky[s];
            var f = field[s];
            // Reflective bands: stack band index per file (OLI SR_B1 coastal aerosol = 0.9 × blue + 0.01).
            foreach (var suffix in suffixes.Where(x => x.StartsWith("SR_", StringComparison.Ordinal)))
            {
                int bandNo = int.Parse(suffix[4..], CultureInfo.InvariantCulture);
                int idx = sensor == Sensor.LandsatTM ? bandNo switch { 7 => 5, _ => bandNo - 1 } : Math.Max(0, bandNo - 2);
                bool coastal = sensor == Sensor.LandsatOli && bandNo == 1;
                var v = new ushort[n];
                Parallel.For(0, sh, r =>
                {
                    for (int c = 0; c < sw; c++)
                    {
                        int i = r * sw + c;
                        if (st[i] == Sky.Fill) { v[i] = 0; continue; }
                        double rho = refl[idx][Interior(r, c, w, h)] * LingbeiGenerator.ReflectanceScale;
                        if (coastal) rho = 0.9 * rho + 0.01;
                        rho = st[i] switch
                        {
                            Sky.Cloud => Math.Min(0.6, 0.3 + 0.3 * Math.Tanh(f[i])) - 0.01 * idx,
                            Sky.Dilated => 0.6 * rho + 0.12,
                            Sky.Shadow => 0.35 * rho,
                            _ => rho,
                        };
                        v[i] = (ushort)Math.Clamp(Math.Round((rho - ReflectanceAdd) / ReflectanceMult), 1, 65535);
                    }
                });
                layers.Add((suffix, new Raster(grid, [new RasterBand<ushort>(sw, sh, v, 0)])));
            }
            var stv = new ushort[n];
            var trad = new short[n];
            var qa = new ushort[n];
            for (int r = 0; r < sh; r++)
                for (int c = 0; c < sw; c++)
                {
                    int i = r * sw + c, j = Interior(r, c, w, h);
                    double ts = surfaceT[j], rad = refl[6][j] * LingbeiGenerator.RadianceScale;
                    (ts, rad) = st[i] switch
                    {
                        Sky.Cloud => (265.0, cloudRadiance),
                        Sky.Dilated => (ts - 3, 0.95 * rad),
                        Sky.Shadow => (ts - 2, 0.98 * rad),
                        _ => (ts, rad),
                    };
                    bool fill = st[i] == Sky.Fill;
                    stv[i] = fill ? (ushort)0 : (ushort)Math.Clamp(Math.Round((ts - TemperatureAdd) / TemperatureMult), 1, 65535);
                    // Clear pixels keep the calibrated radiance DN exactly (same 0.001 scale as the stack).
                    trad[i] = fill ? (short)-9999 : st[i] == Sky.Clear ? (short)refl[6][j] : (short)Math.Round(rad / LingbeiGenerator.RadianceScale);
                    qa[i] = (ushort)(st[i] switch { Sky.Fill => QaFill, Sky.Cloud => QaCloud(sensor), Sky.Dilated => QaDilated(sensor), Sky.Shadow => QaShadow(sensor), _ => QaClear(sensor) });
                }
            layers.Add((sensor == Sensor.LandsatTM ? "ST_B6" : "ST_B10", new Raster(grid, [new RasterBand<ushort>(sw, sh, stv, 0)])));
            layers.Add(("ST_TRAD", new Raster(grid, [new RasterBand<short>(sw, sh, trad, -9999)])));
            layers.Add(("QA_PIXEL", new Raster(grid, [new RasterBand<ushort>(sw, sh, qa, 1)])));
            double cloudPct = 100.0 * st.Count(x => x is Sky.Cloud or Sky.Dilated or Sky.Shadow) / n;
            string id = ProductId(sensor, dates[s]);
            var groups = Mtl(id, sensor, dates[s], grid, cloudPct, k, s);
            scenes.Add(new LingbeiSyntheticScene(id, year, dates[s], sensor, layers, OdlText(groups), JsonText(groups), cloudPct));
        }
        return scenes;
    }

    private static int Interior(int r, int c, int w, int h) => Mirror(r - Margin, h) * w + Mirror(c - Margin, w);

    private static int Mirror(int x, int n) => x < 0 ? -x - 1 : x >= n ? 2 * n - x - 1 : x;

    private static readonly GeoTiffWriteOptions Tif = new() { Compression = GeoTiffCompression.Deflate, DeflateLevel = 6, Tiled = true, TileSize = 256 };

    /// <summary>
    /// Writes the scene as a folder <paramref name="parent"/>/<c>&lt;product id&gt;</c>, atomically: everything goes into a
    /// hidden temporary folder first, which is renamed when complete, so an interrupted run leaves no partial scene.
    /// Returns the paths of the files written.
    /// </summary>
    public static IReadOnlyList<string> Write(LingbeiSyntheticScene scene, string parent)
    {
        ArgumentNullException.ThrowIfNull(scene);
        Directory.CreateDirectory(parent);
        string final = Path.Combine(parent, scene.ProductId);
        string tmp = Path.Combine(parent, $".{scene.ProductId}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(tmp);
        try
        {
            foreach (var (suffix, r) in scene.Layers) GeoTiff.Write(r, Path.Combine(tmp, $"{scene.ProductId}_{suffix}.TIF"), Tif);
            File.WriteAllText(Path.Combine(tmp, $"{scene.ProductId}_MTL.txt"), scene.MtlText);
            File.WriteAllText(Path.Combine(tmp, $"{scene.ProductId}_MTL.json"), scene.MtlJson);
            if (Directory.Exists(final)) Directory.Delete(final, true);
            Directory.Move(tmp, final);
        }
        catch
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
            throw;
        }
        return scene.FileNames.Select(f => Path.Combine(final, f)).ToList();
    }

    /// <summary>
    /// The study-area boundary of the sample as GeoJSON in WGS 84 longitude/latitude (RFC 7946, as users usually have
    /// it): the sample grid's rectangle inset by <see cref="BoundaryInset"/> m, each edge densified to 32 vertices so the
    /// straight UTM edges survive the reprojection. It masks no pixel of the calibrated grid and its bounding box snaps
    /// back to exactly that grid. SYNTHETIC: the paper's real boundary is irregular.
    /// </summary>
    public static string BoundaryGeoJson(LingbeiSampleOptions o)
    {
        var (minX, minY, maxX, maxY) = o.Grid.Extent;
        minX += BoundaryInset; minY += BoundaryInset; maxX -= BoundaryInset; maxY -= BoundaryInset;
        var tr = new CrsTransform(o.Grid.Crs, SpatialReference.Wgs84, "sample grid", "EPSG:4326");
        var corners = new[] { (minX, maxY), (maxX, maxY), (maxX, minY), (minX, minY) };
        var ring = new List<string>();
        const int Steps = 32;
        for (int e = 0; e < 4; e++)
        {
            var (x0, y0) = corners[e];
            var (x1, y1) = corners[(e + 1) % 4];
            for (int s = 0; s < Steps; s++)
            {
                double f = (double)s / Steps;
                var (lon, lat) = tr.Transform(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
                ring.Add(string.Create(CultureInfo.InvariantCulture, $"[{lon:F8}, {lat:F8}]"));
            }
        }
        ring.Reverse();     // RFC 7946: exterior rings counter-clockwise
        ring.Add(ring[0]);
        return "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\n      \"type\": \"Feature\",\n"
            + "      \"properties\": { \"name\": \"Lingbei sample study area\", \"note\": \"SYNTHETIC: the rectangle of the sample grid (EPSG:32650) inset by 3 m, in WGS 84 lon/lat; the paper's real boundary is irregular\" },\n"
            + "      \"geometry\": { \"type\": \"Polygon\", \"coordinates\": [[\n        "
            + string.Join(",\n        ", ring) + "\n      ]] }\n    }\n  ]\n}\n";
    }

    // ---- MTL metadata ----

    private static List<(string Group, List<(string Key, string Value, bool Quoted)> Items)> Mtl(string id, Sensor sensor, DateOnly date, RasterGrid grid,
        double cloudPct, ThermalConstants k, int s)
    {
        string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
        bool tm = sensor == Sensor.LandsatTM;
        int thermal = tm ? 6 : 10;
        var reflBands = tm ? new[] { 1, 2, 3, 4, 5, 7 } : [1, 2, 3, 4, 5, 6, 7];
        var contents = new List<(string, string, bool)>
        {
            ("ORIGIN", "SYNTHETIC: EcoNotebooks LingbeiGenerator, not U.S. Geological Survey data", true),
            ("LANDSAT_PRODUCT_ID", id, true),
            ("PROCESSING_LEVEL", "L2SP", true),
            ("COLLECTION_NUMBER", "02", false),
            ("COLLECTION_CATEGORY", "T1", true),
            ("OUTPUT_FORMAT", "GEOTIFF", true),
        };
        foreach (int b in reflBands) contents.Add(($"FILE_NAME_BAND_{b}", $"{id}_SR_B{b}.TIF", true));
        contents.Add(($"FILE_NAME_BAND_ST_B{thermal}", $"{id}_ST_B{thermal}.TIF", true));
        contents.Add(("FILE_NAME_THERMAL_RADIANCE", $"{id}_ST_TRAD.TIF", true));
        contents.Add(("FILE_NAME_QUALITY_L1_PIXEL", $"{id}_QA_PIXEL.TIF", true));
        contents.Add(("FILE_NAME_METADATA_ODL", $"{id}_MTL.txt", true));
        foreach (int b in reflBands) contents.Add(($"DATA_TYPE_BAND_{b}", "UINT16", true));
        contents.Add(($"DATA_TYPE_BAND_ST_B{thermal}", "UINT16", true));
        contents.Add(("DATA_TYPE_THERMAL_RADIANCE", "INT16", true));
        contents.Add(("DATA_TYPE_QUALITY_L1_PIXEL", "UINT16", true));
        var image = new List<(string, string, bool)>
        {
            ("SPACECRAFT_ID", tm ? "LANDSAT_5" : "LANDSAT_8", true),
            ("SENSOR_ID", tm ? "TM" : "OLI_TIRS", true),
            ("WRS_TYPE", "2", false), ("WRS_PATH", "121", false), ("WRS_ROW", "43", false),
            ("DATE_ACQUIRED", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
            ("SCENE_CENTER_TIME", $"02:{(tm ? 31 : 40)}:{12 + 7 * s:00}.{4_180_000 + 911 * s:0000000}Z", true),
            ("CLOUD_COVER", F(cloudPct, "0.00"), false),
            ("CLOUD_COVER_LAND", F(cloudPct, "0.00"), false),
        };
        var (minX, _, _, maxY) = grid.Extent;
        var proj = new List<(string, string, bool)>
        {
            ("MAP_PROJECTION", "UTM", true), ("DATUM", "WGS84", true), ("ELLIPSOID", "WGS84", true), ("UTM_ZONE", "50", false),
            ("GRID_CELL_SIZE_REFLECTIVE", "30.00", false), ("GRID_CELL_SIZE_THERMAL", "30.00", false),
            ("REFLECTIVE_LINES", grid.Height.ToString(CultureInfo.InvariantCulture), false),
            ("REFLECTIVE_SAMPLES", grid.Width.ToString(CultureInfo.InvariantCulture), false),
            ("ORIENTATION", "NORTH_UP", true),
            ("CORNER_UL_PROJECTION_X_PRODUCT", F(minX, "0.000"), false),
            ("CORNER_UL_PROJECTION_Y_PRODUCT", F(maxY, "0.000"), false),
        };
        var sr = new List<(string, string, bool)>();
        foreach (int b in reflBands) { sr.Add(($"REFLECTANCE_MULT_BAND_{b}", "2.75E-05", false)); sr.Add(($"REFLECTANCE_ADD_BAND_{b}", "-0.200000", false)); }
        var stp = new List<(string, string, bool)>
        {
            ($"TEMPERATURE_MULT_BAND_ST_B{thermal}", "0.00341802", false),
            ($"TEMPERATURE_ADD_BAND_ST_B{thermal}", "149.000000", false),
        };
        var kc = new List<(string, string, bool)>
        {
            ($"K1_CONSTANT_BAND_{thermal}", F(k.K1, "0.0000"), false),
            ($"K2_CONSTANT_BAND_{thermal}", F(k.K2, "0.0000"), false),
        };
        return
        [
            ("PRODUCT_CONTENTS", contents), ("IMAGE_ATTRIBUTES", image), ("PROJECTION_ATTRIBUTES", proj),
            ("LEVEL2_SURFACE_REFLECTANCE_PARAMETERS", sr), ("LEVEL2_SURFACE_TEMPERATURE_PARAMETERS", stp),
            ("LEVEL1_THERMAL_CONSTANTS", kc),
        ];
    }

    private static string OdlText(List<(string Group, List<(string Key, string Value, bool Quoted)> Items)> groups)
    {
        var sb = new StringBuilder("GROUP = LANDSAT_METADATA_FILE\n");
        foreach (var (g, items) in groups)
        {
            sb.Append("  GROUP = ").Append(g).Append('\n');
            foreach (var (key, value, quoted) in items) sb.Append("    ").Append(key).Append(" = ").Append(quoted ? $"\"{value}\"" : value).Append('\n');
            sb.Append("  END_GROUP = ").Append(g).Append('\n');
        }
        return sb.Append("END_GROUP = LANDSAT_METADATA_FILE\nEND\n").ToString();
    }

    private static string JsonText(List<(string Group, List<(string Key, string Value, bool Quoted)> Items)> groups)
    {
        var root = new Dictionary<string, object>
        {
            ["LANDSAT_METADATA_FILE"] = groups.ToDictionary(g => g.Group, g => g.Items.ToDictionary(i => i.Key, i => i.Value)),
        };
        return JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
