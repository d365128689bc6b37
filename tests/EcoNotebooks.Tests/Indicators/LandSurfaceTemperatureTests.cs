using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>LST by the radiative transfer equation (Eq. 8): Planck round trips and numpy forward radiances ("lst").</summary>
public class LandSurfaceTemperatureTests
{
    [Theory]
    [InlineData(Sensor.LandsatTM)]
    [InlineData(Sensor.LandsatEtm)]
    [InlineData(Sensor.LandsatOli)]
    public void Planck_then_inverse_planck_returns_the_temperature(Sensor sensor)
    {
        var k = SensorBands.Thermal(sensor);
        for (double t = 250; t <= 340; t += 7.5)
            Assert.Equal(t, LandSurfaceTemperature.InversePlanck(LandSurfaceTemperature.Planck(t, k), k), 9);
    }

    [Fact]
    public void Tm_planck_at_300_kelvin_by_hand()
    {
        // B(300 K) = 607.76 / (exp(1260.56/300) − 1) = 607.76 / (e^4.201867 − 1) = 607.76 / 65.8218… = 9.2334… W m⁻² sr⁻¹ µm⁻¹
        double b = LandSurfaceTemperature.Planck(300, SensorBands.Thermal(Sensor.LandsatTM));
        Assert.Equal(607.76 / (Math.Exp(1260.56 / 300) - 1), b, 12);
        Assert.InRange(b, 9.23, 9.24);
    }

    [Fact]
    public void Rte_forward_then_inverse_recovers_surface_temperature_and_matches_numpy()
    {
        var l = Ref.GetProperty("lst");
        var a = l.GetProperty("atmosphere");
        var atm = new AtmosphericProfile(a.GetProperty("tau").GetDouble(), a.GetProperty("up").GetDouble(), a.GetProperty("down").GetDouble());
        foreach (var c in l.GetProperty("cases").EnumerateArray())
        {
            var sensor = Enum.Parse<Sensor>(c.GetProperty("sensor").GetString()!);
            var k = SensorBands.Thermal(sensor);
            double ts = c.GetProperty("ts").GetDouble(), ndvi = c.GetProperty("ndvi").GetDouble();
            double eps = LandSurfaceTemperature.Emissivity(ndvi);
            Assert.Equal(c.GetProperty("emissivity").GetDouble(), eps, 1e-14);
            double radiance = LandSurfaceTemperature.AtSensorRadiance(ts, eps, atm, k);
            Assert.Equal(c.GetProperty("radiance").GetDouble(), radiance, 1e-12);
            Assert.Equal(ts, LandSurfaceTemperature.SurfaceTemperature(radiance, eps, atm, k), 1e-9);
            Assert.Equal(c.GetProperty("bt").GetDouble(), LandSurfaceTemperature.BrightnessTemperature(radiance, sensor), 1e-9);
            // The atmosphere cools the signal here, so brightness temperature < surface temperature.
            Assert.True(LandSurfaceTemperature.BrightnessTemperature(radiance, sensor) < ts);
        }
    }

    [Fact]
    public void Sobrino_emissivity_thresholds()
    {
        Assert.Equal(0.97, LandSurfaceTemperature.Emissivity(0.1));
        Assert.Equal(0.99, LandSurfaceTemperature.Emissivity(0.6));
        // NDVI 0.35: Pv = (0.15/0.3)² = 0.25; ε = 0.99·0.25 + 0.97·0.75 + 0.03·0.75·0.55·0.99 = 0.2475 + 0.7275 + 0.01225125 = 0.98725125
        Assert.Equal(0.98725125, LandSurfaceTemperature.Emissivity(0.35), 12);
        Assert.True(double.IsNaN(LandSurfaceTemperature.Emissivity(double.NaN)));
    }

    [Fact]
    public void Raster_lst_from_a_band_set_inverts_synthetic_radiance()
    {
        // Three pixels with known Ts and NDVI; radiance made by the forward RTE, then inverted by the raster function.
        var atm = new AtmosphericProfile(0.85, 1.1, 1.9);
        var k = SensorBands.Thermal(Sensor.LandsatOli);
        double[] ts = [296.0, 303.0, 315.0];
        double[] red = [0.04, 0.10, 0.20], nir = [0.40, 0.20, 0.22];
        var radiance = ts.Select((t, i) => LandSurfaceTemperature.AtSensorRadiance(t,
            LandSurfaceTemperature.Emissivity(VegetationIndices.Ndvi(red[i], nir[i])), atm, k)).ToArray();
        var zero = Make(3, 1, [0.05, 0.05, 0.05]);
        var set = new BandSet(Sensor.LandsatOli, zero, zero, Make(3, 1, red), Make(3, 1, nir), zero, zero, Make(3, 1, radiance));
        var lst = Values(LandSurfaceTemperature.Compute(set, atm, outputType: PixelType.Float64));
        AllClose(ts, lst, 1e-9, "LST K");
        var celsius = Values(LandSurfaceTemperature.Compute(set, atm, celsius: true, outputType: PixelType.Float64));
        AllClose(ts.Select(t => t - 273.15).ToArray(), celsius, 1e-9, "LST °C");
    }

    [Fact]
    public void Invalid_atmosphere_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AtmosphericProfile(1.3, 0, 0).Validate());
        Assert.Contains("1.3", ex.Message);
    }
}
