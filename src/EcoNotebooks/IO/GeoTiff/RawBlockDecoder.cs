using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Decodes a tile or strip without LibTiff.NET: every DEFLATE block (native zlib is several times faster than
/// LibTiff.NET's managed inflate) and the one layout LibTiff.NET 2.4 refuses, horizontal differencing
/// (Predictor = 2) on 64-bit samples, which GDAL writes for float64 with <c>PREDICTOR=2</c>. Decompresses DEFLATE
/// (zlib, TIFF compression 8/32946) or LZW (TIFF 6.0 §13, MSB-first codes of 9–12 bits with "early change"), then
/// undoes the differencing per row (TIFF Technical Note 3 / libtiff <c>horAcc64</c>) and returns samples in native
/// byte order.
/// </summary>
internal static class RawBlockDecoder
{
    /// <summary>Decompresses <paramref name="raw"/> into <paramref name="output"/>; returns the bytes produced.</summary>
    public static int Decompress(int compression, ReadOnlySpan<byte> raw, Span<byte> output) =>
        Decompress(compression, raw.ToArray(), raw.Length, output);

    /// <summary>Decompresses the first <paramref name="length"/> bytes of <paramref name="raw"/> (no copy for DEFLATE) into <paramref name="output"/>.</summary>
    public static int Decompress(int compression, byte[] raw, int length, Span<byte> output)
    {
        switch (compression)
        {
            case 8 or 32946:
                {
                    if (LibDeflate.IsAvailable)
                    {
                        int got = LibDeflate.ZlibDecompress(raw.AsSpan(0, length), output);
                        if (got >= 0) return got;
                        // anything but success (e.g. a stream longer than the block, a bad checksum): zlib decides
                    }
                    using var ms = new MemoryStream(raw, 0, length, writable: false);
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
                return Lzw(raw.AsSpan(0, length), output);
            default:
                throw new InvalidDataException($"compression {compression} cannot be decoded here (LZW or DEFLATE expected).");
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
    /// Turns a decompressed block into native-order samples in place: byte-swaps a big-endian file's samples and undoes
    /// the TIFF predictor row by row: 1 none; 2 horizontal differencing of 8/16/32/64-bit integers (TIFF 6.0 §14,
    /// libtiff <c>horAcc8/16/32/64</c>); 3 floating point (Technical Note 3, libtiff <c>fpAcc</c>: bytes of each row
    /// differenced with stride <paramref name="stride"/>, then regrouped from big-endian byte planes).
    /// </summary>
    /// <param name="data">The block, a whole number of rows of <paramref name="rowSamples"/> samples.</param>
    /// <param name="predictor">TIFF Predictor 1, 2 or 3.</param>
    /// <param name="bytesPerSample">1, 2, 4 or 8.</param>
    /// <param name="rowSamples">Samples per block row (block width × samples per pixel for contiguous data).</param>
    /// <param name="stride">Samples per pixel interleaved in a row (1 for planar-separate data).</param>
    /// <param name="bigEndian">The file is big-endian ("MM").</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot kernel: skip tier-0 code
    public static void UndoPredictor(Span<byte> data, int predictor, int bytesPerSample, int rowSamples, int stride, bool bigEndian)
    {
        bool swap = bigEndian == BitConverter.IsLittleEndian;
        int rowBytes = rowSamples * bytesPerSample;
        switch (predictor)
        {
            case 1:
                if (swap) Swap(data, bytesPerSample);
                break;
            case 2:
                switch (bytesPerSample)
                {
                    case 1: Accumulate(data, rowSamples, stride); break;
                    case 2: if (swap) Swap(data, 2); Accumulate(MemoryMarshal.Cast<byte, ushort>(data), rowSamples, stride); break;
                    case 4: if (swap) Swap(data, 4); Accumulate(MemoryMarshal.Cast<byte, uint>(data), rowSamples, stride); break;
                    case 8: UndoHorizontal64(data, rowSamples, stride, bigEndian); break;
                    default: throw new InvalidDataException($"horizontal predictor on {8 * bytesPerSample}-bit samples is not supported.");
                }
                break;
            case 3:
                {
                    byte[] tmp = System.Buffers.ArrayPool<byte>.Shared.Rent(rowBytes);
                    for (int row = 0; row + rowBytes <= data.Length; row += rowBytes)
                    {
                        var r = data.Slice(row, rowBytes);
                        ref byte p = ref MemoryMarshal.GetReference(r);
                        if (stride == 1)
                            PrefixSum(r, tmp.AsSpan(0, rowBytes)); // out of place: the regrouping below reads tmp
                        else
                        {
                            for (int i = stride; i < rowBytes; i++)
                                Unsafe.Add(ref p, i) = unchecked((byte)(Unsafe.Add(ref p, i) + Unsafe.Add(ref p, i - stride)));
                            r.CopyTo(tmp);
                        }
                        RegroupBytePlanes(tmp.AsSpan(0, rowBytes), r, rowSamples, bytesPerSample);
                    }
                    System.Buffers.ArrayPool<byte>.Shared.Return(tmp);
                    break;
                }
            default:
                throw new InvalidDataException($"Predictor {predictor} is not supported.");
        }
    }

    /// <summary>
    /// Running byte sum modulo 256: <paramref name="dst"/>[i] = src[0] + … + src[i] (the floating-point predictor's
    /// byte accumulation with stride 1). SSSE3: 16 bytes at a time by four shifted adds (log-step prefix sum) plus the
    /// carried last byte of the previous 16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot kernel: skip tier-0 code
    internal static void PrefixSum(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int n = src.Length, i = 0;
        if (dst.Length < n) throw new ArgumentException("Destination is shorter than the source.", nameof(dst));
        ref byte s = ref MemoryMarshal.GetReference(src);
        ref byte d = ref MemoryMarshal.GetReference(dst);
        byte a = 0;
        if (Ssse3.IsSupported && n >= 16)
        {
            var carry = Vector128<byte>.Zero;
            var last = Vector128.Create((byte)15);
            for (; i <= n - 16; i += 16)
            {
                var x = Vector128.LoadUnsafe(ref s, (nuint)i);
                x = Sse2.Add(x, Sse2.ShiftLeftLogical128BitLane(x, 1));
                x = Sse2.Add(x, Sse2.ShiftLeftLogical128BitLane(x, 2));
                x = Sse2.Add(x, Sse2.ShiftLeftLogical128BitLane(x, 4));
                x = Sse2.Add(x, Sse2.ShiftLeftLogical128BitLane(x, 8));
                x = Sse2.Add(x, carry);
                x.StoreUnsafe(ref d, (nuint)i);
                carry = Ssse3.Shuffle(x, last);
            }
            a = carry.GetElement(0);
        }
        // Running byte sum kept in a register (no store-to-load dependency through memory).
        for (; i < n; i++) { a = unchecked((byte)(a + Unsafe.Add(ref s, i))); Unsafe.Add(ref d, i) = a; }
    }

    /// <summary>Byte plane b of <paramref name="planes"/> holds the b-th most significant byte of every sample; writes native-order samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot kernel: skip tier-0 code
    private static void RegroupBytePlanes(ReadOnlySpan<byte> planes, Span<byte> samples, int count, int bytesPerSample)
    {
        if (bytesPerSample == 4)
        {
            var p0 = planes[..count]; var p1 = planes.Slice(count, count); var p2 = planes.Slice(2 * count, count); var p3 = planes.Slice(3 * count, count);
            var o = MemoryMarshal.Cast<byte, uint>(samples)[..count];
            int k = 0;
            if (Sse2.IsSupported && BitConverter.IsLittleEndian)
            {
                ref byte r0 = ref MemoryMarshal.GetReference(p0), r1 = ref MemoryMarshal.GetReference(p1);
                ref byte r2 = ref MemoryMarshal.GetReference(p2), r3 = ref MemoryMarshal.GetReference(p3);
                ref uint ro = ref MemoryMarshal.GetReference(o);
                for (; k <= count - 16; k += 16)
                {
                    var a0 = Vector128.LoadUnsafe(ref r0, (nuint)k); var a1 = Vector128.LoadUnsafe(ref r1, (nuint)k);
                    var a2 = Vector128.LoadUnsafe(ref r2, (nuint)k); var a3 = Vector128.LoadUnsafe(ref r3, (nuint)k);
                    // 16-bit lanes (a2 << 8 | a3) and (a0 << 8 | a1), then 32-bit lanes a0 a1 a2 a3 (most significant first)
                    var low0 = Sse2.UnpackLow(a3, a2).AsUInt16(); var low1 = Sse2.UnpackHigh(a3, a2).AsUInt16();
                    var high0 = Sse2.UnpackLow(a1, a0).AsUInt16(); var high1 = Sse2.UnpackHigh(a1, a0).AsUInt16();
                    Sse2.UnpackLow(low0, high0).AsUInt32().StoreUnsafe(ref ro, (nuint)k);
                    Sse2.UnpackHigh(low0, high0).AsUInt32().StoreUnsafe(ref ro, (nuint)k + 4);
                    Sse2.UnpackLow(low1, high1).AsUInt32().StoreUnsafe(ref ro, (nuint)k + 8);
                    Sse2.UnpackHigh(low1, high1).AsUInt32().StoreUnsafe(ref ro, (nuint)k + 12);
                }
            }
            for (; k < o.Length; k++)
                o[k] = (uint)p0[k] << 24 | (uint)p1[k] << 16 | (uint)p2[k] << 8 | p3[k];
            return;
        }
        if (bytesPerSample == 8)
        {
            var o = MemoryMarshal.Cast<byte, ulong>(samples)[..count];
            for (int k = 0; k < o.Length; k++)
            {
                ulong v = 0;
                for (int b = 0; b < 8; b++) v = v << 8 | planes[b * count + k];
                o[k] = v;
            }
            return;
        }
        for (int b = 0; b < bytesPerSample; b++)
        {
            int dst = BitConverter.IsLittleEndian ? bytesPerSample - 1 - b : b;
            var plane = planes.Slice(b * count, count);
            for (int k = 0; k < count; k++) samples[k * bytesPerSample + dst] = plane[k];
        }
    }

    private static void Swap(Span<byte> data, int bytesPerSample)
    {
        switch (bytesPerSample)
        {
            case 2: { var v = MemoryMarshal.Cast<byte, ushort>(data); BinaryPrimitives.ReverseEndianness(v, v); break; }
            case 4: { var v = MemoryMarshal.Cast<byte, uint>(data); BinaryPrimitives.ReverseEndianness(v, v); break; }
            case 8: { var v = MemoryMarshal.Cast<byte, ulong>(data); BinaryPrimitives.ReverseEndianness(v, v); break; }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot kernel: skip tier-0 code
    private static void Accumulate<T>(Span<T> v, int rowSamples, int stride) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        for (int row = 0; row + rowSamples <= v.Length; row += rowSamples)
            for (int i = row + stride; i < row + rowSamples; i++)
                v[i] = unchecked(v[i] + v[i - stride]);
    }

    /// <summary>
    /// Undoes horizontal differencing of 64-bit samples in place: within each row of <paramref name="rowSamples"/>
    /// samples, sample i += sample i − <paramref name="stride"/> (modulo 2⁶⁴). Input is in file byte order
    /// (<paramref name="bigEndian"/>); output is native.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot kernel: skip tier-0 code
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
