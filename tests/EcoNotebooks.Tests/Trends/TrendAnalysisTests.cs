using EcoNotebooks.Rasters;
using EcoNotebooks.Trends;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Trends;

/// <summary>Trend classes (thresholds, tolerance) and the per-pixel analysis of raster stacks.</summary>
public sealed class TrendAnalysisTests
{
    [Theory]
    [InlineData(0.1, 1.96, TrendClass.SignificantIncrease)]
    [InlineData(0.1, 1.959, TrendClass.SlightlySignificantIncrease)]
    [InlineData(0.1, 1.645, TrendClass.SlightlySignificantIncrease)]
    [InlineData(0.1, 1.644, TrendClass.NonSignificantIncrease)]
    [InlineData(0.1, -2.5, TrendClass.SignificantIncrease)] // direction from the slope, strength from |Z|
    [InlineData(0.0, 3.0, TrendClass.NoChange)]
    [InlineData(-0.1, -1.96, TrendClass.SignificantDecrease)]
    [InlineData(-0.1, -1.7, TrendClass.SlightlySignificantDecrease)]
    [InlineData(-0.1, 0.0, TrendClass.NonSignificantDecrease)]
    public void Classify_uses_slope_sign_and_abs_Z_against_the_default_thresholds(double slope, double z, TrendClass expected) =>
        Assert.Equal(expected, new TrendAnalysis().Classify(slope, z));

