using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Sentinel2;
using EcoNotebooks.Samples.Jiangcang;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

/// <summary>
/// The Jiangcang vegetation series through the Sentinel-2 path: the committed L2A products (B04, B08, SCL,
/// MTD_MSIL2A.xml) read with <see cref="Sentinel2Scene"/>, SCL-masked and composited give back the generator's NDVI
/// within the DN quantisation; bad products fail with one line naming the file; prepared ndvi_YYYY.tif still work.
/// </summary>
public sealed class JiangcangSentinel2Tests
{
    private static readonly Lazy<JiangcangNdviSample> Truth = new(() => JiangcangNdviGenerator.Generate(new JiangcangSampleOptions()));
    private static string Sample => RepoPaths.Of("data-samples", "jiangcang");
    private static RasterGrid Grid => new JiangcangSampleOptions().Grid;

    /// <summary>
    /// Rounding red and NIR to whole DNs (0.5·10⁻⁴ reflectance each) moves NDVI = (n − r)/(n + r) by at most
    /// (|∂/∂n| + |∂/∂r|)·0.5·10⁻⁴ = 10⁻⁴/(n + r); 10⁻⁶ covers the float32 storage of reflectance and NDVI.
    /// </summary>
    private static double Tolerance(double red, double nir) => 1e-4 / (red + nir) + 1e-6;

    private static void AssertNdviEqualsTruth(Raster ndvi, Raster red, Raster nir, int year)
    {
        int t = Truth.Value.Years.ToList().IndexOf(year);
        var truth = Truth.Value.Ndvi[t].Band(0).ToDoubleArray();
        var v = ndvi.Band(0).ToDoubleArray(); var r = red.Band(0).ToDoubleArray(); var n = nir.Band(0).ToDoubleArray();
        double worst = 0;
        for (int i = 0; i < v.Length; i++)
        {
            Assert.False(double.IsNaN(v[i]), $"{year}: pixel {i} has no clear observation");
            double err = Math.Abs(v[i] - truth[i]);
            Assert.True(err <= Tolerance(r[i], n[i]), $"{year} pixel {i}: NDVI {v[i]} vs generator {truth[i]} (tolerance {Tolerance(r[i], n[i]):G3})");
            worst = Math.Max(worst, err);
        }
        Assert.True(worst > 0, "the DNs are quantised, so some NDVI must differ a little");
    }

    [Fact]
    public void Sample_folder_is_read_as_Sentinel2_products_per_year()
    {
        var inputs = JiangcangInputs.FromFolder(Sample);
        Assert.Empty(inputs.Ndvi);
        Assert.Equal([2020, 2021, 2022, 2023, 2024], inputs.Years);
        Assert.Equal([2, 1, 2, 1, 2], inputs.Sentinel2.Select(y => y.Products.Count));
        // Baselines before 04.00 have no offset, later ones −1000, both from MTD_MSIL2A.xml.
        Assert.Equal(0, Sentinel2Scene.Open(inputs.Sentinel2[0].Products[0], bands: [CommonBand.Red, CommonBand.Nir]).Radiometry.AddOffset);
        Assert.Equal(-1000, Sentinel2Scene.Open(inputs.Sentinel2[2].Products[0], bands: [CommonBand.Red, CommonBand.Nir]).Radiometry.AddOffset);
    }

    [Theory]
    [InlineData(CompositeMethod.MaxNdvi)]
    [InlineData(CompositeMethod.Median)]
    public void Composite_of_the_masked_scenes_gives_back_the_generator_ndvi_within_quantisation(CompositeMethod method)
    {
        var inputs = JiangcangInputs.FromFolder(Sample);
        foreach (var y in inputs.Sentinel2)
        {
            var scenes = y.Products.Select(d => Sentinel2Scene.Open(d, bands: [CommonBand.Red, CommonBand.Nir]).Load(Grid)).ToList();
            var c = SceneComposite.Create(scenes, method, y.Year.ToString());
            Assert.Equal(new HashSet<CommonBand> { CommonBand.Red, CommonBand.Nir }, c.Available);
            Assert.True(double.IsNaN(c.Blue.Band(0)[0, 0])); // not read
            AssertNdviEqualsTruth(c.Ndvi(), c.Red, c.Nir, y.Year);
        }
        // The loader does the same (default max-NDVI, August).
        var ndvi = inputs.ReadNdvi(Grid, method);
        Assert.Equal(5, ndvi.Count);
        var truth = Truth.Value.Ndvi[1].Band(0).ToDoubleArray();
        var v = ndvi[1].Band(0).ToDoubleArray();
        Assert.All(Enumerable.Range(0, v.Length), i => Assert.True(Math.Abs(v[i] - truth[i]) < 1e-3));
    }

