using EcoNotebooks.Classification;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Trends;

/// <summary>
/// Sen slope + Mann–Kendall trend analysis and classification of series and of raster time stacks, as in the
/// Jiangcang paper's FVC trend maps (2021–2024): β &gt; 0 / β &lt; 0 gives increase / decrease, |Z| against
/// <see cref="TrendOptions.ZSignificant"/> and <see cref="TrendOptions.ZSlight"/> gives significant / slightly
/// significant / no significant, and β = 0 (or |β| below <see cref="TrendOptions.SlopeTolerance"/>) gives no change.
/// Missing values (NaN, nodata) are dropped and the remaining values keep their times.
/// </summary>
public sealed class TrendAnalysis
{
    /// <summary>Creates an analysis with <paramref name="options"/> (defaults when null).</summary>
    public TrendAnalysis(TrendOptions? options = null) => Options = (options ?? new TrendOptions()).Validate();

    /// <summary>The options.</summary>
    public TrendOptions Options { get; }

    /// <summary>
    /// Class from Sen slope <paramref name="slope"/> and Mann–Kendall <paramref name="z"/>: no change when β = 0 or
    /// |β| &lt; tolerance; otherwise the sign of β gives the direction and |Z| ≥ ZSignificant → significant,
    /// ZSlight ≤ |Z| &lt; ZSignificant → slightly significant, else no significant.
    /// </summary>
    public TrendClass Classify(double slope, double z)
    {
        if (double.IsNaN(slope) || double.IsNaN(z)) throw new ArgumentException($"Cannot classify a trend with slope {slope} and Z {z}.");
        if (slope == 0 || Math.Abs(slope) < Options.SlopeTolerance) return TrendClass.NoChange;
        double a = Math.Abs(z);
        bool up = slope > 0;
        if (a >= Options.ZSignificant) return up ? TrendClass.SignificantIncrease : TrendClass.SignificantDecrease;
        if (a >= Options.ZSlight) return up ? TrendClass.SlightlySignificantIncrease : TrendClass.SlightlySignificantDecrease;
        return up ? TrendClass.NonSignificantIncrease : TrendClass.NonSignificantDecrease;
    }

