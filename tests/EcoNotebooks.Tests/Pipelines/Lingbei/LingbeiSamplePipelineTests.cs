using EcoNotebooks.Pipelines.Lingbei;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Lingbei;

/// <summary>Runs the default pipeline once on the committed synthetic sample (Landsat regenerated into its cache/ on first use).</summary>
public sealed class LingbeiSampleFixture
{
    public LingbeiSampleFixture()
    {
        Data = LingbeiDataset.Load(RepoPaths.Of("data-samples", "lingbei"));
        Result = LingbeiPipeline.Run(Data);
    }

    public LingbeiDataset Data { get; }
    public LingbeiResult Result { get; }
}

/// <summary>
/// The calibrated sample reproduces the paper through the real pipeline: yearly means within 0.002 (the calibration
/// target), excellent + good and poor shares within 0.25 percentage point, and the typical-site series shaped as Fig. 5's text.
/// </summary>
public class LingbeiSamplePipelineTests(LingbeiSampleFixture fixture) : IClassFixture<LingbeiSampleFixture>
{
    private LingbeiResult R => fixture.Result;

    [Fact]
    public void Yearly_means_are_within_0_002_of_the_published()
    {
        Assert.Equal(LingbeiPublished.Years, R.Years.Select(y => y.Year));
        for (int t = 0; t < 5; t++)
            Assert.True(Math.Abs(R.Years[t].Mean - LingbeiPublished.MeanResilience[t]) <= 0.002,
                $"{R.Years[t].Year}: {R.Years[t].Mean:F4} vs published {LingbeiPublished.MeanResilience[t]}");
        // The published shape: decrease to 2016, then a rise to 2020.
        Assert.True(R.Years[3].Mean < R.Years[0].Mean && R.Years[4].Mean > R.Years[3].Mean);
    }

    /// <summary>
    /// Class shares: the sample is calibrated on the excellent + good and poor shares as well as the means
    /// (<c>LingbeiCalibration</c>, reached within 0.1 percentage point); asserted within <see cref="ShareTolerance"/>.
    /// </summary>
    [Fact]
    public void Class_shares_match_the_published()
    {
        for (int t = 0; t < 5; t++)
        {
            var y = R.Years[t];
            Assert.Equal(100, y.ClassAreas.Sum(a => a.Percent), 9);
            Assert.True(Math.Abs(y.ExcellentGoodPercent - LingbeiPublished.ExcellentGoodPercent[t]) <= ShareTolerance,
                $"{y.Year}: excellent+good {y.ExcellentGoodPercent:F2} % vs published {LingbeiPublished.ExcellentGoodPercent[t]} %");
            Assert.True(Math.Abs(y.PoorPercent - LingbeiPublished.PoorPercent[t]) <= ShareTolerance,
                $"{y.Year}: poor {y.PoorPercent:F2} % vs published {LingbeiPublished.PoorPercent[t]} %");
            Assert.Equal(214, y.ClassAreas.Sum(a => a.AreaKm2), 0);
        }
    }

    /// <summary>Excellent + good and poor shares within this many percentage points of the published ones.</summary>
    public const double ShareTolerance = 0.25;

    [Fact]
    public void Typical_sites_drop_while_mined_and_recover_as_Fig5()
    {
        var ch = R.Sites.Single(s => s.Name == "Chenaoxia");
        var lk = R.Sites.Single(s => s.Name == "Longchuankeng");
        double M(LingbeiSiteSeries s, int year) => s.Means[s.Years.ToList().IndexOf(year)];
        for (int i = 0; i < LingbeiPublished.SiteYears.Count; i++)
        {
            int y = LingbeiPublished.SiteYears[i];
            Assert.True(Math.Abs(M(ch, y) - LingbeiPublished.SiteMeans["Chenaoxia"][i]) <= SiteTolerance, $"Chenaoxia {y}: {M(ch, y):F3}");
            Assert.True(Math.Abs(M(lk, y) - LingbeiPublished.SiteMeans["Longchuankeng"][i]) <= SiteTolerance, $"Longchuankeng {y}: {M(lk, y):F3}");
        }
        Assert.True(M(ch, 2010) < M(ch, 2005) && M(lk, 2010) < M(lk, 2005), "both drop 2005 → 2010");
        Assert.True(M(lk, 2020) > M(lk, 2016) && M(lk, 2016) > M(lk, 2010), "Longchuankeng recovers");
        Assert.True(M(lk, 2020) > M(ch, 2020), "reclamation worked better at Longchuankeng");
        var table = R.SiteTable();
        Assert.Equal(R.Sites.Sum(s => s.Years.Count), table.Rows.Count);
    }

    /// <summary>Site zone means within this distance of the published values.</summary>
    public const double SiteTolerance = 0.03;

    [Fact]
    public void Changes_cover_four_periods_and_the_whole_area()
    {
        Assert.Equal([(2000, 2005), (2005, 2010), (2010, 2016), (2016, 2020)], R.Changes.Select(c => (c.From, c.To)));
        foreach (var c in R.Changes) Assert.Equal(214, c.Change.Areas.Sum(a => a.AreaKm2), 0);
        // Mining expanded 2005–2010: more land declined than improved.
        var c2 = R.Changes[1].Change.Areas;
        Assert.True(c2[0].Pixels + c2[1].Pixels > c2[3].Pixels + c2[4].Pixels);
    }

    [Fact]
    public void Sensitivity_and_natural_breaks_run_on_the_same_indicators()
    {
        var nb = LingbeiPipeline.Reevaluate(R, fixture.Data, R.Parameters with { Classification = ResilienceClassification.NaturalBreaks });
        Assert.Equal(5, nb.Scheme.ClassCount);
        Assert.True(nb.Scheme.Breaks.Zip(nb.Scheme.Breaks.Skip(1)).All(p => p.Second > p.First));
        for (int t = 0; t < 5; t++) Assert.Equal(R.Years[t].Mean, nb.Years[t].Mean, 12);   // classes do not change the index
        var subj = LingbeiPipeline.Reevaluate(R, fixture.Data, R.Parameters with { Weights = WeightScheme.Subjective });
        Assert.NotEqual(R.Years[2].Mean, subj.Years[2].Mean);
        var table = LingbeiPipeline.Sensitivity(R, fixture.Data);
        Assert.Equal(3 * 2 * 5, table.Rows.Count);
    }
}
