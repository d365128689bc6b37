using EcoNotebooks.Indicators;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Lingbei;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Samples;

/// <summary>Geometry, determinism and design of the synthetic Lingbei sample generator.</summary>
public class LingbeiSamplesTests
{
    private static readonly Lazy<LingbeiGenerator.Landscape> Land = new(() => LingbeiGenerator.BuildLandscape());

    [Fact]
    public void Grid_is_214_km2_of_30_m_in_UTM_50N_inside_the_published_extent()
    {
        var g = new LingbeiSampleOptions().Grid;
        Assert.Equal(32650, g.Crs.Epsg);
        Assert.Equal(30, g.Transform.PixelWidth);
        Assert.Equal(214, g.PixelCount * g.PixelArea / 1e6, 0);
        // 114.97–115.19° E, 24.85–25.05° N in EPSG:32650 (gdaltransform): E 294 877–317 408 m, N 2 749 866–2 771 706 m.
        var (minX, minY, maxX, maxY) = g.Extent;
        Assert.InRange(minX, 294_877, 317_408); Assert.InRange(maxX, 294_877, 317_408);
        Assert.InRange(minY, 2_749_866, 2_771_706); Assert.InRange(maxY, 2_749_866, 2_771_706);
    }

    [Fact]
    public void Landscape_is_deterministic_for_a_seed()
    {
        var a = LingbeiGenerator.BuildLandscape();
        Assert.Equal(Land.Value.Dem, a.Dem);
        Assert.Equal(Land.Value.LandCover[2], a.LandCover[2]);
        var b = LingbeiGenerator.BuildLandscape(new LingbeiSampleOptions { Seed = 7 });
        Assert.NotEqual(a.Dem, b.Dem);
    }

    [Fact]
    public void Mines_expand_to_2010_and_recover_afterwards()
    {
        var bare = Land.Value.LandCover.Select(lc => lc.Count(v => v == LingbeiGenerator.Barren)).ToArray();
        Assert.True(bare[0] < bare[1] && bare[1] < bare[2], string.Join(", ", bare));
        Assert.True(bare[3] < bare[2] && bare[4] < bare[3], string.Join(", ", bare));
        // The two named sites exist as zones 1 and 2.
        Assert.Equal("Chenaoxia", LingbeiGenerator.Sites[0].Name);
        Assert.Equal("Longchuankeng", LingbeiGenerator.Sites[1].Name);
        Assert.Contains((byte)1, Land.Value.Zones);
        Assert.Contains((byte)2, Land.Value.Zones);
        // The north-western town grows every period.
        var built = Land.Value.LandCover.Select(lc => lc.Count(v => v == LingbeiGenerator.Impervious)).ToArray();
        for (int t = 1; t < built.Length; t++) Assert.True(built[t] > built[t - 1], string.Join(", ", built));
    }

    [Fact]
    public void Sensors_are_TM_until_2010_and_OLI_after()
    {
        Assert.Equal([Sensor.LandsatTM, Sensor.LandsatTM, Sensor.LandsatTM, Sensor.LandsatOli, Sensor.LandsatOli],
            LingbeiGenerator.Years.Select(LingbeiGenerator.SensorOf));
    }

    [Fact]
    public void Thermal_band_inverts_to_plausible_surface_temperatures()
    {
        var ls = LingbeiGenerator.Landsat(Land.Value, 4);
        var (sensor, _, atm) = LingbeiGenerator.Scene(4);
        var k = SensorBands.Thermal(sensor);
        var red = ls.Band(2).ToDoubleArray(); var nir = ls.Band(3).ToDoubleArray(); var th = ls.Band(6).ToDoubleArray();
        for (int i = 0; i < red.Length; i += 997)
        {
            double ndvi = VegetationIndices.Ndvi(red[i] * 1e-4, nir[i] * 1e-4);
            double ts = LandSurfaceTemperature.SurfaceTemperature(th[i] * 1e-3, LandSurfaceTemperature.Emissivity(ndvi), atm, k);
            Assert.InRange(ts, 285, 320);
        }
    }
}