    [Fact]
    public void Scl_mask_removes_clouds_and_shadows_and_matters_for_the_composite()
    {
        var y2020 = JiangcangInputs.FromFolder(Sample).Sentinel2[0];
        var product = y2020.Products[1]; // 24 August 2020, four clouds
        var scene = Sentinel2Scene.Open(product, bands: [CommonBand.Red, CommonBand.Nir]);
        var scl = GeoTiff.Read(scene.File("SCL").Path).Band(0).ToDoubleArray();
        var masked = scene.Load(Grid);
        var raw = scene.Load(Grid, applyMask: false);
        var red = masked.Red.Band(0).ToDoubleArray(); var rawRed = raw.Red.Band(0).ToDoubleArray();
        int w = Grid.Width, cloudy = 0;
        var classes = new HashSet<int>();
        for (int i = 0; i < red.Length; i++)
        {
            int cls = (int)scl[(i / w / 2) * (w / 2) + i % w / 2]; // 20 m SCL, nearest onto 10 m
            classes.Add(cls);
            bool clear = cls is 4 or 5 or 6;
            Assert.Equal(!clear, double.IsNaN(red[i]));
            Assert.False(double.IsNaN(rawRed[i]));
            if (!clear) cloudy++;
        }
        Assert.Superset(new HashSet<int> { 3, 4, 5, 8, 9, 10 }, classes);
        Assert.InRange(cloudy, 1000, red.Length / 5);
        // Without the mask the bright clouds enter the median composite (mean of the two dates): under every cloud of
        // either date the NDVI is far from the generator's, with the mask it is within quantisation (other test).
        var scenesRaw = y2020.Products.Select(d => Sentinel2Scene.Open(d, bands: [CommonBand.Red, CommonBand.Nir]).Load(Grid, applyMask: false) with { Clear = null }).ToList();
        var bad = SceneComposite.Create(scenesRaw, CompositeMethod.Median, "2020 unmasked").Ndvi().Band(0).ToDoubleArray();
        var truth = Truth.Value.Ndvi[0].Band(0).ToDoubleArray();
        int off = Enumerable.Range(0, bad.Length).Count(i => Math.Abs(bad[i] - truth[i]) > 0.05);
        Assert.True(off > cloudy / 2, $"{off} pixels off by > 0.05; {cloudy} masked on 24 August");
    }

    [Fact]
    public void Fvc_through_Sentinel2_equals_fvc_from_prepared_ndvi_rasters()
    {
        using var tmp = new TempDir();
        foreach (var f in new[] { "quadrats.csv", "species.csv", "soil.csv", "regions.tif" }) File.Copy(Path.Combine(Sample, f), tmp.File(f));
        for (int t = 0; t < Truth.Value.Years.Count; t++) GeoTiff.Write(Truth.Value.Ndvi[t], tmp.File($"ndvi_{Truth.Value.Years[t]}.tif"));
        var prepared = JiangcangInputs.FromFolder(tmp.Path);
        Assert.Empty(prepared.Sentinel2);
        Assert.Equal([2020, 2021, 2022, 2023, 2024], prepared.Years);
        var a = JiangcangFvc.Compute(prepared);
        var b = JiangcangFvc.Compute(JiangcangInputs.FromFolder(Sample));
        // Quantisation moves the 5 %/95 % end-members by ~10⁻⁵ NDVI, hence region means by < 0.01 points.
        foreach (var region in new[] { "Pit4", "Pit5", "Pit2SouthDump", "Background", "WholeArea" })
            foreach (var year in prepared.Years)
                Assert.Equal(a.MeanPercent(region, year), b.MeanPercent(region, year), 0.01);
        // ... and both still match the calibration targets as the generator's own check does (0.05 points).
        foreach (var (r, target) in JiangcangPublished.FvcCalibrationTargets)
            for (int t = 0; t < target.Length; t++)
                Assert.Equal(target[t], b.MeanPercent(r.ToString(), JiangcangPublished.Years[t]), 0.05);
    }

