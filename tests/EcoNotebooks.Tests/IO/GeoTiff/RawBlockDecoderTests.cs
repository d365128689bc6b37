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

    // The SSSE3 running byte sum equals the plain loop for every length (vector body, scalar tail, carry across vectors).
    [Fact]
    public void PrefixSumEqualsTheScalarRunningSum()
    {
        var rng = new Random(5);
        foreach (int len in Enumerable.Range(0, 70).Concat([255, 256, 1023, 4096]))
        {
            var src = new byte[len];
            rng.NextBytes(src);
            var got = new byte[len];
            RawBlockDecoder.PrefixSum(src, got);
            byte a = 0;
            for (int i = 0; i < len; i++) { a = unchecked((byte)(a + src[i])); Assert.Equal(a, got[i]); }
        }
    }

    // Floating-point predictor (TIFF Technical Note 3): our encoder's output, undone by the (vectorised) decoder,
    // gives back the samples; and the decoder equals a plain reference (per-row byte accumulation with the sample
    // stride, then big-endian byte planes regrouped) on random data, for 4- and 8-byte samples and 1 or 3 per pixel.
    [Theory]
    [InlineData(4, 1, 300)]
    [InlineData(4, 3, 37)]
    [InlineData(4, 1, 16)]
    [InlineData(8, 1, 45)]
    [InlineData(8, 2, 40)]
    public void FloatingPointPredictorUndoEqualsTheReference(int bytesPerSample, int stride, int rowSamples)
    {
        var rng = new Random(rowSamples);
        int rows = 5, rowBytes = rowSamples * bytesPerSample;
        var data = new byte[rows * rowBytes];
        rng.NextBytes(data);
        var expected = (byte[])data.Clone();
        for (int r = 0; r < rows; r++)
        {
            var row = expected.AsSpan(r * rowBytes, rowBytes);
            for (int i = stride; i < rowBytes; i++) row[i] = unchecked((byte)(row[i] + row[i - stride]));
            var planes = row.ToArray();
            for (int k = 0; k < rowSamples; k++)
                for (int b = 0; b < bytesPerSample; b++)
                    row[k * bytesPerSample + (BitConverter.IsLittleEndian ? bytesPerSample - 1 - b : b)] = planes[b * rowSamples + k];
        }
        var got = (byte[])data.Clone();
        RawBlockDecoder.UndoPredictor(got, 3, bytesPerSample, rowSamples, stride, bigEndian: !BitConverter.IsLittleEndian);
        Assert.Equal(expected, got);

        var again = (byte[])expected.Clone();
        RawBlockEncoder.ApplyPredictor(again, 3, bytesPerSample, rowSamples, stride);
        Assert.Equal(data, again);
    }
}
