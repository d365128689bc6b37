using System.Runtime.CompilerServices;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Learning;

/// <summary>
/// Breiman's random forest for regression, grown as R's <c>randomForest(y ~ ., data)</c> grows it: per tree a bootstrap
/// sample of n cases drawn with replacement, unpruned CART trees (<see cref="RegressionTree"/>) with mtry = max(⌊p/3⌋, 1)
/// features tried per split, nodes of more than <c>nodesize</c> = 5 cases split on the largest RSS decrease, leaves
/// predicting the mean; the forest predicts the mean over trees. Out-of-bag (OOB) predictions, OOB MSE, "% Var
/// explained", permutation importance (%IncMSE) and IncNodePurity follow randomForest's definitions (see each member).
/// </summary>
/// <remarks>
/// <para>Reference: Breiman, L. (2001) Random forests. Machine Learning 45, 5–32; Liaw &amp; Wiener (2002) R News 2/3
/// (package randomForest). R: <c>set.seed(s); rf &lt;- randomForest(y ~ ., data = d, ntree = 500, importance = TRUE)</c>;
/// <c>tail(rf$mse, 1)</c> = <see cref="OobMse"/>, <c>tail(rf$rsq, 1)</c> = <see cref="OobRSquared"/>,
/// <c>importance(rf, type = 1)</c> = <see cref="FeatureImportance.IncMse"/>, <c>importance(rf, type = 2)</c> =
/// <see cref="FeatureImportance.IncNodePurity"/>. Python: sklearn's RandomForestRegressor(max_features=1/3,
/// min_samples_split=6) is close but not identical (its OOB score and importances are defined differently).</para>
/// <para>Determinism: tree t draws its bootstrap sample, its split candidates and its importance permutations from its
/// own xoshiro256** stream seeded from (<see cref="RandomForestOptions.Seed"/>, t) (SplitMix64 seeding), and per-tree
/// results are combined in tree order, so a seed gives bit-identical results for any degree of parallelism. R's random
/// stream is not reproduced: results agree with randomForest in distribution (OOB R² to about ±0.01 on 1,000 rows),
/// not digit for digit.</para>
/// <para>Missing data: NaN is not allowed in the training data (as randomForest's "NA not permitted in predictors");
/// a case with a NaN feature predicts NaN.</para>
/// </remarks>
public sealed class RandomForestRegression
{
    private readonly RegressionTree[] _trees;
    private readonly int[][] _inBag;
    private readonly double[] _oobPredictions;
    private readonly int[] _oobCounts;
    private readonly FeatureImportance[] _importance;
    private readonly string[] _featureNames;

    private RandomForestRegression(RandomForestOptions options, string[] featureNames, int mtry, RegressionTree[] trees, int[][] inBag,
        double[] oobPredictions, int[] oobCounts, double oobMse, double oobRSquared, FeatureImportance[] importance, int rows)
    {
        Options = options; _featureNames = featureNames; Mtry = mtry; _trees = trees; _inBag = inBag;
        _oobPredictions = oobPredictions; _oobCounts = oobCounts; OobMse = oobMse; OobRSquared = oobRSquared;
        _importance = importance; TrainingRowCount = rows;
    }

    /// <summary>The options the forest was grown with.</summary>
    public RandomForestOptions Options { get; }

    /// <summary>Feature names, in column order (the order <see cref="Predict(ReadOnlySpan{double})"/> expects).</summary>
    public IReadOnlyList<string> FeatureNames => Array.AsReadOnly(_featureNames);

    /// <summary>Number of features p.</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>Features tried per split (the resolved <see cref="RandomForestOptions.Mtry"/>).</summary>
    public int Mtry { get; }

    /// <summary>Number of training rows n.</summary>
    public int TrainingRowCount { get; }

    /// <summary>The trees, in index order.</summary>
    public IReadOnlyList<RegressionTree> Trees => Array.AsReadOnly(_trees);

