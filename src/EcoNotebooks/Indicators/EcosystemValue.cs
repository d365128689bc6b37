using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// ECO (C13, biodiversity criterion, trend − as printed in Table 2). The paper names it after its ref. [40] without a
/// formula; it is implemented here as the ecosystem-service value per unit area of the window/unit,
/// ESV = Σₖ (Aₖ/TA)·VCₖ (Costanza et al. 1997; Xie et al. 2003 value coefficients VCₖ in yuan ha⁻¹ a⁻¹,
/// <see cref="LandCoverWeights.EcosystemValueClcd"/>). Units: yuan ha⁻¹ a⁻¹. Multiply by the unit area (ha) for a total.
/// </summary>
public static class EcosystemValue
{
    /// <summary>Value density Σ (Aₖ/TA)·VCₖ from areas and coefficients; NaN for zero area.</summary>
    public static double Density(ReadOnlySpan<double> areas, ReadOnlySpan<double> valueCoefficients) => HumanActivity.Hai(areas, valueCoefficients);

    /// <summary>ECO raster (yuan ha⁻¹ a⁻¹) of a land-cover band per moving window or unit.</summary>
    public static Raster Compute(BandRef landCover, LandCoverWeights? valueCoefficients = null, LandscapeOptions? options = null,
        PixelType outputType = PixelType.Float32)
    {
        var map = ClassMap.Read(landCover);
        var w = (valueCoefficients ?? LandCoverWeights.EcosystemValueClcd).For(map, "ecosystem-service");
        var v = LandscapeWindow.Evaluate(map, options ?? new LandscapeOptions(), w, (n, _, ws) => ws / n);
        return PixelMap.ToRaster(map.Grid, v, outputType);
    }
}
