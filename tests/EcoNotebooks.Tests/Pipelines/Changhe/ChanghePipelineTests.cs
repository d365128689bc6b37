using EcoNotebooks.Drivers;
using EcoNotebooks.Pipelines.Changhe;
using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

/// <summary>
/// Each step of the Changhe pipeline on the synthetic sample. One collection, so the shared cached pipeline is used by
/// one test at a time. Tolerances are stated per test; the published numbers are targets of the synthetic sample only
/// where the generator is calibrated to them (mean NPP, west &lt; east, correlation signs).
/// </summary>
[Collection("changhe-pipeline")]
public sealed class ChanghePipelineTests(ITestOutputHelper output)
{
    private static ChanghePipeline P => ChangheFixture.Pipeline;

    private void Show(string title, DataFrame df)
    {
        output.WriteLine($"== {title}");
        output.WriteLine(string.Join(" | ", df.Columns.Select(c => c.Name)));
        for (long r = 0; r < df.Rows.Count; r++)
            output.WriteLine(string.Join(" | ", df.Columns.Select(c => c[r] is double d ? d.ToString("G5") : c[r]?.ToString() ?? "")));
    }

    // Guards ESTARFM in the pipeline: the fused image must be closer to the observed fine image than the coarse one is.
    [Fact]
    public void Fusion_demo_beats_the_coarse_image()
    {
        var f = P.FusionDemo();
        Show("fusion", f.Metrics);
        Assert.Equal((6, 7, 8), f.Months);
        Assert.True(f.Rmse < 0.5 * f.CoarseRmse, $"ESTARFM RMSE {f.Rmse} vs coarse {f.CoarseRmse}");
        Assert.True(Math.Abs((double)f.Metrics.Columns["bias"][1]!) < 0.01, "fused bias below 0.01 NDVI");
        Assert.True((double)f.Metrics.Columns["r"][1]! > (double)f.Metrics.Columns["r"][0]!, "fused r above coarse r");
        Assert.True((double)f.Metrics.Columns["r"][1]! > 0.95);
    }

    // Guards the intermediate maps: Eq. 3 APAR = SOL·FPAR·0.5 and Eq. 2 NPP = APAR·ε at every pixel (float32 storage, 1e-5 relative).
    [Fact]
    public void Casa_intermediate_maps_satisfy_equations_2_and_3()
    {
        var c = P.Casa();
        Assert.Equal((2015, 7), (c.Year, c.Month));
        var month = P.Inputs.Months.Single(m => m.Year == 2015 && m.Month == 7);
        var sol = Raster.Load(month.SolarRadiation)[0].ToDoubleArray();
        var fpar = c.Fpar[0].ToDoubleArray(); var apar = c.Apar[0].ToDoubleArray(); var eps = c.Epsilon[0].ToDoubleArray(); var npp = c.MonthlyNpp[0].ToDoubleArray();
        int checkedPixels = 0;
        for (int i = 0; i < sol.Length; i += 97)
        {
            if (double.IsNaN(npp[i])) continue;
            Assert.Equal(sol[i] * fpar[i] * 0.5, apar[i], Math.Max(1e-6, 1e-5 * apar[i]));
            Assert.Equal(apar[i] * eps[i], npp[i], Math.Max(1e-6, 1e-5 * npp[i]));
            Assert.InRange(fpar[i], 0.001 - 1e-6, 0.95 + 1e-6);
            checkedPixels++;
        }
        Assert.True(checkedPixels > 1000);
        Show("NDVI ranges", c.NdviRanges);
    }

