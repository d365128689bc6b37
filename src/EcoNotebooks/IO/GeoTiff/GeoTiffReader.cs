using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Streaming GeoTIFF reader: opening reads only the header, tags and georeferencing; pixels are decoded tile by tile
/// (or strip by strip) when a window is requested, and only the blocks that the window touches are decoded. A small
/// least-recently-used cache (about one row of blocks, at most 64 MB) makes row-major block-by-block reading decode
/// every block once.
/// </summary>
/// <remarks>
/// <para>Supported: classic TIFF and BigTIFF, stripped and tiled layouts, PlanarConfiguration contiguous (chunky,
/// several bands interleaved) and separate; compression none, LZW, DEFLATE (Adobe 8 and old 32946) and PackBits;
/// Predictor 1 (none), 2 (horizontal differencing, 8/16/32-bit samples) and 3 (floating point), decoded by
/// LibTiff.NET; sample formats unsigned 8/16-bit, signed 16/32-bit and IEEE float 32/64-bit (the
/// <see cref="Rasters.PixelType"/>s). LibTiff.NET undoes predictors 2 (8/16/32-bit) and 3 itself, byte-swapped files
/// included; horizontal differencing of 64-bit samples (GDAL float64 with PREDICTOR=2), which LibTiff.NET refuses, is
/// decoded by this reader (LZW or DEFLATE). Not supported, with a <see cref="FileFormatException"/> naming the tag and
/// value: bit depths below 8 (e.g. 1-bit masks), signed 8-bit, unsigned 32-bit and 64-bit integers, complex samples,
/// palette and YCbCr photometric interpretations, JPEG and any other compression.</para>
/// <para>Georeferencing follows GDAL (see <c>GTiffDataset::LookForProjection</c>): ModelTransformation (34264) wins,
/// else one ModelTiepoint (33922) with ModelPixelScale (33550); PixelIsPoint rasters are shifted by half a pixel; no
/// georeferencing gives <see cref="GeoTransform.Identity"/> (GDAL's default (0, 1, 0, 0, 0, 1)). The EPSG code comes
/// from ProjectedCSTypeGeoKey (3072) or GeographicTypeGeoKey (2048); user-defined CRSs give an unknown CRS. Nodata is
/// GDAL's GDAL_NODATA tag (42113, ASCII).</para>
/// <para>Python equivalent: <c>rasterio.open(path)</c> then <c>ds.read(band + 1, window=Window(...))</c>; GDAL:
/// <c>gdal.Open(path).GetRasterBand(band + 1).ReadAsArray(x, y, w, h)</c>.</para>
/// <para>Thread-safe (<see cref="IConcurrentRasterSource"/>): a window that covers exactly the image part of one
/// tile or strip of a DEFLATE file with one sample per pixel in its plane (the windows of
/// <see cref="RasterWindow.Blocks"/> at <see cref="BlockSize"/>) is decoded straight into the caller's buffer, without
/// the cache and without a lock, so several threads decode such windows in parallel; every other read takes a lock and
/// goes through the cache.</para>
/// </remarks>
public sealed class GeoTiffReader : IConcurrentRasterSource, IDisposable
{
    private const long CacheBudgetBytes = 64L << 20;

    private readonly Tiff _tif;
    private readonly int _spp;
    private readonly bool _separate;
    private readonly bool _tiled;
    private readonly int _blockWidth, _blockHeight, _blocksAcross, _blocksDown;
    private readonly int _blockBytes;
    private readonly int _cacheCapacity;
    private readonly LinkedList<(int Index, byte[] Data)> _lru = new();
    private readonly Dictionary<int, LinkedListNode<(int Index, byte[] Data)>> _cache = new();
    private readonly bool _selfDecode;
    private readonly int _compression;
    private readonly int _bytesPerSample;
    private readonly object _sync = new();
    private readonly bool _bigEndian;
    private ulong[] _offsets = [], _byteCounts = [];
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _raw;
    private long _decoded;
    private bool _disposed;

