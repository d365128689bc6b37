using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>Which published TM wetness coefficients to use (OLI always uses Baig et al. 2014).</summary>
public enum TmWetnessCoefficients
{
    /// <summary>Crist (1985), reflectance-factor TM tasseled cap (the standard for surface reflectance, e.g. in RSEI):
    /// 0.0315, 0.2021, 0.3102, 0.1594, −0.6806, −0.6109 for bands 1, 2, 3, 4, 5, 7.</summary>
    Crist1985,
    /// <summary>Crist &amp; Cicone (1984), the TM set the paper's brightness coefficients come from:
    /// 0.1509, 0.1973, 0.3279, 0.3406, −0.7112, −0.4572.</summary>
    CristCicone1984,
}

/// <summary>
/// Tasseled-cap brightness (the paper's C11 "TCI", Eqs. 9–10, trend −) and wetness (C7, trend +) from the six reflective
/// bands. Coefficients are applied to blue, green, red, NIR, SWIR1, SWIR2 (TM bands 1, 2, 3, 4, 5, 7; OLI 2–7).
/// Python: <c>np.dot(coeffs, [b, g, r, n, s1, s2])</c>.
/// </summary>
public static class TasseledCap
{
    /// <summary>TM brightness, Eq. 9 (Crist &amp; Cicone 1984): 0.3037 0.2793 0.4743 0.5585 0.5082 0.1863.</summary>
    public static IReadOnlyList<double> TmBrightness { get; } = [0.3037, 0.2793, 0.4743, 0.5585, 0.5082, 0.1863];
    /// <summary>OLI brightness, Eq. 10 (Baig et al. 2014): 0.3029 0.2786 0.4733 0.5599 0.508 0.1872.</summary>
    public static IReadOnlyList<double> OliBrightness { get; } = [0.3029, 0.2786, 0.4733, 0.5599, 0.508, 0.1872];
    /// <summary>TM wetness, Crist (1985) reflectance factors.</summary>
    public static IReadOnlyList<double> TmWetnessCrist1985 { get; } = [0.0315, 0.2021, 0.3102, 0.1594, -0.6806, -0.6109];
    /// <summary>TM wetness, Crist &amp; Cicone (1984).</summary>
    public static IReadOnlyList<double> TmWetnessCristCicone1984 { get; } = [0.1509, 0.1973, 0.3279, 0.3406, -0.7112, -0.4572];
    /// <summary>OLI wetness, Baig et al. (2014, Remote Sens. Lett. 5:423–431): 0.1511 0.1973 0.3283 0.3407 −0.7117 −0.4559.</summary>
    public static IReadOnlyList<double> OliWetness { get; } = [0.1511, 0.1973, 0.3283, 0.3407, -0.7117, -0.4559];

    /// <summary>Brightness coefficients of a sensor (ETM+ uses the TM set, as the paper does for Landsat 5).</summary>
    public static IReadOnlyList<double> BrightnessCoefficients(Sensor sensor) => sensor == Sensor.LandsatOli ? OliBrightness : TmBrightness;

    /// <summary>Wetness coefficients of a sensor.</summary>
    public static IReadOnlyList<double> WetnessCoefficients(Sensor sensor, TmWetnessCoefficients tm = TmWetnessCoefficients.Crist1985) =>
        sensor == Sensor.LandsatOli ? OliWetness : tm == TmWetnessCoefficients.Crist1985 ? TmWetnessCrist1985 : TmWetnessCristCicone1984;

    /// <summary>Linear combination of the six reflectances (blue … SWIR2) with <paramref name="c"/>.</summary>
    public static double Combine(IReadOnlyList<double> c, Reflectance r) =>
        c[0] * r.Blue + c[1] * r.Green + c[2] * r.Red + c[3] * r.Nir + c[4] * r.Swir1 + c[5] * r.Swir2;

    /// <summary>Brightness of one pixel (Eq. 9 for TM/ETM+, Eq. 10 for OLI); reflectance units, ≈ 0–2.3.</summary>
    public static double Brightness(Sensor sensor, Reflectance r) => Combine(BrightnessCoefficients(sensor), r);

    /// <summary>Wetness of one pixel; reflectance units, typically −0.5–0.2 (water and moist vegetation high).</summary>
    public static double Wetness(Sensor sensor, Reflectance r, TmWetnessCoefficients tm = TmWetnessCoefficients.Crist1985) =>
        Combine(WetnessCoefficients(sensor, tm), r);

    /// <summary>Brightness raster (Eqs. 9–10), coefficients chosen by <see cref="BandSet.Sensor"/>.</summary>
    public static Raster Brightness(BandSet bands, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return Apply(bands, BrightnessCoefficients(bands.Sensor), outputType);
    }

    /// <summary>Wetness raster, coefficients chosen by <see cref="BandSet.Sensor"/> (and <paramref name="tm"/> for TM/ETM+).</summary>
    public static Raster Wetness(BandSet bands, TmWetnessCoefficients tm = TmWetnessCoefficients.Crist1985, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return Apply(bands, WetnessCoefficients(bands.Sensor, tm), outputType);
    }

    private static Raster Apply(BandSet bands, IReadOnlyList<double> c, PixelType outputType) =>
        PixelMap.Apply(bands.Reflective, v => c[0] * v[0] + c[1] * v[1] + c[2] * v[2] + c[3] * v[3] + c[4] * v[4] + c[5] * v[5],
            outputType, ["blue", "green", "red", "nir", "swir1", "swir2"]);
}
