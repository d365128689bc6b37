namespace EcoNotebooks.Weighting;

/// <summary>
/// Objective (data-driven) indicator weights. Each indicator is a list of its normalised values over the m samples
/// (pixels, sites or years); NaN values are skipped per indicator.
/// </summary>
public static class ObjectiveWeights
{
    /// <summary>
    /// Mean-square-error ("均方差") decision weights, Lingbei Eq. (16): w<sub>j</sub> = σ<sub>j</sub>/Σ<sub>k</sub>σ<sub>k</sub>, σ<sub>j</sub>
    /// the standard deviation of normalised indicator j. The paper does not say which divisor it uses; the default
    /// is the population σ (divisor m, the usual reading of 均方差 = root mean squared deviation). The choice rarely
    /// matters: with the same m for every indicator both give identical weights, because the factor √(m/(m−1))
    /// cancels in the ratio; they differ only when indicators have different numbers of missing values.
    /// R: <c>s &lt;- apply(X, 2, sd); s / sum(s)</c> (sample).
    /// </summary>
    /// <param name="indicators">One list of normalised values per indicator, each with ≥ 2 non-missing values.</param>
    /// <param name="kind">Population (default) or sample standard deviation.</param>
    /// <exception cref="ArgumentException">An indicator has fewer than 2 values, or every indicator is constant (Σσ = 0).</exception>
    public static double[] StandardDeviation(IReadOnlyList<IReadOnlyList<double>> indicators, StandardDeviationKind kind = StandardDeviationKind.Population)
    {
        var sd = StandardDeviations(indicators, kind);
        double s = sd.Sum();
        if (!(s > 0)) throw new ArgumentException("Every indicator is constant (all standard deviations are 0); standard-deviation weights are undefined.", nameof(indicators));
        return sd.Select(v => v / s).ToArray();
    }

    /// <summary>Standard deviation of each indicator (NaN skipped), see <see cref="StandardDeviation"/>.</summary>
    public static double[] StandardDeviations(IReadOnlyList<IReadOnlyList<double>> indicators, StandardDeviationKind kind = StandardDeviationKind.Population)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (indicators.Count == 0) throw new ArgumentException("No indicators.", nameof(indicators));
        var sd = new double[indicators.Count];
        for (int j = 0; j < indicators.Count; j++)
        {
            var v = Valid(indicators[j], j);
            if (v.Length < 2) throw new ArgumentException($"Indicator {j} has {v.Length} non-missing value(s); at least 2 are needed.", nameof(indicators));
            double mean = v.Average();
            double ss = 0;
            foreach (double x in v) ss += (x - mean) * (x - mean);
            sd[j] = Math.Sqrt(ss / (kind == StandardDeviationKind.Sample ? v.Length - 1 : v.Length));
        }
        return sd;
    }

    /// <summary>
    /// Entropy weights (standard entropy weight method): p<sub>ij</sub> = x<sub>ij</sub>/Σ<sub>i</sub>x<sub>ij</sub>,
    /// e<sub>j</sub> = −(1/ln m) Σ<sub>i</sub> p<sub>ij</sub> ln p<sub>ij</sub> with 0·ln 0 = 0, d<sub>j</sub> = 1 − e<sub>j</sub>,
    /// w<sub>j</sub> = d<sub>j</sub>/Σd. m is the number of non-missing values of indicator j. An indicator whose
    /// values are all 0 carries no information: e<sub>j</sub> = 1, weight 0.
    /// R: <c>P &lt;- sweep(X, 2, colSums(X), "/"); e &lt;- -colSums(ifelse(P &gt; 0, P * log(P), 0)) / log(nrow(X)); (1 - e) / sum(1 - e)</c>.
    /// </summary>
    /// <param name="indicators">One list of normalised (≥ 0) values per indicator, each with ≥ 2 non-missing values.</param>
    /// <exception cref="ArgumentException">A negative value, fewer than 2 values, or all d<sub>j</sub> = 0.</exception>
    public static double[] Entropy(IReadOnlyList<IReadOnlyList<double>> indicators)
    {
        var e = Entropies(indicators);
        var d = e.Select(x => 1 - x).ToArray();
        double s = d.Sum();
        if (!(s > 0)) throw new ArgumentException("Every indicator has entropy 1 (evenly spread or all zero); entropy weights are undefined.", nameof(indicators));
        return d.Select(x => x / s).ToArray();
    }

    /// <summary>Entropy e<sub>j</sub> ∈ [0, 1] of each indicator (see <see cref="Entropy"/>).</summary>
    public static double[] Entropies(IReadOnlyList<IReadOnlyList<double>> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (indicators.Count == 0) throw new ArgumentException("No indicators.", nameof(indicators));
        var e = new double[indicators.Count];
        for (int j = 0; j < indicators.Count; j++)
        {
            var v = Valid(indicators[j], j);
            if (v.Length < 2) throw new ArgumentException($"Indicator {j} has {v.Length} non-missing value(s); at least 2 are needed.", nameof(indicators));
            for (int i = 0; i < v.Length; i++)
                if (v[i] < 0) throw new ArgumentException($"Indicator {j} has the negative value {v[i]}; entropy weights need non-negative (normalised) data.", nameof(indicators));
            double total = v.Sum();
            if (total == 0) { e[j] = 1; continue; }
            double h = 0;
            foreach (double x in v)
            {
                if (x == 0) continue;
                double p = x / total;
                h += p * Math.Log(p);
            }
            e[j] = -h / Math.Log(v.Length);
        }
        return e;
    }

    private static double[] Valid(IReadOnlyList<double> values, int j)
    {
        if (values is null) throw new ArgumentNullException(nameof(values), $"Indicator {j} is null.");
        var list = new List<double>(values.Count);
        foreach (double x in values)
        {
            if (double.IsNaN(x)) continue;
            if (double.IsInfinity(x)) throw new ArgumentException($"Indicator {j} has the value {x}; values must be finite or NaN.");
            list.Add(x);
        }
        return list.ToArray();
    }
}
