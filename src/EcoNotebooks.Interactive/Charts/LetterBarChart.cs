using System.Globalization;
using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>One panel of a <see cref="LetterBarChart"/>: bars of group means with error bars and compact letters.</summary>
/// <param name="Title">Panel title (e.g. "(A) Bulk density").</param>
/// <param name="YTitle">y-axis title with unit (e.g. "BD (g cm⁻³)").</param>
/// <param name="Groups">Group labels (x axis).</param>
/// <param name="Means">Mean per group.</param>
/// <param name="Errors">Error-bar half-length per group (e.g. SD), null for none.</param>
/// <param name="Letters">Compact letter display per group (shown above the error bar).</param>
public sealed record LetterBarPanel(string Title, string YTitle, IReadOnlyList<string> Groups, IReadOnlyList<double> Means, IReadOnlyList<double?> Errors, IReadOnlyList<string> Letters);

/// <summary>
/// Bar charts of group means ± error with Tukey compact letters above each bar (as in the papers' ANOVA figures), one
/// panel or a grid of panels. R: <c>ggplot + geom_col + geom_errorbar + geom_text(letters)</c>.
/// </summary>
public static class LetterBarChart
{
    /// <summary>One panel as a figure.</summary>
    public static PlotlyFigure Create(LetterBarPanel panel, string xTitle, string? errorLabel = "mean ± SD", string? title = null) =>
        Grid([panel], 1, xTitle, errorLabel, title ?? panel.Title);

    /// <summary>Several panels in a grid with <paramref name="columns"/> columns (each its own y axis and title).</summary>
    /// <param name="panels">Panels, at least one.</param>
    /// <param name="columns">Panels per row, ≥ 1.</param>
    /// <param name="xTitle">x-axis title of every panel (e.g. "Treatment").</param>
    /// <param name="errorLabel">Legend text of the bars/error bars (e.g. "mean ± SD").</param>
    /// <param name="title">Figure title.</param>
    public static PlotlyFigure Grid(IReadOnlyList<LetterBarPanel> panels, int columns, string xTitle, string? errorLabel = "mean ± SD", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("At least one panel is needed.", nameof(panels));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be ≥ 1.");
        ChartJson.RequireText(xTitle, nameof(xTitle));
        int rows = (panels.Count + columns - 1) / columns;
        var data = new JsonArray();
        var annotations = new JsonArray();
        var layout = new JsonObject
        {
            ["title"] = ChartJson.Title(title), ["showlegend"] = true, ["bargap"] = 0.35,
            ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.08 / rows - 0.06 },
            ["height"] = Math.Max(380, 300 * rows), ["margin"] = new JsonObject { ["t"] = 80 },
        };
        double gapX = 0.08, gapY = 0.35 / rows;
        double w = (1 - gapX * (columns - 1)) / columns, h = (1 - gapY * (rows - 1)) / rows;
        for (int k = 0; k < panels.Count; k++)
        {
            var p = panels[k];
            if (p.Groups.Count != p.Means.Count || p.Groups.Count != p.Errors.Count || p.Groups.Count != p.Letters.Count)
                throw new ArgumentException($"Panel '{p.Title}': groups, means, errors and letters must have the same length.", nameof(panels));
            ChartJson.RequireText(p.YTitle, "YTitle");
            int r = k / columns, c = k % columns;
            string suffix = k == 0 ? "" : (k + 1).ToString(CultureInfo.InvariantCulture);
            double x0 = c * (w + gapX), y1 = 1 - r * (h + gapY);
            layout["xaxis" + suffix] = ChartJson.Axis(r == rows - 1 || k + columns >= panels.Count ? xTitle : "", new JsonObject { ["domain"] = new JsonArray(x0, x0 + w), ["anchor"] = "y" + suffix });
            double top = p.Means.Select((m, i) => m + (p.Errors[i] ?? 0)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
            double bottom = Math.Min(0, p.Means.Select((m, i) => m - (p.Errors[i] ?? 0)).Where(double.IsFinite).DefaultIfEmpty(0).Min());
            layout["yaxis" + suffix] = ChartJson.Axis(p.YTitle, new JsonObject { ["domain"] = new JsonArray(y1 - h, y1), ["anchor"] = "x" + suffix, ["range"] = new JsonArray(bottom * 1.15, top * 1.18 + 1e-12) });
            data.Add(new JsonObject
            {
                ["type"] = "bar", ["name"] = errorLabel ?? "mean", ["legendgroup"] = "bars", ["showlegend"] = k == 0,
                ["x"] = ChartJson.Strings(p.Groups), ["y"] = ChartJson.Numbers(p.Means), ["xaxis"] = "x" + suffix, ["yaxis"] = "y" + suffix,
                ["marker"] = new JsonObject { ["color"] = "#7fb3d5", ["line"] = new JsonObject { ["color"] = "#1f4e79", ["width"] = 1 } },
                ["error_y"] = new JsonObject { ["type"] = "data", ["array"] = ChartJson.Numbers(p.Errors), ["visible"] = true, ["color"] = "#333" },
                ["hovertemplate"] = "%{x}: %{y:.3g}<extra></extra>",
            });
            data.Add(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "text", ["name"] = "Tukey HSD letters", ["legendgroup"] = "letters", ["showlegend"] = k == 0,
                ["x"] = ChartJson.Strings(p.Groups), ["y"] = ChartJson.Numbers(p.Means.Select((m, i) => m + (p.Errors[i] ?? 0) + 0.06 * (top - bottom))),
                ["text"] = ChartJson.Strings(p.Letters), ["textfont"] = new JsonObject { ["size"] = 14, ["color"] = "#000" },
                ["xaxis"] = "x" + suffix, ["yaxis"] = "y" + suffix, ["hoverinfo"] = "skip",
            });
            annotations.Add(new JsonObject
            {
                ["text"] = $"<b>{p.Title}</b>", ["xref"] = "paper", ["yref"] = "paper", ["x"] = x0 + w / 2, ["y"] = y1 + 0.02,
                ["xanchor"] = "center", ["yanchor"] = "bottom", ["showarrow"] = false,
            });
        }
        layout["annotations"] = annotations;
        return new PlotlyFigure(data, layout);
    }
}
