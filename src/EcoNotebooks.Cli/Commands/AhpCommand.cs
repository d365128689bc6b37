using System.CommandLine;
using System.Globalization;
using System.Text;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Tables;
using EcoNotebooks.Weighting;
using Spectre.Console;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb ahp MATRIX.csv [--json] [--method geometric|eigen]</c>: AHP weights and consistency of a pairwise
/// comparison matrix. CSV: header = (blank or any label), then the column labels; each following row = row label,
/// then n cells. Cells are numbers or fractions such as <c>1/3</c>.
/// JSON: <c>{"weights":[...], "lambda_max", "ci", "cr"}</c>, weights in row order. A non-reciprocal matrix is an
/// error naming the cell.
/// </summary>
public sealed class AhpCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("MATRIX") { Description = "CSV pairwise comparison matrix: first column = row labels, header = blank + column labels." };
        var json = CommonOptions.Json();
        var method = new Option<string>("--method") { Description = "Weighting: geometric (row geometric mean, default) or eigen (principal eigenvector).", DefaultValueFactory = _ => "geometric" };
        method.AcceptOnlyFromAmong("geometric", "eigen");
        var cmd = new Command("ahp", "AHP weights, lambda_max, CI and CR of a pairwise comparison matrix.") { file, json, method };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            var (labels, matrix) = ReadMatrix(path);
            var m = pr.GetValue(method) == "eigen" ? AhpMethod.Eigenvector : AhpMethod.GeometricMean;
            AhpResult r;
            try { r = Ahp.Compute(matrix, m, labels); }
            catch (ArgumentException e) { throw new CliError($"{path}: {e.Message.Split(" (Parameter")[0]}"); }
            if (pr.GetValue(json))
                JsonOutput.Write(new Dictionary<string, object?>
                {
                    ["weights"] = r.Weights, ["lambda_max"] = r.LambdaMax, ["ci"] = r.ConsistencyIndex, ["cr"] = r.ConsistencyRatio,
                });
            else
            {
                var t = new Table().AddColumns("indicator", "weight");
                for (int i = 0; i < labels.Length; i++) t.AddRow(Markup.Escape(labels[i]), r.Weights[i].ToString("F6", CultureInfo.InvariantCulture));
                AnsiConsole.Write(t);
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"lambda_max = {r.LambdaMax:F6}, CI = {r.ConsistencyIndex:F6}, RI = {r.RandomIndex:F2}, CR = {r.ConsistencyRatio:F6} ({(r.IsAcceptable ? "acceptable, CR < 0.1" : "not acceptable, CR >= 0.1")})"));
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>Reads a labelled square matrix; errors name file, line and column.</summary>
    public static (string[] Labels, double[,] Matrix) ReadMatrix(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8)
            .Select((text, i) => (Line: i + 1, Fields: SplitCsv(text)))
            .Where(l => !(l.Fields.Length == 1 && l.Fields[0].Length == 0))
            .ToList();
        if (lines.Count == 0) throw new IO.FileFormatException(path, "file is empty; expected a header row with the column labels.");
        var header = lines[0];
        int n = header.Fields.Length - 1;
        if (n < 1) throw new IO.FileFormatException(path, "the header needs a first (label) cell and at least one column label.", header.Line);
        int rows = lines.Count - 1;
        if (rows != n) throw new IO.FileFormatException(path, $"the matrix must be square: {n} column label(s) but {rows} data row(s).", lines[^1].Line);
        var labels = new string[n];
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            var (line, f) = lines[i + 1];
            if (f.Length != n + 1) throw new IO.FileFormatException(path, $"row has {f.Length} fields but the header has {n + 1}.", line, Math.Min(f.Length, n + 1) + 1);
            labels[i] = f[0].Length > 0 ? f[0] : header.Fields[i + 1];
            for (int j = 0; j < n; j++)
            {
                if (!TryParseCell(f[j + 1], out double v))
                    throw new IO.FileFormatException(path, $"cell '{f[j + 1]}' is not a number or fraction (e.g. 3 or 1/3).", line, j + 2);
                a[i, j] = v;
            }
        }
        return (labels, a);
    }

    private static bool TryParseCell(string s, out double v)
    {
        s = s.Trim();
        int slash = s.IndexOf('/');
        if (slash < 0) return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);
        v = double.NaN;
        if (!double.TryParse(s[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out double num)
            || !double.TryParse(s[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double den)) return false;
        v = num / den;
        return true;
    }

    private static string[] SplitCsv(string line)
    {
        if (line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool q = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (q)
            {
                if (c == '"') { if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; } else q = false; }
                else sb.Append(c);
            }
            else if (c == '"') q = true;
            else if (c == ',') { fields.Add(sb.ToString().Trim()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString().Trim());
        return fields.ToArray();
    }
}
