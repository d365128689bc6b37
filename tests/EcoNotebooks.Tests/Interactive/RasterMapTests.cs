using System.Text.Json.Nodes;
using EcoNotebooks.Interactive;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Interactive;

public class RasterMapTests
{
    private static Raster Small(SpatialReference crs, double px = 30)
    {
        var grid = RasterGrid.NorthUp(3, 2, 500_000, 2_000_000, px, crs);
        return Raster.FromArray(grid, [1, 2, double.NaN, 4, 5, 6]);
    }

    [Fact]
    public void Heatmap_is_placed_at_pixel_centres_in_crs_units()
    {
        var fig = RasterMap.Continuous(Small(SpatialReference.Utm(47)));
        var t = fig.Data[0]!;
        // Centre of column c: originX + (c + 0.5)·30; centre of row r: originY − (r + 0.5)·30 (GDAL convention).
        Assert.Equal([500_015.0, 500_045.0, 500_075.0], t["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1_999_985.0, 1_999_955.0], t["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("heatmap", (string)t["type"]!);
    }

    [Fact]
    public void Missing_pixels_are_null_and_nodata_counts_as_missing()
    {
        var grid = RasterGrid.NorthUp(2, 1, 0, 0, 1, SpatialReference.Utm(47));
        var r = Raster.FromArray(grid, [-9999.0, 3.0], noData: -9999);
        var z = RasterMap.Continuous(r).Data[0]!["z"]!.AsArray();
        Assert.Null(z[0]![0]);
        Assert.Equal(3.0, (double)z[0]![1]!);
        Assert.Null(RasterMap.Continuous(Small(SpatialReference.Utm(47))).Data[0]!["z"]![0]![2]);
    }

    [Fact]
    public void Axis_titles_carry_units_and_the_colour_bar_its_label()
    {
        var utm = RasterMap.Continuous(Small(SpatialReference.Utm(47)), new RasterMapOptions(ValueLabel: "NDVI"));
        Assert.Equal("Easting (m)", (string)utm.Layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("Northing (m)", (string)utm.Layout["yaxis"]!["title"]!["text"]!);
        Assert.Equal("NDVI", (string)utm.Data[0]!["colorbar"]!["title"]!["text"]!);
        Assert.Equal("x", (string)utm.Layout["yaxis"]!["scaleanchor"]!);
        var geo = RasterMap.Continuous(Small(SpatialReference.Wgs84, 0.01));
        Assert.Equal("Longitude (°)", (string)geo.Layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("Latitude (°)", (string)geo.Layout["yaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void Colour_scales_are_checked_and_brewer_scales_expanded()
    {
        var fig = RasterMap.Continuous(Small(SpatialReference.Utm(47)), new RasterMapOptions(Colorscale: "RdYlGn", ZMin: -1, ZMax: 1));
        var scale = fig.Data[0]!["colorscale"]!.AsArray();
        Assert.Equal(11, scale.Count);
        Assert.Equal("#a50026", (string)scale[0]![1]!);
        Assert.Equal(-1.0, (double)fig.Data[0]!["zmin"]!);
        var ex = Assert.Throws<ArgumentException>(() => RasterMap.Continuous(Small(SpatialReference.Utm(47)), new RasterMapOptions(Colorscale: "Nope")));
        Assert.Contains("'Nope'", ex.Message);
    }

    [Fact]
    public void Large_rasters_are_decimated_to_the_pixel_budget()
    {
        var grid = RasterGrid.NorthUp(100, 50, 0, 0, 10, SpatialReference.Utm(47));
        var fig = RasterMap.Continuous(Raster.FromArray(grid, new double[5000]), new RasterMapOptions(MaxPixels: 1300));
        var x = fig.Data[0]!["x"]!.AsArray(); var y = fig.Data[0]!["y"]!.AsArray();
        Assert.True(x.Count * y.Count <= 1300);
        // 100×50 needs step 2 (50×25 = 1250 ≤ 1300): columns 0, 2, … with centres 5, 25 m.
        Assert.Equal(5.0, (double)x[0]!); Assert.Equal(25.0, (double)x[1]!);
    }

    [Fact]
    public void Categorical_map_has_a_legend_entry_per_class_and_blanks_unknown_codes()
    {
        var grid = RasterGrid.NorthUp(3, 1, 0, 0, 1, SpatialReference.Utm(47));
        var r = Raster.FromArray(grid, [1.0, 2.0, 7.0]);
        var cat = new CategoricalRaster(r, [new RasterClass(1, "Bare", "#a6611a"), new RasterClass(2, "Forest", "#1b7837")]);
        var fig = cat.ToFigure();
        var heat = fig.Data[0]!;
        Assert.Equal(0, (int)heat["z"]![0]![0]!);
        Assert.Equal(1, (int)heat["z"]![0]![1]!);
        Assert.Null(heat["z"]![0]![2]);
        Assert.False((bool)heat["showscale"]!);
        var legend = fig.Data.Skip(1).ToArray();
        Assert.Equal(["Bare", "Forest"], legend.Select(l => (string)l!["name"]!));
        Assert.Equal(["#a6611a", "#1b7837"], legend.Select(l => (string)l!["marker"]!["color"]!));
        Assert.Equal("Bare", (string)heat["text"]![0]![0]!);
        Assert.Throws<ArgumentException>(() => new CategoricalRaster(r, [new RasterClass(1, "a", "red"), new RasterClass(1, "b", "blue")]));
    }
}