    private GeoTiffReader(string path, Tiff tif, bool libTiffDeflate)
    {
        Path = path;
        _tif = tif;
        string file = path;

        Width = RequiredInt(TiffTag.IMAGEWIDTH, "ImageWidth (256)");
        Height = RequiredInt(TiffTag.IMAGELENGTH, "ImageLength (257)");
        if (Width < 1 || Height < 1) throw new FileFormatException(file, $"image size {Width}×{Height} is empty.");
        _spp = DefaultedInt(TiffTag.SAMPLESPERPIXEL, 1);
        if (_spp < 1) throw new FileFormatException(file, $"SamplesPerPixel (277) = {_spp} is not supported.");
        int bps = DefaultedInt(TiffTag.BITSPERSAMPLE, 1);
        int sampleFormat = DefaultedInt(TiffTag.SAMPLEFORMAT, 1);
        PixelType = MapPixelType(file, bps, sampleFormat);

        int compression = DefaultedInt(TiffTag.COMPRESSION, 1);
        CompressionName = compression switch
        {
            (int)Compression.NONE => "none",
            (int)Compression.LZW => "lzw",
            (int)Compression.ADOBE_DEFLATE or (int)Compression.DEFLATE => "deflate",
            (int)Compression.PACKBITS => "packbits",
            _ => throw new FileFormatException(file,
                $"unsupported compression: Compression (259) = {compression} ({CompressionLabel(compression)}); supported are none (1), LZW (5), DEFLATE (8, 32946) and PackBits (32773)."),
        };

        int photometric = DefaultedInt(TiffTag.PHOTOMETRIC, (int)Photometric.MINISBLACK);
        if (photometric is not ((int)Photometric.MINISBLACK or (int)Photometric.MINISWHITE or (int)Photometric.RGB or (int)Photometric.SEPARATED))
            throw new FileFormatException(file,
                $"unsupported layout: PhotometricInterpretation (262) = {photometric} ({(Photometric)photometric}); supported are MinIsBlack, MinIsWhite, RGB and CMYK sample values.");

        Predictor = DefaultedInt(TiffTag.PREDICTOR, 1);
        if (Predictor is not (1 or 2 or 3))
            throw new FileFormatException(file, $"unsupported Predictor (317) = {Predictor}; supported are 1 (none), 2 (horizontal) and 3 (floating point).");
        if (compression is (int)Compression.ADOBE_DEFLATE or (int)Compression.DEFLATE && bps is 8 or 16 or 32 or 64 && !libTiffDeflate)
        {
            // DEFLATE through .NET's native zlib with our own predictor undo: several times faster than LibTiff.NET's
            // managed inflate and byte-wise predictor (the hot path of streamed raster stacks).
            _selfDecode = true;
            _compression = compression;
            _bytesPerSample = bps / 8;
        }
        else if (Predictor == 2 && bps == 64)
        {
            // LibTiff.NET 2.4 only undoes horizontal differencing of 8/16/32-bit samples; decode these blocks ourselves.
            if (compression is not ((int)Compression.LZW or (int)Compression.ADOBE_DEFLATE or (int)Compression.DEFLATE))
                throw new FileFormatException(file, $"unsupported layout: Predictor (317) = 2 on 64-bit samples with Compression (259) = {compression}; only LZW and DEFLATE are supported with it.");
            _selfDecode = true;
            _compression = compression;
            _bytesPerSample = 8;
        }
        if (Predictor == 3 && !PixelType.IsFloatingPoint())
            throw new FileFormatException(file, $"invalid layout: Predictor (317) = 3 (floating point) on {PixelType.ToName()} samples.");

        int planar = DefaultedInt(TiffTag.PLANARCONFIG, (int)PlanarConfig.CONTIG);
        if (planar is not ((int)PlanarConfig.CONTIG or (int)PlanarConfig.SEPARATE))
            throw new FileFormatException(file, $"unsupported PlanarConfiguration (284) = {planar}.");
        _separate = planar == (int)PlanarConfig.SEPARATE && _spp > 1;

        _tiled = tif.IsTiled();
        if (_tiled)
        {
            _blockWidth = RequiredInt(TiffTag.TILEWIDTH, "TileWidth (322)");
            _blockHeight = RequiredInt(TiffTag.TILELENGTH, "TileLength (323)");
            if (_blockWidth < 1 || _blockHeight < 1) throw new FileFormatException(file, $"invalid tile size {_blockWidth}×{_blockHeight}.");
            _blockBytes = tif.TileSize();
        }
        else
        {
            long rps = DefaultedLong(TiffTag.ROWSPERSTRIP, uint.MaxValue);
            _blockWidth = Width;
            _blockHeight = (int)Math.Clamp(rps, 1, Height);
            _blockBytes = tif.StripSize();
        }
        _blocksAcross = (Width + _blockWidth - 1) / _blockWidth;
        _blocksDown = (Height + _blockHeight - 1) / _blockHeight;
        long needed = (long)_blockWidth * _blockHeight * (_separate ? 1 : _spp) * PixelType.SizeInBytes();
        if (_blockBytes <= 0 || _blockBytes < needed)
            throw new FileFormatException(file, $"invalid layout: a {(_tiled ? "tile" : "strip")} of {_blockWidth}×{_blockHeight} pixels needs {needed} bytes but LibTiff computes {_blockBytes}.");
        BlockCount = _blocksAcross * _blocksDown * (_separate ? _spp : 1);
        CheckBlockExtents(file);
        // One row of blocks (plus one) lets row-major reading with windows that do not align to blocks decode each block once.
        _cacheCapacity = (int)Math.Clamp(_blocksAcross + 1L, 2, Math.Max(2, CacheBudgetBytes / _blockBytes));

        Grid = new RasterGrid(Width, Height, ReadTransform(file), ReadCrs(file));
        NoData = ReadNoData(file);
        _bigEndian = tif.IsBigEndian();
        if (_selfDecode) _raw = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
    }

