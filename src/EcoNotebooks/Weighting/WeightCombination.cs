namespace EcoNotebooks.Weighting;

/// <summary>How <see cref="CombinedWeights.Combine"/> joins a subjective and an objective weight vector.</summary>
public enum WeightCombination
{
    /// <summary>w<sub>j</sub> = (a<sub>j</sub> + b<sub>j</sub>)/2 (Lingbei Eq. 17). Sums to 1 when both inputs do.</summary>
    ArithmeticMean,

    /// <summary>w<sub>j</sub> = a<sub>j</sub>b<sub>j</sub> / Σ<sub>k</sub> a<sub>k</sub>b<sub>k</sub> (multiplicative synthesis, normalised).</summary>
    MultiplicativeNormalised,
}
