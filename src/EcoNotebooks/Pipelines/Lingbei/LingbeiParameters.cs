namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>Choices of the Lingbei resilience pipeline; the defaults follow the paper.</summary>
/// <param name="Weights">Weight scheme (default combined, Eq. 17).</param>
/// <param name="Classification">Fixed Table 3 classes (default) or natural breaks.</param>
/// <param name="Years">Study years to evaluate (null = every year of the data set; at least two, for VHI).</param>
/// <param name="Normalisation">Per-year (default) or pooled min–max.</param>
/// <param name="Desertification">Direction of C1 (default: desertification harmful, see <see cref="DesertificationDirection"/>).</param>
/// <param name="LandscapeWindow">Moving-window side for HAI, BAI, ECO, SHDI, FN, pixels (odd; default 11 = 330 m).</param>
/// <param name="BreaksSampleSize">Values sampled (over all years) for natural breaks (default 3000, as classInt).</param>
/// <param name="Seed">Seed of the natural-breaks sample.</param>
public sealed record LingbeiParameters(
    WeightScheme Weights = WeightScheme.Combined,
    ResilienceClassification Classification = ResilienceClassification.FixedTable3,
    IReadOnlyList<int>? Years = null,
    NormalisationScope Normalisation = NormalisationScope.PerYear,
    DesertificationDirection Desertification = DesertificationDirection.DesertificationIsNegative,
    int LandscapeWindow = 11,
    int BreaksSampleSize = 3000,
    int Seed = 1)
{
    /// <summary>The paper's choices.</summary>
    public static LingbeiParameters Default { get; } = new();
}
