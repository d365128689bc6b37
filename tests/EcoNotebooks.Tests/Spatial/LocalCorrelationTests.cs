using System.Text.Json;
using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Spatial;

/// <summary>
/// Local (moving-window) correlation against (1) scipy.stats.pearsonr per window (Reference/local_correlation.py,
/// scipy 1.10) and (2) a brute-force two-pass computation in this test. Tolerances: n exact, r 1e-10 absolute,
/// p 1e-9 relative + 1e-12 absolute.
/// </summary>
public class LocalCorrelationTests
{
    private static double[] Values(JsonElement e) =>
        e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Matches_scipy_pearsonr_per_window(int k)
    {
        var j = ReferenceData.Json("local_correlation.json");
        int w = j.GetProperty("width").GetInt32(), h = j.GetProperty("height").GetInt32();
        var a = Values(j.GetProperty("a")); var b = Values(j.GetProperty("b"));
        var e = j.GetProperty("windows").GetProperty(k.ToString());
        var er = Values(e.GetProperty("r")); var ep = Values(e.GetProperty("p"));
        var en = e.GetProperty("n").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var (r, p, n) = LocalCorrelation.Compute(a, b, w, h, k);
        int defined = 0;
        for (int i = 0; i < r.Length; i++)
        {
            Assert.Equal(en[i], n[i]);
            Assert.True(double.IsNaN(er[i]) == double.IsNaN(r[i]), $"pixel {i}: scipy r {er[i]}, ours {r[i]} (n = {n[i]})");
            if (double.IsNaN(er[i])) continue;
            defined++;
            Assert.True(Math.Abs(er[i] - r[i]) <= 1e-10, $"pixel {i}: r {er[i]:R} vs {r[i]:R}");
            GstatReference.Close(ep[i], p[i], 1e-9, 1e-12, $"pixel {i} p");
        }
        Assert.True(defined > 300);
        if (k == 3) Assert.Contains(er, double.IsNaN); // the empty corner and the constant patch
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 6)]
    [InlineData(11, 20)]
    [InlineData(31, 3)]
    public void Running_sums_equal_brute_force_for_any_window(int k, int minPairs)
    {
        // Random rasters with an offset of 1e4 (tests the centring) and 10 % missing pixels.
        int w = 41, h = 37;
        var rng = new Random(7);
        var a = new double[w * h]; var b = new double[w * h];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = 1e4 + rng.NextDouble() + 0.01 * (i % w);
            b[i] = -3 + 0.5 * a[i] - 5e3 + rng.NextDouble();
            if (rng.NextDouble() < 0.1) a[i] = double.NaN;
            if (rng.NextDouble() < 0.1) b[i] = double.NaN;
        }
        var (r, p, n) = LocalCorrelation.Compute(a, b, w, h, k, minPairs);
        int half = k / 2;
        for (int row = 0; row < h; row++)
            for (int col = 0; col < w; col++)
            {
                var xs = new List<double>(); var ys = new List<double>();
                for (int rr = Math.Max(0, row - half); rr <= Math.Min(h - 1, row + half); rr++)
                    for (int cc = Math.Max(0, col - half); cc <= Math.Min(w - 1, col + half); cc++)
                    {
                        int q = rr * w + cc;
                        if (!double.IsNaN(a[q]) && !double.IsNaN(b[q])) { xs.Add(a[q]); ys.Add(b[q]); }
                    }
                int i = row * w + col;
                Assert.Equal(xs.Count, n[i]);
                if (xs.Count < minPairs) { Assert.True(double.IsNaN(r[i])); continue; }
                double mx = xs.Average(), my = ys.Average(), sxy = 0, sxx = 0, syy = 0;
                for (int t = 0; t < xs.Count; t++) { sxy += (xs[t] - mx) * (ys[t] - my); sxx += (xs[t] - mx) * (xs[t] - mx); syy += (ys[t] - my) * (ys[t] - my); }
                double expected = sxy / Math.Sqrt(sxx * syy);
                Assert.True(Math.Abs(expected - r[i]) < 1e-9, $"({col},{row}) k={k}: {expected} vs {r[i]}");
                // p from the t statistic and MathNet's Student t CDF (independent route).
                double df = xs.Count - 2, tt = expected * Math.Sqrt(df / (1 - expected * expected));
                double pt = 2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs(tt));
                GstatReference.Close(pt, p[i], 1e-6, 1e-12, $"p at ({col},{row})");
            }
    }

    [Fact]
    public void PValue_matches_R_cor_test()
    {
        // R 4.2.2: cor.test(c(1,2,3,4,5,6), c(2,1,4,3,7,5)) → r = 0.791794654888629656, p = 0.060511403362756552
        // (scipy.stats.pearsonr gives the same p 0.06051140336275671).
        double[] x = [1, 2, 3, 4, 5, 6], y = [2, 1, 4, 3, 7, 5];
        double r = MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        Assert.Equal(0.791794654888629656, r, 14);
        GstatReference.Close(0.060511403362756552, LocalCorrelation.PValue(r, 6), 1e-12, 0, "p");
        Assert.Equal(0.0, LocalCorrelation.PValue(1, 10));
        Assert.Equal(1.0, LocalCorrelation.PValue(0, 10), 14);
    }

    [Fact]
    public void Raster_api_classifies_and_reports_shares()
    {
        var grid = RasterGrid.NorthUp(30, 20, 500000, 4000000, 30, new SpatialReference(32650));
        int count = 600;
        var a = new double[count]; var b = new double[count];
        var rng = new Random(3);
        for (int i = 0; i < count; i++)
        {
            int col = i % 30;
            a[i] = rng.NextDouble();
            // Left third: b follows a (positive); right third: b mirrors a (negative); middle: independent.
            b[i] = col < 10 ? a[i] + 0.05 * rng.NextDouble() : col >= 20 ? -a[i] + 0.05 * rng.NextDouble() : rng.NextDouble();
        }
        a[0] = -9999; // nodata in the first raster
        var ra = Raster.FromArray(grid, a, noData: -9999);
        var rb = Raster.FromArray(grid, b);
        var res = LocalCorrelation.Compute(ra, rb, new LocalCorrelationOptions(5, 10, 0.01));
        Assert.True(res.R.Grid.Matches(grid));
        Assert.Equal(8, res.N.Band(0)[0, 0]); // 3×3 corner window minus the nodata pixel
        var cls = ((RasterBand<short>)res.Classes.Band(0)).Data;
        var r = res.R.Band(0).ToDoubleArray(); var p = res.P.Band(0).ToDoubleArray();
        long pos = 0, neg = 0, ins = 0;
        for (int i = 0; i < count; i++)
        {
            if (double.IsNaN(r[i])) { Assert.Equal(short.MinValue, cls[i]); continue; }
            short expected = p[i] < 0.01 ? (short)Math.Sign(r[i]) : (short)0;
            Assert.Equal(expected, cls[i]);
            if (expected > 0) pos++; else if (expected < 0) neg++; else ins++;
        }
        var s = res.Summary;
        Assert.Equal((pos, neg, ins), (s.Positive, s.Negative, s.Insignificant));
        Assert.Equal(1.0, s.PositiveShare + s.NegativeShare + s.InsignificantShare, 12);
        Assert.Equal(s.Positive * 900.0, s.PositiveArea);
        Assert.True(cls[5 * 30 + 3] == 1 && cls[5 * 30 + 26] == -1);
        Assert.True(s.PositiveShare > 0.25 && s.NegativeShare > 0.25);
    }

    [Fact]
    public void Constant_windows_give_NaN_and_bad_input_is_rejected()
    {
        var a = Enumerable.Repeat(3.7, 25).ToArray();
        var b = Enumerable.Range(0, 25).Select(i => (double)i * i).ToArray();
        var (r, p, _) = LocalCorrelation.Compute(a, b, 5, 5, 3);
        Assert.All(r, v => Assert.True(double.IsNaN(v)));
        Assert.All(p, v => Assert.True(double.IsNaN(v)));
        Assert.Contains("4", Assert.Throws<ArgumentOutOfRangeException>(() => LocalCorrelation.Compute(a, b, 5, 5, 4)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalCorrelation.Compute(a, b, 5, 5, 3, 2));
        var g1 = RasterGrid.NorthUp(5, 5, 0, 0, 1, SpatialReference.Unknown);
        var g2 = RasterGrid.NorthUp(5, 5, 1, 0, 1, SpatialReference.Unknown);
        Assert.Contains("Grids do not match", Assert.Throws<ArgumentException>(() => LocalCorrelation.Compute(Raster.FromArray(g1, a), Raster.FromArray(g2, b))).Message);
    }
}
