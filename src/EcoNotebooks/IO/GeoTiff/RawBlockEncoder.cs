using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Encodes a DEFLATE tile or strip without LibTiff.NET (whose managed deflate is several times slower than .NET's
/// native zlib): applies the TIFF predictor row by row in place (2: horizontal differencing of 8/16/32-bit integers,
/// libtiff <c>horDiff8/16/32</c>; 3: floating point, Technical Note 3 / libtiff <c>fpDiff</c>: samples regrouped into
/// big-endian byte planes, then bytes differenced with the sample stride), then compresses with zlib at the given
/// level. Samples are in native byte order and the file must be in native byte order too.
/// </summary>
internal static class RawBlockEncoder
{
    /// <summary>Applies <paramref name="predictor"/> (1, 2 or 3) in place to whole rows of <paramref name="rowSamples"/> samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyPredictor(Span<byte> data, int predictor, int bytesPerSample, int rowSamples, int stride)
    {
        int rowBytes = rowSamples * bytesPerSample;
        switch (predictor)
        {
            case 1:
                return;
            case 2:
                switch (bytesPerSample)
                {
                    case 1: Difference(data, rowSamples, stride); break;
                    case 2: Difference(MemoryMarshal.Cast<byte, ushort>(data), rowSamples, stride); break;
                    case 4: Difference(MemoryMarshal.Cast<byte, uint>(data), rowSamples, stride); break;
                    default: throw new ArgumentException($"Horizontal predictor on {8 * bytesPerSample}-bit samples is not supported.", nameof(bytesPerSample));
                }
                return;
            case 3:
                {
                    var tmp = new byte[rowBytes];
                    for (int row = 0; row + rowBytes <= data.Length; row += rowBytes)
                    {
                        var r = data.Slice(row, rowBytes);
                        SplitBytePlanes(r, tmp, rowSamples, bytesPerSample);
                        for (int i = rowBytes - 1; i >= stride; i--) tmp[i] = unchecked((byte)(tmp[i] - tmp[i - stride]));
                        tmp.CopyTo(r);
                    }
                    return;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(predictor), predictor, "Predictor must be 1, 2 or 3.");
        }
    }

    private static void SplitBytePlanes(ReadOnlySpan<byte> samples, Span<byte> planes, int count, int bytesPerSample)
    {
        if (bytesPerSample == 4)
        {
            var s = MemoryMarshal.Cast<byte, uint>(samples)[..count];
            var p0 = planes[..count]; var p1 = planes.Slice(count, count); var p2 = planes.Slice(2 * count, count); var p3 = planes.Slice(3 * count, count);
            for (int k = 0; k < s.Length; k++)
            {
                uint v = s[k];
                p0[k] = (byte)(v >> 24); p1[k] = (byte)(v >> 16); p2[k] = (byte)(v >> 8); p3[k] = (byte)v;
            }
            return;
        }
        if (bytesPerSample == 8)
        {
            var s = MemoryMarshal.Cast<byte, ulong>(samples)[..count];
            for (int k = 0; k < s.Length; k++)
            {
                ulong v = s[k];
                for (int b = 0; b < 8; b++) planes[b * count + k] = (byte)(v >> (56 - 8 * b));
            }
            return;
        }
        throw new ArgumentException($"Floating-point predictor on {8 * bytesPerSample}-bit samples is not supported.", nameof(bytesPerSample));
    }

    private static void Difference<T>(Span<T> v, int rowSamples, int stride) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        for (int row = 0; row + rowSamples <= v.Length; row += rowSamples)
            for (int i = row + rowSamples - 1; i >= row + stride; i--)
                v[i] = unchecked(v[i] - v[i - stride]);
    }

    /// <summary>
    /// zlib-compresses <paramref name="data"/> at <paramref name="level"/> (1–9) into <paramref name="output"/>
    /// (grown when too small; rent it from and return it to <see cref="System.Buffers.ArrayPool{T}.Shared"/>); returns
    /// the compressed length. Uses libdeflate when present (<see cref="LibDeflate"/>), else .NET's zlib. Thread-safe.
    /// </summary>
    public static int Deflate(ReadOnlySpan<byte> data, int level, ref byte[] output)
    {
        if (LibDeflate.IsAvailable)
        {
            int bound = LibDeflate.Bound(data.Length);
            if (output.Length < bound) { ReturnToPool(output); output = System.Buffers.ArrayPool<byte>.Shared.Rent(bound); }
            int n = LibDeflate.ZlibCompress(data, output, level);
            if (n > 0) return n;
        }
        var ms = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(ms, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            z.Write(data);
        int len = checked((int)ms.Length);
        if (output.Length < len) { ReturnToPool(output); output = System.Buffers.ArrayPool<byte>.Shared.Rent(len); }
        ms.GetBuffer().AsSpan(0, len).CopyTo(output);
        return len;
    }

    private static void ReturnToPool(byte[] buffer)
    {
        if (buffer.Length > 0) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
    }
}
