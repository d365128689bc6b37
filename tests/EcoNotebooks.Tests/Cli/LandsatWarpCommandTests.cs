using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.Tests.RemoteSensing.Landsat;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

/// <summary><c>econb landsat composite</c> and <c>econb warp</c>: JSON contracts, outputs, and no partial output on bad input.</summary>
[Collection("cli")]
public sealed class LandsatWarpCommandTests
{
    private static readonly string[] CompositeKeys = ["period", "scenes", "method", "width", "height", "epsg", "geotransform", "clear_pixels", "files"];

    [Fact]
    public void Composite_WritesAllLayers_AndReportsContract()
    {
        using var tmp = new TempDir();
        var a = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => c < 5 ? LandsatFixture.QaCloud : LandsatFixture.QaClear, 0);
        var b = LandsatFixture.WriteScene(tmp.Path, "20201002", (c, r) => LandsatFixture.QaClear, 1, "xml");
        var c2 = LandsatFixture.WriteScene(tmp.Path, "20210115", (c, r) => LandsatFixture.QaClear, 2, "json");   // outside the period
        var outDir = Path.Combine(tmp.Path, "out");
        var json = CliRunner.RunJson("landsat", "composite", a, b, c2, "--from", "2020-08-01", "--to", "2020-12-31", "--method", "median", "--out", outDir, "--json");
        Assert.Equal(CompositeKeys, json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(2, json.GetProperty("scenes").GetArrayLength());
        Assert.Equal(LandsatFixture.Width * LandsatFixture.Height, json.GetProperty("clear_pixels").GetInt64());
        Assert.Equal(32649, json.GetProperty("epsg").GetInt32());
        var names = json.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToArray();
        Assert.Equal(["blue.tif", "green.tif", "red.tif", "nir.tif", "swir1.tif", "swir2.tif", "thermal_radiance.tif", "surface_temperature.tif", "clear.tif"], names);
        var nir = GeoTiff.Read(Path.Combine(outDir, "nir.tif"));
        Assert.Equal(LandsatFixture.Rho(5, 2, 3, 1), nir.Band(0)[2, 3], 1e-6);   // only scene b clear there
        Assert.Equal((LandsatFixture.Rho(5, 20, 3, 0) + LandsatFixture.Rho(5, 20, 3, 1)) / 2, nir.Band(0)[20, 3], 1e-6);
        Assert.Single(Directory.GetFiles(outDir, "nir*"));
    }

    [Fact]
    public void Composite_WithoutClearPixels_FailsInOneLine_AndWritesNothing()
    {
        using var tmp = new TempDir();
        var a = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => LandsatFixture.QaCloud, 0);
        var outDir = Path.Combine(tmp.Path, "out");
        var (code, _, err) = CliRunner.Run("landsat", "composite", a, "--from", "2020-08-01", "--to", "2020-12-31", "--out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("no clear pixel", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir) && Directory.GetFiles(outDir).Length > 0);
    }

    [Fact]
    public void Warp_Like_MatchesLibrary()
    {
        using var tmp = new TempDir();
        var src = Raster.FromArray(RasterGrid.NorthUp(30, 20, 600_000, 4_000_000, 30, SpatialReference.Utm(49)), Enumerable.Range(0, 600).Select(i => (float)(i % 30 + i / 30)).ToArray());
        var reference = Raster.Create(RasterGrid.NorthUp(9, 6, 600_000, 4_000_000, 90, SpatialReference.Utm(49)), PixelType.Float32);
        GeoTiff.Write(src, tmp.File("in.tif"));
        GeoTiff.Write(reference, tmp.File("ref.tif"));
        var json = CliRunner.RunJson("warp", tmp.File("in.tif"), tmp.File("out.tif"), "--like", tmp.File("ref.tif"), "-r", "average", "--json");
        Assert.Equal(["width", "height", "epsg", "geotransform", "method", "valid"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(54, json.GetProperty("valid").GetInt64());
        var expected = Warper.Warp(src, reference.Grid, ResamplingMethod.Average).Band(0).ToDoubleArray();
        Assert.Equal(expected, GeoTiff.Read(tmp.File("out.tif")).Band(0).ToDoubleArray());
        Assert.Equal(2.0, expected[0], 6); // mean of c + r over the 3×3 block c, r in 0..2
        var (code, _, err) = CliRunner.Run("warp", tmp.File("in.tif"), tmp.File("o2.tif"), "--t-srs", "2000", "--tr", "10", "--te", "0", "0", "10", "10");
        Assert.Equal(1, code);
        Assert.Contains("EPSG:2000", err);
        Assert.False(File.Exists(tmp.File("o2.tif")));
    }
}
