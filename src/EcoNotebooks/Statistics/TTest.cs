namespace EcoNotebooks.Statistics;

/// <summary>Variance assumption of the two-sample t test.</summary>
public enum TTestKind
{
    /// <summary>Student's t with pooled variance and n₁ + n₂ − 2 df (R: <c>t.test(x, y, var.equal = TRUE)</c>).</summary>
    Student,
    /// <summary>Welch's t with separate variances and Welch–Satterthwaite df (R's default <c>t.test(x, y)</c>).</summary>
    Welch,
}

/// <summary>
/// Result of a two-sided two-sample t test of H0: μx = μy (R: <c>t.test(x, y, var.equal = ...)</c>).
/// </summary>
/// <param name="Kind">Student (pooled) or Welch.</param>
/// <param name="T">Statistic (x̄ − ȳ) / SE.</param>
/// <param name="Df">Degrees of freedom: n₁ + n₂ − 2 (Student) or (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)) (Welch).</param>
/// <param name="P">Two-sided p-value 2·P(T_df ≥ |t|).</param>
/// <param name="ConfidenceLower">Lower limit of the confidence interval of x̄ − ȳ, (t − t_{1−α/2,df})·SE as R computes it.</param>
/// <param name="ConfidenceUpper">Upper limit, (t + t_{1−α/2,df})·SE.</param>
/// <param name="MeanX">Mean of x.</param>
/// <param name="MeanY">Mean of y.</param>
/// <param name="StandardError">Standard error of x̄ − ȳ.</param>
/// <param name="ConfidenceLevel">Confidence level 1 − α.</param>
public sealed record TTest(TTestKind Kind, double T, double Df, double P, double ConfidenceLower, double ConfidenceUpper,
    double MeanX, double MeanY, double StandardError, double ConfidenceLevel)
{
    private const double MachineEpsilon = 2.220446049250313e-16; // R's .Machine$double.eps

    /// <summary>Difference of means x̄ − ȳ.</summary>
    public double Difference => MeanX - MeanY;

    /// <summary>Runs the test; NaN values are skipped in each sample.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample.</param>
    /// <param name="kind">Student (pooled variance) or Welch; Welch is R's default.</param>
    /// <param name="confidenceLevel">In (0, 1), 0.95 by default.</param>
    /// <exception cref="ArgumentException">Too few observations (Student: n₁ ≥ 1, n₂ ≥ 1, n₁ + n₂ ≥ 3; Welch: both ≥ 2),
    /// an infinite value, or data that are essentially constant (R: "data are essentially constant").</exception>
    public static TTest Compute(IEnumerable<double> x, IEnumerable<double> y, TTestKind kind = TTestKind.Welch, double confidenceLevel = 0.95)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "confidenceLevel must be in (0, 1).");
        var xs = Descriptive.Present(x, nameof(x));
        var ys = Descriptive.Present(y, nameof(y));
        int nx = xs.Length, ny = ys.Length;
        int minN = kind == TTestKind.Welch ? 2 : 1;
        if (nx < minN) throw new ArgumentException($"x has {nx} non-missing value(s); the {kind} t test needs at least {minN}.", nameof(x));
        if (ny < minN) throw new ArgumentException($"y has {ny} non-missing value(s); the {kind} t test needs at least {minN}.", nameof(y));
        if (nx + ny < 3) throw new ArgumentException($"x and y have {nx + ny} values together; the t test needs at least 3.", nameof(x));
        double mx = Descriptive.Mean(xs), my = Descriptive.Mean(ys);
        double vx = nx > 1 ? Descriptive.SumOfSquaredDeviations(xs, mx) / (nx - 1) : 0;
        double vy = ny > 1 ? Descriptive.SumOfSquaredDeviations(ys, my) / (ny - 1) : 0;
        double df, stderr;
        if (kind == TTestKind.Student)
        {
            df = nx + ny - 2;
            double v = 0;
            if (nx > 1) v += (nx - 1) * vx;
            if (ny > 1) v += (ny - 1) * vy;
            v /= df;
            stderr = Math.Sqrt(v * (1.0 / nx + 1.0 / ny));
        }
        else
        {
            double sx = vx / nx, sy = vy / ny;
            stderr = Math.Sqrt(sx + sy);
            df = (stderr * stderr) * (stderr * stderr) / (sx * sx / (nx - 1) + sy * sy / (ny - 1));
        }
        if (stderr == 0 || stderr < 10 * MachineEpsilon * Math.Max(Math.Abs(mx), Math.Abs(my)))
            throw new ArgumentException($"data are essentially constant (standard error {stderr:R}); the t statistic is undefined.", nameof(x));
        double t = (mx - my) / stderr;
        double p = ProbabilityFunctions.StudentTTwoSidedP(t, df);
        double q = ProbabilityFunctions.StudentTQuantile(1 - (1 - confidenceLevel) / 2, df);
        return new TTest(kind, t, df, p, (t - q) * stderr, (t + q) * stderr, mx, my, stderr, confidenceLevel);
    }
}
