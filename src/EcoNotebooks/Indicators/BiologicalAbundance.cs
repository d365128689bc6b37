using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Biological abundance index BAI (C12, the paper's Eq. 12, trend +; China's HJ/T 192-2006 technical criterion):
/// BAI = A_bio·(0.35·woodland + 0.21·grassland + 0.28·wetland + 0.11·cropland + 0.04·construction + 0.01·unused)/area,
/// the land-type shares of the evaluation unit (here a moving window or unit) weighted by
/// <see cref="LandCoverWeights.BaiClcd"/>. A_bio is the normalisation coefficient; HJ/T 192 sets A_bio = 100/A_max with
/// A_max the largest unnormalised value, so the best unit scores 100. Range 0–100 with that choice.
/// </summary>
public static class BiologicalAbundance
{
    /// <summary>Unnormalised weighted share Σ wᵢ·nᵢ/N from class counts and weights (same length).</summary>
    public static double Raw(ReadOnlySpan<int> counts, ReadOnlySpan<double> weights)
    {
        if (counts.Length != weights.Length) throw new ArgumentException($"{counts.Length} counts but {weights.Length} weights.", nameof(weights));
        long n = 0; double s = 0;
        for (int i = 0; i < counts.Length; i++) { n += counts[i]; s += counts[i] * weights[i]; }
        return n == 0 ? double.NaN : s / n;
    }

    /// <summary>
    /// BAI raster. <paramref name="normalisation"/> is A_bio; when null it is 100/max(raw) over the raster (HJ/T 192).
    /// Returns the map and the A_bio used.
    /// </summary>
    public static (Raster Bai, double Abio) Compute(BandRef landCover, LandCoverWeights? weights = null, LandscapeOptions? options = null,
        double? normalisation = null, PixelType outputType = PixelType.Float32)
    {
        var map = ClassMap.Read(landCover);
        var w = (weights ?? LandCoverWeights.BaiClcd).For(map, "BAI weight");
        var raw = LandscapeWindow.Evaluate(map, options ?? new LandscapeOptions(), w, (n, _, ws) => ws / n);
        double abio = normalisation ?? 100.0 / raw.Where(x => !double.IsNaN(x)).DefaultIfEmpty(double.NaN).Max();
        if (!double.IsFinite(abio)) throw new ArgumentException("BAI normalisation is undefined (no valid pixel, or every weighted share is 0).", nameof(landCover));
        for (int i = 0; i < raw.Length; i++) raw[i] *= abio;
        return (PixelMap.ToRaster(map.Grid, raw, outputType), abio);
    }
}
