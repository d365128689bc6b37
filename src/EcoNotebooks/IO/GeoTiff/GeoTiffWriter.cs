using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BitMiracle.LibTiff.Classic;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Streaming GeoTIFF writer. Pixels arrive window by window (<see cref="WriteWindow"/>, any order, any window shape);
/// each tile or strip is kept in a buffer only until all its pixels of all bands have been written, then it is
/// compressed and written to disk. Memory is therefore bounded by the blocks that are partly written: one row of tiles
/// (or one strip) when windows come in row-major block order, as <see cref="GeoTiff.Write"/> does.
/// </summary>
/// <remarks>
/// <para>The file is written to a temporary file next to the target and renamed into place by <see cref="Complete"/>.
/// Disposing without <see cref="Complete"/> (for example after an exception) deletes the temporary file and leaves
/// nothing behind, so a half-written GeoTIFF never appears under the target name.</para>
/// <para>Layout: PlanarConfiguration contiguous (bands interleaved), PhotometricInterpretation MinIsBlack,
/// SampleFormat and BitsPerSample from <see cref="PixelType"/>, ExtraSamples = unspecified for bands 2…n (as GDAL).
/// Georeferencing as GDAL writes it: ModelPixelScale + ModelTiepoint for north-up transforms, ModelTransformation
/// otherwise; GeoKeyDirectory with GTModelType, GTRasterType = PixelIsArea and ProjectedCSTypeGeoKey or
/// GeographicTypeGeoKey from the EPSG code (a CRS known only as WKT is not written); GDAL_NODATA as the shortest
/// round-trip decimal string ("-9999", "nan").</para>
/// <para>Blocks never written are filled with the nodata value (0 without nodata) when the file is completed; a
/// block, once complete and encoded, cannot be written again. NaN written to an integer raster becomes the nodata value
/// (0 without nodata); other values are rounded half away from zero and clamped to the type
/// (<see cref="PixelTypes.Clamp"/>). Python equivalent: <c>rasterio.open(path, "w", driver="GTiff", ...)</c> with
/// <c>ds.write(array, window=...)</c>. Not thread-safe (call it from one thread at a time).</para>
/// <para>DEFLATE blocks are compressed (libdeflate when the system has it, else .NET's zlib, at
/// <see cref="GeoTiffWriteOptions.DeflateLevel"/>) on the thread pool, at most 2 × the processor count at a time, and
/// written to the file in the order they were completed, so the bytes are the same as with sequential compression.</para>
/// </remarks>
public sealed class GeoTiffWriter : IRasterSink, IDisposable
{
    private readonly Tiff _tif;
    private readonly string _temp;
    private readonly bool _tiled;
    private readonly int _blockWidth, _blockHeight, _blocksAcross, _blocksDown;
    private readonly int _fullBlockBytes;
    private readonly double _fill;
    private readonly Dictionary<int, Pending> _pending = new();
    private readonly BitArray _done;
    // Blocks being compressed on the thread pool, written to the file in the order they were completed (so the file
    // is laid out exactly as with sequential encoding); at most _maxInFlight at a time.
    private readonly Queue<(int Index, Task<(byte[] Buffer, int Length)> Job, byte[]? ReturnAfter)> _encoding = new();
    private readonly int _maxInFlight = 2 * Environment.ProcessorCount;
    private readonly bool _parallelEncode = Environment.ProcessorCount > 1;
    private bool _completed, _disposed, _faulted;

    private sealed class Pending(byte[] data, int samples)
    {
        public byte[] Data { get; } = data;
        public BitArray Written { get; } = new(samples);
        public int Remaining { get; set; } = samples;
    }

