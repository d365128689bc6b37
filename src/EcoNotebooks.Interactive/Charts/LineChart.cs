using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>One line (or marker) series of a <see cref="LineChart"/>.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values (same length; NaN draws a gap).</param>
/// <param name="Dash">Plotly dash style ("solid", "dash", "dot", "dashdot") or null for solid.</param>
/// <param name="Markers">True for markers only, false for lines.</param>
/// <param name="Color">CSS colour or null for the plotly default cycle.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string? Dash = null, bool Markers = false, string? Color = null);

/// <summary>
/// A labelled multi-series line chart as a <see cref="PlotlyFigure"/>: every series in the legend, both axis titles
/// required (with units), optionally a downward depth axis. Plotly equivalent: <c>go.Figure([go.Scatter(...)...])</c>.
/// </summary>
public static class LineChart
{
    /// <summary>Builds the chart.</summary>
    /// <param name="series">At least one series; X and Y of equal length.</param>
    /// <param name="xTitle">x-axis title with unit, e.g. "Day".</param>
    /// <param name="yTitle">y-axis title with unit, e.g. "Thaw depth (m)".</param>
    /// <param name="title">Figure title.</param>
    /// <param name="reverseY">True to draw the y axis increasing downwards (depth profiles).</param>
    public static PlotlyFigure Create(IEnumerable<LineSeries> series, string xTitle, string yTitle, string? title = null, bool reverseY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(xTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(yTitle);
        var data = new JsonArray();
        foreach (var s in series)
        {
            if (s.X.Count != s.Y.Count) throw new ArgumentException($"Series '{s.Name}' has {s.X.Count} x values but {s.Y.Count} y values.", nameof(series));
            var trace = new JsonObject
            {
                ["type"] = "scatter", ["name"] = s.Name, ["mode"] = s.Markers ? "markers" : "lines",
                ["x"] = Values(s.X), ["y"] = Values(s.Y), ["showlegend"] = true,
            };
            var style = new JsonObject();
            if (s.Color is not null) style["color"] = s.Color;
            if (!s.Markers && s.Dash is not null) style["dash"] = s.Dash;
            if (s.Markers) { style["size"] = 8; trace["marker"] = style; } else trace["line"] = style;
            data.Add(trace);
        }
        if (data.Count == 0) throw new ArgumentException("At least one series is needed.", nameof(series));
        var yaxis = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle }, ["zeroline"] = false };
        if (reverseY) yaxis["autorange"] = "reversed";
        var layout = new JsonObject
        {
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } },
            ["yaxis"] = yaxis,
            ["legend"] = new JsonObject { ["orientation"] = "v" },
            ["margin"] = new JsonObject { ["t"] = 50 },
        };
        if (title is not null) layout["title"] = new JsonObject { ["text"] = title };
        return new PlotlyFigure(data, layout);
    }

    private static JsonArray Values(IReadOnlyList<double> v)
    {
        var a = new JsonArray();
        foreach (var x in v) a.Add(double.IsFinite(x) ? JsonValue.Create(x) : null);
        return a;
    }
}
