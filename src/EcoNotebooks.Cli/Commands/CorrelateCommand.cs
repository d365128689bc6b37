using System.CommandLine;
using System.Text.Json.Serialization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;
using Spectre.Console;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb correlate FILE.csv [--columns a,b,...] [--json]</c>: Pearson correlation matrix with two-sided p-values
/// (R: <c>cor.test</c> on every pair, pairwise complete observations). Default columns: every numeric column.
/// JSON: <c>{"columns":[...],"r":[[...]],"p":[[...]]}</c>; the diagonal is r = 1, p = 0; r and p are null for a
/// constant column.
/// </summary>
public sealed class CorrelateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV table with numeric columns." };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated column names (default: all numeric columns)." };
        var json = CommonOptions.Json();
        var cmd = new Command("correlate", "Pearson correlation matrix with p-values (as R cor.test, pairwise complete).") { file, columns, json };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            string? list = pr.GetValue(columns);
            string[]? names = list?.Split(',', StringSplitOptions.TrimEntries);
            if (names is not null && names.Any(n => n.Length == 0)) throw new CliError($"--columns '{list}' contains an empty column name.");
            var df = CsvTable.Read(path, names);
            names ??= df.Columns.Where(c => c is DoubleDataFrameColumn).Select(c => c.Name).ToArray();
            if (names.Length < 2) throw new CliError($"{path}: {names.Length} numeric column(s) ({string.Join(", ", names)}); correlation needs at least 2.");
            var dup = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(gr => gr.Count() > 1);
            if (dup is not null) throw new CliError($"--columns names '{dup.Key}' twice.");
            CorrelationMatrix m;
            try { m = CorrelationMatrix.Compute(names.Select(n => (n, (IReadOnlyList<double>)CsvTable.NumericColumn(df, n, path))).ToList()); }
            catch (ArgumentException ex) { throw new CliError($"{path}: {ex.Message.Split(" (Parameter")[0]}"); }
            int k = names.Length;
            var result = new CorrelateOutput(names,
                Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Select(j => m.R[i, j]).ToArray()).ToArray(),
                Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Select(j => m.P[i, j]).ToArray()).ToArray());
            if (pr.GetValue(json)) { JsonOutput.Write(result); return 0; }
            var console = DiversityCommand.TextConsole();
            console.WriteLine("Pearson r (lower triangle: pairwise complete observations) and two-sided p (upper triangle):");
            var t = new Table().AddColumn("");
            foreach (var n in names) t.AddColumn(Markup.Escape(n));
            for (int i = 0; i < k; i++)
                t.AddRow([Markup.Escape(names[i]), .. Enumerable.Range(0, k).Select(j =>
                    i == j ? "1" : i > j ? DiversityCommand.Num(m.R[i, j]) : m.P[i, j] is double p ? AnovaCommand.P(p) : "NA")]);
            console.Write(t);
            return 0;
        });
        return cmd;
    }

    private sealed record CorrelateOutput(
        [property: JsonPropertyName("columns")] string[] Columns,
        [property: JsonPropertyName("r")] double?[][] R,
        [property: JsonPropertyName("p")] double?[][] P);
}
