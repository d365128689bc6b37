using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>Albedo, NDVI, NDMVI, tasseled cap and NDBSI against hand computation and Reference/indicators.py ("spectral").</summary>
public class SpectralIndicatorTests
{
    private const double Tol = 1e-12;

    private static (Reflectance[] Pixels, System.Text.Json.JsonElement[] Expected) Cases()
    {
        var px = Ref.GetProperty("spectral").GetProperty("pixels").EnumerateArray().ToArray();
        return (px.Select(p => { var b = Doubles(p.GetProperty("bands")); return new Reflectance(b[0], b[1], b[2], b[3], b[4], b[5]); }).ToArray(), px);
    }

    /// <summary>Six 3×1 rasters holding the three reference pixels, as a band set of <paramref name="sensor"/>.</summary>
    private static BandSet Bands(Sensor sensor)
    {
        var (p, _) = Cases();
        Raster Col(Func<Reflectance, double> f) => Make(3, 1, p.Select(f).ToArray());
        return new BandSet(sensor, Col(x => x.Blue), Col(x => x.Green), Col(x => x.Red), Col(x => x.Nir), Col(x => x.Swir1), Col(x => x.Swir2));
    }

    [Fact]
    public void Albedo_of_a_vegetation_pixel_by_hand()
    {
        // 0.356·0.045 + 0.130·0.062 + 0.373·0.318 + 0.085·0.172 + 0.072·0.089 = 0.163722; −0.0018 = 0.161922; /1.016 = 0.1593720472…
        Assert.Equal(0.161922 / 1.016, Albedo.Compute(0.045, 0.062, 0.318, 0.172, 0.089), 14);
        Assert.Equal(1.016, Albedo.Divisor, 14);
    }

    [Fact]
    public void Ndvi_by_hand_and_zero_denominator_is_nan()
    {
        Assert.Equal(0.256 / 0.380, VegetationIndices.Ndvi(0.062, 0.318), 14); // (0.318 − 0.062)/(0.318 + 0.062)
        Assert.True(double.IsNaN(VegetationIndices.Ndvi(0, 0)));
        Assert.True(double.IsNaN(VegetationIndices.Ndvi(double.NaN, 0.3)));
    }

    [Fact]
    public void Ndmvi_equals_ndvi_of_dark_object_corrected_bands()
    {
        // Eq. 5 with Rmin = 0.021, NIRmin = 0.013: [(0.318 − 0.062) + (0.021 − 0.013)] / [(0.318 + 0.062) − (0.021 + 0.013)] = 0.264/0.346
        Assert.Equal(0.264 / 0.346, VegetationIndices.Ndmvi(0.062, 0.318, 0.021, 0.013), 14);
        Assert.Equal(VegetationIndices.Ndvi(0.062 - 0.021, 0.318 - 0.013), VegetationIndices.Ndmvi(0.062, 0.318, 0.021, 0.013), 14);
    }

    [Fact]
    public void Per_pixel_formulas_match_numpy_reference()
    {
        var (p, e) = Cases();
        double rmin = Ref.GetProperty("spectral").GetProperty("red_min").GetDouble();
        double nmin = Ref.GetProperty("spectral").GetProperty("nir_min").GetDouble();
        for (int i = 0; i < p.Length; i++)
        {
            var x = e[i];
            Assert.Equal(x.GetProperty("albedo").GetDouble(), Albedo.Compute(p[i]), Tol);
            Assert.Equal(x.GetProperty("ndvi").GetDouble(), VegetationIndices.Ndvi(p[i].Red, p[i].Nir), Tol);
            Assert.Equal(x.GetProperty("ndmvi").GetDouble(), VegetationIndices.Ndmvi(p[i].Red, p[i].Nir, rmin, nmin), Tol);
            Assert.Equal(x.GetProperty("brightness_tm").GetDouble(), TasseledCap.Brightness(Sensor.LandsatTM, p[i]), Tol);
            Assert.Equal(x.GetProperty("brightness_oli").GetDouble(), TasseledCap.Brightness(Sensor.LandsatOli, p[i]), Tol);
            Assert.Equal(x.GetProperty("wetness_tm_crist1985").GetDouble(), TasseledCap.Wetness(Sensor.LandsatTM, p[i]), Tol);
            Assert.Equal(x.GetProperty("wetness_tm_cristcicone1984").GetDouble(), TasseledCap.Wetness(Sensor.LandsatTM, p[i], TmWetnessCoefficients.CristCicone1984), Tol);
            Assert.Equal(x.GetProperty("wetness_oli").GetDouble(), TasseledCap.Wetness(Sensor.LandsatOli, p[i]), Tol);
            Assert.Equal(x.GetProperty("si").GetDouble(), Dryness.BareSoilIndex(p[i].Blue, p[i].Red, p[i].Nir, p[i].Swir1), Tol);
            Assert.Equal(x.GetProperty("ibi").GetDouble(), Dryness.BuiltUpIndex(p[i].Green, p[i].Red, p[i].Nir, p[i].Swir1), Tol);
            Assert.Equal(x.GetProperty("ndbsi").GetDouble(), Dryness.Ndbsi(p[i]), Tol);
        }
    }

