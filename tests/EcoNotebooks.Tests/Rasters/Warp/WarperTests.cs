using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;

namespace EcoNotebooks.Tests.Rasters.Warp;

/// <summary>Warper properties that need no GDAL: analytic results, grids that cannot be aligned, target grid sizes.</summary>
public class WarperTests
{
    private static Raster Plane(RasterGrid g, double a, double b, double c)
    {
        var v = new double[g.PixelCount];
        for (int r = 0; r < g.Height; r++) for (int col = 0; col < g.Width; col++) { var (x, y) = g.Transform.PixelCentre(col, r); v[r * g.Width + col] = a + b * (x - 600_000) + c * (y - 4_000_000); }
        return Raster.FromArray(g, v);
    }

    [Fact]
    public void Bilinear_ReproducesAPlane_AndAverageOfExactMultiplesIsBlockMean()
    {
        var src = RasterGrid.NorthUp(40, 30, 600_000, 4_000_000, 30, SpatialReference.Utm(49));
        var plane = Plane(src, 5, 1e-3, -2e-3);
        var dst = RasterGrid.NorthUp(50, 30, 600_045, 3_999_955, 20, SpatialReference.Utm(49));   // interior, finer, shifted
        var bil = Warper.Warp(plane, dst, ResamplingMethod.Bilinear);
        var exact = Plane(dst, 5, 1e-3, -2e-3);
        var e1 = exact.Band(0).ToDoubleArray(); var b1 = bil.Band(0).ToDoubleArray();
        for (int i = 0; i < e1.Length; i++) Assert.Equal(e1[i], b1[i], 1e-5);   // float32 output
        var coarse = RasterGrid.NorthUp(10, 10, 600_000, 4_000_000, 90, SpatialReference.Utm(49));
        var avg = Warper.Warp(plane, coarse, ResamplingMethod.Average);
        // the mean of a plane over a block equals the plane at the block centre
        var e2 = Plane(coarse, 5, 1e-3, -2e-3).Band(0).ToDoubleArray(); var a2 = avg.Band(0).ToDoubleArray();
        for (int i = 0; i < e2.Length; i++) Assert.Equal(e2[i], a2[i], 1e-5);
    }

    [Fact]
    public void Nearest_KeepsClassesAndNoData()
    {
        var g = RasterGrid.NorthUp(4, 4, 0, 40, 10, SpatialReference.Utm(49));
        var cls = Raster.Create(g, PixelType.UInt8, 1, 0);
        for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) cls.Band(0)[c, r] = 1 + c + 4 * r;
        var fine = Warper.Warp(cls, RasterGrid.NorthUp(8, 8, 0, 40, 5, SpatialReference.Utm(49)), ResamplingMethod.Nearest);
        Assert.Equal(PixelType.UInt8, fine.PixelType);
        Assert.Equal(0, fine.NoData);
        Assert.Equal(6, fine.Band(0)[2, 3]);
    }

    [Fact]
    public void GridsThatDoNotOverlap_AreOneLineNamingTheSource()
    {
        var src = Plane(RasterGrid.NorthUp(10, 10, 600_000, 4_000_000, 30, SpatialReference.Utm(49)), 1, 0, 0);
        var far = RasterGrid.NorthUp(10, 10, 700_000, 4_100_000, 30, SpatialReference.Utm(49));
        var e = Assert.Throws<ArgumentException>(() => Warper.Warp(src, far, ResamplingMethod.Bilinear, 0, "ndvi.tif"));
        Assert.Contains("ndvi.tif", e.Message);
        Assert.Contains("do not overlap", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void FromExtent_FollowsGdalwarpSizing()
    {
        var g = WarpGrid.FromExtent(SpatialReference.Utm(49), 0, 0, 1000, 500, 30, 30);
        Assert.Equal(33, g.Width);     // ⌊(1000 + 15)/30⌋
        Assert.Equal(17, g.Height);    // ⌊(500 + 15)/30⌋
        Assert.Equal(new GeoTransform(0, 30, 0, 500, 0, -30), g.Transform);
        var cover = WarpGrid.Covering(RasterGrid.NorthUp(10, 10, 600_000, 4_000_000, 30, SpatialReference.Utm(49)), SpatialReference.Wgs84, 0.001);
        Assert.Equal(4326, cover.Crs.Epsg);
        Assert.InRange(cover.Transform.OriginX, 112.0, 112.2);
    }
}
