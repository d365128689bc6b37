namespace EcoNotebooks.Permafrost.Measures;

/// <summary>Insulation board material.</summary>
public enum InsulationMaterial
{
    /// <summary>Extruded polystyrene, k ≈ 0.03 W m⁻¹ K⁻¹.</summary>
    Xps,
    /// <summary>Expanded polystyrene, k ≈ 0.04 W m⁻¹ K⁻¹.</summary>
    Eps,
}

/// <summary>
/// An XPS/EPS board buried at <see cref="Depth"/> (paper §4.4: cuts seasonal thaw depth by 1–2 m): a thin layer of high
/// thermal resistance R = thickness / k without heat capacity (an <see cref="InterfaceResistance"/>).
/// </summary>
/// <param name="Thickness">Board thickness, m (default 0.1).</param>
/// <param name="Depth">Burial depth below the surface, m (default 0.5, under a protective soil cover).</param>
/// <param name="Material">XPS (0.03) or EPS (0.04).</param>
/// <param name="Conductivity">Override of the material conductivity, W m⁻¹ K⁻¹ (null = from the material).</param>
public sealed record InsulationBoard(double Thickness = 0.1, double Depth = 0.5, InsulationMaterial Material = InsulationMaterial.Xps, double? Conductivity = null) : IRestorationMeasure
{
    /// <inheritdoc />
    public string Name => $"{Material.ToString().ToUpperInvariant()} {Thickness * 100:0.#} cm";
    /// <inheritdoc />
    public double AddedThickness => 0;
    /// <summary>Conductivity used, W m⁻¹ K⁻¹.</summary>
    public double K => Conductivity ?? (Material == InsulationMaterial.Xps ? 0.03 : 0.04);
    /// <summary>R = thickness / k, m² K W⁻¹.</summary>
    public double Resistance => Thickness / K;
    /// <inheritdoc />
    public GroundColumnOptions Apply(GroundColumnOptions options)
    {
        if (!(Thickness > 0)) throw new ArgumentOutOfRangeException(nameof(Thickness), Thickness, "Board thickness must be > 0 m.");
        return options with { Resistances = [.. options.Resistances, new InterfaceResistance(Depth, Resistance)] };
    }
}
