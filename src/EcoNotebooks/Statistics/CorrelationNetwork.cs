namespace EcoNotebooks.Statistics;

/// <summary>Direction of a correlation edge.</summary>
public enum CorrelationSign
{
    /// <summary>r &lt; 0.</summary>
    Negative = -1,
    /// <summary>r &gt; 0.</summary>
    Positive = 1,
}

/// <summary>An edge of a <see cref="CorrelationNetwork"/> between variables <paramref name="A"/> and <paramref name="B"/>
/// (A before B in the matrix order).</summary>
/// <param name="A">First variable.</param>
/// <param name="B">Second variable.</param>
/// <param name="R">Pearson r.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Sign">Sign of r.</param>
public sealed record CorrelationEdge(string A, string B, double R, double P, CorrelationSign Sign);

/// <summary>
/// Correlation network (as drawn in the papers' soil–vegetation correlation figures): nodes are the variables, and an
/// edge joins two variables when |r| ≥ <c>threshold</c> and p &lt; <c>alpha</c>. Cells with undefined r (constant
/// variable) never make an edge.
/// </summary>
public sealed class CorrelationNetwork
{
    private CorrelationNetwork(IReadOnlyList<string> nodes, IReadOnlyList<CorrelationEdge> edges, double threshold, double alpha)
    {
        Nodes = nodes; Edges = edges; Threshold = threshold; Alpha = alpha;
    }

    /// <summary>All variables, in matrix order (isolated variables included).</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Edges in matrix order (row i, then column j &gt; i).</summary>
    public IReadOnlyList<CorrelationEdge> Edges { get; }

    /// <summary>Minimum |r| of an edge, in [0, 1].</summary>
    public double Threshold { get; }

    /// <summary>Significance level: an edge needs p &lt; alpha.</summary>
    public double Alpha { get; }

    /// <summary>Builds the network from a correlation matrix.</summary>
    /// <param name="matrix">Correlations and p-values.</param>
    /// <param name="threshold">Minimum |r|, in [0, 1] (e.g. 0.5).</param>
    /// <param name="alpha">Significance level in (0, 1] (e.g. 0.05).</param>
    /// <exception cref="ArgumentOutOfRangeException">threshold or alpha out of range.</exception>
    public static CorrelationNetwork Build(CorrelationMatrix matrix, double threshold = 0.5, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(threshold >= 0 && threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in [0, 1].");
        if (!(alpha > 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1].");
        var edges = new List<CorrelationEdge>();
        int k = matrix.Columns.Count;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                if (matrix.R[i, j] is double r && matrix.P[i, j] is double p && Math.Abs(r) >= threshold && p < alpha)
                    edges.Add(new CorrelationEdge(matrix.Columns[i], matrix.Columns[j], r, p, r < 0 ? CorrelationSign.Negative : CorrelationSign.Positive));
        return new CorrelationNetwork(matrix.Columns, edges, threshold, alpha);
    }
}
