using System.Runtime.InteropServices;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Optional accelerator: the system's libdeflate (<c>libdeflate.so.0</c>, Debian package libdeflate0, which GDAL and
/// libtiff use for DEFLATE tiles), called for whole zlib blocks. About 1.4× faster than .NET's zlib for inflating and
/// 1.5× for compressing at level 6 on float tiles. When the library is missing (or <c>ECONB_NO_LIBDEFLATE=1</c> is set)
/// <see cref="IsAvailable"/> is false and callers use <see cref="System.IO.Compression.ZLibStream"/>; every result
/// of libdeflate other than success also falls back there, so the accelerator never changes what is decoded.
/// Decompressor and compressor states are kept per thread (libdeflate objects are not thread-safe), never freed
/// (a few hundred KB per thread and level).
/// </summary>
internal static class LibDeflate
{
    private const string Lib = "libdeflate.so.0";

    private static readonly bool Loaded = Probe();

    [ThreadStatic] private static IntPtr _decompressor;
    [ThreadStatic] private static IntPtr[]? _compressors;

    /// <summary>Test hook: false forces the ZLibStream path.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>True when libdeflate was found and is enabled.</summary>
    public static bool IsAvailable => Loaded && Enabled;

    private static bool Probe()
    {
        if (Environment.GetEnvironmentVariable("ECONB_NO_LIBDEFLATE") is "1" or "true") return false;
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            if (!NativeLibrary.TryLoad(Lib, typeof(LibDeflate).Assembly, null, out var h)) return false;
            return NativeLibrary.TryGetExport(h, "libdeflate_zlib_decompress", out _)
                && NativeLibrary.TryGetExport(h, "libdeflate_alloc_compressor", out _);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Inflates the zlib stream <paramref name="input"/> into <paramref name="output"/>; returns the bytes produced, or
    /// −1 when libdeflate did not succeed (bad data, more output than fits): the caller then decodes with ZLibStream.
    /// </summary>
    public static int ZlibDecompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (_decompressor == IntPtr.Zero)
        {
            _decompressor = AllocDecompressor();
            if (_decompressor == IntPtr.Zero) return -1;
        }
        int r = Decompress(_decompressor, ref MemoryMarshal.GetReference(input), (nuint)input.Length,
            ref MemoryMarshal.GetReference(output), (nuint)output.Length, out nuint actual);
        return r == 0 ? checked((int)actual) : -1;
    }

    /// <summary>
    /// zlib-compresses <paramref name="input"/> at <paramref name="level"/> (1–9, as zlib's levels) into
    /// <paramref name="output"/> (at least <see cref="Bound"/> bytes); returns the compressed length, or −1 on failure.
    /// </summary>
    public static int ZlibCompress(ReadOnlySpan<byte> input, Span<byte> output, int level)
    {
        _compressors ??= new IntPtr[13];
        if (_compressors[level] == IntPtr.Zero)
        {
            _compressors[level] = AllocCompressor(level);
            if (_compressors[level] == IntPtr.Zero) return -1;
        }
        nuint n = Compress(_compressors[level], ref MemoryMarshal.GetReference(input), (nuint)input.Length,
            ref MemoryMarshal.GetReference(output), (nuint)output.Length);
        return n == 0 ? -1 : checked((int)n);
    }

    /// <summary>Worst-case zlib size of <paramref name="length"/> bytes (a generous bound valid for every level).</summary>
    public static int Bound(int length) => checked(length + length / 8 + 1024);

    [DllImport(Lib, EntryPoint = "libdeflate_alloc_decompressor")]
    private static extern IntPtr AllocDecompressor();

    [DllImport(Lib, EntryPoint = "libdeflate_zlib_decompress")]
    private static extern int Decompress(IntPtr d, ref byte input, nuint inLength, ref byte output, nuint outLength, out nuint actual);

    [DllImport(Lib, EntryPoint = "libdeflate_alloc_compressor")]
    private static extern IntPtr AllocCompressor(int level);

    [DllImport(Lib, EntryPoint = "libdeflate_zlib_compress")]
    private static extern nuint Compress(IntPtr c, ref byte input, nuint inLength, ref byte output, nuint outLength);
}
