using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace EcoNotebooks.Weighting;

/// <summary>
/// Analytic hierarchy process (Saaty 1977, 1980): subjective indicator weights from an n × n positive reciprocal
/// pairwise comparison matrix A (a<sub>ij</sub> = importance of i over j on Saaty's 1–9 scale, a<sub>ji</sub> = 1/a<sub>ij</sub>),
/// with the consistency index and ratio. Lingbei paper Eq. (15) (geometric-mean weights).
/// </summary>
public static class Ahp
{
    /// <summary>Relative tolerance of the reciprocity check |a<sub>ij</sub>·a<sub>ji</sub> − 1| ≤ 1e-6.</summary>
    public const double ReciprocityTolerance = 1e-6;

    // Saaty (1980), The Analytic Hierarchy Process, p. 21: RI for n = 1..15.
    private static readonly double[] SaatyRandomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    /// <summary>
    /// Saaty's random consistency index RI(n) for n = 1…15: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
    /// 1.51, 1.48, 1.56, 1.57, 1.59 (Saaty 1980). NaN for n &gt; 15 (no agreed value).
    /// </summary>
    public static double RandomIndex(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Matrix order must be ≥ 1.");
        return n <= SaatyRandomIndex.Length ? SaatyRandomIndex[n - 1] : double.NaN;
    }

    /// <summary>Weights, λ<sub>max</sub>, CI and CR of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">Square, positive, finite, reciprocal matrix (n ≥ 1).</param>
    /// <param name="method">Weighting method (default geometric mean, as the Lingbei paper).</param>
    /// <param name="labels">Optional row/column labels used in error messages.</param>
    /// <exception cref="ArgumentException">Not square, a cell not positive and finite, or not reciprocal (the message names the cell).</exception>
    public static AhpResult Compute(double[,] matrix, AhpMethod method = AhpMethod.GeometricMean, IReadOnlyList<string>? labels = null)
    {
        Validate(matrix, labels);
        int n = matrix.GetLength(0);
        double[] w = method switch
        {
            AhpMethod.GeometricMean => GeometricMeanWeights(matrix),
            AhpMethod.Eigenvector => EigenvectorWeights(matrix),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown AHP method."),
        };
        double lambda = 0;
        for (int i = 0; i < n; i++)
        {
            double aw = 0;
            for (int j = 0; j < n; j++) aw += matrix[i, j] * w[j];
            lambda += aw / w[i];
        }
        lambda /= n;
        double ci = n > 1 ? (lambda - n) / (n - 1) : 0;
        double ri = RandomIndex(n);
        double cr = n <= 2 ? 0 : ci / ri;
        return new AhpResult(w, lambda, ci, ri, cr, method);
    }

    /// <summary>Checks that <paramref name="matrix"/> is square, positive, finite and reciprocal; the message names the first bad cell (1-based row and column, with labels when given).</summary>
    public static void Validate(double[,] matrix, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0), m = matrix.GetLength(1);
        if (n != m) throw new ArgumentException($"The pairwise comparison matrix must be square, got {n} rows × {m} columns.", nameof(matrix));
        if (n == 0) throw new ArgumentException("The pairwise comparison matrix is empty.", nameof(matrix));
        if (labels is not null && labels.Count != n) throw new ArgumentException($"{n}×{n} matrix but {labels.Count} labels.", nameof(labels));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double a = matrix[i, j];
                if (!(a > 0) || double.IsInfinity(a))
                    throw new ArgumentException($"Cell {Cell(i, j, labels)} is {F(a)}; pairwise comparisons must be positive and finite.", nameof(matrix));
            }
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                double prod = matrix[i, j] * matrix[j, i];
                if (Math.Abs(prod - 1) > ReciprocityTolerance)
                    throw new ArgumentException(i == j
                        ? $"Cell {Cell(i, j, labels)} is {F(matrix[i, j])}; diagonal cells must be 1."
                        : $"Matrix is not reciprocal: cell {Cell(i, j, labels)} is {F(matrix[i, j])} but cell {Cell(j, i, labels)} is {F(matrix[j, i])} (product {F(prod)}, must be 1).", nameof(matrix));
            }
    }

    private static string Cell(int i, int j, IReadOnlyList<string>? labels) =>
        labels is null ? $"[{i + 1},{j + 1}]" : $"[{i + 1},{j + 1}] (row '{labels[i]}', column '{labels[j]}')";

    private static string F(double v) => v.ToString("G10", CultureInfo.InvariantCulture);

    private static double[] GeometricMeanWeights(double[,] a)
    {
        int n = a.GetLength(0);
        var g = new double[n];
        for (int i = 0; i < n; i++)
        {
            double logSum = 0; // sum of logs: the product of 15 entries up to 9 stays finite anyway, logs avoid any overflow
            for (int j = 0; j < n; j++) logSum += Math.Log(a[i, j]);
            g[i] = Math.Exp(logSum / n);
        }
        double s = g.Sum();
        for (int i = 0; i < n; i++) g[i] /= s;
        return g;
    }

    private static double[] EigenvectorWeights(double[,] a)
    {
        int n = a.GetLength(0);
        if (n == 1) return [1.0];
        var evd = Matrix<double>.Build.DenseOfArray(a).Evd();
        int best = 0;
        for (int i = 1; i < n; i++) if (evd.EigenValues[i].Real > evd.EigenValues[best].Real) best = i;
        var v = evd.EigenVectors.Column(best).ToArray();
        double s = v.Sum();
        var w = v.Select(x => x / s).ToArray();
        if (w.Any(x => !(x > 0))) throw new InvalidOperationException("The principal eigenvector of the matrix is not positive; check the matrix.");
        return w;
    }
}
