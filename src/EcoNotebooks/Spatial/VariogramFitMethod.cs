namespace EcoNotebooks.Spatial;

/// <summary>
/// Weights of the weighted least-squares variogram fit; the numbers are gstat's <c>fit.method</c> codes.
/// N_j = pairs in class j, h_j = its mean distance, γ(h_j) = the model at the initial parameters.
/// </summary>
public enum VariogramFitMethod
{
    /// <summary>gstat fit.method = 1: weights N_j.</summary>
    PairCount = 1,
    /// <summary>gstat fit.method = 2: weights N_j / γ(h_j)², γ evaluated at the starting model (Cressie 1985).</summary>
    PairCountOverModelSquared = 2,
    /// <summary>gstat fit.method = 6: ordinary (unweighted) least squares.</summary>
    OrdinaryLeastSquares = 6,
    /// <summary>gstat fit.method = 7 (gstat's default): weights N_j / h_j².</summary>
    PairCountOverDistanceSquared = 7,
}
