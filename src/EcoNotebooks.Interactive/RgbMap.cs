using System.Text.Json.Nodes;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Interactive;

/// <summary>
/// True-colour maps of a three-band raster (band 0 red, band 1 green, band 2 blue, values 0–255) as a plotly.js
/// <c>image</c> trace placed at pixel-centre coordinates with axis titles and units, north up. Used for composites
/// such as the Changhe RelCon RGB map (soil red, mining green, climate blue). R: <c>terra::plotRGB</c>;
/// Python: <c>rasterio.plot.show(rgb)</c>.
/// </summary>
public static class RgbMap
{
    /// <summary>The map. Pixels whose three bands are all 0 or missing are drawn white.</summary>
    /// <param name="rgb">Raster with at least three bands, values 0–255 (others are clamped).</param>
    /// <param name="title">Figure title.</param>
    /// <param name="maxPixels">Display budget (≥ 100): larger rasters are decimated by taking every k-th pixel.</param>
    public static PlotlyFigure Show(Raster rgb, string? title = null, int maxPixels = 250_000)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.BandCount < 3) throw new ArgumentException($"An RGB map needs 3 bands; the raster has {rgb.BandCount}.", nameof(rgb));
        if (maxPixels < 100) throw new ArgumentOutOfRangeException(nameof(maxPixels), maxPixels, "maxPixels must be at least 100.");
        var (cols, rows, xs, ys) = RasterMap.Sample(rgb.Grid, maxPixels);
        var bands = Enumerable.Range(0, 3).Select(b => rgb.Band(b).ToDoubleArray()).ToArray();
        var z = new JsonArray();
        foreach (int r in rows.Reverse())
        {
            var row = new JsonArray();
            foreach (int c in cols)
            {
                long i = (long)r * rgb.Width + c;
                var px = bands.Select(b => double.IsNaN(b[i]) ? 0 : Math.Clamp(Math.Round(b[i]), 0, 255)).ToArray();
                row.Add(px.All(v => v == 0) ? new JsonArray(255, 255, 255) : new JsonArray(px[0], px[1], px[2]));
            }
            z.Add(row);
        }
        double dx = xs.Length > 1 ? xs[1] - xs[0] : rgb.Grid.Transform.PixelWidth;
        double dy = ys.Length > 1 ? ys[0] - ys[1] : Math.Abs(rgb.Grid.Transform.PixelHeight);
        var (xLabel, yLabel, unit) = RasterMap.AxisLabels(rgb.Grid.Crs);
        var trace = new JsonObject
        {
            ["type"] = "image", ["z"] = z, ["colormodel"] = "rgb",
            ["x0"] = xs[0], ["dx"] = dx, ["y0"] = ys[^1], ["dy"] = dy,
            ["hovertemplate"] = $"{xLabel}: %{{x}}<br>{yLabel}: %{{y}}<br>R %{{z[0]}} G %{{z[1]}} B %{{z[2]}}<extra></extra>",
        };
        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title ?? "RGB composite" },
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = $"{xLabel} ({unit})" }, ["constrain"] = "domain", ["tickformat"] = unit == "m" ? ".0f" : "" },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = $"{yLabel} ({unit})" }, ["scaleanchor"] = "x", ["constrain"] = "domain", ["autorange"] = true, ["tickformat"] = unit == "m" ? ".0f" : "" },
            ["margin"] = new JsonObject { ["t"] = 50 },
        };
        return new PlotlyFigure(new JsonArray(trace), layout);
    }
}
