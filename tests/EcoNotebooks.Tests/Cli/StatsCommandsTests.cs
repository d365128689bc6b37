using System.Text.Json;
using EcoNotebooks.Tests.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli;

/// <summary>econb diversity / anova / correlate: exact JSON contracts compared with R (Reference/stats.json, 1e-12
/// relative for statistics, 1e-10 for p-values), text output, and one-line errors with exit code 1.</summary>
[Collection("cli")]
public class StatsCommandsTests
{
    private static readonly JsonElement R = ReferenceData.Json("stats.json");

    private static void Keys(JsonElement e, params string[] keys) =>
        Assert.Equal(keys, e.EnumerateObject().Select(p => p.Name).ToArray());

    [Fact]
    public void Diversity_json_matches_contract_and_vegan()
    {
        var j = CliRunner.RunJson("diversity", ReferenceData.PathOf("community.csv"), "--json");
        Keys(j, "plots", "sorensen");
        var e = R.GetProperty("diversity");
        var plots = j.GetProperty("plots").EnumerateArray().ToArray();
        var ep = e.GetProperty("plots").EnumerateArray().ToArray();
        Assert.Equal(ep.Length, plots.Length);
        for (int i = 0; i < ep.Length; i++)
        {
            Keys(plots[i], "plot", "richness", "individuals", "shannon", "simpson", "pielou", "margalef");
            Assert.Equal(JsonValueKind.String, plots[i].GetProperty("plot").ValueKind);
            Assert.Equal(ep[i].GetProperty("plot").GetString(), plots[i].GetProperty("plot").GetString());
            foreach (var k in new[] { "richness", "individuals", "shannon", "simpson", "pielou", "margalef" })
            {
                var v = plots[i].GetProperty(k);
                Near.Equal(ep[i].GetProperty(k), v.ValueKind == JsonValueKind.Null ? null : v.GetDouble(), 1e-13, 1e-15, $"{i} {k}");
            }
        }
        Assert.Equal("01", plots[0].GetProperty("plot").GetString()); // kept as written, not parsed as 1
        var s = j.GetProperty("sorensen");
        Keys(s, "labels", "matrix");
        Assert.Equal(e.GetProperty("sorensen").GetProperty("labels").EnumerateArray().Select(v => v.GetString()), s.GetProperty("labels").EnumerateArray().Select(v => v.GetString()));
        int n = ep.Length;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                var v = s.GetProperty("matrix")[a][b];
                if (a == b && ep[a].GetProperty("richness").GetInt32() == 0) { Assert.Equal(JsonValueKind.Null, v.ValueKind); continue; } // 0/0, R's as.matrix shows 1
                Near.Equal(e.GetProperty("sorensen").GetProperty("matrix")[a][b], v.GetDouble(), 1e-14, 1e-15, $"sorensen[{a},{b}]");
            }
    }

    [Fact]
    public void Anova_json_matches_contract_and_R()
    {
        var j = CliRunner.RunJson("anova", ReferenceData.PathOf("anova.csv"), "--group", "group", "--value", "value", "--json");
        Keys(j, "f", "df_between", "df_within", "p", "tukey");
        var e = R.GetProperty("anova");
        Near.Equal(e.GetProperty("f").GetDouble(), j.GetProperty("f").GetDouble(), 1e-12, 0, "F");
        Assert.Equal(e.GetProperty("df_between").GetInt32(), j.GetProperty("df_between").GetInt32());
        Assert.Equal(e.GetProperty("df_within").GetInt32(), j.GetProperty("df_within").GetInt32());
        Near.Equal(e.GetProperty("p").GetDouble(), j.GetProperty("p").GetDouble(), 1e-10, 0, "p");
        var rows = j.GetProperty("tukey").EnumerateArray().ToArray();
        var er = e.GetProperty("tukey").EnumerateArray().ToArray();
        Assert.Equal(er.Length, rows.Length);
        for (int i = 0; i < er.Length; i++)
        {
            Keys(rows[i], "a", "b", "diff", "lwr", "upr", "p_adj");
            Assert.Equal(er[i].GetProperty("a").GetString(), rows[i].GetProperty("a").GetString());
            Assert.Equal(er[i].GetProperty("b").GetString(), rows[i].GetProperty("b").GetString());
            foreach (var k in new[] { "diff", "lwr", "upr" })
                Near.Equal(er[i].GetProperty(k).GetDouble(), rows[i].GetProperty(k).GetDouble(), 1e-12, 1e-15, $"row {i} {k}");
            Near.Equal(er[i].GetProperty("p_adj").GetDouble(), rows[i].GetProperty("p_adj").GetDouble(), 1e-10, 1e-13, $"row {i} p_adj");
        }
    }

    [Fact]
    public void Correlate_json_matches_contract_and_R()
    {
        var j = CliRunner.RunJson("correlate", ReferenceData.PathOf("correlation.csv"), "--json");
        Keys(j, "columns", "r", "p");
        var e = R.GetProperty("correlate");
        Assert.Equal(e.GetProperty("columns").EnumerateArray().Select(v => v.GetString()), j.GetProperty("columns").EnumerateArray().Select(v => v.GetString()));
        int k = e.GetProperty("columns").GetArrayLength();
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                Near.Equal(e.GetProperty("r")[a][b].GetDouble(), j.GetProperty("r")[a][b].GetDouble(), 1e-12, 1e-15, $"r[{a},{b}]");
                Near.Equal(e.GetProperty("p")[a][b].GetDouble(), j.GetProperty("p")[a][b].GetDouble(), 1e-10, 0, $"p[{a},{b}]");
            }
        var sub = CliRunner.RunJson("correlate", ReferenceData.PathOf("correlation.csv"), "--columns", "TN,BD", "--json");
        Assert.Equal(["TN", "BD"], sub.GetProperty("columns").EnumerateArray().Select(v => v.GetString()!).ToArray());
        Near.Equal(e.GetProperty("r")[3][0].GetDouble(), sub.GetProperty("r")[0][1].GetDouble(), 1e-12, 0, "TN-BD");
    }

    [Fact]
    public void Numeric_group_labels_are_ordered_numerically_like_R_factor()
    {
        // R: levels(factor(c(10, 2, 5))) is "2" "5" "10", so TukeyHSD rows are 5-2, 10-2, 10-5.
        using var tmp = new TempDir();
        var f = tmp.File("pits.csv");
        File.WriteAllText(f, "pit,bd\n10,1.5\n2,1.2\n5,1.4\n10,1.6\n2,1.25\n5,1.35\n10,1.55\n2,1.3\nNA,9\n");
        var j = CliRunner.RunJson("anova", f, "--group", "pit", "--value", "bd", "--json");
        var pairs = j.GetProperty("tukey").EnumerateArray().Select(r => r.GetProperty("a").GetString() + "-" + r.GetProperty("b").GetString()).ToArray();
        Assert.Equal(["5-2", "10-2", "10-5"], pairs);
        Assert.Equal(1.55 - 1.25, j.GetProperty("tukey")[1].GetProperty("diff").GetDouble(), 12); // the NA-group row is skipped
        File.WriteAllText(f, "site,bd\nx,1\ny,2\nx,1.5\ny,2.5\nNA,40\n");
        Assert.Equal(2, CliRunner.RunJson("anova", f, "--group", "site", "--value", "bd", "--json").GetProperty("df_within").GetInt32());
    }

    [Fact]
    public void Text_output_shows_tables()
    {
        var (code, o, _) = CliRunner.Run("anova", ReferenceData.PathOf("anova.csv"), "--group", "group", "--value", "value");
        Assert.Equal(0, code);
        Assert.Contains("Tukey HSD", o);
        Assert.Contains("pit5", o);
        Assert.Contains("14.8207", o);
        (code, o, _) = CliRunner.Run("diversity", ReferenceData.PathOf("community.csv"));
        Assert.Equal(0, code);
        Assert.Contains("shannon", o);
        Assert.Contains("1.23629", o);
        (code, o, _) = CliRunner.Run("correlate", ReferenceData.PathOf("correlation.csv"));
        Assert.Equal(0, code);
        Assert.Contains("-0.784049", o);
    }

    public static TheoryData<string, string, string[]> BadInputs => new()
    {
        { "plot,Stipa,Setaria\nA,1,2\nB,3,-1\n", "count -1 is negative", ["diversity", "{f}", "--json"] },
        { "group,value\na,1\nb,2\nb,3\n", "missing column 'v'", ["anova", "{f}", "--group", "group", "--value", "v", "--json"] },
        { "group,value\na,1\nb,x\nb,3\n", "column 'value' must be numeric but has 'x'", ["anova", "{f}", "--group", "group", "--value", "value", "--json"] },
        { "group,value\na,1\na,2\na,3\n", "1 group(s) found", ["anova", "{f}", "--group", "group", "--value", "value", "--json"] },
        { "group,value\na,1\na,2\nb,3\nc,NA\n", "group 'c' has no non-missing values", ["anova", "{f}", "--group", "group", "--value", "value", "--json"] },
        { "group,value\na,1\nb,2\nc,3\n", "more observations than groups", ["anova", "{f}", "--group", "group", "--value", "value", "--json"] },
        { "x,y\n1,2\n2,3\n", "has 2 non-missing values", ["correlate", "{f}", "--json"] },
        { "x,y,z\n1,2,a\n2,3,b\n4,5,c\n", "column 'z' must be numeric", ["correlate", "{f}", "--columns", "x,z", "--json"] },
        { "x,y\n1,2\n2,3\n4,5\n", "missing column 'w'", ["correlate", "{f}", "--columns", "x,w", "--json"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_line_naming_the_problem_exit_1(string csv, string message, string[] args)
    {
        using var tmp = new TempDir();
        var f = tmp.File("in.csv");
        File.WriteAllText(f, csv);
        var (code, o, err) = CliRunner.Run(args.Select(a => a == "{f}" ? f : a).ToArray());
        Assert.Equal(1, code);
        Assert.Equal("", o);
        var lines = err.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("econb: ", lines[0]);
        Assert.Contains(message, lines[0]);
    }
}
