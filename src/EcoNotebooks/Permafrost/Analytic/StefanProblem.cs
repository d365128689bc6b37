using MathNet.Numerics;

namespace EcoNotebooks.Permafrost.Analytic;

/// <summary>
/// Neumann's exact solution of the two-phase Stefan problem (Carslaw &amp; Jaeger 1959 §11.2; Lunardini 1981): a
/// half-space initially frozen at Ti &lt; Tm whose surface is held at Ts &gt; Tm from t = 0 thaws to depth
/// X(t) = 2λ√(αt·t), αt = kt/Ct, where λ is the root of the transcendental Stefan condition <see cref="Residual"/>
/// (solved numerically by <see cref="Lambda"/>). Used to validate the enthalpy solver.
/// Python equivalent: scipy.optimize.brentq on the same residual.
/// </summary>
/// <param name="KThawed">kt, W m⁻¹ K⁻¹.</param>
/// <param name="KFrozen">kf, W m⁻¹ K⁻¹.</param>
/// <param name="CThawed">Ct, J m⁻³ K⁻¹.</param>
/// <param name="CFrozen">Cf, J m⁻³ K⁻¹.</param>
/// <param name="VolumetricLatentHeat">L·ρw·θ, J m⁻³ (&gt; 0).</param>
/// <param name="SurfaceTemperature">Ts &gt; Tm, °C.</param>
/// <param name="InitialTemperature">Ti ≤ Tm, °C.</param>
/// <param name="MeltingPoint">Tm, °C.</param>
public sealed record StefanProblem(double KThawed, double KFrozen, double CThawed, double CFrozen, double VolumetricLatentHeat,
    double SurfaceTemperature, double InitialTemperature, double MeltingPoint = 0)
{
    private double AlphaT => KThawed / CThawed;
    private double AlphaF => KFrozen / CFrozen;

    /// <summary>
    /// The Stefan condition at the front written as f(λ) = 0:
    /// f(λ) = kt(Ts − Tm)e^(−λ²)/(erf(λ)√(π αt)) − kf(Tm − Ti)e^(−μ²)/(erfc(μ)√(π αf)) − L·λ·√αt, with μ = λ√(αt/αf).
    /// </summary>
    public double Residual(double lambda)
    {
        double mu = lambda * Math.Sqrt(AlphaT / AlphaF);
        double thawed = KThawed * (SurfaceTemperature - MeltingPoint) * Math.Exp(-lambda * lambda) / (SpecialFunctions.Erf(lambda) * Math.Sqrt(Math.PI * AlphaT));
        double frozen = KFrozen * (MeltingPoint - InitialTemperature) * Math.Exp(-mu * mu) / (SpecialFunctions.Erfc(mu) * Math.Sqrt(Math.PI * AlphaF));
        return thawed - frozen - VolumetricLatentHeat * lambda * Math.Sqrt(AlphaT);
    }

    /// <summary>λ, the root of <see cref="Residual"/> on (0, ∞), by bisection to 1e-14 (f decreases from +∞).</summary>
    public double Lambda()
    {
        if (!(SurfaceTemperature > MeltingPoint)) throw new ArgumentOutOfRangeException(nameof(SurfaceTemperature), SurfaceTemperature, "Ts must exceed Tm.");
        if (!(InitialTemperature <= MeltingPoint)) throw new ArgumentOutOfRangeException(nameof(InitialTemperature), InitialTemperature, "Ti must not exceed Tm.");
        double lo = 1e-12, hi = 1;
        while (Residual(hi) > 0) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Residual(mid) > 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>Thaw depth X(t) = 2λ√(αt t), m, at time <paramref name="seconds"/> s.</summary>
    public double ThawDepth(double seconds) => 2 * Lambda() * Math.Sqrt(AlphaT * seconds);

    /// <summary>Temperature at depth z (m) and time t (s), °C.</summary>
    public double Temperature(double z, double seconds)
    {
        double lambda = Lambda(), x = 2 * lambda * Math.Sqrt(AlphaT * seconds);
        if (z <= x) return SurfaceTemperature - (SurfaceTemperature - MeltingPoint) * SpecialFunctions.Erf(z / (2 * Math.Sqrt(AlphaT * seconds))) / SpecialFunctions.Erf(lambda);
        double mu = lambda * Math.Sqrt(AlphaT / AlphaF);
        return InitialTemperature + (MeltingPoint - InitialTemperature) * SpecialFunctions.Erfc(z / (2 * Math.Sqrt(AlphaF * seconds))) / SpecialFunctions.Erfc(mu);
    }
}
