namespace EcoNotebooks.Trends;

/// <summary>Options of <see cref="TrendAnalysis"/> (Sen slope + Mann–Kendall classification).</summary>
public sealed record TrendOptions
{
    /// <summary>|Z| at or above which a trend is significant; default 1.96 (two-sided p ≤ 0.05). Must be ≥ <see cref="ZSlight"/>.</summary>
    public double ZSignificant { get; init; } = 1.96;

    /// <summary>|Z| at or above which a trend is slightly significant; default 1.645 (two-sided p ≤ 0.10). Must be ≥ 0.</summary>
    public double ZSlight { get; init; } = 1.645;

    /// <summary>
    /// Sen slopes with |β| below this value count as <see cref="TrendClass.NoChange"/> (β = 0 always does). Value
    /// units per time unit, ≥ 0; default 0 (only an exactly zero slope is "no change").
    /// </summary>
    public double SlopeTolerance { get; init; }

    /// <summary>
    /// Apply the ±1 continuity correction to S (default true, as R's Kendall::MannKendall). Note: with 4 years
    /// (e.g. 2021–2024) the corrected |Z| is at most 1.70, so "significant" (|Z| ≥ 1.96) is unreachable; without the
    /// correction it is at most 2.04.
    /// </summary>
    public bool ContinuityCorrection { get; init; } = true;

    /// <summary>Fewest non-missing values for a trend, ≥ 3 (default 3). Series or pixels with fewer get no trend.</summary>
    public int MinimumCount { get; init; } = 3;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public TrendOptions Validate()
    {
        if (!(ZSlight >= 0) || double.IsInfinity(ZSlight)) throw new ArgumentOutOfRangeException(nameof(ZSlight), ZSlight, "The slight-significance |Z| threshold must be finite and ≥ 0.");
        if (!(ZSignificant >= ZSlight) || double.IsInfinity(ZSignificant))
            throw new ArgumentOutOfRangeException(nameof(ZSignificant), ZSignificant, $"The significance |Z| threshold must be finite and ≥ the slight threshold ({ZSlight}).");
        if (!(SlopeTolerance >= 0) || double.IsInfinity(SlopeTolerance)) throw new ArgumentOutOfRangeException(nameof(SlopeTolerance), SlopeTolerance, "The slope tolerance must be finite and ≥ 0.");
        if (MinimumCount < 3) throw new ArgumentOutOfRangeException(nameof(MinimumCount), MinimumCount, "At least 3 values are needed for a trend.");
        return this;
    }
}
