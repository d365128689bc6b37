namespace EcoNotebooks.Interactive.Runner;

/// <summary>Outcome of running one notebook.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Document">The executed notebook (outputs filled in up to the failing cell).</param>
/// <param name="Succeeded">True when every code cell ran.</param>
/// <param name="FailedCell">1-based number of the failing cell in the original notebook (all cells counted), or null.</param>
/// <param name="Error">The error of the failing cell, or null.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record NotebookRunResult(string Path, NotebookDocument Document, bool Succeeded, int? FailedCell, string? Error, double Seconds)
{
    /// <summary>"notebook.ipynb: cell 4: message" for failures.</summary>
    public string Describe() => Succeeded ? $"{Path}: ok ({Seconds:F1} s)" : FailedCell is int n ? $"{Path}: cell {n}: {Error}" : $"{Path}: {Error}";
}
