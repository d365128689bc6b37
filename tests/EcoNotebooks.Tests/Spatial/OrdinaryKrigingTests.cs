using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;

namespace EcoNotebooks.Tests.Spatial;

/// <summary>
/// Ordinary kriging against gstat::krige with fixed models (Reference/spatial.R). Tolerance: predictions 1e-10
/// relative, variances 1e-10 relative + 1e-12 absolute (gstat prints 1.8e-33 where the exact variance is 0).
/// </summary>
public class OrdinaryKrigingTests
{
    [Theory]
    [InlineData("sph")]
    [InlineData("exp")]
    [InlineData("gau")]
    [InlineData("sph0")]
    public void Predictions_and_variances_match_gstat(string key)
    {
        var e = GstatReference.Json.GetProperty("kriging").GetProperty(key);
        var model = new VariogramModel(VariogramModelTypes.Parse(e.GetProperty("type").GetString()!),
            e.GetProperty("psill").GetDouble(), e.GetProperty("range").GetDouble(), e.GetProperty("nugget").GetDouble());
        var (x, y, z) = GstatReference.Points();
        var ok = new OrdinaryKriging(x, y, z, model);
        var targets = GstatReference.Targets();
        var pred = ok.Predict(targets);
        var ep = e.GetProperty("prediction").Doubles(); var ev = e.GetProperty("variance").Doubles();
        Assert.Equal(targets.Length, pred.Count);
        for (int i = 0; i < targets.Length; i++)
        {
            Assert.Equal(targets[i].X, pred[i].X);
            GstatReference.Close(ep[i], pred[i].Value, 1e-10, 0, $"{key} prediction[{i}]");
            GstatReference.Close(ev[i], pred[i].Variance, 1e-10, 1e-12, $"{key} variance[{i}]");
        }
        // The last target is data point 7 (index 6): exact interpolation.
        Assert.Equal(z[6], pred[^1].Value, 10);
        Assert.True(pred[^1].Variance < 1e-12);
    }

    [Fact]
    public void Grid_prediction_equals_point_prediction_at_pixel_centres()
    {
        var (x, y, z) = GstatReference.Points();
        var ok = new OrdinaryKriging(x, y, z, new VariogramModel(VariogramModelType.Exponential, 2.0, 1500, 0.15));
        var grid = RasterGrid.NorthUp(7, 5, 0, 10000, 1500, SpatialReference.Unknown);
        var (p, v) = ok.PredictGrid(grid);
        Assert.True(p.Grid.Matches(grid));
        for (int r = 0; r < 5; r++)
            for (int c = 0; c < 7; c++)
            {
                var (cx, cy) = grid.Transform.PixelCentre(c, r);
                var q = ok.Predict(cx, cy);
                Assert.Equal(q.Value, p.Band(0)[c, r]);
                Assert.Equal(q.Variance, v.Band(0)[c, r]);
            }
    }

    [Fact]
    public void Two_points_analytic_solution()
    {
        // Analytic: with two points the OK weights are 1/2 each at the midpoint by symmetry; variance
        // = C(0) − λᵀc₀ − μ with μ = c₀ − (C(0)+C(d))/2 → σ² = C(0) − 2c₀ + (C(0) + C(d))/2.
        var m = new VariogramModel(VariogramModelType.Exponential, 1.0, 10, 0.2);
        var ok = new OrdinaryKriging([0.0, 10], [0.0, 0], [1.0, 3], m);
        var p = ok.Predict(5, 0);
        Assert.Equal(2.0, p.Value, 12);
        double c0 = m.Covariance(5), c00 = m.Covariance(0), cd = m.Covariance(10);
        Assert.Equal(c00 - 2 * c0 + (c00 + cd) / 2, p.Variance, 12);
        Assert.Equal(2.0, ok.Mean, 12);
    }

    [Fact]
    public void Duplicate_locations_and_invalid_models_are_clear_errors()
    {
        var m = new VariogramModel(VariogramModelType.Spherical, 1, 100, 0.1);
        var ex = Assert.Throws<ArgumentException>(() => new OrdinaryKriging([0.0, 5, 0], [1.0, 2, 1], [1.0, 2, 3], m));
        Assert.Contains("Points 0 and 2", ex.Message);
        Assert.Contains("(0, 1)", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrdinaryKriging([0.0, 5], [0.0, 0], [1.0, 2], m with { Range = 0 }));
        Assert.Throws<ArgumentException>(() => new OrdinaryKriging([0.0], [0.0], [1.0], m));
    }
}
