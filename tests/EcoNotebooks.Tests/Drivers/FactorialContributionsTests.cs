using EcoNotebooks.Drivers;
using EcoNotebooks.Learning;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples;

namespace EcoNotebooks.Tests.Drivers;

public class FactorialContributionsTests
{
    [Theory]
    [InlineData(70, 20, 10, DominantCategory.C)]
    [InlineData(20, 61, 19, DominantCategory.S)]
    [InlineData(10, 25, 65, DominantCategory.M)]
    [InlineData(50, 30, 20, DominantCategory.CS)]
    [InlineData(30, 50, 20, DominantCategory.SC)]
    [InlineData(45, 10, 45.5, DominantCategory.MC)]
    [InlineData(10, 40, 50, DominantCategory.MS)]
    [InlineData(60, 30, 10, DominantCategory.CS)] // exactly 60 % is not "greater than 60 %"
    public void Dominance_rule_follows_the_paper(double c, double s, double m, DominantCategory expected) =>
        Assert.Equal(expected, FactorialContributions.Dominate(c, s, m));

    [Fact]
    public void A_target_driven_by_climate_alone_is_climate_dominated()
    {
        var grid = RasterGrid.NorthUp(40, 30, 0, 0, 30, SpatialReference.Utm(49));
        var rng = new SeededRandom(5);
        var clim = rng.SmoothField(40, 30, 6); var soil = rng.SmoothField(40, 30, 6); var mine = rng.SmoothField(40, 30, 6);
        var y = clim.Select((c, i) => 100 + 40 * c + 0.5 * rng.Normal()).ToArray();
        var layers = new Dictionary<string, IRasterSource>
        {
            ["NPP"] = Raster.FromArray(grid, y), ["MAT"] = Raster.FromArray(grid, clim), ["SOC"] = Raster.FromArray(grid, soil), ["LD"] = Raster.FromArray(grid, mine),
        };
        var samples = PointSampler.Sample(layers, 400, seed: 2);
        Assert.Equal(400, samples.Rows.Count);
        var drivers = new Dictionary<string, DriverCategory> { ["MAT"] = DriverCategory.Climate, ["SOC"] = DriverCategory.Soil, ["LD"] = DriverCategory.Mining };
        var result = FactorialContributions.Run(samples, "NPP", drivers, layers, new RandomForestOptions { Trees = 100, Seed = 3 });
        Assert.True(result.MeanRelativeContribution[DriverCategory.Climate] > 60 && result.MeanRelativeContribution[DriverCategory.Climate] > 3 * Math.Max(result.MeanRelativeContribution[DriverCategory.Soil], result.MeanRelativeContribution[DriverCategory.Mining]), $"climate RelCon {result.MeanRelativeContribution[DriverCategory.Climate]:F1}");
        Assert.True(result.CategoryImportance[DriverCategory.Climate] > 50 && result.CategoryImportance[DriverCategory.Climate] > 2 * Math.Max(result.CategoryImportance[DriverCategory.Soil], result.CategoryImportance[DriverCategory.Mining]), $"climate importance share {result.CategoryImportance[DriverCategory.Climate]:F1}");
        Assert.Equal(100, result.MeanRelativeContribution.Values.Sum(), 6);
        Assert.Equal(100, result.DominantAreaShare.Values.Sum(), 6);
        Assert.True(result.DominantAreaShare[DominantCategory.C] + result.DominantAreaShare[DominantCategory.CS] + result.DominantAreaShare[DominantCategory.CM] > 80);
        // Eq. 6 on one pixel.
        var allPred = result.PredictionAll[0][5, 7];
        Assert.Equal(allPred - result.Without[DriverCategory.Climate].Predict([soil[7 * 40 + 5], mine[7 * 40 + 5]]), result.ActualContribution[DriverCategory.Climate][0][5, 7], 9);
    }
}
