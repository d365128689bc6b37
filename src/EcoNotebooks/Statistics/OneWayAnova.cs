namespace EcoNotebooks.Statistics;

/// <summary>
/// One-way analysis of variance of a numeric response across the levels of one grouping factor
/// (R: <c>anova(aov(value ~ group))</c>), with group means and sizes for post-hoc comparisons (<see cref="TukeyHsd"/>).
/// </summary>
/// <remarks>
/// Levels are the distinct group labels sorted in ordinal (byte) order, which is the order of R's <c>factor()</c> in
/// the C collation locale (<c>Sys.setlocale("LC_COLLATE", "C")</c>); in other locales R may order mixed-case labels
/// differently. Rows whose value is missing (NaN) or whose group label is empty are skipped (R's na.omit). Sums of
/// squares: SS_between = Σ nᵢ (ȳᵢ − ȳ)², SS_within = Σᵢ Σⱼ (yᵢⱼ − ȳᵢ)², F = MS_between / MS_within with
/// (k − 1, N − k) df. When MS_within = 0 (every group constant) F is +∞ and p is 0.
/// </remarks>
public sealed class OneWayAnova
{
    private OneWayAnova(string[] levels, int[] n, double[] means, double ssb, double ssw, int dfb, int dfw)
    {
        Levels = levels; Counts = n; Means = means;
        SumOfSquaresBetween = ssb; SumOfSquaresWithin = ssw; DfBetween = dfb; DfWithin = dfw;
        MeanSquareBetween = ssb / dfb; MeanSquareWithin = ssw / dfw;
        F = MeanSquareBetween / MeanSquareWithin;
        P = double.IsNaN(F) ? double.NaN : ProbabilityFunctions.FUpperTail(F, dfb, dfw);
    }

    /// <summary>Group levels in ordinal order.</summary>
    public IReadOnlyList<string> Levels { get; }
    /// <summary>Number of observations per level (same order as <see cref="Levels"/>).</summary>
    public IReadOnlyList<int> Counts { get; }
    /// <summary>Mean per level.</summary>
    public IReadOnlyList<double> Means { get; }
    /// <summary>Between-group sum of squares Σ nᵢ (ȳᵢ − ȳ)².</summary>
    public double SumOfSquaresBetween { get; }
    /// <summary>Within-group (residual) sum of squares.</summary>
    public double SumOfSquaresWithin { get; }
    /// <summary>k − 1.</summary>
    public int DfBetween { get; }
    /// <summary>N − k.</summary>
    public int DfWithin { get; }
    /// <summary>SS_between / (k − 1).</summary>
    public double MeanSquareBetween { get; }
    /// <summary>SS_within / (N − k), the MSE used by Tukey HSD.</summary>
    public double MeanSquareWithin { get; }
    /// <summary>F statistic (+∞ when MS_within = 0).</summary>
    public double F { get; }
    /// <summary>P(F_{k−1, N−k} ≥ F) (R: <c>Pr(&gt;F)</c>).</summary>
    public double P { get; }
    /// <summary>Total number of observations used.</summary>
    public int TotalCount => Counts.Sum();

    /// <summary>Fits the one-way ANOVA.</summary>
    /// <param name="groups">Group label of each observation (empty = missing).</param>
    /// <param name="values">Response of each observation (NaN = missing).</param>
    /// <param name="levelOrder">Order of the levels; ordinal string order when null. Pass a numeric comparer when the
    /// labels are numbers, as R's <c>factor()</c> sorts a numeric column numerically.</param>
    /// <exception cref="ArgumentException">Lengths differ; an infinite value; fewer than 2 groups; a group whose values are
    /// all missing; or N ≤ k (no residual degrees of freedom). Messages name the group or row.</exception>
    public static OneWayAnova Fit(IReadOnlyList<string> groups, IReadOnlyList<double> values, IComparer<string>? levelOrder = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(values);
        if (groups.Count != values.Count) throw new ArgumentException($"groups has {groups.Count} entries but values has {values.Count}.", nameof(values));
        var byLevel = new SortedDictionary<string, List<double>>(levelOrder ?? StringComparer.Ordinal);
        for (int i = 0; i < groups.Count; i++)
        {
            string g = groups[i] ?? "";
            if (g.Length == 0) continue;
            if (double.IsInfinity(values[i])) throw new ArgumentException($"values[{i}] (group '{g}') is {values[i]}; values must be finite.", nameof(values));
            if (!byLevel.TryGetValue(g, out var list)) byLevel[g] = list = [];
            if (!double.IsNaN(values[i])) list.Add(values[i]);
        }
        var empty = byLevel.FirstOrDefault(kv => kv.Value.Count == 0);
        if (empty.Key is not null) throw new ArgumentException($"group '{empty.Key}' has no non-missing values.", nameof(values));
        int k = byLevel.Count;
        if (k < 2) throw new ArgumentException($"{k} group(s) found; one-way ANOVA needs at least 2.", nameof(groups));
        int total = byLevel.Values.Sum(l => l.Count);
        if (total <= k) throw new ArgumentException($"{total} observations in {k} groups; one-way ANOVA needs more observations than groups.", nameof(values));

        var levels = byLevel.Keys.ToArray();
        var n = byLevel.Values.Select(l => l.Count).ToArray();
        var means = byLevel.Values.Select(l => Descriptive.Mean(l.ToArray())).ToArray();
        var all = byLevel.Values.SelectMany(l => l).ToArray();
        double grand = Descriptive.Mean(all);
        double ssb = 0, ssw = 0;
        int idx = 0;
        foreach (var l in byLevel.Values)
        {
            double d = means[idx] - grand;
            ssb += n[idx] * d * d;
            ssw += Descriptive.SumOfSquaredDeviations(l.ToArray(), means[idx]);
            idx++;
        }
        return new OneWayAnova(levels, n, means, ssb, ssw, k - 1, total - k);
    }
}
