using System.Text;
using System.Text.Json;
using EcoNotebooks.Learning;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

[Collection("cli")]
public sealed class RfCommandTests
{
    private static string Friedman => ReferenceData.PathOf("rf-friedman.csv");

    // Guards the exact JSON contract: {"oob_mse","oob_r2","importance":[{"feature","inc_mse"}]} in column order,
    // with the values of the library forest of the same seed, and OOB R² within 0.02 of R's randomForest.
    [Fact]
    public void JsonFollowsTheContractAndMatchesR()
    {
        var doc = CliRunner.RunJson("rf", Friedman, "--target", "y", "--seed", "5", "--json");
        Assert.Equal(["oob_mse", "oob_r2", "importance"], doc.EnumerateObject().Select(p => p.Name).ToArray());
        var imp = doc.GetProperty("importance").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => "x" + i), imp.Select(e => e.GetProperty("feature").GetString()));
        Assert.All(imp, e => Assert.Equal(["feature", "inc_mse"], e.EnumerateObject().Select(p => p.Name).ToArray()));

        var r = ReferenceData.Json("rf.json").GetProperty("friedman");
        Assert.InRange(doc.GetProperty("oob_r2").GetDouble(), r.GetProperty("oob_rsq").GetDouble() - 0.02, r.GetProperty("oob_rsq").GetDouble() + 0.02);
        var top3 = imp.OrderByDescending(e => e.GetProperty("inc_mse").GetDouble()).Take(3).Select(e => e.GetProperty("feature").GetString()).ToArray();
        var rTop3 = r.GetProperty("top3_inc_mse").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(rTop3[0], top3[0]);
        Assert.Equal(rTop3.OrderBy(s => s), top3.OrderBy(s => s));

        var df = CsvTable.Read(Friedman, ["y"]);
        var forest = RandomForestRegression.Fit(df, "y", null, new RandomForestOptions { Seed = 5 });
        Assert.Equal(forest.OobMse, doc.GetProperty("oob_mse").GetDouble());
        Assert.Equal(forest.OobRSquared, doc.GetProperty("oob_r2").GetDouble());
        for (int j = 0; j < 10; j++) Assert.Equal(forest.Importance[j].IncMse, imp[j].GetProperty("inc_mse").GetDouble());
    }

    [Fact]
    public void OptionsAreHonouredAndSeedIsReproducible()
    {
        var a = CliRunner.Run("rf", Friedman, "--target", "y", "--trees", "40", "--mtry", "5", "--seed", "9", "--json");
        var b = CliRunner.Run("rf", Friedman, "--target", "y", "--trees", "40", "--mtry", "5", "--seed", "9", "--json");
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Stdout, b.Stdout);
        var df = CsvTable.Read(Friedman, ["y"]);
        var forest = RandomForestRegression.Fit(df, "y", null, new RandomForestOptions { Trees = 40, Mtry = 5, Seed = 9 });
        using var doc = JsonDocument.Parse(a.Stdout);
        Assert.Equal(forest.OobMse, doc.RootElement.GetProperty("oob_mse").GetDouble());
        var c = CliRunner.Run("rf", Friedman, "--target", "y", "--trees", "40", "--mtry", "5", "--seed", "10", "--json");
        Assert.NotEqual(a.Stdout, c.Stdout);
    }

    [Fact]
    public void TextOutputIsATableSortedByImportance()
    {
        var (code, stdout, _) = CliRunner.Run("rf", Friedman, "--target", "y", "--trees", "60");
        Assert.Equal(0, code);
        Assert.Contains("% Var explained", stdout);
        var rows = stdout.Split('\n').Where(l => l.StartsWith('x')).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(10, rows.Length);
        var values = rows.Select(r => double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values.OrderByDescending(v => v), values);
        Assert.Equal("x4", rows[0][0]);
    }

    [Fact]
    public void AllTextColumnsAreIgnored()
    {
        using var dir = new TempDir();
        var path = dir.File("sites.csv");
        var sb = new StringBuilder("site,a,b,y\n");
        for (int i = 0; i < 30; i++) sb.Append($"S{i},{i % 7},{(i * 3) % 11},{i % 7 * 2.5}\n");
        File.WriteAllText(path, sb.ToString());
        var doc = CliRunner.RunJson("rf", path, "--target", "y", "--trees", "20", "--json");
        Assert.Equal(["a", "b"], doc.GetProperty("importance").EnumerateArray().Select(e => e.GetProperty("feature").GetString()!).ToArray());
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "a,b,y\n1,2,3\n2,3,4\n3,4,5\n4,5,6\n5,6,7\n6,7,8\n", "NPP", "missing column 'NPP'" },
        { "a,b,y\n1,2,3\n2,3,4\n3,4,oops\n4,5,6\n5,6,7\n6,7,8\n", "y", "'oops'" },
        { "a,b,y\n1,2,3\n2,3,4\n3,four,5\n4,5,6\n5,6,7\n6,7,8\n", "y", "'four'" },
        { "a,b,y\n1,2,3\n2,3,4\n3,4,5\n4,5,6\n", "y", "at least 5" },
        { "a,b,y\n1,2,3\n2,3,4\n3,4,NA\n4,5,6\n5,6,7\n6,7,8\n", "y", "data row 3" },
        { "a,b,y\n1,2,3\n2,3,4\n3,4,\n4,5,6\n5,6,7\n6,7,8\n", "y", "column 'y'" },
        { "a,b,y\n1,2,3\n2,,4\n3,4,5\n4,5,6\n5,6,7\n6,7,8\n", "y", "column 'b'" },
        { "name,y\nA,3\nB,4\nC,5\nD,6\nE,7\nF,8\n", "y", "no numeric feature" },
    };

    // Bad input: one line on stderr ("econb: …" with the cause), nothing on stdout, exit code 1.
    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputFailsWithOneLine(string csv, string target, string expected)
    {
        using var dir = new TempDir();
        var path = dir.File("bad.csv");
        File.WriteAllText(path, csv);
        var (code, stdout, stderr) = CliRunner.Run("rf", path, "--target", target, "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("econb: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    [Theory]
    [InlineData("--mtry", "11", "--mtry")]
    [InlineData("--mtry", "0", "--mtry")]
    [InlineData("--trees", "0", "--trees")]
    public void BadOptionsFailWithOneLine(string option, string value, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("rf", Friedman, "--target", "y", option, value, "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
    }

    [Fact]
    public void MissingTargetOptionFailsWithOneLine()
    {
        var (code, _, stderr) = CliRunner.Run("rf", Friedman, "--json");
        Assert.Equal(1, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--target", stderr);
    }
}
