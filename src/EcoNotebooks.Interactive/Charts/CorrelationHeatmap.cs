using System.Globalization;
using System.Text.Json.Nodes;
using EcoNotebooks.Statistics;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>
/// Correlation matrix heat map (lower triangle and diagonal) with r printed in every cell and significance marks:
/// "*" p &lt; alpha, "**" p &lt; 0.01, "***" p &lt; 0.001 (the latter two only when below alpha). Diverging colour
/// scale from −1 (red) to +1 (blue) with a colour bar titled "Pearson r". R: <c>corrplot(sig.level = …)</c>.
/// </summary>
public static class CorrelationHeatmap
{
    /// <summary>Significance marks of a p-value at level <paramref name="alpha"/>.</summary>
    public static string Marks(double? p, double alpha) => p is not double v || !(v < alpha) ? "" : v < 0.001 ? "***" : v < 0.01 ? "**" : "*";

    /// <summary>Builds the heat map of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">Correlations and p-values.</param>
    /// <param name="alpha">Significance level in (0, 1), default 0.05.</param>
    /// <param name="title">Figure title.</param>
    public static PlotlyFigure Create(CorrelationMatrix matrix, double alpha = 0.05, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");
        int k = matrix.Columns.Count;
        var z = new JsonArray(); var text = new JsonArray();
        for (int i = 0; i < k; i++)
        {
            var row = new JsonArray(); var trow = new JsonArray();
            for (int j = 0; j < k; j++)
            {
                bool show = j <= i && matrix.R[i, j] is not null;
                row.Add(show ? JsonValue.Create(matrix.R[i, j]!.Value) : null);
                trow.Add(JsonValue.Create(show ? matrix.R[i, j]!.Value.ToString("0.00", CultureInfo.InvariantCulture) + (i == j ? "" : Marks(matrix.P[i, j], alpha)) : ""));
            }
            z.Add(row); text.Add(trow);
        }
        var trace = new JsonObject
        {
            ["type"] = "heatmap", ["x"] = ChartJson.Strings(matrix.Columns), ["y"] = ChartJson.Strings(matrix.Columns), ["z"] = z, ["text"] = text,
            ["texttemplate"] = "%{text}", ["textfont"] = new JsonObject { ["size"] = 10 }, ["zmin"] = -1, ["zmax"] = 1, ["colorscale"] = "RdBu",
            ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Pearson r" } },
            ["hovertemplate"] = "%{y} – %{x}: r = %{z:.3f}<extra></extra>", ["xgap"] = 1, ["ygap"] = 1,
        };
        var layout = new JsonObject
        {
            ["title"] = ChartJson.Title(title), ["xaxis"] = ChartJson.Axis("Variable", new JsonObject { ["tickangle"] = -45 }),
            ["yaxis"] = ChartJson.Axis("Variable", new JsonObject { ["autorange"] = "reversed" }), ["width"] = 760, ["height"] = 700,
            ["plot_bgcolor"] = "#fff",
            ["annotations"] = new JsonArray(new JsonObject
            {
                ["text"] = $"* p < {alpha.ToString("0.###", CultureInfo.InvariantCulture)}, ** p < 0.01, *** p < 0.001 (two-sided t test of r, n − 2 df)",
                ["xref"] = "paper", ["yref"] = "paper", ["x"] = 1, ["y"] = 1.02, ["xanchor"] = "right", ["yanchor"] = "bottom", ["showarrow"] = false,
            }),
        };
        return new PlotlyFigure(new JsonArray(trace), layout);
    }
}
