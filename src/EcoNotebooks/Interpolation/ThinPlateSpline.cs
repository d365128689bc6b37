using MathNet.Numerics.LinearAlgebra;

namespace EcoNotebooks.Interpolation;

/// <summary>
/// Partial thin-plate smoothing spline in two dimensions with linear covariates (the ANUSPLIN model of Hutchinson 1995
/// as used for climate surfaces with elevation as a covariate):
/// f(x, y, e) = a₀ + a₁x + a₂y + Σₖ bₖ eₖ + Σᵢ wᵢ E(‖(x, y) − (xᵢ, yᵢ)‖), E(r) = r² ln r / (8π),
/// minimising (1/n) Σ (zᵢ − f)² + λ J₂(f) with J₂ the thin-plate bending energy. Solution: (K + nλI) w + T a = z,
/// Tᵀ w = 0 with T = [1, x, y, e…]. λ is given, or chosen by generalised cross-validation (Craven &amp; Wahba 1979):
/// GCV(λ) = n‖(I − A)z‖² / tr(I − A)², computed from the eigen-decomposition of Q₂ᵀ K Q₂ (Q₂ spans the null space of Tᵀ),
/// searched on a log grid then refined by golden section. λ = 0 interpolates. Coordinates are centred and scaled
/// internally by s = 1/max(sd x, sd y) for conditioning; the fitted function does not change, and λ is reported in the
/// caller's units (λ = λₛ / s², because the r² ln s term of E(s·r) is absorbed by the linear part).
/// Any field that is linear in x, y and the covariates is reproduced exactly (w = 0) for every λ.
/// Equivalents: R <c>fields::Tps(cbind(x, y), z, Z = elev)</c> (same model, λ scaled differently);
/// scipy <c>RBFInterpolator(kernel="thin_plate_spline", degree=1, smoothing=8πnλ)</c> without covariates.
/// </summary>
public sealed class ThinPlateSpline
{
    private readonly double[] _x, _y, _w, _a;
    private readonly double _cx, _cy, _s;
    private readonly int _p;

    private ThinPlateSpline(double[] x, double[] y, double[] w, double[] a, double cx, double cy, double s, int covariates, double lambda, double gcv, double edf)
    {
        _x = x; _y = y; _w = w; _a = a; _cx = cx; _cy = cy; _s = s; _p = covariates; Lambda = lambda; Gcv = gcv; EffectiveDegreesOfFreedom = edf;
    }

    /// <summary>The smoothing parameter λ used (chosen by GCV unless given).</summary>
    public double Lambda { get; }
    /// <summary>GCV score at <see cref="Lambda"/> (NaN when λ = 0).</summary>
    public double Gcv { get; }
    /// <summary>Trace of the influence matrix A(λ) (the "signal" of ANUSPLIN).</summary>
    public double EffectiveDegreesOfFreedom { get; }
    /// <summary>Coefficients of the linear part: a₀, a₁, a₂ (for the internally centred and scaled x and y), then one per covariate (in the covariate's own units).</summary>
    public IReadOnlyList<double> LinearCoefficients => _a;
    /// <summary>Number of covariates.</summary>
    public int CovariateCount => _p;

    /// <summary>E(r) = r² ln r / (8π), 0 at r = 0.</summary>
    public static double Kernel(double r) => r > 0 ? r * r * Math.Log(r) / (8 * Math.PI) : 0;

