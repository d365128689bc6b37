using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>Synthetic annual NDVI rasters and the region mask of the Jiangcang sample (see <see cref="JiangcangNdviGenerator"/>).</summary>
/// <param name="Regions">uint8 mask with <see cref="JiangcangRegion"/> codes.</param>
/// <param name="Years">Years of <paramref name="Ndvi"/>.</param>
/// <param name="Ndvi">One float32 NDVI raster per year (peak-season composite, dimensionless, −1…1).</param>
/// <param name="DesignedTrendGroup">uint8: the 2021–2024 trend group each pit pixel was built to follow (0 outside pits; 1 increase, 2 no-significant increase, 3 no change, 4 no-significant decrease, 5 decrease), for tests.</param>
public sealed record JiangcangNdviSample(Raster Regions, IReadOnlyList<int> Years, IReadOnlyList<Raster> Ndvi, Raster DesignedTrendGroup);

/// <summary>
/// Generates Sentinel-2-like (10 m, UTM 47N) annual NDVI over Pits 4 and 5, the Pit 2 south dump and a background
/// meadow so that the dimidiate-pixel FVC with 5 %/95 % NDVI endmembers reproduces the yearly region means of
/// <see cref="JiangcangPublished.FvcCalibrationTargets"/> (to 0.01 points) and the 2021–2024 trend-group shares of
/// <see cref="JiangcangPublished.TrendSharesPublished"/> for Pits 4 and 5.
/// <para>Method. Regions are irregular blobs of exactly the published areas (2.50 and 2.93 km² for Pits 4 and 5).
/// Each pit pixel is assigned a trend group (spatially clustered, exact shares): "increase" pixels rise every year
/// 2021→2024 (Mann–Kendall S = 6, the only value reaching |Z| ≥ 1.645 with four years), "no-significant increase"
/// pixels get a random order with S = 2 or 4, and so on; "no change" pixels are bare ground (FVC 0 every year).
/// Each pit pattern keeps its order, Sen-slope sign and a 0.6-point gap between years with the pixel's NDVI noise
/// included, and patterns are picked greedily (best of 40 candidates) so that their mean follows the region's target
/// path 2021–2024; the calibration offsets are then a few tenths of a point and reorder (almost) no pixel.
/// Pixel FVC = target mean + smooth spatial effect + the group's temporal pattern; NDVI = 0.06 + FVC·0.78 + noise.
/// Roads/spoil (bare) and wet meadow (dense) elsewhere anchor the 5 % and 95 % percentiles. Finally, a per-region,
/// per-year offset is iterated until the FVC computed from the NDVI (endmembers re-estimated each time) hits the targets.</para>
/// SYNTHETIC: not Sentinel-2 data.
/// </summary>
public static class JiangcangNdviGenerator
{
    private const double SoilNdvi = 0.06, VegNdvi = 0.84;

