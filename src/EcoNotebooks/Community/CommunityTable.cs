using System.Globalization;
using System.Text;
using EcoNotebooks.IO;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Community;

/// <summary>
/// A plot × species abundance table (vegan's community matrix): one row per plot, one column per species, each cell
/// a count or other non-negative abundance (cover, biomass). Every cell must be a finite number ≥ 0; there is no
/// missing value in a community table (write 0 for an absent species).
/// </summary>
public sealed class CommunityTable
{
    private readonly double[,] _counts;

    /// <summary>Creates a table, validating every cell.</summary>
    /// <param name="plots">Plot identifiers (distinct), one per row.</param>
    /// <param name="species">Species names (distinct), one per column.</param>
    /// <param name="counts">Abundances [plot, species]: finite and ≥ 0.</param>
    /// <exception cref="ArgumentException">Shapes disagree, a name repeats, or a count is negative or not finite (the
    /// message names the plot and species and repeats the value).</exception>
    public CommunityTable(IReadOnlyList<string> plots, IReadOnlyList<string> species, double[,] counts)
    {
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != plots.Count || counts.GetLength(1) != species.Count)
            throw new ArgumentException($"counts is {counts.GetLength(0)}×{counts.GetLength(1)} but there are {plots.Count} plots and {species.Count} species.", nameof(counts));
        if (plots.Count == 0) throw new ArgumentException("the table has no plots.", nameof(plots));
        if (species.Count == 0) throw new ArgumentException("the table has no species.", nameof(species));
        CheckDistinct(plots, "plot", nameof(plots));
        CheckDistinct(species, "species", nameof(species));
        for (int i = 0; i < plots.Count; i++)
            for (int j = 0; j < species.Count; j++)
            {
                double v = counts[i, j];
                if (!double.IsFinite(v) || v < 0)
                    throw new ArgumentException($"plot '{plots[i]}', species '{species[j]}': count {v.ToString("R", CultureInfo.InvariantCulture)} is {(double.IsFinite(v) ? "negative" : "not finite")}; counts must be finite and ≥ 0.", nameof(counts));
            }
        Plots = plots.ToArray();
        Species = species.ToArray();
        _counts = (double[,])counts.Clone();
    }

    /// <summary>Plot identifiers, in row order.</summary>
    public IReadOnlyList<string> Plots { get; }

    /// <summary>Species names, in column order.</summary>
    public IReadOnlyList<string> Species { get; }

    /// <summary>Abundance of species <paramref name="species"/> in plot <paramref name="plot"/> (0-based indices).</summary>
    public double this[int plot, int species] => _counts[plot, species];

    /// <summary>The abundances of one plot (a copy), in species order.</summary>
    public double[] Row(int plot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(plot, Plots.Count);
        var row = new double[Species.Count];
        for (int j = 0; j < row.Length; j++) row[j] = _counts[plot, j];
        return row;
    }

    /// <summary>
    /// Reads a CSV community table: header = plot-id column name (may be empty, as R's <c>write.csv</c> writes it) then
    /// species names; each row = plot identifier (kept exactly as written, e.g. "01") then one count per species.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FileFormatException">Malformed CSV, or a count that is missing, not a number, negative or not
    /// finite (file:line:column, plot and species named).</exception>
    public static CommunityTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text (see <see cref="Read(string)"/>); <paramref name="sourceName"/> is used in messages.</summary>
    public static CommunityTable Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string[]? header = null;
        int headerLine = 0;
        var plots = new List<string>();
        var rows = new List<double[]>();
        var seenPlots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in CsvTable.ParseRecords(reader, sourceName, ','))
        {
            if (fields.Length == 1 && fields[0].Length == 0) continue;
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                headerLine = line;
                if (header.Length < 2) throw new FileFormatException(sourceName, "a community table needs a plot column and at least one species column.", line);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int c = 0; c < header.Length; c++)
                {
                    if (header[c].Length == 0 && c == 0) continue; // R's write.csv(row.names = TRUE) leaves the id column unnamed
                    if (header[c].Length == 0) throw new FileFormatException(sourceName, $"header field {c + 1} is empty.", line, c + 1);
                    if (!seen.Add(header[c])) throw new FileFormatException(sourceName, $"duplicate column name '{header[c]}'.", line, c + 1);
                }
                continue;
            }
            if (fields.Length != header.Length)
                throw new FileFormatException(sourceName, $"row has {fields.Length} fields but the header has {header.Length}.", line, Math.Min(fields.Length, header.Length) + 1);
            string plot = fields[0];
            if (plot.Trim().Length == 0) throw new FileFormatException(sourceName, "plot identifier is empty.", line, 1);
            if (seenPlots.TryGetValue(plot, out int firstLine)) throw new FileFormatException(sourceName, $"plot '{plot}' appears twice (also line {firstLine}).", line, 1);
            seenPlots[plot] = line;
            var row = new double[header.Length - 1];
            for (int c = 1; c < header.Length; c++)
            {
                string cell = fields[c].Trim();
                string where = $"plot '{plot}', species '{header[c]}'";
                if (cell.Length == 0 || cell.Equals("NA", StringComparison.OrdinalIgnoreCase))
                    throw new FileFormatException(sourceName, $"{where}: count is missing; write 0 for an absent species.", line, c + 1);
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new FileFormatException(sourceName, $"{where}: count '{cell}' is not a number.", line, c + 1);
                if (!double.IsFinite(v)) throw new FileFormatException(sourceName, $"{where}: count '{cell}' is not finite.", line, c + 1);
                if (v < 0) throw new FileFormatException(sourceName, $"{where}: count {cell} is negative; counts must be ≥ 0.", line, c + 1);
                row[c - 1] = v;
            }
            plots.Add(plot);
            rows.Add(row);
        }
        if (header is null) throw new FileFormatException(sourceName, "file is empty; expected a header row.");
        if (rows.Count == 0) throw new FileFormatException(sourceName, "the table has no plots (only a header).", headerLine);
        var counts = new double[rows.Count, header.Length - 1];
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < header.Length - 1; j++) counts[i, j] = rows[i][j];
        return new CommunityTable(plots, header[1..], counts);
    }

    private static void CheckDistinct(IReadOnlyList<string> names, string what, string param)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in names)
        {
            ArgumentNullException.ThrowIfNull(s, param);
            if (!seen.Add(s)) throw new ArgumentException($"{what} '{s}' appears twice.", param);
        }
    }
}
