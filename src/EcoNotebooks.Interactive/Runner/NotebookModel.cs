using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>Kind of a notebook cell.</summary>
public enum CellKind
{
    /// <summary>Code run by a kernel.</summary>
    Code,
    /// <summary>Markdown text.</summary>
    Markdown,
    /// <summary>Raw text, not run.</summary>
    Raw,
}

/// <summary>On-disk notebook format.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter nbformat 4 JSON (.ipynb).</summary>
    Ipynb,
    /// <summary>.NET Interactive's plain-text format (.dib): cells start with <c>#!csharp</c>, <c>#!markdown</c> …</summary>
    Dib,
}

/// <summary>One output of a code cell, in nbformat terms.</summary>
/// <param name="OutputType">"stream", "display_data", "execute_result" or "error".</param>
public sealed record CellOutput(string OutputType)
{
    /// <summary>Stream name for "stream" outputs: "stdout" or "stderr".</summary>
    public string? Name { get; init; }
    /// <summary>Text of a stream output.</summary>
    public string? Text { get; init; }
    /// <summary>MIME type → content for display_data and execute_result.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    /// <summary>Error name for "error" outputs.</summary>
    public string? EName { get; init; }
    /// <summary>Error message for "error" outputs.</summary>
    public string? EValue { get; init; }
}

/// <summary>A notebook cell.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellKind kind, string source, string language = "csharp")
    {
        Kind = kind; Source = source ?? ""; Language = language;
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }
    /// <summary>Cell text (lines separated by \n).</summary>
    public string Source { get; set; }
    /// <summary>Kernel name of a code cell ("csharp", "fsharp", "pwsh" …); "markdown" for markdown cells.</summary>
    public string Language { get; set; }
    /// <summary>Cell tags (Jupyter <c>metadata.tags</c>), e.g. "parameters".</summary>
    public List<string> Tags { get; } = [];
    /// <summary>Other cell metadata from an .ipynb, kept as is.</summary>
    public JsonObject Metadata { get; set; } = new();
    /// <summary>nbformat 4.5 cell id.</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N")[..8];
    /// <summary>Outputs after execution.</summary>
    public List<CellOutput> Outputs { get; } = [];
    /// <summary>Execution count, or null when not run.</summary>
    public int? ExecutionCount { get; set; }
    /// <summary>Seconds the cell took, or null.</summary>
    public double? Seconds { get; set; }
}

/// <summary>A notebook read from .ipynb or .dib.</summary>
public sealed class NotebookDocument
{
    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = [];
    /// <summary>Notebook metadata from an .ipynb (kernelspec etc.), kept as is.</summary>
    public JsonObject Metadata { get; set; } = new();
    /// <summary>Default kernel name of code cells.</summary>
    public string DefaultKernel { get; set; } = "csharp";
}
