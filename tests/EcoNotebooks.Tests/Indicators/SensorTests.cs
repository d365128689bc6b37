using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

public class SensorTests
{
    [Theory]
    [InlineData(SpectralBand.Blue, 1, 2)]
    [InlineData(SpectralBand.Green, 2, 3)]
    [InlineData(SpectralBand.Red, 3, 4)]
    [InlineData(SpectralBand.Nir, 4, 5)]
    [InlineData(SpectralBand.Swir1, 5, 6)]
    [InlineData(SpectralBand.Swir2, 7, 7)]
    [InlineData(SpectralBand.Thermal, 6, 10)]
    public void Band_numbers_map_tm_to_oli(SpectralBand band, int tm, int oli)
    {
        Assert.Equal(tm, SensorBands.BandNumber(Sensor.LandsatTM, band));
        Assert.Equal(tm, SensorBands.BandNumber(Sensor.LandsatEtm, band));
        Assert.Equal(oli, SensorBands.BandNumber(Sensor.LandsatOli, band));
        Assert.Equal(band, SensorBands.FromBandNumber(Sensor.LandsatOli, oli));
    }

    [Fact]
    public void Unused_band_numbers_are_rejected_with_the_number()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SensorBands.FromBandNumber(Sensor.LandsatOli, 1));
        Assert.Contains("band 1", ex.Message);
    }

    [Fact]
    public void Thermal_constants_are_the_handbook_values()
    {
        Assert.Equal(new ThermalConstants(607.76, 1260.56), SensorBands.Thermal(Sensor.LandsatTM));
        Assert.Equal(new ThermalConstants(774.8853, 1321.0789), SensorBands.Thermal(Sensor.LandsatOli));
        Assert.Equal(new ThermalConstants(666.09, 1282.71), SensorBands.Thermal(Sensor.LandsatEtm));
    }

    [Fact]
    public void Oli_stack_reads_blue_from_band_2_and_thermal_from_band_10()
    {
        // An 11-band OLI stack whose band i (0-based) holds the value i + 1.
        var grid = Grid(2, 1);
        var stack = new Raster(grid, Enumerable.Range(0, 11).Select(i => (RasterBand)new RasterBand<double>(2, 1, [i + 1.0, i + 1.0])).ToArray());
        var set = BandSet.FromSensorStack(Sensor.LandsatOli, stack);
        Assert.Equal(1, set.Blue.Band);       // band 2
        Assert.Equal(6, set.Swir2.Band);      // band 7
        Assert.Equal(9, set.Thermal!.Value.Band); // band 10
        var tm = BandSet.FromSensorStack(Sensor.LandsatTM, stack);
        Assert.Equal(0, tm.Blue.Band);
        Assert.Equal(4, tm.Swir1.Band);
        Assert.Equal(6, tm.Swir2.Band);
        Assert.Equal(5, tm.Thermal!.Value.Band);
    }

    [Fact]
    public void Short_stack_has_no_thermal_and_asking_for_it_throws()
    {
        var grid = Grid(1, 1);
        var stack = new Raster(grid, Enumerable.Range(0, 7).Select(_ => (RasterBand)new RasterBand<double>(1, 1)).ToArray());
        var set = BandSet.FromSensorStack(Sensor.LandsatOli, stack);
        Assert.Null(set.Thermal);
        Assert.Throws<InvalidOperationException>(() => set[SpectralBand.Thermal]);
    }
}
