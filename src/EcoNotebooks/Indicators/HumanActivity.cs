using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Human activity intensity HAI (C6, the paper's Eq. 7, trend −; after its ref. [32]):
/// HAI = Σᵢ Aᵢ·Pᵢ / TA, Aᵢ the area of landscape type i in the evaluation unit, Pᵢ its human-impact parameter, TA the
/// unit's total area. On equal-area pixels the areas reduce to pixel counts. Range is that of the Pᵢ (0–1 for the usual
/// scales). The paper does not print its Pᵢ; pass a table (<see cref="LandCoverWeights.HumanImpactIllustrative"/> is
/// a placeholder, not the paper's).
/// </summary>
public static class HumanActivity
{
    /// <summary>HAI of one unit from areas Aᵢ (any unit) and parameters Pᵢ: Σ AᵢPᵢ / Σ Aᵢ; NaN for zero area.</summary>
    public static double Hai(ReadOnlySpan<double> areas, ReadOnlySpan<double> impact)
    {
        if (areas.Length != impact.Length) throw new ArgumentException($"{areas.Length} areas but {impact.Length} impact parameters.", nameof(impact));
        double ta = 0, s = 0;
        for (int i = 0; i < areas.Length; i++)
        {
            if (areas[i] < 0) throw new ArgumentOutOfRangeException(nameof(areas), areas[i], "Areas must be ≥ 0.");
            ta += areas[i]; s += areas[i] * impact[i];
        }
        return ta == 0 ? double.NaN : s / ta;
    }

    /// <summary>HAI raster of a land-cover band per moving window or unit.</summary>
    public static Raster Compute(BandRef landCover, LandCoverWeights impact, LandscapeOptions? options = null, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(impact);
        var map = ClassMap.Read(landCover);
        var v = LandscapeWindow.Evaluate(map, options ?? new LandscapeOptions(), impact.For(map, "human-impact"), (n, _, ws) => ws / n);
        return PixelMap.ToRaster(map.Grid, v, outputType);
    }
}
