namespace EcoNotebooks.Permafrost;

/// <summary>
/// One horizontal soil layer of a ground column. Heat capacities are the bulk sensible volumetric heat capacities
/// (soil + water or ice, without latent heat); the latent heat of the pore water, L·ρw·θ with L = 334 kJ kg⁻¹, is
/// added by the enthalpy formulation. Conductivity and sensible heat capacity are blended linearly with the unfrozen
/// fraction θu/θ between the frozen and thawed values.
/// </summary>
/// <param name="Name">Label (e.g. "silty clay").</param>
/// <param name="Thickness">m, &gt; 0.</param>
/// <param name="WaterContent">Total volumetric water + ice content θ, m³ m⁻³, 0 ≤ θ ≤ 1 (θ = porosity when saturated).</param>
/// <param name="KFrozen">Frozen thermal conductivity, W m⁻¹ K⁻¹, &gt; 0.</param>
/// <param name="KThawed">Thawed thermal conductivity, W m⁻¹ K⁻¹, &gt; 0.</param>
/// <param name="CFrozen">Frozen volumetric heat capacity, J m⁻³ K⁻¹, &gt; 0.</param>
/// <param name="CThawed">Thawed volumetric heat capacity, J m⁻³ K⁻¹, &gt; 0.</param>
public sealed record SoilLayer(string Name, double Thickness, double WaterContent, double KFrozen, double KThawed, double CFrozen, double CThawed)
{
    /// <summary>Unfrozen-water curve; default <see cref="FreezingCurve.Isothermal"/>.</summary>
    public FreezingCurve Freezing { get; init; } = FreezingCurve.Isothermal;

    /// <summary>
    /// Winter convection multiplier for open-graded (crushed-rock) layers: when the air is colder than the layer's
    /// top cell, the conductivity is multiplied by this factor (≥ 1; 1 = ordinary soil). See <see cref="Measures.CrushedRockLayer"/>.
    /// </summary>
    public double WinterConvectionMultiplier { get; init; } = 1;

    /// <summary>Initial temperature of this layer, °C, overriding the column's initial profile (e.g. freshly backfilled soil); null = use the profile.</summary>
    public double? InitialTemperature { get; init; }

    /// <summary>Latent heat of fusion of water, J kg⁻¹ (334 kJ kg⁻¹).</summary>
    public const double LatentHeat = 334_000;

    /// <summary>Density of water, kg m⁻³.</summary>
    public const double WaterDensity = 1000;

    /// <summary>Volumetric latent heat of the layer, L·ρw·θ, J m⁻³.</summary>
    public double VolumetricLatentHeat => LatentHeat * WaterDensity * WaterContent;

    /// <summary>Checks ranges, naming the bad value.</summary>
    public SoilLayer Validate()
    {
        if (!(Thickness > 0) || !double.IsFinite(Thickness)) throw new ArgumentOutOfRangeException(nameof(Thickness), Thickness, $"Layer '{Name}': thickness must be > 0 m.");
        if (!(WaterContent >= 0 && WaterContent <= 1)) throw new ArgumentOutOfRangeException(nameof(WaterContent), WaterContent, $"Layer '{Name}': water content must be in [0, 1].");
        if (!(KFrozen > 0)) throw new ArgumentOutOfRangeException(nameof(KFrozen), KFrozen, $"Layer '{Name}': frozen conductivity must be > 0.");
        if (!(KThawed > 0)) throw new ArgumentOutOfRangeException(nameof(KThawed), KThawed, $"Layer '{Name}': thawed conductivity must be > 0.");
        if (!(CFrozen > 0)) throw new ArgumentOutOfRangeException(nameof(CFrozen), CFrozen, $"Layer '{Name}': frozen heat capacity must be > 0.");
        if (!(CThawed > 0)) throw new ArgumentOutOfRangeException(nameof(CThawed), CThawed, $"Layer '{Name}': thawed heat capacity must be > 0.");
        if (!(WinterConvectionMultiplier >= 1)) throw new ArgumentOutOfRangeException(nameof(WinterConvectionMultiplier), WinterConvectionMultiplier, $"Layer '{Name}': convection multiplier must be ≥ 1.");
        Freezing.Validate();
        return this;
    }

    /// <summary>
    /// A soil layer from its composition with the usual mixing rules: C = (1 − n)·Cs + θ·Cw (thawed) or θ·Ci (frozen),
    /// k = geometric mean ks^(1−n)·kw^θ·ka^(n−θ) (thawed; ice 2.2 in place of water 0.57 when frozen; air 0.025).
    /// Cs = 2.0e6 J m⁻³ K⁻¹ (mineral) by default, Cw = 4.18e6, Ci = 1.9e6. (Johansen-style geometric mean, Farouki 1981.)
    /// </summary>
    /// <param name="name">Label.</param>
    /// <param name="thickness">m.</param>
    /// <param name="porosity">n, 0–1.</param>
    /// <param name="waterContent">θ ≤ n.</param>
    /// <param name="kSolids">Conductivity of the solids, W m⁻¹ K⁻¹ (quartz-rich ≈ 3, clay minerals ≈ 2, organic ≈ 0.25).</param>
    /// <param name="cSolids">Volumetric heat capacity of the solids, J m⁻³ K⁻¹.</param>
    public static SoilLayer FromComposition(string name, double thickness, double porosity, double waterContent, double kSolids = 2.5, double cSolids = 2.0e6)
    {
        if (!(porosity is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(porosity), porosity, "Porosity must be in [0, 1).");
        if (!(waterContent >= 0 && waterContent <= porosity)) throw new ArgumentOutOfRangeException(nameof(waterContent), waterContent, $"Water content must be in [0, porosity = {porosity}].");
        double air = porosity - waterContent;
        double kt = Math.Pow(kSolids, 1 - porosity) * Math.Pow(0.57, waterContent) * Math.Pow(0.025, air);
        double kf = Math.Pow(kSolids, 1 - porosity) * Math.Pow(2.2, waterContent) * Math.Pow(0.025, air);
        double ct = (1 - porosity) * cSolids + waterContent * 4.18e6;
        double cf = (1 - porosity) * cSolids + waterContent * 1.9e6;
        return new SoilLayer(name, thickness, waterContent, kf, kt, cf, ct).Validate();
    }
}
