using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>Reader behaviour: lazy block decoding, layouts our writer does not produce, and clear errors on bad files.</summary>
public sealed class GeoTiffReaderTests
{
    private static string WriteTiled(TempDir dir, out Raster src, bool tiled = true)
    {
        // 4×3 tiles of 16×16 (last column/row partial): 60×40 pixels.
        src = GeoTiffTestData.Random(PixelType.Int32, GeoTiffTestData.Utm(60, 40), bands: 2);
        string path = dir.File("blocks.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { Tiled = tiled, TileSize = 16, RowsPerStrip = 16 });
        return path;
    }

    // Guards laziness: opening decodes nothing; a window decodes exactly the tiles it overlaps; the cache avoids
    // decoding a tile twice.
    [Fact]
    public void ReadWindowDecodesOnlyTheTilesItTouches()
    {
        using var dir = new TempDir();
        string path = WriteTiled(dir, out var src);
        using var r = GeoTiffReader.Open(path);
        Assert.Equal((16, 16), r.BlockSize);
        Assert.Equal(12, r.BlockCount);
        Assert.Equal(0, r.DecodedBlockCount);

        var one = new double[5 * 5];
        r.ReadWindow(1, new RasterWindow(20, 35, 5, 5), one); // inside tile (1, 2)
        Assert.Equal(1, r.DecodedBlockCount);
        var expected = new double[25];
        src.ReadWindow(1, new RasterWindow(20, 35, 5, 5), expected);
        Assert.Equal(expected, one);

        var four = new double[10 * 10];
        r.ReadWindow(0, new RasterWindow(10, 10, 10, 10), four); // spans tiles (0,0), (1,0), (0,1), (1,1)
        Assert.Equal(5, r.DecodedBlockCount);
        r.ReadWindow(1, new RasterWindow(10, 10, 10, 10), four); // same tiles (chunky: all bands in one tile): cached
        Assert.Equal(5, r.DecodedBlockCount);
    }

    [Fact]
    public void ReadWindowDecodesOnlyTheStripsItTouches()
    {
        using var dir = new TempDir();
        string path = WriteTiled(dir, out var src, tiled: false);
        using var r = GeoTiffReader.Open(path);
        Assert.False(r.IsTiled);
        Assert.Equal((60, 16), r.BlockSize);
        var buf = new double[60 * 3];
        r.ReadWindow(0, new RasterWindow(0, 17, 60, 3), buf); // strip 1 only
        Assert.Equal(1, r.DecodedBlockCount);
        r.ReadWindow(0, new RasterWindow(0, 30, 60, 3), buf); // strips 1 and 2
        Assert.Equal(2, r.DecodedBlockCount);
        var expected = new double[buf.Length];
        src.ReadWindow(0, new RasterWindow(0, 30, 60, 3), expected);
        Assert.Equal(expected, buf);
    }

    [Fact]
    public void SeparatePlanesAreReadPlaneByPlane()
    {
        using var dir = new TempDir();
        string path = dir.File("planar.tif");
        LibTiffFixtures.SeparatePlanesUInt16(path, 50, 33, 3, 16);
        using var r = GeoTiffReader.Open(path);
        Assert.True(r.IsPlanarSeparate);
        Assert.Equal(3, r.BandCount);
        Assert.Equal(PixelType.UInt16, r.PixelType);
        var buf = new double[50 * 33];
        r.ReadWindow(2, new RasterWindow(0, 0, 50, 33), buf);
        Assert.Equal(12, r.DecodedBlockCount); // 4×3 tiles of band 3 only
        for (int row = 0; row < 33; row++)
            for (int col = 0; col < 50; col++)
                Assert.Equal(LibTiffFixtures.Value(2, row, col, 50), buf[row * 50 + col]);
        Assert.Equal(GeoTransform.Identity, r.Grid.Transform);
    }

    [Fact]
    public void MissingFileIsFileNotFound()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<FileNotFoundException>(() => GeoTiffReader.Open(dir.File("nope.tif")));
        Assert.Contains("nope.tif", ex.Message);
    }

    [Fact]
    public void TextFileIsNotATiff()
    {
        using var dir = new TempDir();
        string path = dir.File("notes.tif");
        File.WriteAllText(path, "species,cover\nA,3\n");
        var ex = Assert.Throws<FileFormatException>(() => GeoTiffReader.Open(path));
        Assert.StartsWith(path + ": not a TIFF file", ex.Message);
    }

    [Fact]
    public void TruncatedFilesAreReportedAsTruncated()
    {
        using var dir = new TempDir();
        string path = WriteTiled(dir, out _);
        var bytes = File.ReadAllBytes(path);
        // Our writer puts the directory at the end: cutting the file loses it.
        string cut = dir.File("cut.tif");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<FileFormatException>(() => GeoTiffReader.Open(cut));
        Assert.StartsWith(cut + ":", ex.Message);
        Assert.Contains("truncated", ex.Message);
        string tiny = dir.File("tiny.tif");
        File.WriteAllBytes(tiny, bytes[..6]);
        Assert.Contains("truncated", Assert.Throws<FileFormatException>(() => GeoTiffReader.Open(tiny)).Message);
    }

