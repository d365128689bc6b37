using MathNet.Numerics;

namespace EcoNotebooks.Statistics;

/// <summary>
/// log Γ as R's nmath computes it (lgammafn for x &gt; 0 and lgammacor), so that ports of R algorithms see the same
/// values: Stirling's series ln √(2π) + (x − ½) ln x − x + lgammacor(x) above 10, MathNet's GammaLn below.
/// </summary>
internal static class LogGamma
{
    private const double LnSqrt2Pi = 0.918938533204672741780329736406;

    /// <summary>ln Γ(x) for x &gt; 0 (R: <c>lgamma(x)</c>).</summary>
    public static double Ln(double x)
    {
        if (x <= 10) return SpecialFunctions.GammaLn(x); // R: log(gammafn(x)); MathNet (Lanczos) agrees to ~5e-15
        if (x > 1e17) return x * (Math.Log(x) - 1.0);
        if (x > 4934720.0) return LnSqrt2Pi + (x - 0.5) * Math.Log(x) - x;
        return LnSqrt2Pi + (x - 0.5) * Math.Log(x) - x + StirlingCorrection(x);
    }

    /// <summary>
    /// ln Γ(x) − (ln √(2π) + (x − ½) ln x − x) for x ≥ 10: R's lgammacor, a 5-term Chebyshev series (W. Fullerton's
    /// dcsevl coefficients), 1/(12x) beyond 94906265.6.
    /// </summary>
    public static double StirlingCorrection(double x)
    {
        ReadOnlySpan<double> algmcs =
        [
            +.1666389480451863247205729650822e+0, -.1384948176067563840732986059135e-4, +.9810825646924729426157171547487e-8,
            -.1809129475572494194263306266719e-10, +.6221098041892605227126015543416e-13,
        ];
        if (!(x >= 10)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must be ≥ 10.");
        if (x >= 94906265.62425156) return 1 / (x * 12);
        double tmp = 10 / x;
        double twox = (tmp * tmp * 2 - 1) * 2, b0 = 0, b1 = 0, b2 = 0;
        for (int i = 1; i <= algmcs.Length; i++)
        {
            b2 = b1;
            b1 = b0;
            b0 = twox * b1 - b2 + algmcs[algmcs.Length - i];
        }
        return (b0 - b2) * 0.5 / x;
    }
}
