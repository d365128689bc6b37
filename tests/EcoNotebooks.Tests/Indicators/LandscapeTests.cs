using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>SHDI, BAI, HAI, ECO and FN per moving window and per unit against a numpy/scipy brute force ("landscape", "fn_tiny").</summary>
public class LandscapeTests
{
    private static (Raster Map, System.Text.Json.JsonElement E) Landscape()
    {
        var e = Ref.GetProperty("landscape");
        return (Make(e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32(), Doubles(e.GetProperty("classes"))), e);
    }

    [Fact]
    public void Shdi_of_known_counts_by_hand()
    {
        Assert.Equal(Math.Log(2), LandscapeDiversity.Shdi([2, 2]), 14);               // two equal classes: ln 2
        Assert.Equal(Math.Log(4), LandscapeDiversity.Shdi([1, 1, 1, 1, 0]), 14);      // four equal classes: ln 4
        Assert.Equal(-(0.75 * Math.Log(0.75) + 0.25 * Math.Log(0.25)), LandscapeDiversity.Shdi([3, 1]), 14); // 0.5623351
        Assert.Equal(0, LandscapeDiversity.Shdi([9]));
        Assert.True(double.IsNaN(LandscapeDiversity.Shdi([0, 0])));
    }

    [Fact]
    public void Shdi_window_with_known_class_counts()
    {
        // 3×3 map, window 3 centred on the middle pixel sees all nine: classes 1 ×4, 2 ×3, 7 ×2 →
        // SHDI = −(4/9 ln 4/9 + 3/9 ln 3/9 + 2/9 ln 2/9) = 1.0609…
        var map = Make(3, 3, [1, 2, 1, 7, 1, 2, 2, 7, 1]);
        var v = Values(LandscapeDiversity.Shdi(map, new LandscapeOptions(3), PixelType.Float64));
        double expected = -(4.0 / 9 * Math.Log(4.0 / 9) + 3.0 / 9 * Math.Log(3.0 / 9) + 2.0 / 9 * Math.Log(2.0 / 9));
        Assert.Equal(expected, v[4], 12);
        // Corner (0,0) sees the truncated 2×2 window {1, 2, 7, 1}: −(½ ln ½ + 2·¼ ln ¼) = 1.0397…
        Assert.Equal(-(0.5 * Math.Log(0.5) + 0.5 * Math.Log(0.25)), v[0], 12);
    }

    [Theory]
    [InlineData(Aggregation.MovingWindow)]
    [InlineData(Aggregation.Units)]
    public void Window_metrics_match_brute_force(Aggregation aggregation)
    {
        var (map, e) = Landscape();
        var o = aggregation == Aggregation.MovingWindow
            ? new LandscapeOptions(e.GetProperty("window").GetInt32())
            : new LandscapeOptions(e.GetProperty("unit").GetInt32(), Aggregation.Units);
        var x = e.GetProperty(aggregation == Aggregation.MovingWindow ? "moving" : "units");
        AllClose(Doubles(x.GetProperty("shdi")), Values(LandscapeDiversity.Shdi(map, o, PixelType.Float64)), 1e-12, "SHDI");
        var (bai, abio) = BiologicalAbundance.Compute(map, options: o, normalisation: 1, outputType: PixelType.Float64);
        Assert.Equal(1, abio);
        AllClose(Doubles(x.GetProperty("bai")), Values(bai), 1e-12, "BAI raw");
        AllClose(Doubles(x.GetProperty("hai")), Values(HumanActivity.Compute(map, LandCoverWeights.HumanImpactIllustrative, o, PixelType.Float64)), 1e-12, "HAI");
        AllClose(Doubles(x.GetProperty("eco")), Values(EcosystemValue.Compute(map, options: o, outputType: PixelType.Float64)), 1e-10, "ECO");
        AllClose(Doubles(x.GetProperty("fn")), Values(Fragmentation.Compute(map, o, outputType: PixelType.Float64)), 1e-12, "FN");
    }

    [Fact]
    public void Moving_window_engine_is_independent_of_parallel_chunking_on_a_larger_map()
    {
        // 157 × 203 random classes, window 9: compare the sliding engine with a direct count at scattered pixels.
        int w = 157, h = 203, size = 9, half = 4;
        var rng = new Random(11);
        var cls = Enumerable.Range(0, w * h).Select(_ => rng.Next(10) == 0 ? double.NaN : 1 + rng.Next(5)).ToArray();
        var shdi = Values(LandscapeDiversity.Shdi(Make(w, h, cls), new LandscapeOptions(size), PixelType.Float64));
        for (int i = 0; i < w * h; i += 131)
        {
            int r = i / w, c = i % w;
            if (double.IsNaN(cls[i])) { Assert.True(double.IsNaN(shdi[i])); continue; }
            var counts = new int[6];
            for (int rr = Math.Max(0, r - half); rr <= Math.Min(h - 1, r + half); rr++)
                for (int cc = Math.Max(0, c - half); cc <= Math.Min(w - 1, c + half); cc++)
                    if (!double.IsNaN(cls[rr * w + cc])) counts[(int)cls[rr * w + cc]]++;
            Assert.Equal(LandscapeDiversity.Shdi(counts), shdi[i], 10);
        }
    }

