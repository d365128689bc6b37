namespace EcoNotebooks.Permafrost.Measures;

/// <summary>
/// Two-phase closed thermosyphons (heat pipes) that carry heat from the ground to the air whenever the air is colder
/// than the ground around the evaporator by more than a threshold (paper §4.4), as a <see cref="HeatExtractor"/>
/// averaged per m² of ground. The paper prints "approximately 2 × 10³ kJ" extracted per year; that is 0.06 W
/// on average, far below field values for a single device (order 10⁶ kJ per winter), so the defaults here are
/// per m² of treated ground instead: conductance 0.5 W m⁻² K⁻¹ and capacity 5 W m⁻² (one ≈ 50 W device per 10 m²).
/// </summary>
/// <param name="TopDepth">Top of the evaporator, m (default 0.5).</param>
/// <param name="BottomDepth">Bottom of the evaporator, m (default 6).</param>
/// <param name="ActivationThreshold">K by which the air must be colder than the ground (default 1).</param>
/// <param name="Conductance">W m⁻² K⁻¹ of ground (default 0.5).</param>
/// <param name="Capacity">W m⁻² of ground (default 5).</param>
public sealed record Thermosyphon(double TopDepth = 0.5, double BottomDepth = 6, double ActivationThreshold = 1, double Conductance = 0.5, double Capacity = 5) : IRestorationMeasure
{
    /// <inheritdoc />
    public string Name => "Thermosyphons";
    /// <inheritdoc />
    public double AddedThickness => 0;
    /// <inheritdoc />
    public GroundColumnOptions Apply(GroundColumnOptions options) =>
        options with { Extractors = [.. options.Extractors, new HeatExtractor(TopDepth, BottomDepth, ActivationThreshold, Conductance, Capacity)] };
}
