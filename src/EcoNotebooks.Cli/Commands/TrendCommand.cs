using System.CommandLine;
using System.Globalization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Tables;
using EcoNotebooks.Trends;
using Microsoft.Data.Analysis;
using Spectre.Console;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb trend FILE.csv [--json] [--z-significant 1.96] [--z-slight 1.645] [--slope-tolerance 0] [--no-continuity-correction]</c>:
/// Sen slope + Mann–Kendall trend of every row of a wide table (first column = id, then one numeric column per year,
/// headers are the years). Empty/NA cells are missing and dropped (the other years keep their times).
/// JSON: <c>{"series":[{"id","sen_slope","mk_s","mk_z","p","class"}]}</c> with class one of
/// significant_increase, slightly_significant_increase, no_significant_increase, no_change,
/// no_significant_decrease, slightly_significant_decrease, significant_decrease.
/// </summary>
public sealed class TrendCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV: first column = series id, then one column per year (numeric headers, e.g. 2021,2022,...)." };
        var json = CommonOptions.Json();
        var zSig = new Option<double>("--z-significant") { Description = "|Z| at or above which a trend is significant.", DefaultValueFactory = _ => 1.96 };
        var zSlight = new Option<double>("--z-slight") { Description = "|Z| at or above which a trend is slightly significant.", DefaultValueFactory = _ => 1.645 };
        var tol = new Option<double>("--slope-tolerance") { Description = "Sen slopes with |slope| below this are 'no_change' (slope = 0 always is).", DefaultValueFactory = _ => 0.0 };
        var noCc = new Option<bool>("--no-continuity-correction") { Description = "Z = S/sqrt(Var S) instead of (S ∓ 1)/sqrt(Var S)." };
        var cmd = new Command("trend", "Sen slope and Mann–Kendall trend class of each row of a year-wide CSV table.") { file, json, zSig, zSlight, tol, noCc };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            var options = new TrendOptions
            {
                ZSignificant = pr.GetValue(zSig), ZSlight = pr.GetValue(zSlight), SlopeTolerance = pr.GetValue(tol),
                ContinuityCorrection = !pr.GetValue(noCc),
            };
            var rows = Run(path, options);
            if (pr.GetValue(json)) JsonOutput.Write(new Dictionary<string, object?> { ["series"] = rows });
            else
            {
                var t = new Table().AddColumns("id", "sen_slope", "mk_s", "mk_z", "p", "class");
                foreach (var r in rows)
                    t.AddRow(Markup.Escape(r.Id), G(r.SenSlope), G(r.MkS), G(r.MkZ), G(r.P), r.Class);
                AnsiConsole.Write(t);
            }
            return 0;
        });
        return cmd;
    }

    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>One output row.</summary>
    public sealed record TrendRow(string Id, double SenSlope, double MkS, double MkZ, double P, string Class);

    /// <summary>Reads the table and computes the trend of each row.</summary>
    public static IReadOnlyList<TrendRow> Run(string path, TrendOptions options)
    {
        var analysis = new TrendAnalysis(options);
        var header = CsvTable.Read(path);
        var names = header.Columns.Select(c => c.Name).ToArray();
        if (names.Length < 4)
            throw new CliError($"{path}: {names.Length - 1} year column(s); a trend needs at least 3 years (first column = id, then one column per year).");
        var years = new (string Name, double Year)[names.Length - 1];
        for (int c = 1; c < names.Length; c++)
        {
            if (!double.TryParse(names[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double y) || !double.IsFinite(y))
                throw new CliError($"{path}: column header '{names[c]}' (column {c + 1}) is not a year; headers after the id column must be numeric times.");
            years[c - 1] = (names[c], y);
        }
        var dup = years.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new CliError($"{path}: year {dup.Key.ToString(CultureInfo.InvariantCulture)} appears in more than one column.");
        Array.Sort(years, (a, b) => a.Year.CompareTo(b.Year));
        DataFrame df = CsvTable.Read(path, years.Select(y => y.Name)); // numeric check with file:line:col errors
        if (df.Rows.Count == 0) throw new CliError($"{path}: no data rows.");
        var ids = CsvTable.TextColumn(df, names[0], path);
        var cols = years.Select(y => CsvTable.NumericColumn(df, y.Name, path)).ToArray();
        var times = years.Select(y => y.Year).ToArray();
        var result = new List<TrendRow>(ids.Length);
        for (int r = 0; r < ids.Length; r++)
        {
            var values = cols.Select(c => c[r]).ToArray();
            int valid = values.Count(v => !double.IsNaN(v));
            if (valid < options.MinimumCount)
                throw new CliError($"{path}: series '{ids[r]}' (data row {r + 1}) has {valid} non-missing value(s); a trend needs at least {options.MinimumCount}.");
            var st = analysis.Analyze(times, values);
            result.Add(new TrendRow(ids[r], st.SenSlope, st.S, st.Z, st.P, st.Class.ToSnakeName()));
        }
        return result;
    }
}
