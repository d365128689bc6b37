using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>
/// Turns a notebook into a C# file-based app (.NET 10, <c>dotnet run X.cs</c>) that writes the notebook's figures,
/// tables and text to one HTML page through <see cref="FileApp"/>. Conversion rules: the bootstrap <c>#load</c> is
/// replaced by a <c>#:project</c> reference to EcoNotebooks.Interactive; <c>#r "nuget: Name, Version"</c> becomes
/// <c>#:package Name@Version</c>; <c>using</c> directives move to the top and type declarations to the end; script
/// methods become local functions; a cell's trailing expression (the value a notebook shows) becomes
/// <c>FileApp.Display(…)</c>; markdown cells become <c>FileApp.Markdown(…)</c>; cells of other languages are kept as
/// comments. Known limit: a variable declared again in a later cell (legal in notebooks) must be renamed by hand.
/// </summary>
public static partial class NotebookExporter
{
    private static readonly string[] KernelUsings = ["System", "System.Collections", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks"];

    [GeneratedRegex("^\\s*#r\\s+\"nuget:\\s*([^,\"]+?)\\s*(?:,\\s*([^\"]+?))?\\s*\"\\s*$")]
    private static partial Regex NugetDirective();

    /// <summary>The .cs text for <paramref name="doc"/>, to be saved at <paramref name="csPath"/>.</summary>
    /// <param name="doc">The notebook.</param>
    /// <param name="notebookPath">Path of the notebook (its folder becomes the app's working directory).</param>
    /// <param name="csPath">Where the .cs file will be written (relative paths in the directives are computed from it).</param>
    /// <param name="warnings">Receives a line per construct that could not be converted.</param>
    public static string ToFileApp(NotebookDocument doc, string notebookPath, string csPath, IList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        string csDir = Path.GetDirectoryName(Path.GetFullPath(csPath))!;
        string nbDir = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        string root = Notebook.FindRepositoryRoot(nbDir)
            ?? throw new ArgumentException($"{notebookPath}: no EcoNotebooks.sln above the notebook, so the library project cannot be referenced.", nameof(notebookPath));
        string project = Path.GetRelativePath(csDir, Path.Combine(root, "src", "EcoNotebooks.Interactive", "EcoNotebooks.Interactive.csproj")).Replace('\\', '/');

        var packages = new List<string>();
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var u in KernelUsings) usings.Add($"using {u};");
        usings.Add("using EcoNotebooks.Interactive;");
        usings.Add("using static EcoNotebooks.Interactive.FileApp;");
        var body = new StringBuilder();
        var types = new StringBuilder();
        string title = Path.GetFileNameWithoutExtension(notebookPath);
        int cellNo = 0;
        foreach (var cell in doc.Cells)
        {
            cellNo++;
            if (cell.Kind == CellKind.Raw) continue;
            if (cell.Kind == CellKind.Markdown)
            {
                var heading = cell.Source.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
                if (heading is not null && cellNo <= 2) title = heading[2..].Trim();
                body.Append($"// ---- cell {cellNo} (markdown)\nMarkdown({RawString(cell.Source)});\n\n");
                continue;
            }
            body.Append($"// ---- cell {cellNo}{(cell.Tags.Count > 0 ? " [" + string.Join(", ", cell.Tags) + "]" : "")}\n");
            var code = new StringBuilder();
            string language = cell.Language;
            foreach (var line in cell.Source.Replace("\r\n", "\n").Split('\n'))
            {
                var t = line.Trim();
                if (t.StartsWith("#!", StringComparison.Ordinal)) { language = t == "#!csharp" || t == "#!c#" ? "csharp" : t[2..]; code.Append('\n'); continue; }
                if (language != "csharp") { code.Append("// ").Append(line).Append('\n'); continue; }
                if (t.StartsWith("#load", StringComparison.Ordinal) && t.Contains("_bootstrap.csx", StringComparison.Ordinal)) { code.Append('\n'); continue; }
                var m = NugetDirective().Match(line);
                if (m.Success)
                {
                    string version = m.Groups[2].Success ? m.Groups[2].Value.Trim() : "*";
                    packages.Add($"#:package {m.Groups[1].Value.Trim()}@{version}");
                    code.Append('\n'); continue;
                }
                if (t.StartsWith("#r", StringComparison.Ordinal) || t.StartsWith("#i", StringComparison.Ordinal) || t.StartsWith("#load", StringComparison.Ordinal))
                {
                    warnings?.Add($"cell {cellNo}: '{t}' has no file-based-app equivalent; left as a comment.");
                    code.Append("// ").Append(line).Append('\n'); continue;
                }
                code.Append(line).Append('\n');
            }
            if (cell.Language != "csharp") warnings?.Add($"cell {cellNo}: {cell.Language} cell kept as a comment.");
            ConvertCode(code.ToString(), body, types, usings);
            body.Append('\n');
        }

        var sb = new StringBuilder();
        sb.Append("#!/usr/bin/env dotnet\n");
        sb.Append($"// Generated by `econb export {Path.GetFileName(notebookPath)} --to cs`. Run: dotnet run {Path.GetFileName(csPath)} [-- OUT.html]\n");
        sb.Append("// Writes the notebook's figures and tables to one offline HTML page (next to this file unless OUT.html is given).\n");
        sb.Append($"#:project {project}\n");
        sb.Append("#:property ManagePackageVersionsCentrally=false\n#:property TreatWarningsAsErrors=false\n#:property Nullable=disable\n#:property WarningLevel=0\n#:property PublishAot=false\n#:property JsonSerializerIsReflectionEnabledByDefault=true\n");
        foreach (var p in packages.Distinct()) sb.Append(p).Append('\n');
        sb.Append('\n');
        foreach (var u in usings) sb.Append(u).Append('\n');
        sb.Append('\n');
        string nbRel = Path.GetRelativePath(csDir, nbDir).Replace('\\', '/');
        sb.Append($"FileApp.Start({SymbolDisplay.FormatLiteral(title, true)}, args, notebookFolder: {SymbolDisplay.FormatLiteral(nbRel, true)});\n\n");
        sb.Append(body);
        sb.Append("FileApp.Save();\n");
        if (types.Length > 0) sb.Append("\n// ---- types declared in the notebook\n").Append(types);
        return sb.ToString();
    }