    // Guards the calibration seen through the pipeline: mean NPP = 290.13 (generator scales SOL), sd within ±50 %,
    // west of the river below east, LD west above east, and the land-use order of Table 2 (forest > grassland > farmland > construction).
    [Fact]
    public void Npp_statistics_match_the_calibration_and_the_papers_pattern()
    {
        var s = P.NppStatistics();
        Show("overall", s.Overall); Show("by land use", s.ByLandUse); Show("by side", s.BySide);
        double mean = (double)s.Overall.Columns["computed"][2]!, sd = (double)s.Overall.Columns["computed"][3]!;
        Assert.Equal(ChanghePublished.NppMean, mean, 0.05 * ChanghePublished.NppMean);
        Assert.InRange(sd, 0.5 * ChanghePublished.NppStandardDeviation, 1.5 * ChanghePublished.NppStandardDeviation);
        Assert.Equal(290.13, (double)s.Overall.Columns["published"][2]!);
        Assert.True(s.WestMean < s.EastMean, $"west {s.WestMean} east {s.EastMean}");
        Assert.True((double)s.BySide.Columns["mean_ld"][0]! > (double)s.BySide.Columns["mean_ld"][1]!, "LD west > east");
        double Use(LandCoverClass c)
        {
            var names = CsvTable.TextColumn(s.ByLandUse, "land_use");
            return (double)s.ByLandUse.Columns["computed_mean"][Array.IndexOf(names, c.ToString())]!;
        }
        Assert.True(Use(LandCoverClass.Forest) > Use(LandCoverClass.Grassland));
        Assert.True(Use(LandCoverClass.Grassland) > Use(LandCoverClass.Farmland) || Use(LandCoverClass.Farmland) > Use(LandCoverClass.Construction));
        Assert.True(Use(LandCoverClass.Farmland) > Use(LandCoverClass.Construction));
        Assert.Equal(100, CsvTable.NumericColumn(s.ByLandUse, "area_pct").Sum(), 1e-9);
    }

    // Guards the kriging step: every variogram fit valid, kriged values at the sample pixels close to the measurements
    // (r > 0.8), and the kriged SOC/TN/pH/BD maps recovering the generator's truth fields (r > 0.6).
    [Fact]
    public void Kriged_soil_reproduces_the_samples_and_the_truth()
    {
        var k = P.KrigeSoil();
        Show("variograms", k.Variograms); Show("at samples", k.AtSamples);
        Assert.All(k.Variograms.Columns["valid"].Cast<bool?>(), v => Assert.True(v));
        Assert.All(CsvTable.NumericColumn(k.AtSamples, "r"), r => Assert.True(r > 0.8, $"r at samples {r}"));
        foreach (var code in new[] { "SOC", "TN", "pH", "BD" })
        {
            var cmp = EcoNotebooks.Statistics.Correlation.Pearson(k.Maps[code][0].ToDoubleArray(), ChangheFixture.Sample.SoilTruth[code][0].ToDoubleArray());
            output.WriteLine($"{code}: r(kriged, truth) = {cmp:F3}");
            Assert.True(cmp > 0.6, $"{code} kriged vs truth r = {cmp}");
        }
        Assert.Equal(ChanghePipeline.DriverCodes, P.DriverStack().Keys);
    }

    // Guards the correlation table: SOC and TN positive, pH, BD and LD negative, as the paper; SOC and TN at p < 0.01.
    [Fact]
    public void Correlation_signs_follow_the_paper()
    {
        var pts = P.SamplePoints();
        Assert.Equal(1000, pts.Rows.Count);
        var t = P.Correlations();
        Show("Pearson", t);
        var drivers = CsvTable.TextColumn(t, "driver");
        double R(string d) => (double)t.Columns["r"][Array.IndexOf(drivers, d)]!;
        string Stars(string d) => (string)t.Columns["stars"][Array.IndexOf(drivers, d)]!;
        Assert.True(R("SOC") > 0); Assert.True(R("TN") > 0);
        Assert.True(R("pH") < 0); Assert.True(R("BD") < 0); Assert.True(R("LD") < 0);
        Assert.Equal("**", Stars("SOC")); Assert.Equal("**", Stars("TN")); Assert.Equal("**", Stars("LD"));
        Assert.Equal(ChanghePipeline.DriverCodes, drivers);
    }

    // Guards Fig. 3 summaries: shares sum to 100 % per driver; SOC locally positive more often than negative, LD the reverse.
    [Fact]
    public void Local_correlation_shares_sum_to_100()
    {
        var l = P.LocalCorrelations();
        Show("local correlation", l.Shares);
        for (int i = 0; i < l.Shares.Rows.Count; i++)
            Assert.Equal(100, (double)l.Shares.Columns["positive_pct"][i]! + (double)l.Shares.Columns["negative_pct"][i]! + (double)l.Shares.Columns["insignificant_pct"][i]!, 1e-9);
        Assert.True(l.ByDriver["SOC"].Summary.Positive > l.ByDriver["SOC"].Summary.Negative);
        Assert.True(l.ByDriver["LD"].Summary.Negative > l.ByDriver["LD"].Summary.Positive);
    }

