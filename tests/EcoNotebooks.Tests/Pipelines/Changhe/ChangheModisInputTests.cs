using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Pipelines.Changhe;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Changhe;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

/// <summary>AppEEARS MODIS NDVI files as the coarse NDVI of the own-data loader.</summary>
[Collection("changhe-pipeline")]
public sealed class ChangheModisInputTests
{
    // A 0.0025° (≈ 250 m) EPSG:4326 grid around the small sample's UTM grid, int16 DN as AppEEARS writes them.
    private static readonly RasterGrid Geographic = RasterGrid.NorthUp(80, 64, 112.55, 35.70, 0.0025, SpatialReference.Wgs84);

    private static void WriteDn(string path, short dn, short? cornerDn = null)
    {
        var data = Enumerable.Repeat(dn, Geographic.Width * Geographic.Height).ToArray();
        if (cornerDn is short c) data[0] = c;
        GeoTiff.Write(new Raster(Geographic, [new RasterBand<short>(Geographic.Width, Geographic.Height, data)]), path);
    }

    // Guards the monthly maximum-value composite: two July composites (DN 5000 and 6000 → 0.5 and 0.6) give 0.6 on the
    // whole 30 m grid; when the 6000 composite's pixel_reliability is 3 (cloudy) it is screened out and July is 0.5
    // (bilinear warp of a constant field is exact; float32 storage → 1e-6); a month without composites names the folder.
    [Fact]
    public void Modis_folder_gives_the_monthly_maximum_value_composite_on_the_grid()
    {
        var small = ChangheGenerator.Generate(new ChangheSampleOptions { Width = 48, Height = 40, FirstYear = 2015, LastYear = 2015, SoilPoints = 30 });
        using var tmp = new TempDir();
        GeoTiff.Write(small.LandCover, tmp.File("land-cover.tif"));
        GeoTiff.Write(small.LandDegradation, tmp.File("ld.tif"));
        foreach (var (k, v) in small.Climate) GeoTiff.Write(v, tmp.File(k + ".tif"));
        CsvTable.Write(small.SoilSamples, tmp.File("soil-samples.csv"));
        Directory.CreateDirectory(tmp.File("monthly"));
        foreach (var m in small.Months)
        {
            string F(string kind) => Path.Combine(tmp.Path, "monthly", $"{kind}_{m.Year}-{m.Month:00}.tif");
            GeoTiff.Write(m.Ndvi, F("ndvi")); GeoTiff.Write(m.Temperature, F("temperature")); GeoTiff.Write(m.Precipitation, F("precipitation"));
            GeoTiff.Write(m.SolarRadiation, F("solar"));
        }
        var modis = tmp.File("modis");
        Directory.CreateDirectory(modis);
        WriteDn(Path.Combine(modis, "MOD13Q1.061__250m_16_days_NDVI_doy2015193_aid0001.tif"), 5000, -3000);
        WriteDn(Path.Combine(modis, "MOD13Q1.061__250m_16_days_NDVI_doy2015209_aid0001.tif"), 6000);
        WriteDn(Path.Combine(modis, "MOD13Q1.061__250m_16_days_NDVI_doy2015225_aid0001.tif"), 7000);

        var loaded = ChangheInputFiles.Load(tmp.Path);
        Assert.Null(loaded.FineNdvi);
        Assert.NotNull(loaded.CoarseNdvi);
        var july = Raster.Load(loaded.CoarseNdvi!(2015, 7));
        Assert.True(july.Grid.Matches(small.Grid));
        Assert.All(july[0].ToDoubleArray(), v => Assert.Equal(0.6, v, 1e-6));
        Assert.All(Raster.Load(loaded.CoarseNdvi(2015, 8))[0].ToDoubleArray(), v => Assert.Equal(0.7, v, 1e-6));

        WriteDn(Path.Combine(modis, "MOD13Q1.061__250m_16_days_pixel_reliability_doy2015209_aid0001.tif"), 3);
        var screened = Raster.Load(ChangheInputFiles.Load(tmp.Path).CoarseNdvi!(2015, 7));
        Assert.All(screened[0].ToDoubleArray(), v => Assert.Equal(0.5, v, 1e-6));

        // a composite cloudy everywhere is skipped; one that does not overlap the grid names its file
        WriteDn(Path.Combine(modis, "MOD13Q1.061__250m_16_days_pixel_reliability_doy2015193_aid0001.tif"), 3);
        Assert.All(Raster.Load(ChangheInputFiles.Load(tmp.Path).CoarseNdvi!(2015, 7))[0].ToDoubleArray(), v => Assert.True(double.IsNaN(v)));
        var far = RasterGrid.NorthUp(10, 10, 100.0, 20.0, 0.0025, SpatialReference.Wgs84);
        GeoTiff.Write(new Raster(far, [new RasterBand<short>(10, 10, Enumerable.Repeat((short)4000, 100).ToArray())]), Path.Combine(modis, "MOD13Q1.061__250m_16_days_NDVI_doy2015289_aid0001.tif"));
        var away = Assert.Throws<ArgumentException>(() => ChangheInputFiles.Load(tmp.Path).CoarseNdvi!(2015, 10));
        Assert.Contains("doy2015289", away.Message);

        var e = Assert.Throws<FileNotFoundException>(() => loaded.CoarseNdvi(2015, 3));
        Assert.Contains("2015-03", e.Message);
        Assert.Contains("modis", e.Message);
    }
}
