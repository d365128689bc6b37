using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>Population density (C5), PM2.5 (C16) and CO2 (C17) layers.</summary>
public class PopulationAndAirTests
{
    [Fact]
    public void Density_from_counts_per_30m_pixel()
    {
        // 9 persons on a 900 m² pixel = 9 / 0.0009 km² = 10,000 persons km⁻²; negative counts are missing.
        var d = Values(PopulationDensity.FromCounts(Make(3, 1, [9, 0, -1]), PixelType.Float64));
        Assert.Equal(10000, d[0], 9); Assert.Equal(0, d[1]); Assert.True(double.IsNaN(d[2]));
        Assert.Equal(250, PopulationDensity.Density(5000, 20), 12);
    }

    [Fact]
    public void Zone_totals_spread_over_zone_area()
    {
        // Zone 1 has 3 pixels (2700 m² = 0.0027 km²) and 54 persons → 20,000 km⁻²; zone 2 has 1 pixel and no total → NaN.
        var zones = Make(5, 1, [1, 1, 2, 1, double.NaN]);
        var d = Values(PopulationDensity.FromZoneTotals(zones, new Dictionary<int, double> { [1] = 54 }, PixelType.Float64));
        Assert.Equal(20000, d[0], 9); Assert.Equal(20000, d[3], 9);
        Assert.True(double.IsNaN(d[2])); Assert.True(double.IsNaN(d[4]));
        var (co2, areas) = AreaDensity.FromZoneTotals(zones, new Dictionary<int, double> { [1] = 2.7, [2] = 9 });
        Assert.Equal(2700, areas[1], 9);
        Assert.Equal(1000, co2.Band(0)[0, 0], 3);   // 2.7 t / 0.0027 km² = 1000 t km⁻²
        Assert.Equal(10000, co2.Band(0)[2, 0], 3);  // 9 t / 0.0009 km²
        var c = Values(AirPollution.Co2FromCountyTotals(zones, new Dictionary<int, double> { [1] = 2.7, [2] = 9 }, PixelType.Float64));
        Assert.Equal(1000, c[0], 9);
    }

    [Fact]
    public void Pm25_passes_through_and_drops_negatives()
    {
        var p = Values(AirPollution.Pm25(Make(3, 1, [35.2, -1, double.NaN]), PixelType.Float64));
        Assert.Equal(35.2, p[0], 12); Assert.True(double.IsNaN(p[1])); Assert.True(double.IsNaN(p[2]));
    }

    [Fact]
    public void Resample_coarse_layer_to_30m()
    {
        // A 2×2 source of 60 m pixels with values 0, 10 / 20, 30 resampled to 4×4 of 30 m on the same extent.
        var src = Raster.FromArray(RasterGrid.NorthUp(2, 2, 300000, 2770000, 60, SpatialReference.Utm(50)), new double[] { 0, 10, 20, 30 });
        var target = Grid(4, 4);
        var nearest = Values(AirPollution.Resample(src, target, bilinear: false, PixelType.Float64));
        Assert.Equal(new double[] { 0, 0, 10, 10, 0, 0, 10, 10, 20, 20, 30, 30, 20, 20, 30, 30 }, nearest);
        var bil = Values(AirPollution.Resample(src, target, bilinear: true, PixelType.Float64));
        // Target centre (1,1) sits at source pixel coordinate (0.75, 0.75) → centre space (0.25, 0.25):
        // 0·0.75·0.75 + 10·0.25·0.75 + 20·0.75·0.25 + 30·0.25·0.25 = 1.875 + 3.75 + 1.875 = 7.5
        Assert.Equal(7.5, bil[1 * 4 + 1], 12);
        Assert.Equal(0, bil[0], 12);      // border clamps to the edge value
        Assert.Equal(30, bil[15], 12);
        var ex = Assert.Throws<ArgumentException>(() => AirPollution.Resample(src, RasterGrid.NorthUp(2, 2, 115, 25, 0.001, SpatialReference.Wgs84)));
        Assert.Contains("reproject", ex.Message);
    }
}
