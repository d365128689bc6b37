using System.Text.Json.Nodes;
using EcoNotebooks.Statistics;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>
/// A correlation network drawn as a graph: variables on a circle, one line per edge, green for r &gt; 0 and red for
/// r &lt; 0, line width proportional to |r|, node size by degree; hovering an edge shows r and p. Axes are hidden (the
/// position carries no value); the legend and a note explain the encoding. R: <c>igraph::plot(layout_in_circle)</c>;
/// Python: <c>networkx.circular_layout</c>.
/// </summary>
public static class NetworkChart
{
    /// <summary>Colour of positive edges.</summary>
    public const string PositiveColor = "#1a9850";

    /// <summary>Colour of negative edges.</summary>
    public const string NegativeColor = "#d73027";

    /// <summary>Builds the graph of <paramref name="network"/>.</summary>
    /// <param name="network">Nodes and edges (|r| ≥ threshold, p &lt; alpha).</param>
    /// <param name="title">Figure title.</param>
    /// <param name="maxWidth">Line width (px) of an edge with |r| = 1; default 8.</param>
    public static PlotlyFigure Create(CorrelationNetwork network, string? title = null, double maxWidth = 8)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!(maxWidth > 0)) throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "maxWidth must be > 0.");
        int n = network.Nodes.Count;
        var pos = new Dictionary<string, (double X, double Y)>();
        for (int i = 0; i < n; i++)
        {
            double a = Math.PI / 2 - 2 * Math.PI * i / Math.Max(1, n);
            pos[network.Nodes[i]] = (Math.Cos(a), Math.Sin(a));
        }
        var data = new JsonArray();
        bool shownPos = false, shownNeg = false;
        foreach (var e in network.Edges)
        {
            bool positive = e.Sign == CorrelationSign.Positive;
            var (a, b) = (pos[e.A], pos[e.B]);
            bool show = positive ? !shownPos : !shownNeg;
            if (positive) shownPos = true; else shownNeg = true;
            string hover = $"{e.A} – {e.B}<br>r = {e.R:F2}, p = {e.P:G2}";
            data.Add(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines", ["x"] = new JsonArray(a.X, (a.X + b.X) / 2, b.X), ["y"] = new JsonArray(a.Y, (a.Y + b.Y) / 2, b.Y),
                ["line"] = new JsonObject { ["color"] = positive ? PositiveColor : NegativeColor, ["width"] = Math.Max(0.5, maxWidth * Math.Abs(e.R)) },
                ["opacity"] = 0.75, ["name"] = positive ? "positive r" : "negative r", ["legendgroup"] = positive ? "pos" : "neg", ["showlegend"] = show,
                ["text"] = new JsonArray(hover, hover, hover), ["hoverinfo"] = "text",
            });
        }
        if (!shownPos) data.Add(LegendOnly("positive r", PositiveColor));
        if (!shownNeg) data.Add(LegendOnly("negative r", NegativeColor));
        var degree = network.Nodes.Select(v => network.Edges.Count(e => e.A == v || e.B == v)).ToArray();
        data.Add(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers+text", ["name"] = "variable (size = degree)",
            ["x"] = ChartJson.Numbers(network.Nodes.Select(v => pos[v].X)), ["y"] = ChartJson.Numbers(network.Nodes.Select(v => pos[v].Y)),
            ["text"] = ChartJson.Strings(network.Nodes), ["textposition"] = ChartJson.Strings(network.Nodes.Select(v => pos[v].Y >= 0 ? "top center" : "bottom center")),
            ["marker"] = new JsonObject { ["size"] = ChartJson.Numbers(degree.Select(d => 14.0 + 3 * d)), ["color"] = "#4a6fa5", ["line"] = new JsonObject { ["color"] = "#fff", ["width"] = 1 } },
            ["customdata"] = ChartJson.Numbers(degree.Select(d => (double)d)), ["hovertemplate"] = "%{text}: %{customdata} edge(s)<extra></extra>",
        });
        var hidden = new JsonObject { ["visible"] = false, ["range"] = new JsonArray(-1.35, 1.35) };
        var layout = new JsonObject
        {
            ["title"] = ChartJson.Title(title), ["xaxis"] = hidden, ["yaxis"] = ((JsonObject)hidden.DeepClone()).Also(y => y["scaleanchor"] = "x"),
            ["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Edges (Pearson r)" } }, ["hovermode"] = "closest",
            ["width"] = 620, ["height"] = 560,
            ["annotations"] = new JsonArray(new JsonObject
            {
                ["text"] = $"edge: |r| ≥ {network.Threshold:0.##} and p < {network.Alpha:0.###}; width ∝ |r|; {network.Edges.Count} edge(s)",
                ["xref"] = "paper", ["yref"] = "paper", ["x"] = 0, ["y"] = -0.04, ["showarrow"] = false, ["xanchor"] = "left",
            }),
        };
        return new PlotlyFigure(data, layout);
    }

    private static JsonObject LegendOnly(string name, string color) => new()
    {
        ["type"] = "scatter", ["mode"] = "lines", ["x"] = new JsonArray((JsonNode?)null), ["y"] = new JsonArray((JsonNode?)null), ["name"] = name + " (none)",
        ["line"] = new JsonObject { ["color"] = color, ["width"] = 3 }, ["showlegend"] = true, ["hoverinfo"] = "skip",
    };

    private static JsonObject Also(this JsonObject o, Action<JsonObject> f) { f(o); return o; }
}
