namespace EcoNotebooks.Permafrost;

/// <summary>How pore water freezes.</summary>
public enum FreezingCurveKind
{
    /// <summary>All water freezes at the melting point Tm (sharp, isothermal phase change: the classical Stefan problem).</summary>
    Isothermal,
    /// <summary>
    /// Power-law unfrozen-water curve (GIPL form θu = a·|T − Tm|^−b below the onset of freezing): θu = θ·min(1, ((Tm − T)/T0)^−b)
    /// for T &lt; Tm, θu = θ for T ≥ Tm.
    /// </summary>
    PowerLaw,
}

/// <summary>
/// The unfrozen-water curve θu(T) of a soil layer.
/// <para>
/// <see cref="FreezingCurveKind.PowerLaw"/>: θu(T) = θ for T ≥ Tm − T0 and θu(T) = θ·((Tm − T)/T0)^(−b) below, i.e. the
/// widely used GIPL/Romanovsky form θu = a·|T − Tm|^−b with a = θ·T0^b, capped at the total water content θ. Freezing
/// begins at the freezing-point depression T0 (K, &gt; 0) and the exponent b (&gt; 0, typically 0.3–0.8 for silts) sets
/// how fast water freezes below it. <see cref="FreezingCurveKind.Isothermal"/>: θu = θ above Tm and 0 below.
/// </para>
/// </summary>
/// <param name="Kind">Isothermal or power law.</param>
/// <param name="MeltingPoint">Tm, °C (0 for fresh pore water).</param>
/// <param name="OnsetDepression">T0, K &gt; 0: freezing starts at Tm − T0 (power law only).</param>
/// <param name="Exponent">b &gt; 0, b ≠ 1 (power law only).</param>
public sealed record FreezingCurve(FreezingCurveKind Kind, double MeltingPoint = 0, double OnsetDepression = 0.05, double Exponent = 0.5)
{
    /// <summary>Sharp phase change at 0 °C.</summary>
    public static FreezingCurve Isothermal { get; } = new(FreezingCurveKind.Isothermal);

    /// <summary>A power-law curve θu = θ·min(1, ((Tm − T)/T0)^−b).</summary>
    public static FreezingCurve PowerLaw(double onsetDepression = 0.05, double exponent = 0.5, double meltingPoint = 0) =>
        new FreezingCurve(FreezingCurveKind.PowerLaw, meltingPoint, onsetDepression, exponent).Validate();

    /// <summary>
    /// The same curve written in the GIPL parameters θu = a·|T − Tm|^−b for a layer with total water content θ:
    /// T0 = (a/θ)^(1/b).
    /// </summary>
    /// <param name="a">a &gt; 0 (m³ m⁻³ K^b).</param>
    /// <param name="b">b &gt; 0.</param>
    /// <param name="totalWaterContent">θ &gt; 0.</param>
    public static FreezingCurve FromGipl(double a, double b, double totalWaterContent)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "a must be > 0.");
        if (!(totalWaterContent > 0)) throw new ArgumentOutOfRangeException(nameof(totalWaterContent), totalWaterContent, "θ must be > 0.");
        return PowerLaw(Math.Pow(a / totalWaterContent, 1 / b), b);
    }

    /// <summary>Checks the parameters.</summary>
    public FreezingCurve Validate()
    {
        if (!double.IsFinite(MeltingPoint)) throw new ArgumentOutOfRangeException(nameof(MeltingPoint), MeltingPoint, "Melting point must be finite.");
        if (Kind == FreezingCurveKind.PowerLaw)
        {
            if (!(OnsetDepression > 0) || !double.IsFinite(OnsetDepression)) throw new ArgumentOutOfRangeException(nameof(OnsetDepression), OnsetDepression, "Onset depression T0 must be > 0 K.");
            if (!(Exponent > 0) || Math.Abs(Exponent - 1) < 1e-9 || !double.IsFinite(Exponent)) throw new ArgumentOutOfRangeException(nameof(Exponent), Exponent, "Exponent b must be > 0 and ≠ 1.");
        }
        return this;
    }

    /// <summary>Unfrozen fraction θu/θ (0–1) at temperature <paramref name="t"/> °C (isothermal: 1 above Tm, 0 below; at Tm it is undefined and 1 is returned).</summary>
    public double UnfrozenFraction(double t)
    {
        if (t >= MeltingPoint) return 1;
        if (Kind == FreezingCurveKind.Isothermal) return 0;
        double x = MeltingPoint - t;
        return x <= OnsetDepression ? 1 : Math.Pow(x / OnsetDepression, -Exponent);
    }
}
