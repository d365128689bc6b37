using MathNet.Numerics;

namespace EcoNotebooks.Trends;

/// <summary>Result of a Mann–Kendall trend test.</summary>
/// <param name="N">Number of non-missing values used.</param>
/// <param name="S">Kendall's S = Σ<sub>i&lt;j</sub> sgn(x<sub>j</sub> − x<sub>i</sub>).</param>
/// <param name="VarS">Variance of S under H0 with tie correction.</param>
/// <param name="Z">Standard normal statistic (with or without continuity correction).</param>
/// <param name="P">Two-sided p-value 2(1 − Φ(|Z|)).</param>
public sealed record MannKendallResult(int N, double S, double VarS, double Z, double P);

/// <summary>
/// The Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975), normal approximation.
/// <list type="bullet">
/// <item>S = Σ<sub>i&lt;j</sub> sgn(x<sub>j</sub> − x<sub>i</sub>) over the values in time order.</item>
/// <item>Var(S) = [n(n−1)(2n+5) − Σ<sub>g</sub> t<sub>g</sub>(t<sub>g</sub>−1)(2t<sub>g</sub>+5)] / 18, t<sub>g</sub> the size of tie group g.</item>
/// <item>Z = (S − 1)/√Var(S) if S &gt; 0, (S + 1)/√Var(S) if S &lt; 0, 0 if S = 0 (continuity correction; without it Z = S/√Var(S)).</item>
/// <item>p = 2(1 − Φ(|Z|)) = erfc(|Z|/√2).</item>
/// </list>
/// Missing values (NaN) are dropped; the others keep their order. When every value is tied, Var(S) = 0 and S = 0,
/// so Z = 0 and p = 1.
/// R: <c>Kendall::MannKendall(x)</c> (its S, varS, two-sided p); equivalently
/// <c>cor.test(seq_along(x), x, method = "kendall", exact = FALSE, continuity = TRUE)</c>, whose z and p equal these.
/// Python: <c>pymannkendall.original_test</c> (which omits the continuity correction).
/// </summary>
public static class MannKendall
{
    /// <summary>Runs the test on <paramref name="values"/> in time order.</summary>
    /// <param name="values">Series in time order; NaN = missing (dropped).</param>
    /// <param name="continuityCorrection">Apply the ±1 continuity correction to S (default true, as Kendall::MannKendall and R's cor.test).</param>
    /// <exception cref="ArgumentException">Fewer than 2 non-missing values, or an infinite value.</exception>
    public static MannKendallResult Test(ReadOnlySpan<double> values, bool continuityCorrection = true)
    {
        Span<double> x = values.Length <= 256 ? stackalloc double[values.Length] : new double[values.Length];
        int n = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v)) throw new ArgumentException($"Value {v} is infinite; the Mann–Kendall test needs finite values.", nameof(values));
            x[n++] = v;
        }
        if (n < 2) throw new ArgumentException($"The Mann–Kendall test needs at least 2 non-missing values, got {n}.", nameof(values));
        x = x[..n];
        return TestValid(x, continuityCorrection, stackalloc double[0]);
    }

    /// <summary>Core on non-missing values; <paramref name="scratch"/> (length ≥ n, or empty to allocate) is used to sort for ties.</summary>
    internal static MannKendallResult TestValid(ReadOnlySpan<double> x, bool continuityCorrection, Span<double> scratch)
    {
        int n = x.Length;
        long s = 0;
        for (int i = 0; i < n - 1; i++)
        {
            double xi = x[i];
            for (int j = i + 1; j < n; j++)
            {
                double d = x[j] - xi;
                s += d > 0 ? 1 : d < 0 ? -1 : 0;
            }
        }
        var sorted = scratch.Length >= n ? scratch[..n] : new double[n];
        x.CopyTo(sorted);
        sorted.Sort();
        double tieTerm = 0;
        int run = 1;
        for (int i = 1; i <= n; i++)
        {
            if (i < n && sorted[i] == sorted[i - 1]) { run++; continue; }
            if (run > 1) tieTerm += (double)run * (run - 1) * (2 * run + 5);
            run = 1;
        }
        double varS = ((double)n * (n - 1) * (2 * n + 5) - tieTerm) / 18.0;
        double cc = continuityCorrection ? 1 : 0;
        double z = s > 0 ? (s - cc) / Math.Sqrt(varS) : s < 0 ? (s + cc) / Math.Sqrt(varS) : 0;
        return new MannKendallResult(n, s, varS, z, TwoSidedP(z));
    }

    /// <summary>Two-sided normal p-value 2(1 − Φ(|z|)), computed as erfc(|z|/√2) for accuracy in the tail. R: <c>2 * pnorm(-abs(z))</c>.</summary>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
}
