using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>The 17-indicator stack wires each Table 2 code to its documented function.</summary>
public class IndicatorStackTests
{
    private const int W = 24, H = 18;

    private static IndicatorYearInputs Year(int year, Sensor sensor, int seed, Raster dem)
    {
        var rng = new Random(seed);
        Raster Field(Func<int, int, double> f) => Make(W, H, Enumerable.Range(0, W * H).Select(i => f(i % W, i / W)).ToArray());
        // Land cover: forest with a cropland strip, a built-up corner and a mine (barren) patch that changes by year.
        var lc = Field((c, r) => c < 4 ? 1 : (r < 3 && c > 20) ? 8 : (Math.Abs(c - 12) + Math.Abs(r - 9) < 3 + seed % 3) ? 7 : rng.Next(6) == 0 ? 4 : 2);
        var lcv = Values(lc);
        double Veg(int i) => lcv[i] switch { 2 => 0.8, 4 => 0.5, 1 => 0.45, _ => 0.05 };
        Raster Band(double soil, double veg, double noise) => Field((c, r) => { int i = r * W + c; double v = Veg(i); return soil * (1 - v) + veg * v + noise * (rng.NextDouble() - 0.5); });
        var k = SensorBands.Thermal(sensor);
        var atm = new AtmosphericProfile(0.8, 1.2, 2.0);
        var thermal = Field((c, r) => LandSurfaceTemperature.AtSensorRadiance(300 + 12 * (1 - Veg(r * W + c)) + rng.NextDouble(), 0.98, atm, k));
        var bands = new BandSet(sensor, Band(0.10, 0.03, 0.01), Band(0.14, 0.06, 0.01), Band(0.18, 0.04, 0.01),
            Band(0.22, 0.38, 0.02), Band(0.30, 0.17, 0.02), Band(0.25, 0.08, 0.01), thermal);
        var rain = Enumerable.Range(0, 12).Select(m => (BandRef)Field((c, r) => 40 + 200 * Math.Sin(Math.PI * m / 11) + c)).ToArray();
        return new IndicatorYearInputs(year, bands, atm, dem, lc, rain, Field((_, _) => 0.03), Field((c, r) => lcv[r * W + c] == 8 ? 20 : 1),
            Field((c, _) => 30 + c * 0.1), Field((_, r) => 100 + r));
    }

    [Fact]
    public void Stack_layers_equal_the_individual_functions()
    {
        var dem = Make(W, H, Enumerable.Range(0, W * H).Select(i => 400.0 - 2.5 * (i / W) + 1.5 * Math.Abs(i % W - 12)).ToArray());
        var years = new[] { Year(2005, Sensor.LandsatTM, 1, dem), Year(2020, Sensor.LandsatOli, 2, dem) };
        var opts = new IndicatorStackOptions(Landscape: new LandscapeOptions(5), OutputType: PixelType.Float64);
        var stack = IndicatorStack.Compute(years, opts);
        Assert.Equal(2, stack.Count);
        Assert.Equal(IndicatorSystem.Indicators.Select(i => i.Code), stack[0].Layers.Keys);
        for (int i = 0; i < 2; i++)
        {
            var y = years[i]; var s = stack[i];
            var ndmvi = VegetationIndices.Ndmvi(y.Bands, outputType: PixelType.Float64);
            var fvc = VegetationCover.Fvc(ndmvi, outputType: PixelType.Float64);
            AllClose(Values(fvc), Values(s.Layers["C3"]), 1e-12, "C3 FVC");
            var (ddi, _) = Desertification.Compute(VegetationIndices.Ndvi(y.Bands, PixelType.Float64), Albedo.Compute(y.Bands, PixelType.Float64), outputType: PixelType.Float64);
            AllClose(Values(ddi), Values(s.Layers["C1"]), 1e-12, "C1 DDI");
            var a = Rusle.SoilLoss(Rusle.RainfallErosivity(y.MonthlyRainfall, PixelType.Float64), y.Erodibility, SlopeLength.Compute(y.Dem, outputType: PixelType.Float64),
                Rusle.CoverManagement(fvc, PixelType.Float64), Rusle.SupportPractice(y.LandCover, PracticeFactorTable.ClcdDefault, PixelType.Float64), PixelType.Float64);
            AllClose(Values(a), Values(s.Layers["C2"]), 1e-12, "C2 soil loss");
            AllClose(Values(TasseledCap.Brightness(y.Bands, PixelType.Float64)), Values(s.Layers["C11"]), 1e-12, "C11 brightness");
            AllClose(Values(LandscapeDiversity.Shdi(y.LandCover, new LandscapeOptions(5), PixelType.Float64)), Values(s.Layers["C14"]), 1e-12, "C14 SHDI");
            var lst = Values(s.Layers["C9"]);
            Assert.All(lst, v => Assert.InRange(v, 295, 320)); // synthetic surface temperatures 300–313 K
            var vhi = Values(s.Layers["C4"]);
            Assert.All(vhi.Where(v => !double.IsNaN(v)), v => Assert.InRange(v, 0, 1));
        }
        // One A_bio for both years: the best window over both years scores 100.
        double max = stack.SelectMany(s => Values(s.Layers["C12"])).Where(v => !double.IsNaN(v)).Max();
        Assert.Equal(100, max, 9);
        Assert.Equal(stack[0].BaiNormalisation, stack[1].BaiNormalisation);
        // VHI over two years: at each pixel VCI and TCI are 0 in one year and 1 in the other, so VHI₀ + VHI₁ = 1.
        var v0 = Values(stack[0].Layers["C4"]); var v1 = Values(stack[1].Layers["C4"]);
        var both = Enumerable.Range(0, v0.Length).Where(j => !double.IsNaN(v0[j]) && !double.IsNaN(v1[j])).ToArray();
        Assert.True(both.Length > W * H / 2, $"only {both.Length} pixels have a VHI in both years");
        Assert.All(both, j => Assert.Equal(1, v0[j] + v1[j], 1e-12));
    }

    [Fact]
    public void A_single_year_is_rejected()
    {
        var dem = Make(W, H, new double[W * H]);
        var ex = Assert.Throws<ArgumentException>(() => IndicatorStack.Compute([Year(2000, Sensor.LandsatTM, 1, dem)]));
        Assert.Contains("multi-year", ex.Message);
    }
}
