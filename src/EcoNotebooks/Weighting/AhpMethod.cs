namespace EcoNotebooks.Weighting;

/// <summary>How <see cref="Ahp"/> derives priority weights from a pairwise comparison matrix.</summary>
public enum AhpMethod
{
    /// <summary>
    /// Geometric mean of each row, normalised to sum 1 (the "row geometric mean" or "root" method; Lingbei paper
    /// Eq. 15: w̄<sub>i</sub> = (Π<sub>j</sub> a<sub>ij</sub>)<sup>1/n</sup>, w<sub>i</sub> = w̄<sub>i</sub>/Σw̄).
    /// R: <c>g &lt;- apply(A, 1, function(r) prod(r)^(1/n)); g / sum(g)</c>.
    /// </summary>
    GeometricMean,

    /// <summary>Saaty's principal right eigenvector, normalised to sum 1. R: <c>v &lt;- Re(eigen(A)$vectors[, 1]); v / sum(v)</c>.</summary>
    Eigenvector,
}
