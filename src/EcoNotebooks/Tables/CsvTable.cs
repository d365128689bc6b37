using System.Globalization;
using System.Text;
using EcoNotebooks.IO;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Tables;

/// <summary>
/// Reads and writes comma-separated tables (RFC 4180 quoting, first row = header, invariant culture, '.' decimal point)
/// to and from <see cref="DataFrame"/>. A column is numeric (<see cref="DoubleDataFrameColumn"/>) when every non-empty
/// cell parses as a number; empty cells, "NA", "NaN" and "null" are missing. Errors name file, line and column.
/// </summary>
public static class CsvTable
{
    private static readonly HashSet<string> MissingTokens = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "NaN", "null", "nan" };

    /// <summary>Reads a CSV file into a DataFrame.</summary>
    /// <param name="path">File path.</param>
    /// <param name="numericColumns">Columns that must be numeric: a text cell in one of them is an error naming line and column.</param>
    /// <param name="separator">Field separator, ',' by default.</param>
    public static DataFrame Read(string path, IEnumerable<string>? numericColumns = null, char separator = ',')
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, numericColumns, separator);
    }

    /// <summary>Reads CSV text; <paramref name="sourceName"/> is used in error messages.</summary>
    public static DataFrame Read(TextReader reader, string sourceName, IEnumerable<string>? numericColumns = null, char separator = ',')
    {
        var rows = new List<(int Line, string[] Fields)>();
        int lineNo = 0;
        string[]? header = null;
        int headerLine = 0;
        foreach (var (line, fields) in ParseRecords(reader, sourceName, separator))
        {
            lineNo = line;
            if (fields.Length == 1 && fields[0].Length == 0) continue; // blank line
            if (header is null) { header = fields.Select(f => f.Trim()).ToArray(); headerLine = line; continue; }
            if (fields.Length != header.Length)
                throw new FileFormatException(sourceName, $"row has {fields.Length} fields but the header has {header.Length}.", line, Math.Min(fields.Length, header.Length) + 1);
            rows.Add((line, fields));
        }
        if (header is null) throw new FileFormatException(sourceName, "file is empty; expected a header row.");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0) throw new FileFormatException(sourceName, $"header field {c + 1} is empty.", headerLine, c + 1);
            if (seen.TryGetValue(header[c], out int first))
                throw new FileFormatException(sourceName, $"duplicate column name '{header[c]}' (also column {first + 1}).", headerLine, c + 1);
            seen[header[c]] = c;
        }
        var required = new HashSet<string>(numericColumns ?? [], StringComparer.Ordinal);
        foreach (var name in required)
            if (!seen.ContainsKey(name)) throw new FileFormatException(sourceName, $"missing column '{name}'; columns are {string.Join(", ", header)}.", headerLine);

        var df = new DataFrame();
        for (int c = 0; c < header.Length; c++)
        {
            bool numeric = true;
            int badLine = 0; string badValue = "";
            foreach (var (line, f) in rows)
            {
                string cell = f[c].Trim();
                if (MissingTokens.Contains(cell)) continue;
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) { numeric = false; badLine = line; badValue = cell; break; }
            }
            if (!numeric && required.Contains(header[c]))
                throw new FileFormatException(sourceName, $"column '{header[c]}' must be numeric but has '{badValue}'.", badLine, c + 1);
            if (numeric && rows.Count > 0)
            {
                var col = new DoubleDataFrameColumn(header[c], rows.Count);
                for (int r = 0; r < rows.Count; r++)
                {
                    string cell = rows[r].Fields[c].Trim();
                    col[r] = MissingTokens.Contains(cell) ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
                df.Columns.Add(col);
            }
            else
            {
                var col = new StringDataFrameColumn(header[c], rows.Count);
                for (int r = 0; r < rows.Count; r++) col[r] = rows[r].Fields[c];
                df.Columns.Add(col);
            }
        }
        return df;
    }

    /// <summary>The first column of <paramref name="df"/> whose name equals one of <paramref name="names"/> (case-insensitive, in the order of the columns); null if none.</summary>
    public static string? FindColumn(DataFrame df, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(df);
        return df.Columns.Select(c => c.Name).FirstOrDefault(n => names.Any(o => string.Equals(n, o, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Values of a numeric column as doubles (missing → NaN), with an error naming the column when absent or not numeric.</summary>
    public static double[] NumericColumn(DataFrame df, string name, string sourceName = "table")
    {
        ArgumentNullException.ThrowIfNull(df);
        if (!df.Columns.Any(c => c.Name == name))
            throw new ArgumentException($"{sourceName}: missing column '{name}'; columns are {string.Join(", ", df.Columns.Select(c => c.Name))}.");
        var col = df.Columns[name];
        if (col is DoubleDataFrameColumn d) return Enumerable.Range(0, (int)d.Length).Select(i => d[i] ?? double.NaN).ToArray();
        if (col is PrimitiveDataFrameColumn<float> f) return Enumerable.Range(0, (int)f.Length).Select(i => (double?)f[i] ?? double.NaN).ToArray();
        if (col is PrimitiveDataFrameColumn<int> n) return Enumerable.Range(0, (int)n.Length).Select(i => (double?)n[i] ?? double.NaN).ToArray();
        var bad = Enumerable.Range(0, (int)col.Length).Select(i => col[i]?.ToString()).FirstOrDefault(s => s is not null && !MissingTokens.Contains(s.Trim()) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        throw new ArgumentException($"{sourceName}: column '{name}' must be numeric but has '{bad}'.");
    }

    /// <summary>Values of any column as strings (missing → empty).</summary>
    public static string[] TextColumn(DataFrame df, string name, string sourceName = "table")
    {
        ArgumentNullException.ThrowIfNull(df);
        if (!df.Columns.Any(c => c.Name == name))
            throw new ArgumentException($"{sourceName}: missing column '{name}'; columns are {string.Join(", ", df.Columns.Select(c => c.Name))}.");
        var col = df.Columns[name];
        return Enumerable.Range(0, (int)col.Length).Select(i => col[i] is double v ? v.ToString("R", CultureInfo.InvariantCulture) : col[i]?.ToString() ?? "").ToArray();
    }

    /// <summary>Writes a DataFrame as CSV atomically (numbers in round-trip form, missing as empty).</summary>
    public static void Write(DataFrame df, string path)
    {
        ArgumentNullException.ThrowIfNull(df);
        AtomicFile.Write(path, (string tmp) =>
        {
            using var w = new StreamWriter(tmp, false, new UTF8Encoding(false));
            Write(df, w);
        });
    }

    /// <summary>Writes a DataFrame as CSV text.</summary>
    public static void Write(DataFrame df, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(df);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(",", df.Columns.Select(c => Quote(c.Name))));
        writer.Write('\n');
        for (long r = 0; r < df.Rows.Count; r++)
        {
            for (int c = 0; c < df.Columns.Count; c++)
            {
                if (c > 0) writer.Write(',');
                object? v = df.Columns[c][r];
                writer.Write(v switch
                {
                    null => "",
                    double d => double.IsNaN(d) ? "" : d.ToString("R", CultureInfo.InvariantCulture),
                    float f => float.IsNaN(f) ? "" : f.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable fo => Quote(fo.ToString(null, CultureInfo.InvariantCulture)),
                    _ => Quote(v.ToString() ?? ""),
                });
            }
            writer.Write('\n');
        }
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Splits CSV text into records with their starting line numbers (RFC 4180: quoted fields may contain separators, quotes as "", and newlines).</summary>
    internal static IEnumerable<(int Line, string[] Fields)> ParseRecords(TextReader reader, string sourceName, char separator)
    {
        int line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            int startLine = line;
            var fields = new List<string>();
            var sb = new StringBuilder();
            bool inQuotes = false;
            int i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (!inQuotes) break;
                    string? next = reader.ReadLine();
                    if (next is null) throw new FileFormatException(sourceName, "unterminated quoted field at end of file.", startLine, fields.Count + 1);
                    line++;
                    sb.Append('\n');
                    text = next; i = 0;
                    continue;
                }
                char ch = text[i];
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        inQuotes = false; i++; continue;
                    }
                    sb.Append(ch); i++;
                }
                else if (ch == '"' && sb.ToString().Trim().Length == 0) { sb.Clear(); inQuotes = true; i++; }
                else if (ch == separator) { fields.Add(sb.ToString()); sb.Clear(); i++; }
                else { sb.Append(ch); i++; }
            }
            fields.Add(sb.ToString());
            if (startLine == 1 && fields.Count > 0 && fields[0].Length > 0 && fields[0][0] == '\uFEFF') fields[0] = fields[0][1..];
            yield return (startLine, fields.ToArray());
        }
    }
}
