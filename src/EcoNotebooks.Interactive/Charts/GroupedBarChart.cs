using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>One bar series of a <see cref="GroupedBarChart"/>.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="Values">One value per category (null = not available, no bar).</param>
/// <param name="Color">CSS colour or null.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double?> Values, string? Color = null);

/// <summary>Side-by-side bars per category (e.g. computed vs published shares), values printed on the bars. R: <c>barplot(beside = TRUE)</c>.</summary>
public static class GroupedBarChart
{
    /// <summary>Builds the chart.</summary>
    /// <param name="categories">Category labels on the x axis.</param>
    /// <param name="series">Series, each with one value per category.</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title with unit.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="valueFormat">d3 format of the bar labels (default ".2f").</param>
    public static PlotlyFigure Create(IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, string xTitle, string yTitle, string? title = null, string valueFormat = ".2f")
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ChartJson.RequireText(xTitle, nameof(xTitle)); ChartJson.RequireText(yTitle, nameof(yTitle));
        var data = new JsonArray();
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count) throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories.", nameof(series));
            var t = new JsonObject
            {
                ["type"] = "bar", ["name"] = s.Name, ["x"] = ChartJson.Strings(categories), ["y"] = ChartJson.Numbers(s.Values),
                ["texttemplate"] = $"%{{y:{valueFormat}}}", ["textposition"] = "outside",
            };
            if (s.Color is not null) t["marker"] = new JsonObject { ["color"] = s.Color };
            data.Add(t);
        }
        var layout = new JsonObject
        {
            ["title"] = ChartJson.Title(title), ["barmode"] = "group", ["xaxis"] = ChartJson.Axis(xTitle), ["yaxis"] = ChartJson.Axis(yTitle),
            ["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Series" } },
        };
        return new PlotlyFigure(data, layout);
    }
}
