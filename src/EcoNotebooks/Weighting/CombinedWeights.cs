namespace EcoNotebooks.Weighting;

/// <summary>Combines subjective (e.g. <see cref="Ahp"/>) and objective (e.g. <see cref="ObjectiveWeights"/>) weights.</summary>
public static class CombinedWeights
{
    /// <summary>Combines two weight vectors of the same length (see <see cref="WeightCombination"/> for the formulas).</summary>
    /// <param name="subjective">First weight vector, finite, ≥ 0.</param>
    /// <param name="objective">Second weight vector, finite, ≥ 0, same length.</param>
    /// <param name="method">Combination rule (default arithmetic mean, Lingbei Eq. 17).</param>
    /// <exception cref="ArgumentException">Lengths differ, a weight is negative or not finite, or (multiplicative) every product is 0.</exception>
    public static double[] Combine(IReadOnlyList<double> subjective, IReadOnlyList<double> objective, WeightCombination method = WeightCombination.ArithmeticMean)
    {
        ArgumentNullException.ThrowIfNull(subjective);
        ArgumentNullException.ThrowIfNull(objective);
        if (subjective.Count != objective.Count) throw new ArgumentException($"{subjective.Count} subjective weights but {objective.Count} objective weights.", nameof(objective));
        Check(subjective, nameof(subjective));
        Check(objective, nameof(objective));
        int n = subjective.Count;
        var w = new double[n];
        switch (method)
        {
            case WeightCombination.ArithmeticMean:
                for (int j = 0; j < n; j++) w[j] = (subjective[j] + objective[j]) / 2;
                break;
            case WeightCombination.MultiplicativeNormalised:
                double s = 0;
                for (int j = 0; j < n; j++) { w[j] = subjective[j] * objective[j]; s += w[j]; }
                if (!(s > 0)) throw new ArgumentException("Every product of subjective and objective weights is 0; the multiplicative combination is undefined.", nameof(objective));
                for (int j = 0; j < n; j++) w[j] /= s;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown combination method.");
        }
        return w;
    }

    internal static void Check(IReadOnlyList<double> w, string name)
    {
        for (int j = 0; j < w.Count; j++)
            if (!(w[j] >= 0) || double.IsInfinity(w[j])) throw new ArgumentException($"Weight {j} is {w[j]}; weights must be finite and ≥ 0.", name);
    }
}
