using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

[Collection("jiangcang-sample")]
public sealed class JiangcangFvcTests(JiangcangSampleFixture sample)
{
    /// <summary>Guards the sample's calibration and the pipeline's FVC: Fig. 3's printed Pit 4 values within 2 points.</summary>
    [Fact]
    public void Pit4_fvc_2020_and_2021_are_within_2_points_of_the_paper()
    {
        Assert.InRange(sample.Fvc.MeanPercent("Pit4", 2020), 53.21 - 2, 53.21 + 2);
        Assert.InRange(sample.Fvc.MeanPercent("Pit4", 2021), 77.45 - 2, 77.45 + 2);
        Assert.InRange(sample.Fvc.MeanPercent("Pit5", 2020), 54.37 - 2, 54.37 + 2);
        Assert.InRange(sample.Fvc.MeanPercent("Pit5", 2021), 72.75 - 2, 72.75 + 2);
        Assert.InRange(sample.Fvc.MeanPercent("Pit5", 2024) - sample.Fvc.MeanPercent("Pit5", 2020), 16.32 - 2, 16.32 + 2);
    }

    /// <summary>Region means equal an independent numpy + GDAL computation (jiangcang_fvc_trend.py) to 1e-4 points.</summary>
    [Fact]
    public void Region_means_match_the_numpy_reference()
    {
        var reference = ReferenceData.Json("jiangcang_fvc_trend.json").GetProperty("region_means");
        int rows = 0;
        foreach (var year in reference.EnumerateObject())
            foreach (var region in year.Value.EnumerateObject())
            {
                Assert.Equal(region.Value.GetDouble(), sample.Fvc.MeanPercent(region.Name, int.Parse(year.Name)), 4);
                rows++;
            }
        Assert.Equal(25, rows);
        Assert.Equal(25, sample.Fvc.RegionMeans.Rows.Count);
    }

    [Fact]
    public void Table_holds_published_values_and_differences_beside_the_computed_ones()
    {
        var t = sample.Fvc.RegionMeans;
        for (long i = 0; i < t.Rows.Count; i++)
        {
            var pub = t["published_pct"][i];
            if (pub is null) { Assert.Null(t["difference_pts"][i]); continue; }
            Assert.Equal((double)t["fvc_pct"][i] - (double)pub, (double)t["difference_pts"][i]!, 10);
        }
        Assert.Equal(6, Enumerable.Range(0, (int)t.Rows.Count).Count(i => t["published_pct"][i] is not null)); // 5 pit values + whole area 2021
    }

    [Fact]
    public void Fvc_rasters_are_fractions_and_endmembers_are_ordered()
    {
        Assert.Equal(5, sample.Fvc.Fvc.Count);
        foreach (var (r, e) in sample.Fvc.Fvc.Zip(sample.Fvc.Endmembers))
        {
            Assert.True(e.Vegetation > e.Soil);
            var v = r.Band(0).ToDoubleArray().Where(x => !double.IsNaN(x)).ToArray();
            Assert.InRange(v.Min(), 0.0, 0.0);
            Assert.InRange(v.Max(), 1.0, 1.0);
        }
    }

    [Fact]
    public void Other_percentiles_change_the_endmembers()
    {
        var wide = JiangcangFvc.Compute(sample.Inputs, new JiangcangParameters { SoilPercentile = 1, VegetationPercentile = 99 });
        Assert.True(wide.Endmembers[0].Soil < sample.Fvc.Endmembers[0].Soil);
        Assert.True(wide.Endmembers[0].Vegetation > sample.Fvc.Endmembers[0].Vegetation);
        Assert.True(wide.MeanPercent("Pit4", 2021) < sample.Fvc.MeanPercent("Pit4", 2021));
    }
}
