using System.Globalization;
using EcoNotebooks.IO;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Landsat;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Tests.RemoteSensing.Landsat;

/// <summary>
/// Guards reading USGS-layout Landsat C2 L2 scene folders (scale/offset, fill, QA mask, thermal layers), the one-line
/// errors for bad input, and the end-to-end path scene folders + GeoJSON boundary (EPSG:4326) → clip, mask, composite →
/// common-name reflectance bands.
/// </summary>
public class LandsatSceneTests
{
    private static int CloudColumns(int c, int r, int from, int to) => c >= from && c <= to ? LandsatFixture.QaCloud : LandsatFixture.QaClear;

    [Theory]
    [InlineData("txt")]
    [InlineData("json")]
    [InlineData("xml")]
    public void Open_ReadsScaledBands_FromAnyMtlFormat(string format)
    {
        using var tmp = new TempDir();
        var folder = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => c == 0 && r == 0 ? LandsatFixture.QaFill : LandsatFixture.QaClear, 0, format);
        var scene = LandsatScene.Open(folder);
        Assert.Equal(LandsatSensor.OliTirs, scene.Sensor);
        Assert.Equal(new DateOnly(2020, 8, 15), scene.Date);
        var nir = scene.ReadReflectance(CommonBand.Nir);
        Assert.Equal(LandsatFixture.Rho(5, 7, 3, 0), nir.Band(0)[7, 3], 1e-6);
        Assert.True(double.IsNaN(nir.Band(0)[0, 0]));           // DN 0 = fill
        var st = scene.ReadSurfaceTemperature();
        Assert.Equal((44_000 + 10 * 7) * 0.00341802 + 149.0, st.Band(0)[7, 3], 3);
        var trad = scene.ReadThermalRadiance()!;
        Assert.Equal((9_000 + 5 * 3) * 0.001, trad.Band(0)[7, 3], 5);
        Assert.True(double.IsNaN(trad.Band(0)[0, 0]));
        // opening the MTL path directly works too
        var mtl = Directory.GetFiles(folder, "*_MTL." + format).Single();
        Assert.Equal(scene.Name, LandsatScene.Open(mtl).Name);
    }

    [Fact]
    public void Landsat5Tm_MapsCommonNamesToTmBands_AndReadsStB6()
    {
        using var tmp = new TempDir();
        var folder = LandsatFixture.WriteScene(tmp.Path, "20050903", (c, r) => LandsatFixture.QaClear, 0, spacecraft: "LANDSAT_5", sensor: "TM");
        var id = Path.GetFileName(folder);
        File.Move(Path.Combine(folder, id + "_ST_B10.TIF"), Path.Combine(folder, id + "_ST_B6.TIF"));
        File.Delete(Path.Combine(folder, id + "_SR_B6.TIF"));   // TM has no SR band 6
        var mtl = Path.Combine(folder, id + "_MTL.txt");
        File.WriteAllText(mtl, File.ReadAllText(mtl).Replace("ST_B10", "ST_B6")
            .Replace("K1_CONSTANT_BAND_10 = 774.8853", "K1_CONSTANT_BAND_6 = 607.76").Replace("K2_CONSTANT_BAND_10 = 1321.0789", "K2_CONSTANT_BAND_6 = 1260.56"));
        var scene = LandsatScene.Open(folder);
        Assert.Equal(LandsatSensor.Tm, scene.Sensor);
        var b = scene.Load();
        Assert.Equal(LandsatFixture.Rho(1, 4, 5, 0), b.Blue.Band(0)[4, 5], 1e-6);
        Assert.Equal(LandsatFixture.Rho(4, 4, 5, 0), b.Nir.Band(0)[4, 5], 1e-6);
        Assert.Equal(LandsatFixture.Rho(5, 4, 5, 0), b.Swir1.Band(0)[4, 5], 1e-6);
        Assert.Equal(LandsatFixture.Rho(7, 4, 5, 0), b.Swir2.Band(0)[4, 5], 1e-6);
        Assert.Equal((44_000 + 40) * 0.00341802 + 149.0, b.SurfaceTemperature!.Band(0)[4, 5], 3);
        Assert.Equal((607.76, 1260.56), b.ThermalConstants);
        Assert.EndsWith("_ST_B6.TIF", scene.BandPath(CommonBand.Thermal));
    }

    [Fact]
    public void MissingBand_IsOneLineNamingFolderAndBand()
    {
        using var tmp = new TempDir();
        var folder = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => LandsatFixture.QaClear, 0, skipBands: [5]);
        var e = Assert.Throws<FileNotFoundException>(() => LandsatScene.Open(folder));
        Assert.Contains(folder, e.Message);
        Assert.Contains("SR_B5 (nir)", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void UnknownSensor_IsOneLineNamingTheMtl()
    {
        using var tmp = new TempDir();
        var folder = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => LandsatFixture.QaClear, 0, spacecraft: "LANDSAT_8", sensor: "MSS");
        var e = Assert.Throws<FileFormatException>(() => LandsatScene.Open(folder));
        Assert.Contains("_MTL.txt", e.Message);
        Assert.Contains("SENSOR_ID=MSS", e.Message);
    }

    [Fact]
    public void FolderWithoutMetadata_IsOneLine()
    {
        using var tmp = new TempDir();
        var e = Assert.Throws<FileNotFoundException>(() => LandsatScene.Open(tmp.Path));
        Assert.Contains("no Landsat metadata file", e.Message);
    }

    [Fact]
    public void Load_AppliesCloudMask_AndKeepsThermalConstants()
    {
        using var tmp = new TempDir();
        var folder = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => r == 4 ? LandsatFixture.QaShadow : CloudColumns(c, r, 10, 12), 0, writeK: false);
        var b = LandsatScene.Open(folder).Load();
        Assert.True(double.IsNaN(b.Red.Band(0)[11, 0]));
        Assert.True(double.IsNaN(b.Red.Band(0)[0, 4]));
        Assert.Equal(LandsatFixture.Rho(4, 0, 0, 0), b.Red.Band(0)[0, 0], 1e-6);
        Assert.Equal(0, b.Clear!.Band(0)[11, 0]);
        Assert.Equal(1, b.Clear.Band(0)[0, 0]);
        Assert.Equal((774.8853, 1321.0789), b.ThermalConstants);   // documented defaults when the MTL lacks the group
        Assert.NotNull(b.ThermalRadiance);
        var unmasked = LandsatScene.Open(folder).Load(new LandsatLoadOptions { ApplyCloudMask = false });
        Assert.False(double.IsNaN(unmasked.Red.Band(0)[11, 0]));
    }

    /// <summary>A GeoJSON polygon (EPSG:4326) made from UTM 49N vertices.</summary>
    private static string WriteBoundary(string dir, (double X, double Y)[] utm)
    {
        var tr = new CrsTransform(SpatialReference.Utm(49), SpatialReference.Wgs84);
        var ring = utm.Append(utm[0]).Select(p => tr.Transform(p.X, p.Y)).Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.X:R}, {p.Y:R}]"));
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"mine\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", ring) + "]]}}]}";
        var path = Path.Combine(dir, "study-area.geojson");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Issue 9's acceptance path: a delivered scene pair → GeoJSON clip → composite → Lingbei indicators, no hand edits.</summary>
    [Fact]
    public void EndToEnd_Composite_FlowsIntoTheLingbeiIndicators()
    {
        using var tmp = new TempDir();
        var a = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => CloudColumns(c, r, 10, 14), 0, "txt");
        var b = LandsatFixture.WriteScene(tmp.Path, "20201002", (c, r) => CloudColumns(c, r, 12, 18), 1, "json");
        var boundary = Boundary.Read(WriteBoundary(tmp.Path, [(600_100, 4_000_000), (601_100, 3_999_950), (601_050, 3_999_200), (600_150, 3_999_300)]));
        var scenes = new[] { a, b }.Select(f => LandsatScene.Open(f).Load(new LandsatLoadOptions { Boundary = boundary })).ToList();
        var composite = SceneComposite.ByPeriod(scenes, [CompositePeriod.Months(2020, 8, 12)], CompositeMethod.Median).Single();
        var bands = composite.ToBandSet();
        Assert.Equal(EcoNotebooks.Indicators.Sensor.LandsatOli, bands.Sensor);
        var ndvi = EcoNotebooks.Indicators.VegetationIndices.Ndvi(bands);
        var albedo = EcoNotebooks.Indicators.Albedo.Compute(bands);
        Assert.True(ndvi.Grid.Matches(composite.Grid));
        // Pixel (20, 10) of the scene is clear in both scenes: indicators equal the formulas on the composite's reflectances.
        double red = composite.Red.Band(0)[17, 10], nir = composite.Nir.Band(0)[17, 10];
        Assert.Equal((nir - red) / (nir + red), ndvi.Band(0)[17, 10], 5);
        Assert.Equal(EcoNotebooks.Indicators.Albedo.Compute(composite.Blue.Band(0)[17, 10], red, nir, composite.Swir1.Band(0)[17, 10], composite.Swir2.Band(0)[17, 10]),
            albedo.Band(0)[17, 10], 5);
    }

    [Fact]
    public void EndToEnd_TwoScenes_ClippedToGeoJson_MedianComposite_GivesCommonNameReflectance()
    {
        using var tmp = new TempDir();
        var a = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => CloudColumns(c, r, 10, 14), 0, "txt");
        var b = LandsatFixture.WriteScene(tmp.Path, "20201002", (c, r) => CloudColumns(c, r, 12, 18), 1, "json");
        // Boundary: a quadrilateral inside the scene; its bounding box is pixels 3..36 × 0..27 (28 rows) of the scene grid.
        var boundary = Boundary.Read(WriteBoundary(tmp.Path, [(600_100, 4_000_000), (601_100, 3_999_950), (601_050, 3_999_200), (600_150, 3_999_300)]));
        Assert.Equal(4326, boundary.Crs.Epsg);
        var options = new LandsatLoadOptions { Boundary = boundary };
        var scenes = new[] { a, b }.Select(f => LandsatScene.Open(f).Load(options)).ToList();
        var period = CompositePeriod.Months(2020, 8, 12);
        var composite = SceneComposite.ByPeriod(scenes, [period], CompositeMethod.Median).Single();

        var g = composite.Grid;
        Assert.Equal(32649, g.Crs.Epsg);
        Assert.Equal(3, (int)Math.Round((g.Transform.OriginX - LandsatFixture.OriginX) / 30));
        Assert.Equal(0, (int)Math.Round((LandsatFixture.OriginY - g.Transform.OriginY) / 30));
        Assert.Equal(34, g.Width);
        Assert.Equal(28, g.Height);
        Assert.Equal(period.Name, composite.Name);
        Assert.Equal(LandsatSensor.OliTirs, composite.Sensor);

        double At(Raster r, int sceneCol, int sceneRow) => r.Band(0)[sceneCol - 3, sceneRow];
        // both clear → median of two = mean
        Assert.Equal((LandsatFixture.Rho(5, 20, 10, 0) + LandsatFixture.Rho(5, 20, 10, 1)) / 2, At(composite.Nir, 20, 10), 1e-6);
        Assert.Equal((LandsatFixture.Rho(2, 20, 10, 0) + LandsatFixture.Rho(2, 20, 10, 1)) / 2, At(composite.Blue, 20, 10), 1e-6);
        // cloudy in scene B only → scene A; cloudy in A only → scene B
        Assert.Equal(LandsatFixture.Rho(4, 16, 10, 0), At(composite.Red, 16, 10), 1e-6);
        Assert.Equal(LandsatFixture.Rho(7, 10, 10, 1), At(composite.Swir2, 10, 10), 1e-6);
        // cloudy in both → missing
        Assert.True(double.IsNaN(At(composite.Red, 13, 10)));
        Assert.Equal(0, At(composite.Clear!, 13, 10));
        // inside the bounding box but outside the polygon (upper-left corner) → missing
        Assert.True(double.IsNaN(At(composite.Red, 3, 26)));
        // thermal layers are composited as well
        Assert.Equal(((9_000 + 5 * 10 + 0) + (9_000 + 5 * 10 + 1)) * 0.001 / 2, At(composite.ThermalRadiance!, 20, 10), 5);
        // NDVI of the composite, as the Lingbei indicator formulas compute it
        var ndvi = composite.Ndvi();
        double nir = At(composite.Nir, 20, 10), red = At(composite.Red, 20, 10);
        Assert.Equal((nir - red) / (nir + red), At(ndvi, 20, 10), 1e-6);

        // without cloud masking, cloudy pixels inside the boundary keep their values; outside stays missing
        var raw = LandsatScene.Open(a).Load(options with { ApplyCloudMask = false });
        Assert.Equal(LandsatFixture.Rho(4, 13, 10, 0), At(raw.Red, 13, 10), 1e-6);
        Assert.True(double.IsNaN(At(raw.Red, 3, 26)));
        Assert.Equal(0, At(raw.Clear!, 13, 10));

        var maxNdvi = SceneComposite.Create(scenes, CompositeMethod.MaxNdvi, "max");
        // with equal nir−red, scene A (seed 0, smaller nir+red) has the larger NDVI
        Assert.Equal(LandsatFixture.Rho(5, 20, 10, 0), At(maxNdvi.Nir, 20, 10), 1e-6);
        Assert.Equal(LandsatFixture.Rho(5, 13 + 3, 10, 0), At(maxNdvi.Nir, 16, 10), 1e-6);
    }

    [Fact]
    public void PeriodWithoutClearPixels_IsOneLineNamingThePeriod()
    {
        using var tmp = new TempDir();
        var a = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => LandsatFixture.QaCloud, 0);
        var scenes = new[] { LandsatScene.Open(a).Load() };
        var e = Assert.Throws<ArgumentException>(() => SceneComposite.ByPeriod(scenes, [CompositePeriod.Months(2020, 8, 12)], CompositeMethod.Median));
        Assert.Contains("2020-08..2020-12", e.Message);
        Assert.Contains("no clear pixel", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => SceneComposite.ByPeriod(scenes, [CompositePeriod.Months(2021, 8, 12)], CompositeMethod.Median));
        Assert.Contains("no scene acquired", e2.Message);
    }

    [Fact]
    public void ScenesOnDifferentGrids_CannotBeComposited_WithoutResampling()
    {
        using var tmp = new TempDir();
        var a = LandsatScene.Open(LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => LandsatFixture.QaClear, 0)).Load();
        var shifted = a with { Name = "shifted", Grid = a.Grid with { Transform = a.Grid.Transform with { OriginX = a.Grid.Transform.OriginX + 15 } } };
        var e = Assert.Throws<ArgumentException>(() => SceneComposite.Create([a, shifted], CompositeMethod.Median, "p"));
        Assert.Contains("grids cannot be aligned", e.Message);
        Assert.Contains("shifted", e.Message);
        // resampled onto the first scene's grid they composite; nearest on an aligned grid copies pixels exactly
        var aligned = shifted.WarpTo(a.Grid, EcoNotebooks.Rasters.Warp.ResamplingMethod.Nearest);
        var comp = SceneComposite.Create([a, aligned], CompositeMethod.Median, "p");
        Assert.Equal(a.Grid, comp.Grid);
        // target centres fall exactly on the left edges of the shifted pixels, and nearest takes ⌊x + 1e-10⌋: same index
        Assert.Equal(a.Nir.Band(0)[10, 10], aligned.Nir.Band(0)[10, 10]);
        Assert.False(double.IsNaN(aligned.Nir.Band(0)[0, 0]));
    }

    [Fact]
    public void BoundaryOutsideScene_IsOneLine()
    {
        using var tmp = new TempDir();
        var folder = LandsatFixture.WriteScene(tmp.Path, "20200815", (c, r) => LandsatFixture.QaClear, 0);
        var boundary = Boundary.Read(WriteBoundary(tmp.Path, [(700_000, 4_100_000), (700_500, 4_100_000), (700_500, 4_100_500)]));
        var e = Assert.Throws<ArgumentException>(() => LandsatScene.Open(folder).Load(new LandsatLoadOptions { Boundary = boundary }));
        Assert.Contains("study-area.geojson", e.Message);
        Assert.Contains("does not overlap", e.Message);
    }
}
