using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>FVC by the dimidiate pixel model (Eq. 6) against numpy (Reference/indicators.py, "fvc").</summary>
public class VegetationCoverTests
{
    [Fact]
    public void Fvc_by_hand_and_clipped()
    {
        // (0.45 − 0.05)/(0.85 − 0.05) = 0.5; below soil → 0; above vegetation → 1.
        Assert.Equal(0.5, VegetationCover.Fvc(0.45, 0.05, 0.85), 14);
        Assert.Equal(0, VegetationCover.Fvc(-0.2, 0.05, 0.85));
        Assert.Equal(1, VegetationCover.Fvc(0.95, 0.05, 0.85));
        Assert.True(double.IsNaN(VegetationCover.Fvc(double.NaN, 0.05, 0.85)));
        var ex = Assert.Throws<ArgumentException>(() => VegetationCover.Fvc(0.3, 0.5, 0.5));
        Assert.Contains("0.5", ex.Message);
    }

    [Fact]
    public void Percentile_endmembers_and_map_match_numpy()
    {
        var f = Ref.GetProperty("fvc");
        int w = f.GetProperty("width").GetInt32(), h = f.GetProperty("height").GetInt32();
        var ndvi = Make(w, h, Doubles(f.GetProperty("ndvi")));
        var e = VegetationCover.EstimateEndmembers(ndvi);
        Assert.Equal(f.GetProperty("soil").GetDouble(), e.Soil, 1e-12);
        Assert.Equal(f.GetProperty("veg").GetDouble(), e.Vegetation, 1e-12);
        AllClose(Doubles(f.GetProperty("fvc")), Values(VegetationCover.Fvc(ndvi, outputType: PixelType.Float64)), 1e-12, "fvc");
    }

    [Fact]
    public void Constant_index_has_no_endmembers()
    {
        var ex = Assert.Throws<ArgumentException>(() => VegetationCover.EstimateEndmembers(Make(2, 2, [0.3, 0.3, 0.3, 0.3])));
        Assert.Contains("contrast", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => VegetationCover.EstimateEndmembers(Make(2, 1, [0.1, 0.2]), 95, 5));
    }
}
