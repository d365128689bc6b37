namespace EcoNotebooks.Interactive;

/// <summary>Where a notebook is running.</summary>
public enum NotebookHost
{
    /// <summary>Not detected (e.g. a plain program or a file-based app).</summary>
    Unknown,
    /// <summary>In-process under <c>econb reproduce</c>.</summary>
    Reproduce,
    /// <summary>The dotnet-interactive tool started by Jupyter (".NET (C#)" kernel).</summary>
    Jupyter,
    /// <summary>The dotnet-interactive tool started by VS Code (Polyglot Notebooks).</summary>
    VsCode,
}
