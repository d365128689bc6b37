using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Pipelines.Lingbei;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing.Landsat;
using EcoNotebooks.Samples.Lingbei;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Tests.Pipelines.Lingbei;

/// <summary>
/// The sample goes through the real-product path: Collection 2 scene folders → boundary clip → QA_PIXEL cloud mask →
/// median composite → ToBandSet gives back the calibrated layers within the C2 quantisation (|Δρ| ≤ 2.75e-5 / 2, thermal
/// radiance identical), on the committed sample (shared fixture) and on a small user-layout copy.
/// </summary>
public class LingbeiLandsatTests
{
    private static readonly Lazy<LingbeiDataset> Sample = new(() => LingbeiDataset.Load(RepoPaths.Of("data-samples", "lingbei")));

    /// <summary>Half a Collection 2 reflectance step plus float32 rounding of values ≤ 1.</summary>
    public const double ReflectanceTolerance = 2.75e-5 / 2 + 1e-7;

    private static void SameAsCalibrated(LingbeiDataset data, LingbeiSample sample)
    {
        foreach (var y in data.Years)
        {
            var cal = LingbeiDataset.FromSample(sample, [y.Year]).Years.Single();
            Assert.Equal(cal.Bands.Sensor, y.Bands.Sensor);
            var got = new[] { y.Bands.Blue, y.Bands.Green, y.Bands.Red, y.Bands.Nir, y.Bands.Swir1, y.Bands.Swir2, y.Bands.Thermal!.Value };
            var want = new[] { cal.Bands.Blue, cal.Bands.Green, cal.Bands.Red, cal.Bands.Nir, cal.Bands.Swir1, cal.Bands.Swir2, cal.Bands.Thermal!.Value };
            for (int b = 0; b < 7; b++)
            {
                Assert.True(got[b].Source.Grid.Matches(data.Grid));
                var g = Raster.Load(got[b].Source).Band(got[b].Band).ToDoubleArray();
                var w = Raster.Load(want[b].Source).Band(want[b].Band).ToDoubleArray();
                double max = 0;
                for (int i = 0; i < g.Length; i++) max = Math.Max(max, Math.Abs(g[i] - w[i]));   // NaN anywhere makes max NaN → fails
                if (b < 6) Assert.True(max <= ReflectanceTolerance, $"{y.Year} band {b}: max |Δρ| = {max:E3}");
                else Assert.True(max == 0, $"{y.Year} thermal: max |ΔL| = {max:E3}");
            }
        }
    }

    [Fact]
    public void Sample_loads_from_scene_folders_and_equals_the_calibrated_layers()
    {
        var data = Sample.Value;
        Assert.Equal(LingbeiGenerator.Years, data.LandsatSources.Select(s => s.Year));
        foreach (var (s, t) in data.LandsatSources.Select((s, t) => (s, t)))
        {
            Assert.Equal("scenes", s.Route);
            Assert.Equal(LingbeiScenes.Dates(t), s.Dates);
            Assert.InRange(s.Files.Count, 2, 3);
            // Every scene is cloudy somewhere in the study area, none is clear everywhere.
            Assert.All(s.ClearPercent, p => Assert.InRange(p, 50, 95));
        }
        var table = data.LandsatTable();
        Assert.Equal(13, table.Rows.Count);
        Assert.Equal(["year", "route", "file", "date", "clear_pct", "method"], table.Columns.Select(c => c.Name));
        Assert.Equal("LT05_L2SP_121043_20000910_20200906_02_T1", table["file"][0]);
        Assert.Equal("2000-09-10", table["date"][0]);
        Assert.Equal("Median", table["method"][0]);
        var sample = LingbeiGenerator.Generate(LingbeiSamples.ReadOptions(RepoPaths.Of("data-samples", "lingbei")));
        SameAsCalibrated(data, sample);
    }

