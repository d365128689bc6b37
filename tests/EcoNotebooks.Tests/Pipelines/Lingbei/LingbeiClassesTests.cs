using EcoNotebooks.Classification;
using EcoNotebooks.Pipelines.Lingbei;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Pipelines.Lingbei;

/// <summary>Table 3 levels at their boundaries, level changes (Fig. 4) and zonal means (Fig. 5), on hand-made rasters.</summary>
public class LingbeiClassesTests
{
    private static readonly RasterGrid Grid = RasterGrid.NorthUp(4, 3, 300_000, 2_760_000, 30, SpatialReference.Utm(50));

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.3799999999, 1)]
    [InlineData(0.38, 2)]
    [InlineData(0.4099999999, 2)]
    [InlineData(0.41, 3)]
    [InlineData(0.6299999999, 3)]
    [InlineData(0.63, 4)]
    [InlineData(0.7299999999, 4)]
    [InlineData(0.73, 5)]
    [InlineData(1.0, 5)]
    public void Table3_levels_are_exact_at_the_boundaries(double value, int code)
    {
        // Table 3 prints shared end points; the scheme is left-closed: a value equal to a break belongs to the upper level.
        Assert.Equal(code, LingbeiPublished.Table3.Classify(value) + 1);
        var r = Raster.FromArray(RasterGrid.NorthUp(1, 1, 0, 0, 30, SpatialReference.Utm(50)), [value]);
        Assert.Equal(code, LingbeiPublished.Table3.ClassifyRaster(r).Band(0)[0, 0]);
        Assert.Equal(LingbeiPublished.ClassNames[code - 1], LingbeiPublished.Table3.Names[code - 1]);
    }

    [Fact]
    public void Class_change_counts_transitions_and_categories()
    {
        // from: 1 2 3 4 / 5 5 3 0(nodata) / 2 2 2 2 ; to: 3 2 2 5 / 1 4 3 3 / 2 3 4 1
        var from = Raster.FromArray(Grid, new double[] { 1, 2, 3, 4, 5, 5, 3, 0, 2, 2, 2, 2 }, noData: 0);
        var to = Raster.FromArray(Grid, new double[] { 3, 2, 2, 5, 1, 4, 3, 3, 2, 3, 4, 1 }, noData: 0);
        var c = ClassChange.Compute(from, to, 5);
        var codes = c.Change.Band(0).ToDoubleArray(false);
        Assert.Equal(new double[] { 5, 3, 2, 4, 1, 2, 3, 0, 3, 4, 5, 2 }, codes);
        Assert.Equal(1, c.Transitions[0, 2]);
        Assert.Equal(1, c.Transitions[4, 0]);
        Assert.Equal(11, c.Areas.Sum(a => a.Pixels));
        Assert.Equal(new long[] { 1, 3, 3, 2, 2 }, c.Areas.Select(a => a.Pixels));
        Assert.Equal(2 * 900 / 1e6, c.TransitionKm2(2, 2), 12); // 2→2 twice
        Assert.Equal(900 / 1e6, c.TransitionKm2(3, 3), 12);
        Assert.Equal(100.0 * 3 / 11, c.Areas[2].Percent, 12);
    }

    [Fact]
    public void Zonal_means_skip_missing_values_and_zone_zero()
    {
        var values = Raster.FromArray(Grid, new double[] { 1, 2, 3, 4, 5, double.NaN, 7, 8, 9, 10, 11, 12 });
        var zones = Raster.FromArray(Grid, new double[] { 1, 1, 2, 2, 1, 1, 2, 0, 0, 0, 3, 3 });
        var z = ZonalStatistics.Compute(values, zones);
        Assert.Equal([1, 2, 3], z.Select(s => s.Zone));
        Assert.Equal((1 + 2 + 5) / 3.0, z[0].Mean, 12);
        Assert.Equal(3, z[0].Count);
        Assert.Equal((3 + 4 + 7) / 3.0, z[1].Mean, 12);
        Assert.Equal(11.5, z[2].Mean, 12);
        Assert.Equal(11, z[2].Min);
        Assert.Equal(12, z[2].Max);
    }
}