    [Fact]
    public void Brightness_coefficients_are_the_papers_eq_9_and_10()
    {
        Assert.Equal(new[] { 0.3037, 0.2793, 0.4743, 0.5585, 0.5082, 0.1863 }, TasseledCap.TmBrightness);
        Assert.Equal(new[] { 0.3029, 0.2786, 0.4733, 0.5599, 0.508, 0.1872 }, TasseledCap.OliBrightness);
        // A flat reflectance of 0.1 gives 0.1 × Σ coefficients: TM 0.1 × 2.3103, OLI 0.1 × 2.3099.
        var flat = new Reflectance(0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        Assert.Equal(0.23103, TasseledCap.Brightness(Sensor.LandsatTM, flat), 12);
        Assert.Equal(0.23099, TasseledCap.Brightness(Sensor.LandsatOli, flat), 12);
    }

    [Theory]
    [InlineData(Sensor.LandsatTM)]
    [InlineData(Sensor.LandsatOli)]
    public void Raster_functions_equal_per_pixel_functions(Sensor sensor)
    {
        var (p, e) = Cases();
        var set = Bands(sensor);
        string suffix = sensor == Sensor.LandsatOli ? "oli" : "tm";
        AllClose(e.Select(x => x.GetProperty("albedo").GetDouble()).ToArray(), Values(Albedo.Compute(set, PixelType.Float64)), Tol, "albedo");
        AllClose(e.Select(x => x.GetProperty("ndvi").GetDouble()).ToArray(), Values(VegetationIndices.Ndvi(set, PixelType.Float64)), Tol, "ndvi");
        AllClose(e.Select(x => x.GetProperty("brightness_" + suffix).GetDouble()).ToArray(), Values(TasseledCap.Brightness(set, PixelType.Float64)), Tol, "brightness");
        AllClose(e.Select(x => x.GetProperty(sensor == Sensor.LandsatOli ? "wetness_oli" : "wetness_tm_crist1985").GetDouble()).ToArray(),
            Values(TasseledCap.Wetness(set, outputType: PixelType.Float64)), Tol, "wetness");
        AllClose(e.Select(x => x.GetProperty("ndbsi").GetDouble()).ToArray(), Values(Dryness.Ndbsi(set, PixelType.Float64)), Tol, "ndbsi");
        // NDMVI with minima taken from the rasters: red min is the water pixel's 0.055, NIR min 0.031.
        var ndmvi = Values(VegetationIndices.Ndmvi(set, outputType: PixelType.Float64));
        AllClose(p.Select(x => VegetationIndices.Ndmvi(x.Red, x.Nir, 0.055, 0.031)).ToArray(), ndmvi, Tol, "ndmvi");
        Assert.True(double.IsNaN(ndmvi[2])); // the water pixel is both minima: 0/0
        Assert.Equal(PixelType.Float32, Albedo.Compute(set).PixelType);
    }

    [Fact]
    public void Nodata_and_nan_inputs_give_nan_outputs()
    {
        var grid = Grid(3, 1);
        var red = Raster.Create(grid, PixelType.Int16, noData: -9999);
        red.WriteWindow(0, new RasterWindow(0, 0, 3, 1), [-9999, 500, 600]);
        var nir = Raster.FromArray(grid, new double[] { 3000, double.NaN, 2400 });
        var v = Values(VegetationIndices.Ndvi(red, nir, PixelType.Float64));
        Assert.True(double.IsNaN(v[0]));
        Assert.True(double.IsNaN(v[1]));
        Assert.Equal(1800.0 / 3000.0, v[2], 14);
    }

    [Fact]
    public void Bands_on_different_grids_are_rejected_naming_both()
    {
        var red = Make(2, 2, [0.1, 0.1, 0.1, 0.1]);
        var nir = Raster.FromArray(Grid(2, 2) with { Transform = GeoTransform.NorthUp(300030, 2770000, 30, 30) }, new double[] { 0.3, 0.3, 0.3, 0.3 });
        var ex = Assert.Throws<ArgumentException>(() => VegetationIndices.Ndvi(red, nir));
        Assert.Contains("red", ex.Message);
        Assert.Contains("nir", ex.Message);
    }

    [Fact]
    public void Pixel_map_streams_several_strips_and_matches_a_direct_loop()
    {
        // 700 × 500 = 350,000 pixels > one strip (2^18), so the map runs over two strips.
        int w = 700, h = 500;
        var rng = new Random(7);
        var a = Enumerable.Range(0, w * h).Select(_ => rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, w * h).Select(_ => rng.NextDouble()).ToArray();
        var r = PixelMap.Apply([Make(w, h, a), Make(w, h, b)], v => v[0] * 2 - v[1], PixelType.Float64);
        var got = Values(r);
        for (int i = 0; i < got.Length; i += 997) Assert.Equal(a[i] * 2 - b[i], got[i], 15);
        Assert.Equal(a[^1] * 2 - b[^1], got[^1], 15);
    }
}
