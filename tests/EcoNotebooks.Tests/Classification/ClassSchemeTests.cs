using EcoNotebooks.Classification;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Classification;

/// <summary>Fixed class schemes (the Lingbei Table 3 levels), raster classification and class-area tables.</summary>
public sealed class ClassSchemeTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.3799, 0)]
    [InlineData(0.38, 1)]
    [InlineData(0.4099, 1)]
    [InlineData(0.41, 2)]
    [InlineData(0.63, 3)]
    [InlineData(0.7299, 3)]
    [InlineData(0.73, 4)]
    [InlineData(1.0, 4)]
    [InlineData(double.NaN, -1)]
    public void Lingbei_levels_are_left_closed(double value, int expected) =>
        Assert.Equal(expected, ClassScheme.LingbeiResilience.Classify(value));

    [Fact]
    public void Right_closed_scheme_and_out_of_range_values()
    {
        var s = new ClassScheme([0, 1, 2], ["low", "high"], closure: IntervalClosure.Right);
        Assert.Equal(0, s.Classify(0));   // include.lowest
        Assert.Equal(0, s.Classify(1));
        Assert.Equal(1, s.Classify(1.5));
        Assert.Equal(1, s.Classify(2));
        Assert.Equal(-1, s.Classify(2.01));
        Assert.Equal(-1, s.Classify(-0.01));
        Assert.Throws<ArgumentException>(() => new ClassScheme([0, 1, 1], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => new ClassScheme([0, 1], ["a"], ["red"]));
    }

    [Fact]
    public void Class_area_table_counts_km2_and_percent_on_a_30m_grid()
    {
        var grid = RasterGrid.NorthUp(4, 2, 500000, 2800000, 30, SpatialReference.Utm(50));
        double[] v = [0.2, 0.39, 0.5, 0.65, 0.8, 0.9, double.NaN, -9999];
        var raster = Raster.FromArray(grid, v, noData: -9999);
        var table = ClassAreaTable.Compute(raster, ClassScheme.LingbeiResilience);
        Assert.Equal([1L, 1, 1, 1, 2], table.Select(r => r.Pixels));
        Assert.Equal(["Severe", "Poor", "Moderate", "Good", "Excellent"], table.Select(r => r.Name));
        Assert.Equal(2 * 900 / 1e6, table[4].AreaKm2, 15);
        Assert.Equal(100.0 * 2 / 6, table[4].Percent, 12);
        var codes = ClassScheme.LingbeiResilience.ClassifyRaster(raster).Band(0);
        Assert.Equal([1.0, 2, 3, 4, 5, 5, 0, 0], Enumerable.Range(0, 8).Select(i => codes[i % 4, i / 4]));
        Assert.True(codes.IsMissing(2, 1));
    }

    [Fact]
    public void Geographic_grids_have_no_km2()
    {
        var grid = RasterGrid.NorthUp(2, 1, 115, 25, 0.00027, SpatialReference.Wgs84);
        var t = ClassAreaTable.Compute(Raster.FromArray(grid, [0.1, 0.9]), ClassScheme.LingbeiResilience);
        Assert.True(double.IsNaN(t[0].AreaKm2));
        Assert.Equal(50, t[0].Percent, 12);
    }

    [Fact]
    public void Raster_sample_keeps_min_and_max_is_reproducible_and_returns_everything_when_small()
    {
        var grid = RasterGrid.NorthUp(100, 50, 0, 0, 30, SpatialReference.Utm(50));
        var v = Enumerable.Range(0, 5000).Select(i => i % 97 == 0 ? -9999 : Math.Sin(i) * 10).ToArray();
        var raster = Raster.FromArray(grid, v, noData: -9999);
        var valid = v.Where(x => x != -9999).ToArray();
        var s1 = ClassBreaks.SampleRaster(raster, 500, seed: 3);
        var s2 = ClassBreaks.SampleRaster(raster, 500, seed: 3);
        Assert.Equal(500, s1.Length);
        Assert.Equal(s1, s2);
        Assert.Contains(valid.Min(), s1);
        Assert.Contains(valid.Max(), s1);
        Assert.All(s1, x => Assert.Contains(x, valid));
        Assert.Equal(valid.Order(), ClassBreaks.SampleRaster(raster, 10000).Order());
    }

    [Fact]
    public void Scheme_from_tied_data_breaks_keeps_classInt_counting()
    {
        double[] x = [1, 2, 2, 2, 2, 2, 3, 9];
        var ci = ClassBreaks.Compute(x, 3, BreaksMethod.Quantile);   // R: quantile gives 1, 2, 2, 9
        Assert.Equal([1, 2, 2, 9], ci.Breaks);
        Assert.Equal([1L, 0, 7], ci.Counts);                          // R: [1,2) 1, [2,2) 0, [2,9] 7
        var scheme = ClassScheme.FromIntervals(ci);
        Assert.Equal(ci.Counts, x.GroupBy(scheme.Classify).OrderBy(g => g.Key).Aggregate(new long[3], (a, g) => { a[g.Key] = g.Count(); return a; }));
        Assert.Throws<ArgumentException>(() => new ClassScheme([1, 2, 2, 9], ["a", "b", "c"]));
    }
}
