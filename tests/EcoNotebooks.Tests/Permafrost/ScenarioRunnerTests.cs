using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Measures;
using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Permafrost.Scenarios;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Permafrost;

public sealed class ScenarioRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var muli = new GroundColumnOptions { Layers = XiningSamples.MuliProfile(), Surface = XiningSamples.MuliSurface() };
        var air = XiningSamples.AirTemperature(XiningSite.Muli, 40, seed: 1, warmingPerFourDecades: 0);
        var runner = new ScenarioRunner(muli, new ScenarioRunnerOptions(30, 0.35));
        var table = runner.Run(air, [Scenario.Of(new InsulationBoard()), Scenario.Of(new CrushedRockLayer()), Scenario.Of(new Thermosyphon()), Scenario.Of(new Sunshade()), Scenario.Of(new VegetationCover()),
            Scenario.Of(new ArtificialPermafrostBackfill(3, BackfillSeason.Winter)), Scenario.Of(new ArtificialPermafrostBackfill(3, BackfillSeason.Summer))]);
        foreach (var r in table.Rows.Where(r => r.Year % 10 == 0 || r.Year < 2)) output.WriteLine(r.ToString());
        var x = new GroundThermalModel(new GroundColumnOptions { Layers = XiningSamples.XiningProfile(), Surface = XiningSamples.XiningSurface(), SpinUpYears = 20 })
            .Run(XiningSamples.AirTemperature(XiningSite.Xining, 10, seed: 1));
        foreach (var y in x.Years) output.WriteLine(y.ToString());
    }
}
