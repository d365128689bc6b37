namespace EcoNotebooks.Permafrost.Measures;

/// <summary>
/// Revegetation with an organic (peaty) surface layer (paper §3.1, §4.3): the canopy lowers the thawing n-factor, the
/// organic mat is a poor conductor when thawed and dry and a good one when frozen and wet (the "thermal offset").
/// Defaults: alpine meadow n_t = 0.7, n_f = 0.9; 0.15 m of organic soil with θ = 0.5, kf = 0.8, kt = 0.3 W m⁻¹ K⁻¹,
/// Cf = 1.8e6, Ct = 2.9e6 J m⁻³ K⁻¹ (typical peat values, Farouki 1981), power-law freezing (T0 = 0.02 K, b = 0.6).
/// </summary>
/// <param name="ThawingNFactor">n_t (default 0.7).</param>
/// <param name="FreezingNFactor">n_f (default 0.9).</param>
/// <param name="OrganicThickness">m (0 = none; default 0.15).</param>
public sealed record VegetationCover(double ThawingNFactor = 0.7, double FreezingNFactor = 0.9, double OrganicThickness = 0.15) : IRestorationMeasure
{
    /// <inheritdoc />
    public string Name => "Vegetation + organic cover";
    /// <inheritdoc />
    public double AddedThickness => OrganicThickness;
    /// <summary>The organic layer.</summary>
    public SoilLayer OrganicLayer => new SoilLayer("organic", OrganicThickness, 0.5, 0.8, 0.3, 1.8e6, 2.9e6) { Freezing = FreezingCurve.PowerLaw(0.02, 0.6) };
    /// <inheritdoc />
    public GroundColumnOptions Apply(GroundColumnOptions options)
    {
        var o = options with { Surface = options.Surface with { ThawingNFactor = ThawingNFactor, FreezingNFactor = FreezingNFactor } };
        return OrganicThickness > 0 ? o with { Layers = LayerEdits.AddOnTop(o.Layers, OrganicLayer.Validate()) } : o;
    }
}
