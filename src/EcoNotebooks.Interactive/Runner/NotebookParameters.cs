using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>
/// Notebook parameters, papermill's convention: the first code cell tagged <c>parameters</c> holds the defaults
/// (in .dib files, which have no cell tags, the first C# cell whose first line is <c>// parameters</c>); a run with
/// <c>-p name=value</c> inserts a cell tagged <c>injected-parameters</c> right after it that redeclares the named
/// variables. Values are typed from the text: integers → int, other numbers → double, true/false → bool, a JSON array
/// → an array (int[], double[], bool[] or string[]), anything else → string. When the parameters cell declares the
/// variable with an explicit type (<c>double alpha = 0.05;</c>) that type is used, so <c>-p alpha=1</c> stays a double.
/// </summary>
public static class NotebookParameters
{
    /// <summary>Tag of the defaults cell.</summary>
    public const string Tag = "parameters";
    /// <summary>Tag of the inserted override cell.</summary>
    public const string InjectedTag = "injected-parameters";
    /// <summary>First-line comment that marks the parameters cell in .dib files.</summary>
    public const string Comment = "// parameters";

    /// <summary>True when the first non-empty line of <paramref name="source"/> is the <c>// parameters</c> comment.</summary>
    public static bool HasParametersComment(string source)
    {
        var first = source.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return first is not null && (first.Equals(Comment, StringComparison.OrdinalIgnoreCase) || first.StartsWith(Comment + " ", StringComparison.OrdinalIgnoreCase) || first.StartsWith(Comment + ":", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses "name=value" pairs (name a C# identifier); the last occurrence of a name wins.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParsePairs(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            int eq = p.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"Parameter '{p}' must be name=value.", nameof(pairs));
            var name = p[..eq].Trim();
            if (!SyntaxFacts.IsValidIdentifier(name)) throw new ArgumentException($"Parameter name '{name}' in '{p}' is not a valid C# identifier.", nameof(pairs));
            result[name] = p[(eq + 1)..];
        }
        return result.ToList();
    }

    /// <summary>Index of the parameters cell, or -1.</summary>
    public static int FindParametersCell(NotebookDocument doc)
    {
        for (int i = 0; i < doc.Cells.Count; i++)
        {
            var c = doc.Cells[i];
            if (c.Kind == CellKind.Code && (c.Tags.Contains(Tag) || HasParametersComment(c.Source))) return i;
        }
        return -1;
    }

    /// <summary>Variables declared in a parameters cell and their declared C# type ("var" when implicit).</summary>
    public static IReadOnlyDictionary<string, string> DeclaredTypes(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var decl in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            if (decl.Parent is not (LocalDeclarationStatementSyntax or FieldDeclarationSyntax)) continue;
            foreach (var v in decl.Variables) result[v.Identifier.Text] = decl.Type.ToString();
        }
        return result;
    }

    /// <summary>
    /// Inserts the override cell after the parameters cell. Returns the cell, or null when <paramref name="pairs"/> is
    /// empty. Throws <see cref="ArgumentException"/> when the notebook has no parameters cell.
    /// </summary>
    /// <param name="doc">The notebook (modified).</param>
    /// <param name="pairs">Parsed name/value pairs.</param>
    /// <param name="warnings">Receives a line for each name the parameters cell does not declare.</param>
    public static NotebookCell? Inject(NotebookDocument doc, IReadOnlyList<KeyValuePair<string, string>> pairs, IList<string>? warnings = null)
    {
        if (pairs.Count == 0) return null;
        int at = FindParametersCell(doc);
        if (at < 0) throw new ArgumentException($"the notebook has no parameters cell (a code cell tagged '{Tag}', or starting with '{Comment}'), so -p {pairs[0].Key}=… cannot be applied.");
        var declared = DeclaredTypes(doc.Cells[at].Source);
        var sb = new StringBuilder("// Parameters injected by econb reproduce -p\n");
        foreach (var (name, value) in pairs)
        {
            if (!declared.TryGetValue(name, out var type)) { warnings?.Add($"parameter '{name}' is not declared in the parameters cell; injecting it anyway."); type = "var"; }
            sb.Append(Declaration(name, value, type)).Append('\n');
        }
        var cell = new NotebookCell(CellKind.Code, sb.ToString().TrimEnd('\n'), doc.Cells[at].Language);
        cell.Tags.Add(InjectedTag);
        doc.Cells.Insert(at + 1, cell);
        return cell;
    }

    /// <summary>One C# declaration "TYPE name = literal;" for a parameter value (see the class remarks for typing).</summary>
    public static string Declaration(string name, string value, string declaredType = "var")
    {
        var (literal, inferred) = Literal(value, ElementTypeOf(declaredType));
        string type = declaredType == "var" ? inferred : declaredType;
        return $"{type} {name} = {literal};";
    }

    private static string? ElementTypeOf(string declaredType) =>
        declaredType.EndsWith("[]", StringComparison.Ordinal) ? declaredType[..^2].Trim() : null;

    /// <summary>C# literal and inferred type for a parameter value.</summary>
    internal static (string Literal, string Type) Literal(string value, string? arrayElementType = null)
    {
        var v = value.Trim();
        if (v.StartsWith('[') && v.EndsWith(']'))
        {
            try
            {
                using var json = JsonDocument.Parse(v);
                var items = json.RootElement.EnumerateArray().ToArray();
                string elem = arrayElementType ?? InferElement(items);
                var lits = items.Select(i => ScalarLiteral(i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText(), elem));
                return ($"new {elem}[] {{ {string.Join(", ", lits)} }}", elem + "[]");
            }
            catch (JsonException) { /* not JSON: a string */ }
        }
        if (v is "true" or "false") return (v, "bool");
        if (int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return (v, "int");
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return (Double(d), "double");
        return (SymbolDisplay.FormatLiteral(value, quote: true), "string");
    }

    private static string InferElement(JsonElement[] items)
    {
        if (items.Length > 0 && items.All(i => i.ValueKind is JsonValueKind.True or JsonValueKind.False)) return "bool";
        if (items.Length > 0 && items.All(i => i.ValueKind == JsonValueKind.Number))
            return items.All(i => i.TryGetInt32(out _)) ? "int" : "double";
        return "string";
    }

    private static string ScalarLiteral(string text, string type) => type switch
    {
        "double" or "float" or "decimal" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) =>
            Double(d) + (type == "float" ? "f" : type == "decimal" ? "m" : ""),
        "int" or "long" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l.ToString(CultureInfo.InvariantCulture),
        "bool" when text is "true" or "false" => text,
        "string" => SymbolDisplay.FormatLiteral(text, quote: true),
        _ => throw new ArgumentException($"Array element '{text}' is not a valid {type}."),
    };

    private static string Double(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
