using System.Text.Json;

namespace EcoNotebooks.Tests.TestSupport;

/// <summary>Reference values printed by R/scipy/GDAL scripts, committed under tests/EcoNotebooks.Tests/Reference.</summary>
public static class ReferenceData
{
    /// <summary>Absolute path of a file in the Reference folder (copied to the test output).</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    /// <summary>Parses a committed JSON reference file.</summary>
    public static JsonElement Json(string name)
    {
        var p = PathOf(name);
        Assert.True(File.Exists(p), $"reference file {p} is missing");
        using var doc = JsonDocument.Parse(File.ReadAllText(p));
        return doc.RootElement.Clone();
    }
}