    [Fact]
    public void Committed_boundary_is_lon_lat_and_clips_back_to_the_sample_grid_without_masking()
    {
        var b = Boundary.Read(RepoPaths.Of("data-samples", "lingbei", "boundary.geojson"));
        Assert.Equal(4326, b.Crs.Epsg);
        var o = new LingbeiSampleOptions();
        var scene = LingbeiScenes.SceneGrid(o);
        var w = RasterClip.Window(scene, b, "scene");
        Assert.Equal(new RasterWindow(LingbeiScenes.Margin, LingbeiScenes.Margin, o.Width, o.Height), w);
        Assert.True(scene.Subset(w).Matches(o.Grid));
        Assert.All(RasterClip.Mask(o.Grid, b), Assert.True);
        Assert.Equal(LingbeiScenes.BoundaryGeoJson(o), File.ReadAllText(RepoPaths.Of("data-samples", "lingbei", "boundary.geojson")).ReplaceLineEndings("\n"));
    }
}

/// <summary>
/// The synthetic scenes are encoded as USGS Collection 2 L2SP and their clouds are honest: flagged in QA_PIXEL with the
/// real bit patterns, corrupted underneath, and every pixel clear in at least one scene of its year.
/// </summary>
public class LingbeiScenesTests
{
    private static readonly LingbeiSampleOptions Small = new() { Width = 120, Height = 100 };

    [Fact]
    public void Qa_words_have_the_Collection_2_bit_patterns()
    {
        // Values seen in real Landsat 8 C2 files (see LandsatFixture) and their TM counterparts (no cirrus bits).
        Assert.Equal(21824, LingbeiScenes.QaClear(EcoNotebooks.Indicators.Sensor.LandsatOli));
        Assert.Equal(22280, LingbeiScenes.QaCloud(EcoNotebooks.Indicators.Sensor.LandsatOli));
        Assert.Equal(23888, LingbeiScenes.QaShadow(EcoNotebooks.Indicators.Sensor.LandsatOli));
        Assert.Equal(5440, LingbeiScenes.QaClear(EcoNotebooks.Indicators.Sensor.LandsatTM));
        foreach (var s in new[] { EcoNotebooks.Indicators.Sensor.LandsatTM, EcoNotebooks.Indicators.Sensor.LandsatOli })
        {
            Assert.False(QaPixel.IsMasked(LingbeiScenes.QaClear(s), QaPixel.DefaultCloudMask));
            Assert.True(QaPixel.HasAny(LingbeiScenes.QaCloud(s), QaPixelFlags.Cloud));
            Assert.Equal(QaConfidence.High, QaPixel.Confidence(LingbeiScenes.QaCloud(s), QaConfidenceField.Cloud));
            Assert.True(QaPixel.HasAny(LingbeiScenes.QaDilated(s), QaPixelFlags.DilatedCloud));
            Assert.False(QaPixel.HasAny(LingbeiScenes.QaDilated(s), QaPixelFlags.Clear));
            Assert.True(QaPixel.HasAny(LingbeiScenes.QaShadow(s), QaPixelFlags.CloudShadow | QaPixelFlags.Clear));
            Assert.Equal(QaConfidence.High, QaPixel.Confidence(LingbeiScenes.QaShadow(s), QaConfidenceField.CloudShadow));
        }
    }

