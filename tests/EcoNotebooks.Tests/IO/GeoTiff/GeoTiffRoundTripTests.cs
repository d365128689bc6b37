using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>Write → read round trips through our own writer and reader: every pixel must come back bit-identical.</summary>
public sealed class GeoTiffRoundTripTests
{
    public static TheoryData<PixelType, bool, GeoTiffCompression> Layouts()
    {
        var data = new TheoryData<PixelType, bool, GeoTiffCompression>();
        foreach (var t in Enum.GetValues<PixelType>())
            foreach (bool tiled in new[] { false, true })
                foreach (var c in Enum.GetValues<GeoTiffCompression>())
                    data.Add(t, tiled, c);
        return data;
    }

    // Guards: pixel encoding for every type, both layouts, every compression (with the automatic predictor),
    // edge tiles/strips (300×170 is not a multiple of 256 or of the strip height) and the georeferencing tags.
    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryPixelTypeLayoutAndCompressionRoundTrips(PixelType type, bool tiled, GeoTiffCompression compression)
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(type, GeoTiffTestData.Utm(300, 170));
        string path = dir.File("out.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { Compression = compression, Tiled = tiled, RowsPerStrip = tiled ? null : 16 });
        using var r = GeoTiffReader.Open(path);
        Assert.Equal(tiled, r.IsTiled);
        Assert.Equal(compression.ToString().ToLowerInvariant(), r.CompressionName);
        Assert.Equal(compression == GeoTiffCompression.None ? 1 : type.IsFloatingPoint() ? 3 : 2, r.Predictor);
        GeoTiffTestData.AssertSame(src, r);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MultiBandRasterRoundTripsWithNoData(bool tiled)
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.Int16, GeoTiffTestData.Utm(123, 77), bands: 4, noData: -9999);
        string path = dir.File("multi.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { Tiled = tiled, TileSize = 32 });
        var back = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(path);
        Assert.Equal(4, back.BandCount);
        Assert.Equal(-9999, back.NoData);
        GeoTiffTestData.AssertSame(src, back);
    }

    [Theory]
    [InlineData(PixelType.Float32, -3.4028234663852886e38)]
    [InlineData(PixelType.Float64, -9999.5)]
    [InlineData(PixelType.UInt8, 255.0)]
    [InlineData(PixelType.UInt16, 0.0)]
    [InlineData(PixelType.Int32, -2147483648.0)]
    public void NoDataValueRoundTrips(PixelType type, double noData)
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(type, GeoTiffTestData.Utm(40, 30), noData: noData);
        string path = dir.File("nd.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path);
        using var r = GeoTiffReader.Open(path);
        Assert.Equal(src.NoData, r.NoData);
        Assert.Equal(RasterStatistics.Compute(src), RasterStatistics.Compute(r));
    }

    [Fact]
    public void NaNNoDataRoundTrips()
    {
        using var dir = new TempDir();
        string path = dir.File("nan.tif");
        using (var w = new GeoTiffWriter(path, GeoTiffTestData.Utm(3, 1), PixelType.Float32, 1, double.NaN))
        {
            w.WriteWindow(0, new RasterWindow(0, 0, 3, 1), [1.5, double.NaN, -2]);
            w.Complete();
        }
        using var r = GeoTiffReader.Open(path);
        Assert.True(r.NoData is double nd && double.IsNaN(nd));
        var s = RasterStatistics.Compute(r);
        Assert.Equal(2, s.Valid);
        Assert.Equal(-0.25, s.Mean);
    }

    [Fact]
    public void NoDataIsWrittenInGdalRoundTripFormat()
    {
        Assert.Equal("-9999", GeoTiffWriter.FormatNoData(-9999));
        Assert.Equal("0.1", GeoTiffWriter.FormatNoData(0.1));
        Assert.Equal("nan", GeoTiffWriter.FormatNoData(double.NaN));
        Assert.Equal("-3.4028234663852886E+38", GeoTiffWriter.FormatNoData(-3.4028234663852886e38));
        Assert.True(GeoTiffReader.TryParseNoData("-3.4028234663852886E+38", out double v) && v == -3.4028234663852886e38);
        Assert.True(GeoTiffReader.TryParseNoData("nan", out v) && double.IsNaN(v));
        Assert.True(GeoTiffReader.TryParseNoData(" -9999 ", out v) && v == -9999);
        Assert.False(GeoTiffReader.TryParseNoData("abc", out _));
    }