    /// <summary>Generates the sample.</summary>
    public static JiangcangNdviSample Generate(JiangcangSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var grid = options.Grid;
        int w = grid.Width, h = grid.Height, n = w * h;
        var years = JiangcangPublished.Years;
        int ny = years.Count;
        var rng = new SeededRandom(options.Seed);
        double pixelKm2 = grid.PixelArea / 1e6;

        // 1. Regions as blobs with exact pixel counts.
        var region = new byte[n];
        var blobs = new (JiangcangRegion R, double Cx, double Cy, int Count)[]
        {
            (JiangcangRegion.Pit4, 0.25 * w, 0.30 * h, (int)Math.Round(2.50 / pixelKm2)),
            (JiangcangRegion.Pit5, 0.73 * w, 0.32 * h, (int)Math.Round(2.93 / pixelKm2)),
            (JiangcangRegion.Pit2SouthDump, 0.24 * w, 0.80 * h, (int)Math.Round(1.20 / pixelKm2)),
            (JiangcangRegion.Background, 0.75 * w, 0.80 * h, (int)Math.Round(3.00 / pixelKm2)),
        };
        if (blobs.Sum(b => b.Count) > 0.8 * n) throw new ArgumentException($"The grid ({w}×{h} pixels of {options.PixelSize} m) is too small for the sample regions.", nameof(options));
        foreach (var b in blobs)
        {
            var shape = rng.SmoothField(w, h, 30);
            double radius = Math.Sqrt(b.Count / Math.PI);
            var order = Enumerable.Range(0, n).Where(i => region[i] == 0)
                .OrderByDescending(i => -Math.Sqrt(Math.Pow(i % w - b.Cx, 2) + Math.Pow(i / w - b.Cy, 2)) / radius + 0.3 * shape[i]).Take(b.Count);
            foreach (int i in order) region[i] = (byte)b.R;
        }

        // 2. Land types outside the regions: bare (roads, spoil), dense wet meadow, ordinary meadow.
        var otherField = rng.SmoothField(w, h, 15);
        var others = Enumerable.Range(0, n).Where(i => region[i] == 0).OrderBy(i => otherField[i]).ToArray();
        var landType = new byte[n]; // 0 meadow, 1 bare, 2 dense
        for (int k = 0; k < others.Length; k++) landType[others[k]] = k < 0.24 * others.Length ? (byte)1 : k >= 0.80 * others.Length ? (byte)2 : (byte)0;

        // 3. NDVI noise first (fixed per pixel and year), so that pit patterns can be checked with it.
        var noise = new double[ny][];
        var ndvi = new double[ny][];
        for (int t = 0; t < ny; t++)
        {
            noise[t] = new double[n]; ndvi[t] = new double[n];
            for (int i = 0; i < n; i++)
            {
                noise[t][i] = landType[i] == 1 ? rng.Uniform(-0.02, 0.08)
                    : landType[i] == 2 ? rng.Uniform(0.84, 0.92)
                    : rng.Normal(0, 0.004);
            }
        }

        // 4. Base FVC (points) and temporal patterns.
        var baseField = rng.SmoothField(w, h, 20);
        var fvc = new double[ny][];
        for (int t = 0; t < ny; t++) fvc[t] = new double[n];
        var bare = new bool[n];
        var group = new byte[n];
        var pattern = new double[n][];
        var targets = JiangcangPublished.FvcCalibrationTargets;
        foreach (var r in new[] { JiangcangRegion.Pit4, JiangcangRegion.Pit5, JiangcangRegion.Pit2SouthDump, JiangcangRegion.Background })
        {
            var pix = Enumerable.Range(0, n).Where(i => region[i] == (byte)r).ToArray();
            AssignTrendGroups(r, pix, w, h, rng, group);
            foreach (int i in pix) if (group[i] == 3) bare[i] = true;
            var live = pix.Where(i => !bare[i]).ToArray();
            if (JiangcangPublished.TrendSharesPublished.ContainsKey(r))
            {
                // Pits: every live pixel's 2021–2024 pattern has its group's Mann–Kendall S and Sen-slope sign with the
                // NDVI noise included (and a 0.6-point margin between years), and patterns are chosen greedily among
                // candidates so that their mean follows the region's target path; the per-year calibration offsets
                // below are then too small to reorder any pixel's years.
                double scale = pix.Length / (double)live.Length;
                double avg = Enumerable.Range(1, ny - 1).Average(t => targets[r][t]);
                var dev = Enumerable.Range(1, ny - 1).Select(t => (targets[r][t] - avg) * scale).ToArray();
                var sum = new double[ny - 1];
                var orderLive = live.ToArray();
                rng.Shuffle(orderLive);
                int k = 0;
                foreach (int i in orderLive)
                {
                    var noisePts = Enumerable.Range(1, ny - 1).Select(t => noise[t][i] / (VegNdvi - SoilNdvi) * 100).ToArray();
                    k++;
                    double[]? best = null; double bestD = double.PositiveInfinity;
                    for (int c = 0; c < 40; c++)
                    {
                        var cand = PitPattern(group[i], rng, noisePts);
                        double d = 0;
                        for (int t = 0; t < ny - 1; t++) d += Math.Pow(sum[t] + cand[t] - dev[t] * k, 2);
                        if (d < bestD) { bestD = d; best = cand; }
                    }
                    pattern[i] = best!;
                    for (int t = 0; t < ny - 1; t++) sum[t] += best![t];
                }
                foreach (int i in live)
                {
                    double b = 5 * baseField[i] + rng.Normal(0, 3);
                    fvc[0][i] = targets[r][0] + 0.8 * b + rng.Normal(0, 4);
                    for (int t = 1; t < ny; t++) fvc[t][i] = avg * scale + b + pattern[i][t - 1];
                }
                continue;
            }
            foreach (int i in live) pattern[i] = Pattern(group[i], rng);
            var mean = Enumerable.Range(0, 4).Select(t => live.Average(i => pattern[i][t])).ToArray();
            foreach (int i in live)
            {
                double b = 5 * baseField[i] + rng.Normal(0, 3);
                fvc[0][i] = targets[r][0] + 0.8 * b + rng.Normal(0, 4);
                for (int t = 1; t < ny; t++) fvc[t][i] = targets[r][t] + b + pattern[i][t - 1] - mean[t - 1];
            }
        }
        foreach (int i in others)
        {
            if (landType[i] != 0) continue;
            double b = 7 * baseField[i] + rng.Normal(0, 4);
            for (int t = 0; t < ny; t++) fvc[t][i] = targets[JiangcangRegion.Background][t] - 6 + b + rng.Normal(0, 2);
        }
        for (int t = 0; t < ny; t++)
            for (int i = 0; i < n; i++)
                if (bare[i]) noise[t][i] = rng.Uniform(-0.06, -0.03); // bare pit ground: below the soil end-member

        // 5. NDVI = 0.06 + FVC·0.78 + noise, with per-region, per-year offsets calibrated to the target means.

        var offset = new Dictionary<(JiangcangRegion, int), double>();
        var regionsToCalibrate = targets.Keys.ToArray();
        var members = regionsToCalibrate.ToDictionary(r => r, r => Enumerable.Range(0, n).Where(i => region[i] == (byte)r).ToArray());
        for (int t = 0; t < ny; t++)
        {
            foreach (var r in regionsToCalibrate) offset[(r, t)] = 0;
            for (int iter = 0; iter < 50; iter++)
            {
                for (int i = 0; i < n; i++)
                {
                    bool fixedValue = bare[i] || landType[i] != 0;
                    double c = region[i] == 0 ? 0 : offset[((JiangcangRegion)region[i], t)];
                    ndvi[t][i] = fixedValue ? noise[t][i] : SoilNdvi + (fvc[t][i] + c) / 100 * (VegNdvi - SoilNdvi) + noise[t][i];
                    ndvi[t][i] = Math.Round(Math.Clamp(ndvi[t][i], -1, 1), 4);
                }
                var (lo, hi) = Endmembers(ndvi[t], options.SoilPercentile, options.VegetationPercentile);
                double worst = 0;
                foreach (var r in regionsToCalibrate)
                {
                    double m = members[r].Average(i => 100 * Math.Clamp((ndvi[t][i] - lo) / (hi - lo), 0, 1));
                    double err = targets[r][t] - m;
                    worst = Math.Max(worst, Math.Abs(err));
                    offset[(r, t)] += err * (hi - lo) / (VegNdvi - SoilNdvi) * (members[r].Length / (double)members[r].Count(i => !bare[i]));
                }
                if (worst < 0.002) break;
            }
        }

        var regionsRaster = new Raster(grid, [new RasterBand<byte>(w, h, region)]);
        var groupRaster = new Raster(grid, [new RasterBand<byte>(w, h, group.Select((g, i) => region[i] is (byte)JiangcangRegion.Pit4 or (byte)JiangcangRegion.Pit5 ? g : (byte)0).ToArray())]);
        var ndviRasters = ndvi.Select(v => Raster.FromArray(grid, v.Select(x => (float)x).ToArray(), noData: -9999)).ToArray();
        return new JiangcangNdviSample(regionsRaster, years, ndviRasters, groupRaster);
    }

