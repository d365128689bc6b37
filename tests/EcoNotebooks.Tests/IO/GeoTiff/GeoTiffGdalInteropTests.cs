using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>
/// Interop with GDAL 3.6, the reference implementation of GeoTIFF: files made by GDAL are described by
/// <c>econb raster info --json</c> exactly as <c>gdalinfo -json -stats -hist</c> describes them, and files written by
/// <c>econb raster copy</c> are read by GDAL with the same geotransform, EPSG, nodata, statistics and checksum.
/// Tolerance: statistics to 1e-9 relative (gdalinfo prints them with 14 significant digits); geotransform, EPSG,
/// nodata, valid count, checksum exactly.
/// </summary>
[Collection("cli")]
public sealed class GeoTiffGdalInteropTests
{
    private const int W = 203, H = 151; // not multiples of the 64-pixel tiles or of GDAL's strips
    private static readonly double[] KnownTransform = [500000.5, 30, 0, 1600000.25, 0, -30];

    private static string Require(string exe) => ExternalTools.Require(exe, "apt-get install gdal-bin");

    /// <summary>
    /// Makes a GeoTIFF with gdal_translate from an ESRI ASCII grid of deterministic values (seed 2024):
    /// "f32" tiled 64×64 DEFLATE float32 PREDICTOR=3; "i16" stripped LZW int16 PREDICTOR=2 with nodata −9999;
    /// "u8" plain stripped uncompressed uint8. All in EPSG:32647 with geotransform <see cref="KnownTransform"/>.
    /// </summary>
    private static string MakeWithGdal(TempDir dir, string kind)
    {
        string gdalTranslate = Require("gdal_translate");
        var rng = new Random(2024);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ncols {W}\nnrows {H}\nxllcorner 500000.5\nyllcorner {1600000.25 - H * 30.0}\ncellsize 30\n");
        if (kind == "i16") sb.Append("NODATA_value -9999\n");
        for (int r = 0; r < H; r++)
        {
            for (int c = 0; c < W; c++)
            {
                string v = kind switch
                {
                    "f32" => (100 + 40 * (rng.NextDouble() - 0.5) * (1 + r / 50.0)).ToString("R", CultureInfo.InvariantCulture),
                    "i16" => ((r * W + c) % 37 == 3 ? -9999 : rng.Next(-500, 3001)).ToString(CultureInfo.InvariantCulture),
                    _ => rng.Next(0, 256).ToString(CultureInfo.InvariantCulture),
                };
                sb.Append(v).Append(c + 1 < W ? ' ' : '\n');
            }
        }
        string asc = dir.File(kind + ".asc");
        File.WriteAllText(asc, sb.ToString());
        string tif = dir.File(kind + ".tif");
        string[] options = kind switch
        {
            "f32" => ["-ot", "Float32", "-co", "TILED=YES", "-co", "BLOCKXSIZE=64", "-co", "BLOCKYSIZE=64", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=3"],
            "i16" => ["-ot", "Int16", "-co", "COMPRESS=LZW", "-co", "PREDICTOR=2"],
            _ => ["-ot", "Byte"],
        };
        var (code, _, err) = ExternalTools.Run(gdalTranslate, [.. options, "-q", "-a_srs", "EPSG:32647", "-of", "GTiff", asc, tif]);
        Assert.True(code == 0, $"gdal_translate failed: {err}");
        return tif;
    }

    private static JsonElement GdalInfo(string path, params string[] extra)
    {
        var (code, stdout, stderr) = ExternalTools.Run(Require("gdalinfo"), ["-json", .. extra, path]);
        Assert.True(code == 0, $"gdalinfo {path} failed: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    private static double Stat(JsonElement band, string name) =>
        double.Parse(band.GetProperty("metadata").GetProperty("").GetProperty("STATISTICS_" + name).GetString()!, CultureInfo.InvariantCulture);

    private static void AssertRelative(double expected, double actual, double rel, string what) =>
        Assert.True(Math.Abs(expected - actual) <= rel * Math.Max(1e-300, Math.Abs(expected)), $"{what}: GDAL {expected:R}, econb {actual:R}");

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static double? GdalNoData(JsonElement band) =>
        band.TryGetProperty("noDataValue", out var nd) ? nd.ValueKind == JsonValueKind.Number ? nd.GetDouble() : double.NaN : null;

    private static int? GdalEpsg(JsonElement info) =>
        info.TryGetProperty("stac", out var stac) && stac.TryGetProperty("proj:epsg", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;

    [SkippableTheory]
    [InlineData("f32", "float32", true, "deflate", 3)]
    [InlineData("i16", "int16", false, "lzw", 2)]
    [InlineData("u8", "uint8", false, "none", 1)]
    public void InfoJsonMatchesGdalinfoOnGdalFiles(string kind, string dtype, bool tiled, string compression, int predictor)
    {
        using var dir = new TempDir();
        string path = MakeWithGdal(dir, kind);
        using (var r = GeoTiffReader.Open(path)) // the fixture really has the intended layout
        {
            Assert.Equal(tiled, r.IsTiled);
            Assert.Equal(compression, r.CompressionName);
            Assert.Equal(predictor, r.Predictor);
        }
        var ours = CliRunner.RunJson("raster", "info", path, "--json");
        var g = GdalInfo(path, "-stats", "-hist");
        var band = g.GetProperty("bands")[0];

        Assert.Equal(Doubles(g.GetProperty("size")), new[] { ours.GetProperty("width").GetDouble(), ours.GetProperty("height").GetDouble() });
        Assert.Equal(g.GetProperty("bands").GetArrayLength(), ours.GetProperty("bands").GetInt32());
        Assert.Equal(dtype, ours.GetProperty("dtype").GetString());
        Assert.Equal(Doubles(g.GetProperty("geoTransform")), Doubles(ours.GetProperty("geotransform")));
        Assert.Equal(KnownTransform, Doubles(ours.GetProperty("geotransform")));
        Assert.Equal(GdalEpsg(g), ours.GetProperty("epsg").GetInt32());
        Assert.Equal(32647, ours.GetProperty("epsg").GetInt32());
        var nd = ours.GetProperty("nodata");
        Assert.Equal(GdalNoData(band), nd.ValueKind == JsonValueKind.Null ? null : nd.GetDouble());
        long gdalValid = band.GetProperty("histogram").GetProperty("buckets").EnumerateArray().Sum(b => b.GetInt64());
        Assert.Equal(gdalValid, ours.GetProperty("valid").GetInt64());
        if (kind == "i16") Assert.True(gdalValid < W * H);
        AssertRelative(Stat(band, "MINIMUM"), ours.GetProperty("min").GetDouble(), 1e-9, "min");
        AssertRelative(Stat(band, "MAXIMUM"), ours.GetProperty("max").GetDouble(), 1e-9, "max");
        AssertRelative(Stat(band, "MEAN"), ours.GetProperty("mean").GetDouble(), 1e-9, "mean");
    }

    public static TheoryData<string, string, bool> CopyCases()
    {
        var d = new TheoryData<string, string, bool>();
        foreach (var kind in new[] { "f32", "i16", "u8" })
            foreach (var c in new[] { "none", "lzw", "deflate" })
                foreach (bool t in new[] { false, true })
                    d.Add(kind, c, t);
        return d;
    }

    [SkippableTheory]
    [MemberData(nameof(CopyCases))]
    public void GdalReadsWhatEconbRasterCopyWrites(string kind, string compress, bool tiled)
    {
        using var dir = new TempDir();
        string input = MakeWithGdal(dir, kind);
        string output = dir.File($"copy-{compress}-{tiled}.tif");
        var args = new List<string> { "raster", "copy", input, output, "--compress", compress };
        if (tiled) args.Add("--tiled");
        var (code, _, stderr) = CliRunner.Run([.. args]);
        Assert.True(code == 0, stderr);

        var gin = GdalInfo(input, "-stats", "-checksum");
        var gout = GdalInfo(output, "-stats", "-checksum");
        var bin = gin.GetProperty("bands")[0];
        var bout = gout.GetProperty("bands")[0];
        Assert.Equal(Doubles(gin.GetProperty("size")), Doubles(gout.GetProperty("size")));
        Assert.Equal(Doubles(gin.GetProperty("geoTransform")), Doubles(gout.GetProperty("geoTransform")));
        Assert.Equal(32647, GdalEpsg(gout));
        Assert.Equal(GdalNoData(bin), GdalNoData(bout));
        Assert.Equal(bin.GetProperty("type").GetString(), bout.GetProperty("type").GetString());
        Assert.Equal(bin.GetProperty("checksum").GetInt32(), bout.GetProperty("checksum").GetInt32());
        foreach (var s in new[] { "MINIMUM", "MAXIMUM", "MEAN", "STDDEV", "VALID_PERCENT" })
            AssertRelative(Stat(bin, s), Stat(bout, s), 1e-9, s);
        var structure = gout.GetProperty("metadata").GetProperty("IMAGE_STRUCTURE");
        string? gdalCompression = structure.TryGetProperty("COMPRESSION", out var cp) ? cp.GetString() : null;
        Assert.Equal(compress == "none" ? null : compress.ToUpperInvariant(), gdalCompression);
        if (tiled) Assert.Equal(new[] { 256.0, 256 }, Doubles(bout.GetProperty("block")));
        else Assert.Equal(W, bout.GetProperty("block")[0].GetInt32());
    }

    /// <summary>
    /// More layouts made with GDAL's Python bindings (python3-gdal): pixel- and band-interleaved multi-band, PixelIsPoint,
    /// rotated geotransform, geographic CRS, PackBits, big-endian with predictors, float64 with NaN nodata, float64 with
    /// PREDICTOR=2 (decoded by our own LZW/DEFLATE path because LibTiff.NET refuses it). The script
    /// prints GDAL's view (geotransform, EPSG, nodata) and numpy's per-band statistics of the valid pixels, which our
    /// reader must reproduce (valid, min, max exactly; mean to 1e-12 relative).
    /// </summary>
    [SkippableFact]
    public void ReaderMatchesGdalOnMoreLayouts()
    {
        Require("gdalinfo");
        string python = ExternalTools.Require("/usr/bin/python3", "apt-get install python3-gdal python3-numpy");
        using var dir = new TempDir();
        const string script = """
import json, sys
import numpy as np
from osgeo import gdal, osr
gdal.UseExceptions()
out = sys.argv[1]
rng = np.random.default_rng(7)
def srs(epsg):
    s = osr.SpatialReference(); s.ImportFromEPSG(epsg); return s.ExportToWkt()
specs = [
  ("pixel3_int32_lzw", gdal.GDT_Int32, 3, ["INTERLEAVE=PIXEL", "COMPRESS=LZW", "PREDICTOR=2"], 32647, [500000.5, 30, 0, 1600000.25, 0, -30], -1, {}),
  ("band3_uint16_tiled", gdal.GDT_UInt16, 3, ["INTERLEAVE=BAND", "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32", "COMPRESS=DEFLATE"], 32648, [300000, 10, 0, 2000000, 0, -10], 0, {}),
  ("point_float64", gdal.GDT_Float64, 1, ["COMPRESS=DEFLATE", "PREDICTOR=3"], 32647, [500000, 30, 0, 1600000, 0, -30], None, {"AREA_OR_POINT": "Point"}),
  ("rotated_int16", gdal.GDT_Int16, 1, [], 32647, [500000, 29.5, 4.25, 1600000, 3.75, -29.5], -32768, {}),
  ("geographic_float32", gdal.GDT_Float32, 1, ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], 4326, [99.5, 0.00025, 0, 14.75, 0, -0.00025], -9999, {}),
  ("packbits_uint8", gdal.GDT_Byte, 1, ["COMPRESS=PACKBITS"], 32647, [500000, 30, 0, 1600000, 0, -30], 255, {}),
  ("bigendian_float32", gdal.GDT_Float32, 2, ["ENDIANNESS=BIG", "COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], 32647, [500000, 30, 0, 1600000, 0, -30], None, {}),
  ("bigendian_int16", gdal.GDT_Int16, 1, ["ENDIANNESS=BIG", "COMPRESS=LZW", "PREDICTOR=2"], 32647, [500000, 30, 0, 1600000, 0, -30], -9999, {}),
  ("nan_nodata_float64", gdal.GDT_Float64, 1, ["COMPRESS=LZW"], 32647, [500000, 30, 0, 1600000, 0, -30], float("nan"), {}),
  ("pred2_float64_lzw_bigendian", gdal.GDT_Float64, 2, ["COMPRESS=LZW", "PREDICTOR=2", "ENDIANNESS=BIG", "INTERLEAVE=PIXEL"], 32647, [500000, 30, 0, 1600000, 0, -30], -9999, {}),
  ("pred2_float64_deflate_tiled", gdal.GDT_Float64, 1, ["COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], 32647, [500000, 30, 0, 1600000, 0, -30], None, {}),
]
result = {}
for name, dt, nb, co, epsg, gt, nodata, md in specs:
    w, h = 45, 37
    path = f"{out}/{name}.tif"
    ds = gdal.GetDriverByName("GTiff").Create(path, w, h, nb, dt, co)
    for k, v in md.items(): ds.SetMetadataItem(k, v)
    ds.SetGeoTransform(gt); ds.SetProjection(srs(epsg))
    np_type = {gdal.GDT_Int32: np.int32, gdal.GDT_UInt16: np.uint16, gdal.GDT_Float64: np.float64, gdal.GDT_Int16: np.int16, gdal.GDT_Float32: np.float32, gdal.GDT_Byte: np.uint8}[dt]
    for b in range(1, nb + 1):
        if np.issubdtype(np_type, np.floating):
            a = rng.normal(50 * b, 10, (h, w)).astype(np_type); a[3, 4] = np.nan
        else:
            info = np.iinfo(np_type); a = rng.integers(info.min, info.max, (h, w), endpoint=True).astype(np_type)
        if nodata is not None and not (isinstance(nodata, float) and np.isnan(nodata)):
            a[::7, ::5] = nodata
        band = ds.GetRasterBand(b)
        if nodata is not None: band.SetNoDataValue(nodata)
        band.WriteArray(a)
    ds = None
    ds = gdal.Open(path)
    srsr = osr.SpatialReference(wkt=ds.GetProjection())
    bands = []
    for b in range(1, nb + 1):
        band = ds.GetRasterBand(b)
        a = band.ReadAsArray().astype(np.float64)
        nd = band.GetNoDataValue()
        valid = ~np.isnan(a)
        if nd is not None and not np.isnan(nd): valid &= a != nd
        v = a[valid]
        bands.append({"valid": int(valid.sum()), "min": float(v.min()), "max": float(v.max()), "mean": float(v.mean())})
    ndv = ds.GetRasterBand(1).GetNoDataValue()
    result[name] = {"geotransform": list(ds.GetGeoTransform()), "epsg": int(srsr.GetAuthorityCode(None)),
                    "nodata": None if ndv is None else ("nan" if np.isnan(ndv) else ndv), "bands": bands}
print(json.dumps(result))
""";
        string scriptPath = dir.File("make.py");
        File.WriteAllText(scriptPath, script);
        var (code, stdout, stderr) = ExternalTools.Run(python, [scriptPath, dir.Path]);
        if (code != 0 && stderr.Contains("No module named") && !ExternalTools.InCi)
            Skip.If(true, "python3-gdal/numpy not installed for /usr/bin/python3: " + stderr);
        Assert.True(code == 0, $"GDAL fixture script failed: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(11, doc.RootElement.EnumerateObject().Count());
        Assert.Equal("MM", Encoding.ASCII.GetString(File.ReadAllBytes(dir.File("bigendian_int16.tif"))[..2]));
        foreach (var file in doc.RootElement.EnumerateObject())
        {
            string path = dir.File(file.Name + ".tif");
            var g = file.Value;
            using var r = GeoTiffReader.Open(path);
            Assert.True(Doubles(g.GetProperty("geotransform")).SequenceEqual(r.Grid.Transform.ToArray()),
                $"{file.Name}: geotransform GDAL {g.GetProperty("geotransform")} vs econb {r.Grid.Transform}");
            Assert.True(g.GetProperty("epsg").GetInt32() == r.Grid.Crs.Epsg, $"{file.Name}: EPSG {g.GetProperty("epsg")} vs {r.Grid.Crs.Epsg}");
            var gnd = g.GetProperty("nodata");
            if (gnd.ValueKind == JsonValueKind.Null) Assert.Null(r.NoData);
            else if (gnd.ValueKind == JsonValueKind.String) Assert.True(r.NoData is double x && double.IsNaN(x), file.Name);
            else Assert.Equal(gnd.GetDouble(), r.NoData);
            var bands = g.GetProperty("bands");
            Assert.Equal(bands.GetArrayLength(), r.BandCount);
            for (int b = 0; b < r.BandCount; b++)
            {
                var s = RasterStatistics.Compute(r, b);
                var e = bands[b];
                string what = $"{file.Name} band {b + 1}";
                Assert.True(e.GetProperty("valid").GetInt64() == s.Valid, $"{what}: valid {e.GetProperty("valid")} vs {s.Valid}");
                Assert.True(e.GetProperty("min").GetDouble() == s.Min, $"{what}: min {e.GetProperty("min")} vs {s.Min}");
                Assert.True(e.GetProperty("max").GetDouble() == s.Max, $"{what}: max {e.GetProperty("max")} vs {s.Max}");
                AssertRelative(e.GetProperty("mean").GetDouble(), s.Mean, 1e-12, what + " mean");
            }
        }
    }

    public static TheoryData<string> EconbWritten() => ["rotated", "southup", "geographic", "cgcs2000", "multiband"];

    // Guards the writer's georeferencing tags: GDAL must see the same transform (ModelTransformation for rotated and
    // south-up grids), EPSG (GeographicTypeGeoKey for 4326/4490), nodata, bands and per-band statistics.
    [SkippableTheory]
    [MemberData(nameof(EconbWritten))]
    public void GdalReadsEconbWrittenGeoreferencingAndBands(string kind)
    {
        Require("gdalinfo");
        using var dir = new TempDir();
        var (grid, type, bands, noData, options) = kind switch
        {
            "rotated" => (new RasterGrid(41, 23, new GeoTransform(440720.25, 29.9, 3.5, 3751320.75, -2.25, -30.1), SpatialReference.Utm(11)), PixelType.UInt16, 1, (double?)null, new GeoTiffWriteOptions()),
            "southup" => (new RasterGrid(41, 23, new GeoTransform(440720.25, 30, 0, 3751320.75, 0, 30), SpatialReference.Utm(47)), PixelType.Int32, 1, -1, new GeoTiffWriteOptions { Compression = GeoTiffCompression.Lzw }),
            "geographic" => (RasterGrid.NorthUp(70, 50, 99.5, 14.75, 0.00025, SpatialReference.Wgs84), PixelType.Float32, 1, -9999, new GeoTiffWriteOptions { Tiled = true, TileSize = 32, Compression = GeoTiffCompression.Lzw }),
            "cgcs2000" => (RasterGrid.NorthUp(33, 20, 110.125, 35.5, 0.0001, SpatialReference.FromEpsg(4490)), PixelType.Float64, 1, null, new GeoTiffWriteOptions { Compression = GeoTiffCompression.None }),
            _ => (GeoTiffTestData.Utm(90, 61), PixelType.Int16, 3, -9999, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 }),
        };
        var src = GeoTiffTestData.Random(type, grid, bands, noData, seed: 11);
        string path = dir.File(kind + ".tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, options);

        var g = GdalInfo(path, "-stats", "-hist");
        Assert.Equal(grid.Transform.ToArray(), Doubles(g.GetProperty("geoTransform")));
        Assert.Equal(grid.Crs.Epsg, GdalEpsg(g));
        var gb = g.GetProperty("bands");
        Assert.Equal(bands, gb.GetArrayLength());
        for (int b = 0; b < bands; b++)
        {
            var band = gb[b];
            Assert.Equal(src.NoData, GdalNoData(band));
            var s = RasterStatistics.Compute(src, b);
            Assert.Equal(s.Valid, band.GetProperty("histogram").GetProperty("buckets").EnumerateArray().Sum(x => x.GetInt64()));
            AssertRelative(Stat(band, "MINIMUM"), s.Min, 1e-9, $"band {b + 1} min");
            AssertRelative(Stat(band, "MAXIMUM"), s.Max, 1e-9, $"band {b + 1} max");
            AssertRelative(Stat(band, "MEAN"), s.Mean, 1e-9, $"band {b + 1} mean");
            AssertRelative(Stat(band, "STDDEV"), s.StdDev, 1e-9, $"band {b + 1} stddev");
        }
    }

    // A GDAL file keeps its directory at the start, so a cut copy opens and the missing tile data is detected.
    [SkippableFact]
    public void TruncatedGdalFileIsReportedWithTheMissingTile()
    {
        using var dir = new TempDir();
        string good = MakeWithGdal(dir, "f32");
        var bytes = File.ReadAllBytes(good);
        string cut = dir.File("cut.tif");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 3 / 4)]);
        var (code, stdout, stderr) = CliRunner.Run("raster", "info", cut, "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Matches($"^econb: {System.Text.RegularExpressions.Regex.Escape(cut)}: truncated: tile \\d+ .*\n$", stderr);
    }

    [SkippableTheory]
    [InlineData("NBITS=1", "BitsPerSample (258) = 1")]
    [InlineData("COMPRESS=JPEG", "Compression (259) = 7 (JPEG)")]
    public void GdalFilesWithUnsupportedLayoutsGiveOneLineErrors(string creationOption, string expected)
    {
        using var dir = new TempDir();
        string u8 = MakeWithGdal(dir, "u8");
        string bad = dir.File("bad.tif");
        var (c, _, e) = ExternalTools.Run(Require("gdal_translate"), ["-q", "-co", creationOption, u8, bad]);
        Assert.True(c == 0, e);
        var (code, stdout, stderr) = CliRunner.Run("raster", "copy", bad, dir.File("out.tif"));
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"econb: {bad}: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(dir.File("out.tif")));
    }
}
