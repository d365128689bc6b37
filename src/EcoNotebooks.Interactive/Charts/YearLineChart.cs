using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>One series of a <see cref="YearLineChart"/>.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values (null = gap / not available).</param>
/// <param name="Mode">plotly.js mode: "lines+markers" (default), "lines" or "markers".</param>
/// <param name="Color">CSS colour, or null for plotly's default cycle.</param>
/// <param name="Dash">Line dash ("solid", "dash", "dot"), or null.</param>
/// <param name="Symbol">Marker symbol ("circle", "diamond-open", "x" …), or null.</param>
public sealed record YearSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double?> Y, string Mode = "lines+markers", string? Color = null, string? Dash = null, string? Symbol = null);

/// <summary>Line/marker chart of several series with axis titles and a legend (plotly.js scatter traces). R: <c>ggplot + geom_line + geom_point</c>.</summary>
public static class YearLineChart
{
    /// <summary>Builds the chart.</summary>
    /// <param name="series">Series, at least one; X and Y of equal length.</param>
    /// <param name="xTitle">x-axis title with unit, e.g. "Year".</param>
    /// <param name="yTitle">y-axis title with unit, e.g. "Mean FVC (%)".</param>
    /// <param name="title">Figure title.</param>
    /// <param name="yRange">Optional fixed y range (min, max).</param>
    /// <exception cref="ArgumentException">No series, unequal lengths, or an empty title.</exception>
    public static PlotlyFigure Create(IReadOnlyList<YearSeries> series, string xTitle, string yTitle, string? title = null, (double Min, double Max)? yRange = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("A line chart needs at least one series.", nameof(series));
        ChartJson.RequireText(xTitle, nameof(xTitle)); ChartJson.RequireText(yTitle, nameof(yTitle));
        var data = new JsonArray();
        foreach (var s in series)
        {
            if (s.X.Count != s.Y.Count) throw new ArgumentException($"Series '{s.Name}' has {s.X.Count} x values but {s.Y.Count} y values.", nameof(series));
            var trace = new JsonObject { ["type"] = "scatter", ["mode"] = s.Mode, ["name"] = s.Name, ["x"] = ChartJson.Numbers(s.X), ["y"] = ChartJson.Numbers(s.Y), ["connectgaps"] = false };
            var line = new JsonObject(); var marker = new JsonObject { ["size"] = 8 };
            if (s.Color is not null) { line["color"] = s.Color; marker["color"] = s.Color; }
            if (s.Dash is not null) line["dash"] = s.Dash;
            if (s.Symbol is not null) marker["symbol"] = s.Symbol;
            trace["line"] = line; trace["marker"] = marker;
            data.Add(trace);
        }
        var yAxis = ChartJson.Axis(yTitle);
        if (yRange is { } r) yAxis["range"] = new JsonArray(r.Min, r.Max);
        var layout = new JsonObject
        {
            ["title"] = ChartJson.Title(title), ["xaxis"] = ChartJson.Axis(xTitle, new JsonObject { ["dtick"] = 1 }), ["yaxis"] = yAxis,
            ["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Series" } }, ["hovermode"] = "closest",
        };
        return new PlotlyFigure(data, layout);
    }
}
