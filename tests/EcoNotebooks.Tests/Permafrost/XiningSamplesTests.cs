using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Permafrost;

[Collection("cli")]
public sealed class XiningSamplesTests
{
    [Fact]
    public void AirTemperature_HasTheDocumentedClimate_AndIsSeeded()
    {
        var x = XiningSamples.AirTemperature(XiningSite.Xining, 40, seed: 5);
        var m = XiningSamples.AirTemperature(XiningSite.Muli, 40, seed: 5);
        Assert.Equal(40 * 365, x.Length);
        Assert.Equal(6 + 0.35 / 2, x.Average(), 0.3);   // mean MAAT over 40 years = 6 + half the trend
        Assert.Equal(-4 + 0.35 / 2, m.Average(), 0.3);
        Assert.Equal(x, XiningSamples.AirTemperature(XiningSite.Xining, 40, seed: 5));
        Assert.NotEqual(x, XiningSamples.AirTemperature(XiningSite.Xining, 40, seed: 6));
        // Smooth series: January minimum ≈ MAAT − amplitude, July maximum ≈ MAAT + amplitude.
        var s = XiningSamples.AirTemperature(XiningSite.Xining, 1, noise: false, warmingPerFourDecades: 0);
        Assert.Equal(6 - 12.4, s.Min(), 1e-6);
        Assert.Equal(15, Array.IndexOf(s, s.Min()));
        // Trend of a noise-free 40-year series: difference of the first and last year means = 0.35·39/40.
        var t = XiningSamples.AirTemperature(XiningSite.Muli, 40, noise: false);
        Assert.Equal(0.35 * 39 / 40, t.Skip(39 * 365).Average() - t.Take(365).Average(), 1e-9);
    }

    [Fact]
    public void Dem_IsCentredOnXiningInUtm48N()
    {
        var dem = XiningSamples.Dem();
        Assert.Equal(32648, dem.Grid.Crs.Epsg);
        var (minX, minY, maxX, maxY) = dem.Grid.Extent;
        Assert.Equal(212_034, (minX + maxX) / 2, 1);
        Assert.Equal(4_057_549, (minY + maxY) / 2, 1);
        var (c, r) = dem.Grid.Transform.ToPixel(212_034, 4_057_549);
        Assert.InRange(dem.Band(0)[(int)c, (int)r], 2150, 2450);
        Assert.InRange(dem.Band(0).ToDoubleArray().Max(), 3600, 4800);
    }

    [Fact]
    public void Cli_SamplesXining_WritesReadableFiles()
    {
        using var tmp = new TempDir();
        var j = CliRunner.RunJson("samples-xining", "--out", tmp.Path, "--years", "3", "--seed", "9", "--json");
        Assert.Equal(tmp.Path, j.GetProperty("out").GetString());
        Assert.Equal(9, j.GetProperty("seed").GetInt32());
        var names = j.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(new[] { "README.md", "air_temperature.csv", "soil_profiles.csv", "dem.asc", "dem.prj", "dem.tif", "twin_borehole.csv", "twin_fibre.csv", "twin_truth_parameters.csv", "twin_air_temperature.csv" }, names);
        foreach (var f in j.GetProperty("files").EnumerateArray())
            Assert.Equal(new FileInfo(tmp.File(f.GetProperty("name").GetString()!)).Length, f.GetProperty("bytes").GetInt64());
        var air = CsvTable.Read(tmp.File("air_temperature.csv"), ["day", "xining_air_c", "muli_air_c"]);
        Assert.Equal(3 * 365, air.Rows.Count);
        var expected = XiningSamples.AirTemperature(XiningSite.Xining, 3, 9);
        Assert.Equal(expected[100], CsvTable.NumericColumn(air, "xining_air_c")[100], 1e-3);
        var obs = CsvTable.Read(tmp.File("twin_borehole.csv"), ["day", "depth_m", "observed_c", "truth_c"]);
        var resid = CsvTable.NumericColumn(obs, "observed_c").Zip(CsvTable.NumericColumn(obs, "truth_c"), (a, b) => a - b).ToArray();
        double sd = Math.Sqrt(resid.Select(v => v * v).Average());
        Assert.InRange(sd, 0.08, 0.12);   // σ = 0.1 K
        var asc = File.ReadAllLines(tmp.File("dem.asc"));
        Assert.Equal("ncols 160", asc[0]);
        Assert.Equal("nrows 120", asc[1]);
        Assert.Contains("UTM zone 48N", File.ReadAllText(tmp.File("dem.prj")));
        var tif = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(tmp.File("dem.tif"));
        Assert.Equal(32648, tif.Grid.Crs.Epsg);
        Assert.True(tif.Grid.Matches(XiningSamples.Dem(seed: 10).Grid));
        Assert.Equal((float)XiningSamples.Dem(seed: 10).Band(0)[80, 60], tif.Band(0)[80, 60], 1e-3);

        Assert.Contains("(seed 9)", File.ReadAllText(tmp.File("README.md")));
        Assert.DoesNotContain("{SEED", File.ReadAllText(tmp.File("README.md")));
        var (code, stdout, _) = CliRunner.Run("samples-xining", "--out", tmp.Path, "--years", "1");
        Assert.Equal(0, code);
        Assert.Contains("dem.asc", stdout);
        var (bad, _, err) = CliRunner.Run("samples-xining", "--out", tmp.Path, "--years", "0");
        Assert.Equal(1, bad);
        Assert.Contains("--years", err);
    }

    [Fact]
    public void Cli_SamplesXiningSubcommand_WritesTheSameSet()
    {
        using var tmp = new TempDir();
        var (code, stdout, stderr) = CliRunner.Run("samples", "xining", "--out", tmp.Path, "--seed", "3");
        Assert.True(code == 0, stderr);
        Assert.Contains("twin_borehole.csv", stdout);
        Assert.True(File.Exists(tmp.File("README.md")));
        Assert.Equal(30 * 365 + 1, File.ReadAllLines(tmp.File("air_temperature.csv")).Length);
    }

    [SkippableFact]
    public void Dem_AsciiGrid_IsReadByGdal()
    {
        var gdalinfo = ExternalTools.Require("gdalinfo", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        XiningSamples.WriteAsciiGrid(XiningSamples.Dem(20, 10, 250, seed: 1), tmp.File("dem.asc"));
        var (code, stdout, stderr) = ExternalTools.Run(gdalinfo, ["-json", tmp.File("dem.asc")]);
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(20, root.GetProperty("size")[0].GetInt32());
        var gt = root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var expected = XiningSamples.Dem(20, 10, 250, seed: 1).Grid.Transform.ToArray();
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i], gt[i], 6);
        Assert.Contains("32648", root.GetProperty("coordinateSystem").GetProperty("wkt").GetString());
    }
}
