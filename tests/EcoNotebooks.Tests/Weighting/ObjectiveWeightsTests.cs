using EcoNotebooks.Weighting;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Weighting;

/// <summary>
/// Min–max normalisation, standard-deviation (MSE) and entropy weights, combinations and the composite index against
/// Reference/trendweights.R (12 samples × 4 indicators, two of them negative). Tolerance 1e-8.
/// </summary>
public sealed class ObjectiveWeightsTests
{
    private static readonly System.Text.Json.JsonElement W = Root.GetProperty("weights");

    private static double[][] Columns(string name)
    {
        var m = Matrix(W.GetProperty(name));
        return Enumerable.Range(0, m.GetLength(1)).Select(j => Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, j]).ToArray()).ToArray();
    }

    private static double[][] Normalised()
    {
        var raw = Columns("raw");
        var dir = W.GetProperty("direction").EnumerateArray().Select(d => d.GetString() == "positive" ? IndicatorDirection.Positive : IndicatorDirection.Negative).ToArray();
        return raw.Select((c, j) => MinMaxNormalisation.Normalise(c, dir[j]).Values).ToArray();
    }

    private static void AllClose(double[] expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++) Close(expected[i], actual[i], 1e-8, $"{what}[{i}]");
    }

    [Fact]
    public void Normalisation_matches_R_for_positive_and_negative_indicators()
    {
        var expected = Columns("normalised");
        var actual = Normalised();
        for (int j = 0; j < expected.Length; j++) AllClose(expected[j], actual[j], $"normalised indicator {j}");
    }

    [Fact]
    public void Standard_deviation_weights_match_R_population_and_sample()
    {
        var x = Normalised();
        AllClose(Doubles(W.GetProperty("sd_population")), ObjectiveWeights.StandardDeviations(x), "σ population");
        AllClose(Doubles(W.GetProperty("sd_sample")), ObjectiveWeights.StandardDeviations(x, StandardDeviationKind.Sample), "σ sample");
        AllClose(Doubles(W.GetProperty("w_sd_population")), ObjectiveWeights.StandardDeviation(x), "w σ population");
        AllClose(Doubles(W.GetProperty("w_sd_sample")), ObjectiveWeights.StandardDeviation(x, StandardDeviationKind.Sample), "w σ sample");
    }

    [Fact]
    public void Entropy_weights_match_R_with_zero_log_zero()
    {
        var x = Normalised(); // every normalised indicator contains an exact 0, exercising 0·ln 0 = 0
        Assert.All(x, c => Assert.Contains(0.0, c));
        AllClose(Doubles(W.GetProperty("entropy")), ObjectiveWeights.Entropies(x), "entropy");
        AllClose(Doubles(W.GetProperty("w_entropy")), ObjectiveWeights.Entropy(x), "entropy weights");
    }

    [Fact]
    public void Combinations_and_composite_index_match_R()
    {
        var x = Normalised();
        var subj = Doubles(W.GetProperty("w_subjective"));
        var obj = ObjectiveWeights.StandardDeviation(x);
        var mean = CombinedWeights.Combine(subj, obj);
        AllClose(Doubles(W.GetProperty("w_combined_mean")), mean, "combined (mean)");
        AllClose(Doubles(W.GetProperty("w_combined_multiplicative")), CombinedWeights.Combine(subj, obj, WeightCombination.MultiplicativeNormalised), "combined (multiplicative)");
        AllClose(Doubles(W.GetProperty("composite")), CompositeIndex.Compute(x, mean), "composite index");
    }

    [Fact]
    public void Constant_indicator_normalises_to_zero_with_a_flag_and_NaN_stays_NaN()
    {
        var r = MinMaxNormalisation.Normalise([3, 3, double.NaN, 3], IndicatorDirection.Positive);
        Assert.True(r.IsConstant);
        Assert.Equal(0, r.Values[0]);
        Assert.True(double.IsNaN(r.Values[2]));
        var n = MinMaxNormalisation.Normalise([1, 2, 5], IndicatorDirection.Negative);
        Assert.False(n.IsConstant);
        Assert.Equal([1, 0.75, 0], n.Values);
    }

    [Fact]
    public void Entropy_of_an_all_zero_indicator_is_one_and_negative_values_are_refused()
    {
        double[][] x = [[0, 0, 0], [0, 0.5, 1]];
        var e = ObjectiveWeights.Entropies(x);
        Assert.Equal(1, e[0]);
        Assert.Equal([0.0, 1.0], ObjectiveWeights.Entropy(x));
        Assert.Contains("-0.5", Assert.Throws<ArgumentException>(() => ObjectiveWeights.Entropy([[1, -0.5, 2]])).Message);
        Assert.Throws<ArgumentException>(() => ObjectiveWeights.StandardDeviation([[1, 1], [2, 2]]));
        Assert.Throws<ArgumentException>(() => CombinedWeights.Combine([0.5, 0.5], [1.0]));
    }
}
