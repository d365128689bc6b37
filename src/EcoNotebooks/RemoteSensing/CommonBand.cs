namespace EcoNotebooks.RemoteSensing;

/// <summary>
/// Sensor-independent band names used across Landsat, Sentinel-2 and MODIS readers (the names of
/// <c>EcoNotebooks.Indicators.SpectralBand</c>, so a reader's output maps one to one onto the indicator inputs).
/// </summary>
public enum CommonBand
{
    /// <summary>Blue, ≈0.48 µm (TM/ETM+ band 1, OLI band 2, Sentinel-2 B02).</summary>
    Blue,
    /// <summary>Green, ≈0.56 µm (TM/ETM+ band 2, OLI band 3, Sentinel-2 B03).</summary>
    Green,
    /// <summary>Red, ≈0.66 µm (TM/ETM+ band 3, OLI band 4, Sentinel-2 B04).</summary>
    Red,
    /// <summary>Near infrared, ≈0.86 µm (TM/ETM+ band 4, OLI band 5, Sentinel-2 B08).</summary>
    Nir,
    /// <summary>Shortwave infrared 1, ≈1.6 µm (TM/ETM+ band 5, OLI band 6, Sentinel-2 B11).</summary>
    Swir1,
    /// <summary>Shortwave infrared 2, ≈2.2 µm (TM/ETM+ band 7, OLI band 7, Sentinel-2 B12).</summary>
    Swir2,
    /// <summary>Thermal infrared (TM/ETM+ band 6, TIRS band 10); Landsat only.</summary>
    Thermal,
}
