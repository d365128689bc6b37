using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>Soil properties per treatment (Fig. 7) and restored-vs-control t tests.</summary>
/// <param name="Panels">The 11 panels of Fig. 7 (A BD … K sand), treatments in the order Pit5, Pit4, Pit2, Control.</param>
/// <param name="Summary">
/// One row per panel and treatment: panel (letter A–K), variable, unit, treatment, n, mean, sd, se, letters,
/// anova_f, anova_p, and published (the paper's statement about that panel).
/// </param>
/// <param name="TTests">
/// Welch two-sample t tests of each variable, each restored pit and all restored samples pooled ("Restored") against
/// Control: variable, unit, restored, mean_restored, mean_control, difference, t, df, p, significant.
/// </param>
public sealed record JiangcangSoilResult(IReadOnlyList<JiangcangPanel> Panels, DataFrame Summary, DataFrame TTests)
{
    /// <summary>The panel of <paramref name="variable"/> (e.g. "SOC").</summary>
    public JiangcangPanel Panel(string variable) => Panels.FirstOrDefault(p => p.Variable == variable)
        ?? throw new ArgumentException($"No soil panel '{variable}'; panels: {string.Join(", ", Panels.Select(p => p.Variable))}.", nameof(variable));
}

/// <summary>
/// Soil properties of the restored pits and the control (paper section 3.4, Fig. 7): for each of the 11 variables a
/// one-way ANOVA across the four treatments, Tukey HSD at 1 − alpha and compact letters (R: <c>aov</c>,
/// <c>TukeyHSD</c>, <c>multcompView::multcompLetters</c>), and Welch t tests of restored against control
/// (R: <c>t.test(x, y)</c>), as the paper's methods (section 2.7) describe.
/// </summary>
public static class JiangcangSoil
{
    /// <summary>Treatments in the paper's panel order.</summary>
    public static IReadOnlyList<string> Treatments { get; } = ["Pit5", "Pit4", "Pit2", "Control"];

    /// <summary>The 11 panels of Fig. 7: letter, soil.csv column, unit, and what the paper says about it.</summary>
    public static IReadOnlyList<(string Panel, string Variable, string Unit, string Published)> Variables { get; } =
    [
        ("A", "BD", "g cm⁻³", "higher in Pits 5 and 4 than in Pit 2 and control; control lowest"),
        ("B", "SWC", "%", "control significantly highest; Pit 2 lowest"),
        ("C", "SOC", "g kg⁻¹", "control substantially highest; Pit 2 lowest"),
        ("D", "pH", "–", "similar in all treatments"),
        ("E", "TN", "g kg⁻¹", "control significantly highest; Pit 2 lowest"),
        ("F", "TP", "g kg⁻¹", "Pits 5 and 4 slightly above Pit 2; all below control"),
        ("G", "TK", "g kg⁻¹", "relatively stable, no substantial differences"),
        ("H", "EC", "µS cm⁻¹", "restored pits higher than control"),
        ("I", "clay", "%", "highest in Pit 5; lowest in Pit 2"),
        ("J", "silt", "%", "lowest in Pit 2"),
        ("K", "sand", "%", "highest in Pit 2"),
    ];

    /// <summary>Numeric columns of soil.csv.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["BD", "SWC", "SOC", "SOM", "pH", "EC", "TN", "TP", "TK", "clay", "silt", "sand", "AGB", "BGB", "VFC"];

    /// <summary>Fig. 7 and the t tests from soil.csv.</summary>
    public static JiangcangSoilResult Compute(JiangcangInputs inputs, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Compute(CsvTable.Read(inputs.Soil, Columns), parameters, inputs.Soil);
    }

    /// <summary>Fig. 7 and the t tests from a soil table (columns as soil.csv; other treatments are ignored).</summary>
    public static JiangcangSoilResult Compute(DataFrame soil, JiangcangParameters? parameters = null, string source = "soil")
    {
        ArgumentNullException.ThrowIfNull(soil);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        var treatment = CsvTable.TextColumn(soil, "treatment", source);
        var rows = Enumerable.Range(0, treatment.Length).Where(i => Treatments.Contains(treatment[i])).ToArray();
        var groups = rows.Select(i => treatment[i]).ToArray();
        var panels = new List<JiangcangPanel>();
        foreach (var (_, variable, unit, _) in Variables)
        {
            var v = CsvTable.NumericColumn(soil, variable, source);
            panels.Add(JiangcangPanel.Fit(variable, unit, groups, rows.Select(i => v[i]).ToArray(), Treatments, p.Alpha));
        }
        var s = new FrameBuilder();
        var flat = Variables.Zip(panels).SelectMany(x => x.Second.Groups.Select(g => (x.First, Panel: x.Second, Group: g))).ToArray();
        s.Text("panel", flat.Select(f => f.First.Panel)).Text("variable", flat.Select(f => f.First.Variable)).Text("unit", flat.Select(f => f.First.Unit))
            .Text("treatment", flat.Select(f => f.Group.Group)).Integer("n", flat.Select(f => f.Group.N))
            .Number("mean", flat.Select(f => f.Group.Mean)).Number("sd", flat.Select(f => f.Group.Sd)).Number("se", flat.Select(f => f.Group.Se))
            .Text("letters", flat.Select(f => f.Group.Letters)).Number("anova_f", flat.Select(f => f.Panel.Anova.F)).Number("anova_p", flat.Select(f => f.Panel.Anova.P))
            .Text("published", flat.Select(f => f.First.Published));

        var tv = new List<string>(); var tu = new List<string>(); var tr = new List<string>(); var mr = new List<double>(); var mc = new List<double>();
        var tt = new List<double>(); var tdf = new List<double>(); var tp = new List<double>(); var sig = new List<string>();
        foreach (var (_, variable, unit, _) in Variables)
        {
            var v = CsvTable.NumericColumn(soil, variable, source);
            var control = rows.Where(i => treatment[i] == "Control").Select(i => v[i]).ToArray();
            foreach (var restored in new[] { "Pit5", "Pit4", "Pit2", "Restored" })
            {
                var x = rows.Where(i => restored == "Restored" ? treatment[i] != "Control" : treatment[i] == restored).Select(i => v[i]).ToArray();
                var t = TTest.Compute(x, control, TTestKind.Welch, 1 - p.Alpha);
                tv.Add(variable); tu.Add(unit); tr.Add(restored); mr.Add(t.MeanX); mc.Add(t.MeanY);
                tt.Add(t.T); tdf.Add(t.Df); tp.Add(t.P); sig.Add(t.P < p.Alpha ? "yes" : "no");
            }
        }
        var tests = new FrameBuilder().Text("variable", tv).Text("unit", tu).Text("restored", tr).Number("mean_restored", mr).Number("mean_control", mc)
            .Number("difference", mr.Zip(mc, (a, b) => a - b)).Number("t", tt).Number("df", tdf).Number("p", tp).Text("significant", sig).Build();
        return new JiangcangSoilResult(panels, s.Build(), tests);
    }
}
