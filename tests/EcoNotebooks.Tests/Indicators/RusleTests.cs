using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>RUSLE factors R, K, C, P and the product (Eq. 3) against hand values and numpy ("rusle").</summary>
public class RusleTests
{
    [Fact]
    public void Rainfall_erosivity_single_wet_month_by_hand()
    {
        // Only one month with 100 mm: P = 100, P₁²/P = 100, lg 100 = 2 → 1.735·10^(3 − 0.8188) = 1.735·151.708… = 263.21…; × 17.02.
        double expected = 17.02 * 1.735 * Math.Pow(10, 3 - 0.8188);
        Assert.Equal(expected, Rusle.RainfallErosivity([0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0]), 9);
        Assert.Equal(0, Rusle.RainfallErosivity(new double[12]));
        Assert.Equal(100, Rusle.ModifiedFournierIndex([0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0]), 12);
    }

    [Fact]
    public void Rainfall_erosivity_rasters_match_numpy()
    {
        var r = Ref.GetProperty("rusle");
        var months = r.GetProperty("monthly").EnumerateArray().Select(Doubles).ToArray();
        var expected = Doubles(r.GetProperty("r"));
        var mfi = Doubles(r.GetProperty("mfi"));
        for (int i = 0; i < months.Length; i++)
        {
            Assert.Equal(expected[i], Rusle.RainfallErosivity(months[i]), 1e-9 * expected[i]);
            Assert.Equal(mfi[i], Rusle.ModifiedFournierIndex(months[i]), 1e-9 * mfi[i]);
        }
        // Twelve 3×1 rasters, one per month, holding the three reference years side by side.
        var rasters = Enumerable.Range(0, 12).Select(m => (BandRef)Make(3, 1, months.Select(y => y[m]).ToArray())).ToArray();
        AllClose(expected, Values(Rusle.RainfallErosivity(rasters, PixelType.Float64)), 1e-12, "R");
    }

    [Fact]
    public void Negative_rainfall_is_rejected_with_its_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Rusle.RainfallErosivity([10, -3]));
        Assert.Contains("-3", ex.Message);
    }

    [Fact]
    public void Epic_erodibility_matches_numpy()
    {
        var r = Ref.GetProperty("rusle");
        var tex = r.GetProperty("textures").EnumerateArray().Select(Doubles).ToArray();
        var us = Doubles(r.GetProperty("k_us")); var si = Doubles(r.GetProperty("k_si"));
        for (int i = 0; i < tex.Length; i++)
        {
            Assert.Equal(us[i], Rusle.ErodibilityEpic(tex[i][0], tex[i][1], tex[i][2], tex[i][3], si: false), 1e-12);
            Assert.Equal(si[i], Rusle.ErodibilityEpic(tex[i][0], tex[i][1], tex[i][2], tex[i][3]), 1e-12);
        }
        var k = Rusle.ErodibilityEpic(Make(2, 1, [tex[0][0], tex[1][0]]), Make(2, 1, [tex[0][1], tex[1][1]]),
            Make(2, 1, [tex[0][2], tex[1][2]]), Make(2, 1, [tex[0][3], tex[1][3]]), PixelType.Float64);
        AllClose(si[..2], Values(k), 1e-12, "K raster");
        Assert.Throws<ArgumentOutOfRangeException>(() => Rusle.ErodibilityEpic(60, 40, 20, 1));
    }

    [Fact]
    public void Cover_factor_piecewise_limits()
    {
        Assert.Equal(1, Rusle.CoverManagement(0));                             // f = 0 → 1
        Assert.Equal(1, Rusle.CoverManagement(0.0005));                        // 0.05 %: 0.6508 + 0.3436·1.301 = 1.098 → clipped to 1
        Assert.Equal(0.6508 + 0.3436, Rusle.CoverManagement(0.001), 12);      // 0.1 %: lg 0.1 = −1
        Assert.Equal(0.6508, Rusle.CoverManagement(0.01), 12);                // 1 %: lg 1 = 0
        Assert.Equal(0.6508 - 0.3436, Rusle.CoverManagement(0.1), 12);        // 10 %: lg 10 = 1
        Assert.Equal(0.6508 - 0.3436 * Math.Log10(78.3), Rusle.CoverManagement(0.783), 12); // upper end of the log branch ≈ 1.03e-4
        Assert.Equal(0, Rusle.CoverManagement(0.7831));                        // above 78.3 % → 0
        Assert.Equal(0, Rusle.CoverManagement(1));
        Assert.True(double.IsNaN(Rusle.CoverManagement(double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rusle.CoverManagement(1.2));
        var r = Ref.GetProperty("rusle");
        var f = Doubles(r.GetProperty("fvc"));
        AllClose(Doubles(r.GetProperty("c")), Values(Rusle.CoverManagement(Make(f.Length, 1, f), PixelType.Float64)), 1e-12, "C");
    }

    [Fact]
    public void Practice_factor_table_and_soil_loss_product()
    {
        var lc = Make(4, 1, [1, 2, 8, double.NaN]);
        var p = Values(Rusle.SupportPractice(lc, PracticeFactorTable.ClcdDefault, PixelType.Float64));
        Assert.Equal(0.35, p[0], 14); Assert.Equal(1, p[1]); Assert.Equal(0, p[2]); Assert.True(double.IsNaN(p[3]));
        var ex = Assert.Throws<ArgumentException>(() => Rusle.SupportPractice(Make(1, 1, [42]), PracticeFactorTable.ClcdDefault));
        Assert.Contains("42", ex.Message);
        // A = R·K·LS·C·P = 5000 · 0.03 · 2.5 · 0.2 · 0.35 = 26.25 t ha⁻¹ a⁻¹
        Assert.Equal(26.25, Rusle.SoilLoss(5000, 0.03, 2.5, 0.2, 0.35), 10);
        var a = Values(Rusle.SoilLoss(Make(1, 1, [5000]), Make(1, 1, [0.03]), Make(1, 1, [2.5]), Make(1, 1, [0.2]), Make(1, 1, [0.35]), PixelType.Float64));
        Assert.Equal(26.25, a[0], 10);
    }
}
