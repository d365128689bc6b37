namespace EcoNotebooks.Indicators;

/// <summary>Landsat sensors whose band sets the indicator formulas accept.</summary>
public enum Sensor
{
    /// <summary>Landsat 4/5 Thematic Mapper: bands 1 blue, 2 green, 3 red, 4 NIR, 5 SWIR1, 6 thermal (10.4–12.5 µm), 7 SWIR2.</summary>
    LandsatTM,
    /// <summary>Landsat 7 Enhanced Thematic Mapper Plus: same reflective numbering as TM; thermal band 6 (VCID 1, low gain).</summary>
    LandsatEtm,
    /// <summary>Landsat 8/9 OLI/TIRS: 1 coastal, 2 blue, 3 green, 4 red, 5 NIR, 6 SWIR1, 7 SWIR2, 10 thermal (TIRS 10.6–11.19 µm).</summary>
    LandsatOli,
}

/// <summary>Sensor-independent names of the reflective and thermal bands the indicators use.</summary>
public enum SpectralBand
{
    /// <summary>Blue (TM/ETM+ band 1, OLI band 2).</summary>
    Blue,
    /// <summary>Green (TM/ETM+ band 2, OLI band 3).</summary>
    Green,
    /// <summary>Red (TM/ETM+ band 3, OLI band 4).</summary>
    Red,
    /// <summary>Near infrared (TM/ETM+ band 4, OLI band 5).</summary>
    Nir,
    /// <summary>Shortwave infrared 1, ≈1.6 µm (TM/ETM+ band 5, OLI band 6).</summary>
    Swir1,
    /// <summary>Shortwave infrared 2, ≈2.2 µm (TM/ETM+ band 7, OLI band 7).</summary>
    Swir2,
    /// <summary>Thermal infrared (TM/ETM+ band 6, OLI/TIRS band 10).</summary>
    Thermal,
}

/// <summary>
/// Thermal calibration constants K1 (W m⁻² sr⁻¹ µm⁻¹) and K2 (K) of a sensor's thermal band, as published in the
/// Landsat metadata (MTL <c>K1_CONSTANT_BAND_x</c>, <c>K2_CONSTANT_BAND_x</c>). Planck's law then reads
/// B(T) = K1 / (exp(K2/T) − 1) and its inverse T = K2 / ln(K1/B + 1).
/// </summary>
/// <param name="K1">K1, W m⁻² sr⁻¹ µm⁻¹, &gt; 0.</param>
/// <param name="K2">K2, kelvin, &gt; 0.</param>
public readonly record struct ThermalConstants(double K1, double K2);

/// <summary>
/// Band-number mapping between <see cref="SpectralBand"/> names and sensor band numbers.
/// <list type="table">
/// <listheader><term>Name</term><description>TM / ETM+ → OLI</description></listheader>
/// <item><term>Blue</term><description>1 → 2</description></item>
/// <item><term>Green</term><description>2 → 3</description></item>
/// <item><term>Red</term><description>3 → 4</description></item>
/// <item><term>NIR</term><description>4 → 5</description></item>
/// <item><term>SWIR1</term><description>5 → 6</description></item>
/// <item><term>SWIR2</term><description>7 → 7</description></item>
/// <item><term>Thermal</term><description>6 → 10</description></item>
/// </list>
/// The paper writes its formulas with TM numbers ρ1…ρ7 (Eqs. 9 and 11); on OLI each ρn is read from the band with
/// the same name (e.g. TM ρ1 = blue = OLI band 2).
/// </summary>
public static class SensorBands
{
    /// <summary>The sensor's band number (1-based, as in the USGS file names) for a named band.</summary>
    public static int BandNumber(Sensor sensor, SpectralBand band) => (sensor, band) switch
    {
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Blue) => 1,
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Green) => 2,
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Red) => 3,
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Nir) => 4,
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Swir1) => 5,
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Thermal) => 6,
        (Sensor.LandsatTM or Sensor.LandsatEtm, SpectralBand.Swir2) => 7,
        (Sensor.LandsatOli, SpectralBand.Blue) => 2,
        (Sensor.LandsatOli, SpectralBand.Green) => 3,
        (Sensor.LandsatOli, SpectralBand.Red) => 4,
        (Sensor.LandsatOli, SpectralBand.Nir) => 5,
        (Sensor.LandsatOli, SpectralBand.Swir1) => 6,
        (Sensor.LandsatOli, SpectralBand.Swir2) => 7,
        (Sensor.LandsatOli, SpectralBand.Thermal) => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(band), $"No band mapping for {sensor} / {band}."),
    };

    /// <summary>The named band of a sensor band number, or throws if the number is not one the indicators use
    /// (e.g. OLI band 1 coastal, 8 panchromatic, 9 cirrus, 11 second TIRS band).</summary>
    public static SpectralBand FromBandNumber(Sensor sensor, int number)
    {
        foreach (var b in Enum.GetValues<SpectralBand>())
            if (BandNumber(sensor, b) == number) return b;
        throw new ArgumentOutOfRangeException(nameof(number), number, $"{sensor} band {number} is not one of the named bands (blue, green, red, nir, swir1, swir2, thermal).");
    }

    /// <summary>
    /// K1/K2 of the thermal band: TM (Landsat 5) band 6 K1 = 607.76, K2 = 1260.56; ETM+ band 6 K1 = 666.09,
    /// K2 = 1282.71; OLI/TIRS band 10 K1 = 774.8853, K2 = 1321.0789 (USGS Landsat 5/7/8 data users handbooks).
    /// </summary>
    public static ThermalConstants Thermal(Sensor sensor) => sensor switch
    {
        Sensor.LandsatTM => new ThermalConstants(607.76, 1260.56),
        Sensor.LandsatEtm => new ThermalConstants(666.09, 1282.71),
        Sensor.LandsatOli => new ThermalConstants(774.8853, 1321.0789),
        _ => throw new ArgumentOutOfRangeException(nameof(sensor), sensor, "Unknown sensor."),
    };
}
