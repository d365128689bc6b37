using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Sentinel2;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.RemoteSensing.Sentinel2;

/// <summary>
/// Guards Sentinel-2 L2A reading: band file names (SAFE-derived and COG), the processing-baseline offset from
/// MTD_MSIL2A.xml / the product name / a parameter, SCL masking and 20 m → 10 m resampling, one-line errors.
/// </summary>
public class Sentinel2SceneTests
{
    private const string Prefix = "T47SMB_20210815T043709_";

    private static string Mtd(string baseline, int offset) => $"""
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<n1:Level-2A_User_Product xmlns:n1="https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-2A.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <n1:General_Info>
    <Product_Info>
      <PRODUCT_START_TIME>2021-08-15T04:37:09.024Z</PRODUCT_START_TIME>
      <PRODUCT_URI>S2A_MSIL2A_20210815T043709_N{baseline.Replace(".", "")}_R033_T47SMB_20210815T071234.SAFE</PRODUCT_URI>
      <PROCESSING_LEVEL>Level-2A</PROCESSING_LEVEL>
      <PRODUCT_TYPE>S2MSI2A</PRODUCT_TYPE>
      <PROCESSING_BASELINE>{baseline}</PROCESSING_BASELINE>
    </Product_Info>
    <Product_Image_Characteristics>
      <QUANTIFICATION_VALUES_LIST>
        <BOA_QUANTIFICATION_VALUE unit="none">10000</BOA_QUANTIFICATION_VALUE>
        <AOT_QUANTIFICATION_VALUE unit="none">1000.0</AOT_QUANTIFICATION_VALUE>
        <WVP_QUANTIFICATION_VALUE unit="cm">1000.0</WVP_QUANTIFICATION_VALUE>
      </QUANTIFICATION_VALUES_LIST>
      <BOA_ADD_OFFSET_VALUES_LIST>
        <BOA_ADD_OFFSET band_id="0">{offset}</BOA_ADD_OFFSET>
        <BOA_ADD_OFFSET band_id="1">{offset}</BOA_ADD_OFFSET>
      </BOA_ADD_OFFSET_VALUES_LIST>
    </Product_Image_Characteristics>
  </n1:General_Info>
</n1:Level-2A_User_Product>
""";

