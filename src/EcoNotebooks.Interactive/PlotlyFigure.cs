using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive;

/// <summary>
/// A plotly.js figure as its JSON parts (data traces, layout, config), as built by <see cref="RasterMap"/>. Shown as a
/// chart in notebooks, saved with <see cref="Figures.SaveHtml(PlotlyFigure, string, string?)"/>. Equivalent of a Python
/// <c>plotly.graph_objects.Figure</c>; Plotly.NET <c>GenericChart</c>s are handled by <see cref="Figures"/> as well.
/// </summary>
/// <param name="Data">The traces (plotly.js <c>data</c> array).</param>
/// <param name="Layout">The plotly.js <c>layout</c> object.</param>
public sealed record PlotlyFigure(JsonArray Data, JsonObject Layout)
{
    /// <summary>The plotly.js <c>config</c> object (responsive by default).</summary>
    public JsonObject Config { get; init; } = new() { ["responsive"] = true };

    /// <summary>A copy with a title.</summary>
    public PlotlyFigure WithTitle(string title)
    {
        var layout = (JsonObject)Layout.DeepClone();
        layout["title"] = new JsonObject { ["text"] = title };
        return this with { Layout = layout };
    }

    /// <summary>A copy with the given size in CSS pixels (width and height ≥ 50).</summary>
    public PlotlyFigure WithSize(int width, int height)
    {
        if (width < 50) throw new ArgumentOutOfRangeException(nameof(width), width, "Figure width must be at least 50 px.");
        if (height < 50) throw new ArgumentOutOfRangeException(nameof(height), height, "Figure height must be at least 50 px.");
        var layout = (JsonObject)Layout.DeepClone();
        layout["width"] = width; layout["height"] = height;
        return this with { Layout = layout };
    }

    /// <summary>
    /// A copy with a point layer drawn over the existing traces (plotly.js <c>scatter</c>, mode markers, black
    /// triangles, hover text = the labels), e.g. stations over a <see cref="RasterMap"/> in the map's CRS units.
    /// Python: <c>fig.add_scatter(x=x, y=y, mode="markers", text=labels)</c>.
    /// </summary>
    /// <param name="x">Point x in the figure's axis units (e.g. easting, m).</param>
    /// <param name="y">Point y (same count as <paramref name="x"/>).</param>
    /// <param name="labels">Hover text per point, or null.</param>
    /// <param name="name">Legend name of the layer.</param>
    public PlotlyFigure WithMarkers(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string>? labels = null, string name = "points")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Count) throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        if (labels is not null && labels.Count != x.Count) throw new ArgumentException($"x has {x.Count} values but labels has {labels.Count}.", nameof(labels));
        var trace = new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = name, ["showlegend"] = true,
            ["x"] = new JsonArray(x.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["y"] = new JsonArray(y.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["marker"] = new JsonObject { ["color"] = "black", ["size"] = 7, ["symbol"] = "triangle-up" },
        };
        if (labels is not null)
        {
            trace["text"] = new JsonArray(labels.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            trace["hovertemplate"] = "%{text}<extra></extra>";
        }
        var data = (JsonArray)Data.DeepClone();
        data.Add(trace);
        return this with { Data = data };
    }

    /// <summary>The HTML fragment (div + script) that draws this figure; see <see cref="Figures.ToHtml(PlotlyFigure)"/>.</summary>
    public string ToHtml() => Figures.ToHtml(this);
}
