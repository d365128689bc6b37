using System.Globalization;
using System.Text;
using EcoNotebooks.Tests.TestSupport;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Cli.Commands;

/// <summary>
/// JSON contracts of <c>econb trend</c>, <c>econb ahp</c> and <c>econb breaks</c>, with values against the R
/// reference (Reference/trendweights.json, tolerance 1e-8), and their one-line errors with exit code 1.
/// </summary>
[Collection("cli")]
public sealed class TrendWeightsCommandTests
{
    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Trend_json_has_the_contract_fields_and_R_values()
    {
        using var dir = new TempDir();
        var s = Root.GetProperty("mann_kendall").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "with_nan");
        var t = Doubles(s.GetProperty("t")); var y = Doubles(s.GetProperty("y"));
        var csv = new StringBuilder("site," + string.Join(",", t.Select(F)) + "\n");
        csv.Append("with_nan," + string.Join(",", y.Select(F)) + "\n");
        csv.Append("up," + string.Join(",", t.Select((_, i) => F(i * 0.1))) + "\n");
        File.WriteAllText(dir.File("t.csv"), csv.ToString());
        var json = CliRunner.RunJson("trend", dir.File("t.csv"), "--json");
        Assert.Equal(["series"], json.EnumerateObject().Select(p => p.Name));
        var rows = json.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(["id", "sen_slope", "mk_s", "mk_z", "p", "class"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("with_nan", rows[0].GetProperty("id").GetString());
        Close(Num(s, "sen_slope"), rows[0].GetProperty("sen_slope").GetDouble(), 1e-10, "slope");
        Close(Num(s, "s"), rows[0].GetProperty("mk_s").GetDouble(), 0, "S");
        Close(Num(s, "z"), rows[0].GetProperty("mk_z").GetDouble(), 1e-8, "Z");
        Close(Num(s, "p"), rows[0].GetProperty("p").GetDouble(), 1e-8, "p");
        Assert.Equal("significant_decrease", rows[0].GetProperty("class").GetString()); // Z = -3.02
        Assert.Equal("significant_increase", rows[1].GetProperty("class").GetString());
        Close(0.1, rows[1].GetProperty("sen_slope").GetDouble(), 1e-12, "slope per year");
        // thresholds are options: with --z-significant 3.5 the decrease is only slightly significant (|Z| = 3.02 ≥ 1.645)
        var j2 = CliRunner.RunJson("trend", dir.File("t.csv"), "--json", "--z-significant", "3.5");
        Assert.Equal("slightly_significant_decrease", j2.GetProperty("series")[0].GetProperty("class").GetString());
        var j3 = CliRunner.RunJson("trend", dir.File("t.csv"), "--json", "--z-significant", "3.5", "--z-slight", "3.2");
        Assert.Equal("no_significant_decrease", j3.GetProperty("series")[0].GetProperty("class").GetString());
    }

    [Theory]
    [InlineData("id,2021,2022\na,1,2\n", "at least 3 years")]
    [InlineData("id,2021,2022,2023\na,1,x,3\n", ":2:3:")]
    [InlineData("id,2021,year2,2023\na,1,2,3\n", "'year2'")]
    [InlineData("id,2021,2022,2023\na,1,,\n", "series 'a'")]
    public void Trend_bad_input_is_one_line_exit_1(string csv, string expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), csv);
        var (code, stdout, stderr) = CliRunner.Run("trend", dir.File("t.csv"), "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("econb: ", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Ahp_json_matches_R_and_accepts_fractions()
    {
        using var dir = new TempDir();
        var r = Root.GetProperty("ahp")[2];
        var a = Matrix(r.GetProperty("matrix"));
        int n = a.GetLength(0);
        var labels = Enumerable.Range(1, n).Select(i => $"C{i}").ToArray();
        var sb = new StringBuilder("," + string.Join(",", labels) + "\n");
        for (int i = 0; i < n; i++)
            sb.Append(labels[i] + "," + string.Join(",", Enumerable.Range(0, n).Select(j => a[i, j] >= 1 ? F(a[i, j]) : "1/" + F(Math.Round(1 / a[i, j], 9)))) + "\n");
        File.WriteAllText(dir.File("m.csv"), sb.ToString());
        var json = CliRunner.RunJson("ahp", dir.File("m.csv"), "--json");
        Assert.Equal(["weights", "lambda_max", "ci", "cr"], json.EnumerateObject().Select(p => p.Name));
        var w = Doubles(r.GetProperty("weights"));
        var got = json.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < n; i++) Close(w[i], got[i], 1e-8, $"weight {i}");
        Close(Num(r, "lambda_max"), json.GetProperty("lambda_max").GetDouble(), 1e-8, "lambda_max");
        Close(Num(r, "ci"), json.GetProperty("ci").GetDouble(), 1e-8, "ci");
        Close(Num(r, "cr"), json.GetProperty("cr").GetDouble(), 1e-8, "cr");
    }

    [Theory]
    [InlineData(",A,B,C\nA,1,3,5\nB,1/3,1,2\nC,0.2,0.4,1\n", "row 'B', column 'C'")]
    [InlineData(",A,B\nA,1,3\nB,1/3,1\nC,1,1\n", "square")]
    [InlineData(",A,B\nA,1,three\nB,1/3,1\n", ":2:3:")]
    public void Ahp_bad_matrix_is_one_line_exit_1(string csv, string expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("m.csv"), csv);
        var (code, stdout, stderr) = CliRunner.Run("ahp", dir.File("m.csv"), "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, stderr);
    }

    [Theory]
    [InlineData("skewed", 5, "fisher")]
    [InlineData("ties", 5, "jenks")]
    [InlineData("random", 7, "quantile")]
    [InlineData("uniform", 3, "equal")]
    public void Breaks_json_matches_classInt(string data, int k, string style)
    {
        using var dir = new TempDir();
        var x = Doubles(Root.GetProperty("datasets").GetProperty(data));
        File.WriteAllText(dir.File("d.csv"), "site,value\n" + string.Join("", x.Select((v, i) => $"s{i},{F(v)}\n")) + "s_missing,NA\n");
        var json = CliRunner.RunJson("breaks", dir.File("d.csv"), "--column", "value", "--classes", k.ToString(CultureInfo.InvariantCulture), "--method", style, "--json");
        Assert.Equal(["breaks", "counts"], json.EnumerateObject().Select(p => p.Name));
        var refCase = Root.GetProperty("breaks").EnumerateArray().Single(b =>
            b.GetProperty("data").GetString() == data && b.GetProperty("k").GetInt32() == k && b.GetProperty("style").GetString() == style);
        var brks = Doubles(refCase.GetProperty("brks"));
        var got = json.GetProperty("breaks").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(k + 1, got.Length);
        for (int i = 0; i <= k; i++) Close(brks[i], got[i], 1e-8, $"break {i}");
        Assert.Equal(refCase.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()), json.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Theory]
    [InlineData("v\n1\n2\n3\n", "--column", "w", "missing column 'w'")]
    [InlineData("v\n1\nabc\n3\n", "--column", "v", ":3:1:")]
    [InlineData("v\n1\n2\n2\n", "--column", "v", "only 2 distinct values")]
    public void Breaks_bad_input_is_one_line_exit_1(string csv, string opt, string col, string expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.csv"), csv);
        var (code, stdout, stderr) = CliRunner.Run("breaks", dir.File("d.csv"), opt, col, "--classes", "3", "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, stderr);
    }
}
