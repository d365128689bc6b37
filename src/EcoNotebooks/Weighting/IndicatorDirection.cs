namespace EcoNotebooks.Weighting;

/// <summary>Whether larger indicator values are better (positive) or worse (negative) for the assessed quality.</summary>
public enum IndicatorDirection
{
    /// <summary>Larger is better: x' = (x − min)/(max − min) (Lingbei Eq. 18).</summary>
    Positive,

    /// <summary>Larger is worse: x' = (max − x)/(max − min) = 1 − (x − min)/(max − min) (Lingbei Eq. 19).</summary>
    Negative,
}
