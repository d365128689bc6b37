using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>The block-wise engine reads and writes bounded windows, so a province-scale raster never sits in memory.</summary>
public class PixelMapTests
{
    /// <summary>A procedural source (value = col + 1000·row, nodata −1 on the diagonal) that records the windows read.</summary>
    private sealed class ProceduralSource(RasterGrid grid) : IRasterSource
    {
        public long LargestWindow;
        public RasterGrid Grid { get; } = grid;
        public int BandCount => 1;
        public PixelType PixelType => PixelType.Float32;
        public double? NoData => -1;
        public (int Width, int Height) BlockSize => (256, 256);
        public void ReadWindow(int band, RasterWindow w, Span<double> destination)
        {
            lock (this) LargestWindow = Math.Max(LargestWindow, w.PixelCount);
            for (int r = 0; r < w.Height; r++)
                for (int c = 0; c < w.Width; c++)
                {
                    int col = w.XOffset + c, row = w.YOffset + r;
                    destination[r * w.Width + c] = col == row ? -1 : col + 1000.0 * row;
                }
        }
    }

    /// <summary>A sink that keeps only a checksum and a few sampled pixels.</summary>
    private sealed class SamplingSink(RasterGrid grid) : IRasterSink
    {
        public long LargestWindow, Written;
        public readonly Dictionary<(int, int), double> Samples = [];
        public RasterGrid Grid { get; } = grid;
        public int BandCount => 1;
        public PixelType PixelType => PixelType.Float32;
        public void WriteWindow(int band, RasterWindow w, ReadOnlySpan<double> source)
        {
            LargestWindow = Math.Max(LargestWindow, w.PixelCount);
            Written += w.PixelCount;
            foreach (var (c, r) in new[] { (5, 5), (17, 3), (2999, 1999), (1234, 1500) })
                if (r >= w.YOffset && r < w.YOffset + w.Height) Samples[(c, r)] = source[(r - w.YOffset) * w.Width + c - w.XOffset];
        }
    }

    [Fact]
    public void Six_million_pixels_stream_in_bounded_strips()
    {
        var grid = Grid(3000, 2000);
        var src = new ProceduralSource(grid);
        var sink = new SamplingSink(grid);
        PixelMap.Apply([new BandRef(src)], v => v[0] / 2, sink);
        Assert.Equal(grid.PixelCount, sink.Written);
        Assert.True(src.LargestWindow <= PixelMap.StripPixels, $"read a window of {src.LargestWindow} pixels");
        Assert.True(sink.LargestWindow <= PixelMap.StripPixels);
        Assert.True(double.IsNaN(sink.Samples[(5, 5)]));                 // nodata on the diagonal → NaN
        Assert.Equal((17 + 3000.0) / 2, sink.Samples[(17, 3)]);
        Assert.Equal((2999 + 1999000.0) / 2, sink.Samples[(2999, 1999)]);
        Assert.Equal((1234 + 1500000.0) / 2, sink.Samples[(1234, 1500)]);
    }

    [Fact]
    public void Errors_inside_the_parallel_loop_surface_unwrapped()
    {
        var ex = Assert.Throws<ArgumentException>(() => PixelMap.Apply([Make(2, 2, [1, 2, 3, 4])], _ => throw new ArgumentException("bad pixel 3")));
        Assert.Equal("bad pixel 3", ex.Message);
    }

    [Fact]
    public void Integer_outputs_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => PixelMap.Apply([Make(1, 1, [1])], v => v[0], PixelType.Int16));
        Assert.Contains("int16", ex.Message);
    }
}