    /// <summary>Starts writing a GeoTIFF to <paramref name="path"/> (via a temporary file; see <see cref="Complete"/>).</summary>
    /// <param name="path">Target file; replaced only when <see cref="Complete"/> succeeds.</param>
    /// <param name="grid">Size, geotransform and CRS.</param>
    /// <param name="pixelType">Storage type.</param>
    /// <param name="bandCount">Bands, ≥ 1.</param>
    /// <param name="noData">Nodata value written as GDAL_NODATA, or null for none.</param>
    /// <param name="options">Layout and compression; <see cref="GeoTiffWriteOptions.Default"/> when null.</param>
    public GeoTiffWriter(string path, RasterGrid grid, PixelType pixelType, int bandCount = 1, double? noData = null, GeoTiffWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate();
        if (bandCount < 1 || bandCount > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(bandCount), bandCount, "Band count must be 1–65535.");
        _ = pixelType.SizeInBytes();
        Options = (options ?? GeoTiffWriteOptions.Default).Validate();
        Path = path;
        Grid = grid;
        PixelType = pixelType;
        BandCount = bandCount;
        NoData = noData is double nd && pixelType == PixelType.Float32 ? (float)nd : noData;
        _fill = NoData is not double f ? 0
            : double.IsNaN(f) ? (pixelType.IsFloatingPoint() ? double.NaN : 0)
            : pixelType.Clamp(f);

        int bytes = pixelType.SizeInBytes();
        long rowBytes = (long)grid.Width * bandCount * bytes;
        _tiled = Options.Tiled;
        if (_tiled)
        {
            _blockWidth = _blockHeight = Options.TileSize;
        }
        else
        {
            _blockWidth = grid.Width;
            _blockHeight = (int)Math.Clamp(Options.RowsPerStrip ?? Math.Max(1, (256L << 10) / Math.Max(1, rowBytes)), 1, grid.Height);
        }
        long blockBytes = (long)_blockWidth * _blockHeight * bandCount * bytes;
        if (blockBytes > int.MaxValue / 2)
            throw new ArgumentException($"A {( _tiled ? "tile" : "strip")} of {_blockWidth}×{_blockHeight} pixels × {bandCount} bands is {blockBytes} bytes, too large; use tiles or fewer rows per strip.", nameof(options));
        _fullBlockBytes = (int)blockBytes;
        _blocksAcross = (grid.Width + _blockWidth - 1) / _blockWidth;
        _blocksDown = (grid.Height + _blockHeight - 1) / _blockHeight;
        _done = new BitArray(_blocksAcross * _blocksDown);

        Predictor = ChoosePredictor(Options, pixelType);
        // DEFLATE through .NET's native zlib (RawBlockEncoder) unless a layout needs LibTiff.NET's encoder.
        _rawDeflate = Options.Compression == GeoTiffCompression.Deflate
            && (Predictor != 2 || pixelType.SizeInBytes() <= 4) && (Predictor != 3 || pixelType.IsFloatingPoint());
        long estimate = rowBytes * grid.Height + 16L * _blocksAcross * _blocksDown + 65536;
        bool big = Options.BigTiff switch
        {
            BigTiffMode.Always => true,
            BigTiffMode.Never => false,
            _ => estimate > 4_000_000_000L,
        };
        IsBigTiff = big;

        string full = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        _temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

        LibTiffRuntime.EnsureInitialised();
        LibTiffRuntime.ClearErrors();
        _tif = Tiff.Open(_temp, big ? "w8" : "w")
            ?? throw new IOException($"{path}: cannot create the temporary file {_temp}: {LibTiffRuntime.TakeErrors() ?? "unknown LibTiff error"}");
        try
        {
            WriteTags();
        }
        catch
        {
            Abort();
            throw;
        }
    }

    /// <summary>Target path.</summary>
    public string Path { get; }

    private readonly bool _rawDeflate;

    /// <summary>The options in effect.</summary>
    public GeoTiffWriteOptions Options { get; }

    /// <inheritdoc />
    public RasterGrid Grid { get; }

    /// <inheritdoc />
    public int BandCount { get; }

