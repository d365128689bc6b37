using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>
/// Synthetic soil and vegetation samples per treatment (Pit 5, Pit 4, Pit 2, control), calibrated to the Jiangcang
/// paper's Fig. 7 pattern and Fig. 9 pooled correlations.
/// <para>Method: (1) draw each variable around treatment means that follow section 3.4 (control highest SWC, SOC, TN;
/// Pit 2 lowest SWC, SOC, TN, clay, silt and highest sand; BD higher in Pits 5/4; TK flat; pH similar; EC restored &gt;
/// control) with independent normal noise; (2) recolour the pooled standardized sample so that its Pearson correlation
/// matrix equals a target matrix in which the 13 printed pairs of Fig. 9 are replaced by the published r (the other
/// entries keep their drawn values; the target is projected to the nearest positive-definite correlation matrix);
/// (3) derive SOC = SOM / 1.724 (van Bemmelen) and silt = 100 − clay − sand. The printed pairs are therefore reproduced
/// up to the projection (typically ≤ 0.01), and treatment differences are approximately those of step 1.</para>
/// Units: BD g cm⁻³, SWC %, SOM and SOC g kg⁻¹, pH, EC µS cm⁻¹, TN/TP/TK g kg⁻¹, clay/silt/sand %, AGB/BGB g m⁻², VFC %.
/// SYNTHETIC: not the paper's field data.
/// </summary>
public static class JiangcangSoilGenerator
{
    /// <summary>Treatment names in the order of the paper's Fig. 7.</summary>
    public static IReadOnlyList<string> Treatments { get; } = ["Pit5", "Pit4", "Pit2", "Control"];

    /// <summary>Variables recoloured jointly (order of the correlation matrix).</summary>
    public static IReadOnlyList<string> Variables { get; } = ["BD", "SWC", "SOM", "pH", "EC", "TN", "TP", "TK", "clay", "sand", "AGB", "BGB", "VFC"];

    // Treatment means (Pit5, Pit4, Pit2, Control) and within-treatment sd for each variable in Variables.
    private static readonly (double[] Means, double Sd)[] Design =
    [
        ([1.42, 1.40, 1.33, 1.22], 0.07),   // BD g cm-3
        ([17.0, 16.0, 10.0, 31.0], 2.5),    // SWC %
        ([31.0, 28.5, 15.5, 77.0], 5.0),    // SOM g kg-1
        ([7.92, 7.95, 8.00, 7.88], 0.12),   // pH
        ([215, 205, 195, 115], 25),         // EC uS cm-1
        ([1.60, 1.50, 0.80, 3.60], 0.25),   // TN g kg-1
        ([0.62, 0.60, 0.52, 0.75], 0.05),   // TP g kg-1
        ([18.5, 18.3, 18.1, 18.6], 0.8),    // TK g kg-1
        ([14.0, 12.0, 7.0, 12.5], 1.5),     // clay %
        ([40.0, 43.0, 60.0, 37.5], 3.5),    // sand %
        ([240, 230, 110, 320], 30),         // AGB g m-2
        ([425, 410, 390, 1290], 90),        // BGB g m-2
        ([72, 74, 50, 85], 5),              // VFC %
    ];

    /// <summary>
    /// Generates the soil table: columns sample, treatment, BD, SWC, SOC, SOM, pH, EC, TN, TP, TK, clay, silt, sand,
    /// AGB, BGB, VFC (units in the class summary).
    /// </summary>
    public static DataFrame Generate(JiangcangSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int reps = options.SoilReplicates;
        if (reps < 4) throw new ArgumentOutOfRangeException(nameof(options), reps, "SoilReplicates must be ≥ 4 (the pooled table needs more rows than its 13 variables).");
        var rng = new SeededRandom(options.Seed + 2);
        int n = reps * Treatments.Count, p = Variables.Count;
        var x = Matrix<double>.Build.Dense(n, p);
        for (int t = 0; t < Treatments.Count; t++)
            for (int r = 0; r < reps; r++)
                for (int j = 0; j < p; j++)
                    x[t * reps + r, j] = rng.Normal(Design[j].Means[t], Design[j].Sd);

        var recoloured = Recolour(x, TargetCorrelation(x));
        var df = new DataFrame(
            new StringDataFrameColumn("sample", Enumerable.Range(0, n).Select(i => $"{Treatments[i / reps]}-{i % reps + 1}")),
            new StringDataFrameColumn("treatment", Enumerable.Range(0, n).Select(i => Treatments[i / reps])));
        double[] Col(string name) => Enumerable.Range(0, n).Select(i => recoloured[i, Variables.ToList().IndexOf(name)]).ToArray();
        var som = Col("SOM"); var clay = Col("clay"); var sand = Col("sand");
        void Add(string name, IEnumerable<double> values, int digits) => df.Columns.Add(new DoubleDataFrameColumn(name, values.Select(v => Math.Round(v, digits))));
        Add("BD", Col("BD"), 3);
        Add("SWC", Col("SWC"), 2);
        Add("SOC", som.Select(v => v / 1.724), 2);
        Add("SOM", som, 2);
        Add("pH", Col("pH"), 2);
        Add("EC", Col("EC"), 1);
        Add("TN", Col("TN"), 3);
        Add("TP", Col("TP"), 3);
        Add("TK", Col("TK"), 2);
        Add("clay", clay, 2);
        Add("silt", clay.Zip(sand, (c, s) => 100 - c - s), 2);
        Add("sand", sand, 2);
        Add("AGB", Col("AGB"), 1);
        Add("BGB", Col("BGB"), 1);
        Add("VFC", Col("VFC"), 1);
        return df;
    }