    /// <summary>Fits the spline.</summary>
    /// <param name="x">Station x.</param>
    /// <param name="y">Station y.</param>
    /// <param name="covariates">Per station, its covariate values (e.g. [elevation]); null or empty rows for none.</param>
    /// <param name="z">Values.</param>
    /// <param name="lambda">λ ≥ 0, or null to choose by GCV.</param>
    public static ThinPlateSpline Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double[]>? covariates, IReadOnlyList<double> z, double? lambda = null)
    {
        ArgumentNullException.ThrowIfNull(x); ArgumentNullException.ThrowIfNull(y); ArgumentNullException.ThrowIfNull(z);
        int n = x.Count;
        if (y.Count != n || z.Count != n || (covariates is not null && covariates.Count != n))
            throw new ArgumentException($"x, y, z (and covariates) must have the same length; got {n}, {y.Count}, {z.Count}{(covariates is null ? "" : ", " + covariates.Count)}.");
        int p = covariates is null || n == 0 ? 0 : covariates[0].Length;
        int m = 3 + p;
        if (n < m + 1) throw new ArgumentException($"A thin-plate spline with {p} covariate(s) needs at least {m + 1} stations; got {n}.", nameof(x));
        if (lambda is double lam && !(lam >= 0)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be ≥ 0.");
        double cx = x.Average(), cy = y.Average();
        double sd = Math.Max(Math.Sqrt(x.Sum(v => (v - cx) * (v - cx)) / n), Math.Sqrt(y.Sum(v => (v - cy) * (v - cy)) / n));
        if (!(sd > 0)) throw new ArgumentException("All stations are at one location; a thin-plate spline needs spread-out stations.", nameof(x));
        double s = 1 / sd;
        var xs = x.Select(v => (v - cx) * s).ToArray();
        var ys = y.Select(v => (v - cy) * s).ToArray();
        var K = Matrix<double>.Build.Dense(n, n, (i, j) => Kernel(Math.Sqrt((xs[i] - xs[j]) * (xs[i] - xs[j]) + (ys[i] - ys[j]) * (ys[i] - ys[j]))));
        var T = Matrix<double>.Build.Dense(n, m, (i, j) => j switch { 0 => 1, 1 => xs[i], 2 => ys[i], _ => covariates![i][j - 3] });
        var zv = Vector<double>.Build.DenseOfEnumerable(z);
        var qr = T.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Full);
        var Q = qr.Q;
        var rDiag = qr.R.Diagonal();
        double rMax = rDiag.AbsoluteMaximum();
        for (int j = 0; j < m; j++)
            if (Math.Abs(rDiag[j]) <= 1e-10 * rMax)
                throw new ArgumentException($"The linear part is rank deficient (column {j} of [1, x, y, covariates] is collinear with the others); stations may be collinear or a covariate constant.");
        var Q2 = Q.SubMatrix(0, n, m, n - m);
        var M = Q2.TransposeThisAndMultiply(K * Q2);
        M = (M + M.Transpose()) / 2;
        var evd = M.Evd(Symmetricity.Symmetric);
        var d = evd.EigenValues.Real();
        var U = evd.EigenVectors;
        var c = U.TransposeThisAndMultiply(Q2.TransposeThisAndMultiply(zv));
        double GcvOf(double rho)
        {
            double rss = 0, tr = 0;
            for (int j = 0; j < d.Count; j++) { double f = rho / (d[j] + rho); rss += f * f * c[j] * c[j]; tr += f; }
            return n * rss / (tr * tr);
        }
        double rhoChosen;
        double gcv = double.NaN;
        if (lambda is double given) rhoChosen = n * given * s * s;
        else
        {
            double dMax = Math.Max(d.AbsoluteMaximum(), 1e-300);
            double lo = Math.Log(dMax * 1e-10), hi = Math.Log(dMax * 1e4);
            int steps = 241; double best = double.PositiveInfinity; int bestK = 0;
            for (int k = 0; k < steps; k++)
            {
                double g = GcvOf(Math.Exp(lo + (hi - lo) * k / (steps - 1)));
                if (g < best) { best = g; bestK = k; }
            }
            double step = (hi - lo) / (steps - 1);
            double a = lo + (bestK - 1) * step, b = lo + (bestK + 1) * step;
            double gr = (Math.Sqrt(5) - 1) / 2;
            double x1 = b - gr * (b - a), x2 = a + gr * (b - a), f1 = GcvOf(Math.Exp(x1)), f2 = GcvOf(Math.Exp(x2));
            for (int it = 0; it < 100 && b - a > 1e-10; it++)
            {
                if (f1 < f2) { b = x2; x2 = x1; f2 = f1; x1 = b - gr * (b - a); f1 = GcvOf(Math.Exp(x1)); }
                else { a = x1; x1 = x2; f1 = f2; x2 = a + gr * (b - a); f2 = GcvOf(Math.Exp(x2)); }
            }
            rhoChosen = Math.Exp((a + b) / 2);
            gcv = GcvOf(rhoChosen);
        }
        if (lambda is not null && rhoChosen > 0) gcv = GcvOf(rhoChosen);
        // w = Q2 U (D + ρ)⁻¹ c
        var tmp = Vector<double>.Build.Dense(d.Count, j => c[j] / (d[j] + rhoChosen));
        var w = Q2 * (U * tmp);
        // T a = z − K w − ρ w  (least squares via QR of T; exact since the residual is orthogonal to span T)
        var rhs = zv - K * w - rhoChosen * w;
        var a0 = qr.Solve(rhs);
        double edf = m;
        for (int j = 0; j < d.Count; j++) edf += d[j] / (d[j] + rhoChosen);
        return new ThinPlateSpline(xs, ys, w.ToArray(), a0.ToArray(), cx, cy, s, p, rhoChosen / n / (s * s), gcv, edf);
    }

    /// <summary>The spline at (<paramref name="x"/>, <paramref name="y"/>) with covariate values <paramref name="covariates"/>.</summary>
    public double Predict(double x, double y, ReadOnlySpan<double> covariates = default)
    {
        if (covariates.Length != _p) throw new ArgumentException($"Expected {_p} covariate value(s), got {covariates.Length}.", nameof(covariates));
        double xc = (x - _cx) * _s, yc = (y - _cy) * _s;
        double f = _a[0] + _a[1] * xc + _a[2] * yc;
        for (int k = 0; k < _p; k++) f += _a[3 + k] * covariates[k];
        for (int i = 0; i < _w.Length; i++)
        {
            double dx = xc - _x[i], dy = yc - _y[i];
            f += _w[i] * Kernel(Math.Sqrt(dx * dx + dy * dy));
        }
        return f;
    }
}
