using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Decodes a tile or strip without LibTiff.NET, for the one layout LibTiff.NET 2.4 refuses: horizontal differencing
/// (Predictor = 2) on 64-bit samples, which GDAL writes for float64 with <c>PREDICTOR=2</c>. Decompresses DEFLATE
/// (zlib, TIFF compression 8/32946) or LZW (TIFF 6.0 §13, MSB-first codes of 9–12 bits with "early change"), then
/// undoes the differencing per row (TIFF Technical Note 3 / libtiff <c>horAcc64</c>) and returns samples in native
/// byte order.
/// </summary>
internal static class RawBlockDecoder
{
    /// <summary>Decompresses <paramref name="raw"/> into <paramref name="output"/>; returns the bytes produced.</summary>
    public static int Decompress(int compression, ReadOnlySpan<byte> raw, Span<byte> output)
    {
        switch (compression)
        {
            case 8 or 32946:
                {
                    using var ms = new MemoryStream(raw.ToArray(), writable: false);
                    using var z = new ZLibStream(ms, CompressionMode.Decompress);
                    int total = 0;
                    while (total < output.Length)
                    {
                        int n = z.Read(output[total..]);
                        if (n == 0) break;
                        total += n;
                    }
                    return total;
                }
            case 5:
                return Lzw(raw, output);
            default:
                throw new InvalidDataException($"compression {compression} cannot be combined with Predictor 2 on 64-bit samples here (LZW or DEFLATE expected).");
        }
    }

    /// <summary>TIFF LZW decoding (new-style, MSB-first). Stops at EndOfInformation, at the end of the input, or when the output is full.</summary>
    public static int Lzw(ReadOnlySpan<byte> input, Span<byte> output)
    {
        const int Clear = 256, Eoi = 257, MaxBits = 12;
        if (input.Length >= 2 && input[0] == 0 && (input[1] & 1) != 0)
            throw new InvalidDataException("old-style (pre-TIFF 6.0, LSB-first) LZW is not supported.");
        var prefix = new short[4096];
        var suffix = new byte[4096];
        var length = new short[4096];
        for (int i = 0; i < 256; i++) { prefix[i] = -1; suffix[i] = (byte)i; length[i] = 1; }

        int nbits = 9, free = 258, old = -1, outPos = 0;
        long bitPos = 0, totalBits = (long)input.Length * 8;
        while (bitPos + nbits <= totalBits)
        {
            int code = 0;
            for (int k = 0; k < nbits; k++, bitPos++)
                code = (code << 1) | ((input[(int)(bitPos >> 3)] >> (7 - (int)(bitPos & 7))) & 1);
            if (code == Eoi) break;
            if (code == Clear)
            {
                nbits = 9; free = 258; old = -1;
                continue;
            }
            int first;
            if (old == -1)
            {
                if (code > 255) throw new InvalidDataException($"LZW code {code} after a clear code.");
                if (outPos < output.Length) output[outPos++] = (byte)code;
                old = code;
                continue;
            }
            if (code < free)
            {
                outPos = Emit(code, prefix, suffix, length, output, outPos, out first);
                if (free < 4096) { prefix[free] = (short)old; suffix[free] = (byte)first; length[free] = (short)(length[old] + 1); free++; }
            }
            else if (code == free && free < 4096)
            {
                // KwKwK case: the new entry is old + first byte of old.
                int f = old;
                while (prefix[f] != -1) f = prefix[f];
                prefix[free] = (short)old; suffix[free] = suffix[f]; length[free] = (short)(length[old] + 1); free++;
                outPos = Emit(code, prefix, suffix, length, output, outPos, out _);
            }
            else throw new InvalidDataException($"LZW code {code} is beyond the table ({free} entries).");
            old = code;
            if (free >= (1 << nbits) - 1 && nbits < MaxBits) nbits++;
            if (outPos >= output.Length) break;
        }
        return outPos;
    }

    private static int Emit(int code, short[] prefix, byte[] suffix, short[] length, Span<byte> output, int outPos, out int first)
    {
        int len = length[code];
        int end = outPos + len;
        int c = code;
        for (int p = end - 1; p >= outPos; p--)
        {
            if (p < output.Length) output[p] = suffix[c];
            if (p == outPos) break;
            c = prefix[c];
        }
        while (prefix[c] != -1) c = prefix[c];
        first = suffix[c];
        return Math.Min(end, output.Length);
    }

    /// <summary>
    /// Undoes horizontal differencing of 64-bit samples in place: within each row of <paramref name="rowSamples"/>
    /// samples, sample i += sample i − <paramref name="stride"/> (modulo 2⁶⁴). Input is in file byte order
    /// (<paramref name="bigEndian"/>); output is native.
    /// </summary>
    public static void UndoHorizontal64(Span<byte> data, int rowSamples, int stride, bool bigEndian)
    {
        var v = MemoryMarshal.Cast<byte, ulong>(data);
        if (bigEndian == BitConverter.IsLittleEndian)
            for (int i = 0; i < v.Length; i++) v[i] = BinaryPrimitives.ReverseEndianness(v[i]);
        for (int row = 0; row + rowSamples <= v.Length; row += rowSamples)
            for (int i = row + stride; i < row + rowSamples; i++)
                v[i] = unchecked(v[i] + v[i - stride]);
    }
}