/// <summary>
/// The committed data-samples/lingbei must be what the generator writes, and the regenerated (cached, not committed)
/// Landsat scenes must match the pixel checksums pinned in generator.json.
/// </summary>
public class LingbeiCommittedSampleTests
{
    private static string Folder => RepoPaths.Of("data-samples", "lingbei");

    [Fact]
    public void Committed_layers_equal_a_fresh_generation()
    {
        var o = LingbeiSamples.ReadOptions(Folder);
        Assert.Equal(new LingbeiSampleOptions().Seed, o.Seed);
        var fresh = LingbeiGenerator.Generate(o, withLandsat: false);
        void Same(IRasterSource expected, string name)
        {
            var a = GeoTiff.Read(Path.Combine(Folder, name));
            Assert.True(a.Grid.Matches(expected.Grid), name);
            Assert.Equal(expected.BandCount, a.BandCount);
            Assert.Equal(LingbeiSamples.PixelChecksum(expected), LingbeiSamples.PixelChecksum(a));
        }
        Same(fresh.Dem, "dem.tif");
        Same(fresh.Erodibility, "erodibility.tif");
        Same(fresh.Sites, "sites.tif");
        foreach (var y in fresh.Years)
        {
            Same(y.LandCover, $"landcover_{y.Year}.tif");
            Same(y.Rainfall, $"rainfall_{y.Year}.tif");
            Same(y.Population, $"population_{y.Year}.tif");
            Same(y.Pm25, $"pm25_{y.Year}.tif");
            Same(y.Co2, $"co2_{y.Year}.tif");
        }
        Assert.Equal(LingbeiSamples.Readme(o).ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(Folder, "README.md")).ReplaceLineEndings("\n"));
        long bytes = LingbeiSamples.CommittedFileNames.Sum(f => new FileInfo(Path.Combine(Folder, f)).Length);
        Assert.True(bytes < 5_000_000, $"committed sample is {bytes} bytes");
    }

    [Fact]
    public void Regenerated_Landsat_stacks_and_scene_folders_match_the_pinned_checksums()
    {
        var o = LingbeiSamples.ReadOptions(Folder);
        var sums = LingbeiSamples.ReadChecksums(Folder);
        var sceneSums = LingbeiSamples.ReadSceneChecksums(Folder);
        Assert.Equal(13, sceneSums.Count);
        var land = LingbeiGenerator.BuildLandscape(o);
        for (int t = 0; t < LingbeiGenerator.Years.Count; t++)
        {
            int y = LingbeiGenerator.Years[t];
            Assert.Equal(sums[y], LingbeiSamples.PixelChecksum(LingbeiGenerator.Landsat(land, t)));
            // The Collection 2 scene folders built from it are pinned too, and the cached files hold exactly their pixels.
            foreach (var scene in LingbeiScenes.Build(land, t))
            {
                Assert.Equal(sceneSums[scene.ProductId], scene.Checksum());
                string dir = Path.Combine(Folder, "cache", LingbeiScenes.RelativeFolder(y, scene.ProductId));
                if (!Directory.Exists(dir)) continue;
                foreach (var (suffix, r) in scene.Layers)
                {
                    var read = GeoTiff.Read(Path.Combine(dir, $"{scene.ProductId}_{suffix}.TIF"));
                    Assert.Equal(r.PixelType, read.PixelType);
                    Assert.Equal(r.NoData, read.NoData);
                    Assert.Equal(LingbeiSamples.PixelChecksum(r), LingbeiSamples.PixelChecksum(read));
                }
                Assert.Equal(scene.MtlText, File.ReadAllText(Path.Combine(dir, $"{scene.ProductId}_MTL.txt")));
            }
        }
    }
}
