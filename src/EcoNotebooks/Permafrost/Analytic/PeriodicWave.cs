namespace EcoNotebooks.Permafrost.Analytic;

/// <summary>
/// Steady periodic heat conduction in a homogeneous half-space without phase change (Carslaw &amp; Jaeger §2.6):
/// a surface temperature T̄ + A₀ sin(ωt) gives T(z, t) = T̄ + A₀ e^(−z/d) sin(ωt − z/d), with damping depth
/// d = √(2α/ω), α = k/C. Amplitude A(z) = A₀ e^(−z/d); phase lag z/d radians (time lag z/(dω)).
/// </summary>
/// <param name="Diffusivity">α, m² s⁻¹.</param>
/// <param name="PeriodSeconds">Period, s (a year: 365·86,400).</param>
public sealed record PeriodicWave(double Diffusivity, double PeriodSeconds)
{
    /// <summary>ω = 2π / period, rad s⁻¹.</summary>
    public double AngularFrequency => 2 * Math.PI / PeriodSeconds;
    /// <summary>Damping depth d = √(2α/ω), m.</summary>
    public double DampingDepth => Math.Sqrt(2 * Diffusivity / AngularFrequency);
    /// <summary>Amplitude at depth z relative to the surface amplitude, e^(−z/d).</summary>
    public double AmplitudeRatio(double z) => Math.Exp(-z / DampingDepth);
    /// <summary>Phase lag at depth z, radians (z/d).</summary>
    public double PhaseLag(double z) => z / DampingDepth;
    /// <summary>Depth where the amplitude falls to <paramref name="amplitude"/> for surface amplitude <paramref name="surfaceAmplitude"/>: d·ln(A₀/A).</summary>
    public double DepthOfAmplitude(double surfaceAmplitude, double amplitude) => DampingDepth * Math.Log(surfaceAmplitude / amplitude);
}