    /// <summary>
    /// Opens a GeoTIFF for streaming reads. Throws <see cref="FileNotFoundException"/> when the file does not exist and
    /// <see cref="FileFormatException"/> (message "PATH: problem") when it is not a TIFF, is truncated or corrupt, or
    /// uses a layout this reader does not support.
    /// </summary>
    /// <param name="path">Path of a .tif/.tiff file.</param>
    public static GeoTiffReader Open(string path) => Open(path, libTiffDeflate: false);

    /// <summary>Test hook: with <paramref name="libTiffDeflate"/> DEFLATE blocks are decoded by LibTiff.NET (to compare both decoders).</summary>
    internal static GeoTiffReader Open(string path, bool libTiffDeflate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path)) throw new FileNotFoundException($"{path}: is a directory, not a GeoTIFF file.", path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        CheckMagic(path);
        LibTiffRuntime.EnsureInitialised();
        LibTiffRuntime.ClearErrors();
        Tiff? tif;
        try
        {
            tif = Tiff.Open(path, "r");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FileFormatException(path, $"cannot be read as TIFF (truncated or corrupt): {Reason(ex.Message)}", inner: ex);
        }
        if (tif is null)
            throw new FileFormatException(path, $"cannot be read as TIFF (truncated or corrupt): {Reason(null)}");
        try
        {
            return new GeoTiffReader(path, tif, libTiffDeflate);
        }
        catch (Exception ex)
        {
            tif.Dispose();
            if (ex is FileFormatException or OutOfMemoryException) throw;
            throw new FileFormatException(path, $"cannot read the TIFF directory (corrupt?): {Reason(ex.Message)}", inner: ex);
        }
    }

    /// <summary>The file this reader reads.</summary>
    public string Path { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <inheritdoc />
    public RasterGrid Grid { get; }

    /// <inheritdoc />
    public int BandCount => _spp;

    /// <inheritdoc />
    public PixelType PixelType { get; }

    /// <summary>
    /// GDAL_NODATA as stored (float32 rasters: rounded to float32, as GDAL compares it), or null. An integer raster's
    /// nodata that its type cannot hold (e.g. −9999 in uint8) is kept as is, so, as in GDAL, no pixel matches it.
    /// </summary>
    public double? NoData { get; }

    /// <summary>Tile size, or (width, rows per strip) for stripped files.</summary>
    public (int Width, int Height) BlockSize => (_blockWidth, _blockHeight);

    /// <summary>True when the file is tiled, false when stripped.</summary>
    public bool IsTiled => _tiled;

    /// <summary>True when bands are stored in separate planes (PlanarConfiguration = 2).</summary>
    public bool IsPlanarSeparate => _separate;

    /// <summary>Compression: "none", "lzw", "deflate" or "packbits".</summary>
    public string CompressionName { get; }

    /// <summary>TIFF Predictor tag: 1 none, 2 horizontal differencing, 3 floating point.</summary>
    public int Predictor { get; }

    /// <summary>Number of tiles or strips in the file (all planes).</summary>
    public int BlockCount { get; }

    /// <summary>Diagnostic: how many tiles/strips have been decoded so far (cache hits are not counted).</summary>
    public long DecodedBlockCount => Interlocked.Read(ref _decoded);

    /// <inheritdoc />
    /// <exception cref="FileFormatException">A tile or strip cannot be decoded (message names its index).</exception>
    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if ((uint)band >= (uint)_spp)
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band index must be 0–{_spp - 1} (0-based); {Path} has {_spp} band(s).");
        window.EnsureInside(Width, Height);
        if (destination.Length < window.PixelCount)
            throw new ArgumentException($"Destination holds {destination.Length} values, window {window} needs {window.PixelCount}.", nameof(destination));

        int bx0 = window.XOffset / _blockWidth, bx1 = (window.XOffset + window.Width - 1) / _blockWidth;
        int by0 = window.YOffset / _blockHeight, by1 = (window.YOffset + window.Height - 1) / _blockHeight;
        int stride = _separate ? 1 : _spp;
        int sample = _separate ? 0 : band;
        if (_selfDecode && stride == 1 && bx0 == bx1 && by0 == by1
            && window.XOffset == bx0 * _blockWidth && window.YOffset == by0 * _blockHeight
            && window.Width == Math.Min(_blockWidth, Width - window.XOffset) && window.Height == Math.Min(_blockHeight, Height - window.YOffset))
        {
            ReadWholeBlock((_separate ? band * _blocksAcross * _blocksDown : 0) + by0 * _blocksAcross + bx0, window, destination);
            return;
        }
        lock (_sync) ReadThroughCache(band, window, destination, bx0, bx1, by0, by1, stride, sample);
    }

    /// <summary>Lock-free path: decodes one block into a pooled buffer and converts its image part into <paramref name="destination"/>.</summary>
    private void ReadWholeBlock(int index, RasterWindow window, Span<double> destination)
    {
        byte[] block = System.Buffers.ArrayPool<byte>.Shared.Rent(_blockBytes);
        try
        {
            DecodeSelf(index, block);
            Interlocked.Increment(ref _decoded);
            for (int y = 0; y < window.Height; y++)
                CopyRow(block, y * _blockWidth, 1, destination.Slice(y * window.Width, window.Width));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(block);
        }
    }

    private void ReadThroughCache(int band, RasterWindow window, Span<double> destination, int bx0, int bx1, int by0, int by1, int stride, int sample)
    {
        for (int by = by0; by <= by1; by++)
            for (int bx = bx0; bx <= bx1; bx++)
            {
                int index = (_separate ? band * _blocksAcross * _blocksDown : 0) + by * _blocksAcross + bx;
                byte[] block = GetBlock(index);
                int x0 = Math.Max(window.XOffset, bx * _blockWidth), x1 = Math.Min(window.XOffset + window.Width, (bx + 1) * _blockWidth);
                int y0 = Math.Max(window.YOffset, by * _blockHeight), y1 = Math.Min(window.YOffset + window.Height, (by + 1) * _blockHeight);
                for (int y = y0; y < y1; y++)
                {
                    int srcStart = (((y - by * _blockHeight) * _blockWidth) + (x0 - bx * _blockWidth)) * stride + sample;
                    var dst = destination.Slice((y - window.YOffset) * window.Width + (x0 - window.XOffset), x1 - x0);
                    CopyRow(block, srcStart, stride, dst);
                }
            }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _tif.Dispose();
        _raw?.Dispose();
        lock (_sync)
        {
            _cache.Clear();
            _lru.Clear();
        }
    }

    private void CopyRow(byte[] block, int start, int stride, Span<double> dst)
    {
        switch (PixelType)
        {
            case PixelType.UInt8: Copy<byte>(block, start, stride, dst); break;
            case PixelType.Int16: Copy<short>(block, start, stride, dst); break;
            case PixelType.UInt16: Copy<ushort>(block, start, stride, dst); break;
            case PixelType.Int32: Copy<int>(block, start, stride, dst); break;
            case PixelType.Float32: Copy<float>(block, start, stride, dst); break;
            default: Copy<double>(block, start, stride, dst); break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Copy<T>(byte[] block, int start, int stride, Span<double> dst) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float) && stride == 1)
        {
            var f = MemoryMarshal.Cast<byte, float>(block.AsSpan()).Slice(start, dst.Length);
            int i = 0;
            if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
            {
                ref float s = ref MemoryMarshal.GetReference(f);
                ref double d = ref MemoryMarshal.GetReference(dst);
                for (; i <= f.Length - 8; i += 8)
                {
                    var (lo, hi) = System.Runtime.Intrinsics.Vector256.Widen(System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref s, (nuint)i));
                    System.Runtime.Intrinsics.Vector256.StoreUnsafe(lo, ref d, (nuint)i);
                    System.Runtime.Intrinsics.Vector256.StoreUnsafe(hi, ref d, (nuint)i + 4);
                }
            }
            for (; i < f.Length; i++) dst[i] = f[i];
            return;
        }
        var src = MemoryMarshal.Cast<byte, T>(block.AsSpan());
        for (int i = 0, s = start; i < dst.Length; i++, s += stride) dst[i] = double.CreateTruncating(src[s]);
    }

    private byte[] GetBlock(int index)
    {
        if (_cache.TryGetValue(index, out var node))
        {
            _lru.Remove(node);
            _lru.AddFirst(node);
            return node.Value.Data;
        }
        byte[] data = _cache.Count >= _cacheCapacity ? Evict() : new byte[_blockBytes];
        Decode(index, data);
        _decoded++;
        node = _lru.AddFirst((index, data));
        _cache[index] = node;
        return data;
    }

    private byte[] Evict()
    {
        var last = _lru.Last!;
        _lru.RemoveLast();
        _cache.Remove(last.Value.Index);
        return last.Value.Data;
    }

    private void Decode(int index, byte[] buffer)
    {
        if (_selfDecode)
        {
            DecodeSelf(index, buffer);
            return;
        }
        string what = BlockLabel(index);
        LibTiffRuntime.ClearErrors();
        int n;
        try
        {
            n = _tiled ? _tif.ReadEncodedTile(index, buffer, 0, -1) : _tif.ReadEncodedStrip(index, buffer, 0, -1);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FileFormatException(Path, $"cannot decode {what} ({CompressionName}): {Reason(ex.Message)}", inner: ex);
        }
        if (n < 0)
            throw new FileFormatException(Path, $"cannot decode {what} ({CompressionName}): {Reason(null)}");
        string? errors = LibTiffRuntime.TakeErrors();
        if (errors is not null)
            throw new FileFormatException(Path, $"cannot decode {what} ({CompressionName}): {errors}");
        long expected = ExpectedBytes(index);
        if (n < expected)
            throw new FileFormatException(Path, $"{what} decoded to {n} bytes, {expected} expected (truncated or corrupt data).");
    }

    private int ExpectedBytes(int index)
    {
        int rows = _tiled ? _blockHeight : Math.Min(_blockHeight, Height - (index % _blocksDown) * _blockHeight);
        return rows * _blockWidth * (_separate ? 1 : _spp) * PixelType.SizeInBytes();
    }

    /// <summary>Reads and decodes block <paramref name="index"/> into <paramref name="buffer"/>; thread-safe (positional reads, pooled buffers).</summary>
    private void DecodeSelf(int index, byte[] buffer)
    {
        int expected = ExpectedBytes(index);
        int n;
        byte[]? raw = null;
        try
        {
            if (_offsets[index] == 0 && _byteCounts[index] == 0) { buffer.AsSpan(0, _blockBytes).Clear(); return; } // sparse block
            int count = checked((int)_byteCounts[index]);
            raw = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
            long offset = (long)_offsets[index];
            for (int got = 0; got < count;)
            {
                int r = RandomAccess.Read(_raw!, raw.AsSpan(got, count - got), offset + got);
                if (r == 0) throw new EndOfStreamException($"the file ends inside the block ({got} of {count} bytes read).");
                got += r;
            }
            n = RawBlockDecoder.Decompress(_compression, raw, count, buffer.AsSpan(0, expected));
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or OverflowException)
        {
            throw new FileFormatException(Path, $"cannot decode {BlockLabel(index)} ({CompressionName}, predictor {Predictor}): {ex.Message}", inner: ex);
        }
        finally
        {
            if (raw is not null) System.Buffers.ArrayPool<byte>.Shared.Return(raw);
        }
        if (n < expected)
            throw new FileFormatException(Path, $"{BlockLabel(index)} decoded to {n} bytes, {expected} expected (truncated or corrupt data).");
        int stride = _separate ? 1 : _spp;
        RawBlockDecoder.UndoPredictor(buffer.AsSpan(0, expected), Predictor, _bytesPerSample, _blockWidth * stride, stride, _bigEndian);
    }

    private string BlockLabel(int index)
    {
        int perPlane = _blocksAcross * _blocksDown;
        int plane = index / perPlane, i = index % perPlane;
        string kind = _tiled ? "tile" : "strip";
        string pos = _tiled ? $" (column {i % _blocksAcross}, row {i / _blocksAcross})" : $" (rows {i * _blockHeight}–{Math.Min(Height, (i + 1) * _blockHeight) - 1})";
        return $"{kind} {index}{pos}{(_separate ? $" of band {plane + 1}" : "")}";
    }

    private void CheckBlockExtents(string file)
    {
        var offsets = _tif.GetField(_tiled ? TiffTag.TILEOFFSETS : TiffTag.STRIPOFFSETS);
        var counts = _tif.GetField(_tiled ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS);
        string kind = _tiled ? "tile" : "strip";
        var off = ToUInt64Array(offsets);
        var cnt = ToUInt64Array(counts);
        if (off is null || cnt is null)
            throw new FileFormatException(file, $"{(_tiled ? "TileOffsets/TileByteCounts" : "StripOffsets/StripByteCounts")} are missing.");
        _offsets = off; _byteCounts = cnt;
        if (off.Length < BlockCount || cnt.Length < BlockCount)
            throw new FileFormatException(file, $"the file lists {Math.Min(off.Length, cnt.Length)} {kind}s but the layout needs {BlockCount}.");
        long length = new FileInfo(file).Length;
        for (int i = 0; i < BlockCount; i++)
        {
            if (off[i] == 0 && cnt[i] == 0) continue; // sparse block (GDAL SPARSE_OK): decoded as zeros by LibTiff
            if (off[i] + cnt[i] > (ulong)length)
                throw new FileFormatException(file,
                    $"truncated: {BlockLabel(i)} occupies bytes {off[i]}–{off[i] + cnt[i]} but the file has only {length} bytes.");
        }
    }

    private static ulong[]? ToUInt64Array(FieldValue[]? v)
    {
        if (v is null || v.Length == 0) return null;
        foreach (var f in v)
        {
            switch (f.Value)
            {
                case ulong[] u: return u;
                case long[] l: return Array.ConvertAll(l, x => (ulong)x);
                case uint[] ui: return Array.ConvertAll(ui, x => (ulong)x);
                case int[] ii: return Array.ConvertAll(ii, x => (ulong)(uint)x);
            }
        }
        return null;
    }

    private GeoTransform ReadTransform(string file)
    {
        var scale = DoubleArray(LibTiffRuntime.ModelPixelScale);
        var tie = DoubleArray(LibTiffRuntime.ModelTiepoint);
        var matrix = DoubleArray(LibTiffRuntime.ModelTransformation);
        if (matrix is { Length: > 0 and < 16 })
            throw new FileFormatException(file, $"ModelTransformation (tag 34264) has {matrix.Length} values; 16 expected.");
        var keys = GeoKeyDictionary(file);
        bool isPoint = keys.TryGetValue(GeoKeys.GTRasterType, out ushort rt) && rt == GeoKeys.RasterPixelIsPoint;
        return GeoKeys.Transform(scale, tie, matrix, isPoint) ?? GeoTransform.Identity;
    }

    private SpatialReference ReadCrs(string file)
    {
        var keys = GeoKeyDictionary(file);
        if (GeoKeys.Epsg(keys) is int epsg) return new SpatialReference(epsg);
        if (keys.TryGetValue(GeoKeys.ProjCoordTrans, out _))
        {
            var doubles = GeoKeys.ParseDoubleKeys(_geoKeyDirectory, DoubleArray(LibTiffRuntime.GeoDoubleParams));
            if (GeoKeys.UserDefinedCrs(keys, doubles, file) is { } crs) return crs;
        }
        return SpatialReference.Unknown;
    }

    private ushort[] _geoKeyDirectory = [];

    private Dictionary<ushort, ushort>? _geoKeys;

    private Dictionary<ushort, ushort> GeoKeyDictionary(string file)
    {
        if (_geoKeys is not null) return _geoKeys;
        var v = _tif.GetField(LibTiffRuntime.GeoKeyDirectory);
        ushort[] dir = [];
        if (v is not null)
            foreach (var f in v)
            {
                if (f.Value is ushort[] us) { dir = us; break; }
                if (f.Value is short[] s) { dir = Array.ConvertAll(s, x => (ushort)x); break; }
                if (f.Value is byte[] b && b.Length % 2 == 0 && b.Length > 2) { dir = MemoryMarshal.Cast<byte, ushort>(b).ToArray(); break; }
            }
        _geoKeyDirectory = dir;
        return _geoKeys = GeoKeys.ParseDirectory(dir, file);
    }

    private double[]? DoubleArray(TiffTag tag)
    {
        var v = _tif.GetField(tag);
        if (v is null) return null;
        foreach (var f in v)
        {
            if (f.Value is double[] d) return d;
            if (f.Value is float[] fl) return Array.ConvertAll(fl, x => (double)x);
            if (f.Value is byte[] b && b.Length % 8 == 0 && b.Length > 0) return MemoryMarshal.Cast<byte, double>(b).ToArray();
        }
        return null;
    }

    private double? ReadNoData(string file)
    {
        var v = _tif.GetField(LibTiffRuntime.GdalNoData);
        if (v is null || v.Length == 0) return null;
        string? text = null;
        foreach (var f in v)
        {
            if (f.Value is string s) { text = s; break; }
            if (f.Value is byte[] b) { text = System.Text.Encoding.Latin1.GetString(b); break; }
        }
        if (text is null) return null;
        text = text.TrimEnd('\0').Trim();
        if (text.Length == 0) return null;
        if (!TryParseNoData(text, out double nd))
            throw new FileFormatException(file, $"GDAL_NODATA (tag 42113) = '{text}' is not a number.");
        return PixelType == PixelType.Float32 ? (float)nd : nd;
    }

    /// <summary>Parses a GDAL_NODATA string: a number in invariant culture, or nan / inf / -inf in any case.</summary>
    internal static bool TryParseNoData(string text, out double value)
    {
        string t = text.Trim();
        switch (t.ToLowerInvariant())
        {
            case "nan" or "-nan" or "+nan": value = double.NaN; return true;
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static PixelType MapPixelType(string file, int bps, int sampleFormat) => (sampleFormat, bps) switch
    {
        (1 or 4, 8) => PixelType.UInt8,   // 4 = untyped ("void"), read as unsigned like GDAL
        (1 or 4, 16) => PixelType.UInt16,
        (2, 16) => PixelType.Int16,
        (2, 32) => PixelType.Int32,
        (3, 32) => PixelType.Float32,
        (3, 64) => PixelType.Float64,
        _ => throw new FileFormatException(file,
            $"unsupported layout: {SampleFormatLabel(sampleFormat)} samples of {bps} bit(s) (SampleFormat (339) = {sampleFormat}, BitsPerSample (258) = {bps}); supported are uint8, int16, uint16, int32, float32 and float64."),
    };

    private static string SampleFormatLabel(int f) => f switch
    {
        1 => "unsigned integer",
        2 => "signed integer",
        3 => "floating-point",
        4 => "untyped",
        5 => "complex integer",
        6 => "complex floating-point",
        _ => "unknown",
    };

    private static string CompressionLabel(int c) => c switch
    {
        2 => "CCITT RLE",
        3 => "CCITT Group 3",
        4 => "CCITT Group 4",
        6 => "old-style JPEG",
        7 => "JPEG",
        34712 => "JPEG 2000",
        34887 => "LERC",
        34925 => "LZMA",
        50000 => "ZSTD",
        50001 => "WebP",
        50002 => "JPEG XL",
        _ => Enum.IsDefined(typeof(Compression), c) ? ((Compression)c).ToString() : "unknown",
    };

    private static void CheckMagic(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int n;
        using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            n = fs.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        }
        bool le = n >= 4 && head[0] == (byte)'I' && head[1] == (byte)'I';
        bool be = n >= 4 && head[0] == (byte)'M' && head[1] == (byte)'M';
        int version = le ? head[2] | head[3] << 8 : be ? head[2] << 8 | head[3] : -1;
        if (!(le || be) || version is not (42 or 43))
        {
            string shown = Convert.ToHexString(head[..n]);
            throw new FileFormatException(path, n == 0 ? "not a TIFF file (the file is empty)." : $"not a TIFF file (it starts with bytes {shown}, not II*\\0 or MM\\0*).");
        }
        if (n < 8) throw new FileFormatException(path, $"truncated TIFF: only {n} bytes.");
    }

    private static string Reason(string? fallback)
    {
        string? e = LibTiffRuntime.TakeErrors();
        return e ?? fallback ?? "LibTiff reported no reason";
    }

    private int RequiredInt(TiffTag tag, string name)
    {
        var v = _tif.GetField(tag);
        if (v is null || v.Length == 0) throw new FileFormatException(Path, $"required tag {name} is missing.");
        return v[0].ToInt();
    }

    private int DefaultedInt(TiffTag tag, int fallback)
    {
        var v = _tif.GetFieldDefaulted(tag) ?? _tif.GetField(tag);
        return v is null || v.Length == 0 ? fallback : v[0].ToInt();
    }

    private long DefaultedLong(TiffTag tag, long fallback)
    {
        var v = _tif.GetFieldDefaulted(tag) ?? _tif.GetField(tag);
        return v is null || v.Length == 0 ? fallback : (long)v[0].ToUInt();
    }
}