    /// <summary>The drawn sample's correlation matrix with the published pairs substituted, made positive definite.</summary>
    private static Matrix<double> TargetCorrelation(Matrix<double> x)
    {
        var c = Correlation(x);
        var names = Variables.ToList();
        var fixedPairs = JiangcangPublished.Correlations.Select(t => (names.IndexOf(t.A), names.IndexOf(t.B), t.R)).ToArray();
        // Alternating projections (Higham 2002): set published entries, clip eigenvalues, restore unit diagonal.
        for (int iter = 0; iter < 20000; iter++)
        {
            foreach (var (i, j, r) in fixedPairs) { c[i, j] = r; c[j, i] = r; }
            for (int i = 0; i < c.RowCount; i++) c[i, i] = 1;
            var evd = c.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            var ev = evd.EigenValues.Select(v => Math.Max(v.Real, 1e-3)).ToArray();
            c = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(ev) * evd.EigenVectors.Transpose();
            if (fixedPairs.All(f => Math.Abs(c[f.Item1, f.Item2] - f.R) < 1e-4) && Enumerable.Range(0, c.RowCount).All(i => Math.Abs(c[i, i] - 1) < 1e-4)) break;
        }
        var d = Enumerable.Range(0, c.RowCount).Select(i => 1 / Math.Sqrt(c[i, i])).ToArray();
        c = Matrix<double>.Build.DiagonalOfDiagonalArray(d) * c * Matrix<double>.Build.DiagonalOfDiagonalArray(d);
        return c;
    }

    /// <summary>Linear transform of the centred sample so that its correlation matrix equals <paramref name="target"/>; column means and sds are kept.</summary>
    private static Matrix<double> Recolour(Matrix<double> x, Matrix<double> target)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var mean = Enumerable.Range(0, p).Select(j => x.Column(j).Average()).ToArray();
        var sd = Enumerable.Range(0, p).Select(j => Math.Sqrt(x.Column(j).Select(v => (v - mean[j]) * (v - mean[j])).Sum() / (n - 1))).ToArray();
        var z = Matrix<double>.Build.Dense(n, p, (i, j) => (x[i, j] - mean[j]) / sd[j]);
        var s = z.TransposeThisAndMultiply(z) / (n - 1);
        var transform = SymmetricPower(s, -0.5) * SymmetricPower(target, 0.5);
        var zt = z * transform;
        return Matrix<double>.Build.Dense(n, p, (i, j) => mean[j] + sd[j] * zt[i, j]);
    }

    private static Matrix<double> SymmetricPower(Matrix<double> m, double power)
    {
        var evd = m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var ev = evd.EigenValues.Select(v => Math.Pow(Math.Max(v.Real, 1e-12), power)).ToArray();
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(ev) * evd.EigenVectors.Transpose();
    }

    private static Matrix<double> Correlation(Matrix<double> x)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var mean = Enumerable.Range(0, p).Select(j => x.Column(j).Average()).ToArray();
        var z = Matrix<double>.Build.Dense(n, p, (i, j) => x[i, j] - mean[j]);
        var cov = z.TransposeThisAndMultiply(z);
        var d = Enumerable.Range(0, p).Select(i => 1 / Math.Sqrt(cov[i, i])).ToArray();
        return Matrix<double>.Build.DiagonalOfDiagonalArray(d) * cov * Matrix<double>.Build.DiagonalOfDiagonalArray(d);
    }
}
