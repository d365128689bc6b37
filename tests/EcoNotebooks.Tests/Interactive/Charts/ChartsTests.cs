using System.Text.Json.Nodes;
using EcoNotebooks.Interactive.Charts;
using EcoNotebooks.Statistics;

namespace EcoNotebooks.Tests.Interactive.Charts;

public sealed class ChartsTests
{
    private static CorrelationMatrix Matrix() => CorrelationMatrix.Compute(
    [
        ("a", [1.0, 2, 3, 4, 5, 6]), ("b", [2.0, 4.1, 5.9, 8.2, 9.9, 12.1]), ("c", [6.0, 5.1, 3.9, 3.2, 2.1, 0.8]), ("d", [1.0, -1, 1, -1, 1, -1]),
    ]);

    [Fact]
    public void Network_draws_one_line_per_edge_coloured_by_sign_and_wide_by_r()
    {
        var net = CorrelationNetwork.Build(Matrix(), 0.7, 0.05);
        var fig = NetworkChart.Create(net, "test");
        var lines = fig.Data.OfType<JsonObject>().Where(t => (string?)t["mode"] == "lines" && t["x"]!.AsArray().Count == 3).ToArray();
        Assert.Equal(net.Edges.Count, lines.Length);
        Assert.True(net.Edges.Count >= 3); // a-b, a-c, b-c
        foreach (var (e, l) in net.Edges.Zip(lines))
        {
            Assert.Equal(e.R > 0 ? NetworkChart.PositiveColor : NetworkChart.NegativeColor, (string?)l["line"]!["color"]);
            Assert.Equal(8 * Math.Abs(e.R), (double)l["line"]!["width"]!, 9);
        }
        var nodes = fig.Data.OfType<JsonObject>().Single(t => (string?)t["mode"] == "markers+text");
        Assert.Equal(4, nodes["x"]!.AsArray().Count);
        foreach (var (x, y) in nodes["x"]!.AsArray().Zip(nodes["y"]!.AsArray())) Assert.Equal(1, Math.Sqrt(Math.Pow((double)x!, 2) + Math.Pow((double)y!, 2)), 9); // on the unit circle
        Assert.Contains("Pearson r", fig.Layout.ToJsonString());
    }

    [Fact]
    public void Heatmap_prints_r_with_significance_marks_in_the_lower_triangle()
    {
        var m = Matrix();
        var fig = CorrelationHeatmap.Create(m, 0.05, "t");
        var text = fig.Data[0]!["text"]!.AsArray();
        Assert.Equal("", (string?)text[0]![1]); // upper triangle empty
        string ab = (string)text[1]![0]!;
        Assert.StartsWith(m.R[1, 0]!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), ab);
        Assert.EndsWith(CorrelationHeatmap.Marks(m.P[1, 0], 0.05), ab);
        Assert.Equal("***", CorrelationHeatmap.Marks(0.0001, 0.05));
        Assert.Equal("*", CorrelationHeatmap.Marks(0.03, 0.05));
        Assert.Equal("", CorrelationHeatmap.Marks(0.03, 0.01));
        Assert.Equal("", CorrelationHeatmap.Marks(null, 0.05));
        Assert.Equal("Pearson r", (string?)fig.Data[0]!["colorbar"]!["title"]!["text"]);
    }

    [Fact]
    public void Letter_bars_carry_letters_error_bars_and_axis_titles_per_panel()
    {
        var p1 = new LetterBarPanel("(A) X", "X (g)", ["g1", "g2"], [1.0, 2.0], [0.1, null], ["a", "b"]);
        var p2 = new LetterBarPanel("(B) Y", "Y (%)", ["g1", "g2"], [3.0, 3.5], [0.2, 0.3], ["a", "a"]);
        var fig = LetterBarChart.Grid([p1, p2], 2, "Group", "mean ± SD", "t");
        Assert.Equal(4, fig.Data.Count);
        Assert.Equal("b", (string?)fig.Data[1]!["text"]![1]);
        Assert.Equal(0.1, (double)fig.Data[0]!["error_y"]!["array"]![0]!, 12);
        Assert.Null(fig.Data[0]!["error_y"]!["array"]![1]);
        Assert.Equal("X (g)", (string?)fig.Layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("Y (%)", (string?)fig.Layout["yaxis2"]!["title"]!["text"]);
        Assert.Equal("y2", (string?)fig.Data[2]!["yaxis"]);
        Assert.Throws<ArgumentException>(() => LetterBarChart.Grid([p1 with { Letters = ["a"] }], 1, "Group"));
        Assert.Throws<ArgumentException>(() => LetterBarChart.Grid([p1], 1, " "));
    }

    [Fact]
    public void Line_and_grouped_bar_charts_check_lengths_and_label_axes()
    {
        var fig = YearLineChart.Create([new YearSeries("s", [2020, 2021], [1.0, null])], "Year", "FVC (%)", "t");
        Assert.Equal("FVC (%)", (string?)fig.Layout["yaxis"]!["title"]!["text"]);
        Assert.Null(fig.Data[0]!["y"]![1]);
        Assert.Throws<ArgumentException>(() => YearLineChart.Create([new YearSeries("s", [2020], [1.0, 2.0])], "Year", "y"));
        var bars = GroupedBarChart.Create(["a", "b"], [new BarSeries("p", [1.0, null]), new BarSeries("q", [2.0, 3.0])], "Group", "Share (%)");
        Assert.Equal("group", (string?)bars.Layout["barmode"]);
        Assert.Throws<ArgumentException>(() => GroupedBarChart.Create(["a"], [new BarSeries("p", [1.0, 2.0])], "G", "S"));
    }
}
