using EcoNotebooks.Weighting;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Weighting;

/// <summary>
/// AHP against Reference/trendweights.R (geometric-mean weights, λmax = mean(Aw/w), CI, CR with Saaty's RI, and
/// R's eigen() for the eigenvector method) on 2×2 to 6×6 matrices. Tolerance 1e-8 (the JSON carries 15 digits).
/// </summary>
public sealed class AhpTests
{
    public static TheoryData<int> Indices() => [.. Enumerable.Range(0, Root.GetProperty("ahp").GetArrayLength())];

    [Theory]
    [MemberData(nameof(Indices))]
    public void Geometric_mean_and_eigenvector_match_R(int index)
    {
        var r = Root.GetProperty("ahp")[index];
        var a = Matrix(r.GetProperty("matrix"));
        var g = Ahp.Compute(a);
        var w = Doubles(r.GetProperty("weights"));
        for (int i = 0; i < w.Length; i++) Close(w[i], g.Weights[i], 1e-8, $"matrix {index} weight {i}");
        Close(Num(r, "lambda_max"), g.LambdaMax, 1e-8, "lambda_max");
        Close(Num(r, "ci"), g.ConsistencyIndex, 1e-8, "CI");
        Close(Num(r, "cr"), g.ConsistencyRatio, 1e-8, "CR");

        var e = Ahp.Compute(a, AhpMethod.Eigenvector);
        var ew = Doubles(r.GetProperty("eigen_weights"));
        for (int i = 0; i < ew.Length; i++) Close(ew[i], e.Weights[i], 1e-8, $"matrix {index} eigen weight {i}");
        Close(Num(r, "eigen_lambda_max"), e.LambdaMax, 1e-8, "eigen lambda_max");
        Close(Num(r, "eigen_cr"), e.ConsistencyRatio, 1e-8, "eigen CR");
    }

    [Fact]
    public void Consistent_matrix_has_lambda_n_and_zero_CI()
    {
        double[] w = [0.5, 0.3, 0.2];
        var a = new double[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) a[i, j] = w[i] / w[j];
        var r = Ahp.Compute(a);
        for (int i = 0; i < 3; i++) Assert.Equal(w[i], r.Weights[i], 12);
        Assert.Equal(3, r.LambdaMax, 12);
        Assert.Equal(0, r.ConsistencyRatio, 12);
        Assert.True(r.IsAcceptable);
    }

    [Fact]
    public void Random_index_table_and_small_orders()
    {
        Assert.Equal(Doubles(Root.GetProperty("saaty_ri")), Enumerable.Range(1, 15).Select(Ahp.RandomIndex));
        Assert.True(double.IsNaN(Ahp.RandomIndex(16)));
        var one = Ahp.Compute(new double[,] { { 1 } });
        Assert.Equal([1.0], one.Weights);
        Assert.Equal(0, one.ConsistencyRatio);
    }

    [Fact]
    public void Non_reciprocal_non_square_and_non_positive_matrices_are_refused_naming_the_cell()
    {
        var bad = new double[,] { { 1, 3, 5 }, { 1.0 / 3, 1, 2 }, { 0.2, 0.4, 1 } };
        var e = Assert.Throws<ArgumentException>(() => Ahp.Compute(bad, labels: ["A", "B", "C"]));
        Assert.Contains("[2,3] (row 'B', column 'C') is 2", e.Message);
        Assert.Contains("is 0.4", e.Message);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => Ahp.Compute(new double[2, 3])).Message);
        Assert.Contains("[1,2]", Assert.Throws<ArgumentException>(() => Ahp.Compute(new double[,] { { 1, -2 }, { -0.5, 1 } })).Message);
        Assert.Contains("diagonal", Assert.Throws<ArgumentException>(() => Ahp.Compute(new double[,] { { 2, 1 }, { 1, 0.5 } })).Message);
        // within tolerance: 1/3 written as 0.333333333 passes
        Ahp.Compute(new double[,] { { 1, 3 }, { 0.3333333333, 1 } });
    }
}
