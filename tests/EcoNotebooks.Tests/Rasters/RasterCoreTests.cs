using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Rasters;

public class RasterCoreTests
{
    private static readonly RasterGrid Grid = RasterGrid.NorthUp(4, 3, 500000, 4000000, 30, SpatialReference.Utm(47));

    [Fact]
    public void GeoTransform_round_trips_pixel_and_world_coordinates()
    {
        var t = new GeoTransform(100, 2, 0.5, 200, 0.25, -3);
        var (x, y) = t.ToWorld(3.5, 7.25);
        var (c, r) = t.ToPixel(x, y);
        Assert.Equal(3.5, c, 12);
        Assert.Equal(7.25, r, 12);
        Assert.Equal(Math.Abs(2 * -3 - 0.5 * 0.25), t.PixelArea, 12);
    }

    [Fact]
    public void Statistics_skip_nodata_and_nan_and_use_population_sd()
    {
        var r = Raster.Create(Grid, PixelType.Float32, noData: -9999);
        var v = new double[] { 1, 2, 3, -9999, double.NaN, 4, 5, 6, 7, 8, 9, 10 };
        r.WriteWindow(0, new RasterWindow(0, 0, 4, 3), v);
        var s = RasterStatistics.Compute(r);
        var valid = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        Assert.Equal(10, s.Valid);
        Assert.Equal(1, s.Min); Assert.Equal(10, s.Max);
        Assert.Equal(5.5, s.Mean, 12);
        double sd = Math.Sqrt(valid.Select(x => (x - 5.5) * (x - 5.5)).Sum() / 10);
        Assert.Equal(sd, s.StdDev, 12);
    }

    [Fact]
    public void Integer_bands_round_and_clamp()
    {
        var r = Raster.Create(Grid, PixelType.UInt8);
        r[0][0, 0] = 300; r[0][1, 0] = -5; r[0][2, 0] = 2.5;
        Assert.Equal(255, r[0][0, 0]); Assert.Equal(0, r[0][1, 0]); Assert.Equal(3, r[0][2, 0]);
    }

    [Fact]
    public void Mismatched_grids_name_both()
    {
        var other = Grid with { Transform = Grid.Transform with { OriginX = 500030 } };
        var ex = Assert.Throws<ArgumentException>(() => Grid.EnsureSameGrid(other, "ndvi.tif", "mask.tif"));
        Assert.Contains("ndvi.tif", ex.Message); Assert.Contains("mask.tif", ex.Message); Assert.Contains("500030", ex.Message);
    }

    [Fact]
    public void Blocks_cover_the_raster_exactly_once()
    {
        var seen = new int[7 * 5];
        foreach (var w in RasterWindow.Blocks(7, 5, 3, 2))
            for (int r = 0; r < w.Height; r++) for (int c = 0; c < w.Width; c++) seen[(w.YOffset + r) * 7 + w.XOffset + c]++;
        Assert.All(seen, n => Assert.Equal(1, n));
    }
}

public class RasterNoDataTests
{
    [Fact]
    public void Bands_with_NaN_nodata_make_a_raster()
    {
        var grid = RasterGrid.NorthUp(2, 2, 0, 0, 1, SpatialReference.Unknown);
        var r = new Raster(grid, [RasterBand.Create(PixelType.Float32, 2, 2, double.NaN), RasterBand.Create(PixelType.Float32, 2, 2, double.NaN)]);
        Assert.Equal(2, r.BandCount);
        Assert.True(double.IsNaN(r.NoData!.Value));
    }
}