    /// <summary>
    /// How many times each training row was drawn into the sample of tree <paramref name="tree"/> (0 = out of bag for that
    /// tree); R: <c>rf$inbag[, tree + 1]</c> with <c>keep.inbag = TRUE</c>.
    /// </summary>
    /// <param name="tree">0-based tree index.</param>
    public IReadOnlyList<int> InBagCounts(int tree)
    {
        if (tree < 0 || tree >= _trees.Length) throw new ArgumentOutOfRangeException(nameof(tree), tree, $"The forest has {_trees.Length} trees.");
        return Array.AsReadOnly(_inBag[tree]);
    }

    /// <summary>
    /// OOB prediction per training row (R: <c>rf$predicted</c>): mean of the predictions of the trees whose sample did not
    /// contain the row; NaN for a row that was in every tree's sample.
    /// </summary>
    public IReadOnlyList<double> OobPredictions => Array.AsReadOnly(_oobPredictions);

    /// <summary>Number of trees for which each training row was out of bag (R: <c>rf$oob.times</c>).</summary>
    public IReadOnlyList<int> OobCounts => Array.AsReadOnly(_oobCounts);

    /// <summary>Rows with at least one OOB prediction (the rows <see cref="OobMse"/> averages over).</summary>
    public int OobRowCount => _oobCounts.Count(c => c > 0);

    /// <summary>
    /// OOB mean squared error (squared response units; R: <c>tail(rf$mse, 1)</c>): mean of (yᵢ − ŷᵢ^OOB)² over rows with
    /// at least one OOB prediction; NaN when there is none (e.g. sampling without replacement of all n rows).
    /// </summary>
    public double OobMse { get; }

    /// <summary>
    /// Pseudo R² ("% Var explained" / 100; R: <c>tail(rf$rsq, 1)</c>) = 1 − OobMse / (var(y)·(n − 1)/n), i.e. with the
    /// population variance of all n responses. Can be negative for a useless model.
    /// </summary>
    public double OobRSquared { get; }

    /// <summary>
    /// Importance of each feature, in column order (see <see cref="FeatureImportance"/>). %IncMSE fields are NaN when
    /// <see cref="RandomForestOptions.ComputeImportance"/> was false.
    /// </summary>
    public IReadOnlyList<FeatureImportance> Importance => Array.AsReadOnly(_importance);

