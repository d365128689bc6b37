namespace EcoNotebooks.RemoteSensing.Landsat;

/// <summary>
/// Landsat instruments recognised from the MTL fields SPACECRAFT_ID and SENSOR_ID. Maps one to one onto
/// <c>EcoNotebooks.Indicators.Sensor</c> (Tm → LandsatTM, Etm → LandsatEtm, OliTirs → LandsatOli).
/// </summary>
public enum LandsatSensor
{
    /// <summary>Thematic Mapper on Landsat 4 and 5 (SENSOR_ID "TM").</summary>
    Tm,
    /// <summary>Enhanced Thematic Mapper Plus on Landsat 7 (SENSOR_ID "ETM").</summary>
    Etm,
    /// <summary>Operational Land Imager + Thermal Infrared Sensor on Landsat 8 and 9 (SENSOR_ID "OLI_TIRS"; OLI-2/TIRS-2 on Landsat 9).</summary>
    OliTirs,
}

/// <summary>Band numbers of the common band names per Landsat sensor (USGS file-name numbering).</summary>
public static class LandsatBandMap
{
    /// <summary>
    /// The band number in USGS file names (…_SR_B4.TIF, …_ST_B10.TIF): TM/ETM+ blue 1, green 2, red 3, nir 4, swir1 5,
    /// swir2 7, thermal 6; OLI/TIRS blue 2, green 3, red 4, nir 5, swir1 6, swir2 7, thermal 10.
    /// </summary>
    public static int BandNumber(LandsatSensor sensor, CommonBand band) => (sensor, band) switch
    {
        (LandsatSensor.OliTirs, CommonBand.Blue) => 2,
        (LandsatSensor.OliTirs, CommonBand.Green) => 3,
        (LandsatSensor.OliTirs, CommonBand.Red) => 4,
        (LandsatSensor.OliTirs, CommonBand.Nir) => 5,
        (LandsatSensor.OliTirs, CommonBand.Swir1) => 6,
        (LandsatSensor.OliTirs, CommonBand.Swir2) => 7,
        (LandsatSensor.OliTirs, CommonBand.Thermal) => 10,
        (_, CommonBand.Blue) => 1,
        (_, CommonBand.Green) => 2,
        (_, CommonBand.Red) => 3,
        (_, CommonBand.Nir) => 4,
        (_, CommonBand.Swir1) => 5,
        (_, CommonBand.Swir2) => 7,
        (_, CommonBand.Thermal) => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band."),
    };

    /// <summary>
    /// Documented thermal constants (K1 W m⁻² sr⁻¹ µm⁻¹, K2 K) used when the MTL has no LEVEL1_THERMAL_CONSTANTS group:
    /// TM 607.76 / 1260.56 (Landsat 5), ETM+ band 6 666.09 / 1282.71, TIRS band 10 774.8853 / 1321.0789
    /// (Landsat 5, 7 and 8 Data Users Handbooks).
    /// </summary>
    public static (double K1, double K2) DefaultThermalConstants(LandsatSensor sensor) => sensor switch
    {
        LandsatSensor.Tm => (607.76, 1260.56),
        LandsatSensor.Etm => (666.09, 1282.71),
        LandsatSensor.OliTirs => (774.8853, 1321.0789),
        _ => throw new ArgumentOutOfRangeException(nameof(sensor), sensor, "Unknown sensor."),
    };
}
