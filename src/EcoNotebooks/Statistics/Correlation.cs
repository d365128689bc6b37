namespace EcoNotebooks.Statistics;

/// <summary>Pearson correlation as pure functions.</summary>
public static class Correlation
{
    /// <summary>
    /// Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²) over the pairs where both values are present
    /// (R: <c>cor(x, y, use = "pairwise.complete.obs")</c>). Null when fewer than 2 complete pairs or a variable is
    /// constant (R gives NA). The result is clamped to [−1, 1].
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or a value is infinite.</exception>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values but y has {y.Count}; they must be paired.", nameof(y));
        var (xs, ys) = CompletePairs(x, y);
        if (xs.Length < 2) return null;
        double mx = Descriptive.Mean(xs), my = Descriptive.Mean(ys);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double dx = xs[i] - mx, dy = ys[i] - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return null;
        double r = sxy / Math.Sqrt(sxx * syy);
        return Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>The pairs where neither value is NaN; infinite values are rejected.</summary>
    internal static (double[] X, double[] Y) CompletePairs(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var xs = new List<double>(x.Count);
        var ys = new List<double>(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            if (double.IsInfinity(x[i])) throw new ArgumentException($"x[{i}] is {x[i]}; values must be finite (NaN marks a missing value).", nameof(x));
            if (double.IsInfinity(y[i])) throw new ArgumentException($"y[{i}] is {y[i]}; values must be finite (NaN marks a missing value).", nameof(y));
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            xs.Add(x[i]); ys.Add(y[i]);
        }
        return (xs.ToArray(), ys.ToArray());
    }
}
