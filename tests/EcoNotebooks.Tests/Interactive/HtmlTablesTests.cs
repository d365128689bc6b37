using EcoNotebooks.Interactive;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Tests.Interactive;

public class HtmlTablesTests
{
    public sealed record Result(string Site, double Value, int N);

    [Fact]
    public void DataFrame_is_split_into_pages_with_all_rows_present()
    {
        var df = new DataFrame(new Int32DataFrameColumn("i", Enumerable.Range(0, 40)), new DoubleDataFrameColumn("v", Enumerable.Range(0, 40).Select(i => i == 3 ? double.NaN : i / 3.0)));
        var html = HtmlTables.DataFrame(df, pageSize: 15);
        Assert.Equal(3, CountOf(html, "<tbody"));
        Assert.Equal(2, CountOf(html, "style=\"display:none\""));
        Assert.Equal(40 + 1, CountOf(html, "<tr><th>"));   // 40 data rows + the header row
        Assert.Contains("<td>12.3333</td>", html);       // 37/3 with 6 significant digits
        Assert.Contains("<tr><th>3</th><td>3</td><td></td></tr>", html);   // NaN → empty cell
        Assert.Contains("40 rows × 2 columns", html);
        Assert.Contains("econbPage", html);
    }

    [Fact]
    public void Small_DataFrame_has_no_pager_and_text_is_escaped()
    {
        var df = new DataFrame(new StringDataFrameColumn("s", ["<b>&"]));
        var html = HtmlTables.DataFrame(df);
        Assert.DoesNotContain("econbPage", html);
        Assert.Contains("&lt;b&gt;&amp;", html);
    }

    [Fact]
    public void Records_become_property_tables_and_lists_become_rows()
    {
        Assert.True(HtmlTables.IsRecord(typeof(Result)));
        Assert.False(HtmlTables.IsRecord(typeof(string)));
        var html = HtmlTables.Record(new Result("Hill", 0.5, 12));
        Assert.Contains("<tr><th>Site</th><td>Hill</td></tr>", html);
        Assert.Contains("<tr><th>N</th><td>12</td></tr>", html);
        Assert.DoesNotContain("EqualityContract", html);
        var rows = HtmlTables.Rows([new Result("A", 1, 1), new Result("B", 2.5, 2)]);
        Assert.Contains("<tr><td>B</td><td>2.5</td><td>2</td></tr>", rows);
    }

    private static int CountOf(string s, string sub) { int n = 0, i = 0; while ((i = s.IndexOf(sub, i, StringComparison.Ordinal)) >= 0) { n++; i += sub.Length; } return n; }
}
