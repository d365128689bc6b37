namespace EcoNotebooks.Rasters;

/// <summary>
/// An in-memory georeferenced raster: a <see cref="RasterGrid"/> and one or more bands of the same pixel type and
/// nodata value. For rasters larger than memory, use a streaming <see cref="IRasterSource"/> (the GeoTIFF reader) with
/// <see cref="RasterWindow.Blocks"/> instead.
/// </summary>
public sealed class Raster : IRasterSource, IRasterSink
{
    private readonly RasterBand[] _bands;

    /// <summary>Creates a raster from existing bands, which must all have the grid's size, one pixel type and one nodata value.</summary>
    public Raster(RasterGrid grid, IReadOnlyList<RasterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(bands);
        grid.Validate();
        if (bands.Count == 0) throw new ArgumentException("A raster needs at least one band.", nameof(bands));
        for (int i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            if (b.Width != grid.Width || b.Height != grid.Height)
                throw new ArgumentException($"Band {i} is {b.Width}×{b.Height} but the grid is {grid.Width}×{grid.Height}.", nameof(bands));
            if (b.PixelType != bands[0].PixelType)
                throw new ArgumentException($"Band {i} is {b.PixelType.ToName()} but band 0 is {bands[0].PixelType.ToName()}; all bands share one pixel type.", nameof(bands));
            if (!SameNoData(b.NoData, bands[0].NoData))
                throw new ArgumentException($"Band {i} has nodata {b.NoData} but band 0 has {bands[0].NoData}; all bands share one nodata value.", nameof(bands));
        }
        Grid = grid;
        _bands = [.. bands];
    }

    private static bool SameNoData(double? a, double? b) =>
        a is null ? b is null : b is not null && (a.Value.Equals(b.Value)); // Equals treats NaN as equal to NaN

    /// <summary>A zero-filled raster (or nodata-filled when <paramref name="fillWithNoData"/>).</summary>
    public static Raster Create(RasterGrid grid, PixelType type, int bandCount = 1, double? noData = null, bool fillWithNoData = false)
    {
        if (bandCount < 1) throw new ArgumentOutOfRangeException(nameof(bandCount), bandCount, "A raster needs at least one band.");
        return new Raster(grid, Enumerable.Range(0, bandCount).Select(_ => RasterBand.Create(type, grid.Width, grid.Height, noData, fillWithNoData)).ToArray());
    }

    /// <summary>A single-band float64 raster from a row-major array (NaN marks missing pixels).</summary>
    public static Raster FromArray(RasterGrid grid, double[] values, double? noData = null) =>
        new(grid, [new RasterBand<double>(grid.Width, grid.Height, values, noData)]);

    /// <summary>A single-band float32 raster from a row-major array.</summary>
    public static Raster FromArray(RasterGrid grid, float[] values, double? noData = null) =>
        new(grid, [new RasterBand<float>(grid.Width, grid.Height, values, noData)]);

    /// <inheritdoc />
    public RasterGrid Grid { get; }
    /// <summary>Columns.</summary>
    public int Width => Grid.Width;
    /// <summary>Rows.</summary>
    public int Height => Grid.Height;
    /// <inheritdoc />
    public int BandCount => _bands.Length;
    /// <summary>The bands, 0-based.</summary>
    public IReadOnlyList<RasterBand> Bands => _bands;
    /// <summary>Band <paramref name="index"/> (0-based).</summary>
    public RasterBand this[int index] => Band(index);
    /// <inheritdoc />
    public PixelType PixelType => _bands[0].PixelType;
    /// <inheritdoc />
    public double? NoData => _bands[0].NoData;
    /// <inheritdoc />
    public (int Width, int Height) BlockSize => (Grid.Width, Math.Max(1, Math.Min(Grid.Height, 1 << 20 / Math.Max(1, Grid.Width))));

    /// <summary>Band <paramref name="index"/> (0-based), with a clear error when out of range.</summary>
    public RasterBand Band(int index)
    {
        if ((uint)index >= (uint)_bands.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Band index must be 0–{_bands.Length - 1} (0-based); the raster has {_bands.Length} band(s).");
        return _bands[index];
    }

    /// <inheritdoc />
    public void ReadWindow(int band, RasterWindow window, Span<double> destination) => Band(band).ReadWindow(window, destination);

    /// <inheritdoc />
    public void WriteWindow(int band, RasterWindow window, ReadOnlySpan<double> source) => Band(band).WriteWindow(window, source);

    /// <summary>Reads any <see cref="IRasterSource"/> fully into memory.</summary>
    public static Raster Load(IRasterSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is Raster r) return r;
        var raster = Create(source.Grid, source.PixelType, source.BandCount, source.NoData);
        var (bw, bh) = source.BlockSize;
        var buffer = new double[(long)bw * bh];
        for (int b = 0; b < source.BandCount; b++)
            foreach (var w in RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
            {
                var span = buffer.AsSpan(0, (int)w.PixelCount);
                source.ReadWindow(b, w, span);
                raster.WriteWindow(b, w, span);
            }
        return raster;
    }

    /// <summary>Applies <paramref name="f"/> to every pixel of band 0 and returns a float64 raster on the same grid (missing pixels are passed as NaN; NaN results are missing).</summary>
    public Raster Map(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var v = Band(0).ToDoubleArray();
        var result = new double[v.Length];
        Parallel.For(0, Height, r => { int o = r * Width; for (int c = 0; c < Width; c++) result[o + c] = f(v[o + c]); });
        return FromArray(Grid, result);
    }
}