    [Fact]
    public void Every_pixel_is_clear_in_one_scene_and_clouds_corrupt_the_reflectance()
    {
        var land = LingbeiGenerator.BuildLandscape(Small);
        for (int t = 0; t < LingbeiGenerator.Years.Count; t++)
        {
            var scenes = LingbeiScenes.Build(land, t);
            Assert.InRange(scenes.Count, 2, 3);
            var sensor = scenes[0].Sensor;
            var qa = scenes.Select(s => s.Layers.Single(l => l.Suffix == "QA_PIXEL").Raster.Band(0).ToDoubleArray(false)).ToArray();
            var red = scenes.Select(s => s.Layers.Single(l => l.Suffix == (sensor == EcoNotebooks.Indicators.Sensor.LandsatTM ? "SR_B3" : "SR_B4")).Raster.Band(0).ToDoubleArray(false)).ToArray();
            int n = qa[0].Length, cloudy = 0, fill = 0;
            for (int i = 0; i < n; i++)
            {
                var clearIn = Enumerable.Range(0, scenes.Count).Where(s => !QaPixel.IsMasked((int)qa[s][i], QaPixel.DefaultCloudMask)).ToList();
                if (qa[0][i] == LingbeiScenes.QaFill) { fill++; Assert.Empty(clearIn); Assert.Equal(0, red[0][i]); continue; }
                Assert.NotEmpty(clearIn);
                // Clear observations of a pixel are identical.
                Assert.All(clearIn, s => Assert.Equal(red[clearIn[0]][i], red[s][i]));
                for (int s = 0; s < scenes.Count; s++)
                    if (QaPixel.HasAny((int)qa[s][i], QaPixelFlags.Cloud)) { cloudy++; Assert.NotEqual(red[clearIn[0]][i], red[s][i]); }
            }
            Assert.True(cloudy > n / 20, $"{LingbeiGenerator.Years[t]}: {cloudy} cloudy observations of {n} pixels");
            Assert.True(fill > 0);
            // Metadata the reader needs.
            foreach (var s in scenes)
            {
                var m = LandsatMetadata.Parse(s.MtlText, "txt", s.ProductId);
                var j = LandsatMetadata.Parse(s.MtlJson, "json", s.ProductId);
                Assert.Equal(s.Date, m.DateAcquired);
                Assert.Equal(s.Date, j.DateAcquired);
                Assert.Equal(s.ProductId, j.ProductId);
                Assert.Equal((2.75e-5, -0.2), m.ReflectanceScale(3));
                Assert.True(m.ThermalConstants().FromMetadata);
                Assert.Equal(sensor == EcoNotebooks.Indicators.Sensor.LandsatTM ? LandsatSensor.Tm : LandsatSensor.OliTirs, m.Sensor);
                Assert.Matches(@"^L[TC]0[58]_L2SP_121043_\d{8}_\d{8}_02_T1$", s.ProductId);
            }
        }
    }
}

/// <summary>
/// A user's own folder (scene folders under landsat/YYYY + boundary.geojson, no README marker) loads the same way, and
/// bad input fails with one line naming the file, writing nothing into the folder.
/// </summary>
public class LingbeiOwnDataTests
{
    private static readonly LingbeiSampleOptions Small = new() { Width = 120, Height = 100 };

    /// <summary>Writes a small sample into <paramref name="dir"/> and turns it into a user folder (scenes moved to landsat/, no README).</summary>
    private static string UserFolder(TempDir dir)
    {
        LingbeiSamples.WriteTo(dir.Path, Small);
        Directory.Move(dir.File("cache/landsat"), dir.File("landsat"));
        Directory.Delete(dir.File("cache"), true);
        File.Delete(dir.File("README.md"));
        File.Delete(dir.File("generator.json"));
        return dir.Path;
    }

    private static string Listing(string folder) => string.Join("\n", Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(p => File.Exists(p) ? $"{p} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p).Ticks}" : p));

    private static string SceneOf(string folder, int year, int k = 0) => LingbeiLandsat.SceneFolders(folder, year)[k];

    private static void OneLineNaming<T>(string folder, Action act, string name) where T : Exception
    {
        string before = Listing(folder);
        var e = Assert.ThrowsAny<T>(act);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(name, e.Message);
        Assert.Equal(before, Listing(folder));
    }