    [Fact]
    public void Slope_tolerance_and_custom_thresholds_are_honoured()
    {
        var a = new TrendAnalysis(new TrendOptions { SlopeTolerance = 0.01, ZSignificant = 2.58, ZSlight = 1.96 });
        Assert.Equal(TrendClass.NoChange, a.Classify(0.009, 5));
        Assert.Equal(TrendClass.NoChange, a.Classify(-0.009, -5));
        Assert.Equal(TrendClass.SignificantIncrease, a.Classify(0.01, 2.58));
        Assert.Equal(TrendClass.SlightlySignificantDecrease, a.Classify(-0.02, -2.0));
        Assert.Equal(TrendClass.NonSignificantIncrease, a.Classify(0.02, 1.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrendAnalysis(new TrendOptions { ZSignificant = 1, ZSlight = 2 }));
    }

    [Fact]
    public void Snake_names_round_trip_and_codes_are_1_to_7()
    {
        Assert.Equal(["significant_increase", "slightly_significant_increase", "no_significant_increase", "no_change",
            "no_significant_decrease", "slightly_significant_decrease", "significant_decrease"], TrendClasses.All.Select(c => c.ToSnakeName()));
        foreach (var c in TrendClasses.All) Assert.Equal(c, TrendClasses.Parse(c.ToSnakeName()));
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], TrendClasses.All.Select(c => (int)c));
    }

    [Fact]
    public void Four_years_with_continuity_correction_cannot_reach_significance_but_can_without()
    {
        // Guards the documented finding: n = 4 monotonic gives Z = 5/sqrt(26/3) = 1.698 (corrected) or 6/sqrt(26/3) = 2.038.
        double[] years = [2021, 2022, 2023, 2024], fvc = [0.52, 0.61, 0.66, 0.70];
        Assert.Equal(TrendClass.SlightlySignificantIncrease, new TrendAnalysis().Analyze(years, fvc).Class);
        Assert.Equal(TrendClass.SignificantIncrease, new TrendAnalysis(new TrendOptions { ContinuityCorrection = false }).Analyze(years, fvc).Class);
    }

    [Fact]
    public void Analyze_matches_R_for_the_reference_series_and_refuses_too_few_values()
    {
        foreach (var s in Root.GetProperty("mann_kendall").EnumerateArray())
        {
            var r = new TrendAnalysis().Analyze(Doubles(s.GetProperty("t")), Doubles(s.GetProperty("y")));
            Close(Num(s, "sen_slope"), r.SenSlope, 1e-10, "slope");
            Close(Num(s, "z"), r.Z, 1e-8, "Z");
            Close(Num(s, "p"), r.P, 1e-8, "p");
        }
        var e = Assert.Throws<ArgumentException>(() => new TrendAnalysis().Analyze([1, 2, 3], [1, double.NaN, 2]));
        Assert.Contains("got 2", e.Message);
    }

    [Fact]
    public void Raster_stack_gives_the_series_result_per_pixel_with_nodata_and_class_areas()
    {
        // 3 × 2 pixels, 12 years (2000–2011); pixel 0 = R's "with_nan" series, others built to hit several classes;
        // pixel 5 has only 2 valid years -> NaN / 255. Raster 3 uses nodata -9999 instead of NaN for the gaps.
        double[] years = Enumerable.Range(2000, 12).Select(y => (double)y).ToArray();
        var withNan = Doubles(Root.GetProperty("mann_kendall").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "with_nan").GetProperty("y"));
        var pixels = new double[6][];
        pixels[0] = withNan;
        pixels[1] = years.Select(y => 0.3 + 0.02 * (y - 2000)).ToArray();                 // significant increase
        pixels[2] = years.Select(y => 5.0).ToArray();                                     // no change
        pixels[3] = years.Select((y, i) => i % 2 == 0 ? 1.0 + 0.01 * i : 1.2 - 0.01 * i).ToArray();
        pixels[4] = years.Select((y, i) => 10 - 0.3 * i + (i % 3) * 0.9).ToArray();
        pixels[5] = years.Select((y, i) => i < 2 ? 1.0 + i : double.NaN).ToArray();
        var grid = RasterGrid.NorthUp(3, 2, 500000, 4000000, 30, SpatialReference.Utm(47));
        var stack = new List<IRasterSource>();
        for (int t = 0; t < years.Length; t++)
        {
            var v = pixels.Select(p => p[t]).ToArray();
            if (t == 3) stack.Add(Raster.FromArray(grid, v.Select(x => double.IsNaN(x) ? -9999f : (float)x).ToArray(), noData: -9999));
            else stack.Add(Raster.FromArray(grid, v));
        }
        var analysis = new TrendAnalysis();
        var result = analysis.AnalyzeStack(stack, years);
        var slope = result.Slope.Band(0).ToDoubleArray();
        var z = result.Z.Band(0).ToDoubleArray();
        var p = result.P.Band(0).ToDoubleArray();
        var cls = result.Class.Band(0);
        var expectedCounts = new Dictionary<TrendClass, long>();
        for (int i = 0; i < 5; i++)
        {
            // float32 storage of year 3 rounds the values, so compare with the series as stored
            var series = pixels[i].Select((x, t) => t == 3 && !double.IsNaN(x) ? (double)(float)x : x).ToArray();
            var st = analysis.Analyze(years, series);
            Assert.Equal(st.SenSlope, slope[i], 12);
            Assert.Equal(st.Z, z[i], 12);
            Assert.Equal(st.P, p[i], 12);
            Assert.Equal((double)(byte)st.Class, cls[i % 3, i / 3]);
            expectedCounts[st.Class] = expectedCounts.GetValueOrDefault(st.Class) + 1;
        }
        Close(Num(Root.GetProperty("mann_kendall").EnumerateArray().First(s => s.GetProperty("id").GetString() == "with_nan"), "z"), z[0], 1e-8, "pixel 0 Z vs R");
        Assert.Equal(TrendClass.SignificantIncrease, (TrendClass)(byte)cls[1, 0]);
        Assert.Equal(TrendClass.NoChange, (TrendClass)(byte)cls[2, 0]);
        Assert.True(double.IsNaN(slope[5]) && double.IsNaN(z[5]) && double.IsNaN(p[5]));
        Assert.Equal(255.0, cls[2, 1]);
        Assert.True(cls.IsMissing(2, 1));

        Assert.Equal(7, result.ClassAreas.Count);
        Assert.Equal(5, result.ClassAreas.Sum(a => a.Pixels));
        foreach (var a in result.ClassAreas)
        {
            long n = expectedCounts.GetValueOrDefault((TrendClass)a.Code);
            Assert.Equal(n, a.Pixels);
            Assert.Equal(((TrendClass)a.Code).ToSnakeName(), a.Name);
            Assert.Equal(n * 900 / 1e6, a.AreaKm2, 12);   // 30 m pixels
            Assert.Equal(100.0 * n / 5, a.Percent, 12);
        }
    }

    [Fact]
    public void Multi_band_raster_and_a_list_of_Raster_give_the_same_result()
    {
        var grid = RasterGrid.NorthUp(2, 1, 0, 0, 10, SpatialReference.Utm(47));
        double[][] years = [[0.50, 0.40], [0.55, 0.40], [0.61, 0.38], [0.70, 0.30]];
        var list = years.Select(v => Raster.FromArray(grid, v)).ToList();            // List<Raster> is accepted as is
        var multi = new Raster(grid, list.Select(r => r.Band(0)).ToArray());
        var a = new TrendAnalysis().AnalyzeStack(list, [2021, 2022, 2023, 2024]);
        var b = new TrendAnalysis().AnalyzeBands(multi, [2021, 2022, 2023, 2024]);
        Assert.Equal(a.Slope.Band(0).ToDoubleArray(), b.Slope.Band(0).ToDoubleArray());
        Assert.Equal(a.Class.Band(0).ToDoubleArray(), b.Class.Band(0).ToDoubleArray());
        Assert.Equal((double)TrendClass.SlightlySignificantIncrease, a.Class.Band(0)[0, 0]);
        Assert.Equal((double)TrendClass.NonSignificantDecrease, a.Class.Band(0)[1, 0]); // S = -5, one tie: Var = 138/18, Z = -4/sqrt(7.67) = -1.44
        Assert.Equal(2 * 100 / 1e6, a.ClassAreas.Sum(r => r.AreaKm2), 15);              // 2 pixels × 100 m²
    }

    [Fact]
    public void Raster_stack_on_different_grids_is_refused_naming_both()
    {
        var g1 = RasterGrid.NorthUp(2, 2, 0, 0, 30, SpatialReference.Utm(47));
        var g2 = RasterGrid.NorthUp(2, 2, 30, 0, 30, SpatialReference.Utm(47));
        var stack = new IRasterSource[] { Raster.FromArray(g1, new double[4]), Raster.FromArray(g1, new double[4]), Raster.FromArray(g2, new double[4]) };
        var e = Assert.Throws<ArgumentException>(() => new TrendAnalysis().AnalyzeStack(stack, [1, 2, 3]));
        Assert.Contains("raster 2 of the stack", e.Message);
    }
}
