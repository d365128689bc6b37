using BitMiracle.LibTiff.Classic;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>Our own LZW decoder and 64-bit horizontal-predictor undo (used where LibTiff.NET refuses Predictor 2 on 64-bit samples).</summary>
public sealed class RawBlockDecoderTests
{
    // Reference: LibTiff.NET's LZW encoder and decoder. The strip is large and varied enough to fill the 4096-entry
    // table several times (clear codes, 9→12-bit code widths).
    [Fact]
    public void LzwDecodesWhatLibTiffEncodes()
    {
        using var dir = new TempDir();
        string path = dir.File("lzw.tif");
        const int width = 1000, height = 200;
        var rng = new Random(3);
        var data = new byte[width * height];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i % 7 == 0 ? rng.Next(256) : (i / 13) % 41);
        using (var t = Tiff.Open(path, "w"))
        {
            t.SetField(TiffTag.IMAGEWIDTH, width);
            t.SetField(TiffTag.IMAGELENGTH, height);
            t.SetField(TiffTag.BITSPERSAMPLE, 8);
            t.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            t.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            t.SetField(TiffTag.COMPRESSION, Compression.LZW);
            t.SetField(TiffTag.ROWSPERSTRIP, height);
            t.WriteEncodedStrip(0, data, data.Length);
            t.WriteDirectory();
        }
        var (offset, length) = LibTiffFixtures.BlockExtent(path, 0);
        var raw = File.ReadAllBytes(path).AsSpan((int)offset, (int)length);
        Assert.True(raw.Length > 4096 * 12 / 8, "the stream should be long enough to reset the code table");
        var output = new byte[data.Length];
        Assert.Equal(data.Length, RawBlockDecoder.Lzw(raw, output));
        Assert.Equal(data, output);
    }

    [Fact]
    public void Horizontal64UndoesDifferencingPerRowAndStride()
    {
        // Two rows of 3 pixels × 2 samples (stride 2); differenced values as a writer would store them.
        ulong[] original = [10, 1000, 15, 990, 5, 1010, ulong.MaxValue, 7, 1, 8, 2, 9];
        var diff = (ulong[])original.Clone();
        for (int row = 0; row < 2; row++)
            for (int i = row * 6 + 5; i >= row * 6 + 2; i--) diff[i] = unchecked(original[i] - original[i - 2]);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(diff.AsSpan()).ToArray();
        RawBlockDecoder.UndoHorizontal64(bytes, rowSamples: 6, stride: 2, bigEndian: !BitConverter.IsLittleEndian);
        Assert.Equal(original, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes).ToArray());
    }

    [Fact]
    public void CorruptLzwIsAnInvalidDataError()
    {
        var output = new byte[100];
        // 9-bit codes: Clear (100000000 = 256), then 111110100 = 500, which is not a literal and not yet in the table.
        byte[] bad = [0x80, 0x7D, 0x00, 0x00];
        Assert.Throws<InvalidDataException>(() => RawBlockDecoder.Lzw(bad, output));
    }
}