    // Guards Figs. 4–5 summaries: importance and area shares sum to 100 %, RGB bands are RelCon·2.55, and the dominant
    // map agrees with the 60 % rule applied to the RelCon rasters.
    [Fact]
    public void Factorial_summaries_are_consistent()
    {
        var f = P.Factorial();
        Show("driver importance", f.DriverImportance); Show("category importance", f.CategoryImportance);
        Show("RelCon", f.RelativeContribution); Show("dominant", f.DominantShares); Show("summary", f.Summary);
        Assert.Equal(100, CsvTable.NumericColumn(f.DriverImportance, "importance_pct").Sum(), 1e-6);
        Assert.Equal(100, CsvTable.NumericColumn(f.CategoryImportance, "computed_pct").Sum(), 1e-6);
        Assert.Equal(100, CsvTable.NumericColumn(f.RelativeContribution, "mean_pct").Sum(), 1e-6);
        Assert.Equal(100, CsvTable.NumericColumn(f.DominantShares, "area_pct").Sum(), 1e-6);
        Assert.Equal(100, CsvTable.NumericColumn(f.DominantShares, "west_pct").Sum(), 1e-6);
        Assert.Equal(100, CsvTable.NumericColumn(f.DominantShares, "east_pct").Sum(), 1e-6);
        var rel = Enum.GetValues<DriverCategory>().Select(c => f.Result.RelativeContribution[c][0].ToDoubleArray()).ToArray();
        var dom = f.Result.Dominant[0].ToDoubleArray(false);
        for (int i = 0; i < dom.Length; i += 101)
        {
            if (double.IsNaN(rel[0][i])) continue;
            Assert.Equal((double)(byte)FactorialContributions.Dominate(rel[0][i], rel[1][i], rel[2][i], 60), dom[i]);
            Assert.Equal(Math.Round(rel[1][i] * 2.55), f.Rgb[0][i % f.Rgb.Width, i / f.Rgb.Width]);
            Assert.Equal(Math.Round(rel[2][i] * 2.55), f.Rgb[1][i % f.Rgb.Width, i / f.Rgb.Width]);
            Assert.Equal(Math.Round(rel[0][i] * 2.55), f.Rgb[2][i % f.Rgb.Width, i / f.Rgb.Width]);
        }
        output.WriteLine(P.TimingTable().ToString());
    }

    // Guards reproducibility: the factorial experiment with the same seed gives identical RelCon and dominance rasters.
    [Fact]
    public void Factorial_is_reproducible_for_a_seed()
    {
        var p = new ChangheParameters { Trees = 20, Seed = 7 };
        var a = P.With(p).Factorial(); var b = P.With(p).Factorial();
        foreach (var c in Enum.GetValues<DriverCategory>())
            Assert.Equal(a.Result.RelativeContribution[c][0].ToDoubleArray(), b.Result.RelativeContribution[c][0].ToDoubleArray());
        Assert.Equal(a.Result.Dominant[0].ToDoubleArray(), b.Result.Dominant[0].ToDoubleArray());
        var other = P.With(p with { Seed = 8 }).Factorial();
        Assert.NotEqual(a.Result.RelativeContribution[DriverCategory.Climate][0].ToDoubleArray(), other.Result.RelativeContribution[DriverCategory.Climate][0].ToDoubleArray());
    }

    // Guards parameter validation messages: they name the parameter and repeat the bad value.
    [Theory]
    [InlineData("LocalWindowSize")]
    [InlineData("DominanceThreshold")]
    [InlineData("FusionPredictionMonth")]
    public void Bad_parameters_are_rejected_with_their_name(string name)
    {
        var p = name switch
        {
            "LocalWindowSize" => new ChangheParameters { LocalWindowSize = 4 },
            "DominanceThreshold" => new ChangheParameters { DominanceThreshold = 40 },
            _ => new ChangheParameters { FusionPredictionMonth = 10 },
        };
        var ex = Assert.ThrowsAny<ArgumentException>(() => p.Validate());
        Assert.Equal(name, ex.ParamName);
    }
}
