using System.CommandLine;
using System.Globalization;
using EcoNotebooks.Classification;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Tables;
using Spectre.Console;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb breaks FILE.csv --column COL --classes K [--method fisher|jenks|quantile|equal] [--json]</c>: class
/// breaks of one numeric column as R's <c>classInt::classIntervals(x, K, style)</c>. Missing cells are ignored.
/// JSON: <c>{"breaks":[K+1 values, min … max], "counts":[K counts]}</c>. Default method: fisher (natural breaks).
/// </summary>
public sealed class BreaksCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV table with a header row." };
        var json = CommonOptions.Json();
        var column = new Option<string>("--column") { Description = "Numeric column to classify.", Required = true };
        var classes = new Option<int>("--classes") { Description = "Number of classes K (2 ≤ K ≤ distinct values).", DefaultValueFactory = _ => 5 };
        var method = new Option<string>("--method") { Description = "fisher (Fisher-Jenks optimum, default), jenks (classInt's jenks), quantile (type 7) or equal.", DefaultValueFactory = _ => "fisher" };
        method.AcceptOnlyFromAmong("fisher", "jenks", "quantile", "equal");
        var cmd = new Command("breaks", "Class breaks (natural breaks, quantile, equal interval) and counts of a CSV column, as R classInt.") { file, json, column, classes, method };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            string col = pr.GetValue(column) ?? throw new CliError("missing --column.");
            int k = pr.GetValue(classes);
            var m = pr.GetValue(method) switch
            {
                "jenks" => BreaksMethod.Jenks,
                "quantile" => BreaksMethod.Quantile,
                "equal" => BreaksMethod.Equal,
                _ => BreaksMethod.Fisher,
            };
            var df = CsvTable.Read(path, [col]);
            var x = CsvTable.NumericColumn(df, col, path);
            ClassIntervals ci;
            try { ci = ClassBreaks.Compute(x, k, m); }
            catch (ArgumentException e) { throw new CliError($"{path}: column '{col}': {e.Message.Split(" (Parameter")[0]}"); }
            if (pr.GetValue(json))
                JsonOutput.Write(new Dictionary<string, object?> { ["breaks"] = ci.Breaks, ["counts"] = ci.Counts });
            else
            {
                var t = new Table().AddColumns("class", "from", "to", "count");
                for (int i = 0; i < ci.ClassCount; i++)
                    t.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), ci.Breaks[i].ToString("G8", CultureInfo.InvariantCulture),
                        ci.Breaks[i + 1].ToString("G8", CultureInfo.InvariantCulture), ci.Counts[i].ToString(CultureInfo.InvariantCulture));
                AnsiConsole.Write(t);
                AnsiConsole.WriteLine($"method {m.ToString().ToLowerInvariant()}{(ci.UniqueValues ? " (K = distinct values: one class per value)" : "")}, intervals {(ci.Closure == IntervalClosure.Left ? "[a, b)" : "(a, b]")}");
            }
            return 0;
        });
        return cmd;
    }
}
