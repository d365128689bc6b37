using System.Numerics;

namespace EcoNotebooks.Rasters;

/// <summary>One band of an in-memory raster: typed pixel storage, row-major, with an optional nodata value.</summary>
public abstract class RasterBand
{
    private protected RasterBand(int width, int height, double? noData, PixelType type)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Band size {width}×{height} must be at least 1×1.");
        Width = width; Height = height; PixelType = type; NoData = EcoNotebooks.Rasters.NoData.Normalise(noData, type);
    }

    /// <summary>Columns.</summary>
    public int Width { get; }
    /// <summary>Rows.</summary>
    public int Height { get; }
    /// <summary>Storage type.</summary>
    public PixelType PixelType { get; }
    /// <summary>Nodata value rounded to the pixel type, or null.</summary>
    public double? NoData { get; }

    /// <summary>Pixel (col, row) as double (not NaN-converted; test with <see cref="IsMissing"/>).</summary>
    public abstract double this[int col, int row] { get; set; }

    /// <summary>True if pixel (col, row) is missing (NaN or nodata).</summary>
    public bool IsMissing(int col, int row) => EcoNotebooks.Rasters.NoData.IsMissing(this[col, row], NoData);

    /// <summary>Copies a window to <paramref name="destination"/> as doubles.</summary>
    public abstract void ReadWindow(RasterWindow window, Span<double> destination);

    /// <summary>Writes a window from doubles (rounded and clamped to the pixel type).</summary>
    public abstract void WriteWindow(RasterWindow window, ReadOnlySpan<double> source);

    /// <summary>All pixels as doubles with missing pixels set to NaN, row-major.</summary>
    public double[] ToDoubleArray(bool missingAsNaN = true)
    {
        var result = new double[(long)Width * Height];
        ReadWindow(new RasterWindow(0, 0, Width, Height), result);
        if (missingAsNaN) EcoNotebooks.Rasters.NoData.ToNaN(result, NoData);
        return result;
    }

    /// <summary>A new band of the given type with all pixels zero (or <paramref name="noData"/> if <paramref name="fillWithNoData"/>).</summary>
    public static RasterBand Create(PixelType type, int width, int height, double? noData = null, bool fillWithNoData = false)
    {
        RasterBand band = type switch
        {
            PixelType.UInt8 => new RasterBand<byte>(width, height, noData),
            PixelType.Int16 => new RasterBand<short>(width, height, noData),
            PixelType.UInt16 => new RasterBand<ushort>(width, height, noData),
            PixelType.Int32 => new RasterBand<int>(width, height, noData),
            PixelType.Float32 => new RasterBand<float>(width, height, noData),
            PixelType.Float64 => new RasterBand<double>(width, height, noData),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
        };
        if (fillWithNoData && band.NoData is double nd)
        {
            var fill = new double[width];
            Array.Fill(fill, nd);
            for (int r = 0; r < height; r++) band.WriteWindow(new RasterWindow(0, r, width, 1), fill);
        }
        return band;
    }
}

/// <summary>A band stored as an array of <typeparamref name="T"/> (byte, short, ushort, int, float or double).</summary>
public sealed class RasterBand<T> : RasterBand where T : unmanaged, INumber<T>
{
    /// <summary>Creates a zero-filled band.</summary>
    public RasterBand(int width, int height, double? noData = null)
        : base(width, height, noData, PixelTypes.Of<T>()) => Data = new T[(long)width * height];

    /// <summary>Wraps existing row-major data of length width·height (not copied).</summary>
    public RasterBand(int width, int height, T[] data, double? noData = null)
        : base(width, height, noData, PixelTypes.Of<T>())
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != (long)width * height)
            throw new ArgumentException($"Band data has {data.LongLength} values but {width}×{height} = {(long)width * height} are needed.", nameof(data));
        Data = data;
    }

    /// <summary>Row-major pixel storage: pixel (col, row) is at row·Width + col.</summary>
    public T[] Data { get; }

    /// <inheritdoc />
    public override double this[int col, int row]
    {
        get => double.CreateTruncating(Data[Index(col, row)]);
        set => Data[Index(col, row)] = T.CreateTruncating(PixelType.Clamp(value));
    }

    private int Index(int col, int row)
    {
        if ((uint)col >= (uint)Width || (uint)row >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(col), $"Pixel ({col}, {row}) is outside the {Width}×{Height} band.");
        return row * Width + col;
    }

    /// <inheritdoc />
    public override void ReadWindow(RasterWindow window, Span<double> destination)
    {
        window.EnsureInside(Width, Height);
        if (destination.Length < window.PixelCount) throw new ArgumentException($"Destination holds {destination.Length} values, window needs {window.PixelCount}.", nameof(destination));
        for (int r = 0; r < window.Height; r++)
        {
            var src = Data.AsSpan((window.YOffset + r) * Width + window.XOffset, window.Width);
            var dst = destination.Slice(r * window.Width, window.Width);
            for (int c = 0; c < src.Length; c++) dst[c] = double.CreateTruncating(src[c]);
        }
    }

    /// <inheritdoc />
    public override void WriteWindow(RasterWindow window, ReadOnlySpan<double> source)
    {
        window.EnsureInside(Width, Height);
        if (source.Length < window.PixelCount) throw new ArgumentException($"Source holds {source.Length} values, window needs {window.PixelCount}.", nameof(source));
        var type = PixelType;
        for (int r = 0; r < window.Height; r++)
        {
            var dst = Data.AsSpan((window.YOffset + r) * Width + window.XOffset, window.Width);
            var src = source.Slice(r * window.Width, window.Width);
            for (int c = 0; c < dst.Length; c++) dst[c] = T.CreateTruncating(type.Clamp(src[c]));
        }
    }
}