    /// <summary>Grows a forest on a row-major matrix.</summary>
    /// <param name="x">Features: x[i, j] = feature j of row i; n ≥ 2 rows, p ≥ 1 columns, no NaN.</param>
    /// <param name="y">Response per row, length n, no NaN.</param>
    /// <param name="options">Settings; null for randomForest's defaults.</param>
    /// <param name="featureNames">p names, or null for x1 … xp.</param>
    public static RandomForestRegression Fit(double[,] x, double[] y, RandomForestOptions? options = null, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), p = x.GetLength(1);
        var columns = new double[p][];
        for (int j = 0; j < p; j++)
        {
            columns[j] = new double[n];
            for (int i = 0; i < n; i++) columns[j][i] = x[i, j];
        }
        return FitColumns(columns, y, options, featureNames);
    }

    /// <summary>Grows a forest on column-major data.</summary>
    /// <param name="columns">p ≥ 1 feature columns of equal length n ≥ 2 (columns[j][i] = feature j of row i), no NaN. Not modified.</param>
    /// <param name="y">Response per row, length n, no NaN.</param>
    /// <param name="options">Settings; null for randomForest's defaults.</param>
    /// <param name="featureNames">p names, or null for x1 … xp.</param>
    public static RandomForestRegression Fit(IReadOnlyList<double[]> columns, double[] y, RandomForestOptions? options = null, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return FitColumns(columns.Select(c => (double[])(c ?? throw new ArgumentException("A feature column is null.", nameof(columns))).Clone()).ToArray(), y, options, featureNames);
    }

    /// <summary>
    /// Grows a forest on a table: <paramref name="target"/> is the response, <paramref name="features"/> the predictors
    /// (null: every other numeric column, in table order), as <c>randomForest(target ~ ., data)</c>.
    /// </summary>
    public static RandomForestRegression Fit(DataFrame table, string target, IEnumerable<string>? features = null, RandomForestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var y = CsvTable.NumericColumn(table, target);
        var names = features?.ToArray() ?? table.Columns
            .Where(c => c.Name != target && c is DoubleDataFrameColumn or PrimitiveDataFrameColumn<float> or PrimitiveDataFrameColumn<int>)
            .Select(c => c.Name).ToArray();
        if (names.Length == 0) throw new ArgumentException($"No numeric feature columns besides the target '{target}'.", nameof(features));
        var cols = names.Select(nm => CsvTable.NumericColumn(table, nm)).ToArray();
        return FitColumns(cols, y, options, names);
    }

    private static RandomForestRegression FitColumns(double[][] columns, double[] y, RandomForestOptions? options, IReadOnlyList<string>? featureNames)
    {
        ArgumentNullException.ThrowIfNull(y);
        var o = options ?? new RandomForestOptions();
        o.Validate();
        int p = columns.Length;
        if (p < 1) throw new ArgumentException("At least one feature column is needed.", nameof(columns));
        int n = y.Length;
        if (n < 2) throw new ArgumentException($"At least 2 rows are needed; got {n}.", nameof(y));
        for (int j = 0; j < p; j++)
            if (columns[j].Length != n)
                throw new ArgumentException($"Feature column {j} has {columns[j].Length} values but y has {n}.", nameof(columns));
        string[] names = featureNames?.ToArray() ?? Enumerable.Range(1, p).Select(j => "x" + j).ToArray();
        if (names.Length != p) throw new ArgumentException($"{names.Length} feature names given for {p} features.", nameof(featureNames));
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(y[i])) throw new ArgumentException($"y[{i}] is {y[i]}; the response must be finite (no missing values).", nameof(y));
        for (int j = 0; j < p; j++)
            for (int i = 0; i < n; i++)
                if (!double.IsFinite(columns[j][i]))
                    throw new ArgumentException($"Feature '{names[j]}' row {i} is {columns[j][i]}; features must be finite (no missing values).", nameof(columns));

        int mtry = o.Mtry ?? Math.Max(p / 3, 1);
        if (mtry > p) throw new ArgumentOutOfRangeException(nameof(options), mtry, $"Mtry {mtry} exceeds the number of features {p}.");
        int sampleSize = o.SampleSize ?? (o.Replace ? n : (int)Math.Ceiling(0.632 * n));
        if (!o.Replace && sampleSize > n)
            throw new ArgumentOutOfRangeException(nameof(options), sampleSize, $"SampleSize {sampleSize} exceeds the {n} rows when sampling without replacement.");
        int maxTotalNodes = o.MaxNodes is int mx ? 2 * mx - 1 : int.MaxValue;

        var ranks = columns.Select(RegressionTree.DenseRanks).ToArray();
        var order = ranks.Select(RegressionTree.SortedOrder).ToArray();
        var results = new TreeResult[o.Trees];
        var po = new ParallelOptions { MaxDegreeOfParallelism = o.DegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, o.Trees, po, () => new RegressionTree.GrowBuffers(), (t, _, buffers) =>
        {
            results[t] = GrowOne(columns, ranks, order, y, o, t, mtry, sampleSize, maxTotalNodes, buffers);
            return buffers;
        }, _ => { });

        // Combine in tree order (deterministic regardless of scheduling).
        var oobSum = new double[n];
        var oobCount = new int[n];
        var delta = new double[p];
        var delta2 = new double[p];
        var purity = new double[p];
        foreach (var r in results)
        {
            for (int k = 0; k < r.OobRows.Length; k++) { oobSum[r.OobRows[k]] += r.OobPredictions[k]; oobCount[r.OobRows[k]]++; }
            if (r.Delta is not null)
                for (int j = 0; j < p; j++) { delta[j] += r.Delta[j]; delta2[j] += r.Delta[j] * r.Delta[j]; }
            r.Tree.AddImpurityDecrease(purity);
        }
        var oobPred = new double[n];
        double sse = 0; int rowsOob = 0;
        for (int i = 0; i < n; i++)
        {
            if (oobCount[i] == 0) { oobPred[i] = double.NaN; continue; }
            oobPred[i] = oobSum[i] / oobCount[i];
            double e = y[i] - oobPred[i];
            sse += e * e; rowsOob++;
        }
        double mse = rowsOob > 0 ? sse / rowsOob : double.NaN;
        double mean = y.Average();
        double popVar = y.Sum(v => (v - mean) * (v - mean)) / n;
        double rsq = 1 - mse / popVar;

        int trees = o.Trees;
        var importance = new FeatureImportance[p];
        for (int j = 0; j < p; j++)
        {
            double inc = double.NaN, se = double.NaN, scaled = double.NaN;
            if (o.ComputeImportance)
            {
                inc = delta[j] / trees;
                se = Math.Sqrt(Math.Max(0, (delta2[j] / trees - inc * inc) / trees));
                scaled = inc / (se < MachineEpsilon ? 1 : se);
            }
            importance[j] = new FeatureImportance(names[j], j, scaled, inc, se, purity[j] / trees);
        }
        return new RandomForestRegression(o, names, mtry, results.Select(r => r.Tree).ToArray(), results.Select(r => r.InBag).ToArray(), oobPred, oobCount, mse, rsq, importance, n);
    }

    /// <summary>R's .Machine$double.eps (2⁻⁵²), the threshold below which importance() does not divide by the SD.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private sealed record TreeResult(RegressionTree Tree, int[] InBag, int[] OobRows, double[] OobPredictions, double[]? Delta);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: skip tier-0 code and on-stack replacement
    private static TreeResult GrowOne(double[][] columns, int[][] ranks, int[][] order, double[] y, RandomForestOptions o, int t, int mtry, int sampleSize, int maxTotalNodes,
        RegressionTree.GrowBuffers buffers)
    {
        int n = y.Length, p = columns.Length;
        var rng = Xoshiro256StarStar.ForStream(o.Seed, t);
        var inBag = new int[n];
        var sample = new int[sampleSize];
        if (o.Replace)
        {
            for (int k = 0; k < sampleSize; k++) { int r = rng.NextInt(n); sample[k] = r; inBag[r]++; }
        }
        else
        {
            var pool = Enumerable.Range(0, n).ToArray();
            int last = n - 1;
            for (int k = 0; k < sampleSize; k++)
            {
                int pick = rng.NextInt(last + 1);
                int r = pool[pick]; pool[pick] = pool[last]; pool[last] = r; last--;
                sample[k] = r; inBag[r]++;
            }
        }
        var tree = RegressionTree.Grow(columns, ranks, order, y, sample, mtry, o.NodeSize, maxTotalNodes, rng, buffers);

        int nOob = 0;
        for (int i = 0; i < n; i++) if (inBag[i] == 0) nOob++;
        var oobRows = new int[nOob];
        for (int i = 0, k = 0; i < n; i++) if (inBag[i] == 0) oobRows[k++] = i;

        // The OOB cases row-major (one contiguous row per case while walking the tree), their predictions, and per case
        // and feature the first node on its path that splits on the feature.
        var oobX = buffers.OobX(nOob * p);
        for (int j = 0; j < p; j++)
        {
            var col = columns[j];
            for (int k = 0; k < nOob; k++) oobX[k * p + j] = col[oobRows[k]];
        }
        var firstSplit = buffers.FirstSplit(nOob * p);
        var oobPred = new double[nOob];
        tree.PredictWithFirstSplits(oobX, oobPred, firstSplit);
        double oobErr = 0;
        for (int k = 0; k < nOob; k++)
        {
            double e = oobPred[k] - y[oobRows[k]];
            oobErr += e * e;
        }

        double[]? delta = null;
        if (o.ComputeImportance)
        {
            delta = new double[p];
            if (nOob > 0)
            {
                var permuted = buffers.Permuted(nOob);
                for (int j = 0; j < p; j++)
                {
                    if (!tree.Uses(j)) continue; // δ = 0 exactly: the predictions cannot change
                    var col = columns[j];
                    for (int k = 0; k < nOob; k++) permuted[k] = col[oobRows[k]];
                    // Fisher–Yates as randomForest's permuteOOB.
                    for (int last = nOob; last > 1; last--)
                    {
                        int k = rng.NextInt(last);
                        (permuted[last - 1], permuted[k]) = (permuted[k], permuted[last - 1]);
                    }
                    // A case whose path never splits on j keeps its prediction; the others resume at the first node on j.
                    double permErr = 0;
                    for (int k = 0; k < nOob; k++)
                    {
                        int node = firstSplit[k * p + j];
                        double pred = node < 0 ? oobPred[k] : tree.PredictFrom(node, oobX.AsSpan(k * p, p), j, permuted[k]);
                        double e = pred - y[oobRows[k]];
                        permErr += e * e;
                    }
                    delta[j] = (permErr - oobErr) / nOob;
                }
            }
        }
        return new TreeResult(tree, inBag, oobRows, oobPred, delta);
    }

    /// <summary>Forest prediction for one case: the mean of the tree predictions; NaN if any feature is NaN.</summary>
    /// <param name="row">The p feature values in <see cref="FeatureNames"/> order.</param>
    public double Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
            throw new ArgumentException($"The row has {row.Length} values but the forest has {FeatureCount} features ({string.Join(", ", _featureNames)}).", nameof(row));
        foreach (var v in row) if (double.IsNaN(v)) return double.NaN;
        double sum = 0;
        foreach (var t in _trees) sum += t.PredictUnchecked(row);
        return sum / _trees.Length;
    }

    /// <summary>Cases per block of <see cref="PredictBlock"/>: the block's rows and sums stay in L1 while each tree walks them.</summary>
    private const int PredictionBlock = 256;

    /// <summary>
    /// Forest predictions of the cases stored row-major in <paramref name="x"/> (case i = x[i·p .. i·p + p)) into
    /// <paramref name="result"/> (one per case; NaN if the case has a NaN value). Tree-major over the block, so each
    /// tree's nodes stay in cache across the cases; per case the trees are summed in index order, exactly as
    /// <see cref="Predict(ReadOnlySpan{double})"/>.
    /// </summary>
    private void PredictBlock(ReadOnlySpan<double> x, Span<double> result)
    {
        int p = FeatureCount;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = 0;
            foreach (var v in x.Slice(i * p, p)) if (double.IsNaN(v)) { result[i] = double.NaN; break; }
        }
        foreach (var t in _trees)
            for (int i = 0; i < result.Length; i++)
                if (!double.IsNaN(result[i])) result[i] += t.PredictUnchecked(x.Slice(i * p, p));
        for (int i = 0; i < result.Length; i++) result[i] /= _trees.Length;
    }

    /// <summary>Forest predictions for each row of <paramref name="x"/> (rows × p, row-major), in parallel over blocks of rows (R: <c>predict(rf, newdata)</c>).</summary>
    public double[] Predict(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (p != FeatureCount) throw new ArgumentException($"The matrix has {p} columns but the forest has {FeatureCount} features.", nameof(x));
        var result = new double[n];
        int blocks = (n + PredictionBlock - 1) / PredictionBlock;
        Parallel.For(0, blocks, ParallelOptionsFor(), () => new double[PredictionBlock * p], (b, _, rows) =>
        {
            int i0 = b * PredictionBlock, count = Math.Min(PredictionBlock, n - i0);
            for (int i = 0; i < count; i++)
                for (int j = 0; j < p; j++) rows[i * p + j] = x[i0 + i, j];
            PredictBlock(rows.AsSpan(0, count * p), result.AsSpan(i0, count));
            return rows;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// Predicts over a stack of driver rasters into a new single-band float64 raster (NaN = missing). See
    /// <see cref="PredictRaster(IReadOnlyList{IRasterSource}, IRasterSink, int)"/>.
    /// </summary>
    public Raster PredictRaster(IReadOnlyList<IRasterSource> drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        if (drivers.Count == 0) throw new ArgumentException("No driver rasters given.", nameof(drivers));
        var output = Raster.Create(drivers[0].Grid, PixelType.Float64);
        PredictRaster(drivers, output);
        return output;
    }

    /// <summary>
    /// Predicts pixel by pixel over driver rasters on one grid: driver j (band 0) supplies feature j
    /// (<see cref="FeatureNames"/> order). A pixel missing (NaN or nodata) in any driver gives NaN. Reads strips of rows
    /// sequentially (the sources need not be thread-safe) and predicts each strip in parallel over rows, tree-major over
    /// blocks of 256 pixels (bit-identical to <see cref="Predict(ReadOnlySpan{double})"/> per pixel).
    /// </summary>
    /// <param name="drivers">p rasters on one grid, in feature order.</param>
    /// <param name="output">Destination on the same grid (a floating-point type keeps NaN).</param>
    /// <param name="outputBand">0-based band of <paramref name="output"/> to write.</param>
    public void PredictRaster(IReadOnlyList<IRasterSource> drivers, IRasterSink output, int outputBand = 0)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(output);
        if (drivers.Count != FeatureCount)
            throw new ArgumentException($"{drivers.Count} driver rasters given but the forest has {FeatureCount} features ({string.Join(", ", _featureNames)}).", nameof(drivers));
        if (outputBand < 0 || outputBand >= output.BandCount)
            throw new ArgumentOutOfRangeException(nameof(outputBand), outputBand, $"The output has {output.BandCount} band(s).");
        var grid = drivers[0].Grid;
        for (int j = 1; j < drivers.Count; j++) grid.EnsureSameGrid(drivers[j].Grid, $"driver 0 ({_featureNames[0]})", $"driver {j} ({_featureNames[j]})");
        grid.EnsureSameGrid(output.Grid, $"driver 0 ({_featureNames[0]})", "output");

        int width = grid.Width, height = grid.Height, p = FeatureCount;
        int stripRows = Math.Max(1, Math.Min(height, (1 << 18) / width));
        var bands = new double[p][];
        for (int j = 0; j < p; j++) bands[j] = new double[stripRows * width]; // ≤ max(width, 2^18) pixels
        var result = new double[stripRows * width];
        var po = ParallelOptionsFor();
        for (int y0 = 0; y0 < height; y0 += stripRows)
        {
            int rows = Math.Min(stripRows, height - y0);
            var window = new RasterWindow(0, y0, width, rows);
            int count = rows * width;
            for (int j = 0; j < p; j++)
            {
                var span = bands[j].AsSpan(0, count);
                drivers[j].ReadWindow(0, window, span);
                NoData.ToNaN(span, drivers[j].NoData);
            }
            Parallel.For(0, rows, po, () => new double[PredictionBlock * p], (r, _, block) =>
            {
                for (int c0 = 0; c0 < width; c0 += PredictionBlock)
                {
                    int count = Math.Min(PredictionBlock, width - c0), k0 = r * width + c0;
                    for (int j = 0; j < p; j++)
                    {
                        var band = bands[j];
                        for (int i = 0; i < count; i++) block[i * p + j] = band[k0 + i];
                    }
                    PredictBlock(block.AsSpan(0, count * p), result.AsSpan(k0, count));
                }
                return block;
            }, _ => { });
            output.WriteWindow(outputBand, window, result.AsSpan(0, count));
        }
    }

    private ParallelOptions ParallelOptionsFor() => new() { MaxDegreeOfParallelism = Options.DegreeOfParallelism ?? Environment.ProcessorCount };
}
