using System.Text.Json;
using EcoNotebooks.Spatial;

namespace EcoNotebooks.Tests.Spatial;

/// <summary>
/// Variogram fit against gstat::fit.variogram (Reference/spatial.R). The fit replicates gstat's iteration, so even
/// where gstat stops before full convergence (its default and custom starts differ by ~1e-6) the parameters agree to
/// 1e-9 relative here; SSErr to 1e-7 relative.
/// </summary>
public class VariogramFitTests
{
    public static TheoryData<string, string> Cases()
    {
        var d = new TheoryData<string, string>();
        foreach (var t in new[] { "sph", "exp", "gau" })
            foreach (var c in new[] { "default_start", "custom_start", "cutoff4000", "method1", "method2", "method6" })
                // Gau with fit.method 1, 2 and 6 oscillates without settling (gstat's inexact Gaussian range
                // derivative): gstat stops after 200 iterations (1, 2) or by chance (6), and the oscillation amplifies
                // last-bit rounding differences, so those end points are not reproducible; see
                // Gaussian_fit_with_pair_count_weights_does_not_converge_in_gstat_either.
                if (!(t == "gau" && c.StartsWith("method", StringComparison.Ordinal))) d.Add(t, c);
        foreach (var t in new[] { "sph", "exp" })
            foreach (var c in new[] { "fixed_nugget", "fixed_range" })
                d.Add(t, c);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_matches_gstat(string type, string @case)
    {
        var e = GstatReference.Json.GetProperty("fits").GetProperty(type).GetProperty(@case);
        var (x, y, z) = GstatReference.Points();
        var options = e.GetProperty("variogram").GetString() == "cutoff4000" ? new EmpiricalVariogramOptions(4000, 250) : null;
        var v = EmpiricalVariogram.Compute(x, y, z, options);
        var s = e.GetProperty("start");
        var start = new VariogramModel(VariogramModelTypes.Parse(type), s.GetProperty("psill").GetDouble(), s.GetProperty("range").GetDouble(), s.GetProperty("nugget").GetDouble());
        var method = @case switch
        {
            "method1" => VariogramFitMethod.PairCount,
            "method2" => VariogramFitMethod.PairCountOverModelSquared,
            "method6" => VariogramFitMethod.OrdinaryLeastSquares,
            _ => VariogramFitMethod.PairCountOverDistanceSquared,
        };
        var fit = VariogramFit.Fit(v, start, new VariogramFitOptions(method, FitNugget: @case != "fixed_nugget", FitRange: @case != "fixed_range"));
        if (@case == "fixed_nugget") Assert.Equal(start.Nugget, fit.Model.Nugget);
        if (@case == "fixed_range") Assert.Equal(start.Range, fit.Model.Range);
        Assert.Equal(e.GetProperty("singular").GetBoolean(), fit.Singular);
        Assert.Equal(e.GetProperty("converged").GetBoolean(), fit.Converged);
        GstatReference.Close(e.GetProperty("psill").GetDouble(), fit.Model.PartialSill, 1e-9, 1e-12, "psill");
        GstatReference.Close(e.GetProperty("range").GetDouble(), fit.Model.Range, 1e-9, 0, "range");
        GstatReference.Close(e.GetProperty("nugget").GetDouble(), fit.Model.Nugget, 1e-9, 1e-12, "nugget");
        GstatReference.Close(e.GetProperty("sserr").GetDouble(), fit.WeightedSse, 1e-7, 0, "SSErr");
    }

    [Theory]
    [InlineData(VariogramFitMethod.PairCount, "method1")]
    [InlineData(VariogramFitMethod.PairCountOverModelSquared, "method2")]
    public void Gaussian_fit_with_pair_count_weights_does_not_converge_in_gstat_either(VariogramFitMethod method, string key)
    {
        var e = GstatReference.Json.GetProperty("fits").GetProperty("gau").GetProperty(key);
        Assert.False(e.GetProperty("converged").GetBoolean());
        var (x, y, z) = GstatReference.Points();
        var v = EmpiricalVariogram.Compute(x, y, z);
        var fit = VariogramFit.Fit(v, VariogramFit.DefaultInitialModel(v, VariogramModelType.Gaussian), new VariogramFitOptions(method));
        Assert.False(fit.Converged);
        Assert.False(fit.IsValid);
        Assert.Equal(200, fit.Iterations);
    }

    [Fact]
    public void Negative_nugget_is_fixed_at_zero_and_refitted_like_gstat()
    {
        // gstat returns nugget = 0 exactly for Exp with fit.method 1: its first pass ends with a negative nugget.
        var e = GstatReference.Json.GetProperty("fits").GetProperty("exp").GetProperty("method1");
        Assert.Equal(0.0, e.GetProperty("nugget").GetDouble());
        var (x, y, z) = GstatReference.Points();
        var v = EmpiricalVariogram.Compute(x, y, z);
        var fit = VariogramFit.Fit(v, VariogramFit.DefaultInitialModel(v, VariogramModelType.Exponential), new VariogramFitOptions(VariogramFitMethod.PairCount));
        Assert.True(fit.NegativeSillsFixed);
        Assert.Equal(0.0, fit.Model.Nugget);
    }

    [Fact]
    public void Default_initial_model_is_gstats_vgm_fill_na()
    {
        var (x, y, z) = GstatReference.Points();
        var v = EmpiricalVariogram.Compute(x, y, z);
        var s = GstatReference.Json.GetProperty("fits").GetProperty("sph").GetProperty("default_start").GetProperty("start");
        var m = VariogramFit.DefaultInitialModel(v, VariogramModelType.Spherical);
        GstatReference.Close(s.GetProperty("psill").GetDouble(), m.PartialSill, 1e-12, 0, "psill");
        GstatReference.Close(s.GetProperty("range").GetDouble(), m.Range, 1e-12, 0, "range");
        GstatReference.Close(s.GetProperty("nugget").GetDouble(), m.Nugget, 1e-12, 0, "nugget");
        // fit.variogram(v, vgm(NA, "Sph", NA, NA)) is the same fit (spatial.R checks this on gstat's side).
        Assert.Equal(VariogramFit.Fit(v, m), VariogramFit.Fit(v, VariogramModelType.Spherical));
    }

    [Fact]
    public void Exact_model_variogram_is_recovered()
    {
        // Analytic: classes generated from a known Sph model are fitted back to it.
        var truth = new VariogramModel(VariogramModelType.Spherical, 2.0, 1000, 0.5);
        var bins = Enumerable.Range(1, 20).Select(k => new VariogramBin(50 + k, k * 80.0, truth.Semivariance(k * 80.0))).ToArray();
        var fit = VariogramFit.Fit(bins, new VariogramModel(VariogramModelType.Spherical, 1.0, 700, 0.2), new VariogramFitOptions(MaxIterations: 1000, Tolerance: 1e-12));
        Assert.True(fit.IsValid);
        GstatReference.Close(2.0, fit.Model.PartialSill, 1e-6, 0, "psill");
        GstatReference.Close(1000, fit.Model.Range, 1e-6, 0, "range");
        GstatReference.Close(0.5, fit.Model.Nugget, 1e-6, 0, "nugget");
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        var bins = new[] { new VariogramBin(3, 0, 0.1), new VariogramBin(5, 10, 1) };
        Assert.Contains("distance 0", Assert.Throws<ArgumentException>(() => VariogramFit.Fit(bins, new VariogramModel(VariogramModelType.Spherical, 1, 10, 0))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => VariogramFit.Fit(bins.Skip(1).ToArray(), new VariogramModel(VariogramModelType.Spherical, 1, -10, 0)));
        Assert.Throws<ArgumentException>(() => VariogramFit.Fit(Array.Empty<VariogramBin>(), new VariogramModel(VariogramModelType.Spherical, 1, 10, 0)));
    }

    [Fact]
    public void Model_functions_follow_gstat_definitions()
    {
        // Analytic values of gstat's unit models.
        Assert.Equal(1.5 * 0.5 - 0.5 * 0.125, VariogramModel.Unit(VariogramModelType.Spherical, 50, 100), 15);
        Assert.Equal(1.0, VariogramModel.Unit(VariogramModelType.Spherical, 150, 100));
        Assert.Equal(1 - Math.Exp(-0.5), VariogramModel.Unit(VariogramModelType.Exponential, 50, 100), 15);
        Assert.Equal(1 - Math.Exp(-0.25), VariogramModel.Unit(VariogramModelType.Gaussian, 50, 100), 15);
        var m = new VariogramModel(VariogramModelType.Exponential, 2, 100, 0.5);
        Assert.Equal(0.0, m.Semivariance(0));
        Assert.Equal(2.5, m.Covariance(0));
        Assert.Equal(0.5 + 2 * (1 - Math.Exp(-1)), m.Semivariance(100), 14);
        Assert.Equal(m.Sill - m.Semivariance(30), m.Covariance(30), 14);
        // Range derivative against a central difference (Sph, Exp); for Gau gstat's own (inexact) expression.
        foreach (var t in new[] { VariogramModelType.Spherical, VariogramModelType.Exponential })
        {
            double h = 60, a = 100, eps = 1e-5;
            double numeric = (VariogramModel.Unit(t, h, a + eps) - VariogramModel.Unit(t, h, a - eps)) / (2 * eps);
            Assert.Equal(numeric, VariogramModel.GstatRangeDerivative(t, h, a), 8);
        }
        Assert.Equal(-(0.6 / 100) * Math.Exp(-0.36), VariogramModel.GstatRangeDerivative(VariogramModelType.Gaussian, 60, 100), 15);
        Assert.Equal(VariogramModelType.Gaussian, VariogramModelTypes.Parse("Gau"));
        Assert.Equal(VariogramModelType.Exponential, VariogramModelTypes.Parse("exponential"));
        Assert.Equal("sph", VariogramModelType.Spherical.ToShortName());
        Assert.Contains("'cir'", Assert.Throws<ArgumentException>(() => VariogramModelTypes.Parse("cir")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariogramModel(VariogramModelType.Spherical, 1, 0, 0).Validate());
    }
}
