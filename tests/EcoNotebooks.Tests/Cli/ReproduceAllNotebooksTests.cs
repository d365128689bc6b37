using EcoNotebooks.Interactive.Runner;
using EcoNotebooks.Tests.Interactive;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

/// <summary>
/// The README's main job: `econb reproduce` with no notebook argument runs every notebook in notebooks/ into an executed
/// .ipynb and an offline HTML page, and index.html lists them all (issue "Notebook runtime", done-when 1).
/// </summary>
[Collection("cli")]
public class ReproduceAllNotebooksTests
{
    [Fact]
    public void Every_notebook_reproduces_without_errors_into_ipynb_and_html()
    {
        using var outDir = new TempDir();
        var cwd = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = RepoPaths.Root;   // no NOTEBOOK argument = all of notebooks/
            var (code, _, stderr) = CliRunner.Run("reproduce", "--out", outDir.Path);
            Assert.True(code == 0, stderr);
        }
        finally { Environment.CurrentDirectory = cwd; }
        var notebooks = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileNameWithoutExtension).ToArray();
        Assert.True(notebooks.Length >= 5, $"expected the getting-started and four paper notebooks, found {notebooks.Length}");
        var index = File.ReadAllText(outDir.File("index.html"));
        foreach (var name in notebooks)
        {
            var ipynb = outDir.File(name + ".ipynb"); var html = outDir.File(name + ".html");
            Assert.True(File.Exists(ipynb) && File.Exists(html), $"{name}: missing report files");
            var doc = NotebookFile.Read(ipynb);
            Assert.DoesNotContain(doc.Cells.Where(c => c.Kind == CellKind.Code).SelectMany(c => c.Outputs), o => o.OutputType == "error");
            var page = File.ReadAllText(html);
            Assert.Equal(1, page.Split(EcoNotebooks.Interactive.Figures.PlotlyJsMarker).Length - 1);   // plotly.js embedded once
            Assert.Contains(name + ".html", index);
        }
    }
}
