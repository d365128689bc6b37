using EcoNotebooks.Rasters;

namespace EcoNotebooks.Spatial;

/// <summary>A kriging prediction at one location.</summary>
/// <param name="X">X coordinate of the target.</param>
/// <param name="Y">Y coordinate of the target.</param>
/// <param name="Value">Predicted value ẑ(x₀) (gstat <c>var1.pred</c>).</param>
/// <param name="Variance">Ordinary kriging variance σ²(x₀) ≥ 0 (gstat <c>var1.var</c>), in squared units of z.</param>
public sealed record KrigingPrediction(double X, double Y, double Value, double Variance);

/// <summary>
/// Ordinary kriging with a fixed variogram model and a global neighbourhood (all data points), as gstat's
/// <c>krige(z ~ 1, locations = ~x + y, data, newdata, model)</c> without nmax/maxdist.
/// </summary>
/// <remarks>
/// With covariances C = [C(‖xᵢ − xⱼ‖)] (C(h) = sill − γ(h), C(0) = nugget + psill, so the nugget stays in the
/// prediction variance at unsampled points), c₀ = [C(‖xᵢ − x₀‖)] and 1 a vector of ones, the ordinary kriging system
/// [C 1; 1ᵀ 0][λ; μ] = [c₀; 1] is solved through the Cholesky factor C = LLᵀ, computed once in the constructor:
/// m̂ = 1ᵀC⁻¹z / 1ᵀC⁻¹1 (the GLS mean), ẑ(x₀) = m̂ + c₀ᵀC⁻¹(z − m̂1), and
/// σ²(x₀) = C(0) − c₀ᵀC⁻¹c₀ + (1 − 1ᵀC⁻¹c₀)² / 1ᵀC⁻¹1, which equals the OK variance C(0) − λᵀc₀ − μ.
/// Each target costs one triangular solve, O(n²). At a data location the prediction reproduces the datum and the
/// variance is 0 (exact interpolator, as gstat). Tiny negative variances from rounding are clamped to 0.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class OrdinaryKriging
{
    private readonly double[] _x, _y;
    private readonly double[] _chol;   // lower Cholesky factor of C, row-major n×n
    private readonly double[] _residualWeights; // C⁻¹(z − m̂1)
    private readonly double[] _onesSolved;      // C⁻¹1
    private readonly double _onesQuad;          // 1ᵀC⁻¹1
    private readonly int _n;

    /// <summary>Prepares kriging of <paramref name="z"/> at (<paramref name="x"/>, <paramref name="y"/>) with <paramref name="model"/>.</summary>
    /// <param name="x">X coordinates (same units as the model range); finite.</param>
    /// <param name="y">Y coordinates; finite.</param>
    /// <param name="z">Values; points with a missing value (NaN) are skipped.</param>
    /// <param name="model">A valid variogram model (<see cref="VariogramModel.Validate"/>).</param>
    /// <exception cref="ArgumentException">Fewer than 2 points with values, two points at the same location (the system would be singular; gstat fails the same way), or an invalid model.</exception>
    /// <exception cref="InvalidOperationException">The covariance matrix is numerically not positive definite (e.g. a Gaussian model without nugget and close points).</exception>
    public OrdinaryKriging(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z, VariogramModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model.Validate();
        var (px, py, pz) = SpatialPoints.Clean(x, y, z);
        if (px.Length < 2) throw new ArgumentException($"Ordinary kriging needs at least 2 points with values; got {px.Length}.", nameof(z));
        EnsureNoDuplicates(px, py);
        _x = px; _y = py; _n = px.Length;
        int n = _n;
        var c = new double[n * n];
        Parallel.For(0, n, i =>
        {
            for (int j = 0; j <= i; j++) c[i * n + j] = Model.Covariance(Distance(px[i], py[i], px[j], py[j]));
        });
        if (!CholeskyInPlace(c, n, out int failedAt))
            throw new InvalidOperationException(
                $"The kriging covariance matrix is not positive definite (pivot {failedAt}, point ({px[failedAt]}, {py[failedAt]})) with model {Model}; points may be too close for this model — add a nugget or remove near-duplicates.");
        _chol = c;
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        _onesSolved = Solve(ones);
        _onesQuad = _onesSolved.Sum();
        var w = Solve(pz);
        double oneW = w.Sum();
        Mean = oneW / _onesQuad;
        _residualWeights = new double[n];
        for (int i = 0; i < n; i++) _residualWeights[i] = w[i] - Mean * _onesSolved[i];
    }

    /// <summary>The variogram model used.</summary>
    public VariogramModel Model { get; }

    /// <summary>Number of data points used.</summary>
    public int PointCount => _n;

    /// <summary>Generalised least-squares estimate of the constant mean, m̂ = 1ᵀC⁻¹z / 1ᵀC⁻¹1.</summary>
    public double Mean { get; }

    /// <summary>Prediction and kriging variance at (<paramref name="x0"/>, <paramref name="y0"/>).</summary>
    /// <param name="x0">Target X.</param>
    /// <param name="y0">Target Y.</param>
    public KrigingPrediction Predict(double x0, double y0)
    {
        var c0 = new double[_n];
        var v = new double[_n];
        return Predict(x0, y0, c0, v);
    }

    /// <summary>Predictions at many targets (computed in parallel; the order of the input is kept).</summary>
    /// <param name="targets">Target coordinates.</param>
    public IReadOnlyList<KrigingPrediction> Predict(IReadOnlyList<(double X, double Y)> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var result = new KrigingPrediction[targets.Count];
        Parallel.For(0, targets.Count, () => (new double[_n], new double[_n]), (i, _, buf) =>
        {
            result[i] = Predict(targets[i].X, targets[i].Y, buf.Item1, buf.Item2);
            return buf;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// Predicts at every pixel centre of <paramref name="grid"/> (rows in parallel) and returns two float64 rasters
    /// on that grid: the prediction and the kriging variance. R: <c>krige(z ~ 1, pts, newdata = grid, model)</c>.
    /// </summary>
    /// <param name="grid">Target grid; coordinates of its pixel centres must be in the data's units.</param>
    public (Raster Prediction, Raster Variance) PredictGrid(RasterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate();
        int w = grid.Width, h = grid.Height;
        var pred = new double[(long)w * h];
        var variance = new double[(long)w * h];
        Parallel.For(0, h, () => (new double[_n], new double[_n]), (row, _, buf) =>
        {
            for (int col = 0; col < w; col++)
            {
                var (x0, y0) = grid.Transform.PixelCentre(col, row);
                var p = Predict(x0, y0, buf.Item1, buf.Item2);
                long k = (long)row * w + col;
                pred[k] = p.Value;
                variance[k] = p.Variance;
            }
            return buf;
        }, _ => { });
        return (Raster.FromArray(grid, pred), Raster.FromArray(grid, variance));
    }

    /// <summary>
    /// Predicts at every pixel centre of <paramref name="grid"/> without the kriging variance: O(n) per pixel instead of
    /// O(n²), for large grids where only the prediction is needed (values identical to
    /// <see cref="PredictGrid(RasterGrid)"/>'s prediction). R: <c>krige(z ~ 1, pts, grid, model)$var1.pred</c>.
    /// </summary>
    /// <param name="grid">Target grid; coordinates of its pixel centres must be in the data's units.</param>
    public Raster PredictGridValues(RasterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate();
        int w = grid.Width, h = grid.Height, n = _n;
        var pred = new double[(long)w * h];
        Parallel.For(0, h, row =>
        {
            for (int col = 0; col < w; col++)
            {
                var (x0, y0) = grid.Transform.PixelCentre(col, row);
                double p = Mean;
                for (int i = 0; i < n; i++) p += Model.Covariance(Distance(_x[i], _y[i], x0, y0)) * _residualWeights[i];
                pred[(long)row * w + col] = double.IsFinite(x0) && double.IsFinite(y0) ? p : double.NaN;
            }
        });
        return Raster.FromArray(grid, pred);
    }

    private KrigingPrediction Predict(double x0, double y0, double[] c0, double[] v)
    {
        if (!double.IsFinite(x0) || !double.IsFinite(y0))
            return new KrigingPrediction(x0, y0, double.NaN, double.NaN);
        int n = _n;
        double pred = Mean, oneC = 0;
        for (int i = 0; i < n; i++)
        {
            double ci = Model.Covariance(Distance(_x[i], _y[i], x0, y0));
            c0[i] = ci;
            pred += ci * _residualWeights[i];
            oneC += ci * _onesSolved[i];
        }
        // v = L⁻¹c₀, so c₀ᵀC⁻¹c₀ = ‖v‖².
        double quad = 0;
        var chol = _chol.AsSpan();
        for (int i = 0; i < n; i++)
        {
            int row = i * n;
            double s = (c0[i] - Dot(chol.Slice(row, i), v.AsSpan(0, i))) / _chol[row + i];
            v[i] = s;
            quad += s * s;
        }
        double r = 1 - oneC;
        double variance = Model.Sill - quad + r * r / _onesQuad;
        return new KrigingPrediction(x0, y0, pred, Math.Max(0, variance));
    }

    private double[] Solve(double[] b)
    {
        int n = _n;
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) s -= _chol[row + k] * v[k];
            v[i] = s / _chol[row + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = v[i];
            for (int k = i + 1; k < n; k++) s -= _chol[k * n + i] * v[k];
            v[i] = s / _chol[i * n + i];
        }
        return v;
    }

    /// <summary>Dot product with System.Numerics.Vector (SIMD) for the triangular solves.</summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0;
        double sum = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= 2 * System.Numerics.Vector<double>.Count)
        {
            var acc = System.Numerics.Vector<double>.Zero;
            int w = System.Numerics.Vector<double>.Count;
            for (; i <= a.Length - w; i += w)
                acc += new System.Numerics.Vector<double>(a.Slice(i, w)) * new System.Numerics.Vector<double>(b.Slice(i, w));
            sum = System.Numerics.Vector.Sum(acc);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Distance(double x1, double y1, double x2, double y2)
    {
        double dx = x1 - x2, dy = y1 - y2;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>In-place lower Cholesky factorisation of a symmetric matrix whose lower triangle is filled (row-major).</summary>
    private static bool CholeskyInPlace(double[] a, int n, out int failedAt)
    {
        for (int j = 0; j < n; j++)
        {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
            if (!(d > 0)) { failedAt = j; return false; }
            d = Math.Sqrt(d);
            a[rj + j] = d;
            // Rows below j are independent given rows ≤ j: parallelise for large systems.
            if (n - j > 256)
                Parallel.For(j + 1, n, i => Eliminate(a, n, i, j, d));
            else
                for (int i = j + 1; i < n; i++) Eliminate(a, n, i, j, d);
        }
        failedAt = -1;
        return true;
    }

    private static void Eliminate(double[] a, int n, int i, int j, double d)
    {
        int ri = i * n, rj = j * n;
        double s = a[ri + j];
        for (int k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
        a[ri + j] = s / d;
    }

    private static void EnsureNoDuplicates(double[] x, double[] y)
    {
        var seen = new Dictionary<(double, double), int>(x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            // +0.0 normalises −0 so that (−0, 1) and (0, 1) are recognised as the same location.
            var key = (x[i] + 0.0, y[i] + 0.0);
            if (seen.TryGetValue(key, out int first))
                throw new ArgumentException(
                    FormattableString.Invariant($"Points {first} and {i} (0-based, after dropping missing values) share the location ({x[i]}, {y[i]}); kriging needs distinct locations — average or remove duplicates."), nameof(x));
            seen[key] = i;
        }
    }
}
