using EcoNotebooks.Interactive.Charts;
using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.Pipelines.Jiangcang;

namespace EcoNotebooks.Tests.Interactive.Charts;

[Collection("jiangcang-sample")]
public sealed class JiangcangFiguresTests(JiangcangSampleFixture sample)
{
    [Fact]
    public void Every_figure_builds_with_its_number_axis_titles_and_legend()
    {
        var biomass = JiangcangVegetation.Biomass(sample.Inputs);
        var soil = JiangcangSoil.Compute(sample.Inputs);
        var corr = JiangcangCorrelations.Compute(sample.Inputs);
        var figures = new (string Number, EcoNotebooks.Interactive.PlotlyFigure Figure)[]
        {
            ("Fig. 3", JiangcangFigures.Fig3(sample.Fvc)), ("Fig. 4", JiangcangFigures.Fig4Shares(sample.Trend, "Pit4")),
            ("Fig. 5", JiangcangFigures.Fig5(biomass)), ("Fig. 6", JiangcangFigures.Fig6(biomass)), ("Fig. 7", JiangcangFigures.Fig7(soil)),
            ("Fig. 8", JiangcangFigures.Fig8(corr, "Control")), ("Fig. 9", JiangcangFigures.Fig9(corr)),
        };
        foreach (var (number, fig) in figures)
        {
            Assert.Contains(number, (string?)fig.Layout["title"]!["text"]);
            if (number != "Fig. 8") Assert.Contains("\"title\":{\"text\":\"", fig.Layout["yaxis"]!.ToJsonString());
        }
        // Fig. 3: a computed line per region + whole raster, published markers for the pits and the whole area.
        Assert.Equal(5 + 3, JiangcangFigures.Fig3(sample.Fvc).Data.Count);
        // Fig. 7: 11 panels x (bars + letters).
        Assert.Equal(22, JiangcangFigures.Fig7(soil).Data.Count);
        var map = JiangcangFigures.Fig4Map(sample.Trend);
        Assert.Equal(7, map.Classes.Count);
        var codes = map.Raster.Band(0).ToDoubleArray().Where(v => !double.IsNaN(v)).ToArray();
        Assert.Equal(25_000 + 29_300, codes.Length); // pits only (2.50 + 2.93 km² of 10 m pixels)
        Assert.Throws<ArgumentException>(() => JiangcangFigures.Fig8(corr, "Pit9"));
        Assert.Throws<ArgumentException>(() => JiangcangFigures.FvcMap(sample.Fvc, 1999));
    }
}
