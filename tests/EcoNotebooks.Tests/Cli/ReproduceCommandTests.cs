using System.Text.Json.Nodes;
using EcoNotebooks.Interactive.Runner;
using EcoNotebooks.Tests.Interactive;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

/// <summary>Runs 00-getting-started once (≈30 s) for the report tests below.</summary>
public sealed class GettingStartedReport : IDisposable
{
    public GettingStartedReport()
    {
        Out = new TempDir();
        (Code, Stdout, Stderr) = CliRunner.Run("reproduce", Path.Combine(RepositoryPaths.Notebooks, "00-getting-started.ipynb"), "--out", Out.Path);
    }
    public TempDir Out { get; }
    public int Code { get; }
    public string Stdout { get; }
    public string Stderr { get; }
    public void Dispose() => Out.Dispose();
}

[Collection("cli")]
public class ReproduceCommandTests(GettingStartedReport report) : IClassFixture<GettingStartedReport>
{
    private const string Md = "{\"cell_type\":\"markdown\",\"metadata\":{},\"source\":[\"# Test\"]}";

    private static string Code(string src, params string[] tags) =>
        $"{{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{{\"tags\":[{string.Join(",", tags.Select(t => $"\"{t}\""))}]}},\"outputs\":[],\"source\":{System.Text.Json.JsonSerializer.Serialize(src)}}}";

    private static string Notebook(params string[] cells) =>
        $"{{\"cells\":[{string.Join(",", cells)}],\"metadata\":{{\"kernelspec\":{{\"name\":\".net-csharp\",\"display_name\":\".NET (C#)\",\"language\":\"C#\"}}}},\"nbformat\":4,\"nbformat_minor\":5}}";

    [Fact]
    public void Getting_started_produces_executed_notebook_html_and_index()
    {
        Assert.True(report.Code == 0, report.Stderr);
        var ipynb = report.Out.File("00-getting-started.ipynb");
        var html = report.Out.File("00-getting-started.html");
        Assert.True(File.Exists(ipynb) && File.Exists(html) && File.Exists(report.Out.File("index.html")));
        var doc = NotebookFile.Read(ipynb);
        var code = doc.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        Assert.All(code, c => Assert.NotNull(c.ExecutionCount));
        Assert.DoesNotContain(code.SelectMany(c => c.Outputs), o => o.OutputType == "error");
        // Three figures (continuous map, categorical map, line chart), plotly.js once in the page.
        var page = File.ReadAllText(html);
        Assert.Equal(3, page.Split("class=\"econb-chart\"").Length - 1);
        Assert.Equal(1, page.Split(EcoNotebooks.Interactive.Figures.PlotlyJsMarker).Length - 1);
        Assert.Contains("<h2 id=\"a-raster-map\">A raster map</h2>", page);   // markdown rendered by Markdig
        Assert.Contains("area_ha", page);                                    // DataFrame table
        var index = File.ReadAllText(report.Out.File("index.html"));
        Assert.Contains("00-getting-started.html", index);
        Assert.Equal(3, index.Split("00-getting-started.html#econb-").Length - 1);
        Assert.Matches(@"cell 2/13 ok \d+\.\d s", report.Stderr);              // per-cell progress with timings
    }

    [SkippableFact]
    public void Executed_notebook_is_valid_nbformat_4()
    {
        var py = ExternalTools.Require("/usr/bin/python3", "apt-get install python3-nbformat (pulled in by jupyter-nbconvert)");
        Assert.True(report.Code == 0, report.Stderr);
        var (code, stdout, stderr) = ExternalTools.Run(py, ["-c", "import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor)", report.Out.File("00-getting-started.ipynb")]);
        Skip.If(!ExternalTools.InCi && stderr.Contains("No module named 'nbformat'"), "python3-nbformat is not installed; skipping locally.");
        Assert.True(code == 0, stderr);
        Assert.Equal("4 5", stdout.Trim());
    }

    [SkippableFact]
    public void Report_draws_its_charts_in_headless_chromium_with_networking_off()
    {
        ExternalTools.Require("chromium", "apt-get install chromium");
        Assert.True(report.Code == 0, report.Stderr);
        var dom = ChromiumRenderer.DumpDom(report.Out.File("00-getting-started.html"));
        // plotly.js replaces each chart div's content with an SVG-based plot container.
        Assert.Equal(3, dom.Split("class=\"plot-container plotly\"").Length - 1);
        Assert.Contains("main-svg", dom);
        Assert.Contains("Easting (m)", dom);
        Assert.Contains("Dense vegetation", dom);
    }

    [Fact]
    public void A_failing_cell_stops_that_notebook_names_it_and_the_run_exits_non_zero()
    {
        using var tmp = new TempDir();
        var bad = tmp.File("broken.ipynb"); var good = tmp.File("fine.ipynb");
        File.WriteAllText(bad, Notebook(Md, Code("var a = 1 + 1;"), Code("throw new InvalidOperationException(\"deliberate failure\");"), Code("Console.WriteLine(\"never\");")));
        File.WriteAllText(good, Notebook(Code("Console.WriteLine(6 * 7);")));
        var (code, _, stderr) = CliRunner.Run("reproduce", bad, good, "--out", tmp.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{bad}: cell 3: InvalidOperationException: deliberate failure", stderr);
        var executed = NotebookFile.Read(tmp.File("out/broken.ipynb"));
        Assert.Null(executed.Cells[3].ExecutionCount);                      // nothing ran after the failure
        Assert.Contains(executed.Cells[2].Outputs, o => o.OutputType == "error");
        var fine = NotebookFile.Read(tmp.File("out/fine.ipynb"));              // the other notebook still ran
        Assert.Equal("42\n", fine.Cells[0].Outputs.Single().Text);
        Assert.Contains("failed", File.ReadAllText(tmp.File("out/index.html")));
    }

    [Fact]
    public void Compile_errors_are_reported_with_the_cell_number()
    {
        using var tmp = new TempDir();
        var bad = tmp.File("typo.ipynb");
        File.WriteAllText(bad, Notebook(Code("int x = \"text\";")));
        var (code, _, stderr) = CliRunner.Run("reproduce", bad, "--out", tmp.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{bad}: cell 1:", stderr);
        Assert.Contains("CS0029", stderr);
    }

    [Fact]
    public void Parameters_are_injected_after_the_tagged_cell_with_sensible_types()
    {
        using var tmp = new TempDir();
        var nb = tmp.File("params.ipynb");
        File.WriteAllText(nb, Notebook(
            Code("double alpha = 0.05;\nstring site = \"A\";\nint[] years = { 2000 };\nbool show = false;", "parameters"),
            Code("Console.WriteLine($\"{alpha.GetType().Name}:{alpha / 2}|{site}|{string.Join(\",\", years)}|{show}\");")));
        var (code, _, stderr) = CliRunner.Run("reproduce", nb, "--out", tmp.File("out"), "-p", "alpha=1", "-p", "site=Hill top", "-p", "years=[2001,2005]", "-p", "show=true");
        Assert.True(code == 0, stderr);
        var doc = NotebookFile.Read(tmp.File("out/params.ipynb"));
        Assert.Contains("injected-parameters", doc.Cells[1].Tags);
        Assert.Equal("Hill top", (string)doc.Metadata["econb"]!["parameters"]!["site"]!);   // the overrides are recorded
        Assert.Equal("Double:0.5|Hill top|2001,2005|True\n", doc.Cells[2].Outputs.Single().Text);
        // Without -p the defaults hold.
        Assert.Equal(0, CliRunner.Run("reproduce", nb, "--out", tmp.File("out2")).Code);
        Assert.Equal("Double:0.025|A|2000|False\n", NotebookFile.Read(tmp.File("out2/params.ipynb")).Cells[1].Outputs.Single().Text);
    }

    [Fact]
    public void Dib_notebooks_run_and_take_parameters_from_the_comment_cell()
    {
        using var tmp = new TempDir();
        var nb = tmp.File("note.dib");
        File.WriteAllText(nb, "#!markdown\n\n# A dib\n\n#!csharp\n\n// parameters\nint n = 2;\n\n#!csharp\n\nn * 10\n");
        var (code, _, stderr) = CliRunner.Run("reproduce", nb, "--out", tmp.File("out"), "-p", "n=5");
        Assert.True(code == 0, stderr);
        var doc = NotebookFile.Read(tmp.File("out/note.ipynb"));
        var result = doc.Cells.Last().Outputs.Single(o => o.OutputType == "execute_result");
        Assert.Contains("50", string.Concat(result.Data.Values));
        Assert.True(File.Exists(tmp.File("out/note.html")));
    }

    [Fact]
    public void A_cell_over_the_timeout_fails_the_notebook()
    {
        using var tmp = new TempDir();
        var nb = tmp.File("slow.ipynb");
        File.WriteAllText(nb, Notebook(Code("1 + 1"), Code("await Task.Delay(20_000);")));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (code, _, stderr) = CliRunner.Run("reproduce", nb, "--out", tmp.File("out"), "--timeout", "3");
        Assert.Equal(1, code);
        Assert.True(stderr.Contains($"{nb}: cell 2: timed out after 3 s"), stderr);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(15), $"took {sw.Elapsed}");
        Assert.Contains("--timeout must be a positive", CliRunner.Run("reproduce", nb, "--timeout", "0").Stderr);
    }

    [Fact]
    public void Nuget_references_work_in_process()
    {
        using var tmp = new TempDir();
        var nb = tmp.File("nuget.ipynb");
        File.WriteAllText(nb, Notebook(Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nMathNet.Numerics.SpecialFunctions.Gamma(5.0)")));
        var (code, _, stderr) = CliRunner.Run("reproduce", nb, "--out", tmp.File("out"));
        Assert.True(code == 0, stderr);
        var doc = NotebookFile.Read(tmp.File("out/nuget.ipynb"));
        Assert.Contains("24", string.Concat(doc.Cells[0].Outputs.SelectMany(o => o.Data.Values)));   // Γ(5) = 4! = 24
    }

    [Fact]
    public void Bad_arguments_are_one_line_errors()
    {
        using var tmp = new TempDir();
        var (code, _, stderr) = CliRunner.Run("reproduce", tmp.File("missing.ipynb"));
        Assert.Equal(1, code);
        Assert.Contains("missing.ipynb: file not found", stderr);
        File.WriteAllText(tmp.File("x.ipynb"), Notebook(Code("1")));
        Assert.Contains("name=value", CliRunner.Run("reproduce", tmp.File("x.ipynb"), "-p", "oops", "--out", tmp.File("o")).Stderr);
        Assert.Contains("no parameters cell", CliRunner.Run("reproduce", tmp.File("x.ipynb"), "-p", "a=1", "--out", tmp.File("o")).Stderr);
        Assert.Contains("refusing to overwrite the input", CliRunner.Run("reproduce", tmp.File("x.ipynb"), "--out", tmp.Path).Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void Png_figures_are_rendered_and_not_blank()
    {
        ExternalTools.Require("chromium", "apt-get install chromium");
        using var tmp = new TempDir();
        var nb = tmp.File("chart.ipynb");
        File.WriteAllText(nb, Notebook(Md, Code("using EcoNotebooks.Interactive;\nNotebook.Setup();\nPlotly.NET.CSharp.Chart.Column<double, string, string>(values: new double[] { 3, 5, 2 }, Keys: new[] { \"a\", \"b\", \"c\" })")));
        var (code, _, stderr) = CliRunner.Run("reproduce", nb, "--out", tmp.File("out"), "--png");
        Assert.True(code == 0, stderr);
        var png = tmp.File("out/chart/figure-1.png");
        Assert.True(File.Exists(png), stderr);
        var (w, h, nonWhite) = PngProbe.Analyse(png);
        // A drawn chart has a tinted plot area and bars: far more than 5 % non-white pixels; a blank page has none.
        Assert.True(nonWhite > 0.05 * w * h, $"{png}: only {nonWhite} of {w * h} pixels are not white");
        Assert.Contains("chart/figure-1.png", File.ReadAllText(tmp.File("out/index.html")));
    }
}
