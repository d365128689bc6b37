namespace EcoNotebooks.Statistics;

/// <summary>
/// Compact letter display of pairwise comparisons (the letters above the bars of Fig. 7): two groups share a letter
/// exactly when they are not significantly different. Groups are listed by decreasing mean, so the group with the
/// highest mean gets "a" (the convention of agricolae's HSD.test groups).
/// </summary>
/// <remarks>
/// Algorithm: Piepho's (2004) insert-and-absorb followed by the sweeping of redundant letters, ported step by step
/// from R's <c>multcompView::multcompLetters</c> / <c>multcomp:::insert_absorb</c> (with <c>lvl_order</c> = levels by
/// decreasing mean), including its column orderings, so the letters equal R's. Letters run a–z, A–Z, then ".a", ….
/// Piepho, H.-P. (2004) An algorithm for a letter-based representation of all-pairwise comparisons. Journal of
/// Computational and Graphical Statistics 13, 456–466.
/// </remarks>
public static class CompactLetterDisplay
{
    /// <summary>
    /// Letters for groups given in display order (normally decreasing mean) and the significantly different pairs, which
    /// are inserted in the order given (R: the order of the named logical vector passed to multcompLetters).
    /// </summary>
    /// <param name="levels">Group names in display order; distinct.</param>
    /// <param name="significantPairs">Pairs of groups that differ significantly.</param>
    /// <returns>Letters per group, in the order of <paramref name="levels"/>.</returns>
    /// <exception cref="ArgumentException">Duplicate level, or a pair naming an unknown level or the same level twice.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Compute(IReadOnlyList<string> levels, IEnumerable<(string A, string B)> significantPairs)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(significantPairs);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < levels.Count; i++)
            if (!index.TryAdd(levels[i], i)) throw new ArgumentException($"level '{levels[i]}' is listed twice.", nameof(levels));
        var pairs = new List<(int, int)>();
        foreach (var (a, b) in significantPairs)
        {
            if (!index.TryGetValue(a, out int ia)) throw new ArgumentException($"pair ('{a}', '{b}') names unknown level '{a}'.", nameof(significantPairs));
            if (!index.TryGetValue(b, out int ib)) throw new ArgumentException($"pair ('{a}', '{b}') names unknown level '{b}'.", nameof(significantPairs));
            if (ia == ib) throw new ArgumentException($"pair ('{a}', '{b}') compares a level with itself.", nameof(significantPairs));
            pairs.Add((ia, ib));
        }
        int n = levels.Count;
        var result = new List<KeyValuePair<string, string>>(n);
        if (pairs.Count == 0)
        {
            foreach (var l in levels) result.Add(new(l, LetterName(0)));
            return result;
        }

        // Insert: every significant pair splits each column holding both groups into two (Piepho's insert step).
        var m = new List<bool[]> { Enumerable.Repeat(true, n).ToArray() };
        foreach (var (g1, g2) in pairs)
        {
            var both = m.Where(c => c[g1] && c[g2]).ToList();
            if (both.Count == 0) continue;
            var copies = both.Select(c => { var d = (bool[])c.Clone(); d[g2] = false; return d; }).ToList();
            foreach (var c in both) c[g1] = false;
            m.AddRange(copies);
            if (m.Count > 1) m = Absorb(m);
        }

