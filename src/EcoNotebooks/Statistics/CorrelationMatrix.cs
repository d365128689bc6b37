namespace EcoNotebooks.Statistics;

/// <summary>
/// Pearson correlations and two-sided p-values between every pair of variables, each pair using the observations
/// where both are present (R: <c>cor.test</c> on every pair, i.e. <c>use = "pairwise.complete.obs"</c>).
/// </summary>
/// <remarks>
/// The diagonal holds r = 1 and p = 0, which is what R's <c>cor.test(x, x)</c> returns (t = ∞); it is null for a
/// constant variable. An off-diagonal cell is null when one of its two variables is constant over their complete
/// pairs (R returns NA with a warning).
/// </remarks>
public sealed class CorrelationMatrix
{
    private CorrelationMatrix(string[] columns, double?[,] r, double?[,] p, int[,] n)
    {
        Columns = columns; R = r; P = p; N = n;
    }

    /// <summary>Variable names, in input order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Correlation coefficients, [i, j] between <see cref="Columns"/>[i] and [j]; symmetric.</summary>
    public double?[,] R { get; }

    /// <summary>Two-sided p-values of H0: ρ = 0 (t test with n − 2 df); symmetric.</summary>
    public double?[,] P { get; }

    /// <summary>Number of complete pairs behind each cell.</summary>
    public int[,] N { get; }

    /// <summary>Computes the matrix for named variables of equal length (NaN = missing).</summary>
    /// <param name="variables">Name and values of each variable, at least 2 variables.</param>
    /// <exception cref="ArgumentException">Fewer than 2 variables, duplicate names, unequal lengths, an infinite value,
    /// or a pair of variables with fewer than 3 complete observations (the message names the pair).</exception>
    public static CorrelationMatrix Compute(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count < 2) throw new ArgumentException($"{variables.Count} variable(s) given; a correlation matrix needs at least 2.", nameof(variables));
        var names = variables.Select(v => v.Name).ToArray();
        var dup = names.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"variable '{dup.Key}' is given twice.", nameof(variables));
        int len = variables[0].Values.Count;
        foreach (var (name, values) in variables)
            if (values.Count != len) throw new ArgumentException($"variable '{name}' has {values.Count} values but '{names[0]}' has {len}.", nameof(variables));

        int k = variables.Count;
        var r = new double?[k, k];
        var p = new double?[k, k];
        var n = new int[k, k];
        for (int i = 0; i < k; i++)
        {
            var xi = variables[i].Values;
            int ni = xi.Count(v => !double.IsNaN(v));
            if (ni < 3) throw new ArgumentException($"variable '{names[i]}' has {ni} non-missing values; correlation needs at least 3.", nameof(variables));
            n[i, i] = ni;
            bool constant = Correlation.Pearson(xi, xi) is null;
            r[i, i] = constant ? null : 1.0;
            p[i, i] = constant ? null : 0.0;
            for (int j = i + 1; j < k; j++)
            {
                var (xs, _) = Correlation.CompletePairs(xi, variables[j].Values);
                if (xs.Length < 3)
                    throw new ArgumentException($"variables '{names[i]}' and '{names[j]}' have {xs.Length} complete pairs; correlation needs at least 3.", nameof(variables));
                var test = PearsonTest.Compute(xi, variables[j].Values);
                r[i, j] = r[j, i] = test.R;
                p[i, j] = p[j, i] = test.P;
                n[i, j] = n[j, i] = test.N;
            }
        }
        return new CorrelationMatrix(names, r, p, n);
    }
}
