using EcoNotebooks.Statistics;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>Summary of one group of a lettered comparison (a bar of Figs. 5–7).</summary>
/// <param name="Group">Group label.</param>
/// <param name="N">Non-missing observations.</param>
/// <param name="Mean">Mean, in the variable's unit.</param>
/// <param name="Sd">Sample standard deviation (n − 1), null for n &lt; 2.</param>
/// <param name="Se">Standard error of the mean, null for n &lt; 2.</param>
/// <param name="Letters">Tukey HSD compact letters: groups sharing a letter do not differ at the panel's alpha.</param>
public sealed record JiangcangGroupSummary(string Group, int N, double Mean, double? Sd, double? Se, string Letters);

/// <summary>
/// One-way ANOVA of one variable across groups with Tukey HSD and compact letters (one panel of Figs. 5–7). R:
/// <c>aov(y ~ g)</c>, <c>TukeyHSD()</c>, <c>multcompView::multcompLetters()</c>.
/// </summary>
/// <param name="Variable">Variable name (e.g. "SOC").</param>
/// <param name="Unit">Unit text (e.g. "g kg⁻¹").</param>
/// <param name="Anova">The fitted ANOVA (F, df, p).</param>
/// <param name="Tukey">All pairwise Tukey comparisons.</param>
/// <param name="Groups">Group summaries in the display order.</param>
/// <param name="Alpha">Significance level of the letters.</param>
public sealed record JiangcangPanel(string Variable, string Unit, OneWayAnova Anova, IReadOnlyList<TukeyComparison> Tukey, IReadOnlyList<JiangcangGroupSummary> Groups, double Alpha)
{
    /// <summary>True when the ANOVA p-value is below <see cref="Alpha"/>.</summary>
    public bool Significant => Anova.P < Alpha;

    /// <summary>Letters of <paramref name="group"/>.</summary>
    public string LettersOf(string group) => Groups.FirstOrDefault(g => g.Group == group)?.Letters
        ?? throw new ArgumentException($"Panel {Variable} has no group '{group}'.", nameof(group));

    /// <summary>
    /// Fits the panel: ANOVA over <paramref name="groups"/>/<paramref name="values"/> (NaN skipped), Tukey HSD at
    /// 1 − <paramref name="alpha"/>, letters from pairs with adjusted p &lt; alpha; groups listed in <paramref name="order"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A group in the data is not in <paramref name="order"/>, or ANOVA input errors.</exception>
    public static JiangcangPanel Fit(string variable, string unit, IReadOnlyList<string> groups, IReadOnlyList<double> values, IReadOnlyList<string> order, double alpha)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(order);
        var rank = order.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        foreach (var g in groups)
            if (!rank.ContainsKey(g)) throw new ArgumentException($"Group '{g}' of {variable} is not one of {string.Join(", ", order)}.", nameof(groups));
        var anova = OneWayAnova.Fit(groups, values, Comparer<string>.Create((a, b) => rank[a].CompareTo(rank[b])));
        var tukey = TukeyHsd.Compare(anova, 1 - alpha);
        var letters = CompactLetterDisplay.FromTukey(anova, tukey, alpha).ToDictionary(kv => kv.Key, kv => kv.Value);
        var summaries = order.Where(g => anova.Levels.Contains(g)).Select(g =>
        {
            var d = DescriptiveStatistics.Compute(groups.Select((x, i) => (x, i)).Where(t => t.x == g).Select(t => values[t.i]));
            return new JiangcangGroupSummary(g, d.N, d.Mean ?? double.NaN, d.StandardDeviation, d.StandardError, letters[g]);
        }).ToArray();
        return new JiangcangPanel(variable, unit, anova, tukey, summaries, alpha);
    }
}
