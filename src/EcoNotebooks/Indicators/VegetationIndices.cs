using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>Normalised-difference vegetation indices of the Lingbei paper: NDVI and the mountain index NDMVI (Eq. 5).</summary>
public static class VegetationIndices
{
    /// <summary>
    /// NDVI = (ρnir − ρred) / (ρnir + ρred) (Rouse et al. 1974); unitless, −1–1. NaN when either input is NaN or the
    /// denominator is 0. Python: <c>(n - r) / (n + r)</c>.
    /// </summary>
    public static double Ndvi(double red, double nir)
    {
        double d = nir + red;
        return d == 0 ? double.NaN : (nir - red) / d;
    }

    /// <summary>NDVI raster of a band set (red and NIR).</summary>
    public static Raster Ndvi(BandSet bands, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return Ndvi(bands.Red, bands.Nir, outputType);
    }

    /// <summary>NDVI raster from red and NIR reflectance bands on one grid.</summary>
    public static Raster Ndvi(BandRef red, BandRef nir, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([red, nir], v => Ndvi(v[0], v[1]), outputType, ["red", "nir"]);

    /// <summary>
    /// Normalised difference mountain vegetation index (Gao et al. 2012; the paper's Eq. 5):
    /// NDMVI = [(ρnir − ρred) + (Rmin − NIRmin)] / [(ρnir + ρred) − (Rmin + NIRmin)],
    /// i.e. the NDVI of the dark-object-corrected reflectances (ρnir − NIRmin) and (ρred − Rmin), which cancels the
    /// additive shadow/path signal in mountainous terrain. (The paper's text lost the parentheses of the denominator;
    /// this is Gao's definition.) Unitless, −1–1; NaN when the denominator is 0.
    /// </summary>
    /// <param name="red">Red reflectance.</param>
    /// <param name="nir">NIR reflectance.</param>
    /// <param name="redMin">Minimum red reflectance of the scene/area (Rmin).</param>
    /// <param name="nirMin">Minimum NIR reflectance of the scene/area (NIRmin).</param>
    public static double Ndmvi(double red, double nir, double redMin, double nirMin)
    {
        double d = (nir + red) - (redMin + nirMin);
        return d == 0 ? double.NaN : ((nir - red) + (redMin - nirMin)) / d;
    }

    /// <summary>
    /// NDMVI raster (Eq. 5). When <paramref name="redMin"/>/<paramref name="nirMin"/> are null they are taken as the
    /// minimum valid reflectance of each band over the raster, as the paper defines them.
    /// </summary>
    public static Raster Ndmvi(BandRef red, BandRef nir, double? redMin = null, double? nirMin = null, PixelType outputType = PixelType.Float32)
    {
        double rmin = redMin ?? RasterStatistics.Compute(red.Validate(nameof(red)).Source, red.Band).Min;
        double nmin = nirMin ?? RasterStatistics.Compute(nir.Validate(nameof(nir)).Source, nir.Band).Min;
        if (double.IsNaN(rmin) || double.IsNaN(nmin)) throw new ArgumentException("NDMVI needs at least one valid red and NIR pixel for the band minima.");
        return PixelMap.Apply([red, nir], v => Ndmvi(v[0], v[1], rmin, nmin), outputType, ["red", "nir"]);
    }

    /// <summary>NDMVI raster of a band set (Eq. 5).</summary>
    public static Raster Ndmvi(BandSet bands, double? redMin = null, double? nirMin = null, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return Ndmvi(bands.Red, bands.Nir, redMin, nirMin, outputType);
    }
}
