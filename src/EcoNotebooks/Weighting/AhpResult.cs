namespace EcoNotebooks.Weighting;

/// <summary>Result of the analytic hierarchy process for one pairwise comparison matrix.</summary>
/// <param name="Weights">Priority weights in row order, each in (0, 1), summing to 1.</param>
/// <param name="LambdaMax">λ<sub>max</sub> = mean<sub>i</sub>((A w)<sub>i</sub> / w<sub>i</sub>) ≥ n (= the principal eigenvalue for <see cref="AhpMethod.Eigenvector"/>).</param>
/// <param name="ConsistencyIndex">CI = (λ<sub>max</sub> − n)/(n − 1); 0 for n = 1.</param>
/// <param name="RandomIndex">Saaty's random index RI(n) (<see cref="Ahp.RandomIndex"/>); NaN for n &gt; 15.</param>
/// <param name="ConsistencyRatio">CR = CI/RI; 0 for n ≤ 2 (RI = 0, every 2×2 reciprocal matrix is consistent); NaN for n &gt; 15. CR &lt; 0.1 is Saaty's acceptance rule.</param>
/// <param name="Method">Weighting method used.</param>
public sealed record AhpResult(IReadOnlyList<double> Weights, double LambdaMax, double ConsistencyIndex, double RandomIndex, double ConsistencyRatio, AhpMethod Method)
{
    /// <summary>True when CR &lt; 0.1 (Saaty's rule of thumb).</summary>
    public bool IsAcceptable => ConsistencyRatio < 0.1;
}