    /// <summary>Trend of one series.</summary>
    /// <param name="times">Strictly increasing times (e.g. years); the Sen slope is per unit of these.</param>
    /// <param name="values">Values at those times; NaN = missing.</param>
    /// <exception cref="ArgumentException">Lengths differ, times not increasing, infinite values, or fewer than <see cref="TrendOptions.MinimumCount"/> non-missing values.</exception>
    public SeriesTrend Analyze(IReadOnlyList<double> times, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (times.Count != values.Count) throw new ArgumentException($"{times.Count} times but {values.Count} values.", nameof(values));
        var t = times.ToArray();
        SenSlope.CheckTimes(t);
        var tv = new List<double>(); var xv = new List<double>();
        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i])) continue;
            if (double.IsInfinity(values[i])) throw new ArgumentException($"Value {i} is {values[i]}; values must be finite or NaN.", nameof(values));
            tv.Add(t[i]); xv.Add(values[i]);
        }
        if (xv.Count < Options.MinimumCount)
            throw new ArgumentException($"A trend needs at least {Options.MinimumCount} non-missing values, got {xv.Count}.", nameof(values));
        int n = xv.Count;
        return Compute(tv.ToArray(), xv.ToArray(), new double[n * (n - 1) / 2], new double[n]);
    }

    private SeriesTrend Compute(ReadOnlySpan<double> t, ReadOnlySpan<double> x, Span<double> slopes, Span<double> scratch)
    {
        var mk = MannKendall.TestValid(x, Options.ContinuityCorrection, scratch);
        double beta = SenSlope.EstimateValid(t, x, slopes);
        return new SeriesTrend(mk.N, beta, mk.S, mk.VarS, mk.Z, mk.P, Classify(beta, mk.Z));
    }

    /// <summary>
    /// Per-pixel trend of a multi-band raster whose band i (0-based) is the observation at <paramref name="times"/>[i]
    /// (e.g. a 4-band FVC GeoTIFF for 2021–2024). Same rules as <see cref="AnalyzeStack(IReadOnlyList{IRasterSource}, IReadOnlyList{double}, int)"/>.
    /// </summary>
    public TrendRasterResult AnalyzeBands(IRasterSource bands, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(times);
        if (bands.BandCount != times.Count) throw new ArgumentException($"The raster has {bands.BandCount} band(s) but {times.Count} times were given.", nameof(times));
        return AnalyzeStack(Enumerable.Range(0, bands.BandCount).Select(b => (IRasterSource)new BandView(bands, b)).ToArray(), times);
    }

    private sealed class BandView(IRasterSource inner, int band) : IRasterSource
    {
        public RasterGrid Grid => inner.Grid;
        public int BandCount => 1;
        public PixelType PixelType => inner.PixelType;
        public double? NoData => inner.NoData;
        public (int Width, int Height) BlockSize => inner.BlockSize;
        public void ReadWindow(int b, RasterWindow window, Span<double> destination) => inner.ReadWindow(band, window, destination);
    }

    /// <summary>
    /// Per-pixel trend over a time stack: band <paramref name="band"/> of <paramref name="stack"/>[i] is the
    /// observation at <paramref name="times"/>[i]. All rasters must be on the same grid. Rows are read block by block
    /// and computed in parallel (Parallel.For over rows). Pixels with fewer than
    /// <see cref="TrendOptions.MinimumCount"/> valid years get NaN and class code 255.
    /// </summary>
    /// <exception cref="ArgumentException">Counts differ, grids differ, times not increasing.</exception>
    public TrendRasterResult AnalyzeStack(IReadOnlyList<IRasterSource> stack, IReadOnlyList<double> times, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(times);
        if (stack.Count != times.Count) throw new ArgumentException($"{stack.Count} rasters but {times.Count} times.", nameof(times));
        if (stack.Count < Options.MinimumCount) throw new ArgumentException($"A trend needs at least {Options.MinimumCount} time steps, got {stack.Count}.", nameof(stack));
        var t = times.ToArray();
        SenSlope.CheckTimes(t);
        var grid = stack[0].Grid;
        for (int i = 0; i < stack.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(stack[i], $"{nameof(stack)}[{i}]");
            grid.EnsureSameGrid(stack[i].Grid, "raster 0 of the stack", $"raster {i} of the stack");
            if ((uint)band >= (uint)stack[i].BandCount)
                throw new ArgumentOutOfRangeException(nameof(band), band, $"Raster {i} of the stack has {stack[i].BandCount} band(s); band index is 0-based.");
        }
        int w = grid.Width, h = grid.Height, nt = stack.Count;
        var slope = new double[grid.PixelCount]; var zr = new double[grid.PixelCount]; var pr = new double[grid.PixelCount];
        var cls = new byte[grid.PixelCount];
        int rowsPerBlock = (int)Math.Clamp((1L << 22) / Math.Max(1L, (long)w * nt), 1, h);
        var buffers = new double[nt][];
        for (int i = 0; i < nt; i++) buffers[i] = new double[(long)w * rowsPerBlock];
        for (int y0 = 0; y0 < h; y0 += rowsPerBlock)
        {
            int rows = Math.Min(rowsPerBlock, h - y0);
            var win = new RasterWindow(0, y0, w, rows);
            for (int i = 0; i < nt; i++)
            {
                var span = buffers[i].AsSpan(0, (int)win.PixelCount);
                stack[i].ReadWindow(band, win, span);
                NoData.ToNaN(span, stack[i].NoData);
            }
            Parallel.For(0, rows,
                () => (T: new double[nt], X: new double[nt], Slopes: new double[nt * (nt - 1) / 2], Scratch: new double[nt]),
                (r, _, tl) =>
                {
                    long rowOff = (long)(y0 + r) * w;
                    for (int c = 0; c < w; c++)
                    {
                        int n = 0, idx = r * w + c;
                        for (int i = 0; i < nt; i++)
                        {
                            double v = buffers[i][idx];
                            if (double.IsNaN(v) || double.IsInfinity(v)) continue;
                            tl.T[n] = t[i]; tl.X[n++] = v;
                        }
                        long o = rowOff + c;
                        if (n < Options.MinimumCount)
                        {
                            slope[o] = double.NaN; zr[o] = double.NaN; pr[o] = double.NaN; cls[o] = TrendClasses.NoDataCode;
                            continue;
                        }
                        var st = Compute(tl.T.AsSpan(0, n), tl.X.AsSpan(0, n), tl.Slopes, tl.Scratch);
                        slope[o] = st.SenSlope; zr[o] = st.Z; pr[o] = st.P; cls[o] = (byte)st.Class;
                    }
                    return tl;
                },
                _ => { });
        }
        var classRaster = new Raster(grid, [new RasterBand<byte>(w, h, cls, TrendClasses.NoDataCode)]);
        var areas = ClassAreaTable.FromCodes(classRaster, TrendClasses.All.Select(c => ((int)c, c.ToSnakeName())).ToArray());
        return new TrendRasterResult(Raster.FromArray(grid, slope), Raster.FromArray(grid, zr), Raster.FromArray(grid, pr), classRaster, areas);
    }
}
