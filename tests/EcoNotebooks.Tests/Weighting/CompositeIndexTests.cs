using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Weighting;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Weighting;

/// <summary>The streamed raster composite index equals the array computation (itself checked against R).</summary>
public sealed class CompositeIndexTests
{
    [Fact]
    public void Raster_index_streams_blocks_and_matches_the_array_version_with_NaN_propagation()
    {
        var w = Root.GetProperty("weights");
        var raw = Matrix(w.GetProperty("raw"));              // 12 samples × 4 indicators -> a 4 × 3 raster each
        var dir = w.GetProperty("direction").EnumerateArray().Select(d => d.GetString() == "positive" ? IndicatorDirection.Positive : IndicatorDirection.Negative).ToArray();
        var weights = Doubles(w.GetProperty("w_combined_mean"));
        var grid = RasterGrid.NorthUp(4, 3, 0, 0, 30, SpatialReference.Utm(50));
        var rasters = new List<IRasterSource>();
        for (int j = 0; j < 4; j++)
        {
            rasters.Add(new BlockyRaster(Raster.FromArray(grid, Enumerable.Range(0, 12).Select(i => raw[i, j]).ToArray())));
        }
        var result = CompositeIndex.ComputeRaster(rasters, dir, weights);
        var expected = Doubles(w.GetProperty("composite"));
        var got = result.Index.Band(0).ToDoubleArray();
        for (int i = 0; i < 12; i++) Close(expected[i], got[i], 1e-8, $"pixel {i}");
        Assert.False(result.HasConstantIndicator);

        // a nodata pixel in one indicator -> NaN; it is also left out of that indicator's min/max
        var withGap = Enumerable.Range(0, 12).Select(i => raw[i, 1]).ToArray();
        withGap[5] = -9999;
        rasters[1] = Raster.FromArray(grid, withGap, noData: -9999);
        var r2 = CompositeIndex.ComputeRaster(rasters, dir, weights).Index.Band(0).ToDoubleArray();
        Assert.True(double.IsNaN(r2[5]));
        var cols = Enumerable.Range(0, 4).Select(j => MinMaxNormalisation.Normalise(Enumerable.Range(0, 12).Select(i => j == 1 ? withGap[i] == -9999 ? double.NaN : withGap[i] : raw[i, j]).ToArray(), dir[j]).Values).ToArray();
        var arr = CompositeIndex.Compute(cols, weights);
        for (int i = 0; i < 12; i++) if (i != 5) Assert.Equal(arr[i], r2[i], 12);
    }

