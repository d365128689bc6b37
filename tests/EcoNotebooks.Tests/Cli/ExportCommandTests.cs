using EcoNotebooks.Interactive.Runner;
using EcoNotebooks.Tests.Interactive;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

[Collection("cli")]
public class ExportCommandTests
{
    private const string Dib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n" +
        "#!markdown\n\n# Round trip\n\nText with \"\"\"quotes\"\"\".\n\n#!csharp\n\n// parameters\nint n = 3;\n\n#!csharp\n\n#r \"nuget: MathNet.Numerics, 5.0.0\"\nusing MathNet.Numerics;\n" +
        "static double Twice(double x) => 2 * x;\nrecord Site(string Name, double Area);\nvar s = new Site(\"A\", Twice(n));\ns\n\n#!pwsh\n\nGet-Date\n";

    [Fact]
    public void Dib_to_ipynb_and_back_keeps_every_cell()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.dib"), Dib);
        Assert.Equal(0, CliRunner.Run("export", tmp.File("a.dib"), "--to", "ipynb").Code);
        var ipynb = NotebookFile.Read(tmp.File("a.ipynb"));
        Assert.Contains("parameters", ipynb.Cells[1].Tags);
        Assert.Equal("pwsh", ipynb.Cells[3].Language);
        Assert.Equal(0, CliRunner.Run("export", tmp.File("a.ipynb"), "--to", "dib", "--out", tmp.File("b.dib")).Code);
        var original = NotebookFile.ParseDib(Dib);
        var back = NotebookFile.Read(tmp.File("b.dib"));
        Assert.Equal(original.Cells.Select(c => (c.Kind, c.Language, c.Source)), back.Cells.Select(c => (c.Kind, c.Language, c.Source)));
    }

    [Fact]
    public void Export_refuses_to_overwrite_its_input_and_checks_the_target()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.dib"), Dib);
        var (code, _, stderr) = CliRunner.Run("export", tmp.File("a.dib"), "--to", "dib");
        Assert.Equal(1, code);
        Assert.Contains("refusing to overwrite", stderr);
        Assert.NotEqual(0, CliRunner.Run("export", tmp.File("a.dib"), "--to", "py").Code);
    }

    [Fact]
    public void File_app_conversion_follows_the_rules()
    {
        var doc = NotebookFile.ParseDib(Dib);
        var nb = Path.Combine(RepositoryPaths.Notebooks, "x.dib");
        var warnings = new List<string>();
        var cs = NotebookExporter.ToFileApp(doc, nb, Path.Combine(RepositoryPaths.Root, "apps", "x.cs"), warnings);
        Assert.Contains("#:project ../src/EcoNotebooks.Interactive/EcoNotebooks.Interactive.csproj", cs);
        Assert.Contains("#:package MathNet.Numerics@5.0.0", cs);
        Assert.Contains("using MathNet.Numerics;", cs);
        Assert.Contains("FileApp.Start(\"Round trip\", args, notebookFolder: \"../notebooks\");", cs);
        Assert.Contains("Markdown(\"\"\"\"\n# Round trip", cs);               // raw string with more quotes than the text has
        Assert.Contains("static double Twice(double x) => 2 * x;", cs);
        Assert.Contains("Display(s);", cs);
        Assert.Contains("// Get-Date", cs);
        Assert.Single(warnings, w => w.Contains("pwsh"));
        // Types go after the top-level statements (C# requires it), the page is saved last.
        Assert.True(cs.IndexOf("FileApp.Save();", StringComparison.Ordinal) < cs.IndexOf("record Site(", StringComparison.Ordinal));
        Assert.DoesNotContain("#r \"nuget", cs);
    }

    [Fact]
    public void Exported_getting_started_app_runs_with_dotnet_run_and_writes_the_figures()
    {
        // Slow (restore + build of the app, ≈ 20–90 s): the one test that runs an exported app.
        using var tmp = new TempDir();
        var cs = tmp.File("getting-started.cs");
        var (code, _, stderr) = CliRunner.Run("export", Path.Combine(RepositoryPaths.Notebooks, "00-getting-started.ipynb"), "--to", "cs", "--out", cs);
        Assert.True(code == 0, stderr);
        var run = ExternalTools.Run("dotnet", ["run", cs, "--", tmp.File("page.html")], workingDirectory: tmp.Path, timeoutMs: 600_000,
            env: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        Assert.True(run.Code == 0, $"dotnet run {cs} failed:\n{run.Stdout}\n{run.Stderr}");
        var html = File.ReadAllText(tmp.File("page.html"));
        Assert.Equal(3, html.Split("class=\"econb-chart\"").Length - 1);
        Assert.Equal(1, html.Split(EcoNotebooks.Interactive.Figures.PlotlyJsMarker).Length - 1);
        Assert.Contains("area_ha", html);
        if (ExternalTools.Find("chromium") is not null)
            Assert.Equal(3, ChromiumRenderer.DumpDom(tmp.File("page.html")).Split("class=\"plot-container plotly\"").Length - 1);
    }
}
