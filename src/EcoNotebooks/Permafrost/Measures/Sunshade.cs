namespace EcoNotebooks.Permafrost.Measures;

/// <summary>
/// A sunshade (awning) that blocks direct radiation (paper §4.4): the thawing n-factor is multiplied by
/// <see cref="ThawingNFactorMultiplier"/> and <see cref="ThawingOffset"/> is added to the surface temperature on thawing
/// days. Field studies on the Qinghai–Tibet Railway report mean surface temperatures 2–5 °C lower under shades in summer.
/// </summary>
/// <param name="ThawingNFactorMultiplier">0–1 (default 0.7).</param>
/// <param name="ThawingOffset">°C ≤ 0 (default −1).</param>
public sealed record Sunshade(double ThawingNFactorMultiplier = 0.7, double ThawingOffset = -1) : IRestorationMeasure
{
    /// <inheritdoc />
    public string Name => "Sunshade";
    /// <inheritdoc />
    public double AddedThickness => 0;
    /// <inheritdoc />
    public GroundColumnOptions Apply(GroundColumnOptions options) => options with
    {
        Surface = options.Surface with
        {
            ThawingNFactor = options.Surface.ThawingNFactor * ThawingNFactorMultiplier,
            ThawingOffset = options.Surface.ThawingOffset + ThawingOffset,
        },
    };
}
