using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

public sealed class JiangcangInputsTests
{
    [Fact]
    public void From_folder_finds_every_file_and_sorts_the_years()
    {
        var inputs = JiangcangInputs.FromFolder(RepoPaths.Of("data-samples", "jiangcang"));
        Assert.Equal([2020, 2021, 2022, 2023, 2024], inputs.Years);
        Assert.EndsWith("soil.csv", inputs.Soil);
        Assert.Empty(inputs.Ndvi); // the sample's NDVI comes from its Sentinel-2 products (JiangcangSentinel2Tests)
        Assert.All(inputs.Sentinel2.SelectMany(y => y.Products), d => Assert.True(Directory.Exists(d)));
    }

    [Fact]
    public void Missing_file_is_named()
    {
        using var tmp = new TempDir();
        foreach (var f in new[] { "quadrats.csv", "species.csv", "regions.tif", "ndvi_2021.tif" }) File.WriteAllText(tmp.File(f), "");
        var e = Assert.Throws<FileNotFoundException>(() => JiangcangInputs.FromFolder(tmp.Path));
        Assert.Contains("Soil", e.Message);
        Assert.Contains("soil.csv", e.Message);
    }

    [Fact]
    public void Folder_without_ndvi_is_an_error()
    {
        using var tmp = new TempDir();
        var e = Assert.Throws<FileNotFoundException>(() => JiangcangInputs.FromFolder(tmp.Path));
        Assert.Contains("ndvi_YYYY.tif", e.Message);
        Assert.Contains("sentinel2/", e.Message);
    }

    [Fact]
    public void Parameters_validate_and_name_the_bad_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { VegetationPercentile = 3 }.Validate());
        Assert.Equal("VegetationPercentile", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { NetworkThreshold = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { Alpha = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { TrendFirstYear = 2023, TrendLastYear = 2024 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { ZSlight = 2, ZSignificant = 1.96 }.Validate());
        Assert.Equal("SeasonLastMonth", Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { SeasonFirstMonth = 9, SeasonLastMonth = 8 }.Validate()).ParamName);
        Assert.Equal("SeasonFirstMonth", Assert.Throws<ArgumentOutOfRangeException>(() => new JiangcangParameters { SeasonFirstMonth = 0 }.Validate()).ParamName);
    }
}
