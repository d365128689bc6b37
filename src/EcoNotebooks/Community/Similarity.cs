namespace EcoNotebooks.Community;

/// <summary>
/// Similarity between plots on presence/absence. Sørensen's index 2C / (S₁ + S₂), with C the number of species present
/// in both plots and Sᵢ the richness of each, equals 1 − Bray–Curtis on binary data
/// (vegan: <c>1 - vegdist(x, method = "bray", binary = TRUE)</c>). Range [0, 1]; undefined (null) for two empty plots;
/// 0 between an empty and a non-empty plot (as vegan).
/// </summary>
public static class Similarity
{
    /// <summary>Sørensen similarity of two plots' abundances (presence = abundance &gt; 0).</summary>
    /// <exception cref="ArgumentException">Lengths differ or an abundance is negative or not finite.</exception>
    public static double? Sorensen(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"a has {a.Length} species but b has {b.Length}.", nameof(b));
        int sa = Diversity.Richness(a), sb = Diversity.Richness(b), c = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] > 0 && b[i] > 0) c++;
        return sa + sb == 0 ? null : 2.0 * c / (sa + sb);
    }

    /// <summary>Symmetric matrix of Sørensen similarities between all plots of a table, in plot order (diagonal 1, or
    /// null for an empty plot).</summary>
    public static double?[,] SorensenMatrix(CommunityTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int n = table.Plots.Count;
        var rows = Enumerable.Range(0, n).Select(table.Row).ToArray();
        var m = new double?[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                m[i, j] = m[j, i] = Sorensen(rows[i], rows[j]);
        return m;
    }
}
