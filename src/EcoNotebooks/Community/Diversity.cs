namespace EcoNotebooks.Community;

/// <summary>
/// Diversity indices of one plot. Undefined values are null, never invented: <see cref="Pielou"/> needs S ≥ 2 and
/// <see cref="Margalef"/> needs N &gt; 1.
/// </summary>
/// <param name="Plot">Plot identifier as written in the input.</param>
/// <param name="Richness">S, the number of species with abundance &gt; 0 (vegan: <c>specnumber</c>).</param>
/// <param name="Individuals">N, the total abundance (R: <c>rowSums</c>).</param>
/// <param name="Shannon">Shannon H' (natural log); 0 for an empty plot, as vegan returns.</param>
/// <param name="Simpson">Gini–Simpson 1 − Σp²; 1 for an empty plot, as vegan returns.</param>
/// <param name="Pielou">Pielou J = H' / ln S; null when S ≤ 1.</param>
/// <param name="Margalef">Margalef (S − 1) / ln N; null when N ≤ 1.</param>
public sealed record DiversityIndices(string Plot, int Richness, double Individuals, double Shannon, double Simpson, double? Pielou, double? Margalef);

/// <summary>
/// Alpha-diversity indices of one plot's abundances (vegan's <c>diversity</c> and <c>specnumber</c>), as pure
/// functions. Abundances must be finite and ≥ 0 (counts, cover or biomass); pᵢ = xᵢ / N with N = Σ xᵢ.
/// </summary>
/// <remarks>
/// An all-zero plot (N = 0) has no proportions, so H' and 1 − Σp² are strictly undefined. For compatibility with the
/// papers' R code these two follow vegan 2.6-4, whose <c>diversity()</c> drops the 0/0 terms (<c>na.rm = TRUE</c>) and
/// so returns H' = 0 and Simpson = 1 − 0 = 1 for an empty plot. Pielou and Margalef are null for such a plot. Callers
/// who want to exclude empty plots should test <see cref="Individuals"/> &gt; 0 first.
/// </remarks>
public static class Diversity
{
    /// <summary>Species richness S: the number of abundances &gt; 0 (vegan: <c>specnumber(x)</c>).</summary>
    public static int Richness(ReadOnlySpan<double> abundances)
    {
        Validate(abundances);
        int s = 0;
        foreach (var v in abundances) if (v > 0) s++;
        return s;
    }

    /// <summary>Total abundance N = Σ xᵢ (R: <c>rowSums(x)</c>).</summary>
    public static double Individuals(ReadOnlySpan<double> abundances)
    {
        Validate(abundances);
        double n = 0;
        foreach (var v in abundances) n += v;
        return n;
    }

    /// <summary>
    /// Shannon–Wiener index H' = −Σ pᵢ ln pᵢ over species present (vegan: <c>diversity(x, "shannon")</c>), in nats,
    /// range [0, ln S]. Returns 0 for an empty plot, as vegan does (see the class remarks).
    /// </summary>
    public static double Shannon(ReadOnlySpan<double> abundances)
    {
        double n = Individuals(abundances);
        double h = 0;
        foreach (var v in abundances)
        {
            if (v <= 0) continue;
            double p = v / n;
            h += -p * Math.Log(p);
        }
        return h;
    }

    /// <summary>
    /// Gini–Simpson index 1 − Σ pᵢ² (vegan: <c>diversity(x, "simpson")</c>), range [0, 1 − 1/S]. Returns 1 for an empty
    /// plot, as vegan does (see the class remarks).
    /// </summary>
    public static double Simpson(ReadOnlySpan<double> abundances)
    {
        double n = Individuals(abundances);
        double d = 0;
        foreach (var v in abundances)
        {
            if (v <= 0) continue;
            double p = v / n;
            d += p * p;
        }
        return 1 - d;
    }

    /// <summary>Pielou evenness J = H' / ln S (R: <c>diversity(x) / log(specnumber(x))</c>), range [0, 1]; null when S ≤ 1.</summary>
    public static double? Pielou(ReadOnlySpan<double> abundances)
    {
        int s = Richness(abundances);
        return s <= 1 ? null : Shannon(abundances) / Math.Log(s);
    }

    /// <summary>Margalef richness (S − 1) / ln N (R: <c>(specnumber(x) - 1) / log(rowSums(x))</c>); null when N ≤ 1 (ln N ≤ 0).</summary>
    public static double? Margalef(ReadOnlySpan<double> abundances)
    {
        double n = Individuals(abundances);
        return n <= 1 ? null : (Richness(abundances) - 1) / Math.Log(n);
    }

    /// <summary>All indices of one plot.</summary>
    public static DiversityIndices Compute(string plot, ReadOnlySpan<double> abundances) =>
        new(plot, Richness(abundances), Individuals(abundances), Shannon(abundances), Simpson(abundances), Pielou(abundances), Margalef(abundances));

    /// <summary>All indices of every plot of a table, in plot order.</summary>
    public static IReadOnlyList<DiversityIndices> Compute(CommunityTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Enumerable.Range(0, table.Plots.Count).Select(i => Compute(table.Plots[i], table.Row(i))).ToArray();
    }

    private static void Validate(ReadOnlySpan<double> abundances)
    {
        for (int i = 0; i < abundances.Length; i++)
            if (!double.IsFinite(abundances[i]) || abundances[i] < 0)
                throw new ArgumentException($"abundances[{i}] is {abundances[i]}; abundances must be finite and ≥ 0.", nameof(abundances));
    }
}
