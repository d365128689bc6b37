using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing.Modis;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.RemoteSensing.Modis;

/// <summary>Guards MODIS VI GeoTIFFs as AppEEARS delivers them: scale 0.0001, fill −3000, valid range, quality layers, names.</summary>
public class ModisVegetationIndexTests
{
    [Fact]
    public void Ndvi_WithPixelReliability_IsScaledAndScreened()
    {
        using var tmp = new TempDir();
        var grid = RasterGrid.NorthUp(6, 1, 111.0, 36.2, 0.002083333, SpatialReference.Wgs84);
        var ndvi = Raster.Create(grid, PixelType.Int16, 1, -3000);
        var rel = Raster.Create(grid, PixelType.Int16, 1, -1);
        double[] dn = [5234, -3000, 8000, 7000, 6000, -2500];
        double[] q = [0, -1, 1, 2, 3, 0];
        for (int i = 0; i < 6; i++) { ndvi.Band(0)[i, 0] = dn[i]; rel.Band(0)[i, 0] = q[i]; }
        var np = tmp.File("MOD13Q1.061__250m_16_days_NDVI_doy2020225000000_aid0001.tif");
        var qp = tmp.File("MOD13Q1.061__250m_16_days_pixel_reliability_doy2020225000000_aid0001.tif");
        GeoTiff.Write(ndvi, np); GeoTiff.Write(rel, qp);
        var r = ModisVegetationIndex.Read(np, qp).Band(0).ToDoubleArray();
        Assert.Equal(0.5234, r[0], 1e-6);
        Assert.True(double.IsNaN(r[1]));             // fill
        Assert.Equal(0.8, r[2], 1e-6);               // marginal accepted
        Assert.True(double.IsNaN(r[3]) && double.IsNaN(r[4]));   // snow, cloudy
        Assert.True(double.IsNaN(r[5]));             // below the valid range −2000
        var strict = ModisVegetationIndex.Read(np, qp, acceptMarginal: false).Band(0).ToDoubleArray();
        Assert.True(double.IsNaN(strict[2]));
        var raw = ModisVegetationIndex.Read(np).Band(0).ToDoubleArray();
        Assert.Equal(0.7, raw[3], 1e-6);
        var name = ModisLayerName.TryParse(np)!;
        Assert.Equal("MOD13Q1.061", name.Product);
        Assert.Equal("250m_16_days_NDVI", name.Layer);
        Assert.Equal(new DateOnly(2020, 8, 12), name.Date);   // day 225 of 2020 (leap year)
    }

    [Fact]
    public void ViQuality_UsesModlandBits()
    {
        Assert.True(ModisVegetationIndex.Accepted(0b0000_1000_0100_0000, ModisQualityLayer.ViQuality));
        Assert.True(ModisVegetationIndex.Accepted(0b0000_1000_0100_0001, ModisQualityLayer.ViQuality));
        Assert.False(ModisVegetationIndex.Accepted(0b0000_1000_0100_0010, ModisQualityLayer.ViQuality));
        Assert.False(ModisVegetationIndex.Accepted(0b0000_1000_0100_0001, ModisQualityLayer.ViQuality, acceptMarginal: false));
    }
}
