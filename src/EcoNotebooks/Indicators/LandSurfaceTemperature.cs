using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>Atmospheric parameters of the radiative transfer equation for one scene (e.g. from NASA's Atmospheric
/// Correction Parameter Calculator, atmcorr.gsfc.nasa.gov, or MODTRAN).</summary>
/// <param name="Transmittance">τ, unitless, (0, 1].</param>
/// <param name="Upwelling">L↑, W m⁻² sr⁻¹ µm⁻¹, ≥ 0.</param>
/// <param name="Downwelling">L↓, W m⁻² sr⁻¹ µm⁻¹, ≥ 0.</param>
public sealed record AtmosphericProfile(double Transmittance, double Upwelling, double Downwelling)
{
    /// <summary>Throws when a parameter is outside its range.</summary>
    public AtmosphericProfile Validate()
    {
        if (!(Transmittance > 0 && Transmittance <= 1)) throw new ArgumentOutOfRangeException(nameof(Transmittance), Transmittance, "Transmittance τ must be in (0, 1].");
        if (!(Upwelling >= 0)) throw new ArgumentOutOfRangeException(nameof(Upwelling), Upwelling, "Upwelling radiance L↑ must be ≥ 0.");
        if (!(Downwelling >= 0)) throw new ArgumentOutOfRangeException(nameof(Downwelling), Downwelling, "Downwelling radiance L↓ must be ≥ 0.");
        return this;
    }

    /// <summary>No atmosphere (τ = 1, L↑ = L↓ = 0): the RTE then reduces to emissivity-corrected brightness temperature.</summary>
    public static AtmosphericProfile Transparent { get; } = new(1, 0, 0);
}

/// <summary>
/// Options of the NDVI-threshold emissivity method (Sobrino et al. 2004, Remote Sens. Environ. 90:434–440):
/// NDVI &lt; <see cref="NdviSoil"/>: ε = ε_s (bare soil); NDVI &gt; <see cref="NdviVegetation"/>: ε = ε_v (full vegetation);
/// otherwise ε = ε_v·Pv + ε_s·(1 − Pv) + dε with Pv = [(NDVI − NDVI_s)/(NDVI_v − NDVI_s)]² and the cavity term
/// dε = (1 − ε_s)(1 − Pv)·F·ε_v.
/// </summary>
/// <param name="SoilEmissivity">ε_s, default 0.97 (Sobrino's mean soil value for TM6).</param>
/// <param name="VegetationEmissivity">ε_v, default 0.99.</param>
/// <param name="NdviSoil">NDVI_s, default 0.2.</param>
/// <param name="NdviVegetation">NDVI_v, default 0.5.</param>
/// <param name="GeometryFactor">F, default 0.55 (mean of the canopy geometry factor).</param>
public sealed record EmissivityOptions(double SoilEmissivity = 0.97, double VegetationEmissivity = 0.99,
    double NdviSoil = 0.2, double NdviVegetation = 0.5, double GeometryFactor = 0.55)
{
    /// <summary>Default options (Sobrino et al. 2004).</summary>
    public static EmissivityOptions Default { get; } = new();
}

/// <summary>
/// Land surface temperature (C9, trend −) by the radiative transfer equation (the paper's Eq. 8, after Sobrino et al.
/// 2004): Lλ = [ε·B(Ts) + (1 − ε)·L↓]·τ + L↑, hence B(Ts) = [Lλ − L↑ − τ(1 − ε)L↓] / (τ·ε) and
/// Ts = K2 / ln(K1/B(Ts) + 1). Planck's law in the sensor form B(T) = K1/(exp(K2/T) − 1) with the per-sensor K1/K2 of
/// <see cref="SensorBands.Thermal"/>. Radiance in W m⁻² sr⁻¹ µm⁻¹, temperatures in kelvin (subtract 273.15 for °C).
/// </summary>
public static class LandSurfaceTemperature
{
    /// <summary>Offset between kelvin and degrees Celsius.</summary>
    public const double KelvinOffset = 273.15;

    /// <summary>Planck radiance B(T) = K1/(exp(K2/T) − 1) for temperature <paramref name="kelvin"/> &gt; 0.</summary>
    public static double Planck(double kelvin, ThermalConstants k) => k.K1 / (Math.Exp(k.K2 / kelvin) - 1);

    /// <summary>Inverse Planck T = K2/ln(K1/B + 1), kelvin; NaN for radiance ≤ 0.</summary>
    public static double InversePlanck(double radiance, ThermalConstants k) =>
        radiance > 0 ? k.K2 / Math.Log(k.K1 / radiance + 1) : double.NaN;

    /// <summary>At-sensor brightness temperature (K) of a radiance, i.e. <see cref="InversePlanck"/>.</summary>
    public static double BrightnessTemperature(double radiance, Sensor sensor) => InversePlanck(radiance, SensorBands.Thermal(sensor));

    /// <summary>TOA radiance from a quantised DN: Lλ = ML·Q + AL (MTL RADIANCE_MULT_BAND_x, RADIANCE_ADD_BAND_x).</summary>
    public static double RadianceFromDn(double dn, double gain, double bias) => gain * dn + bias;

    /// <summary>Emissivity of one pixel from NDVI (and nothing else) by Sobrino's thresholds; NaN for NaN NDVI.</summary>
    public static double Emissivity(double ndvi, EmissivityOptions? options = null)
    {
        var o = options ?? EmissivityOptions.Default;
        if (double.IsNaN(ndvi)) return double.NaN;
        if (ndvi < o.NdviSoil) return o.SoilEmissivity;
        if (ndvi > o.NdviVegetation) return o.VegetationEmissivity;
        double pv = ProportionOfVegetation(ndvi, o);
        double de = (1 - o.SoilEmissivity) * (1 - pv) * o.GeometryFactor * o.VegetationEmissivity;
        return o.VegetationEmissivity * pv + o.SoilEmissivity * (1 - pv) + de;
    }

    /// <summary>Proportion of vegetation Pv = [(NDVI − NDVI_s)/(NDVI_v − NDVI_s)]², clipped to [0, 1] (Carlson &amp; Ripley 1997).</summary>
    public static double ProportionOfVegetation(double ndvi, EmissivityOptions? options = null)
    {
        var o = options ?? EmissivityOptions.Default;
        double f = Math.Clamp((ndvi - o.NdviSoil) / (o.NdviVegetation - o.NdviSoil), 0, 1);
        return f * f;
    }

    /// <summary>Forward RTE (Eq. 8): at-sensor radiance Lλ of a surface at <paramref name="surfaceKelvin"/> with emissivity ε.</summary>
    public static double AtSensorRadiance(double surfaceKelvin, double emissivity, AtmosphericProfile atmosphere, ThermalConstants k) =>
        (emissivity * Planck(surfaceKelvin, k) + (1 - emissivity) * atmosphere.Downwelling) * atmosphere.Transmittance + atmosphere.Upwelling;

    /// <summary>
    /// Inverted RTE (Eq. 8): surface temperature Ts in kelvin from at-sensor radiance Lλ (W m⁻² sr⁻¹ µm⁻¹) and
    /// emissivity ε ∈ (0, 1]. NaN when an input is NaN or the surface-leaving radiance is ≤ 0.
    /// </summary>
    public static double SurfaceTemperature(double radiance, double emissivity, AtmosphericProfile atmosphere, ThermalConstants k)
    {
        if (double.IsNaN(radiance) || double.IsNaN(emissivity) || !(emissivity > 0)) return double.NaN;
        double b = (radiance - atmosphere.Upwelling - atmosphere.Transmittance * (1 - emissivity) * atmosphere.Downwelling)
                   / (atmosphere.Transmittance * emissivity);
        return InversePlanck(b, k);
    }

    /// <summary>
    /// LST raster in kelvin (or °C when <paramref name="celsius"/>) from the band set's thermal radiance band and its
    /// NDVI (emissivity by <see cref="Emissivity"/>).
    /// </summary>
    public static Raster Compute(BandSet bands, AtmosphericProfile atmosphere, EmissivityOptions? emissivity = null,
        bool celsius = false, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(atmosphere);
        atmosphere.Validate();
        var k = SensorBands.Thermal(bands.Sensor);
        var o = emissivity ?? EmissivityOptions.Default;
        double offset = celsius ? KelvinOffset : 0;
        return PixelMap.Apply([bands[SpectralBand.Thermal], bands.Red, bands.Nir],
            v => SurfaceTemperature(v[0], Emissivity(VegetationIndices.Ndvi(v[1], v[2]), o), atmosphere, k) - offset,
            outputType, ["thermal", "red", "nir"]);
    }

    /// <summary>LST raster from a radiance band and an emissivity band (both on one grid).</summary>
    public static Raster Compute(BandRef radiance, BandRef emissivity, AtmosphericProfile atmosphere, ThermalConstants k,
        bool celsius = false, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(atmosphere);
        atmosphere.Validate();
        double offset = celsius ? KelvinOffset : 0;
        return PixelMap.Apply([radiance, emissivity], v => SurfaceTemperature(v[0], v[1], atmosphere, k) - offset, outputType, ["radiance", "emissivity"]);
    }
}
