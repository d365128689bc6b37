namespace EcoNotebooks.Statistics;

/// <summary>
/// Result of a Pearson product-moment correlation test (R: <c>cor.test(x, y)</c>, two-sided, method "pearson").
/// </summary>
/// <param name="N">Number of complete pairs used.</param>
/// <param name="R">Sample correlation r in [−1, 1]; null when a variable is constant.</param>
/// <param name="T">Statistic t = √(n − 2) r / √(1 − r²) (±∞ when |r| = 1); null when r is.</param>
/// <param name="Df">Degrees of freedom n − 2.</param>
/// <param name="P">Two-sided p-value 2·P(T_{n−2} ≥ |t|); 0 when |r| = 1; null when r is.</param>
/// <param name="ConfidenceLower">Lower Fisher-z confidence limit tanh(atanh r − z_{(1+c)/2}/√(n − 3)); null when n ≤ 3
/// (R gives no interval then) or r is null.</param>
/// <param name="ConfidenceUpper">Upper Fisher-z confidence limit; null as for the lower limit.</param>
/// <param name="ConfidenceLevel">Confidence level c of the interval.</param>
public sealed record PearsonTest(int N, double? R, double? T, int Df, double? P, double? ConfidenceLower, double? ConfidenceUpper, double ConfidenceLevel)
{
    /// <summary>
    /// Tests H0: ρ = 0 on the pairs where both <paramref name="x"/> and <paramref name="y"/> are present (NaN = missing,
    /// R's <c>cor.test</c> drops incomplete pairs the same way).
    /// </summary>
    /// <param name="x">First variable.</param>
    /// <param name="y">Second variable, same length as <paramref name="x"/>.</param>
    /// <param name="confidenceLevel">Level of the Fisher-z interval, in (0, 1); 0.95 by default.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value is infinite, or fewer than 3 complete pairs.</exception>
    public static PearsonTest Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values but y has {y.Count}; they must be paired.", nameof(y));
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "confidenceLevel must be in (0, 1).");
        var (xs, ys) = Correlation.CompletePairs(x, y);
        int n = xs.Length;
        if (n < 3) throw new ArgumentException($"only {n} complete pairs; a correlation test needs at least 3.", nameof(x));
        int df = n - 2;
        double? r = Correlation.Pearson(xs, ys);
        if (r is not double rv) return new PearsonTest(n, null, null, df, null, null, null, confidenceLevel);
        double t = Math.Sqrt(df) * rv / Math.Sqrt(1 - rv * rv);
        double p = ProbabilityFunctions.StudentTTwoSidedP(t, df);
        double? lo = null, hi = null;
        if (n > 3)
        {
            double z = Math.Atanh(rv);
            double sigma = 1 / Math.Sqrt(n - 3);
            double zq = ProbabilityFunctions.NormalQuantile((1 + confidenceLevel) / 2);
            lo = Math.Tanh(z - sigma * zq);
            hi = Math.Tanh(z + sigma * zq);
        }
        return new PearsonTest(n, rv, t, df, p, lo, hi, confidenceLevel);
    }
}
