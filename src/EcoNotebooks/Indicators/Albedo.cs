using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Broadband shortwave surface albedo from narrow-band reflectances (Liang 2001, Remote Sens. Environ. 76:213–238;
/// the paper's Eq. 11, indicator C10 "surface albedo", trend −):
/// α = (0.356ρ1 + 0.130ρ3 + 0.373ρ4 + 0.085ρ5 + 0.072ρ7 − 0.0018) / 1.016, with TM numbering
/// (ρ1 blue, ρ3 red, ρ4 NIR, ρ5 SWIR1, ρ7 SWIR2). The divisor is the sum of the coefficients, 1.016, as the paper prints
/// it (Liang's original has no divisor; the division rescales so that a flat reflectance of 1 gives ≈1).
/// On OLI the same named bands are used (blue = band 2, red = 4, NIR = 5, SWIR1 = 6, SWIR2 = 7).
/// Python: <c>(0.356*b + 0.130*r + 0.373*n + 0.085*s1 + 0.072*s2 - 0.0018) / 1.016</c>.
/// </summary>
public static class Albedo
{
    /// <summary>The divisor of Eq. 11: 0.356 + 0.130 + 0.373 + 0.085 + 0.072 = 1.016.</summary>
    public const double Divisor = 0.356 + 0.130 + 0.373 + 0.085 + 0.072;

    /// <summary>Albedo of one pixel (Eq. 11). Inputs are surface reflectances, unitless, normally 0–1; result is
    /// unitless, ≈ −0.002–1. NaN in any input gives NaN.</summary>
    public static double Compute(double blue, double red, double nir, double swir1, double swir2) =>
        (0.356 * blue + 0.130 * red + 0.373 * nir + 0.085 * swir1 + 0.072 * swir2 - 0.0018) / Divisor;

    /// <summary>Albedo of one pixel from named reflectances (Eq. 11).</summary>
    public static double Compute(Reflectance r) => Compute(r.Blue, r.Red, r.Nir, r.Swir1, r.Swir2);

    /// <summary>Albedo raster (Eq. 11) of a band set; any sensor.</summary>
    public static Raster Compute(BandSet bands, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return PixelMap.Apply([bands.Blue, bands.Red, bands.Nir, bands.Swir1, bands.Swir2],
            v => Compute(v[0], v[1], v[2], v[3], v[4]), outputType, ["blue", "red", "nir", "swir1", "swir2"]);
    }
}
