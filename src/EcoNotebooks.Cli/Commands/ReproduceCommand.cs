using System.CommandLine;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Interactive;
using EcoNotebooks.Interactive.Runner;
using EcoNotebooks.IO;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb reproduce [NOTEBOOK...] [--out DIR] [-p name=value ...] [--timeout S] [--png]</c>: runs notebooks headless
/// with an in-process .NET Interactive kernel and writes, per notebook, the executed <c>.ipynb</c> and a self-contained
/// HTML page (plotly.js embedded once), plus <c>index.html</c>. Progress per cell goes to standard error. A failing
/// cell stops its notebook (reported with notebook path, cell number and error); the other notebooks still run; the
/// exit code is 1 when any notebook failed.
/// </summary>
public sealed class ReproduceCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var notebooks = new Argument<string[]>("NOTEBOOK") { Description = "Notebooks (.ipynb or .dib) to run; default: every notebooks/*.ipynb and *.dib.", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder (executed .ipynb, .html pages, index.html).", DefaultValueFactory = _ => "reports" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Override a parameter: name=value (numbers, true/false, JSON arrays, else string). Repeatable." };
        var timeout = new Option<double?>("--timeout") { Description = "Per-cell time limit in seconds." };
        var png = new Option<bool>("--png") { Description = "Also render every figure to PNG with headless Chromium." };
        var cmd = new Command("reproduce", "Run notebooks headless and write executed notebooks plus offline HTML reports.") { notebooks, outDir, parameters, timeout, png };
        cmd.SetAction(pr => Run(pr.GetValue(notebooks) ?? [], pr.GetValue(outDir)!, pr.GetValue(parameters) ?? [], pr.GetValue(timeout), pr.GetValue(png)));
        return cmd;
    }

    private static int Run(string[] notebookArgs, string outDir, string[] parameterArgs, double? timeoutSeconds, bool png)
    {
        if (timeoutSeconds is double t && !(t > 0)) throw new CliError($"--timeout must be a positive number of seconds, got {t}.");
        var pairs = NotebookParameters.ParsePairs(parameterArgs);
        var files = notebookArgs.Length > 0 ? notebookArgs.Select(p => CommonOptions.ExistingFile(p, "notebook")).ToArray() : DefaultNotebooks();
        foreach (var f in files) NotebookFile.FormatOf(f);
        if (png) ChromiumRenderer.Require();
        Directory.CreateDirectory(outDir);
        var err = Console.Error;
        var runner = new NotebookRunner(err, timeoutSeconds is double s ? TimeSpan.FromSeconds(s) : null);
        var entries = new List<ReportEntry>();
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            string stem = Path.GetFileNameWithoutExtension(file);
            if (!stems.Add(stem)) { stem = Path.GetFileName(file).Replace('.', '-'); stems.Add(stem); }
            string ipynb = Path.Combine(outDir, stem + ".ipynb"), html = Path.Combine(outDir, stem + ".html");
            AtomicFile.EnsureNotSameFile(file, ipynb);
            err.WriteLine($"== {file}");
            var result = runner.RunAsync(file, pairs).GetAwaiter().GetResult();
            NotebookFile.Write(result.Document, ipynb);
            var figures = HtmlReport.WritePage(result, html);
            if (png && figures.Count > 0) figures = RenderPngs(figures, outDir, stem);
            entries.Add(new ReportEntry(Path.GetFileName(file), stem + ".html", stem + ".ipynb", result, figures));
            err.WriteLine(result.Succeeded ? $"   ok in {result.Seconds:F1} s, {figures.Count} figure(s) → {html}" : $"econb: reproduce: {result.Describe()}");
        }
        HtmlReport.WriteIndex(outDir, entries);
        int failed = entries.Count(e => !e.Result.Succeeded);
        Console.Out.WriteLine($"{entries.Count - failed} of {entries.Count} notebook(s) ran; report: {Path.Combine(outDir, "index.html")}");
        if (failed == 0) return 0;
        foreach (var e in entries.Where(e => !e.Result.Succeeded)) err.WriteLine($"econb: reproduce failed: {e.Result.Describe()}");
        return 1;
    }

    private static List<ReportFigure> RenderPngs(IReadOnlyList<ReportFigure> figures, string outDir, string stem)
    {
        var dir = Path.Combine(outDir, stem);
        Directory.CreateDirectory(dir);
        var result = new List<ReportFigure>();
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            var page = Path.Combine(dir, $"figure-{i + 1}.tmp.html");
            var mode = Figures.Mode;
            try
            {
                Figures.Mode = PlotlyMode.Embedded;
                Figures.WritePage(page, f.Caption, [f.Html]);
                ChromiumRenderer.Screenshot(page, Path.Combine(dir, $"figure-{i + 1}.png"));
            }
            finally { Figures.Mode = mode; File.Delete(page); }
            Console.Error.WriteLine($"   figure {i + 1} → {Path.Combine(dir, $"figure-{i + 1}.png")}");
            result.Add(f with { Png = $"{stem}/figure-{i + 1}.png" });
        }
        return result;
    }

    private static string[] DefaultNotebooks()
    {
        string? dir = Directory.Exists("notebooks") ? "notebooks" : Notebook.FindRepositoryRoot(Environment.CurrentDirectory) is { } root ? Path.Combine(root, "notebooks") : null;
        if (dir is null || !Directory.Exists(dir)) throw new CliError("no NOTEBOOK given and no notebooks/ folder here or at the repository root.");
        var files = Directory.GetFiles(dir, "*.ipynb").Concat(Directory.GetFiles(dir, "*.dib")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new CliError($"{dir}: no .ipynb or .dib notebooks.");
        return files;
    }
}
