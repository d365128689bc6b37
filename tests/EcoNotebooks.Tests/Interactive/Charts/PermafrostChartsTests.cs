using EcoNotebooks.Interactive.Charts;
using EcoNotebooks.Permafrost.Spatial;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.Interactive.Charts;

public sealed class PermafrostChartsTests
{
    [Fact]
    public void LineChart_HasOneNamedTracePerSeries_AxisTitles_AndOptionalDepthAxis()
    {
        var f = LineChart.Create([new LineSeries("a", [1, 2], [3, double.NaN]), new LineSeries("b", [1], [2], Markers: true)],
            "Day", "Depth (m)", "t", reverseY: true);
        Assert.Equal(2, f.Data.Count);
        Assert.Equal("a", (string)f.Data[0]!["name"]!);
        Assert.Null(f.Data[0]!["y"]![1]);                     // NaN → gap
        Assert.Equal("markers", (string)f.Data[1]!["mode"]!);
        Assert.Equal("Day", (string)f.Layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("Depth (m)", (string)f.Layout["yaxis"]!["title"]!["text"]!);
        Assert.Equal("reversed", (string)f.Layout["yaxis"]!["autorange"]!);
        Assert.Throws<ArgumentException>(() => LineChart.Create([new LineSeries("x", [1, 2], [1])], "x", "y"));
        Assert.Throws<ArgumentException>(() => LineChart.Create([], "x", "y"));
    }

    [Fact]
    public void Feasibility_NamesTheFailingRules_ForEachCodePresent()
    {
        Assert.Equal("Feasible (all rules pass)", PermafrostCharts.FailureLabel(0));
        Assert.Equal("Fails: MAT ≤ −5.6 °C + ≥0 °C acc. temp. ≤ 450 °C·d",
            PermafrostCharts.FailureLabel((byte)(RevegetationFailure.MeanAnnualTemperature | RevegetationFailure.AccumulatedTemperature)));
        var grid = RasterGrid.NorthUp(2, 2, 0, 0, 1, SpatialReference.Utm(48));
        var codes = Raster.FromArray(grid, new double[] { 0, 6, 6, 32 });
        var map = PermafrostCharts.Feasibility(codes);
        Assert.Equal([0.0, 6.0, 32.0], map.Classes.Select(c => c.Value));
        Assert.Equal("Fails: salt > 0.13 %", map.Classes[2].Name);
    }
}