    [Theory]
    [InlineData(4326, 100.5, 14.25, 0.00025)]   // geographic: GeographicTypeGeoKey
    [InlineData(4490, 110.0, 35.0, 0.0001)]     // CGCS2000 geographic
    [InlineData(32647, 600000, 1700000, 10)]    // projected: ProjectedCSTypeGeoKey
    [InlineData(3857, -20037508.34, 20037508.34, 1000)]
    public void EpsgOfGeographicAndProjectedCrsRoundTrips(int epsg, double x0, double y0, double size)
    {
        using var dir = new TempDir();
        var grid = RasterGrid.NorthUp(20, 10, x0, y0, size, SpatialReference.FromEpsg(epsg));
        var src = GeoTiffTestData.Random(PixelType.Float32, grid);
        string path = dir.File("crs.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path);
        using var r = GeoTiffReader.Open(path);
        Assert.Equal(epsg, r.Grid.Crs.Epsg);
        Assert.Equal(grid.Transform, r.Grid.Transform);
    }

    [Theory]
    [InlineData(440720.25, 29.9, 3.5, 3751320.75, -2.25, -30.1)] // rotated
    [InlineData(440720.25, 30, 0, 3751320.75, 0, 30)]             // south-up: also needs ModelTransformation
    public void RotatedTransformRoundTripsThroughModelTransformation(double x0, double a, double b, double y0, double c, double d)
    {
        using var dir = new TempDir();
        var gt = new GeoTransform(x0, a, b, y0, c, d);
        var grid = new RasterGrid(31, 17, gt, SpatialReference.Utm(11));
        var src = GeoTiffTestData.Random(PixelType.UInt16, grid);
        string path = dir.File("rot.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path);
        using var r = GeoTiffReader.Open(path);
        Assert.Equal(gt, r.Grid.Transform);
        Assert.Equal(32611, r.Grid.Crs.Epsg);
    }

    // Guards LibTiff's "strip chopping": an uncompressed single-strip file is presented as many small strips on read.
    [Fact]
    public void SingleUncompressedStripIsReadCorrectly()
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.Float64, GeoTiffTestData.Utm(300, 170), bands: 2);
        string path = dir.File("onestrip.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { Compression = GeoTiffCompression.None, RowsPerStrip = 170 });
        using var r = GeoTiffReader.Open(path);
        Assert.False(r.IsTiled);
        GeoTiffTestData.AssertSame(src, r);
        var buf = new double[300];
        r.ReadWindow(1, new RasterWindow(0, 169, 300, 1), buf);
        var expected = new double[300];
        src.ReadWindow(1, new RasterWindow(0, 169, 300, 1), expected);
        Assert.Equal(expected, buf);
    }

    [Fact]
    public void UngeoreferencedRasterReadsWithIdentityTransformAndUnknownCrs()
    {
        using var dir = new TempDir();
        var grid = new RasterGrid(10, 5, GeoTransform.Identity, SpatialReference.Unknown);
        var src = GeoTiffTestData.Random(PixelType.UInt8, grid);
        string path = dir.File("plain.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path);
        using var r = GeoTiffReader.Open(path);
        Assert.Equal(GeoTransform.Identity, r.Grid.Transform);
        Assert.True(r.Grid.Crs.IsUnknown);
        Assert.Null(r.NoData);
        GeoTiffTestData.AssertSame(src, r);
    }

    // Guards the streaming contract: a raster larger than one tile row, written window by window in row-major block
    // order, keeps at most one row of tiles buffered and reads back identically.
    [Fact]
    public void StreamedBlockByBlockWriteKeepsOneTileRowAndReadsBackIdentically()
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.Float64, GeoTiffTestData.Utm(200, 150), bands: 2);
        string path = dir.File("stream.tif");
        int maxPending;
        using (var w = new GeoTiffWriter(path, src.Grid, src.PixelType, 2, null, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 }))
        {
            // Windows of 32×32 tiles, band by band inside each window.
            var buf = new double[32 * 32];
            foreach (var win in RasterWindow.Blocks(200, 150, 32, 32))
                for (int b = 0; b < 2; b++)
                {
                    var span = buf.AsSpan(0, (int)win.PixelCount);
                    src.ReadWindow(b, win, span);
                    w.WriteWindow(b, win, span);
                }
            maxPending = w.MaxPendingBlockCount;
            Assert.False(File.Exists(path)); // nothing at the target before Complete
            w.Complete();
        }
        Assert.True(maxPending <= 1, $"at most one tile should be buffered, saw {maxPending}");
        using var r = GeoTiffReader.Open(path);
        GeoTiffTestData.AssertSame(src, r);
    }

    [Fact]
    public void FullWidthRowWindowsBufferAtMostOneRowOfTiles()
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.Int32, GeoTiffTestData.Utm(200, 150));
        string path = dir.File("rows.tif");
        using (var w = new GeoTiffWriter(path, src.Grid, src.PixelType, 1, null, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 }))
        {
            var buf = new double[200];
            for (int row = 0; row < 150; row++)
            {
                var win = new RasterWindow(0, row, 200, 1);
                src.ReadWindow(0, win, buf);
                w.WriteWindow(0, win, buf);
                Assert.True(w.PendingBlockCount <= 7, $"row {row}: {w.PendingBlockCount} tiles pending, one row is 7");
            }
            w.Complete();
        }
        using var r = GeoTiffReader.Open(path);
        GeoTiffTestData.AssertSame(src, r);
    }

    [Fact]
    public void WindowsInAnyOrderAndShapeProduceTheSameFile()
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.UInt16, GeoTiffTestData.Utm(90, 70), bands: 3);
        string path = dir.File("random-order.tif");
        var rng = new Random(7);
        var windows = RasterWindow.Blocks(90, 70, 13, 11).SelectMany(w => Enumerable.Range(0, 3).Select(b => (w, b))).OrderBy(_ => rng.Next()).ToList();
        using (var w = new GeoTiffWriter(path, src.Grid, src.PixelType, 3, null, new GeoTiffWriteOptions { Tiled = true, TileSize = 16, Compression = GeoTiffCompression.Lzw }))
        {
            foreach (var (win, b) in windows)
            {
                var buf = new double[win.PixelCount];
                src.ReadWindow(b, win, buf);
                w.WriteWindow(b, win, buf);
            }
            w.Complete();
        }
        using var r = GeoTiffReader.Open(path);
        GeoTiffTestData.AssertSame(src, r);
    }

    // DEFLATE blocks are compressed on the thread pool but written in the order they were completed: writing the same
    // windows twice gives byte-identical files (tiled and stripped, with and without a predictor, multi-band).
    [Theory]
    [InlineData(PixelType.Float32, 1, true, GeoTiffPredictor.Auto)]
    [InlineData(PixelType.Float32, 1, true, GeoTiffPredictor.None)]
    [InlineData(PixelType.UInt8, 1, false, GeoTiffPredictor.Auto)]
    [InlineData(PixelType.Int16, 2, true, GeoTiffPredictor.Auto)]
    public void ParallelCompressionWritesTheSameBytesEveryTime(PixelType type, int bands, bool tiled, GeoTiffPredictor predictor)
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(type, GeoTiffTestData.Utm(260, 150), bands, seed: 3);
        var options = new GeoTiffWriteOptions { Tiled = tiled, TileSize = 32, RowsPerStrip = 7, Predictor = predictor };
        byte[] Write(string name)
        {
            string path = dir.File(name);
            using (var w = new GeoTiffWriter(path, src.Grid, type, bands, null, options))
            {
                var (bw, bh) = w.BlockSize;
                foreach (var win in RasterWindow.Blocks(260, 150, bw, bh))
                    for (int b = 0; b < bands; b++)
                    {
                        var buf = new double[win.PixelCount];
                        src.ReadWindow(b, win, buf);
                        w.WriteWindow(b, win, buf);
                    }
                w.Complete();
            }
            using (var r = GeoTiffReader.Open(path)) GeoTiffTestData.AssertSame(src, r);
            return File.ReadAllBytes(path);
        }
        Assert.Equal(Write("a.tif"), Write("b.tif"));
    }

    [Fact]
    public void UnwrittenPixelsAreFilledWithNoData()
    {
        using var dir = new TempDir();
        string path = dir.File("partial.tif");
        var grid = GeoTiffTestData.Utm(50, 40);
        using (var w = new GeoTiffWriter(path, grid, PixelType.Int16, 1, -32768, new GeoTiffWriteOptions { Tiled = true, TileSize = 16 }))
        {
            w.WriteWindow(0, new RasterWindow(0, 0, 2, 1), [5, double.NaN]);
            w.Complete();
        }
        var back = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(path);
        Assert.Equal(5, back.Band(0)[0, 0]);
        Assert.Equal(-32768, back.Band(0)[1, 0]); // NaN in an integer raster becomes nodata
        Assert.Equal(-32768, back.Band(0)[49, 39]);
        Assert.Equal(1, RasterStatistics.Compute(back).Valid);
    }

    [Fact]
    public void DisposeWithoutCompleteLeavesNothingAndKeepsAnExistingTarget()
    {
        using var dir = new TempDir();
        string path = dir.File("keep.tif");
        File.WriteAllText(path, "old content");
        var grid = GeoTiffTestData.Utm(64, 64);
        Assert.Throws<InvalidOperationException>((Action)(() =>
        {
            using var w = new GeoTiffWriter(path, grid, PixelType.Float32, 1, null, new GeoTiffWriteOptions { Tiled = true, TileSize = 16 });
            w.WriteWindow(0, new RasterWindow(0, 0, 64, 16), new double[64 * 16]);
            throw new InvalidOperationException("simulated failure while writing");
        }));
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path)); // the temporary file is gone
    }

    [Fact]
    public void FailingSourceLeavesNoOutput()
    {
        using var dir = new TempDir();
        string path = dir.File("never.tif");
        var ex = Assert.Throws<IOException>(() => EcoNotebooks.IO.GeoTiff.GeoTiff.Write(new FailingSource(), path, new GeoTiffWriteOptions { Tiled = true, TileSize = 16 }));
        Assert.Contains("disk on fire", ex.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void RewritingACompletedTileIsAClearError()
    {
        using var dir = new TempDir();
        using var w = new GeoTiffWriter(dir.File("x.tif"), GeoTiffTestData.Utm(32, 32), PixelType.UInt8, 1, null, new GeoTiffWriteOptions { Tiled = true, TileSize = 16 });
        w.WriteWindow(0, new RasterWindow(0, 0, 16, 16), new double[256]);
        var ex = Assert.Throws<InvalidOperationException>(() => w.WriteWindow(0, new RasterWindow(0, 0, 1, 1), [1]));
        Assert.Contains("tile 0", ex.Message);
    }

    [Fact]
    public void WriteRefusesToOverwriteItsSource()
    {
        using var dir = new TempDir();
        string path = dir.File("src.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(GeoTiffTestData.Random(PixelType.UInt8, GeoTiffTestData.Utm(10, 10)), path);
        long before = new FileInfo(path).Length;
        using (var r = GeoTiffReader.Open(path))
        {
            var ex = Assert.Throws<IOException>(() => EcoNotebooks.IO.GeoTiff.GeoTiff.Write(r, path));
            Assert.Contains("refusing to overwrite the input", ex.Message);
        }
        Assert.Throws<IOException>(() => EcoNotebooks.IO.GeoTiff.GeoTiff.Copy(path, Path.Combine(dir.Path, ".", "src.tif")));
        Assert.Equal(before, new FileInfo(path).Length);
    }

    [Fact]
    public void BigTiffIsWrittenOnRequestAndReadBack()
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.Float32, GeoTiffTestData.Utm(70, 40));
        string path = dir.File("big.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { BigTiff = BigTiffMode.Always, Tiled = true, TileSize = 16 });
        var head = File.ReadAllBytes(path)[..4];
        Assert.Equal(new byte[] { (byte)'I', (byte)'I', 43, 0 }, head);
        using var r = GeoTiffReader.Open(path);
        GeoTiffTestData.AssertSame(src, r);
    }

    [Fact]
    public void InvalidOptionsAreRejectedWithTheirValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoTiffWriteOptions { TileSize = 100 }.Validate());
        Assert.Contains("100", ex.Message);
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => new GeoTiffWriter(dir.File("p.tif"), GeoTiffTestData.Utm(4, 4), PixelType.Int16, 1, null,
            new GeoTiffWriteOptions { Predictor = GeoTiffPredictor.FloatingPoint }));
        Assert.Throws<ArgumentException>(() => new GeoTiffWriter(dir.File("p.tif"), GeoTiffTestData.Utm(4, 4), PixelType.Float64, 1, null,
            new GeoTiffWriteOptions { Predictor = GeoTiffPredictor.Horizontal }));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    private sealed class FailingSource : IRasterSource
    {
        public RasterGrid Grid { get; } = GeoTiffTestData.Utm(64, 64);
        public int BandCount => 1;
        public PixelType PixelType => PixelType.Float32;
        public double? NoData => null;
        public (int Width, int Height) BlockSize => (64, 8);
        public void ReadWindow(int band, RasterWindow window, Span<double> destination)
        {
            if (window.YOffset > 20) throw new IOException("disk on fire");
            destination.Fill(1);
        }
    }
}