    [Fact]
    public void Constant_raster_indicator_is_flagged_and_grids_must_match()
    {
        var grid = RasterGrid.NorthUp(2, 2, 0, 0, 30, SpatialReference.Utm(50));
        var a = Raster.FromArray(grid, [1.0, 2, 3, 4]);
        var c = Raster.FromArray(grid, [7.0, 7, 7, 7]);
        var r = CompositeIndex.ComputeRaster([a, c], [IndicatorDirection.Positive, IndicatorDirection.Positive], [0.5, 0.5]);
        Assert.Equal([1], r.ConstantIndicators);
        var idx = r.Index.Band(0).ToDoubleArray();
        double[] expected = [0, 0.5 / 3, 1.0 / 3, 0.5];   // 0.5 · (x − 1)/3 + 0.5 · 0
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], idx[i], 12);
        var other = Raster.FromArray(RasterGrid.NorthUp(2, 2, 60, 0, 30, SpatialReference.Utm(50)), [1.0, 2, 3, 4]);
        Assert.Throws<ArgumentException>(() => CompositeIndex.ComputeRaster([a, other], [IndicatorDirection.Positive, IndicatorDirection.Positive], [0.5, 0.5]));
    }

    [Fact]
    public void Index_streamed_from_tiled_GeoTIFFs_into_a_GeoTIFF_sink_equals_the_in_memory_index()
    {
        using var tmp = new TempDir();
        var grid = RasterGrid.NorthUp(150, 110, 500_000, 4_000_000, 30, SpatialReference.Utm(50));
        var rng = new Random(7);
        var tiled = new GeoTiffWriteOptions { Tiled = true, TileSize = 32 };
        var sources = new List<IRasterSource>();
        var inMemory = new List<IRasterSource>();
        for (int j = 0; j < 3; j++)
        {
            var v = Enumerable.Range(0, 150 * 110).Select(_ => (float)(rng.NextDouble() * 10 * (j + 1))).ToArray();
            v[37 * (j + 1)] = -9999f;
            var r = Raster.FromArray(grid, v, noData: -9999);
            GeoTiff.Write(r, tmp.File($"i{j}.tif"), tiled);
            sources.Add(GeoTiff.Open(tmp.File($"i{j}.tif")));
            inMemory.Add(r);
        }
        IndicatorDirection[] dir = [IndicatorDirection.Positive, IndicatorDirection.Negative, IndicatorDirection.Positive];
        double[] weights = [0.5, 0.3, 0.2];
        var expected = CompositeIndex.ComputeRaster(inMemory, dir, weights);
        using (var writer = new GeoTiffWriter(tmp.File("index.tif"), grid, PixelType.Float64, options: tiled))
        {
            var (ranges, constant) = CompositeIndex.ComputeToSink(sources, dir, weights, writer);
            writer.Complete();
            Assert.Empty(constant);
            Assert.Equal(expected.Ranges, ranges);
            for (int j = 0; j < 3; j++)
            {
                var valid = inMemory[j] is Raster r ? r.Band(0).ToDoubleArray().Where(v => v != -9999 && !double.IsNaN(v)).ToArray() : [];
                Assert.Equal((valid.Min(), valid.Max()), ranges[j]); // independent of the streamed min/max pass
            }
        }
        // Reading the indicators concurrently gives the same index, bit for bit.
        using (var writer = new GeoTiffWriter(tmp.File("index2.tif"), grid, PixelType.Float64, options: tiled))
        {
            CompositeIndex.ComputeToSink(sources, dir, weights, writer, degreeOfParallelism: 3);
            writer.Complete();
        }
        foreach (var s in sources) ((IDisposable)s).Dispose();
        Assert.Equal(GeoTiff.Read(tmp.File("index.tif")).Band(0).ToDoubleArray(), GeoTiff.Read(tmp.File("index2.tif")).Band(0).ToDoubleArray());
        var got = GeoTiff.Read(tmp.File("index.tif")).Band(0).ToDoubleArray();
        var want = expected.Index.Band(0).ToDoubleArray();
        Assert.Equal(want.Length, got.Length);
        for (int i = 0; i < want.Length; i++)
            if (double.IsNaN(want[i])) Assert.True(double.IsNaN(got[i]), $"pixel {i} should be NaN");
            else Assert.Equal(want[i], got[i]);
        Assert.Equal(3, want.Count(double.IsNaN));
        Assert.Throws<ArgumentException>(() => CompositeIndex.ComputeToSink(inMemory, dir, weights,
            Raster.Create(RasterGrid.NorthUp(10, 10, 0, 0, 30, SpatialReference.Utm(50)), PixelType.Float64, 1)));
    }

    /// <summary>A source with 2 × 2 blocks, so the index is computed over several windows.</summary>
    private sealed class BlockyRaster(Raster inner) : IRasterSource
    {
        public RasterGrid Grid => inner.Grid;
        public int BandCount => inner.BandCount;
        public PixelType PixelType => inner.PixelType;
        public double? NoData => inner.NoData;
        public (int Width, int Height) BlockSize => (2, 2);
        public void ReadWindow(int band, RasterWindow window, Span<double> destination) => inner.ReadWindow(band, window, destination);
    }

    // Block-level parallel passes (GeoTiffReader is an IConcurrentRasterSource): every pixel's sum is formed in the same
    // indicator order as sequentially, so the index is identical bit for bit, with float32 nodata, a NaN-nodata float64
    // source, a constant indicator, the same reader listed twice, partial edge tiles and fixed ranges.
    [Fact]
    public void Block_parallel_composite_equals_the_sequential_one_bit_for_bit()
    {
        using var tmp = new TempDir();
        var grid = RasterGrid.NorthUp(150, 110, 500_000, 4_000_000, 30, SpatialReference.Utm(50));
        var rng = new Random(11);
        var tiled = new GeoTiffWriteOptions { Tiled = true, TileSize = 32 };
        int n = 150 * 110;
        var a = Enumerable.Range(0, n).Select(i => i % 97 == 3 ? -9999f : (float)(rng.NextDouble() * 40 - 5)).ToArray();
        var b = Enumerable.Range(0, n).Select(i => i % 89 == 5 ? double.NaN : rng.NextDouble() * 1e3).ToArray();
        var c = Enumerable.Repeat(2.5f, n).ToArray();
        GeoTiff.Write(Raster.FromArray(grid, a, noData: -9999), tmp.File("a.tif"), tiled);
        GeoTiff.Write(Raster.FromArray(grid, b, noData: double.NaN), tmp.File("b.tif"), tiled with { TileSize = 48 });
        GeoTiff.Write(Raster.FromArray(grid, c), tmp.File("c.tif"), tiled);
        using var ra = GeoTiff.Open(tmp.File("a.tif"));
        using var rb = GeoTiff.Open(tmp.File("b.tif"));
        using var rc = GeoTiff.Open(tmp.File("c.tif"));
        IRasterSource[] sources = [ra, rb, rc, ra];
        IndicatorDirection[] dir = [IndicatorDirection.Positive, IndicatorDirection.Negative, IndicatorDirection.Positive, IndicatorDirection.Negative];
        double[] weights = [0.4, 0.3, 0.1, 0.2];

        Raster Run(int dop, IReadOnlyList<(double, double)>? ranges, out (double Min, double Max)[] used, out int[] constant)
        {
            var sink = Raster.Create(grid, PixelType.Float64, 1);
            (used, constant) = CompositeIndex.ComputeToSink(sources, dir, weights, sink, ranges, degreeOfParallelism: dop);
            return sink;
        }
        var seq = Run(1, null, out var r1, out var k1).Band(0).ToDoubleArray();
        Assert.Equal([2], k1);
        var validA = a.Where(v => v != -9999f).Select(v => (double)v).ToArray();
        var validB = b.Where(v => !double.IsNaN(v)).ToArray();
        Assert.Equal((validA.Min(), validA.Max()), r1[0]);
        Assert.Equal((validB.Min(), validB.Max()), r1[1]);
        Assert.Equal(r1[0], r1[3]);
        foreach (int dop in new[] { 2, 3, 8 })
        {
            var par = Run(dop, null, out var rp, out var kp).Band(0).ToDoubleArray();
            Assert.Equal(r1, rp);
            Assert.Equal(k1, kp);
            Assert.Equal(seq.Select(BitConverter.DoubleToInt64Bits), par.Select(BitConverter.DoubleToInt64Bits));
        }
        var fixedRanges = new List<(double, double)> { (-10, 40), (0, 1000), (2.5, 2.5), (-10, 40) };
        var fixedSeq = Run(1, fixedRanges, out _, out _).Band(0).ToDoubleArray();
        var fixedPar = Run(2, fixedRanges, out _, out _).Band(0).ToDoubleArray();
        Assert.Equal(fixedSeq.Select(BitConverter.DoubleToInt64Bits), fixedPar.Select(BitConverter.DoubleToInt64Bits));
        // Missing in a or b (and only there) gives NaN.
        for (int i = 0; i < n; i++)
            Assert.Equal(a[i] == -9999f || double.IsNaN(b[i]), double.IsNaN(seq[i]));
        // One pixel by hand: the normalised terms summed in indicator order.
        int p = Enumerable.Range(0, n).First(i => !double.IsNaN(seq[i]));
        var (minA, maxA) = r1[0]; var (minB, maxB) = r1[1];
        double expected = 0;
        expected += 0.4 * ((a[p] - minA) / (maxA - minA));
        expected += 0.3 * ((maxB - b[p]) / (maxB - minB));
        expected += 0.1 * 0.0;
        expected += 0.2 * ((maxA - a[p]) / (maxA - minA));
        Assert.Equal(expected, seq[p]);
    }
}