    /// <inheritdoc />
    public PixelType PixelType { get; }

    /// <summary>Nodata value written to GDAL_NODATA (float32: rounded to float32), or null.</summary>
    public double? NoData { get; }

    /// <summary>Tile size, or (width, rows per strip): windows of this size in row-major order keep memory smallest.</summary>
    public (int Width, int Height) BlockSize => (_blockWidth, _blockHeight);

    /// <summary>The TIFF Predictor written: 1 none, 2 horizontal, 3 floating point.</summary>
    public int Predictor { get; }

    /// <summary>True when writing BigTIFF.</summary>
    public bool IsBigTiff { get; }

    /// <summary>Blocks buffered but not yet complete (diagnostic for memory use).</summary>
    public int PendingBlockCount => _pending.Count;

    /// <summary>Largest number of blocks that were buffered at the same time (diagnostic for memory use).</summary>
    public int MaxPendingBlockCount { get; private set; }

    /// <inheritdoc />
    public void WriteWindow(int band, RasterWindow window, ReadOnlySpan<double> source)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException($"{Path}: the GeoTIFF is already complete; no more windows can be written.");
        if ((uint)band >= (uint)BandCount)
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band index must be 0–{BandCount - 1} (0-based).");
        window.EnsureInside(Grid.Width, Grid.Height);
        if (source.Length < window.PixelCount)
            throw new ArgumentException($"Source holds {source.Length} values, window {window} needs {window.PixelCount}.", nameof(source));
        try
        {
            int bx0 = window.XOffset / _blockWidth, bx1 = (window.XOffset + window.Width - 1) / _blockWidth;
            int by0 = window.YOffset / _blockHeight, by1 = (window.YOffset + window.Height - 1) / _blockHeight;
            for (int by = by0; by <= by1; by++)
                for (int bx = bx0; bx <= bx1; bx++)
                {
                    int index = by * _blocksAcross + bx;
                    if (_done[index])
                        throw new InvalidOperationException($"{Path}: {BlockLabel(index)} is already complete and encoded; window {window} of band {band} overlaps it.");
                    int x0 = Math.Max(window.XOffset, bx * _blockWidth), x1 = Math.Min(window.XOffset + window.Width, (bx + 1) * _blockWidth);
                    int y0 = Math.Max(window.YOffset, by * _blockHeight), y1 = Math.Min(window.YOffset + window.Height, (by + 1) * _blockHeight);
                    if (BandCount == 1 && !_pending.ContainsKey(index) && (x1 - x0, y1 - y0) == ValidSize(index))
                    {
                        // The window covers the whole image part of a block not started yet: no per-pixel bookkeeping.
                        byte[] block = NewBlock(pooled: true);
                        for (int y = y0; y < y1; y++)
                            Store(block, (y - by * _blockHeight) * _blockWidth, source.Slice((y - window.YOffset) * window.Width + (x0 - window.XOffset), x1 - x0));
                        Encode(index, block, ownsData: true);
                        continue;
                    }
                    var p = GetPending(index);
                    for (int y = y0; y < y1; y++)
                    {
                        int pixel = (y - by * _blockHeight) * _blockWidth + (x0 - bx * _blockWidth);
                        var src = source.Slice((y - window.YOffset) * window.Width + (x0 - window.XOffset), x1 - x0);
                        Store(p.Data, pixel * BandCount + band, src);
                        for (int i = 0; i < src.Length; i++)
                        {
                            int bit = (pixel + i) * BandCount + band;
                            if (!p.Written[bit]) { p.Written[bit] = true; p.Remaining--; }
                        }
                    }
                    if (p.Remaining == 0)
                    {
                        _pending.Remove(index);
                        Encode(index, p.Data, ownsData: true);
                    }
                }
            WriteFinished(all: false);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    /// <summary>
    /// Encodes the remaining blocks (unwritten pixels get the nodata value, or 0), writes the TIFF directory and
    /// renames the temporary file to <see cref="Path"/>, replacing an existing file.
    /// </summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        if (_faulted) throw new InvalidOperationException($"{Path}: an earlier write failed; the GeoTIFF cannot be completed.");
        try
        {
            byte[]? fillBlock = null;
            for (int index = 0; index < _done.Length; index++)
            {
                if (_done[index]) continue;
                if (_pending.Remove(index, out var p)) { Encode(index, p.Data, ownsData: true); continue; }
                fillBlock ??= NewBlock(pooled: false);
                Encode(index, fillBlock, ownsData: false);
                WriteFinished(all: false);
            }
            WriteFinished(all: true);
            LibTiffRuntime.ClearErrors();
            if (!_tif.WriteDirectory())
                throw new IOException($"{Path}: cannot write the TIFF directory: {LibTiffRuntime.TakeErrors() ?? "unknown LibTiff error"}");
            _tif.Close();
            _tif.Dispose();
            File.Move(_temp, System.IO.Path.GetFullPath(Path), overwrite: true);
            _completed = true;
        }
        catch
        {
            _faulted = true;
            Abort();
            throw;
        }
    }

