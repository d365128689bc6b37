using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>A per-pixel function of the input values (same order as the inputs; missing inputs arrive as NaN).</summary>
/// <param name="values">One value per input band.</param>
/// <returns>The output value; NaN marks a missing output pixel.</returns>
public delegate double PixelFunction(ReadOnlySpan<double> values);

/// <summary>
/// Applies a pure per-pixel function to bands on one grid, block by block (full-width strips of bounded size, so
/// streaming sources are never read whole) with rows of each strip processed in parallel. Every raster indicator that
/// is a per-pixel map (NDVI, albedo, brightness, LST, C factor, …) goes through here.
/// Missing rule: an input pixel that is NaN or equals its source's nodata is passed as NaN; the output is stored
/// without a nodata value, NaN marking missing pixels.
/// </summary>
public static class PixelMap
{
    /// <summary>Pixels per strip read at once (per input), ≈ 2 MB of doubles.</summary>
    public const int StripPixels = 1 << 18;

    /// <summary>Maps <paramref name="inputs"/> through <paramref name="f"/> into a new in-memory raster of <paramref name="outputType"/> (Float32 or Float64).</summary>
    /// <param name="inputs">Input bands, all on the same grid (checked with <see cref="RasterGrid.EnsureSameGrid"/>).</param>
    /// <param name="f">Per-pixel function.</param>
    /// <param name="outputType">Float32 (default) or Float64.</param>
    /// <param name="names">Names of the inputs for error messages (optional).</param>
    public static Raster Apply(IReadOnlyList<BandRef> inputs, PixelFunction f, PixelType outputType = PixelType.Float32, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new ArgumentException("At least one input band is needed.", nameof(inputs));
        if (!outputType.IsFloatingPoint())
            throw new ArgumentException($"Indicator outputs are floating point (NaN marks missing); got {outputType.ToName()}.", nameof(outputType));
        var output = Raster.Create(inputs[0].Source.Grid, outputType);
        Apply(inputs, f, output, names);
        return output;
    }

    /// <summary>Maps <paramref name="inputs"/> through <paramref name="f"/> into band 0 of <paramref name="sink"/> (same grid).</summary>
    public static void Apply(IReadOnlyList<BandRef> inputs, PixelFunction f, IRasterSink sink, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(sink);
        var grid = CheckGrids(inputs, names);
        grid.EnsureSameGrid(sink.Grid, NameOf(names, 0), "output");
        int width = grid.Width, n = inputs.Count;
        int stripRows = Math.Clamp(StripPixels / width, 1, grid.Height);
        var buffers = new double[n][];
        for (int i = 0; i < n; i++) buffers[i] = new double[(long)stripRows * width];
        var result = new double[(long)stripRows * width];
        foreach (var w in RasterWindow.Blocks(width, grid.Height, width, stripRows))
        {
            int count = (int)w.PixelCount;
            for (int i = 0; i < n; i++)
            {
                var span = buffers[i].AsSpan(0, count);
                inputs[i].Source.ReadWindow(inputs[i].Band, w, span);
                NoData.ToNaN(span, inputs[i].Source.NoData);
            }
            ParallelRows(w.Height, r =>
            {
                Span<double> values = n <= 32 ? stackalloc double[n] : new double[n];
                int o = r * width;
                for (int c = 0; c < width; c++)
                {
                    for (int i = 0; i < n; i++) values[i] = buffers[i][o + c];
                    result[o + c] = f(values);
                }
            });
            sink.WriteWindow(0, w, result.AsSpan(0, count));
        }
    }

    /// <summary>Checks that all inputs are valid bands on one grid and returns that grid.</summary>
    public static RasterGrid CheckGrids(IReadOnlyList<BandRef> inputs, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new ArgumentException("At least one input band is needed.", nameof(inputs));
        for (int i = 0; i < inputs.Count; i++) inputs[i].Validate(NameOf(names, i));
        var grid = inputs[0].Source.Grid;
        for (int i = 1; i < inputs.Count; i++) grid.EnsureSameGrid(inputs[i].Source.Grid, NameOf(names, 0), NameOf(names, i));
        return grid;
    }

    /// <summary>Reads a whole band into a row-major double array, missing pixels as NaN.</summary>
    public static double[] ReadAll(BandRef band, string name = "input")
    {
        band.Validate(name);
        var g = band.Source.Grid;
        var result = new double[g.PixelCount];
        var (bw, bh) = band.Source.BlockSize;
        var buffer = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(g.Width, g.Height, bw, bh))
        {
            var span = buffer.AsSpan(0, (int)w.PixelCount);
            band.Source.ReadWindow(band.Band, w, span);
            NoData.ToNaN(span, band.Source.NoData);
            for (int r = 0; r < w.Height; r++)
                span.Slice(r * w.Width, w.Width).CopyTo(result.AsSpan((w.YOffset + r) * g.Width + w.XOffset, w.Width));
        }
        return result;
    }

    /// <summary>Wraps a row-major array as a raster of <paramref name="outputType"/> on <paramref name="grid"/>.</summary>
    public static Raster ToRaster(RasterGrid grid, double[] values, PixelType outputType = PixelType.Float32)
    {
        if (outputType == PixelType.Float64) return Raster.FromArray(grid, values);
        var r = Raster.Create(grid, outputType);
        r.WriteWindow(0, new RasterWindow(0, 0, grid.Width, grid.Height), values);
        return r;
    }

    /// <summary>Parallel.For over rows that rethrows the first exception unwrapped (so callers see ArgumentException, not AggregateException).</summary>
    internal static void ParallelRows(int count, Action<int> body)
    {
        try { Parallel.For(0, count, body); }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static string NameOf(IReadOnlyList<string>? names, int i) => names is not null && i < names.Count ? names[i] : $"input {i}";
}
