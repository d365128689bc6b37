namespace EcoNotebooks.Weighting;

/// <summary>Which standard deviation <see cref="ObjectiveWeights.StandardDeviation"/> uses.</summary>
public enum StandardDeviationKind
{
    /// <summary>σ = √(Σ(x − x̄)²/m), divisor m (numpy <c>np.std(x)</c>; R <c>sqrt(mean((x - mean(x))^2))</c>). Default: the Lingbei paper's "mean square error" (均方差) is the root of the mean squared deviation.</summary>
    Population,

    /// <summary>s = √(Σ(x − x̄)²/(m − 1)), divisor m − 1 (R <c>sd(x)</c>; numpy <c>np.std(x, ddof=1)</c>).</summary>
    Sample,
}
