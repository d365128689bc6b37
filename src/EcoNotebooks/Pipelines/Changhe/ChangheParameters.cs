using EcoNotebooks.Spatial;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Parameters of <see cref="ChanghePipeline"/> (the notebook's <c>parameters</c> cell). Defaults follow the Changhe
/// paper where it states a value (1,000 random points, the 60 % dominance rule) and keep the default notebook run short
/// where it does not (200 trees instead of randomForest's 500; an 11 × 11 local-correlation window).
/// </summary>
public sealed record ChangheParameters
{
    /// <summary>Side of the moving window of the local (location-specific) correlation, pixels, odd, 3–1001 (default 11 = 330 m at 30 m).
    /// The paper does not state its window.</summary>
    public int LocalWindowSize { get; init; } = 11;

    /// <summary>Significance level α of the correlation tests (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Trees per random forest, ≥ 1 (default 200; R randomForest's default 500 changes the shares by about a percentage point).</summary>
    public int Trees { get; init; } = 200;

    /// <summary>Random sample points for the correlation table and the random forests (paper: 1,000).</summary>
    public int SampleSize { get; init; } = 1000;

    /// <summary>Relative contribution (%) above which one driver category dominates a pixel alone (paper: 60).</summary>
    public double DominanceThreshold { get; init; } = 60;

    /// <summary>Seed of the random points and of the random forests.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Year of the ESTARFM demonstration and of the intermediate CASA maps (default 2015).</summary>
    public int DemoYear { get; init; } = 2015;

    /// <summary>Month whose FPAR, ε and APAR maps are shown, 1–12 (default 7, July).</summary>
    public int IntermediateMonth { get; init; } = 7;

    /// <summary>ESTARFM base month tm, 1–12 (default 6). Base months close to tp work best: the conversion coefficient is
    /// fitted from the two base dates, and when their NDVI is similar (e.g. May and October around a July peak) the fit
    /// has little temporal spread, is attenuated, and the fused peak is underestimated.</summary>
    public int FusionFirstBaseMonth { get; init; } = 6;

    /// <summary>ESTARFM prediction month tp, strictly between the base months (default 7).</summary>
    public int FusionPredictionMonth { get; init; } = 7;

    /// <summary>ESTARFM base month tn (default 8).</summary>
    public int FusionSecondBaseMonth { get; init; } = 8;

    /// <summary>ESTARFM moving window, fine pixels, odd ≥ 3 (default 31 = 930 m).</summary>
    public int FusionWindowSize { get; init; } = 31;

    /// <summary>Variogram models tried for each soil property; the valid fit with the smallest weighted SSE is kept
    /// (gstat: <c>fit.variogram(v, vgm(c("Sph", "Exp", "Gau")))</c>).</summary>
    public IReadOnlyList<VariogramModelType> VariogramModels { get; init; } = [VariogramModelType.Spherical, VariogramModelType.Exponential, VariogramModelType.Gaussian];

    /// <summary>Also compute the kriging variance maps of the soil properties (O(n²) per pixel instead of O(n); off by default to keep the notebook fast).</summary>
    public bool KrigingVariance { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad parameter and value.</summary>
    public ChangheParameters Validate()
    {
        if (LocalWindowSize < 3 || LocalWindowSize > 1001 || LocalWindowSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(LocalWindowSize), LocalWindowSize, $"Local window size must be odd and in 3–1001, got {LocalWindowSize}.");
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, $"Alpha must be in (0, 1), got {Alpha}.");
        if (Trees < 1) throw new ArgumentOutOfRangeException(nameof(Trees), Trees, $"Trees must be ≥ 1, got {Trees}.");
        if (SampleSize < 10) throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, $"Sample size must be ≥ 10, got {SampleSize}.");
        if (!(DominanceThreshold > 50 && DominanceThreshold < 100))
            throw new ArgumentOutOfRangeException(nameof(DominanceThreshold), DominanceThreshold, $"Dominance threshold must be a percentage in (50, 100) so that at most one category can exceed it, got {DominanceThreshold}.");
        foreach (var (name, m) in new[] { (nameof(IntermediateMonth), IntermediateMonth), (nameof(FusionFirstBaseMonth), FusionFirstBaseMonth), (nameof(FusionPredictionMonth), FusionPredictionMonth), (nameof(FusionSecondBaseMonth), FusionSecondBaseMonth) })
            if (m is < 1 or > 12) throw new ArgumentOutOfRangeException(name, m, $"{name} must be a month 1–12, got {m}.");
        if (!(FusionFirstBaseMonth < FusionPredictionMonth && FusionPredictionMonth < FusionSecondBaseMonth))
            throw new ArgumentOutOfRangeException(nameof(FusionPredictionMonth), FusionPredictionMonth,
                $"The ESTARFM prediction month must lie between the base months ({FusionFirstBaseMonth} < tp < {FusionSecondBaseMonth}), got {FusionPredictionMonth}.");
        if (FusionWindowSize < 3 || FusionWindowSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(FusionWindowSize), FusionWindowSize, $"ESTARFM window must be odd and ≥ 3, got {FusionWindowSize}.");
        if (VariogramModels is null || VariogramModels.Count == 0) throw new ArgumentException("Give at least one variogram model.", nameof(VariogramModels));
        return this;
    }
}
