namespace EcoNotebooks.Statistics;

/// <summary>
/// Summary of one sample. Missing values (NaN) are skipped before anything is computed (the project's missing-data
/// rule); <see cref="N"/> counts the values used. Statistics that are undefined for the sample size are null:
/// mean, min, max and median need n ≥ 1; SD, SE and CV need n ≥ 2; CV also needs mean ≠ 0.
/// </summary>
/// <param name="N">Number of non-missing values.</param>
/// <param name="Mean">Arithmetic mean (R: <c>mean(x)</c>).</param>
/// <param name="StandardDeviation">Sample standard deviation with n − 1 in the denominator (R: <c>sd(x)</c>).</param>
/// <param name="StandardError">Standard error of the mean, SD / √n.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Median">Median, the type-7 quantile at 0.5 (R: <c>median(x)</c>).</param>
/// <param name="CoefficientOfVariation">SD / mean as a fraction (multiply by 100 for percent); R: <c>sd(x) / mean(x)</c>.</param>
public sealed record DescriptiveStatistics(
    int N, double? Mean, double? StandardDeviation, double? StandardError, double? Min, double? Max, double? Median,
    double? CoefficientOfVariation)
{
    /// <summary>Computes the summary of <paramref name="values"/>, skipping NaN. ±∞ is rejected.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is infinite (the message repeats its position and value).</exception>
    public static DescriptiveStatistics Compute(IEnumerable<double> values)
    {
        var x = Descriptive.Present(values, nameof(values));
        int n = x.Length;
        if (n == 0) return new DescriptiveStatistics(0, null, null, null, null, null, null, null);
        double mean = Descriptive.Mean(x);
        double? sd = n >= 2 ? Math.Sqrt(Descriptive.SumOfSquaredDeviations(x, mean) / (n - 1)) : null;
        double? se = sd / Math.Sqrt(n);
        double? cv = sd is double s && mean != 0 ? s / mean : null;
        Array.Sort(x);
        return new DescriptiveStatistics(n, mean, sd, se, x[0], x[^1], Descriptive.SortedQuantile(x, 0.5), cv);
    }
}

/// <summary>Elementary sample statistics as pure functions.</summary>
public static class Descriptive
{
    /// <summary>
    /// Sample quantile of type 7 (R's default, <c>quantile(x, p, type = 7)</c>; Excel PERCENTILE.INC, numpy "linear"):
    /// with h = (n − 1) p, Q = x₍⌊h⌋₊₁₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₂₎ − x₍⌊h⌋₊₁₎) on the sorted values. NaN values are skipped.
    /// </summary>
    /// <param name="values">Sample; at least one non-missing value.</param>
    /// <param name="p">Probability in [0, 1].</param>
    /// <exception cref="ArgumentException">No non-missing value, an infinite value, or p outside [0, 1].</exception>
    public static double Quantile(IEnumerable<double> values, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        var x = Present(values, nameof(values));
        if (x.Length == 0) throw new ArgumentException("values has no non-missing value; the quantile is undefined.", nameof(values));
        Array.Sort(x);
        return SortedQuantile(x, p);
    }

    /// <summary>Type-7 quantile of already sorted, non-empty values (R's quantile.default arithmetic).</summary>
    internal static double SortedQuantile(double[] sorted, double p)
    {
        int n = sorted.Length;
        double index = (n - 1) * p;
        int lo = (int)Math.Floor(index);
        int hi = (int)Math.Ceiling(index);
        double qs = sorted[lo];
        double h = index - lo;
        // R: qs <- x[lo]; i <- which(index > lo & x[hi] != qs); qs[i] <- (1 - h) * qs[i] + h * x[hi[i]]
        if (index > lo && sorted[hi] != qs) qs = (1 - h) * qs + h * sorted[hi];
        return qs;
    }

    /// <summary>Arithmetic mean with R's refinement pass (mean.default adds the mean of the residuals).</summary>
    internal static double Mean(double[] x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        double m = s / x.Length;
        double r = 0;
        foreach (var v in x) r += v - m;
        return m + r / x.Length;
    }

    /// <summary>Σ (x − mean)².</summary>
    internal static double SumOfSquaredDeviations(double[] x, double mean)
    {
        double s = 0;
        foreach (var v in x) { double d = v - mean; s += d * d; }
        return s;
    }

    /// <summary>The non-NaN values as a new array; infinite values are rejected naming their position.</summary>
    internal static double[] Present(IEnumerable<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        var list = new List<double>();
        int i = 0;
        foreach (var v in values)
        {
            if (double.IsInfinity(v)) throw new ArgumentException($"{paramName}[{i}] is {v}; values must be finite (NaN marks a missing value).", paramName);
            if (!double.IsNaN(v)) list.Add(v);
            i++;
        }
        return list.ToArray();
    }
}