    [Fact]
    public void Own_folder_with_scene_folders_and_boundary_loads_like_the_sample()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        string before = Listing(folder);
        var data = LingbeiDataset.Load(folder);
        Assert.Equal(before, Listing(folder));   // nothing written
        Assert.All(data.LandsatSources, s => Assert.Equal("scenes", s.Route));
        Assert.True(data.Grid.Matches(Small.Grid));
        var sample = LingbeiGenerator.Generate(Small);
        foreach (var y in data.Years)
        {
            var cal = LingbeiDataset.FromSample(sample, [y.Year]).Years.Single();
            var g = Raster.Load(y.Bands.Nir.Source).Band(0).ToDoubleArray();
            var w = Raster.Load(cal.Bands.Nir.Source).Band(0).ToDoubleArray();
            Assert.All(g.Zip(w), p => Assert.True(Math.Abs(p.First - p.Second) <= LingbeiLandsatTests.ReflectanceTolerance, $"{y.Year}: {p.First} vs {p.Second}"));
        }
    }

    /// <summary>A real boundary is irregular: pixels outside it are missing in the Landsat layers and the pipeline evaluates only the inside.</summary>
    [Fact]
    public void Irregular_boundary_masks_the_outside_and_the_pipeline_runs_on_the_inside()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        var g = Small.Grid;
        var (minX, minY, maxX, maxY) = g.Extent;
        // A pentagon in UTM (legacy "crs" member), well inside the grid.
        var pts = new[] { (minX + 300, maxY - 200), (maxX - 400, maxY - 500), (maxX - 250, minY + 900), (minX + 1500, minY + 300), (minX + 200, minY + 1600) };
        string coords = string.Join(", ", pts.Append(pts[0]).Select(p => FormattableString.Invariant($"[{p.Item1}, {p.Item2}]")));
        File.WriteAllText(Path.Combine(folder, "boundary.geojson"),
            "{\"type\": \"Feature\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32650\"}}, \"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + coords + "]]}}");
        var data = LingbeiDataset.Load(folder);
        var inside = RasterClip.Mask(g, Boundary.Read(Path.Combine(folder, "boundary.geojson")));
        int nInside = inside.Count(b => b);
        Assert.InRange(nInside, g.PixelCount / 3, g.PixelCount - 1);
        foreach (var y in data.Years)
        {
            var red = Raster.Load(y.Bands.Red.Source).Band(0).ToDoubleArray();
            for (int i = 0; i < red.Length; i++) Assert.Equal(!inside[i], double.IsNaN(red[i]));
        }
        var result = LingbeiPipeline.Run(data);
        foreach (var y in result.Years)
        {
            Assert.InRange(y.Mean, 0.2, 0.95);
            Assert.Equal(nInside, y.ClassAreas.Sum(a => a.Pixels));
        }
    }

    [Fact]
    public void Prepared_layer_route_still_works_next_to_scene_years()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        var land = LingbeiGenerator.BuildLandscape(Small);
        Directory.Delete(Path.Combine(folder, "landsat", "2005"), true);
        GeoTiff.Write(LingbeiGenerator.Landsat(land, 1), Path.Combine(folder, "landsat_2005.tif"));
        File.WriteAllText(Path.Combine(folder, "scenes.csv"), File.ReadAllText(Path.Combine(folder, "scenes.csv")).ReplaceLineEndings("\n").Split('\n')
            .Select((l, i) => l.Length == 0 ? l : l + (i == 0 ? ",reflectance_scale,radiance_scale" : ",0.0001,0.001")).Aggregate((a, b) => a + "\n" + b));
        var data = LingbeiDataset.Load(folder, [2000, 2005]);
        Assert.Equal(["scenes", "prepared"], data.LandsatSources.Select(s => s.Route));
        var cal = LingbeiDataset.FromSample(LingbeiGenerator.Generate(Small), [2005]).Years.Single();
        Assert.Equal(Raster.Load(cal.Bands.Red.Source).Band(0).ToDoubleArray(), Raster.Load(data.Years[1].Bands.Red.Source).Band(0).ToDoubleArray());
        // Both routes for one year is ambiguous.
        GeoTiff.Write(LingbeiGenerator.Landsat(land, 0), Path.Combine(folder, "landsat_2000.tif"));
        OneLineNaming<ArgumentException>(folder, () => LingbeiDataset.Load(folder, [2000]), "landsat_2000.tif");
    }

    [Fact]
    public void Missing_band_file_is_one_line_naming_it()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        string scene = SceneOf(folder, 2010, 1);
        string id = Path.GetFileName(scene);
        File.Delete(Path.Combine(scene, $"{id}_SR_B4.TIF"));
        OneLineNaming<FileNotFoundException>(folder, () => LingbeiDataset.Load(folder), $"{id}_SR_B4.TIF");
    }

    [Fact]
    public void Unknown_sensor_is_one_line_naming_the_metadata_file()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        string scene = SceneOf(folder, 2016);
        string mtl = Path.Combine(scene, $"{Path.GetFileName(scene)}_MTL.txt");
        File.WriteAllText(mtl, File.ReadAllText(mtl).Replace("\"LANDSAT_8\"", "\"LANDSAT_3\""));
        OneLineNaming<FileFormatException>(folder, () => LingbeiDataset.Load(folder), mtl);
    }

    [Fact]
    public void Boundary_in_an_unknown_crs_is_one_line_naming_the_file()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        string b = Path.Combine(folder, "boundary.geojson");
        File.WriteAllText(b, File.ReadAllText(b).Replace("\"type\": \"FeatureCollection\",", "\"type\": \"FeatureCollection\", \"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:EPSG::9999\" } },"));
        OneLineNaming<FileFormatException>(folder, () => LingbeiDataset.Load(folder), b);
        File.Delete(b);
        OneLineNaming<FileNotFoundException>(folder, () => LingbeiDataset.Load(folder), "boundary.geojson");
    }

    [Fact]
    public void Year_without_clear_pixels_is_one_line_naming_its_folder()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        foreach (var scene in LingbeiLandsat.SceneFolders(folder, 2005))
        {
            string qaPath = Path.Combine(scene, $"{Path.GetFileName(scene)}_QA_PIXEL.TIF");
            var qa = GeoTiff.Read(qaPath);
            var cloud = Enumerable.Repeat((double)LingbeiScenes.QaCloud(EcoNotebooks.Indicators.Sensor.LandsatTM), (int)qa.Grid.PixelCount).ToArray();
            qa.WriteWindow(0, new RasterWindow(0, 0, qa.Grid.Width, qa.Grid.Height), cloud);
            GeoTiff.Write(qa, qaPath);
        }
        OneLineNaming<ArgumentException>(folder, () => LingbeiDataset.Load(folder), Path.Combine(folder, "landsat", "2005"));
        var e = Assert.Throws<ArgumentException>(() => LingbeiDataset.Load(folder));
        Assert.Contains("no clear pixel", e.Message);
    }

    [Fact]
    public void Scene_outside_the_window_or_of_another_sensor_is_named()
    {
        using var dir = new TempDir();
        string folder = UserFolder(dir);
        string scene = SceneOf(folder, 2020);
        string mtl = Path.Combine(scene, $"{Path.GetFileName(scene)}_MTL.txt");
        string text = File.ReadAllText(mtl);
        File.WriteAllText(mtl, text.Replace("DATE_ACQUIRED = 2020-09-01", "DATE_ACQUIRED = 2020-07-14"));
        OneLineNaming<ArgumentException>(folder, () => LingbeiDataset.Load(folder), scene);
        // A July scene is fine when the window says so.
        var data = LingbeiDataset.Load(folder, [2020], new LingbeiCompositeOptions { FirstMonth = 7 });
        Assert.Equal(new DateOnly(2020, 7, 14), data.LandsatSources[0].Dates[0]);
        File.WriteAllText(mtl, text);
        // scenes.csv says TM for 2020, the scenes are OLI.
        string csv = Path.Combine(folder, "scenes.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("2020,OLI", "2020,TM"));
        OneLineNaming<FileFormatException>(folder, () => LingbeiDataset.Load(folder, [2020]), "scenes.csv");
    }

    [Fact]
    public void Sample_cache_is_regenerated_when_stale_and_written_atomically()
    {
        using var dir = new TempDir();
        LingbeiSamples.WriteTo(dir.Path, Small);
        Assert.Empty(LingbeiSamples.EnsureLandsat(dir.Path));   // complete and current
        // A stale cache (former layout: prepared stacks; a changed generator.json) is cleared and regenerated.
        File.WriteAllText(dir.File("cache/landsat_2000.tif"), "old");
        string gen = dir.File("generator.json");
        File.WriteAllText(gen, File.ReadAllText(gen) + " ");
        // A half-written scene folder of an interrupted run is hidden and ignored.
        Directory.CreateDirectory(dir.File("cache/landsat/2000/.LT05_partial.tmp-1"));
        var written = LingbeiSamples.EnsureLandsat(dir.Path);
        Assert.Equal(LingbeiSamples.CachedFileNames.Count, written.Count);
        Assert.False(File.Exists(dir.File("cache/landsat_2000.tif")));
        Assert.Empty(Directory.GetDirectories(dir.File("cache/landsat/2000"), ".*"));
        var sums = LingbeiSamples.ReadSceneChecksums(dir.Path);
        var land = LingbeiGenerator.BuildLandscape(Small);
        foreach (var s in LingbeiScenes.Build(land, 4)) Assert.Equal(sums[s.ProductId], s.Checksum());
        // Deleting one scene folder regenerates only that scene.
        string one = LingbeiLandsat.SceneFolders(dir.Path, 2016)[0];
        Directory.Delete(one, true);
        var again = LingbeiSamples.EnsureLandsat(dir.Path);
        Assert.All(again, p => Assert.StartsWith(one, p));
        Assert.NotEmpty(again);
    }
}