    /// <summary>Releases the file; without a successful <see cref="Complete"/> the temporary file is deleted and the target is left untouched.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (!_completed) Abort();
        _disposed = true;
        _pending.Clear();
    }

    private void Abort()
    {
        _encoding.Clear(); // jobs still running only read their blocks, which are left to the GC
        try { _tif.Dispose(); } catch (Exception) { /* the file is discarded anyway */ }
        try { if (File.Exists(_temp)) File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _disposed = true;
    }

    private Pending GetPending(int index)
    {
        if (_pending.TryGetValue(index, out var p)) return p;
        var (w, h) = ValidSize(index);
        p = new Pending(NewBlock(pooled: true), _blockWidth * _blockHeight * BandCount);
        // Padding pixels of edge tiles (and the missing rows of the last strip) lie outside the image: mark them written.
        if (w < _blockWidth || h < _blockHeight)
        {
            for (int y = 0; y < _blockHeight; y++)
                for (int x = 0; x < _blockWidth; x++)
                    if (x >= w || y >= h)
                        for (int b = 0; b < BandCount; b++) p.Written[(y * _blockWidth + x) * BandCount + b] = true;
            p.Remaining = w * h * BandCount;
        }
        _pending[index] = p;
        MaxPendingBlockCount = Math.Max(MaxPendingBlockCount, _pending.Count);
        return p;
    }

    private (int Width, int Height) ValidSize(int index)
    {
        int bx = index % _blocksAcross, by = index / _blocksAcross;
        return (Math.Min(_blockWidth, Grid.Width - bx * _blockWidth), Math.Min(_blockHeight, Grid.Height - by * _blockHeight));
    }

    private byte[] NewBlock(bool pooled)
    {
        byte[] data;
        if (pooled && _rawDeflate)
        {
            // Returned to the pool once encoded (only DEFLATE blocks: LibTiff.NET's encoder may keep references).
            data = System.Buffers.ArrayPool<byte>.Shared.Rent(_fullBlockBytes);
            if (_fill == 0) Array.Clear(data, 0, _fullBlockBytes);
        }
        else data = new byte[_fullBlockBytes];
        if (_fill != 0)
        {
            Span<double> one = [_fill];
            int stride = PixelType.SizeInBytes();
            Store(data, 0, one);
            for (int o = stride; o < _fullBlockBytes; o += stride) Buffer.BlockCopy(data, 0, data, o, stride);
        }
        return data;
    }

    private int BlockBytes(int index) =>
        _tiled ? _fullBlockBytes : ValidSize(index).Height * _blockWidth * BandCount * PixelType.SizeInBytes();

    /// <summary>
    /// Encodes a complete block: DEFLATE blocks are compressed on the thread pool when there are several cores (written
    /// later, in order, by <see cref="WriteFinished"/>), other compressions synchronously by LibTiff.NET.
    /// <paramref name="ownsData"/>: the block buffer came from the pool and goes back there once encoded.
    /// </summary>
    private void Encode(int index, byte[] data, bool ownsData)
    {
        int bytes = BlockBytes(index);
        if (_rawDeflate)
        {
            _done[index] = true;
            if (_parallelEncode)
            {
                int bps = PixelType.SizeInBytes(), predictor = Predictor, rowSamples = _blockWidth * BandCount, stride = BandCount, level = Options.DeflateLevel;
                _encoding.Enqueue((index, Task.Run(() => Compress(data, bytes, predictor, bps, rowSamples, stride, level)), ownsData ? data : null));
            }
            else
            {
                var (buffer, length) = Compress(data, bytes, Predictor, PixelType.SizeInBytes(), _blockWidth * BandCount, BandCount, Options.DeflateLevel);
                WriteRaw(index, buffer, length);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                if (ownsData) System.Buffers.ArrayPool<byte>.Shared.Return(data);
            }
            return;
        }
        LibTiffCall(index, "encode", () => _tiled ? _tif.WriteEncodedTile(index, data, bytes) : _tif.WriteEncodedStrip(index, data, bytes));
        _done[index] = true;
    }

    /// <summary>Predictor (on a pooled copy: <paramref name="data"/> is only read) and zlib; thread-safe. The result buffer is pooled.</summary>
    private static (byte[] Buffer, int Length) Compress(byte[] data, int bytes, int predictor, int bps, int rowSamples, int stride, int level)
    {
        byte[] output = [];
        if (predictor == 1)
        {
            int n = RawBlockEncoder.Deflate(data.AsSpan(0, bytes), level, ref output);
            return (output, n);
        }
        byte[] scratch = System.Buffers.ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            Buffer.BlockCopy(data, 0, scratch, 0, bytes);
            RawBlockEncoder.ApplyPredictor(scratch.AsSpan(0, bytes), predictor, bps, rowSamples, stride);
            int len = RawBlockEncoder.Deflate(scratch.AsSpan(0, bytes), level, ref output);
            return (output, len);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Writes the compressed blocks at the head of the queue that are ready (all of them, waiting, when <paramref name="all"/>; the oldest, waiting, while more than the in-flight limit are queued).</summary>
    private void WriteFinished(bool all)
    {
        while (_encoding.Count > 0)
        {
            var (index, job, returnAfter) = _encoding.Peek();
            if (!(all || job.IsCompleted || _encoding.Count > _maxInFlight)) break;
            _encoding.Dequeue();
            (byte[] buffer, int length) result;
            try
            {
                result = job.GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new IOException($"{Path}: cannot encode {BlockLabel(index)}: {ex.Message}", ex);
            }
            WriteRaw(index, result.buffer, result.length);
            System.Buffers.ArrayPool<byte>.Shared.Return(result.buffer);
            if (returnAfter is not null) System.Buffers.ArrayPool<byte>.Shared.Return(returnAfter);
        }
    }

    private void WriteRaw(int index, byte[] buffer, int length) =>
        LibTiffCall(index, "write", () => _tiled ? _tif.WriteRawTile(index, buffer, length) : _tif.WriteRawStrip(index, buffer, length));

    /// <summary>Runs one LibTiff block write; an exception or a negative result becomes one IOException naming file and block.</summary>
    private void LibTiffCall(int index, string verb, Func<int> write)
    {
        LibTiffRuntime.ClearErrors();
        int n;
        try { n = write(); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new IOException($"{Path}: cannot {verb} {BlockLabel(index)}: {LibTiffRuntime.TakeErrors() ?? ex.Message}", ex);
        }
        if (n < 0)
            throw new IOException($"{Path}: cannot {verb} {BlockLabel(index)}: {LibTiffRuntime.TakeErrors() ?? "unknown LibTiff error"}");
    }

    private string BlockLabel(int index) => _tiled
        ? $"tile {index} (column {index % _blocksAcross}, row {index / _blocksAcross})"
        : $"strip {index} (rows {index * _blockHeight}–{Math.Min(Grid.Height, (index + 1) * _blockHeight) - 1})";

    private void Store(byte[] block, int start, ReadOnlySpan<double> src)
    {
        switch (PixelType)
        {
            case PixelType.UInt8: Store<byte>(block, start, src); break;
            case PixelType.Int16: Store<short>(block, start, src); break;
            case PixelType.UInt16: Store<ushort>(block, start, src); break;
            case PixelType.Int32: Store<int>(block, start, src); break;
            case PixelType.Float32: Store<float>(block, start, src); break;
            default: Store<double>(block, start, src); break;
        }
    }

    private void Store<T>(byte[] block, int start, ReadOnlySpan<double> src) where T : unmanaged, INumber<T>
    {
        var dst = MemoryMarshal.Cast<byte, T>(block.AsSpan());
        if (typeof(T) == typeof(float) && BandCount == 1)
        {
            // (float)v lane by lane (the same rounding as the scalar cast).
            Narrow(src, MemoryMarshal.Cast<T, float>(dst).Slice(start, src.Length));
            return;
        }
        if (typeof(T) == typeof(byte) && BandCount == 1)
        {
            var b = MemoryMarshal.Cast<T, byte>(dst).Slice(start, src.Length);
            for (int i = 0; i < src.Length; i++)
            {
                double v = src[i];
                // Whole numbers 0–255 (class codes, masks) are stored as they are; the rest is rounded and clamped below.
                if (v >= 0 && v <= 255 && v == Math.Floor(v)) b[i] = (byte)v;
                else b[i] = (byte)PixelType.Clamp(double.IsNaN(v) ? _fill : v);
            }
            return;
        }
        var type = PixelType;
        bool isInt = !type.IsFloatingPoint();
        double nanValue = isInt ? _fill : double.NaN;
        for (int i = 0, d = start; i < src.Length; i++, d += BandCount)
        {
            double v = src[i];
            if (isInt && double.IsNaN(v)) v = nanValue;
            dst[d] = T.CreateTruncating(type.Clamp(v));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Narrow(ReadOnlySpan<double> src, Span<float> dst)
    {
        int i = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            ref double s = ref MemoryMarshal.GetReference(src);
            ref float d = ref MemoryMarshal.GetReference(dst);
            for (; i <= src.Length - 8; i += 8)
            {
                var lo = System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref s, (nuint)i);
                var hi = System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref s, (nuint)i + 4);
                System.Runtime.Intrinsics.Vector256.Narrow(lo, hi).StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < src.Length; i++) dst[i] = (float)src[i];
    }

    private static int ChoosePredictor(GeoTiffWriteOptions o, PixelType type)
    {
        int bits = type.SizeInBytes() * 8;
        switch (o.Predictor)
        {
            case GeoTiffPredictor.None: return 1;
            case GeoTiffPredictor.Horizontal:
                if (o.Compression == GeoTiffCompression.None) throw new ArgumentException("A predictor needs compression (LZW or DEFLATE).", nameof(o));
                if (bits == 64) throw new ArgumentException($"The horizontal predictor supports 8-, 16- and 32-bit samples, not {type.ToName()}; use FloatingPoint.", nameof(o));
                return 2;
            case GeoTiffPredictor.FloatingPoint:
                if (o.Compression == GeoTiffCompression.None) throw new ArgumentException("A predictor needs compression (LZW or DEFLATE).", nameof(o));
                if (!type.IsFloatingPoint()) throw new ArgumentException($"The floating-point predictor needs float32 or float64 pixels, not {type.ToName()}.", nameof(o));
                return 3;
            default:
                if (o.Compression == GeoTiffCompression.None) return 1;
                return type.IsFloatingPoint() ? 3 : 2;
        }
    }

    private void WriteTags()
    {
        var t = _tif;
        void Set(TiffTag tag, params object[] values)
        {
            if (!t.SetField(tag, values))
                throw new IOException($"{Path}: cannot set TIFF tag {tag}: {LibTiffRuntime.TakeErrors() ?? "rejected by LibTiff"}");
        }

        Set(TiffTag.IMAGEWIDTH, Grid.Width);
        Set(TiffTag.IMAGELENGTH, Grid.Height);
        Set(TiffTag.SAMPLESPERPIXEL, BandCount);
        Set(TiffTag.BITSPERSAMPLE, PixelType.SizeInBytes() * 8);
        Set(TiffTag.SAMPLEFORMAT, PixelType.IsFloatingPoint() ? SampleFormat.IEEEFP
            : PixelType is PixelType.Int16 or PixelType.Int32 ? SampleFormat.INT : SampleFormat.UINT);
        Set(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        Set(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        if (BandCount > 1) Set(TiffTag.EXTRASAMPLES, BandCount - 1, new short[BandCount - 1]);
        Set(TiffTag.COMPRESSION, Options.Compression switch
        {
            GeoTiffCompression.Lzw => Compression.LZW,
            GeoTiffCompression.Deflate => Compression.ADOBE_DEFLATE,
            _ => Compression.NONE,
        });
        if (Options.Compression == GeoTiffCompression.Deflate) Set(TiffTag.ZIPQUALITY, Options.DeflateLevel);
        if (Predictor != 1) Set(TiffTag.PREDICTOR, Predictor);
        if (_tiled)
        {
            Set(TiffTag.TILEWIDTH, _blockWidth);
            Set(TiffTag.TILELENGTH, _blockHeight);
        }
        else
        {
            Set(TiffTag.ROWSPERSTRIP, _blockHeight);
        }

        var gt = Grid.Transform;
        bool georeferenced = gt != GeoTransform.Identity || !Grid.Crs.IsUnknown;
        if (georeferenced)
        {
            if (gt.IsNorthUp && gt.PixelHeight < 0)
            {
                double[] scale = [gt.PixelWidth, -gt.PixelHeight, 0];
                double[] tie = [0, 0, 0, gt.OriginX, gt.OriginY, 0];
                Set(LibTiffRuntime.ModelPixelScale, scale.Length, scale);
                Set(LibTiffRuntime.ModelTiepoint, tie.Length, tie);
            }
            else
            {
                double[] m =
                [
                    gt.PixelWidth, gt.RowRotation, 0, gt.OriginX,
                    gt.ColumnRotation, gt.PixelHeight, 0, gt.OriginY,
                    0, 0, 0, 0,
                    0, 0, 0, 1,
                ];
                Set(LibTiffRuntime.ModelTransformation, m.Length, m);
            }
            if (GeoKeys.Directory(Grid.Crs) is { } keys)
            {
                short[] s = Array.ConvertAll(keys, k => unchecked((short)k));
                Set(LibTiffRuntime.GeoKeyDirectory, s.Length, s);
            }
            else if (GeoKeys.UserDefinedDirectory(Grid.Crs) is { } user)
            {
                short[] s = Array.ConvertAll(user.Keys, k => unchecked((short)k));
                Set(LibTiffRuntime.GeoKeyDirectory, s.Length, s);
                Set(LibTiffRuntime.GeoDoubleParams, user.Doubles.Length, user.Doubles);
            }
        }
        if (NoData is double nd) Set(LibTiffRuntime.GdalNoData, FormatNoData(nd));
    }

    /// <summary>GDAL_NODATA text: shortest round-trip decimal ("-9999", "0.1"), "nan", "inf" or "-inf".</summary>
    internal static string FormatNoData(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
