using EcoNotebooks.Interactive.Runner;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Interactive.Runner;

public class NotebookFileTests
{
    private const string Dib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n" +
                               "#!markdown\n\n# Title\n\nSome *text*.\n\n#!csharp\n\n// parameters\nint n = 3;\n\n#!csharp\n\nvar x = n * 2;\nx\n";

    [Fact]
    public void Dib_is_parsed_into_cells_with_kernels_and_parameters_tag()
    {
        var doc = NotebookFile.ParseDib(Dib);
        Assert.Equal(3, doc.Cells.Count);
        Assert.Equal(CellKind.Markdown, doc.Cells[0].Kind);
        Assert.Equal("# Title\n\nSome *text*.", doc.Cells[0].Source);
        Assert.Equal("csharp", doc.Cells[1].Language);
        Assert.Contains("parameters", doc.Cells[1].Tags);
        Assert.Equal("var x = n * 2;\nx", doc.Cells[2].Source);
    }

    [Fact]
    public void Dib_to_ipynb_to_dib_round_trips_sources_kinds_and_tags()
    {
        var doc = NotebookFile.ParseDib(Dib);
        var ipynb = NotebookFile.ParseIpynb(NotebookFile.ToIpynb(doc));
        Assert.Equal(doc.Cells.Select(c => (c.Kind, c.Source, c.Language)), ipynb.Cells.Select(c => (c.Kind, c.Source, c.Language)));
        Assert.Contains("parameters", ipynb.Cells[1].Tags);
        var back = NotebookFile.ParseDib(NotebookFile.ToDib(ipynb));
        Assert.Equal(doc.Cells.Select(c => (c.Kind, c.Source)), back.Cells.Select(c => (c.Kind, c.Source)));
    }

    [Fact]
    public void Ipynb_keeps_outputs_and_tags_and_source_lines()
    {
        var doc = NotebookFile.ParseDib(Dib);
        doc.Cells[2].ExecutionCount = 1;
        doc.Cells[2].Outputs.Add(new CellOutput("stream") { Name = "stdout", Text = "a\nb\n" });
        doc.Cells[2].Outputs.Add(new CellOutput("execute_result") { Data = new Dictionary<string, string> { ["text/html"] = "<b>6</b>" } });
        var json = NotebookFile.ToIpynb(doc);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal(4, (int)node["nbformat"]!); Assert.Equal(5, (int)node["nbformat_minor"]!);
        var outputs = node["cells"]![2]!["outputs"]!.AsArray();
        Assert.Equal("a\n", (string)outputs[0]!["text"]![0]!);
        Assert.Equal(1, (int)outputs[1]!["execution_count"]!);
        Assert.Equal("<b>6</b>", (string)outputs[1]!["data"]!["text/html"]![0]!);
    }

    [SkippableFact]
    public void Written_ipynb_is_valid_nbformat_4()
    {
        var py = ExternalTools.Require("/usr/bin/python3", "apt-get install python3-nbformat (pulled in by jupyter-nbconvert)");
        using var tmp = new TempDir();
        var doc = NotebookFile.ParseDib(Dib);
        doc.Cells[2].ExecutionCount = 1;
        doc.Cells[2].Outputs.Add(new CellOutput("execute_result") { Data = new Dictionary<string, string> { ["text/html"] = "<b>6</b>", ["text/plain"] = "6" } });
        doc.Cells[2].Outputs.Add(new CellOutput("error") { EName = "InvalidOperationException", EValue = "boom" });
        var path = tmp.File("x.ipynb");
        NotebookFile.Write(doc, path);
        var (code, stdout, stderr) = ExternalTools.Run(py, ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", path]);
        Skip.If(!ExternalTools.InCi && stderr.Contains("No module named 'nbformat'"), "python3-nbformat is not installed; skipping locally.");
        Assert.True(code == 0, stderr);
        Assert.Contains("valid", stdout);
    }

    [Fact]
    public void Bad_ipynb_is_reported_with_the_file_name()
    {
        var ex = Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => NotebookFile.ParseIpynb("{\"cells\": [", "nb.ipynb"));
        Assert.Contains("nb.ipynb", ex.Message);
        Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => NotebookFile.ParseIpynb("{\"x\": 1}", "nb.ipynb"));
        Assert.Throws<ArgumentException>(() => NotebookFile.FormatOf("a.txt"));
    }
}