    private static void ConvertCode(string code, StringBuilder body, StringBuilder types, ISet<string> usings)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        foreach (var u in root.Usings) usings.Add(u.ToString().Trim());
        var members = root.Members;
        for (int i = 0; i < members.Count; i++)
        {
            var m = members[i];
            bool last = i == members.Count - 1;
            switch (m)
            {
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax es } when last && es.SemicolonToken.IsMissing:
                    body.Append(es.GetLeadingTrivia().ToFullString()).Append("Display(").Append(es.Expression.ToString()).Append(");\n");
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Append(m.ToFullString().TrimEnd()).Append('\n');
                    break;
                case MethodDeclarationSyntax method:
                    var mods = method.Modifiers.Where(k => k.IsKind(SyntaxKind.StaticKeyword) || k.IsKind(SyntaxKind.AsyncKeyword) || k.IsKind(SyntaxKind.UnsafeKeyword));
                    body.Append(method.GetLeadingTrivia().ToFullString())
                        .Append(method.WithModifiers(SyntaxFactory.TokenList(mods.Select(k => k.WithTrailingTrivia(SyntaxFactory.Space)))).WithoutLeadingTrivia().ToFullString().TrimEnd()).Append('\n');
                    break;
                case FieldDeclarationSyntax field:
                    body.Append(field.GetLeadingTrivia().ToFullString()).Append(field.Declaration.ToString()).Append(";\n");
                    break;
                default:
                    body.Append(m.ToFullString().TrimEnd()).Append('\n');
                    break;
            }
        }
        // Trivia after the last member (trailing comments).
        var tail = root.EndOfFileToken.LeadingTrivia.ToFullString().Trim();
        if (tail.Length > 0) body.Append(tail).Append('\n');
    }

    /// <summary>A C# raw string literal holding <paramref name="text"/>.</summary>
    internal static string RawString(string text)
    {
        int run = 0, max = 0;
        foreach (char c in text) { run = c == '"' ? run + 1 : 0; max = Math.Max(max, run); }
        var quotes = new string('"', Math.Max(3, max + 1));
        return $"{quotes}\n{text}\n{quotes}";
    }
}