    /// <summary>20×20 10 m bands and 10×10 20 m bands (swir constant DN 2500), SCL with cloud in the upper-left 20 m pixel.</summary>
    private static string WriteProduct(string root, string folderName, string? mtdBaseline, bool cogNames = false, string? skip = null)
    {
        var dir = Path.Combine(root, folderName);
        Directory.CreateDirectory(dir);
        var crs = SpatialReference.Utm(47);
        var g10 = RasterGrid.NorthUp(20, 20, 399_960, 4_000_020, 10, crs);
        var g20 = RasterGrid.NorthUp(10, 10, 399_960, 4_000_020, 20, crs);
        string Name(string band, int res) => cogNames ? $"{band}.tif" : $"{Prefix}{band}_{res}m.tif";
        foreach (var (band, dn) in new[] { ("B02", 1500), ("B03", 1800), ("B04", 2000), ("B08", 4000) })
        {
            if (band == skip) continue;
            var r = Raster.Create(g10, PixelType.UInt16, 1, 0);
            for (int y = 0; y < 20; y++) for (int x = 0; x < 20; x++) r.Band(0)[x, y] = x == 19 && y == 19 ? 0 : dn + x;
            GeoTiff.Write(r, Path.Combine(dir, Name(band, 10)));
        }
        foreach (var band in new[] { "B11", "B12" })
        {
            var r = Raster.Create(g20, PixelType.UInt16, 1, 0);
            for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) r.Band(0)[x, y] = 2500;
            GeoTiff.Write(r, Path.Combine(dir, Name(band, 20)));
        }
        var scl = Raster.Create(g20, PixelType.UInt8, 1, 0);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) scl.Band(0)[x, y] = (x, y) switch { (0, 0) => 9, (1, 0) => 3, (2, 0) => 6, (3, 0) => 11, _ => 4 };
        GeoTiff.Write(scl, Path.Combine(dir, Name("SCL", 20)));
        if (mtdBaseline is not null) File.WriteAllText(Path.Combine(dir, "MTD_MSIL2A.xml"), Mtd(mtdBaseline, -1000));
        return dir;
    }

    [Fact]
    public void Baseline4_FromMetadata_AppliesOffset_AndSclMask()
    {
        using var tmp = new TempDir();
        var dir = WriteProduct(tmp.Path, "S2A_L2A_T47SMB_20210815", "04.00");
        var scene = Sentinel2Scene.Open(dir);
        Assert.Equal(4.0, scene.Radiometry.ProcessingBaseline);
        Assert.Equal(-1000, scene.Radiometry.AddOffset);
        Assert.Equal(new DateOnly(2021, 8, 15), scene.Date);
        var b = scene.Load();
        Assert.Equal(20, b.Grid.Width);
        Assert.Equal((2000 + 7 - 1000) / 10000.0, b.Red.Band(0)[7, 9], 1e-6);
        Assert.Equal((4000 + 7 - 1000) / 10000.0, b.Nir.Band(0)[7, 9], 1e-6);
        Assert.True(double.IsNaN(b.Red.Band(0)[19, 19]));                 // DN 0 = no data
        Assert.Equal((2500 - 1000) / 10000.0, b.Swir1.Band(0)[10, 10], 1e-6); // 20 m band resampled to 10 m
        Assert.True(double.IsNaN(b.Red.Band(0)[0, 0]) && double.IsNaN(b.Red.Band(0)[1, 1]));  // SCL 9 cloud high
        Assert.True(double.IsNaN(b.Red.Band(0)[2, 0]));                   // SCL 3 shadow
        Assert.False(double.IsNaN(b.Red.Band(0)[4, 0]));                  // SCL 6 water is clear
        Assert.True(double.IsNaN(b.Red.Band(0)[6, 1]));                   // SCL 11 snow masked by default
        var withSnow = scene.Load(clearClasses: new HashSet<SceneClass>(SceneClassification.DefaultClear) { SceneClass.Snow });
        Assert.False(double.IsNaN(withSnow.Red.Band(0)[6, 1]));
    }

    [Fact]
    public void BaselineFromProductName_OrParameter()
    {
        using var tmp = new TempDir();
        var dir = WriteProduct(tmp.Path, "S2A_MSIL2A_20210815T043709_N0301_R033_T47SMB_20210815T071234", null, cogNames: true);
        var s = Sentinel2Scene.Open(dir);
        Assert.Equal(3.01, s.Radiometry.ProcessingBaseline);
        Assert.Equal(0, s.Radiometry.AddOffset);
        Assert.Equal((2000 + 7) / 10000.0, s.Load().Red.Band(0)[7, 9], 1e-6);
        Assert.Equal(-1000, Sentinel2Scene.Open(dir, processingBaseline: 5.09).Radiometry.AddOffset);
    }

    [Fact]
    public void MissingBandOrBaseline_IsOneLine()
    {
        using var tmp = new TempDir();
        var dir = WriteProduct(tmp.Path, "prod", "04.00", skip: "B08");
        var e = Assert.Throws<FileNotFoundException>(() => Sentinel2Scene.Open(dir));
        Assert.Contains("missing band B08", e.Message);
        Assert.Contains(dir, e.Message);
        var dir2 = WriteProduct(tmp.Path, "prod2", null);
        var e2 = Assert.Throws<ArgumentException>(() => Sentinel2Scene.Open(dir2));
        Assert.Contains("processing baseline is unknown", e2.Message);
    }

    [Fact]
    public void RedNirOnly_Product_OpensForNdvi_AndCompositesOnTheReadBands()
    {
        using var tmp = new TempDir();
        var dir = WriteProduct(tmp.Path, "prod", "05.09");
        foreach (var name in new[] { "B02", "B03", "B11", "B12" }) File.Delete(Path.Combine(dir, $"{Prefix}{name}_{(name is "B02" or "B03" ? 10 : 20)}m.tif"));
        Assert.Contains("missing band B02", Assert.Throws<FileNotFoundException>(() => Sentinel2Scene.Open(dir)).Message); // all six by default
        var scene = Sentinel2Scene.Open(dir, bands: [CommonBand.Nir, CommonBand.Red]);
        Assert.Equal([CommonBand.Red, CommonBand.Nir], scene.Bands);
        var b = scene.Load();
        Assert.Equal(new HashSet<CommonBand> { CommonBand.Red, CommonBand.Nir }, b.Available);
        Assert.False(b.Has(CommonBand.Swir1));
        Assert.True(double.IsNaN(b.Blue.Band(0)[7, 9]));                       // not read
        Assert.Equal((2000 + 7 - 1000) / 10000.0, b.Red.Band(0)[7, 9], 1e-6);
        Assert.True(double.IsNaN(b.Red.Band(0)[0, 0]));                        // SCL 9
        // Composite of two such scenes: observations count when red and NIR are present (the unread bands stay NaN).
        var c = SceneComposite.Create([b, b], CompositeMethod.Median, "p");
        Assert.Equal(b.Available, c.Available);
        Assert.Equal(b.Red.Band(0)[7, 9], c.Red.Band(0)[7, 9], 1e-7);
        Assert.Equal(0, c.Clear!.Band(0)[0, 0]);
        Assert.Equal(1, c.Clear!.Band(0)[7, 9]);
        Assert.True(double.IsNaN(c.Swir2.Band(0)[7, 9]));
        double ndvi = (3007.0 - 1007.0) / (3007.0 + 1007.0);
        Assert.Equal(ndvi, c.Ndvi().Band(0)[7, 9], 1e-6);
        // A max-NDVI composite needs red and NIR.
        var swirOnly = Sentinel2Scene.Open(WriteProduct(tmp.Path, "prod2", "05.09"), bands: [CommonBand.Swir1]).Load();
        Assert.Contains("needs red and NIR", Assert.Throws<ArgumentException>(() => SceneComposite.Create([swirOnly], CompositeMethod.MaxNdvi, "p")).Message);
        Assert.Contains("no reflective band in common", Assert.Throws<ArgumentException>(() => SceneComposite.Create([b, b with { Available = new HashSet<CommonBand> { CommonBand.Swir1 } }], CompositeMethod.Median, "p")).Message);
    }

    [Fact]
    public void Load_OntoAGrid_ReadsTheWindow_OrWarpsAnUnalignedGrid()
    {
        using var tmp = new TempDir();
        var scene = Sentinel2Scene.Open(WriteProduct(tmp.Path, "prod", "04.00"), bands: [CommonBand.Red, CommonBand.Nir]);
        var crs = SpatialReference.Utm(47);
        var window = RasterGrid.NorthUp(6, 5, 399_960 + 40, 4_000_020 - 30, 10, crs);   // columns 4–9, rows 3–7
        var b = scene.Load(window);
        Assert.Equal(window, b.Grid);
        for (int r = 0; r < 5; r++) for (int c = 0; c < 6; c++) Assert.Equal((2000 + 4 + c - 1000) / 10000.0, b.Red.Band(0)[c, r], 1e-6);
        // Half a pixel east: bilinear between neighbouring columns (DN rises by 1 per column).
        var shifted = RasterGrid.NorthUp(6, 5, 399_960 + 45, 4_000_020 - 30, 10, crs);
        var s = scene.Load(shifted);
        Assert.Equal((2000 + 4.5 - 1000) / 10000.0, s.Red.Band(0)[0, 0], 1e-6);
        var outside = RasterGrid.NorthUp(4, 4, 800_000, 4_000_020, 10, crs);
        var e = Assert.Throws<ArgumentException>(() => scene.Load(outside));
        Assert.Contains("do not overlap", e.Message);
        Assert.Contains("SCL", e.Message);
    }

    [Fact]
    public void FileNames_AreParsed()
    {
        var f = Sentinel2BandFile.TryParse("/x/T47SMB_20210815T043709_B8A_20m.tif")!;
        Assert.Equal("B8A", f.Band); Assert.Equal(20, f.Resolution); Assert.Equal("T47SMB", f.Tile);
        Assert.Equal(new DateTime(2021, 8, 15, 4, 37, 9), f.SensingTime);
        Assert.Equal("SCL", Sentinel2BandFile.TryParse("SCL.tif")!.Band);
        Assert.Null(Sentinel2BandFile.TryParse("readme.txt"));
    }
}