    /// <summary>
    /// Assigns each pixel of a region one of the five trend groups with the published shares (pits) or a random order
    /// (other regions: group 0). Groups are spatially clustered: pixels are ranked by a smooth random field.
    /// </summary>
    private static void AssignTrendGroups(JiangcangRegion r, int[] pix, int w, int h, SeededRandom rng, byte[] group)
    {
        var field = rng.SmoothField(w, h, 12);
        if (!JiangcangPublished.TrendSharesPublished.TryGetValue(r, out var shares))
        {
            foreach (int i in pix) group[i] = 0;
            return;
        }
        double total = shares.Total;
        int nNoChange = (int)Math.Round(pix.Length * shares.NoChange / total);
        int nInc = (int)Math.Round(pix.Length * shares.SignificantIncrease / total);
        int nDec = (int)Math.Round(pix.Length * shares.SignificantDecrease / total);
        int nNsDec = (int)Math.Round(pix.Length * shares.NonSignificantDecrease / total);
        // No change = bare clusters (lowest field values); then decreases, then increases toward the east.
        var ordered = pix.OrderBy(i => field[i]).ToArray();
        int k = 0;
        for (; k < nNoChange; k++) group[ordered[k]] = 3;
        var rest = ordered.Skip(nNoChange).OrderBy(i => field[i] * 0.5 + (i % w) / (double)w + rng.Normal(0, 0.15)).ToArray();
        int j = 0;
        for (int m = 0; m < nDec; m++) group[rest[j++]] = 5;
        for (int m = 0; m < nNsDec; m++) group[rest[j++]] = 4;
        int nNsInc = rest.Length - j - nInc;
        for (int m = 0; m < nNsInc; m++) group[rest[j++]] = 2;
        for (; j < rest.Length; j++) group[rest[j]] = 1;
    }

