using EcoNotebooks.Samples.Jiangcang;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>Per-treatment correlation networks (Fig. 8) and the pooled correlation matrix (Fig. 9).</summary>
/// <param name="Variables">Variables of the matrices, in order.</param>
/// <param name="Networks">One network per treatment (Pit5, Pit4, Pit2, Control): edges where |r| ≥ threshold and p &lt; alpha.</param>
/// <param name="TreatmentMatrices">The correlation matrix of each treatment.</param>
/// <param name="Pooled">Pearson r and p of all samples of the four treatments together (Fig. 9).</param>
/// <param name="Comparison">The 13 r printed with Fig. 9: a, b, published_r, r, difference, p, n, significant.</param>
/// <param name="NetworkSummary">One row per treatment: treatment, n, edges, positive, negative, and the three best-connected variables (degree).</param>
/// <param name="Alpha">Significance level used.</param>
public sealed record JiangcangCorrelationResult(IReadOnlyList<string> Variables, IReadOnlyDictionary<string, CorrelationNetwork> Networks,
    IReadOnlyDictionary<string, CorrelationMatrix> TreatmentMatrices, CorrelationMatrix Pooled, DataFrame Comparison, DataFrame NetworkSummary, double Alpha)
{
    /// <summary>Pooled r between two variables.</summary>
    public double PooledR(string a, string b)
    {
        int i = IndexOf(a), j = IndexOf(b);
        return Pooled.R[i, j] ?? double.NaN;
    }

    private int IndexOf(string v)
    {
        for (int i = 0; i < Variables.Count; i++) if (Variables[i] == v) return i;
        throw new ArgumentException($"'{v}' is not one of the correlated variables ({string.Join(", ", Variables)}).", nameof(v));
    }
}

/// <summary>
/// Pearson correlations between soil and vegetation variables (paper sections 3.5–3.6): per treatment as a network
/// (Fig. 8; an edge when |r| ≥ <see cref="JiangcangParameters.NetworkThreshold"/> and p &lt;
/// <see cref="JiangcangParameters.Alpha"/>, colour = sign, width = |r|) and for all samples pooled as a matrix with
/// significance (Fig. 9). R: <c>cor.test</c> on every pair; <c>igraph</c> graph from the thresholded matrix.
/// </summary>
public static class JiangcangCorrelations
{
    /// <summary>
    /// Variables correlated (soil.csv columns): BD, SWC, SOM, pH, EC, TN, TP, TK, clay, sand and the vegetation
    /// attributes AGB, BGB, VFC. SOC (= SOM / 1.724) and silt (= 100 − clay − sand) are left out because they are exact
    /// functions of other columns.
    /// </summary>
    public static IReadOnlyList<string> Variables { get; } = ["BD", "SWC", "SOM", "pH", "EC", "TN", "TP", "TK", "clay", "sand", "AGB", "BGB", "VFC"];

    /// <summary>Figs. 8–9 from soil.csv.</summary>
    public static JiangcangCorrelationResult Compute(JiangcangInputs inputs, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Compute(CsvTable.Read(inputs.Soil, JiangcangSoil.Columns), parameters, inputs.Soil);
    }

    /// <summary>Figs. 8–9 from a soil table (columns as soil.csv).</summary>
    public static JiangcangCorrelationResult Compute(DataFrame soil, JiangcangParameters? parameters = null, string source = "soil")
    {
        ArgumentNullException.ThrowIfNull(soil);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        var treatment = CsvTable.TextColumn(soil, "treatment", source);
        var columns = Variables.ToDictionary(v => v, v => CsvTable.NumericColumn(soil, v, source));
        CorrelationMatrix Matrix(Func<int, bool> include) =>
            CorrelationMatrix.Compute(Variables.Select(v => (v, (IReadOnlyList<double>)columns[v].Where((_, i) => include(i)).ToArray())).ToArray());
        var matrices = new Dictionary<string, CorrelationMatrix>();
        var networks = new Dictionary<string, CorrelationNetwork>();
        foreach (var t in JiangcangSoil.Treatments)
        {
            if (!treatment.Contains(t)) continue;
            matrices[t] = Matrix(i => treatment[i] == t);
            networks[t] = CorrelationNetwork.Build(matrices[t], p.NetworkThreshold, p.Alpha);
        }
        var pooled = Matrix(i => JiangcangSoil.Treatments.Contains(treatment[i]));
        int Ix(string v) => Variables.ToList().IndexOf(v);
        var pub = JiangcangPublished.Correlations;
        var comparison = new FrameBuilder()
            .Text("a", pub.Select(x => x.A)).Text("b", pub.Select(x => x.B)).Number("published_r", pub.Select(x => x.R))
            .Number("r", pub.Select(x => pooled.R[Ix(x.A), Ix(x.B)])).Number("difference", pub.Select(x => pooled.R[Ix(x.A), Ix(x.B)] - x.R))
            .Number("p", pub.Select(x => pooled.P[Ix(x.A), Ix(x.B)])).Integer("n", pub.Select(x => pooled.N[Ix(x.A), Ix(x.B)]))
            .Text("significant", pub.Select(x => pooled.P[Ix(x.A), Ix(x.B)] < p.Alpha ? "yes" : "no"))
            .Build();
        var names = networks.Keys.ToArray();
        string Hubs(CorrelationNetwork n) => string.Join(", ", n.Nodes
            .Select(v => (v, d: n.Edges.Count(e => e.A == v || e.B == v))).Where(x => x.d > 0)
            .OrderByDescending(x => x.d).ThenBy(x => Ix(x.v)).Take(3).Select(x => $"{x.v} ({x.d})"));
        var summary = new FrameBuilder().Text("treatment", names)
            .Integer("n", names.Select(t => treatment.Count(x => x == t)))
            .Integer("edges", names.Select(t => networks[t].Edges.Count))
            .Integer("positive", names.Select(t => networks[t].Edges.Count(e => e.Sign == CorrelationSign.Positive)))
            .Integer("negative", names.Select(t => networks[t].Edges.Count(e => e.Sign == CorrelationSign.Negative)))
            .Text("hubs", names.Select(t => Hubs(networks[t])))
            .Build();
        return new JiangcangCorrelationResult(Variables, networks, matrices, pooled, comparison, summary, p.Alpha);
    }
}
