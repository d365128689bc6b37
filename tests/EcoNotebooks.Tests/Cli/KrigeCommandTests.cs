using System.Text.Json;
using EcoNotebooks.Tests.Spatial;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

/// <summary>
/// <c>econb krige</c> against gstat (Reference/spatial.R, sections "kriging" and "cli"). Tolerances: fitted
/// parameters 1e-9 relative, predictions 1e-9 relative, variances 1e-9 relative + 1e-12 absolute.
/// </summary>
[Collection("cli")]
public class KrigeCommandTests
{
    private static readonly string Points = ReferenceData.PathOf("spatial-points.csv");
    private static readonly string Targets = ReferenceData.PathOf("spatial-targets.csv");

    private static string[] Args(params string[] extra) =>
        ["krige", Points, "--x", "x", "--y", "y", "--value", "z", "--at", Targets, "--json", .. extra];

    private static void AssertPredictions(JsonElement expected, JsonElement actual)
    {
        var ep = expected.GetProperty("prediction").Doubles(); var ev = expected.GetProperty("variance").Doubles();
        var preds = actual.GetProperty("predictions").EnumerateArray().ToArray();
        var targets = GstatReference.Targets();
        Assert.Equal(ep.Length, preds.Length);
        for (int i = 0; i < preds.Length; i++)
        {
            Assert.Equal(targets[i].X, preds[i].GetProperty("x").GetDouble());
            Assert.Equal(targets[i].Y, preds[i].GetProperty("y").GetDouble());
            GstatReference.Close(ep[i], preds[i].GetProperty("value").GetDouble(), 1e-9, 0, $"value[{i}]");
            GstatReference.Close(ev[i], preds[i].GetProperty("variance").GetDouble(), 1e-9, 1e-12, $"variance[{i}]");
        }
    }

    [Theory]
    [InlineData(null, "sph")]
    [InlineData("sph", "sph")]
    [InlineData("exp", "exp")]
    [InlineData("gau", "gau")]
    public void Fits_the_model_like_gstat_when_no_parameters_are_given(string? model, string type)
    {
        var args = model is null ? Args() : Args("--model", model);
        var j = CliRunner.RunJson(args);
        var e = GstatReference.Json.GetProperty("cli").GetProperty(type);
        var m = j.GetProperty("model");
        Assert.Equal(type, m.GetProperty("type").GetString());
        GstatReference.Close(e.GetProperty("psill").GetDouble(), m.GetProperty("psill").GetDouble(), 1e-9, 0, "psill");
        GstatReference.Close(e.GetProperty("range").GetDouble(), m.GetProperty("range").GetDouble(), 1e-9, 0, "range");
        GstatReference.Close(e.GetProperty("nugget").GetDouble(), m.GetProperty("nugget").GetDouble(), 1e-9, 0, "nugget");
        AssertPredictions(e, j);
    }

    [Theory]
    [InlineData("sph")]
    [InlineData("exp")]
    [InlineData("gau")]
    [InlineData("sph0")]
    public void Fixed_model_matches_gstat_krige(string key)
    {
        var e = GstatReference.Json.GetProperty("kriging").GetProperty(key);
        string type = e.GetProperty("type").GetString()!.ToLowerInvariant();
        var extra = new List<string> { "--model", type, "--psill", e.GetProperty("psill").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--range", e.GetProperty("range").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
        if (key != "sph0") extra.AddRange(["--nugget", e.GetProperty("nugget").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)]);
        var j = CliRunner.RunJson(Args([.. extra]));
        var m = j.GetProperty("model");
        Assert.Equal(type, m.GetProperty("type").GetString());
        Assert.Equal(e.GetProperty("psill").GetDouble(), m.GetProperty("psill").GetDouble());
        Assert.Equal(e.GetProperty("range").GetDouble(), m.GetProperty("range").GetDouble());
        Assert.Equal(e.GetProperty("nugget").GetDouble(), m.GetProperty("nugget").GetDouble());
        AssertPredictions(e, j);
    }

    [Fact]
    public void Json_has_exactly_the_contract_fields()
    {
        var j = CliRunner.RunJson(Args("--model", "exp", "--psill", "2", "--range", "1500", "--nugget", "0.15"));
        Assert.Equal(["model", "predictions"], j.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["type", "psill", "range", "nugget"], j.GetProperty("model").EnumerateObject().Select(p => p.Name));
        foreach (var p in j.GetProperty("predictions").EnumerateArray())
            Assert.Equal(["x", "y", "value", "variance"], p.EnumerateObject().Select(q => q.Name));
    }

    [Fact]
    public void Without_json_prints_a_table()
    {
        var (code, stdout, _) = CliRunner.Run(["krige", Points, "--x", "x", "--y", "y", "--value", "z", "--at", Targets]);
        Assert.Equal(0, code);
        Assert.Contains("Ordinary kriging of 117 points; model sph", stdout);
        Assert.Contains("variance", stdout);
    }

    private static string Error(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("econb: ", lines[0]);
        return lines[0];
    }

    [Fact]
    public void Bad_input_gives_one_line_and_exit_code_1()
    {
        using var tmp = new TempDir();
        string Write(string name, string text) { var p = tmp.File(name); File.WriteAllText(p, text); return p; }
        var good = Write("good.csv", "x,y,z\n0,0,1\n10,0,2\n0,10,3\n10,10,4\n");
        var targets = Write("t.csv", "x,y\n5,5\n");
        string[] K(string pts, params string[] extra) => ["krige", pts, "--x", "x", "--y", "y", "--value", "z", "--at", targets, "--json", .. extra];

        Assert.Contains("missing column 'q'", Error(["krige", good, "--x", "x", "--y", "y", "--value", "q", "--at", targets, "--json"]));
        Assert.Contains("missing column 'x'", Error(["krige", good, "--x", "x", "--y", "y", "--value", "z", "--at", Write("t2.csv", "a,y\n1,2\n"), "--json"]));
        Assert.Contains("must be numeric but has 'abc'", Error(K(Write("text.csv", "x,y,z\n0,0,1\n10,0,abc\n0,10,3\n"))));
        Assert.Contains("at least 3 points", Error(K(Write("two.csv", "x,y,z\n0,0,1\n10,0,2\n"))));
        Assert.Contains("at least 3 points", Error(K(Write("na.csv", "x,y,z\n0,0,1\n10,0,NA\n5,5,\n1,1,4\n"))));
        Assert.Contains("same location", Error(K(Write("dup.csv", "x,y,z\n0,0,1\n10,0,2\n0,10,3\n10,0,5\n"))));
        Assert.Contains("--range must be > 0", Error(K(good, "--psill", "1", "--range", "0")));
        Assert.Contains("--range must be > 0, got -5", Error(K(good, "--psill", "1", "--range", "-5", "--nugget", "0.1")));
        Assert.Contains("--psill must be", Error(K(good, "--psill", "-1", "--range", "5")));
        Assert.Contains("both --psill and --range", Error(K(good, "--psill", "1")));
        Assert.Contains("both --psill and --range", Error(K(good, "--nugget", "0.1")));
        Assert.Contains("sph, exp or gau", Error(K(good, "--model", "cubic")));
        Assert.Contains("file not found", Error(K(tmp.File("nope.csv"))));
    }
}
