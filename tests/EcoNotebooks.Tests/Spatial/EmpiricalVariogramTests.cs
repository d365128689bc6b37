using EcoNotebooks.Spatial;

namespace EcoNotebooks.Tests.Spatial;

/// <summary>Empirical variogram against gstat::variogram (Reference/spatial.R). Tolerance: np exact, dist and gamma 1e-12 relative (JSON holds 15 digits).</summary>
public class EmpiricalVariogramTests
{
    private static void AssertMatches(string key, EmpiricalVariogram v)
    {
        var e = GstatReference.Json.GetProperty("variograms").GetProperty(key);
        var np = e.GetProperty("np").Doubles(); var dist = e.GetProperty("dist").Doubles(); var gamma = e.GetProperty("gamma").Doubles();
        Assert.Equal(np.Length, v.Bins.Count);
        for (int k = 0; k < np.Length; k++)
        {
            Assert.Equal((long)np[k], v.Bins[k].PairCount);
            GstatReference.Close(dist[k], v.Bins[k].Distance, 1e-12, 0, $"{key} dist[{k}]");
            GstatReference.Close(gamma[k], v.Bins[k].Semivariance, 1e-12, 0, $"{key} gamma[{k}]");
        }
    }

    [Fact]
    public void Default_cutoff_and_width_match_gstat()
    {
        var (x, y, z) = GstatReference.Points();
        var v = EmpiricalVariogram.Compute(x, y, z);
        double diag = GstatReference.Json.GetProperty("bbox_diagonal").GetDouble();
        GstatReference.Close(diag * 0.33333, v.Cutoff, 1e-13, 0, "cutoff");
        GstatReference.Close(v.Cutoff / 15, v.Width, 1e-15, 0, "width");
        AssertMatches("default", v);
    }

    [Fact]
    public void Explicit_cutoff_and_width_match_gstat()
    {
        var (x, y, z) = GstatReference.Points();
        AssertMatches("cutoff4000", EmpiricalVariogram.Compute(x, y, z, new EmpiricalVariogramOptions(4000, 250)));
    }

    /// <summary>
    /// Guards the class boundaries: on a unit lattice the distances 1, √2, 2, √5, √8, 3 fall exactly on or between
    /// edges of width 1, so (lower, upper] gives 24 / 34 / 40 pairs (gstat). The default cutoff is 0.33333·√18
    /// = 1.414199 &lt; √2, so only the 24 unit pairs enter (with exactly 1/3 the diagonal pairs would be included).
    /// </summary>
    [Fact]
    public void Lattice_pairs_on_class_edges_go_to_the_lower_class_like_gstat()
    {
        var lat = GstatReference.Json.GetProperty("variograms").GetProperty("lattice");
        var z = lat.GetProperty("z").Doubles();
        var x = new double[16]; var y = new double[16];
        for (int i = 0; i < 16; i++) { x[i] = i % 4; y[i] = i / 4; } // R expand.grid(x = 0:3, y = 0:3)
        AssertMatches("lattice", EmpiricalVariogram.Compute(x, y, z, new EmpiricalVariogramOptions(3, 1)));
        AssertMatches("lattice_default", EmpiricalVariogram.Compute(x, y, z));
        Assert.Equal(new long[] { 24, 34, 40 }, EmpiricalVariogram.Compute(x, y, z, new EmpiricalVariogramOptions(3, 1)).Bins.Select(b => b.PairCount));
    }

    [Fact]
    public void Class_index_is_half_open_on_the_left()
    {
        Assert.Equal(0, EmpiricalVariogram.ClassIndex(0, 1));
        Assert.Equal(0, EmpiricalVariogram.ClassIndex(1, 1));
        Assert.Equal(1, EmpiricalVariogram.ClassIndex(1.0000001, 1));
        Assert.Equal(1, EmpiricalVariogram.ClassIndex(2, 1));
    }

    [Fact]
    public void Missing_values_are_skipped_and_bad_input_is_rejected()
    {
        var (x, y, z) = GstatReference.Points();
        var z2 = (double[])z.Clone(); z2[5] = double.NaN;
        var v = EmpiricalVariogram.Compute(x, y, z2, new EmpiricalVariogramOptions(4000, 250));
        Assert.Equal(116, v.PointCount);
        var xs = x.Where((_, i) => i != 5).ToArray(); var ys = y.Where((_, i) => i != 5).ToArray(); var zs = z.Where((_, i) => i != 5).ToArray();
        Assert.Equal(EmpiricalVariogram.Compute(xs, ys, zs, new EmpiricalVariogramOptions(4000, 250)).Bins, v.Bins);
        Assert.Contains("-1", Assert.Throws<ArgumentOutOfRangeException>(() => EmpiricalVariogram.Compute(x, y, z, new EmpiricalVariogramOptions(-1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => EmpiricalVariogram.Compute(x, y, z, new EmpiricalVariogramOptions(100, 0)));
        Assert.Throws<ArgumentException>(() => EmpiricalVariogram.Compute([1.0], [1.0], [1.0]));
        Assert.Throws<ArgumentException>(() => EmpiricalVariogram.Compute([1.0, double.NaN], [1.0, 2], [1.0, 2]));
        Assert.Throws<ArgumentException>(() => EmpiricalVariogram.Compute([1.0, 2], [1.0], [1.0, 2]));
    }

    [Fact]
    public void Semivariance_of_two_points_is_half_the_squared_difference()
    {
        // Analytic: one pair at distance 5 with values 1 and 4 → γ = 9/2.
        var v = EmpiricalVariogram.Compute([0.0, 3], [0.0, 4], [1.0, 4], new EmpiricalVariogramOptions(10, 1));
        var b = Assert.Single(v.Bins);
        Assert.Equal(new VariogramBin(1, 5, 4.5), b);
    }
}
