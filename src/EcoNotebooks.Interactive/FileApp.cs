using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using EcoNotebooks.Rasters;
using Markdig;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace EcoNotebooks.Interactive;

/// <summary>
/// Runtime of notebooks exported as C# file-based apps (<c>econb export X.ipynb --to cs</c>, then <c>dotnet run X.cs</c>):
/// collects markdown and displayed values in order and writes one self-contained HTML page (plotly.js embedded once),
/// the same figures the notebook shows. The future-proof path after the 2026 deprecation of .NET Interactive.
/// </summary>
public static class FileApp
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly List<string> Parts = [];
    private static string _title = "Notebook";
    private static string? _output;

    /// <summary>
    /// Starts the page. The working directory becomes <paramref name="notebookFolder"/> (relative to the .cs file), so
    /// relative data paths resolve as in the notebook. The page goes to the first command-line argument if given,
    /// else next to the .cs file as <c>&lt;name&gt;.html</c>.
    /// </summary>
    public static void Start(string title, string[] args, string notebookFolder = ".", [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(args);
        _title = title; Parts.Clear();
        string sourceDir = Path.GetDirectoryName(sourceFile) is { Length: > 0 } d ? d : Environment.CurrentDirectory;
        _output = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(sourceDir, Path.GetFileNameWithoutExtension(sourceFile) + ".html");
        var folder = Path.GetFullPath(Path.Combine(sourceDir, notebookFolder));
        if (Directory.Exists(folder)) Environment.CurrentDirectory = folder;
        FSharpCoreRedirect.Install();
        Figures.Mode = PlotlyMode.Embedded;
    }

    /// <summary>Adds a markdown cell to the page.</summary>
    public static void Markdown(string markdown) => Parts.Add("<div class=\"cell markdown\">" + Markdig.Markdown.ToHtml(markdown ?? "", Pipeline) + "</div>");

    /// <summary>Shows a value on the page (rasters as maps, charts, DataFrames and records as tables, anything else as text). Same name as the notebook helper.</summary>
    public static void display(object? value) => Display(value);

    /// <summary>Shows a value on the page (see <see cref="display"/>).</summary>
    public static void Display(object? value)
    {
        if (value is null) return;
        string html = value switch
        {
            Raster r => Figures.Fragment(RasterMap.Continuous(r)),
            CategoricalRaster c => Figures.Fragment(c.ToFigure()),
            PlotlyFigure f => Figures.Fragment(f),
            GenericChart g => Figures.BareFragment(g),
            DataFrame df => HtmlTables.DataFrame(df),
            string s => "<pre>" + WebUtility.HtmlEncode(s) + "</pre>",
            _ when HtmlTables.IsRecord(value.GetType()) => HtmlTables.Record(value),
            _ => "<pre>" + WebUtility.HtmlEncode(value.ToString() ?? "") + "</pre>",
        };
        if (value is string or IFormattable) Console.WriteLine(value);
        Parts.Add("<div class=\"output\">" + html + "</div>");
    }

    /// <summary>Writes the page and prints its path. Returns the path.</summary>
    public static string Save()
    {
        var path = _output ?? Path.GetFullPath("notebook.html");
        Figures.WritePage(path, _title, Parts);
        Console.WriteLine($"wrote {path}");
        return path;
    }
}
