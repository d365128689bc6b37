namespace EcoNotebooks.Interactive;

/// <summary>What <see cref="Notebook.Setup"/> found and configured; shown as a table in the first cell's output.</summary>
/// <param name="Library">EcoNotebooks library version.</param>
/// <param name="Host">Where the notebook runs.</param>
/// <param name="Plotly">How charts refer to plotly.js.</param>
/// <param name="PlotlyJs">Bundled plotly.js version.</param>
/// <param name="FSharpCore">Version of the FSharp.Core the process uses (the kernel's own copy inside dotnet-interactive).</param>
/// <param name="WorkingDirectory">Current directory (relative paths in the notebook resolve against it).</param>
/// <param name="RepositoryRoot">The folder holding EcoNotebooks.sln, or null if not found.</param>
public sealed record NotebookEnvironment(string Library, NotebookHost Host, PlotlyMode Plotly, string PlotlyJs, string FSharpCore, string WorkingDirectory, string? RepositoryRoot);
