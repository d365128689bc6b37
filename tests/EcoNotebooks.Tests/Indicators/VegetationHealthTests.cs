using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>VCI, TCI, VHI (Eq. 4, a = 0.5) against numpy ("vhi").</summary>
public class VegetationHealthTests
{
    [Fact]
    public void Vhi_by_hand()
    {
        // NDVI 0.62 in a record 0.55–0.71: VCI = 0.07/0.16 = 0.4375; BT 301 in 299–303.5: TCI = 2.5/4.5 = 0.5556; VHI = 0.4965…
        double vci = VegetationHealth.Vci(0.62, 0.55, 0.71), tci = VegetationHealth.Tci(301, 299, 303.5);
        Assert.Equal(0.4375, vci, 12);
        Assert.Equal(2.5 / 4.5, tci, 12);
        Assert.Equal(0.5 * 0.4375 + 0.5 * 2.5 / 4.5, VegetationHealth.Vhi(vci, tci), 12);
        Assert.Equal(0.5, VegetationHealth.DefaultVciWeight);
        Assert.True(double.IsNaN(VegetationHealth.Vci(0.5, 0.5, 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VegetationHealth.Vhi(0.5, 0.5, 1.5));
    }

    [Fact]
    public void Multi_year_rasters_match_numpy()
    {
        var v = Ref.GetProperty("vhi");
        var ndvi = v.GetProperty("ndvi").EnumerateArray().Select(Doubles).ToArray();        // [pixel][year]
        var temp = v.GetProperty("temperature").EnumerateArray().Select(Doubles).ToArray();
        var expected = v.GetProperty("values").EnumerateArray().ToArray();                   // pixel-major, year-minor
        var ndviYears = Enumerable.Range(0, 3).Select(y => (BandRef)Make(3, 1, ndvi.Select(p => p[y]).ToArray())).ToArray();
        var tempYears = Enumerable.Range(0, 3).Select(y => (BandRef)Make(3, 1, temp.Select(p => p[y]).ToArray())).ToArray();
        var vhi = VegetationHealth.Vhi(ndviYears, tempYears, outputType: PixelType.Float64);
        for (int y = 0; y < 3; y++)
        {
            var got = Values(vhi[y]);
            var exp = Enumerable.Range(0, 3).Select(p => expected[p * 3 + y].GetProperty("vhi")).Select(e => e.ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();
            AllClose(exp, got, 1e-12, $"VHI year {y}");
        }
        var (min, max) = VegetationHealth.StackRange(ndviYears);
        Assert.Equal(0.55, min.Band(0)[0, 0], 12);
        Assert.Equal(0.71, max.Band(0)[0, 0], 12);
        var vci = Values(VegetationHealth.Vci(ndviYears[0], min, max, PixelType.Float64));
        Assert.Equal(expected[0].GetProperty("vci").GetDouble(), vci[0], 12);
    }
}
