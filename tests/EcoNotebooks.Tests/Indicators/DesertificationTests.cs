using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>The albedo–NDVI feature space regression and DDI (Eqs. 1–2) against numpy.polyfit ("ddi").</summary>
public class DesertificationTests
{
    private static (Raster Ndvi, Raster Albedo, System.Text.Json.JsonElement E) Inputs()
    {
        var d = Ref.GetProperty("ddi");
        int w = d.GetProperty("width").GetInt32(), h = d.GetProperty("height").GetInt32();
        return (Make(w, h, Doubles(d.GetProperty("ndvi"))), Make(w, h, Doubles(d.GetProperty("albedo"))), d);
    }

    [Fact]
    public void Exact_line_gives_its_slope_and_k()
    {
        // Points on A = −0.5·N + 0.8: slope a = −0.5, intercept 0.8, k = −1/a = 2, DDI(N = 0.4, A = 0.6) = 2·0.4 − 0.6 = 0.2.
        double[] n = [0, 0.25, 0.5, 0.75, 1];
        var a = n.Select(x => -0.5 * x + 0.8).ToArray();
        var fit = Desertification.Fit(n, a);
        Assert.Equal(-0.5, fit.Slope, 12);
        Assert.Equal(0.8, fit.Intercept, 12);
        Assert.Equal(2, fit.K, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(0.2, Desertification.Ddi(0.4, 0.6, fit.K), 12);
    }

    [Fact]
    public void Normalised_fit_and_ddi_match_numpy_polyfit()
    {
        var (ndvi, albedo, e) = Inputs();
        var (ddi, fit) = Desertification.Compute(ndvi, albedo, outputType: PixelType.Float64);
        Assert.Equal(e.GetProperty("slope").GetDouble(), fit.Slope, 1e-12);
        Assert.Equal(e.GetProperty("intercept").GetDouble(), fit.Intercept, 1e-12);
        Assert.Equal(e.GetProperty("k").GetDouble(), fit.K, 1e-12);
        Assert.Equal(e.GetProperty("r2").GetDouble(), fit.RSquared, 1e-12);
        Assert.Equal(30, fit.Count);
        AllClose(Doubles(e.GetProperty("ddi")), Values(ddi), 1e-12, "ddi");
    }

    [Fact]
    public void Raw_fit_without_normalisation_matches_numpy()
    {
        var (ndvi, albedo, e) = Inputs();
        var fit = Desertification.Fit(ndvi, albedo, new DesertificationOptions(Normalise: false));
        Assert.Equal(e.GetProperty("slope_raw").GetDouble(), fit.Slope, 1e-12);
        Assert.Equal(e.GetProperty("intercept_raw").GetDouble(), fit.Intercept, 1e-12);
        Assert.True(double.IsNaN(fit.NdviMin));
    }

    [Fact]
    public void Sample_as_large_as_the_data_equals_the_full_fit_and_a_subsample_is_close()
    {
        var (ndvi, albedo, e) = Inputs();
        var all = Desertification.Fit(ndvi, albedo, new DesertificationOptions(SampleSize: 1000));
        Assert.Equal(e.GetProperty("slope").GetDouble(), all.Slope, 1e-12);
        var sub = Desertification.Fit(ndvi, albedo, new DesertificationOptions(SampleSize: 20, Seed: 3));
        Assert.Equal(20, sub.Count);
        Assert.InRange(sub.Slope, all.Slope - 0.15, all.Slope + 0.15); // strong linear trend (r² ≈ 0.98): a 20-pixel sample stays close
        var again = Desertification.Fit(ndvi, albedo, new DesertificationOptions(SampleSize: 20, Seed: 3));
        Assert.Equal(sub, again); // seeded: reproducible
    }

    [Fact]
    public void Missing_pixels_are_skipped_and_stay_missing()
    {
        var (ndvi, albedo, e) = Inputs();
        var n = Values(ndvi); var a = Values(albedo);
        n[3] = double.NaN; a[7] = double.NaN;
        var (ddi, fit) = Desertification.Compute(Make(6, 5, n), Make(6, 5, a), outputType: PixelType.Float64);
        Assert.Equal(28, fit.Count);
        var v = Values(ddi);
        Assert.True(double.IsNaN(v[3]) && double.IsNaN(v[7]));
    }

    [Fact]
    public void Constant_ndvi_cannot_be_fitted()
    {
        var ex = Assert.Throws<ArgumentException>(() => Desertification.Fit(Make(2, 2, [0.3, 0.3, 0.3, 0.3]), Make(2, 2, [0.1, 0.2, 0.3, 0.4])));
        Assert.Contains("constant", ex.Message);
    }
}