    private static string CopySample(TempDir tmp)
    {
        foreach (var f in Directory.GetFiles(Sample, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(tmp.Path, Path.GetRelativePath(Sample, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest);
        }
        return tmp.Path;
    }

    private static string Product(string folder, int year, int index = 0) =>
        Directory.GetDirectories(Path.Combine(folder, "sentinel2")).Where(d => Path.GetFileName(d).Contains($"_MSIL2A_{year}")).Order(StringComparer.Ordinal).ElementAt(index);

    [Fact]
    public void Missing_B08_is_one_line_naming_the_product()
    {
        using var tmp = new TempDir();
        var folder = CopySample(tmp);
        var product = Product(folder, 2022, 1);
        File.Delete(Directory.GetFiles(product, "*_B08_10m.tif").Single());
        var e = Assert.Throws<FileNotFoundException>(() => JiangcangInputs.FromFolder(folder));
        Assert.Contains(product, e.Message);
        Assert.Contains("missing band B08", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Unreadable_metadata_is_one_line_naming_the_file()
    {
        using var tmp = new TempDir();
        var folder = CopySample(tmp);
        var mtd = Path.Combine(Product(folder, 2023), "MTD_MSIL2A.xml");
        File.WriteAllText(mtd, "<?xml version=\"1.0\"?>\n<n1:Level-2A_User_Product><General_Info>");
        var e = Assert.Throws<FileFormatException>(() => JiangcangInputs.FromFolder(folder));
        Assert.Contains(mtd, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        File.WriteAllText(mtd, "<root><PROCESSING_BASELINE>new</PROCESSING_BASELINE></root>");
        e = Assert.Throws<FileFormatException>(() => JiangcangInputs.FromFolder(folder));
        Assert.Contains(mtd, e.Message);
        Assert.Contains("PROCESSING_BASELINE", e.Message);
    }

    [Fact]
    public void Year_without_a_clear_pixel_fails_naming_the_scl_file_and_returns_nothing()
    {
        using var tmp = new TempDir();
        var folder = CopySample(tmp);
        var sclPath = Directory.GetFiles(Product(folder, 2021), "*_SCL_20m.tif").Single();
        var scl = GeoTiff.Read(sclPath);
        var cloud = Enumerable.Repeat(9.0, (int)scl.Grid.PixelCount).ToArray();
        scl.WriteWindow(0, new RasterWindow(0, 0, scl.Grid.Width, scl.Grid.Height), cloud);
        GeoTiff.Write(scl, sclPath);
        var inputs = JiangcangInputs.FromFolder(folder);
        var e = Assert.Throws<ArgumentException>(() => JiangcangFvc.Compute(inputs));
        Assert.Contains("2021", e.Message);
        Assert.Contains(sclPath, e.Message);
        Assert.Contains("no clear pixel", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Year_without_an_august_scene_and_ambiguous_folders_are_errors()
    {
        using var tmp = new TempDir();
        var folder = CopySample(tmp);
        var inputs = JiangcangInputs.FromFolder(folder);
        var e = Assert.Throws<ArgumentException>(() => inputs.ReadNdvi(Grid, firstMonth: 6, lastMonth: 7));
        Assert.Contains("2020: no product sensed in months 6–7", e.Message);
        File.Copy(Path.Combine(folder, "regions.tif"), Path.Combine(folder, "ndvi_2020.tif"));
        var both = Assert.Throws<ArgumentException>(() => JiangcangInputs.FromFolder(folder));
        Assert.Contains("both sentinel2/ and ndvi_YYYY.tif", both.Message);
    }

    [Fact]
    public void Products_are_read_onto_the_region_grid_even_when_they_cover_more()
    {
        // A user's products are whole tiles or larger clips: the region mask's grid picks the window.
        var product = JiangcangInputs.FromFolder(Sample).Sentinel2[1].Products[0];
        var scene = Sentinel2Scene.Open(product, bands: [CommonBand.Red, CommonBand.Nir]);
        var sub = Grid.Subset(new RasterWindow(100, 60, 50, 40));
        var part = scene.Load(sub);
        var full = scene.Load(Grid);
        for (int r = 0; r < 40; r++)
            for (int c = 0; c < 50; c++)
                Assert.Equal(full.Nir.Band(0)[100 + c, 60 + r], part.Nir.Band(0)[c, r]);
    }
}
