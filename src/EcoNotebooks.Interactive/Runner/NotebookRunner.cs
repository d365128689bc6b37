using System.Diagnostics;
using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>
/// Runs notebooks headless with an in-process .NET Interactive kernel (a <see cref="CompositeKernel"/> holding one
/// <see cref="CSharpKernel"/> with <c>#r "nuget:…"</c> support, kernel helpers such as <c>display()</c>, and value
/// sharing). The EcoNotebooks library and its chart/table dependencies are referenced up front, so the notebook
/// bootstrap cell finds them loaded and only calls <see cref="Notebook.Setup"/>. Each notebook gets a fresh kernel and
/// runs with the notebook's folder as current directory, like Jupyter and VS Code do. The first failing cell stops
/// that notebook. Equivalent of <c>papermill</c> / <c>jupyter nbconvert --execute</c>.
/// </summary>
public sealed class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Creates a runner.</summary>
    /// <param name="progress">Receives one line per cell with its timing (e.g. standard error), or null.</param>
    /// <param name="cellTimeout">Longest a cell may run, or null for no limit.</param>
    public NotebookRunner(TextWriter? progress = null, TimeSpan? cellTimeout = null)
    {
        if (cellTimeout is { } t && t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(cellTimeout), t, "The cell timeout must be positive.");
        Progress = progress ?? TextWriter.Null; CellTimeout = cellTimeout;
    }

    /// <summary>Where progress lines go.</summary>
    public TextWriter Progress { get; }
    /// <summary>Per-cell time limit.</summary>
    public TimeSpan? CellTimeout { get; }

    /// <summary>Runs the notebook at <paramref name="path"/> with optional parameter overrides.</summary>
    public async Task<NotebookRunResult> RunAsync(string path, IReadOnlyList<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        NotebookDocument doc;
        try { doc = NotebookFile.Read(path); }
        catch (Exception ex) when (ex is IOException or ArgumentException or EcoNotebooks.IO.FileFormatException or System.Text.Json.JsonException)
        {
            return new NotebookRunResult(path, new NotebookDocument(), false, null, ex.Message, sw.Elapsed.TotalSeconds);
        }
        var original = doc.Cells.ToList();
        if (parameters is { Count: > 0 })
        {
            var warnings = new List<string>();
            try { NotebookParameters.Inject(doc, parameters, warnings); }
            catch (ArgumentException ex) { return new NotebookRunResult(path, doc, false, null, ex.Message, sw.Elapsed.TotalSeconds); }
            foreach (var w in warnings) Progress.WriteLine($"{path}: warning: {w}");
            var record = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in parameters) record[name] = value;
            doc.Metadata["econb"] = new System.Text.Json.Nodes.JsonObject { ["parameters"] = record };
        }

        await OneAtATime.WaitAsync(cancellationToken);
        string oldDir = Environment.CurrentDirectory;
        bool oldReproduce = Notebook.InReproduce;
        var oldMode = Figures.Mode;
        try
        {
            Figures.Mode = PlotlyMode.Embedded;
            Environment.CurrentDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
            Notebook.InReproduce = true;
            Figures.ResetSession();
            using var kernel = CreateKernel();
            // Warm up the C# compiler so start-up time (≈1 s) is not charged to the first cell's timing or timeout.
            var warmup = Stopwatch.StartNew();
            await kernel.SendAsync(new SubmitCode("0", "csharp"), cancellationToken);
            Progress.WriteLine($"{System.IO.Path.GetFileName(path)}: kernel ready in {warmup.Elapsed.TotalSeconds:F1} s");
            int count = 0;
            for (int i = 0; i < doc.Cells.Count; i++)
            {
                var cell = doc.Cells[i];
                if (cell.Kind != CellKind.Code) continue;
                int number = original.IndexOf(cell) + 1;
                string label = number > 0 ? $"cell {number}" : "injected parameters cell";
                cell.Outputs.Clear();
                cell.ExecutionCount = ++count;
                var cellWatch = Stopwatch.StartNew();
                string? error = await RunCellAsync(kernel, cell, cancellationToken);
                cell.Seconds = cellWatch.Elapsed.TotalSeconds;
                Progress.WriteLine($"{System.IO.Path.GetFileName(path)}: {label}/{original.Count} {(error is null ? "ok" : "FAILED")} {cell.Seconds:F1} s");
                if (error is not null)
                {
                    // After the failing cell nothing ran: clear execution state of the rest, like papermill.
                    for (int k = i + 1; k < doc.Cells.Count; k++) { doc.Cells[k].Outputs.Clear(); doc.Cells[k].ExecutionCount = null; }
                    return new NotebookRunResult(path, doc, false, number > 0 ? number : null, error, sw.Elapsed.TotalSeconds);
                }
            }
            return new NotebookRunResult(path, doc, true, null, null, sw.Elapsed.TotalSeconds);
        }
        finally
        {
            Notebook.InReproduce = oldReproduce;
            Figures.Mode = oldMode;
            Environment.CurrentDirectory = oldDir;
            OneAtATime.Release();
        }
    }

    /// <summary>The in-process kernel (TOOLCHAIN.md trap 4), with the library referenced.</summary>
    public static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, refs) => { k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths)); return Task.CompletedTask; })
            .UseKernelHelpers()
            .UseValueSharing();
        csharp.AddAssemblyReferences(LibraryAssemblyPaths());
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        // The dotnet-interactive tool loads the interactive-extensions of referenced packages; an in-process host must
        // do it itself (TOOLCHAIN.md trap 4). Plotly.NET.Interactive's formatter needs a CDN; Notebook.Setup() then
        // registers the offline-capable one in its place.
        ((IKernelExtension)new Plotly.NET.Interactive.FormatterKernelExtension()).OnLoadAsync(composite).GetAwaiter().GetResult();
        return composite;
    }

    /// <summary>Paths of EcoNotebooks.Interactive and every non-framework assembly it references, transitively.</summary>
    public static IReadOnlyList<string> LibraryAssemblyPaths()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<Assembly>([typeof(Notebook).Assembly, typeof(Plotly.NET.CSharp.Chart).Assembly]);
        string frameworkDir = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        while (stack.Count > 0)
        {
            var a = stack.Pop();
            var name = a.GetName().Name!;
            if (seen.ContainsKey(name) || string.IsNullOrEmpty(a.Location) || a.Location.StartsWith(frameworkDir, StringComparison.Ordinal)) continue;
            seen[name] = a.Location;
            foreach (var r in a.GetReferencedAssemblies())
            {
                try { stack.Push(Assembly.Load(r)); }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException) { }
            }
        }
        return seen.Values.ToList();
    }

    private async Task<string?> RunCellAsync(CompositeKernel kernel, NotebookCell cell, CancellationToken ct)
    {
        var command = new SubmitCode(cell.Source, cell.Language);
        var run = kernel.SendAsync(command, ct);
        if (CellTimeout is { } limit && await Task.WhenAny(run, Task.Delay(limit, ct)) != run)
        {
            string msg = $"timed out after {limit.TotalSeconds:0.#} s (--timeout)";
            cell.Outputs.Add(new CellOutput("error") { EName = "Timeout", EValue = msg });
            return msg;
        }
        var result = await run;
        string? error = null;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced so: AddStream(cell, "stdout", Text(so)); break;
                case StandardErrorValueProduced se: AddStream(cell, "stderr", Text(se)); break;
                case ReturnValueProduced rv: cell.Outputs.Add(new CellOutput("execute_result") { Data = Data(rv) }); break;
                case DisplayedValueUpdated du: cell.Outputs.Add(new CellOutput("display_data") { Data = Data(du) }); break;
                case DisplayedValueProduced dv: cell.Outputs.Add(new CellOutput("display_data") { Data = Data(dv) }); break;
                case ErrorProduced ep: AddStream(cell, "stderr", ep.Message); break;
                case CommandFailed cf:
                    error = OneLine(cf.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : cf.Message);
                    cell.Outputs.Add(new CellOutput("error") { EName = cf.Exception?.GetType().Name ?? "Error", EValue = cf.Exception?.Message ?? cf.Message });
                    break;
            }
        }
        return error;
    }

    private static string OneLine(string s) => string.Join(" ", s.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static void AddStream(NotebookCell cell, string name, string text)
    {
        if (text.Length == 0) return;
        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is { OutputType: "stream" } last && last.Name == name)
            cell.Outputs[^1] = last with { Text = last.Text + text };
        else cell.Outputs.Add(new CellOutput("stream") { Name = name, Text = text });
    }

    private static string Text(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? "";

    private static Dictionary<string, string> Data(DisplayEvent e)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in e.FormattedValues) d[f.MimeType] = f.Value;
        if (!d.ContainsKey(PlainTextFormatter.MimeType) && e.Value is not null && !d.ContainsKey(HtmlFormatter.MimeType))
            d[PlainTextFormatter.MimeType] = e.Value.ToString() ?? "";
        return d;
    }
}
