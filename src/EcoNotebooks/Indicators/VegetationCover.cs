using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>Soil and full-vegetation end-members of the dimidiate pixel model, in vegetation-index units.</summary>
/// <param name="Soil">Index value of bare soil (S_soil).</param>
/// <param name="Vegetation">Index value of full cover (S_veg), &gt; <paramref name="Soil"/>.</param>
public readonly record struct Endmembers(double Soil, double Vegetation);

/// <summary>
/// Fractional vegetation cover (FVC) by the dimidiate (two-end-member) pixel model, shared by the Lingbei (C3, Eq. 6,
/// on NDMVI), Jiangcang and Changhe pipelines (on NDVI):
/// FVC = (S − S_soil) / (S_veg − S_soil), clipped to [0, 1], where S is the vegetation index of the pixel.
/// End-members are commonly the 5 % and 95 % percentiles of the index over the study area (Gutman &amp; Ignatov 1998;
/// Li et al. 2004); both percentiles are parameters. Python: <c>np.clip((s - s0) / (s1 - s0), 0, 1)</c>.
/// </summary>
public static class VegetationCover
{
    /// <summary>FVC of one pixel (Eq. 6), unitless 0–1; NaN when <paramref name="index"/> is NaN.</summary>
    /// <param name="index">Vegetation index S (NDVI or NDMVI).</param>
    /// <param name="soil">S_soil.</param>
    /// <param name="vegetation">S_veg, must exceed <paramref name="soil"/>.</param>
    public static double Fvc(double index, double soil, double vegetation)
    {
        if (!(vegetation > soil))
            throw new ArgumentException($"The vegetation end-member ({vegetation}) must exceed the soil end-member ({soil}).", nameof(vegetation));
        if (double.IsNaN(index)) return double.NaN;
        return Math.Clamp((index - soil) / (vegetation - soil), 0.0, 1.0);
    }

    /// <summary>
    /// End-members as percentiles of the valid index values (linear interpolation between order statistics, R's
    /// <c>quantile(type = 7)</c>, numpy's default <c>np.percentile</c>).
    /// </summary>
    /// <param name="index">Vegetation-index band.</param>
    /// <param name="soilPercentile">Percentile for S_soil, 0–100 (default 5).</param>
    /// <param name="vegetationPercentile">Percentile for S_veg, 0–100 (default 95), &gt; <paramref name="soilPercentile"/>.</param>
    public static Endmembers EstimateEndmembers(BandRef index, double soilPercentile = 5, double vegetationPercentile = 95)
    {
        if (!(soilPercentile >= 0 && vegetationPercentile <= 100 && soilPercentile < vegetationPercentile))
            throw new ArgumentOutOfRangeException(nameof(soilPercentile), $"Percentiles must satisfy 0 ≤ soil < vegetation ≤ 100; got {soilPercentile} and {vegetationPercentile}.");
        var values = PixelMap.ReadAll(index, nameof(index)).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0) throw new ArgumentException("The vegetation-index raster has no valid pixel.", nameof(index));
        Array.Sort(values);
        var e = new Endmembers(Percentile(values, soilPercentile), Percentile(values, vegetationPercentile));
        if (!(e.Vegetation > e.Soil))
            throw new ArgumentException($"The {vegetationPercentile} % percentile ({e.Vegetation}) does not exceed the {soilPercentile} % percentile ({e.Soil}); the index has no contrast.", nameof(index));
        return e;
    }

    /// <summary>FVC raster (Eq. 6) with given end-members.</summary>
    public static Raster Fvc(BandRef index, Endmembers endmembers, PixelType outputType = PixelType.Float32)
    {
        Fvc(0.5 * (endmembers.Soil + endmembers.Vegetation), endmembers.Soil, endmembers.Vegetation); // validates
        return PixelMap.Apply([index], v => Fvc(v[0], endmembers.Soil, endmembers.Vegetation), outputType, ["vegetation index"]);
    }

    /// <summary>FVC raster (Eq. 6) with end-members from the given percentiles of the index (default 5 % / 95 %).</summary>
    public static Raster Fvc(BandRef index, double soilPercentile = 5, double vegetationPercentile = 95, PixelType outputType = PixelType.Float32) =>
        Fvc(index, EstimateEndmembers(index, soilPercentile, vegetationPercentile), outputType);

    /// <summary>Percentile <paramref name="p"/> (0–100) of sorted values, R type 7.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p / 100.0;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
