using System.Reflection;

namespace EcoNotebooks.Interactive;

/// <summary>
/// The notebook entry point. Every notebook's first code cell loads <c>notebooks/_bootstrap.csx</c>, which makes this
/// library available to the kernel and then calls <see cref="Setup"/>. The same cell works under VS Code Polyglot
/// Notebooks, Jupyter's ".NET (C#)" kernel and <c>econb reproduce</c> (docs/NOTEBOOKS.md).
/// </summary>
public static class Notebook
{
    /// <summary>Set by the in-process runner while <c>econb reproduce</c> executes notebooks.</summary>
    public static bool InReproduce { get; internal set; }

    /// <summary>Where this notebook is running (detected from the process).</summary>
    public static NotebookHost Host
    {
        get
        {
            if (InReproduce) return NotebookHost.Reproduce;
            var args = string.Join(' ', Environment.GetCommandLineArgs());
            if (args.Contains("jupyter", StringComparison.OrdinalIgnoreCase)) return NotebookHost.Jupyter;
            if (args.Contains("vscode", StringComparison.OrdinalIgnoreCase) || args.Contains("stdio", StringComparison.OrdinalIgnoreCase)
                || Environment.GetEnvironmentVariable("VSCODE_PID") is not null) return NotebookHost.VsCode;
            return NotebookHost.Unknown;
        }
    }

    /// <summary>
    /// Prepares the kernel: installs the FSharp.Core redirect (TOOLCHAIN.md trap 1) before any Plotly.NET use,
    /// registers the HTML formatters (rasters as maps, DataFrames as paged tables, records as tables, charts with
    /// plotly.js per <see cref="Figures.Mode"/>) and returns what it found. Idempotent; safe to run the cell again.
    /// </summary>
    public static NotebookEnvironment Setup()
    {
        FSharpCoreRedirect.Install();
        // Registered on every call: a later registration wins, and a host may have put Plotly.NET.Interactive's
        // CDN-only chart formatter in front of ours since the last call (econb reproduce loads it per kernel).
        NotebookFormatters.Register();
        var fsharp = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")?.GetName().Version?.ToString() ?? "not loaded";
        return new NotebookEnvironment(
            typeof(EcoNotebooks.Rasters.Raster).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
            Host, Figures.Mode, Figures.PlotlyJsVersion, fsharp, Environment.CurrentDirectory, FindRepositoryRoot(Environment.CurrentDirectory));
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds EcoNotebooks.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "EcoNotebooks.sln"))) return d.FullName;
        return null;
    }
}
