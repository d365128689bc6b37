namespace EcoNotebooks.Permafrost.Measures;

/// <summary>
/// Crushed-rock (block-stone) cooling layer placed on the ground surface (paper §4.4: particles ≥ 8–10 cm, layer
/// ≥ 80–100 cm). Air in the open pores convects when the air above is colder than the rock (unstable stratification,
/// winter), so the effective conductivity rises by <see cref="WinterConvectionMultiplier"/>; in summer the warm air sits
/// still on top and the layer is a poor conductor (<see cref="StillAirConductivity"/>). This "thermal diode" is the
/// effective-conductivity approximation of Goering &amp; Kumar (1996) and Cheng et al. (2007); the switch compares air
/// with the layer's top-cell temperature at the start of each day.
/// </summary>
/// <param name="Thickness">m (default 1.0).</param>
/// <param name="StillAirConductivity">Effective conductivity without convection, W m⁻¹ K⁻¹ (coarse rock ≈ 0.3–0.5; default 0.4).</param>
/// <param name="WinterConvectionMultiplier">Factor on the conductivity when convecting (≈ 3–10; default 5, i.e. ≈ 2 W m⁻¹ K⁻¹).</param>
/// <param name="HeatCapacity">Volumetric heat capacity, J m⁻³ K⁻¹ (rock 2.2e6 × (1 − porosity 0.4) ≈ 1.3e6).</param>
public sealed record CrushedRockLayer(double Thickness = 1.0, double StillAirConductivity = 0.4, double WinterConvectionMultiplier = 5, double HeatCapacity = 1.3e6) : IRestorationMeasure
{
    /// <inheritdoc />
    public string Name => $"Crushed rock {Thickness:0.##} m";
    /// <inheritdoc />
    public double AddedThickness => Thickness;

    /// <summary>The layer this measure adds (almost dry: θ = 0.01).</summary>
    public SoilLayer Layer => new SoilLayer("crushed rock", Thickness, 0.01, StillAirConductivity, StillAirConductivity, HeatCapacity, HeatCapacity)
    { WinterConvectionMultiplier = WinterConvectionMultiplier }.Validate();

    /// <inheritdoc />
    public GroundColumnOptions Apply(GroundColumnOptions options) => options with { Layers = LayerEdits.AddOnTop(options.Layers, Layer) };
}
