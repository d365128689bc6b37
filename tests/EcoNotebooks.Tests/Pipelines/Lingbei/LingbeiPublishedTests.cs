using EcoNotebooks.Pipelines.Lingbei;

namespace EcoNotebooks.Tests.Pipelines.Lingbei;

/// <summary>The published numbers are internally consistent as printed (guards typos in LingbeiPublished).</summary>
public class LingbeiPublishedTests
{
    [Fact]
    public void Poor_share_increase_2000_to_2005_is_61_9_percent()
    {
        double inc = 100 * (LingbeiPublished.PoorPercent[1] / LingbeiPublished.PoorPercent[0] - 1);
        Assert.Equal(LingbeiPublished.PoorIncrease2000To2005Percent, Math.Round(inc, 1));
    }

    [Fact]
    public void Series_have_one_value_per_year_and_Table3_breaks_match_the_scheme()
    {
        Assert.Equal(5, LingbeiPublished.MeanResilience.Count);
        Assert.Equal(5, LingbeiPublished.ExcellentGoodPercent.Count);
        Assert.Equal(5, LingbeiPublished.PoorPercent.Count);
        Assert.All(LingbeiPublished.SiteMeans.Values, v => Assert.Equal(LingbeiPublished.SiteYears.Count, v.Length));
        Assert.Equal(LingbeiPublished.Table3Breaks, LingbeiPublished.Table3.Breaks.Skip(1).Take(4));
        Assert.Equal(LingbeiPublished.ClassNames, LingbeiPublished.Table3.Names);
    }
}
