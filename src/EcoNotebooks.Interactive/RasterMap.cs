using System.Text.Json.Nodes;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Interactive;

/// <summary>
/// Raster maps as plotly.js heatmaps placed at pixel-centre coordinates in CRS units (x = easting/longitude,
/// y = northing/latitude), equal aspect, axis titles with units and a colour bar (continuous) or legend (categorical).
/// Missing pixels (NaN or nodata) are blank. R equivalent: <c>terra::plot</c>; Python: <c>rasterio.plot.show</c>.
/// </summary>
public static class RasterMap
{
    /// <summary>A continuous map of one band.</summary>
    public static PlotlyFigure Continuous(Raster raster, RasterMapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raster);
        options ??= new RasterMapOptions();
        if (options.MaxPixels < 100) throw new ArgumentOutOfRangeException(nameof(options), options.MaxPixels, "MaxPixels must be at least 100.");
        var band = raster.Band(options.Band);
        var values = band.ToDoubleArray();
        var (cols, rows, xs, ys) = Sample(raster.Grid, options.MaxPixels);
        var z = new JsonArray();
        foreach (int r in rows)
        {
            var row = new JsonArray();
            foreach (int c in cols) { double v = values[(long)r * raster.Width + c]; row.Add(double.IsNaN(v) ? null : JsonValue.Create(v)); }
            z.Add(row);
        }
        var (xLabel, yLabel, unit) = AxisLabels(raster.Grid.Crs);
        string valueLabel = options.ValueLabel ?? "Value";
        var trace = new JsonObject
        {
            ["type"] = "heatmap", ["x"] = ToArray(xs), ["y"] = ToArray(ys), ["z"] = z,
            ["colorscale"] = Colorscale(options.Colorscale),
            ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = valueLabel } },
            ["hovertemplate"] = $"{xLabel}: %{{x}}<br>{yLabel}: %{{y}}<br>{valueLabel}: %{{z}}<extra></extra>",
        };
        if (options.ZMin is double lo) trace["zmin"] = lo;
        if (options.ZMax is double hi) trace["zmax"] = hi;
        return new PlotlyFigure(new JsonArray(trace), Layout(xLabel, yLabel, unit, options.Title ?? DefaultTitle(raster, options.Band, cols.Length, rows.Length)));
    }

    /// <summary>A categorical map with a legend entry per class (colour swatch and name).</summary>
    public static PlotlyFigure Categorical(CategoricalRaster categorical)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        var raster = categorical.Raster;
        var classes = categorical.Classes;
        var index = new Dictionary<double, int>();
        for (int i = 0; i < classes.Count; i++) index[classes[i].Value] = i;
        var values = raster.Band(categorical.BandIndex).ToDoubleArray();
        var (cols, rows, xs, ys) = Sample(raster.Grid, 250_000);
        bool withText = (long)cols.Length * rows.Length <= 40_000;
        var z = new JsonArray();
        var text = new JsonArray();
        foreach (int r in rows)
        {
            var row = new JsonArray(); var trow = new JsonArray();
            foreach (int c in cols)
            {
                double v = values[(long)r * raster.Width + c];
                bool known = !double.IsNaN(v) && index.TryGetValue(v, out _);
                row.Add(known ? JsonValue.Create(index[v]) : null);
                if (withText) trow.Add(JsonValue.Create(known ? classes[index[v]].Name : ""));
            }
            z.Add(row); if (withText) text.Add(trow);
        }
        int k = classes.Count;
        var scale = new JsonArray();
        for (int i = 0; i < k; i++)
        {
            scale.Add(new JsonArray((double)i / k, classes[i].Color));
            scale.Add(new JsonArray((double)(i + 1) / k, classes[i].Color));
        }
        var (xLabel, yLabel, unit) = AxisLabels(raster.Grid.Crs);
        var heat = new JsonObject
        {
            ["type"] = "heatmap", ["x"] = ToArray(xs), ["y"] = ToArray(ys), ["z"] = z,
            ["zmin"] = -0.5, ["zmax"] = k - 0.5, ["colorscale"] = scale, ["showscale"] = false, ["showlegend"] = false,
            ["hovertemplate"] = withText ? $"{xLabel}: %{{x}}<br>{yLabel}: %{{y}}<br>%{{text}}<extra></extra>" : $"{xLabel}: %{{x}}<br>{yLabel}: %{{y}}<br>class #%{{z}}<extra></extra>",
        };
        if (withText) heat["text"] = text;
        var data = new JsonArray(heat);
        foreach (var cls in classes)
            data.Add(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "markers", ["name"] = cls.Name, ["x"] = new JsonArray((JsonNode?)null), ["y"] = new JsonArray((JsonNode?)null),
                ["marker"] = new JsonObject { ["color"] = cls.Color, ["symbol"] = "square", ["size"] = 14 }, ["showlegend"] = true, ["hoverinfo"] = "skip",
            });
        var layout = Layout(xLabel, yLabel, unit, categorical.Title ?? DefaultTitle(raster, categorical.BandIndex, cols.Length, rows.Length));
        layout["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Class" } };
        return new PlotlyFigure(data, layout);
    }

    /// <summary>Colour-scale names plotly.js knows, plus the ColorBrewer scales added here (RdYlGn, BrBG, YlGn).</summary>
    public static IReadOnlyList<string> ColorscaleNames { get; } =
        ["Greys", "YlGnBu", "Greens", "YlOrRd", "Bluered", "RdBu", "Reds", "Blues", "Picnic", "Rainbow", "Portland", "Jet", "Hot",
         "Blackbody", "Earth", "Electric", "Viridis", "Cividis", "RdYlGn", "BrBG", "YlGn"];

    private static readonly Dictionary<string, string[]> Brewer = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RdYlGn"] = ["#a50026", "#d73027", "#f46d43", "#fdae61", "#fee08b", "#ffffbf", "#d9ef8b", "#a6d96a", "#66bd63", "#1a9850", "#006837"],
        ["BrBG"] = ["#543005", "#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5", "#c7eae5", "#80cdc1", "#35978f", "#01665e", "#003c30"],
        ["YlGn"] = ["#ffffe5", "#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#006837", "#004529"],
    };

    /// <summary>The plotly.js colorscale value for a name (ColorBrewer scales expanded to explicit stops).</summary>
    internal static JsonNode Colorscale(string name)
    {
        var known = ColorscaleNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown colour scale '{name}'; use one of {string.Join(", ", ColorscaleNames)}.", nameof(name));
        if (!Brewer.TryGetValue(known, out var colors)) return known;
        var a = new JsonArray();
        for (int i = 0; i < colors.Length; i++) a.Add(new JsonArray((double)i / (colors.Length - 1), colors[i]));
        return a;
    }

    /// <summary>Axis titles with units for a CRS: geographic → longitude/latitude in degrees, projected → easting/northing in metres.</summary>
    public static (string X, string Y, string Unit) AxisLabels(SpatialReference crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (crs.IsUnknown) return ("x", "y", "CRS units");
        if (crs.IsGeographic) return ("Longitude", "Latitude", "°");
        return ("Easting", "Northing", "m");
    }

    private static JsonObject Layout(string xLabel, string yLabel, string unit, string title) => new()
    {
        ["title"] = new JsonObject { ["text"] = title },
        ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = $"{xLabel} ({unit})" }, ["constrain"] = "domain", ["tickformat"] = unit == "m" ? ".0f" : "" },
        ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = $"{yLabel} ({unit})" }, ["scaleanchor"] = "x", ["constrain"] = "domain", ["tickformat"] = unit == "m" ? ".0f" : "" },
        ["margin"] = new JsonObject { ["t"] = 50 },
    };

    private static string DefaultTitle(Raster raster, int band, int shownCols, int shownRows)
    {
        string t = $"Band {band + 1} of {raster.Width}×{raster.Height} raster ({raster.Grid.Crs})";
        return shownCols < raster.Width || shownRows < raster.Height ? t + $", shown at {shownCols}×{shownRows}" : t;
    }

    /// <summary>Columns and rows kept for display (every k-th) and their pixel-centre coordinates.</summary>
    internal static (int[] Cols, int[] Rows, double[] Xs, double[] Ys) Sample(RasterGrid grid, int maxPixels)
    {
        if (!grid.Transform.IsNorthUp)
            throw new NotSupportedException($"Raster maps need a north-up grid; geotransform {grid.Transform} is rotated. Warp the raster first (gdalwarp).");
        int step = 1;
        while ((long)((grid.Width + step - 1) / step) * ((grid.Height + step - 1) / step) > maxPixels) step++;
        var cols = Enumerable.Range(0, (grid.Width + step - 1) / step).Select(i => i * step).ToArray();
        var rows = Enumerable.Range(0, (grid.Height + step - 1) / step).Select(i => i * step).ToArray();
        var xs = cols.Select(c => grid.Transform.PixelCentre(c, 0).X).ToArray();
        var ys = rows.Select(r => grid.Transform.PixelCentre(0, r).Y).ToArray();
        return (cols, rows, xs, ys);
    }

    private static JsonArray ToArray(double[] v) { var a = new JsonArray(); foreach (var x in v) a.Add(JsonValue.Create(x)); return a; }

}
