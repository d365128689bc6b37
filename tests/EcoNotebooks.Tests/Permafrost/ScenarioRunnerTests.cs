using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Measures;
using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Permafrost.Scenarios;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Permafrost;

/// <summary>Restoration measures act in the physically expected direction on the Muli sample column (regression guards on the sign of each effect).</summary>
public sealed class ScenarioRunnerTests(ITestOutputHelper output)
{
    private static readonly Lazy<ScenarioTable> Table = new(() =>
    {
        var muli = new GroundColumnOptions { Layers = XiningSamples.MuliProfile(), Surface = XiningSamples.MuliSurface() };
        var air = XiningSamples.AirTemperature(XiningSite.Muli, 15, seed: 1, warmingPerFourDecades: 0, noise: false);
        var runner = new ScenarioRunner(muli, new ScenarioRunnerOptions(20, 0.35));
        return runner.Run(air, [Scenario.Of(new InsulationBoard()), Scenario.Of(new CrushedRockLayer()), Scenario.Of(new Thermosyphon()), Scenario.Of(new Sunshade()),
            Scenario.Of(new VegetationCover()), Scenario.Of(new ArtificialPermafrostBackfill(3, BackfillSeason.Winter)), Scenario.Of(new ArtificialPermafrostBackfill(3, BackfillSeason.Summer))]);
    });

    private static double Last(string s, Func<ScenarioRow, double> f) => Table.Value.MeanOfLastYears(s, f, 5);

    [Fact]
    public void NaturalMuliColumn_HasPermafrostWithPlausibleAltAndMagt()
    {
        foreach (var r in Table.Value.Rows.Where(r => r.Year % 5 == 0)) output.WriteLine(r.ToString());
        var natural = Table.Value.Of(ScenarioRunner.Baseline).ToList();
        Assert.Equal(15, natural.Count);
        Assert.All(natural, r => Assert.InRange(r.ActiveLayerThickness, 0.3, 2.5));
        Assert.All(natural, r => Assert.InRange(r.Magt, -4, 0));
        Assert.All(natural, r => Assert.Equal(30, r.PermafrostBase, 6));
    }

    [Fact]
    public void Insulation_CrushedRock_Sunshade_And_Vegetation_ReduceThawBelowTheOriginalSurface()
    {
        double natural = Last(ScenarioRunner.Baseline, r => r.ThawBelowOriginalSurface);
        foreach (var m in new[] { "XPS 10 cm", "Crushed rock 1 m", "Sunshade", "Vegetation + organic cover" })
        {
            double v = Last(m, r => r.ThawBelowOriginalSurface);
            output.WriteLine($"{m}: {v:F3} m vs natural {natural:F3} m");
            Assert.True(v < natural - 0.05, $"{m}: thaw below original surface {v} m is not below natural {natural} m");
        }
    }

    [Fact]
    public void Thermosyphons_And_Sunshade_CoolTheGround()
    {
        double Mean5m(string s)
        {
            var run = Table.Value.Runs[s];
            int cell = run.Grid.CellAt(5 + (s.StartsWith("Crushed") ? 1 : 0));
            int y = run.AnnualMean.GetLength(0) - 1;
            return run.AnnualMean[y, cell];
        }
        double natural = Mean5m(ScenarioRunner.Baseline);
        output.WriteLine($"mean annual T at 5 m: natural {natural:F3}, thermosyphons {Mean5m("Thermosyphons"):F3}, sunshade {Mean5m("Sunshade"):F3}");
        Assert.True(Mean5m("Thermosyphons") < natural - 0.2);
        Assert.True(Mean5m("Sunshade") < natural - 0.1);
    }

    [Fact]
    public void WinterBackfill_FreezesBackFasterThanSummerBackfill()
    {
        var winter = Table.Value.Of("Backfill (Winter)").First();
        var summer = Table.Value.Of("Backfill (Summer)").First();
        output.WriteLine($"year 0: winter fill thaw {winter.MaxThawDepth:F2} m, table {winter.PermafrostTable:F2} m; summer fill thaw {summer.MaxThawDepth:F2} m, table {summer.PermafrostTable:F2} m");
        Assert.True(winter.MaxThawDepth < summer.MaxThawDepth);
        Assert.True(winter.PermafrostTable < summer.PermafrostTable);
    }

    [Fact]
    public void StrongWarming_DeepensTheActiveLayer_AndWarmsMagt()
    {
        var muli = new GroundColumnOptions { Layers = XiningSamples.MuliProfile(), Surface = XiningSamples.MuliSurface() };
        var air = XiningSamples.AirTemperature(XiningSite.Muli, 20, seed: 1, warmingPerFourDecades: 0, noise: false);
        var t = new ScenarioRunner(muli, new ScenarioRunnerOptions(20, 4.0)).Run(air, []);
        var rows = t.Of(ScenarioRunner.Baseline).ToList();
        output.WriteLine($"ALT {rows[0].ActiveLayerThickness:F3} → {rows[^1].ActiveLayerThickness:F3} m, MAGT {rows[0].Magt:F3} → {rows[^1].Magt:F3} °C");
        Assert.True(rows[^1].ActiveLayerThickness > rows[0].ActiveLayerThickness + 0.05);
        Assert.True(rows[^1].Magt > rows[0].Magt + 0.3);
        var df = t.ToDataFrame();
        Assert.Equal(["scenario", "year", "max_thaw_depth_m", "thaw_below_original_surface_m", "alt_m", "max_freeze_depth_m", "magt_c", "permafrost_table_m", "permafrost_base_m", "mean_air_c"],
            df.Columns.Select(c => c.Name).ToArray());
        Assert.Equal(20, df.Rows.Count);
    }

    [Fact]
    public void XiningValley_HasSeasonalFrostOnly()
    {
        var r = new GroundThermalModel(new GroundColumnOptions { Layers = XiningSamples.XiningProfile(), Surface = XiningSamples.XiningSurface(), SpinUpYears = 15 })
            .Run(XiningSamples.AirTemperature(XiningSite.Xining, 5, seed: 1));
        foreach (var y in r.Years) output.WriteLine(y.ToString());
        Assert.All(r.Years, y => Assert.True(double.IsNaN(y.PermafrostTable)));
        Assert.All(r.Years, y => Assert.InRange(y.MaxFreezeDepth, 0.5, 2.5));
        Assert.All(r.Years, y => Assert.InRange(y.Magt, 5, 10));
    }

    [Fact]
    public void ReplaceTop_CutsLayers()
    {
        var layers = XiningSamples.MuliProfile();
        var cut = LayerEdits.ReplaceTop(layers, new SoilLayer("fill", 1.0, 0.3, 2, 1.5, 1.9e6, 2.5e6));
        Assert.Equal(layers.Sum(l => l.Thickness), cut.Sum(l => l.Thickness), 9);
        Assert.Equal("fill", cut[0].Name);
        Assert.Equal("ice-rich silty clay", cut[1].Name);
        Assert.Equal(2.0, cut[1].Thickness, 9);
    }
}
