using System.Text.Json.Nodes;
using EcoNotebooks.Interactive;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Interactive;

public class RgbMapTests
{
    // Guards the RGB image trace: rows bottom-up from the southernmost pixel centre (north up with autorange), bands in
    // R, G, B order, all-zero pixels white, axis titles with units.
    [Fact]
    public void Image_trace_is_north_up_at_pixel_centres()
    {
        var grid = RasterGrid.NorthUp(3, 2, 500_000, 4_000_000, 30, SpatialReference.Utm(49));
        var r = new RasterBand<byte>(3, 2, [10, 0, 30, 40, 50, 60]);
        var g = new RasterBand<byte>(3, 2, [11, 0, 31, 41, 51, 61]);
        var b = new RasterBand<byte>(3, 2, [12, 0, 32, 42, 52, 62]);
        var fig = RgbMap.Show(new Raster(grid, [r, g, b]), "t");
        var trace = fig.Data[0]!.AsObject();
        Assert.Equal("image", (string)trace["type"]!);
        Assert.Equal(500_015.0, (double)trace["x0"]!);
        Assert.Equal(30.0, (double)trace["dx"]!);
        Assert.Equal(4_000_000 - 45.0, (double)trace["y0"]!);
        Assert.Equal(30.0, (double)trace["dy"]!);
        var z = trace["z"]!.AsArray();
        Assert.Equal("[40,41,42]", z[0]![0]!.ToJsonString());   // bottom row first
        Assert.Equal("[10,11,12]", z[1]![0]!.ToJsonString());
        Assert.Equal("[255,255,255]", z[1]![1]!.ToJsonString()); // all-zero pixel drawn white
        Assert.Equal("Easting (m)", (string)fig.Layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("Northing (m)", (string)fig.Layout["yaxis"]!["title"]!["text"]!);
        Assert.Throws<ArgumentException>(() => RgbMap.Show(Raster.FromArray(grid, new double[6])));
    }
}