    [Fact]
    public void Bai_normalisation_puts_the_best_window_at_100()
    {
        var (map, _) = Landscape();
        var (bai, abio) = BiologicalAbundance.Compute(map, options: new LandscapeOptions(5), outputType: PixelType.Float64);
        var v = Values(bai).Where(x => !double.IsNaN(x)).ToArray();
        Assert.Equal(100, v.Max(), 10);
        Assert.True(abio > 100 / 0.35); // raw shares are ≤ the largest weight 0.35
        // Weights of Eq. 12 on CLCD codes.
        Assert.Equal(0.35, LandCoverWeights.BaiClcd.Values[2]);
        Assert.Equal(0.21, LandCoverWeights.BaiClcd.Values[4]);
        Assert.Equal(0.28, LandCoverWeights.BaiClcd.Values[9]);
        Assert.Equal(0.11, LandCoverWeights.BaiClcd.Values[1]);
        Assert.Equal(0.04, LandCoverWeights.BaiClcd.Values[8]);
        Assert.Equal(0.01, LandCoverWeights.BaiClcd.Values[7]);
    }

    [Fact]
    public void Hai_by_hand()
    {
        // 3 ha construction (P = 1.0), 5 ha cropland (0.6), 2 ha forest (0.1): (3 + 3 + 0.2)/10 = 0.62
        Assert.Equal(0.62, HumanActivity.Hai([3, 5, 2], [1.0, 0.6, 0.1]), 14);
        Assert.True(double.IsNaN(HumanActivity.Hai([0, 0], [1, 1])));
    }

    [Fact]
    public void Fragmentation_of_a_small_map_by_hand()
    {
        // 1 2 2 3 / 2 1 3 3 / 4 4 1 1. Eight-connectivity: patches {1: 4 cells}, {2: 3}, {3: 3}, {4: 2} → Nf = 4,
        // A_min = 2, TA = 12: MPS = (12/4)/2 = 1.5, Nc = 12/2 = 6, FN = 1.5·3/6 = 0.75 = (Nf − 1)/Nf.
        // Four-connectivity: class 1 splits into 3, class 2 into 2 → Nf = 7, A_min = 1: MPS = 12/7, Nc = 12, FN = 6/7.
        var t = Ref.GetProperty("fn_tiny");
        var map = t.GetProperty("map").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        var eight = Fragmentation.Analyse(map, 4, 3);
        Assert.Equal(t.GetProperty("eight").GetProperty("patches").GetInt32(), eight.Patches);
        Assert.Equal(4, eight.Patches);
        Assert.Equal(1.5, eight.Mps, 14); Assert.Equal(6, eight.Nc, 14); Assert.Equal(0.75, eight.Fn, 14);
        var four = Fragmentation.Analyse(map, 4, 3, connectivity: Connectivity.Four);
        Assert.Equal(t.GetProperty("four").GetProperty("patches").GetInt32(), four.Patches);
        Assert.Equal(6.0 / 7, four.Fn, 14);
        // Pixel area cancels in the ratios.
        Assert.Equal(0.75, Fragmentation.Analyse(map, 4, 3, pixelArea: 900).Fn, 14);
        Assert.Equal(0, Fragmentation.Analyse([5, 5, 5, 5], 2, 2).Fn);
    }

    [Fact]
    public void Whole_landscape_patch_count_matches_scipy_label()
    {
        var (map, e) = Landscape();
        var whole = e.GetProperty("whole");
        var cls = Values(map).Select(x => double.IsNaN(x) ? -9999 : (int)x).ToArray();
        var r = Fragmentation.Analyse(cls, map.Width, map.Height, missing: -9999);
        Assert.Equal(whole.GetProperty("patches").GetInt32(), r.Patches);
        Assert.Equal(whole.GetProperty("fn").GetDouble(), r.Fn, 12);
    }

    [Fact]
    public void Even_moving_window_and_unknown_codes_are_rejected()
    {
        var map = Make(2, 2, [1, 2, 42, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => LandscapeDiversity.Shdi(map, new LandscapeOptions(4)));
        var ex = Assert.Throws<ArgumentException>(() => BiologicalAbundance.Compute(map));
        Assert.Contains("42", ex.Message);
        Assert.Throws<ArgumentException>(() => LandscapeDiversity.Shdi(Make(1, 1, [1.5])));
    }
}
