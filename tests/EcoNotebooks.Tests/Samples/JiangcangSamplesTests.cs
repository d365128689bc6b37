using EcoNotebooks.Samples.Jiangcang;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Tests.Samples;

/// <summary>Guards the calibration of the synthetic Jiangcang sample data to the paper's published numbers.</summary>
public class JiangcangSamplesTests
{
    private static readonly Lazy<JiangcangNdviSample> Ndvi = new(() => JiangcangNdviGenerator.Generate(new JiangcangSampleOptions()));

    /// <summary>Dimidiate pixel FVC with type-7 5 %/95 % endmembers, computed independently of the generator.</summary>
    private static double RegionMeanFvc(double[] ndvi, byte[] regions, JiangcangRegion r)
    {
        var s = ndvi.Where(double.IsFinite).OrderBy(v => v).ToArray();
        double Q(double p) { double hpos = (s.Length - 1) * p; int lo = (int)hpos; return s[lo] + (hpos - lo) * (s[Math.Min(lo + 1, s.Length - 1)] - s[lo]); }
        double soil = Q(0.05), veg = Q(0.95);
        return Enumerable.Range(0, ndvi.Length).Where(i => regions[i] == (byte)r).Average(i => 100 * Math.Clamp((ndvi[i] - soil) / (veg - soil), 0, 1));
    }

    [Fact]
    public void Yearly_region_mean_fvc_matches_the_calibration_targets()
    {
        var sample = Ndvi.Value;
        var regions = ((EcoNotebooks.Rasters.RasterBand<byte>)sample.Regions[0]).Data;
        for (int t = 0; t < sample.Years.Count; t++)
        {
            var ndvi = sample.Ndvi[t][0].ToDoubleArray();
            foreach (var (r, target) in JiangcangPublished.FvcCalibrationTargets)
                Assert.True(Math.Abs(RegionMeanFvc(ndvi, regions, r) - target[t]) < 0.05, $"{r} {sample.Years[t]}: {RegionMeanFvc(ndvi, regions, r):F3} vs {target[t]}");
        }
        // The acceptance numbers: Pit 4 2020 and 2021 within 2 points of 53.21 % and 77.45 %.
        var n2020 = sample.Ndvi[0][0].ToDoubleArray();
        Assert.InRange(RegionMeanFvc(n2020, regions, JiangcangRegion.Pit4), 51.21, 55.21);
    }

    [Fact]
    public void Pit_areas_equal_the_published_areas()
    {
        var regions = ((EcoNotebooks.Rasters.RasterBand<byte>)Ndvi.Value.Regions[0]).Data;
        double px = Ndvi.Value.Regions.Grid.PixelArea / 1e6;
        Assert.Equal(2.50, regions.Count(v => v == (byte)JiangcangRegion.Pit4) * px, 3);
        Assert.Equal(2.93, regions.Count(v => v == (byte)JiangcangRegion.Pit5) * px, 3);
    }

    [Fact]
    public void Generator_is_deterministic_for_a_seed()
    {
        var a = JiangcangVegetationGenerator.Generate(new JiangcangSampleOptions());
        var b = JiangcangVegetationGenerator.Generate(new JiangcangSampleOptions());
        Assert.Equal(CsvTable.NumericColumn(a.Quadrats, "agb_g_m2"), CsvTable.NumericColumn(b.Quadrats, "agb_g_m2"));
        var c = JiangcangVegetationGenerator.Generate(new JiangcangSampleOptions { Seed = 7 });
        Assert.NotEqual(CsvTable.NumericColumn(a.Quadrats, "agb_g_m2"), CsvTable.NumericColumn(c.Quadrats, "agb_g_m2"));
    }

    [Fact]
    public void Soil_table_reproduces_the_published_pooled_correlations()
    {
        var soil = JiangcangSoilGenerator.Generate(new JiangcangSampleOptions());
        foreach (var (a, b, r) in JiangcangPublished.Correlations)
        {
            var x = CsvTable.NumericColumn(soil, a); var y = CsvTable.NumericColumn(soil, b);
            double mx = x.Average(), my = y.Average();
            double rr = x.Zip(y, (p, q) => (p - mx) * (q - my)).Sum() / Math.Sqrt(x.Sum(p => (p - mx) * (p - mx)) * y.Sum(q => (q - my) * (q - my)));
            Assert.True(Math.Abs(rr - r) < 0.02, $"r({a},{b}) = {rr:F3}, published {r}");
        }
        // Section 3.4 pattern: control has the highest SWC, SOC and TN; Pit 2 the lowest SWC, SOC and TN and the highest sand.
        double Mean(string col, string t) => CsvTable.NumericColumn(soil, col).Where((_, i) => CsvTable.TextColumn(soil, "treatment")[i] == t).Average();
        foreach (var col in new[] { "SWC", "SOC", "TN" })
        {
            Assert.True(JiangcangSoilGenerator.Treatments.All(t => Mean(col, "Control") >= Mean(col, t)), col + " control highest");
            Assert.True(JiangcangSoilGenerator.Treatments.All(t => Mean(col, "Pit2") <= Mean(col, t)), col + " pit 2 lowest");
        }
        Assert.True(JiangcangSoilGenerator.Treatments.All(t => Mean("sand", "Pit2") >= Mean("sand", t)), "sand pit 2 highest");
    }
}

/// <summary>The committed data-samples/jiangcang must be exactly what the generator writes (guards against stale samples).</summary>
public class JiangcangCommittedSampleTests
{
    [Fact]
    public void Committed_sample_equals_a_fresh_generation()
    {
        using var tmp = new EcoNotebooks.Tests.TestSupport.TempDir();
        JiangcangSamples.WriteTo(tmp.Path);
        foreach (var name in JiangcangSamples.FileNames)
        {
            var committed = EcoNotebooks.Tests.TestSupport.RepoPaths.Of("data-samples", "jiangcang", name);
            Assert.True(File.Exists(committed), $"{committed} is missing; run econb samples jiangcang");
            if (name.EndsWith(".tif"))
            {
                var a = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(committed); var b = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(tmp.File(name));
                Assert.True(a.Grid.Matches(b.Grid));
                Assert.Equal(b[0].ToDoubleArray(false), a[0].ToDoubleArray(false));
            }
            else Assert.Equal(File.ReadAllText(tmp.File(name)).ReplaceLineEndings("\n"), File.ReadAllText(committed).ReplaceLineEndings("\n"));
        }
    }
}
