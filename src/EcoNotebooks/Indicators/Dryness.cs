using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Dryness (the paper's C8, trend −; defined by its reference [14], Xu 2013's remote sensing ecological index):
/// NDBSI = (SI + IBI) / 2, the mean of the bare-soil index SI and the index-based built-up index IBI.
/// <list type="bullet">
/// <item>SI = [(ρswir1 + ρred) − (ρnir + ρblue)] / [(ρswir1 + ρred) + (ρnir + ρblue)] (Rikimaru et al. 2002).</item>
/// <item>IBI = {2ρswir1/(ρswir1 + ρnir) − [ρnir/(ρnir + ρred) + ρgreen/(ρgreen + ρswir1)]} /
/// {2ρswir1/(ρswir1 + ρnir) + [ρnir/(ρnir + ρred) + ρgreen/(ρgreen + ρswir1)]} (Xu 2008).</item>
/// </list>
/// All unitless, −1–1. A zero denominator gives NaN.
/// </summary>
public static class Dryness
{
    /// <summary>Bare-soil index SI of one pixel.</summary>
    public static double BareSoilIndex(double blue, double red, double nir, double swir1)
    {
        double a = swir1 + red, b = nir + blue;
        return a + b == 0 ? double.NaN : (a - b) / (a + b);
    }

    /// <summary>Index-based built-up index IBI of one pixel (Xu 2008).</summary>
    public static double BuiltUpIndex(double green, double red, double nir, double swir1)
    {
        double s = 2 * swir1 / (swir1 + nir);
        double v = nir / (nir + red) + green / (green + swir1);
        double d = s + v;
        return d == 0 || double.IsInfinity(s) || double.IsInfinity(v) ? double.NaN : (s - v) / d;
    }

    /// <summary>NDBSI = (SI + IBI)/2 of one pixel.</summary>
    public static double Ndbsi(Reflectance r) =>
        (BareSoilIndex(r.Blue, r.Red, r.Nir, r.Swir1) + BuiltUpIndex(r.Green, r.Red, r.Nir, r.Swir1)) / 2;

    /// <summary>NDBSI raster of a band set.</summary>
    public static Raster Ndbsi(BandSet bands, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return PixelMap.Apply([bands.Blue, bands.Green, bands.Red, bands.Nir, bands.Swir1],
            v => (BareSoilIndex(v[0], v[2], v[3], v[4]) + BuiltUpIndex(v[1], v[2], v[3], v[4])) / 2,
            outputType, ["blue", "green", "red", "nir", "swir1"]);
    }
}