    private static readonly int[][] Permutations = Permute([0, 1, 2, 3]).ToArray();

    private static IEnumerable<int[]> Permute(int[] items) => items.Length <= 1 ? [items]
        : items.SelectMany((x, i) => Permute(items.Where((_, k) => k != i).ToArray()).Select(p => new[] { x }.Concat(p).ToArray()));

    private static int KendallS(int[] ranks)
    {
        int s = 0;
        for (int a = 0; a < ranks.Length; a++) for (int b = a + 1; b < ranks.Length; b++) s += Math.Sign(ranks[b] - ranks[a]);
        return s;
    }

    /// <summary>A 4-year (2021–2024) FVC pattern (points) whose Mann–Kendall S and Sen-slope sign match the group.</summary>
    private static double[] Pattern(byte group, SeededRandom rng)
    {
        Func<int, bool> wanted = group switch
        {
            1 => s => s == 6,
            2 => s => s is 2 or 4,
            4 => s => s is -2 or -4,
            5 => s => s == -6,
            _ => _ => true,
        };
        double amplitude = group == 0 ? 2.5 : 4.5;
        var candidates = Permutations.Where(p => wanted(KendallS(p))).ToArray();
        while (true)
        {
            var ranks = candidates[rng.Next(candidates.Length)];
            var steps = new double[4];
            for (int q = 1; q < 4; q++) steps[q] = steps[q - 1] + rng.Uniform(0.7, 1.3);
            var v = ranks.Select(rk => amplitude * (steps[rk] - 1.5)).ToArray();
            if (group == 0) return v;
            double slope = SenSlope(v);
            if (group is 1 or 2 ? slope > 0 : slope < 0) return v;
        }
    }

    /// <summary>
    /// A 2021–2024 pit pattern (FVC points, mean 0) for trend group <paramref name="group"/> (1 increase S = 6,
    /// 2 no-significant increase S = 2 or 4, 4 no-significant decrease S = −2 or −4, 5 decrease S = −6) whose years
    /// keep that order, Sen-slope sign and a 0.6-point margin after <paramref name="noisePts"/> is added.
    /// </summary>
    private static double[] PitPattern(byte group, SeededRandom rng, double[] noisePts)
    {
        Func<int, bool> wanted = group switch
        {
            1 => s => s == 6,
            2 => s => s is 2 or 4,
            4 => s => s is -2 or -4,
            5 => s => s == -6,
            _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not a pit trend group."),
        };
        var candidates = Permutations.Where(p => wanted(KendallS(p))).ToArray();
        while (true)
        {
            var ranks = candidates[rng.Next(candidates.Length)];
            var steps = new double[4];
            for (int q = 1; q < 4; q++) steps[q] = steps[q - 1] + rng.Uniform(1.0, group is 4 or 5 ? 10.0 : 7.0);
            double m = steps.Average();
            var v = ranks.Select(rk => steps[rk] - m).ToArray();
            var final = v.Select((x, t) => x + noisePts[t]).ToArray();
            bool margin = true;
            for (int a = 0; a < 4 && margin; a++) for (int b = a + 1; b < 4; b++) if (Math.Abs(final[b] - final[a]) < 0.6) { margin = false; break; }
            if (!margin) continue;
            var finalRanks = final.Select(x => final.Count(y => y < x)).ToArray();
            if (KendallS(finalRanks) != KendallS(ranks)) continue;
            double slope = SenSlope(final);
            if (group is 1 or 2 ? slope > 0.3 : slope < -0.3) return v;
        }
    }

    private static double SenSlope(double[] v)
    {
        var s = new List<double>();
        for (int a = 0; a < v.Length; a++) for (int b = a + 1; b < v.Length; b++) s.Add((v[b] - v[a]) / (b - a));
        s.Sort();
        return s.Count % 2 == 1 ? s[s.Count / 2] : 0.5 * (s[s.Count / 2 - 1] + s[s.Count / 2]);
    }

    /// <summary>Type-7 (R default) percentiles of the finite values.</summary>
    private static (double Lo, double Hi) Endmembers(double[] values, double loPct, double hiPct)
    {
        var s = values.Where(double.IsFinite).ToArray();
        Array.Sort(s);
        return (Indicators.VegetationCover.Percentile(s, loPct), Indicators.VegetationCover.Percentile(s, hiPct));
    }
}
