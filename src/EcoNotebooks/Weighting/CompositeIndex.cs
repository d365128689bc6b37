using EcoNotebooks.Rasters;

namespace EcoNotebooks.Weighting;

/// <summary>Result of <see cref="CompositeIndex.ComputeRaster"/>.</summary>
/// <param name="Index">The weighted index P = Σ w<sub>j</sub> x'<sub>j</sub>, float64, NaN where any indicator is missing.</param>
/// <param name="Ranges">Min and max of each indicator used for normalisation (NaN when it has no valid pixel).</param>
/// <param name="ConstantIndicators">Indices of indicators with max = min (normalised to 0 everywhere); empty when none.</param>
public sealed record CompositeRasterResult(Raster Index, IReadOnlyList<(double Min, double Max)> Ranges, IReadOnlyList<int> ConstantIndicators)
{
    /// <summary>True when some indicator was constant (its contribution is 0): a warning worth showing.</summary>
    public bool HasConstantIndicator => ConstantIndicators.Count > 0;
}

/// <summary>
/// Weighted composite index (comprehensive index method), Lingbei Eq. (20): P = Σ<sub>j</sub> W<sub>j</sub>·T<sub>j</sub>,
/// T<sub>j</sub> the min–max normalised indicator j. Weights are used as given (normally they sum to 1, as
/// <see cref="CombinedWeights"/> returns); missing values propagate: NaN in any indicator gives NaN.
/// R: <c>as.vector(X %*% w)</c>.
/// </summary>
public static class CompositeIndex
{
    /// <summary>P<sub>i</sub> = Σ<sub>j</sub> w<sub>j</sub> x<sub>ij</sub> for already normalised indicators (one list per indicator, all of the same length).</summary>
    /// <exception cref="ArgumentException">Counts or lengths differ, or a weight is negative or not finite.</exception>
    public static double[] Compute(IReadOnlyList<IReadOnlyList<double>> normalisedIndicators, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(normalisedIndicators);
        CheckWeights(normalisedIndicators.Count, weights);
        int m = normalisedIndicators[0].Count;
        for (int j = 1; j < normalisedIndicators.Count; j++)
            if (normalisedIndicators[j].Count != m)
                throw new ArgumentException($"Indicator {j} has {normalisedIndicators[j].Count} values but indicator 0 has {m}.", nameof(normalisedIndicators));
        var p = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < weights.Count; j++) s += weights[j] * normalisedIndicators[j][i];
            p[i] = s;
        }
        return p;
    }

    /// <summary>
    /// The index over a stack of indicator rasters on one grid, streamed block by block
    /// (<see cref="RasterWindow.Blocks"/>): a first pass finds each indicator's min and max over its valid pixels
    /// (unless <paramref name="ranges"/> gives them), a second normalises with <see cref="MinMaxNormalisation"/>
    /// and sums. A constant indicator contributes 0 and is listed in <see cref="CompositeRasterResult.ConstantIndicators"/>.
    /// </summary>
    /// <param name="indicators">Raw indicator rasters (band <paramref name="band"/> of each), same grid.</param>
    /// <param name="directions">Direction of each indicator.</param>
    /// <param name="weights">Weight of each indicator, finite, ≥ 0.</param>
    /// <param name="ranges">Optional fixed (min, max) per indicator, e.g. pooled over all years; null to use each raster's own range.</param>
    /// <param name="band">0-based band read from every raster.</param>
    public static CompositeRasterResult ComputeRaster(IReadOnlyList<IRasterSource> indicators, IReadOnlyList<IndicatorDirection> directions,
        IReadOnlyList<double> weights, IReadOnlyList<(double Min, double Max)>? ranges = null, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (indicators.Count == 0) throw new ArgumentException("No indicators.", nameof(indicators));
        ArgumentNullException.ThrowIfNull(indicators[0], $"{nameof(indicators)}[0]");
        var result = Raster.Create(indicators[0].Grid, PixelType.Float64, 1);
        var (range, constant) = ComputeToSink(indicators, directions, weights, result, ranges, band);
        return new CompositeRasterResult(result, range, constant);
    }

    /// <summary>
    /// Same as <see cref="ComputeRaster"/> but writes the index into <paramref name="output"/> (e.g. a
    /// <see cref="IO.GeoTiff.GeoTiffWriter"/>) window by window instead of building it in memory, so a stack of any
    /// size runs in memory of a few blocks per thread. The caller completes the sink; the sink is called from one thread
    /// at a time, but not necessarily the caller's. NaN is written
    /// where any indicator is missing (a sink with an integer type stores its nodata there, as it does for NaN).
    /// </summary>
    /// <param name="indicators">Raw indicator rasters (band <paramref name="band"/> of each), same grid.</param>
    /// <param name="directions">Direction of each indicator.</param>
    /// <param name="weights">Weight of each indicator, finite, ≥ 0.</param>
    /// <param name="output">Sink on the indicators' grid receiving P in band <paramref name="outputBand"/>.</param>
    /// <param name="ranges">Optional fixed (min, max) per indicator; null to use each raster's own range (one extra streamed pass).</param>
    /// <param name="band">0-based band read from every raster.</param>
    /// <param name="outputBand">0-based band of <paramref name="output"/> written.</param>
    /// <param name="degreeOfParallelism">Threads used, 1 = sequential. Above 1, when every source is an
    /// <see cref="IConcurrentRasterSource"/> (e.g. <see cref="IO.GeoTiff.GeoTiffReader"/>), both passes run block by block
    /// in parallel: the min/max pass over (indicator, block) pairs, the sum pass over blocks in batches of
    /// 4 × <paramref name="degreeOfParallelism"/> (each block read, normalised and summed over all indicators by one
    /// thread), and the finished batch is written to <paramref name="output"/> in block order from one thread at a time
    /// while the next batch is computed (memory: two batches of blocks). Otherwise different sources are read
    /// concurrently (each by one thread at a time; the same instance listed twice is read sequentially) and summed
    /// sequentially. The result is identical for every value (every pixel's terms are summed in indicator order).</param>
    /// <returns>The (min, max) used per indicator and the indices of constant indicators.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ((double Min, double Max)[] Ranges, int[] ConstantIndicators) ComputeToSink(IReadOnlyList<IRasterSource> indicators,
        IReadOnlyList<IndicatorDirection> directions, IReadOnlyList<double> weights, IRasterSink output,
        IReadOnlyList<(double Min, double Max)>? ranges = null, int band = 0, int outputBand = 0, int degreeOfParallelism = 1)
    {
        if (degreeOfParallelism < 1) throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "Degree of parallelism must be ≥ 1.");
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(directions);
        ArgumentNullException.ThrowIfNull(output);
        CheckWeights(indicators.Count, weights);
        if (directions.Count != indicators.Count) throw new ArgumentException($"{indicators.Count} indicators but {directions.Count} directions.", nameof(directions));
        if (ranges is not null && ranges.Count != indicators.Count) throw new ArgumentException($"{indicators.Count} indicators but {ranges.Count} ranges.", nameof(ranges));
        ArgumentNullException.ThrowIfNull(indicators[0], $"{nameof(indicators)}[0]");
        var grid = indicators[0].Grid;
        for (int j = 0; j < indicators.Count; j++)
        {
            ArgumentNullException.ThrowIfNull(indicators[j], $"{nameof(indicators)}[{j}]");
            grid.EnsureSameGrid(indicators[j].Grid, "indicator 0", $"indicator {j}");
            if ((uint)band >= (uint)indicators[j].BandCount)
                throw new ArgumentOutOfRangeException(nameof(band), band, $"Indicator {j} has {indicators[j].BandCount} band(s); band index is 0-based.");
        }
        grid.EnsureSameGrid(output.Grid, "indicator 0", "output");
        if ((uint)outputBand >= (uint)output.BandCount)
            throw new ArgumentOutOfRangeException(nameof(outputBand), outputBand, $"The output has {output.BandCount} band(s); band index is 0-based.");
        int m = indicators.Count;
        // Block-level parallelism when every source may be read from several threads (e.g. GeoTiffReader): each worker
        // reads, normalises and sums whole blocks, and the sink receives the blocks in order from one thread at a time.
        bool concurrent = degreeOfParallelism > 1 && indicators.All(s => s is IConcurrentRasterSource);
        bool distinct = indicators.Distinct(ReferenceEqualityComparer.Instance).Count() == m;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrent ? degreeOfParallelism : distinct ? Math.Min(degreeOfParallelism, m) : 1 };
        var range = new (double Min, double Max)[m];
        if (ranges is not null) for (int j = 0; j < m; j++) range[j] = ranges[j];
        else if (concurrent) MinMaxConcurrent(indicators, band, range, parallel);
        else Parallel.For(0, m, parallel, j => range[j] = MinMax(indicators[j], band));
        var constant = Enumerable.Range(0, range.Length).Where(j => MinMaxNormalisation.IsConstant(range[j].Min, range[j].Max)).ToArray();
        for (int j = 0; j < m; j++)
            if (directions[j] is not (IndicatorDirection.Positive or IndicatorDirection.Negative))
                throw new ArgumentOutOfRangeException(nameof(directions), directions[j], $"Unknown direction of indicator {j}.");

        var (bw, bh) = indicators[0].BlockSize;
        if (concurrent)
        {
            SumConcurrent(indicators, directions, weights, output, range, band, outputBand, parallel, grid, bw, bh);
            return (range, constant);
        }
        var acc = new double[(long)bw * bh];
        // One buffer per indicator when reading concurrently (then summed in indicator order), else one shared buffer.
        var bufs = new double[parallel.MaxDegreeOfParallelism > 1 ? m : 1][];
        for (int j = 0; j < bufs.Length; j++) bufs[j] = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(grid.Width, grid.Height, bw, bh))
        {
            int len = (int)w.PixelCount;
            var sum = acc.AsSpan(0, len);
            sum.Clear();
            if (bufs.Length > 1)
                Parallel.For(0, m, parallel, j => indicators[j].ReadWindow(band, w, bufs[j].AsSpan(0, len)));
            for (int j = 0; j < m; j++)
            {
                var span = bufs[bufs.Length > 1 ? j : 0].AsSpan(0, len);
                if (bufs.Length == 1) indicators[j].ReadWindow(band, w, span);
                AddIndicator(sum, span, indicators[j].NoData, weights[j], range[j], directions[j]);
            }
            output.WriteWindow(outputBand, w, sum);
        }
        return (range, constant);
    }

    /// <summary>sum += the weighted normalised indicator (values equal to <paramref name="noData"/> count as NaN), as <see cref="MinMaxNormalisation"/>.Normalise with the direction hoisted out of the pixel loop.</summary>
    private static void AddIndicator(Span<double> sum, Span<double> x, double? noData, double w, (double Min, double Max) range, IndicatorDirection direction)
    {
        var (min, max) = range;
        if (MinMaxNormalisation.IsConstant(min, max))
        {
            NoData.ToNaN(x, noData);
            for (int i = 0; i < sum.Length; i++) sum[i] += double.IsNaN(x[i]) ? double.NaN : w * 0.0;
        }
        else AddScaled(sum, x, noData is double nd ? nd : double.NaN, w, min, max, negative: direction == IndicatorDirection.Negative);
    }

    /// <summary>Pass 1 with block-level parallelism: every (indicator, block) is one work item; min and max combine exactly in any order.</summary>
    private static void MinMaxConcurrent(IReadOnlyList<IRasterSource> indicators, int band, (double Min, double Max)[] range, ParallelOptions parallel)
    {
        int m = indicators.Count;
        var windows = new RasterWindow[m][];
        var start = new int[m + 1];
        for (int j = 0; j < m; j++)
        {
            var (bw, bh) = indicators[j].BlockSize;
            windows[j] = RasterWindow.Blocks(indicators[j].Grid.Width, indicators[j].Grid.Height, bw, bh).ToArray();
            start[j + 1] = start[j] + windows[j].Length;
        }
        var lo = new double[start[m]];
        var hi = new double[start[m]];
        Parallel.For(0, start[m], parallel, () => Array.Empty<double>(), (item, _, buffer) =>
        {
            int j = Array.BinarySearch(start, item);
            if (j < 0) j = ~j - 1;
            while (start[j + 1] == item) j++; // sources with no windows
            var w = windows[j][item - start[j]];
            int len = (int)w.PixelCount;
            if (buffer.Length < len)
            {
                if (buffer.Length > 0) System.Buffers.ArrayPool<double>.Shared.Return(buffer);
                buffer = System.Buffers.ArrayPool<double>.Shared.Rent(len);
            }
            var span = buffer.AsSpan(0, len);
            indicators[j].ReadWindow(band, w, span);
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            MinMaxOf(span, indicators[j].NoData, ref min, ref max);
            lo[item] = min; hi[item] = max;
            return buffer;
        }, buffer => { if (buffer.Length > 0) System.Buffers.ArrayPool<double>.Shared.Return(buffer); });
        for (int j = 0; j < m; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = start[j]; i < start[j + 1]; i++) { if (lo[i] < min) min = lo[i]; if (hi[i] > max) max = hi[i]; }
            range[j] = min > max ? (double.NaN, double.NaN) : (min, max);
        }
    }

    /// <summary>
    /// Pass 2 with block-level parallelism: batches of blocks are summed in parallel (each block by one worker, indicators
    /// in order, so every pixel's sum is the same as sequentially); a batch is handed to the sink in block order on one
    /// thread while the next batch is computed.
    /// </summary>
    private static void SumConcurrent(IReadOnlyList<IRasterSource> indicators, IReadOnlyList<IndicatorDirection> directions, IReadOnlyList<double> weights,
        IRasterSink output, (double Min, double Max)[] range, int band, int outputBand, ParallelOptions parallel, RasterGrid grid, int bw, int bh)
    {
        int m = indicators.Count;
        var windows = RasterWindow.Blocks(grid.Width, grid.Height, bw, bh).ToArray();
        int batch = 4 * parallel.MaxDegreeOfParallelism;
        var slots = new double[2][][];
        for (int s = 0; s < 2; s++)
        {
            slots[s] = new double[Math.Min(batch, windows.Length)][];
            for (int k = 0; k < slots[s].Length; k++) slots[s][k] = new double[(long)bw * bh];
        }
        Task? writing = null;
        try
        {
            for (int b0 = 0, round = 0; b0 < windows.Length; b0 += batch, round++)
            {
                int first = b0, count = Math.Min(batch, windows.Length - b0);
                var slot = slots[round % 2];
                Parallel.For(0, count, parallel, () => Array.Empty<double>(), (k, _, buffer) =>
                {
                    var w = windows[first + k];
                    int len = (int)w.PixelCount;
                    if (buffer.Length < len)
                    {
                        if (buffer.Length > 0) System.Buffers.ArrayPool<double>.Shared.Return(buffer);
                        buffer = System.Buffers.ArrayPool<double>.Shared.Rent(len);
                    }
                    var sum = slot[k].AsSpan(0, len);
                    sum.Clear();
                    var x = buffer.AsSpan(0, len);
                    for (int j = 0; j < m; j++)
                    {
                        indicators[j].ReadWindow(band, w, x);
                        AddIndicator(sum, x, indicators[j].NoData, weights[j], range[j], directions[j]);
                    }
                    return buffer;
                }, buffer => { if (buffer.Length > 0) System.Buffers.ArrayPool<double>.Shared.Return(buffer); });
                // The previous batch must be written before this one (order) and before its slots are reused.
                writing?.GetAwaiter().GetResult();
                writing = Task.Run(() =>
                {
                    for (int k = 0; k < count; k++)
                        output.WriteWindow(outputBand, windows[first + k], slot[k].AsSpan(0, (int)windows[first + k].PixelCount));
                });
            }
            writing?.GetAwaiter().GetResult();
            writing = null;
        }
        finally
        {
            // On an error, let a batch still being written finish before the caller disposes the sink.
            if (writing is not null) try { writing.Wait(); } catch (AggregateException) { }
        }
    }

    /// <summary>
    /// sum += w·((x − min)/(max − min)) (or w·((max − x)/(max − min))), x = NaN where it equals <paramref name="noData"/>
    /// (NaN: no nodata), lane by lane with the same IEEE operations as the scalar form.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void AddScaled(Span<double> sum, ReadOnlySpan<double> x, double noData, double w, double min, double max, bool negative)
    {
        double range = max - min;
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            int n = System.Numerics.Vector<double>.Count;
            var vw = new System.Numerics.Vector<double>(w);
            var vmin = new System.Numerics.Vector<double>(min);
            var vmax = new System.Numerics.Vector<double>(max);
            var vr = new System.Numerics.Vector<double>(range);
            var vnd = new System.Numerics.Vector<double>(noData);
            var vnan = new System.Numerics.Vector<double>(double.NaN);
            for (; i <= x.Length - n; i += n)
            {
                var v = new System.Numerics.Vector<double>(x.Slice(i, n));
                v = System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.Equals(v, vnd), vnan, v);
                var t = negative ? (vmax - v) / vr : (v - vmin) / vr;
                (new System.Numerics.Vector<double>(sum.Slice(i, n)) + vw * t).CopyTo(sum.Slice(i, n));
            }
        }
        for (; i < x.Length; i++)
        {
            double v = x[i] == noData ? double.NaN : x[i];
            sum[i] += w * ((negative ? max - v : v - min) / range);
        }
    }

    /// <summary>Min and max of the valid pixels of one band, streamed block by block; (NaN, NaN) when none is valid.</summary>
    private static (double Min, double Max) MinMax(IRasterSource source, int band)
    {
        var (bw, bh) = source.BlockSize;
        var buffer = new double[(long)bw * bh];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var w in RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
        {
            var span = buffer.AsSpan(0, (int)w.PixelCount);
            source.ReadWindow(band, w, span);
            MinMaxOf(span, source.NoData, ref min, ref max);
        }
        return min > max ? (double.NaN, double.NaN) : (min, max);
    }

    /// <summary>Widens [min, max] by the valid values of <paramref name="span"/> (not NaN, not <paramref name="nd"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void MinMaxOf(ReadOnlySpan<double> span, double? nd, ref double min, ref double max)
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && span.Length >= 2 * System.Numerics.Vector<double>.Count)
        {
            int n = System.Numerics.Vector<double>.Count;
            var vmin = new System.Numerics.Vector<double>(double.PositiveInfinity);
            var vmax = new System.Numerics.Vector<double>(double.NegativeInfinity);
            var vnd = new System.Numerics.Vector<double>(nd ?? double.NaN);
            for (; i <= span.Length - n; i += n)
            {
                var v = new System.Numerics.Vector<double>(span.Slice(i, n));
                // valid = not NaN and not nodata (a NaN nodata compares unequal to everything, as in NoData.IsMissing)
                var valid = System.Numerics.Vector.Equals(v, v) & ~System.Numerics.Vector.Equals(v, vnd);
                vmin = System.Numerics.Vector.ConditionalSelect(valid, System.Numerics.Vector.Min(vmin, v), vmin);
                vmax = System.Numerics.Vector.ConditionalSelect(valid, System.Numerics.Vector.Max(vmax, v), vmax);
            }
            for (int k = 0; k < n; k++) { if (vmin[k] < min) min = vmin[k]; if (vmax[k] > max) max = vmax[k]; }
        }
        for (; i < span.Length; i++)
        {
            double v = span[i];
            if (NoData.IsMissing(v, nd)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
    }

    private static void CheckWeights(int count, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (count == 0) throw new ArgumentException("No indicators.");
        if (weights.Count != count) throw new ArgumentException($"{count} indicators but {weights.Count} weights.", nameof(weights));
        CombinedWeights.Check(weights, nameof(weights));
    }
}
