using System.Text.Json;
using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

[Collection("jiangcang-sample")]
public sealed class JiangcangVegetationTests(JiangcangSampleFixture sample)
{
    private static readonly JsonElement R = ReferenceData.Json("jiangcang_pipeline.json");

    /// <summary>Checks the letters against the Tukey table they came from: a significant pair shares no letter, a non-significant pair shares one.</summary>
    internal static void AssertLettersConsistent(JiangcangPanel panel)
    {
        foreach (var c in panel.Tukey)
        {
            bool share = panel.LettersOf(c.A).Intersect(panel.LettersOf(c.B)).Any();
            Assert.True(c.PAdjusted < panel.Alpha ? !share : share,
                $"{panel.Variable}: {c.A} '{panel.LettersOf(c.A)}' vs {c.B} '{panel.LettersOf(c.B)}', p adj {c.PAdjusted}");
        }
        // A non-significant ANOVA with no significant pair gives every group the same single letter.
        if (panel.Tukey.All(c => c.PAdjusted >= panel.Alpha)) Assert.All(panel.Groups, g => Assert.Equal("a", g.Letters));
    }

    /// <summary>AGB/BGB ANOVA F and p and all 45 Tukey adjusted p-values equal R's aov/TukeyHSD on quadrats.csv.</summary>
    [Fact]
    public void Biomass_anova_and_tukey_match_R()
    {
        var b = JiangcangVegetation.Biomass(sample.Inputs);
        foreach (var (panel, key) in new[] { (b.Agb, "agb"), (b.Bgb, "bgb") })
        {
            var r = R.GetProperty(key);
            Assert.Equal(r.GetProperty("f").GetDouble(), panel.Anova.F, 1e-8 * panel.Anova.F);
            Assert.Equal(r.GetProperty("p").GetDouble(), panel.Anova.P, 1e-10);
            var pairs = r.GetProperty("pairs").EnumerateArray().Select(x => x.GetString()!).ToArray();
            var padj = r.GetProperty("p_adj").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(45, pairs.Length);
            for (int i = 0; i < pairs.Length; i++)
            {
                var ab = pairs[i].Split('-');
                var c = panel.Tukey.Single(t => (t.A == ab[0] && t.B == ab[1]) || (t.A == ab[1] && t.B == ab[0]));
                Assert.Equal(padj[i], c.PAdjusted, 1e-5);
            }
            AssertLettersConsistent(panel);
        }
    }

    [Fact]
    public void Biomass_follows_the_paper_background_highest_and_bgb_about_four_times_agb()
    {
        var b = JiangcangVegetation.Biomass(sample.Inputs);
        Assert.Equal(10, b.PerPoint.Rows.Count);
        double Hab(string h, string col) => Enumerable.Range(0, (int)b.PerHabitat.Rows.Count).Where(i => (string)b.PerHabitat["habitat"][i] == h).Select(i => (double)b.PerHabitat[col][i]!).Single();
        Assert.InRange(Hab("Background", "bgb_to_agb"), 3.0, 5.0);
        foreach (var h in new[] { "Platform", "SunnySlope", "Pit2Platform" })
        {
            Assert.True(Hab("Background", "agb_mean") > Hab(h, "agb_mean"), h);
            Assert.True(Hab("Background", "bgb_mean") > Hab(h, "bgb_mean"), h);
        }
        Assert.True(Hab("Platform", "agb_mean") > Hab("Pit2Platform", "agb_mean"));
        // Per-point means are the means of the quadrats of each point.
        Assert.Equal(3, (int)b.PerPoint["n"][0]);
    }

    /// <summary>Table 4 and Table 5 equal vegan (diversity, specnumber, vegdist binary Bray = 1 − Sørensen) on the pooled habitats.</summary>
    [Fact]
    public void Diversity_and_sorensen_match_vegan()
    {
        var c = JiangcangVegetation.Community(sample.Inputs);
        Assert.Equal(["Background", "SunnySlope", "Platform"], c.Areas);
        foreach (var area in R.GetProperty("diversity").EnumerateObject())
        {
            foreach (var col in new[] { "shannon", "shannon_sd", "pielou", "pielou_sd", "margalef", "margalef_sd", "shannon_pooled", "pielou_pooled", "margalef_pooled" })
                Assert.Equal(area.Value.GetProperty(col).GetDouble(), c.DiversityOf(area.Name, col), 10);
            Assert.Equal(area.Value.GetProperty("species").GetInt32(), c.DiversityOf(area.Name, "species"));
        }
        var names = R.GetProperty("sorensen").GetProperty("areas").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var values = R.GetProperty("sorensen").GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        for (int i = 0; i < names.Length; i++)
            for (int j = 0; j < names.Length; j++)
                Assert.Equal(values[i][j], c.SorensenBetween(names[i], names[j]), 10);
    }

    [Fact]
    public void Diversity_orders_background_over_slope_over_platform_and_slope_is_closer_to_background()
    {
        var c = JiangcangVegetation.Community(sample.Inputs);
        foreach (var index in new[] { "shannon", "pielou", "margalef" })
        {
            Assert.True(c.DiversityOf("Background", index) > c.DiversityOf("SunnySlope", index), index);
            Assert.True(c.DiversityOf("SunnySlope", index) > c.DiversityOf("Platform", index), index);
        }
        Assert.True(c.SorensenBetween("SunnySlope", "Background") > c.SorensenBetween("Platform", "Background"));
    }

    /// <summary>Table 3 mean/sd equal R's mean()/sd() of the same quadrats.</summary>
    [Fact]
    public void Community_characteristics_match_R()
    {
        var c = JiangcangVegetation.Community(sample.Inputs);
        var t = c.Characteristics;
        foreach (var area in R.GetProperty("table3").EnumerateObject())
        {
            int i = c.Areas.ToList().IndexOf(area.Name);
            Assert.Equal(area.Value.GetProperty("cover_mean").GetDouble(), (double)t["cover_pct_mean"][i]!, 10);
            Assert.Equal(area.Value.GetProperty("cover_sd").GetDouble(), (double)t["cover_pct_sd"][i]!, 10);
            Assert.Equal(area.Value.GetProperty("height_mean").GetDouble(), (double)t["height_cm_mean"][i]!, 10);
            Assert.Equal(area.Value.GetProperty("crown_sd").GetDouble(), (double)t["crown_width_cm_sd"][i]!, 10);
            Assert.Equal(area.Value.GetProperty("abundance_mean").GetDouble(), (double)t["abundance_mean"][i]!, 10);
            Assert.Equal(area.Value.GetProperty("abundance_sd").GetDouble(), (double)t["abundance_sd"][i]!, 10);
        }
    }

    [Fact]
    public void Community_regions_parameter_widens_the_tables_and_rejects_unknown_regions()
    {
        var all = JiangcangVegetation.Community(sample.Inputs, new JiangcangParameters { CommunityRegions = ["Pit4", "Pit5", "Pit2SouthDump", "Background"] });
        Assert.Equal(["Background", "SunnySlope", "Platform", "Pit2Platform"], all.Areas);
        Assert.Throws<ArgumentException>(() => JiangcangVegetation.Community(sample.Inputs, new JiangcangParameters { CommunityRegions = ["Pit9"] }));
    }
}
