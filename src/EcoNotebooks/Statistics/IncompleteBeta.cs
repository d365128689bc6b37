using MathNet.Numerics;

namespace EcoNotebooks.Statistics;

/// <summary>
/// Regularized incomplete beta function I_x(a, b) for the tail probabilities of t and F, accurate for large
/// parameters (df up to 1e8): the continued fraction of Numerical Recipes (modified Lentz) with the prefactor
/// x^a y^b / (a B(a, b)) computed from y = 1 − x as passed by the caller (no 1 − x cancellation), ln x = log1p(−y),
/// and ln B(a, b) from Stirling's series with R's lgammacor when a parameter is ≥ 10 (no cancellation of large
/// log-gamma values, which costs MathNet's BetaRegularized ~1e-8 relative at df = 1e7). Near the fraction's
/// convergence boundary with very large a (x ≈ 1 − 1/a) its terms cancel and ~1e-11 relative is lost.
/// </summary>
internal static class IncompleteBeta
{
    private const double LnSqrt2Pi = 0.918938533204672741780329736406;

    /// <summary>I_x(a, b) with <paramref name="y"/> = 1 − x given separately; a, b &gt; 0, 0 ≤ x ≤ 1.</summary>
    public static double Regularized(double a, double b, double x, double y)
    {
        if (x <= 0) return 0.0;
        if (y <= 0) return 1.0;
        if (x < (a + 1) / (a + b + 2))
            return Front(a, b, x, y) * ContinuedFraction(a, b, x) / a;
        return 1.0 - Front(b, a, y, x) * ContinuedFraction(b, a, y) / b;
    }

    /// <summary>ln(1 + x) accurate for small |x| (Goldberg's trick; .NET's double.LogP1 is plain Math.Log(1 + x)).</summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>x^a y^b / B(a, b) evaluated in logs.</summary>
    private static double Front(double a, double b, double x, double y)
    {
        double lnX = x > 0.5 ? Log1P(-y) : Math.Log(x);
        double lnY = y > 0.5 ? Log1P(-x) : Math.Log(y);
        return Math.Exp(a * lnX + b * lnY - LogBeta(a, b));
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    internal static double LogBeta(double a, double b)
    {
        double p = Math.Min(a, b), q = Math.Max(a, b);
        if (q < 10) return SpecialFunctions.GammaLn(p) + SpecialFunctions.GammaLn(q) - SpecialFunctions.GammaLn(p + q);
        // q ≥ 10: ln Γ(q) − ln Γ(p + q) from Stirling's series without forming the large log-gammas
        double corr = Corr(q) - Corr(p + q);
        if (p < 10)
            return SpecialFunctions.GammaLn(p) + corr - (q - 0.5) * Log1P(p / q) - p * Math.Log(p + q) + p;
        // both ≥ 10
        return LnSqrt2Pi - 0.5 * Math.Log(q) + Corr(p) + corr
               + (p - 0.5) * Math.Log(p / (p + q)) - q * Log1P(p / q);
    }

    /// <summary>ln Γ(z) − Stirling's approximation, z ≥ 10 (R's lgammacor).</summary>
    private static double Corr(double x) => LogGamma.StirlingCorrection(x);

    /// <summary>Continued fraction for I_x(a, b) (Numerical Recipes betacf, modified Lentz), converging for x &lt; (a+1)/(a+b+2).</summary>
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double fpmin = 1e-300, eps = 1e-16;
        const int maxIter = 1_000_000;
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < fpmin) d = fpmin;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= maxIter; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < fpmin) d = fpmin;
            c = 1 + aa / c; if (Math.Abs(c) < fpmin) c = fpmin;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < fpmin) d = fpmin;
            c = 1 + aa / c; if (Math.Abs(c) < fpmin) c = fpmin;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) <= eps) return h;
        }
        throw new ArithmeticException($"incomplete beta continued fraction did not converge for a = {a}, b = {b}, x = {x}.");
    }
}
