namespace EcoNotebooks.Fusion;

/// <summary>Options of <see cref="Estarfm"/>.</summary>
public sealed record EstarfmOptions
{
    /// <summary>Moving-window size in fine pixels (odd, ≥ 3). Zhu et al. (2010) use about 1,500 m, i.e. 51 Landsat pixels; default 31.</summary>
    public int WindowSize { get; init; } = 31;

    /// <summary>Number of land-cover classes m assumed by the similar-pixel threshold |F_i − F_c| ≤ 2σ/m (default 4).</summary>
    public int Classes { get; init; } = 4;

    /// <summary>Minimum number of similar pixels to fit the conversion coefficient; below it V = 1 (default 5).</summary>
    public int MinimumSimilarPixels { get; init; } = 5;

    /// <summary>Largest accepted conversion coefficient V; larger or non-significant regressions fall back to V = 1 (default 5).</summary>
    public double MaximumConversionCoefficient { get; init; } = 5;

    /// <summary>Validates the options.</summary>
    public EstarfmOptions Validate()
    {
        if (WindowSize < 3 || WindowSize % 2 == 0) throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "ESTARFM window size must be an odd number ≥ 3 fine pixels.");
        if (Classes < 1) throw new ArgumentOutOfRangeException(nameof(Classes), Classes, "Number of classes must be ≥ 1.");
        if (MinimumSimilarPixels < 2) throw new ArgumentOutOfRangeException(nameof(MinimumSimilarPixels), MinimumSimilarPixels, "Need at least 2 similar pixels for a regression.");
        return this;
    }
}
