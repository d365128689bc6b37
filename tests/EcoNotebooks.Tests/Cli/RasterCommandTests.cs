using System.Text.Json;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.IO.GeoTiff;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

/// <summary><c>econb raster info|copy</c>: the JSON contract, the copy, and one-line errors for bad inputs.</summary>
[Collection("cli")]
public sealed class RasterCommandTests
{
    private static readonly string[] InfoKeys = ["width", "height", "bands", "dtype", "geotransform", "epsg", "nodata", "valid", "min", "max", "mean"];

    private static string Sample(TempDir dir, PixelType type = PixelType.Int16, double? noData = -9999, string name = "in.tif")
    {
        var src = GeoTiffTestData.Random(type, GeoTiffTestData.Utm(70, 45), noData: noData);
        string path = dir.File(name);
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 });
        return path;
    }

    [Fact]
    public void InfoJsonHasExactlyTheContractKeysAndValues()
    {
        using var dir = new TempDir();
        string path = Sample(dir);
        var json = CliRunner.RunJson("raster", "info", path, "--json");
        Assert.Equal(InfoKeys, json.EnumerateObject().Select(p => p.Name).ToArray());
        var src = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(path);
        var stats = RasterStatistics.Compute(src);
        Assert.Equal(70, json.GetProperty("width").GetInt32());
        Assert.Equal(45, json.GetProperty("height").GetInt32());
        Assert.Equal(1, json.GetProperty("bands").GetInt32());
        Assert.Equal("int16", json.GetProperty("dtype").GetString());
        Assert.Equal([500000.5, 30, 0, 1600000.25, 0, -30], json.GetProperty("geotransform").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Assert.Equal(32647, json.GetProperty("epsg").GetInt32());
        Assert.Equal(-9999, json.GetProperty("nodata").GetDouble());
        Assert.Equal(stats.Valid, json.GetProperty("valid").GetInt64());
        Assert.True(stats.Valid < 70 * 45); // nodata pixels are excluded
        Assert.Equal(stats.Min, json.GetProperty("min").GetDouble());
        Assert.Equal(stats.Max, json.GetProperty("max").GetDouble());
        // Block order differs between the in-memory raster and the tiled file, so the streamed mean may differ in the last bits.
        Assert.Equal(stats.Mean, json.GetProperty("mean").GetDouble(), 1e-12 * Math.Abs(stats.Mean));
    }

    [Fact]
    public void InfoJsonUsesNullForMissingCrsNoDataAndStatistics()
    {
        using var dir = new TempDir();
        string path = dir.File("empty.tif");
        var grid = new RasterGrid(3, 2, GeoTransform.Identity, SpatialReference.Unknown);
        var r = Raster.FromArray(grid, new float[] { float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN });
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(r, path);
        var json = CliRunner.RunJson("raster", "info", path, "--json");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("epsg").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("nodata").ValueKind);
        Assert.Equal(0, json.GetProperty("valid").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("min").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("mean").ValueKind);
        Assert.Equal("float32", json.GetProperty("dtype").GetString());
        Assert.Equal([0.0, 1, 0, 0, 0, 1], json.GetProperty("geotransform").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    [Fact]
    public void InfoWithoutJsonPrintsAReadableListing()
    {
        using var dir = new TempDir();
        string path = Sample(dir);
        var (code, stdout, stderr) = CliRunner.Run("raster", "info", path);
        Assert.True(code == 0, stderr);
        Assert.Contains("70 × 45 pixels, 1 band(s)", stdout);
        Assert.Contains("EPSG:32647", stdout);
        Assert.Contains("Nodata:        -9999", stdout);
        Assert.Contains("tiled 32×32", stdout);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("lzw", true)]
    [InlineData("deflate", false)]
    [InlineData("deflate", true)]
    public void CopyRewritesIdenticalPixels(string compress, bool tiled)
    {
        using var dir = new TempDir();
        string input = Sample(dir, PixelType.Float32, -3.5);
        string output = dir.File("sub/out.tif");
        var args = new List<string> { "raster", "copy", input, output, "--compress", compress };
        if (tiled) args.Add("--tiled");
        var (code, _, stderr) = CliRunner.Run([.. args]);
        Assert.True(code == 0, stderr);
        using var a = GeoTiffReader.Open(input);
        using var b = GeoTiffReader.Open(output);
        Assert.Equal(tiled, b.IsTiled);
        Assert.Equal(compress, b.CompressionName);
        GeoTiffTestData.AssertSame(a, b);
        Assert.Equal([output], Directory.GetFiles(dir.File("sub")));
    }

    [Fact]
    public void CopyRefusesToOverwriteTheInput()
    {
        using var dir = new TempDir();
        string input = Sample(dir);
        var before = File.ReadAllBytes(input);
        var (code, stdout, stderr) = CliRunner.Run("raster", "copy", input, Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path), "in.tif"));
        Assert.Equal(1, code);
        Assert.Contains("refusing to overwrite the input", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void CopyRejectsAnUnknownCompression()
    {
        using var dir = new TempDir();
        var (code, _, _) = CliRunner.Run("raster", "copy", Sample(dir), dir.File("o.tif"), "--compress", "zstd");
        Assert.NotEqual(0, code);
        Assert.False(File.Exists(dir.File("o.tif")));
    }

    public static TheoryData<string> BadInputs() => ["missing", "text", "truncated", "onebit", "palette", "jpeg", "corrupt-tile"];

    // Guards the error contract: one line "econb: FILE: problem" on stderr, exit 1, no stack trace, no output file.
    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputsGiveOneLineErrors(string kind)
    {
        using var dir = new TempDir();
        string path = dir.File(kind + ".tif");
        string expected;
        switch (kind)
        {
            case "missing": expected = "file not found"; break;
            case "text": File.WriteAllText(path, "not a raster\n"); expected = "not a TIFF file"; break;
            case "truncated":
                {
                    var bytes = File.ReadAllBytes(Sample(dir));
                    File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
                    expected = "truncated";
                    break;
                }
            case "onebit": LibTiffFixtures.OneBit(path); expected = "BitsPerSample (258) = 1"; break;
            case "palette": LibTiffFixtures.Palette(path); expected = "PhotometricInterpretation (262) = 3"; break;
            case "jpeg": LibTiffFixtures.JpegCompressed(path); expected = "Compression (259) = 7 (JPEG)"; break;
            default:
                {
                    string good = Sample(dir);
                    var (offset, length) = LibTiffFixtures.BlockExtent(good, 1);
                    var bytes = File.ReadAllBytes(good);
                    for (long i = offset; i < offset + length; i++) bytes[i] = 0xFF;
                    File.WriteAllBytes(path, bytes);
                    expected = "tile 1";
                    break;
                }
        }
        foreach (var args in new[] { new[] { "raster", "info", path, "--json" }, ["raster", "copy", path, dir.File("out.tif")] })
        {
            var (code, stdout, stderr) = CliRunner.Run(args);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            var lines = stderr.TrimEnd('\n').Split('\n');
            Assert.True(lines.Length == 1, $"expected one line, got: {stderr}");
            Assert.StartsWith($"econb: {path}: ", lines[0]);
            Assert.Contains(expected, lines[0]);
            Assert.DoesNotContain("   at ", stderr);
            Assert.False(File.Exists(dir.File("out.tif")));
        }
    }

    [Fact]
    public void VerboseAddsTheStackTrace()
    {
        using var dir = new TempDir();
        string path = dir.File("t.tif");
        File.WriteAllText(path, "x");
        var (code, _, stderr) = CliRunner.Run("raster", "info", path, "--verbose");
        Assert.Equal(1, code);
        Assert.Contains("   at ", stderr);
    }
}
