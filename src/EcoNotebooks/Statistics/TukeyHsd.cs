namespace EcoNotebooks.Statistics;

/// <summary>
/// One pairwise comparison of Tukey's HSD. <see cref="Diff"/> = mean(<see cref="A"/>) − mean(<see cref="B"/>), where
/// A is the later and B the earlier level in the ANOVA's level order, i.e. the row "A-B" of R's <c>TukeyHSD</c>.
/// </summary>
/// <param name="A">Later level.</param>
/// <param name="B">Earlier level.</param>
/// <param name="Diff">mean(A) − mean(B).</param>
/// <param name="Lower">Lower simultaneous confidence limit Diff − q_{1−α; k, df} · √(MSE/2 · (1/n_A + 1/n_B)).</param>
/// <param name="Upper">Upper simultaneous confidence limit.</param>
/// <param name="PAdjusted">Adjusted p-value P(Q_{k, df} ≥ |Diff| / √(MSE/2 · (1/n_A + 1/n_B))).</param>
public sealed record TukeyComparison(string A, string B, double Diff, double Lower, double Upper, double PAdjusted);

/// <summary>
/// Tukey's honestly significant difference with the Tukey–Kramer standard error for unequal group sizes
/// (R: <c>TukeyHSD(aov(value ~ group), conf.level = 0.95)</c>). Critical values and p-values come from the studentized
/// range distribution (<see cref="StudentizedRange"/>, a port of R's qtukey/ptukey) with k means and N − k df.
/// </summary>
public static class TukeyHsd
{
    /// <summary>
    /// All pairwise comparisons in R's order: for each earlier level B (in <see cref="OneWayAnova.Levels"/> order), every
    /// later level A in order — (2−1), (3−1), …, (k−1), (3−2), … — as in the rows of R's TukeyHSD table.
    /// </summary>
    /// <param name="anova">A fitted one-way ANOVA (needs DfWithin ≥ 2, as R's ptukey).</param>
    /// <param name="confidenceLevel">Family-wise confidence level in (0, 1), 0.95 by default.</param>
    /// <exception cref="ArgumentException">DfWithin &lt; 2 or confidence level out of range.</exception>
    public static IReadOnlyList<TukeyComparison> Compare(OneWayAnova anova, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(anova);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "confidenceLevel must be in (0, 1).");
        if (anova.DfWithin < 2) throw new ArgumentException($"the ANOVA has {anova.DfWithin} residual degree(s) of freedom; Tukey HSD needs at least 2.", nameof(anova));
        int k = anova.Levels.Count;
        double mse = anova.MeanSquareWithin;
        double qcrit = StudentizedRange.Quantile(confidenceLevel, k, anova.DfWithin);
        var rows = new List<TukeyComparison>(k * (k - 1) / 2);
        for (int b = 0; b < k - 1; b++)
            for (int a = b + 1; a < k; a++)
            {
                double center = anova.Means[a] - anova.Means[b];
                double se = Math.Sqrt((mse / 2) * (1.0 / anova.Counts[a] + 1.0 / anova.Counts[b]));
                double est = center / se;
                double p = double.IsNaN(est) ? double.NaN : StudentizedRange.Cdf(Math.Abs(est), k, anova.DfWithin, 1, lowerTail: false);
                double width = qcrit * se;
                rows.Add(new TukeyComparison(anova.Levels[a], anova.Levels[b], center, center - width, center + width, p));
            }
        return rows;
    }
}