    [Fact]
    public void CorruptTileDataNamesTheTile()
    {
        using var dir = new TempDir();
        string path = WriteTiled(dir, out _);
        var (offset, length) = LibTiffFixtures.BlockExtent(path, 5);
        var bytes = File.ReadAllBytes(path);
        for (long i = offset; i < offset + length; i++) bytes[i] = (byte)(0xA5 ^ i);
        File.WriteAllBytes(path, bytes);
        using var r = GeoTiffReader.Open(path);
        var buf = new double[16 * 16];
        r.ReadWindow(0, new RasterWindow(0, 0, 16, 16), buf); // tile 0 is fine
        var ex = Assert.Throws<FileFormatException>(() => r.ReadWindow(0, new RasterWindow(16, 16, 16, 16), buf));
        Assert.Contains("tile 5", ex.Message);
        Assert.StartsWith(path + ":", ex.Message);
    }

    [Theory]
    [InlineData("onebit", "BitsPerSample (258) = 1")]
    [InlineData("palette", "PhotometricInterpretation (262) = 3")]
    [InlineData("jpeg", "Compression (259) = 7")]
    public void UnsupportedLayoutsNameTheTagAndValue(string kind, string expected)
    {
        using var dir = new TempDir();
        string path = dir.File(kind + ".tif");
        switch (kind)
        {
            case "onebit": LibTiffFixtures.OneBit(path); break;
            case "palette": LibTiffFixtures.Palette(path); break;
            default: LibTiffFixtures.JpegCompressed(path); break;
        }
        var ex = Assert.Throws<FileFormatException>(() => GeoTiffReader.Open(path));
        Assert.StartsWith(path + ":", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void GeoKeysAndTransformFollowGdalRules()
    {
        // One tiepoint at pixel (0.5, 0.5) with PixelIsPoint: GDAL reports the corner of the first pixel.
        var gt = GeoKeys.Transform([30, 30, 0], [0, 0, 0, 500015, 1600015, 0], null, pixelIsPoint: true);
        Assert.Equal(new GeoTransform(500000, 30, 0, 1600030, 0, -30), gt);
        // Tiepoint at pixel (10, 20): origin moves back 10 and 20 pixels.
        gt = GeoKeys.Transform([2, 3, 0], [10, 20, 0, 100, 200, 0], null, pixelIsPoint: false);
        Assert.Equal(new GeoTransform(80, 2, 0, 260, 0, -3), gt);
        // ModelTransformation wins over scale/tiepoint.
        double[] m = [2, 0.5, 0, 10, -0.25, -3, 0, 20, 0, 0, 0, 0, 0, 0, 0, 1];
        Assert.Equal(new GeoTransform(10, 2, 0.5, 20, -0.25, -3), GeoKeys.Transform([1, 1, 0], [0, 0, 0, 0, 0, 0], m, false));
        // Several tiepoints are GCPs, not an affine transform.
        Assert.Null(GeoKeys.Transform([1, 1, 0], [0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0], null, false));

        var keys = GeoKeys.ParseDirectory([1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32647], "f.tif");
        Assert.Equal(32647, GeoKeys.Epsg(keys));
        keys = GeoKeys.ParseDirectory([1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326], "f.tif");
        Assert.Equal(4326, GeoKeys.Epsg(keys));
        keys = GeoKeys.ParseDirectory([1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 32767], "f.tif");
        Assert.Null(GeoKeys.Epsg(keys)); // user-defined
        var ex = Assert.Throws<FileFormatException>(() => GeoKeys.ParseDirectory([1, 1, 0, 5, 1024, 0, 1, 1], "f.tif"));
        Assert.Contains("34735", ex.Message);
    }

    // Thread safety: whole-block windows (decoded without lock or cache) and arbitrary windows (through the locked
    // cache) read from several threads at once return exactly what one thread reads; tiles and strips, partial edges.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConcurrentReadsEqualTheSource(bool tiled)
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(PixelType.Float32, GeoTiffTestData.Utm(150, 100), noData: -9999, seed: 4);
        string path = dir.File("c.tif");
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, new GeoTiffWriteOptions { Tiled = tiled, TileSize = 32, RowsPerStrip = 13 });
        using var r = GeoTiffReader.Open(path);
        Assert.IsAssignableFrom<IConcurrentRasterSource>(r);
        var (bw, bh) = r.BlockSize;
        var blocks = RasterWindow.Blocks(150, 100, bw, bh).ToArray();
        var rng = new Random(1);
        var odd = Enumerable.Range(0, 40).Select(_ =>
        {
            int x = rng.Next(150), y = rng.Next(100);
            return new RasterWindow(x, y, 1 + rng.Next(150 - x), 1 + rng.Next(100 - y));
        }).ToArray();
        var work = Enumerable.Range(0, 6).SelectMany(_ => blocks.Concat(odd)).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var w = work[i];
            var got = new double[w.PixelCount];
            var want = new double[w.PixelCount];
            r.ReadWindow(0, w, got);
            src.ReadWindow(0, w, want);
            if (!got.AsSpan().SequenceEqual(want)) failures.Add(w.ToString());
        });
        Assert.Empty(failures);
        Assert.True(r.DecodedBlockCount >= blocks.Length);
    }
}