        // multcompLetters: order by column size, sweep, order by first group, twice.
        for (int pass = 0; pass < 2; pass++)
        {
            m = StableOrderBy(m, c => c.Count(v => v));
            m = Sweep(m, n);
            m = StableOrderBy(m, c => Array.IndexOf(c, true));
        }
        for (int r = 0; r < n; r++)
        {
            var s = new System.Text.StringBuilder();
            for (int c = 0; c < m.Count; c++) if (m[c][r]) s.Append(LetterName(c));
            result.Add(new(levels[r], s.ToString()));
        }
        return result;
    }

    /// <summary>
    /// Letters from Tukey HSD: levels ordered by decreasing mean (ties keep the ANOVA's level order); a pair is
    /// significant when its adjusted p-value is below <paramref name="alpha"/>.
    /// </summary>
    /// <param name="anova">The fitted ANOVA (for the means).</param>
    /// <param name="comparisons">Its Tukey comparisons in R's order (<see cref="TukeyHsd.Compare"/>).</param>
    /// <param name="alpha">Significance level in (0, 1), 0.05 by default.</param>
    /// <returns>Letters per level, by decreasing mean.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> FromTukey(OneWayAnova anova, IEnumerable<TukeyComparison> comparisons, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(anova);
        ArgumentNullException.ThrowIfNull(comparisons);
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");
        var order = Enumerable.Range(0, anova.Levels.Count).OrderByDescending(i => anova.Means[i]).Select(i => anova.Levels[i]).ToArray();
        return Compute(order, comparisons.Where(c => c.PAdjusted < alpha).Select(c => (c.A, c.B)));
    }

    /// <summary>Letter name of column <paramref name="i"/> (0-based): a…z, A…Z, .a…, as multcompView's get_letters.</summary>
    public static string LetterName(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return new string('.', i / letters.Length) + letters[i % letters.Length];
    }

    private static List<bool[]> StableOrderBy(List<bool[]> m, Func<bool[], int> key) => m.OrderBy(key).ToList(); // LINQ OrderBy is stable, like R's order()

    private static bool Subset(bool[] inner, bool[] outer)
    {
        for (int r = 0; r < inner.Length; r++) if (inner[r] && !outer[r]) return false;
        return true;
    }

    /// <summary>Removes columns contained in another column, restarting after each removal (multcomp's absorb).</summary>
    private static List<bool[]> Absorb(List<bool[]> m)
    {
        restart:
        for (int j = 0; j < m.Count - 1; j++)
            for (int k = j + 1; k < m.Count; k++)
            {
                if (Subset(m[k], m[j])) { m.RemoveAt(k); goto restart; }
                if (Subset(m[j], m[k])) { m.RemoveAt(j); goto restart; }
            }
        return m;
    }

    /// <summary>Removes redundant letters (multcompView's sweepLetters with start.col = 1).</summary>
    private static List<bool[]> Sweep(List<bool[]> mat, int n)
    {
        restart:
        int ncol = mat.Count;
        var locked = new bool[n, ncol];
        for (int i = 0; i < ncol; i++)
        {
            // tmp: the rows that carry letter i, with all their letters; other rows zero
            var tmp = new bool[n, ncol];
            for (int r = 0; r < n; r++)
                if (mat[i][r]) for (int c = 0; c < ncol; c++) tmp[r, c] = mat[c][r];
            var one = Enumerable.Range(0, n).Where(r => tmp[r, i]).ToList();
            bool allHaveOther = Enumerable.Range(0, n).All(r => Enumerable.Range(0, ncol).Any(c => c != i && tmp[r, c]));
            if (allHaveOther) continue;
            foreach (int j in one)
            {
                if (locked[j, i]) continue;
                int chck = 0;
                var lck = new List<(int J, int K, int Hit)>();
                foreach (int k in one)
                {
                    if (j == k) continue;
                    int lastHit = -1;
                    for (int c = 0; c < ncol; c++) if (c != i && tmp[j, c] && tmp[k, c]) lastHit = c;
                    if (lastHit >= 0) { chck++; lck.Add((j, k, lastHit)); }
                }
                if (chck == one.Count - 1 && chck != 0)
                {
                    foreach (var (lj, lk, h) in lck) { locked[lj, h] = true; locked[lk, h] = true; }
                    mat[i][j] = false;
                }
            }
            if (!mat[i].Any(v => v)) { mat.RemoveAt(i); goto restart; }
        }
        mat.RemoveAll(c => !c.Any(v => v));
        return mat;
    }
}
