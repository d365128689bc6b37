using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Changhe;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Samples;

/// <summary>Guards the calibration of the synthetic Changhe basin to the paper's NPP statistics.</summary>
public class ChangheSamplesTests(ITestOutputHelper output)
{
    private static readonly Lazy<(ChangheSample Sample, CasaResult Casa)> Run = new(() =>
    {
        var s = ChangheGenerator.Generate();
        return (s, CasaModel.Run(new CasaInput(s.LandCover, s.Months)));
    });

    [Fact]
    public void Casa_mean_npp_hits_the_published_mean_with_a_comparable_spread_and_west_below_east()
    {
        var (sample, casa) = Run.Value;
        var npp = casa.MeanAnnualNpp();
        var st = RasterStatistics.Compute(npp);
        output.WriteLine($"NPP mean {st.Mean:F2} sd {st.StdDev:F2} min {st.Min:F2} max {st.Max:F2} CV {100 * st.StdDev / st.Mean:F1} % (published 290.13, 110.18, 0.74–649.72, 37.98 %); solar scale {sample.SolarScale:F3}");
        var lc = sample.LandCover[0];
        foreach (var cls in new[] { LandCoverClass.Forest, LandCoverClass.Grassland, LandCoverClass.Farmland, LandCoverClass.Construction })
        {
            var vals = Enumerable.Range(0, sample.Grid.Height).SelectMany(r => Enumerable.Range(0, sample.Grid.Width).Where(c => lc[c, r] == (byte)cls).Select(c => npp[0][c, r])).ToArray();
            output.WriteLine($"{cls}: {vals.Average():F2} ({100.0 * vals.Length / sample.Grid.PixelCount:F1} % of pixels)");
        }
        Assert.True(Math.Abs(st.Mean - 290.13) < 0.05 * 290.13, $"mean NPP {st.Mean}");
        Assert.InRange(st.StdDev, 0.5 * 110.18, 1.5 * 110.18);
        int w = sample.Grid.Width;
        double West() => Enumerable.Range(0, sample.Grid.Height).SelectMany(r => Enumerable.Range(0, w / 3).Select(c => npp[0][c, r])).Where(double.IsFinite).Average();
        double East() => Enumerable.Range(0, sample.Grid.Height).SelectMany(r => Enumerable.Range(2 * w / 3, w - 2 * w / 3).Select(c => npp[0][c, r])).Where(double.IsFinite).Average();
        output.WriteLine($"west third {West():F1}, east third {East():F1}");
        Assert.True(West() < East());
    }

    [Fact]
    public void Soil_samples_have_the_papers_count_and_lie_inside_the_grid()
    {
        var s = Run.Value.Sample;
        Assert.Equal(117, s.SoilSamples.Rows.Count);
        var (minX, minY, maxX, maxY) = s.Grid.Extent;
        var x = EcoNotebooks.Tables.CsvTable.NumericColumn(s.SoilSamples, "x"); var y = EcoNotebooks.Tables.CsvTable.NumericColumn(s.SoilSamples, "y");
        Assert.All(x, v => Assert.InRange(v, minX, maxX));
        Assert.All(y, v => Assert.InRange(v, minY, maxY));
    }
}
