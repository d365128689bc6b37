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

    /// <summary>The HTML fragment (div + script) that draws this figure; see <see cref="Figures.ToHtml(PlotlyFigure)"/>.</summary>
    public string ToHtml() => Figures.ToHtml(this);
}
