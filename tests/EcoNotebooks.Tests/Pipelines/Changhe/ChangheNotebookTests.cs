using System.Text.Json;
using EcoNotebooks.Tests.Interactive;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

public class ChangheNotebookTests
{
    private static JsonElement[] Cells(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name))).RootElement.GetProperty("cells").EnumerateArray().ToArray();

    private static string Source(JsonElement cell) => string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));

    // Guards the notebook conventions: the bootstrap cell identical to 00-getting-started's, a `parameters`-tagged cell
    // with the parameters, the published numbers in the narrative, exercises with answers, no stored outputs.
    [Fact]
    public void Notebook_follows_the_conventions()
    {
        var cells = Cells("03-changhe-npp-drivers.ipynb");
        var code = cells.Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
        var first = Cells("00-getting-started.ipynb").First(c => c.GetProperty("cell_type").GetString() == "code");
        Assert.Equal(Source(first), Source(code[0]));
        var pars = code.Single(c => c.GetProperty("metadata").TryGetProperty("tags", out var t) && t.EnumerateArray().Any(x => x.GetString() == "parameters"));
        foreach (var name in new[] { "windowSize", "trees", "sampleSize", "threshold", "seed", "dataDirectory" })
            Assert.Contains(name + " =", Source(pars));
        var text = string.Concat(cells.Where(c => c.GetProperty("cell_type").GetString() == "markdown").Select(Source));
        foreach (var s in new[] { "290.13", "110.18", "37.98", "38.97", "31.50", "29.53", "35.4", "34.7", "29.8", "70.72", "48.28", "Table 2", "SYNTHETIC".ToLowerInvariant(), "<details>", "Run it on your own data", "References" })
            Assert.Contains(s, text, StringComparison.OrdinalIgnoreCase);
        Assert.All(code, c => Assert.Empty(c.GetProperty("outputs").EnumerateArray()));
    }
}
