using System.Text.Json.Nodes;
using EcoNotebooks.Interactive;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Interactive;

public class PlotlyFigureTests
{
    // Guards WithMarkers: a scatter trace appended after the heatmap with the given coordinates and hover labels, the
    // original figure unchanged, and mismatched lengths rejected with the argument's name.
    [Fact]
    public void WithMarkers_appends_a_scatter_layer()
    {
        var grid = RasterGrid.NorthUp(4, 3, 600_000, 4_000_000, 30, SpatialReference.Utm(49));
        var map = RasterMap.Continuous(Raster.FromArray(grid, Enumerable.Range(0, 12).Select(i => (double)i).ToArray()));
        var fig = map.WithMarkers([600_015, 600_045], [3_999_985, 3_999_955], ["A", "B"], "stations");
        Assert.Single(map.Data);
        Assert.Equal(2, fig.Data.Count);
        var t = (JsonObject)fig.Data[1]!;
        Assert.Equal("scatter", (string?)t["type"]);
        Assert.Equal("stations", (string?)t["name"]);
        Assert.Equal([600_015.0, 600_045.0], t["x"]!.AsArray().Select(v => (double)v!).ToArray());
        Assert.Equal([3_999_985.0, 3_999_955.0], t["y"]!.AsArray().Select(v => (double)v!).ToArray());
        Assert.Equal(["A", "B"], t["text"]!.AsArray().Select(v => (string)v!).ToArray());
        Assert.Null(((JsonObject)map.WithMarkers([1.0], [2.0]).Data[1]!)["text"]);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => map.WithMarkers([1.0, 2.0], [1.0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => map.WithMarkers([1.0], [1.0], ["a", "b"])).ParamName);
    }
}
