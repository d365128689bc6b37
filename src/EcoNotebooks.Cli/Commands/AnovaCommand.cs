using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;
using Spectre.Console;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb anova FILE.csv --group COL --value COL [--json]</c>: one-way ANOVA and Tukey HSD (Tukey–Kramer for unequal
/// group sizes), as R's <c>anova(aov(value ~ group))</c> and <c>TukeyHSD</c>.
/// JSON: <c>{"f","df_between","df_within","p","tukey":[{"a","b","diff","lwr","upr","p_adj"}]}</c> with
/// diff = mean(a) − mean(b); a is the later and b the earlier level, so each row equals R's row "a-b".
/// Levels are sorted in ordinal (C-locale) order, or numerically when the group column is numeric (as R's factor());
/// rows with a missing value or group are skipped. The text output adds group means, sizes and Tukey letters.
/// </summary>
public sealed class AnovaCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV table with a group column and a numeric value column." };
        var group = new Option<string>("--group") { Description = "Name of the grouping column.", Required = true };
        var value = new Option<string>("--value") { Description = "Name of the numeric response column.", Required = true };
        var json = CommonOptions.Json();
        var cmd = new Command("anova", "One-way ANOVA with Tukey HSD (as R aov + TukeyHSD).") { file, group, value, json };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            string g = pr.GetValue(group)!, v = pr.GetValue(value)!;
            var df = CsvTable.Read(path, [v]);
            if (!df.Columns.Any(c => c.Name == g))
                throw new CliError($"{path}: missing column '{g}'; columns are {string.Join(", ", df.Columns.Select(c => c.Name))}.");
            // R's read.csv reads "NA" as a missing group; missing groups are skipped like missing values
            var labels = CsvTable.TextColumn(df, g, path).Select(l => l == "NA" ? "" : l).ToArray();
            var values = CsvTable.NumericColumn(df, v, path);
            IComparer<string>? order = df.Columns[g] is DoubleDataFrameColumn ? NumericLabelComparer.Instance : null;
            OneWayAnova anova;
            try { anova = OneWayAnova.Fit(labels, values, order); }
            catch (ArgumentException ex) { throw new CliError($"{path}: {ex.Message.Split(" (Parameter")[0]}"); }
            if (anova.DfWithin < 2) throw new CliError($"{path}: {anova.TotalCount} observations in {anova.Levels.Count} groups leave {anova.DfWithin} residual degree(s) of freedom; Tukey HSD needs at least 2.");
            var tukey = TukeyHsd.Compare(anova);
            var result = new AnovaOutput(anova.F, anova.DfBetween, anova.DfWithin, anova.P,
                tukey.Select(t => new TukeyOutput(t.A, t.B, t.Diff, t.Lower, t.Upper, t.PAdjusted)).ToArray());
            if (pr.GetValue(json)) { JsonOutput.Write(result); return 0; }

            var console = DiversityCommand.TextConsole();
            var letters = CompactLetterDisplay.FromTukey(anova, tukey).ToDictionary(kv => kv.Key, kv => kv.Value);
            console.WriteLine($"One-way ANOVA of {v} by {g}: F({anova.DfBetween}, {anova.DfWithin}) = {DiversityCommand.Num(anova.F)}, p = {P(anova.P)}");
            var a = new Table().AddColumns("source", "df", "SS", "MS", "F", "p");
            a.AddRow(Markup.Escape(g), anova.DfBetween.ToString(CultureInfo.InvariantCulture), DiversityCommand.Num(anova.SumOfSquaresBetween), DiversityCommand.Num(anova.MeanSquareBetween), DiversityCommand.Num(anova.F), P(anova.P));
            a.AddRow("residuals", anova.DfWithin.ToString(CultureInfo.InvariantCulture), DiversityCommand.Num(anova.SumOfSquaresWithin), DiversityCommand.Num(anova.MeanSquareWithin), "", "");
            console.Write(a);
            var m = new Table().AddColumns("group", "n", "mean", "Tukey letters (α = 0.05)");
            for (int i = 0; i < anova.Levels.Count; i++)
                m.AddRow(Markup.Escape(anova.Levels[i]), anova.Counts[i].ToString(CultureInfo.InvariantCulture), DiversityCommand.Num(anova.Means[i]), letters[anova.Levels[i]]);
            console.Write(m);
            console.WriteLine("Tukey HSD, 95% family-wise confidence (diff = mean(a) − mean(b)):");
            var t = new Table().AddColumns("a", "b", "diff", "lwr", "upr", "p adj");
            foreach (var r in result.Tukey)
                t.AddRow(Markup.Escape(r.A), Markup.Escape(r.B), DiversityCommand.Num(r.Diff), DiversityCommand.Num(r.Lwr), DiversityCommand.Num(r.Upr), P(r.PAdj));
            console.Write(t);
            return 0;
        });
        return cmd;
    }

    internal static string P(double p) => double.IsNaN(p) ? "NA" : p < 1e-4 ? p.ToString("0.###e+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Orders labels of a numeric column by their numeric value (R sorts factor levels of numbers numerically).</summary>
    private sealed class NumericLabelComparer : IComparer<string>
    {
        public static readonly NumericLabelComparer Instance = new();
        public int Compare(string? x, string? y)
        {
            int c = double.Parse(x!, CultureInfo.InvariantCulture).CompareTo(double.Parse(y!, CultureInfo.InvariantCulture));
            return c != 0 ? c : string.CompareOrdinal(x, y);
        }
    }

    private sealed record AnovaOutput(
        [property: JsonPropertyName("f")] double F,
        [property: JsonPropertyName("df_between")] int DfBetween,
        [property: JsonPropertyName("df_within")] int DfWithin,
        [property: JsonPropertyName("p")] double P,
        [property: JsonPropertyName("tukey")] TukeyOutput[] Tukey);

    private sealed record TukeyOutput(
        [property: JsonPropertyName("a")] string A,
        [property: JsonPropertyName("b")] string B,
        [property: JsonPropertyName("diff")] double Diff,
        [property: JsonPropertyName("lwr")] double Lwr,
        [property: JsonPropertyName("upr")] double Upr,
        [property: JsonPropertyName("p_adj")] double PAdj);
}
