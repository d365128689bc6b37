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
    /// size runs in memory of about two blocks per indicator read. The caller completes the sink. NaN is written
    /// where any indicator is missing (a sink with an integer type stores its nodata there, as it does for NaN).
    /// </summary>
    /// <param name="indicators">Raw indicator rasters (band <paramref name="band"/> of each), same grid.</param>
    /// <param name="directions">Direction of each indicator.</param>
    /// <param name="weights">Weight of each indicator, finite, ≥ 0.</param>
    /// <param name="output">Sink on the indicators' grid receiving P in band <paramref name="outputBand"/>.</param>
    /// <param name="ranges">Optional fixed (min, max) per indicator; null to use each raster's own range (one extra streamed pass).</param>
    /// <param name="band">0-based band read from every raster.</param>
    /// <param name="outputBand">0-based band of <paramref name="output"/> written.</param>
    /// <param name="degreeOfParallelism">Indicators read (decoded) at the same time, 1 = sequential. Above 1, each
    /// source is read by one thread at a time but different sources concurrently, so use it only when the sources do not
    /// share state (e.g. one <see cref="IO.GeoTiff.GeoTiffReader"/> per file); the same instance listed twice is read
    /// sequentially. The result is identical for every value (indicators are summed in order).</param>
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
        bool distinct = indicators.Distinct(ReferenceEqualityComparer.Instance).Count() == m;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = distinct ? Math.Min(degreeOfParallelism, m) : 1 };
        var range = new (double Min, double Max)[m];
        if (ranges is not null) for (int j = 0; j < m; j++) range[j] = ranges[j];
        else Parallel.For(0, m, parallel, j => range[j] = MinMax(indicators[j], band));
        var constant = Enumerable.Range(0, range.Length).Where(j => MinMaxNormalisation.IsConstant(range[j].Min, range[j].Max)).ToArray();

        var (bw, bh) = indicators[0].BlockSize;
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
                Parallel.For(0, m, parallel, j =>
                {
                    var span = bufs[j].AsSpan(0, len);
                    indicators[j].ReadWindow(band, w, span);
                    NoData.ToNaN(span, indicators[j].NoData);
                });
            for (int j = 0; j < m; j++)
            {
                var span = bufs[bufs.Length > 1 ? j : 0].AsSpan(0, len);
                if (bufs.Length == 1)
                {
                    indicators[j].ReadWindow(band, w, span);
                    NoData.ToNaN(span, indicators[j].NoData);
                }
                var (min, max) = range[j];
                double wj = weights[j];
                // Same arithmetic as MinMaxNormalisation.Normalise, with the direction hoisted out of the pixel loop.
                if (MinMaxNormalisation.IsConstant(min, max))
                    for (int i = 0; i < len; i++) sum[i] += double.IsNaN(span[i]) ? double.NaN : wj * 0.0;
                else if (directions[j] == IndicatorDirection.Positive)
                    AddScaled(sum, span, wj, min, max, negative: false);
                else if (directions[j] == IndicatorDirection.Negative)
                    AddScaled(sum, span, wj, min, max, negative: true);
                else throw new ArgumentOutOfRangeException(nameof(directions), directions[j], $"Unknown direction of indicator {j}.");
            }
            output.WriteWindow(outputBand, w, sum);
        }
        return (range, constant);
    }

    /// <summary>sum += w·((x − min)/(max − min)) (or w·((max − x)/(max − min))), lane by lane with the same IEEE operations as the scalar form.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void AddScaled(Span<double> sum, ReadOnlySpan<double> x, double w, double min, double max, bool negative)
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
            for (; i <= x.Length - n; i += n)
            {
                var v = new System.Numerics.Vector<double>(x.Slice(i, n));
                var t = negative ? (vmax - v) / vr : (v - vmin) / vr;
                (new System.Numerics.Vector<double>(sum.Slice(i, n)) + vw * t).CopyTo(sum.Slice(i, n));
            }
        }
        for (; i < x.Length; i++) sum[i] += w * ((negative ? max - x[i] : x[i] - min) / range);
    }

    /// <summary>Min and max of the valid pixels of one band, streamed block by block; (NaN, NaN) when none is valid.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (double Min, double Max) MinMax(IRasterSource source, int band)
    {
        var (bw, bh) = source.BlockSize;
        var buffer = new double[(long)bw * bh];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double? nd = source.NoData;
        foreach (var w in RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
        {
            var span = buffer.AsSpan(0, (int)w.PixelCount);
            source.ReadWindow(band, w, span);
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
        return min > max ? (double.NaN, double.NaN) : (min, max);
    }

    private static void CheckWeights(int count, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (count == 0) throw new ArgumentException("No indicators.");
        if (weights.Count != count) throw new ArgumentException($"{count} indicators but {weights.Count} weights.", nameof(weights));
        CombinedWeights.Check(weights, nameof(weights));
    }
}
