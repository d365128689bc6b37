namespace EcoNotebooks.Spatial;

/// <summary>Options of <see cref="VariogramFit.Fit(EmpiricalVariogram, VariogramModel, VariogramFitOptions?)"/>; defaults are gstat's.</summary>
/// <param name="Method">Weighting; default N_j/h_j² (gstat fit.method = 7).</param>
/// <param name="FitNugget">Fit the nugget (gstat fit.sills[1]); when false it stays at its starting value.</param>
/// <param name="FitPartialSill">Fit the partial sill (gstat fit.sills[2]).</param>
/// <param name="FitRange">Fit the range (gstat fit.ranges).</param>
/// <param name="MaxIterations">Iteration limit, ≥ 1 (gstat's <c>iter</c>, 200).</param>
/// <param name="Tolerance">Stop when the relative decrease of the weighted SSE is below this, &gt; 0 (gstat's <c>fit_limit</c>, 1e-5).</param>
public sealed record VariogramFitOptions(
    VariogramFitMethod Method = VariogramFitMethod.PairCountOverDistanceSquared,
    bool FitNugget = true,
    bool FitPartialSill = true,
    bool FitRange = true,
    int MaxIterations = 200,
    double Tolerance = 1e-5);

/// <summary>Result of <see cref="VariogramFit.Fit(EmpiricalVariogram, VariogramModel, VariogramFitOptions?)"/>.</summary>
/// <param name="Model">Fitted model. Not validated: a failed fit can leave a non-positive range (see <see cref="IsValid"/>).</param>
/// <param name="WeightedSse">Weighted residual sum of squares Σ w_j (γ̂_j − γ(h_j))² (gstat's <c>attr(fit, "SSErr")</c>).</param>
/// <param name="Iterations">Gauss–Newton iterations of the last pass.</param>
/// <param name="Converged">False when the iteration limit was reached (gstat warns "No convergence").</param>
/// <param name="Singular">True when the normal equations became singular (gstat's <c>attr(fit, "singular")</c>).</param>
/// <param name="NegativeSillsFixed">True when a negative nugget or partial sill was set to 0 and the fit repeated, as gstat does.</param>
public sealed record VariogramFitResult(VariogramModel Model, double WeightedSse, int Iterations, bool Converged, bool Singular, bool NegativeSillsFixed)
{
    /// <summary>True when the fit converged, is not singular and gives range &gt; 0 and non-negative sills.</summary>
    public bool IsValid => Converged && !Singular && Model.Range > 0 && Model.PartialSill >= 0 && Model.Nugget >= 0
        && double.IsFinite(Model.Range) && double.IsFinite(Model.PartialSill) && double.IsFinite(Model.Nugget);
}

/// <summary>
/// Weighted least-squares fit of a variogram model (nugget + one structure) to an empirical variogram, replicating
/// gstat's <c>fit.variogram(v, vgm(psill, model, range, nugget), fit.method = 7)</c> step by step.
/// </summary>
/// <remarks>
/// gstat's algorithm (fit.c, wls_fit/fit_GaussNewton), reproduced here: parameters θ = (nugget, psill, range).
/// A starting sill of exactly 0 that is to be fitted is first set to 1. Weights w_j are computed once from the
/// starting model. Each iteration linearises γ(h; θ) (the derivatives are the unit models for the sills and
/// psill·∂γ₁/∂a for the range), solves the weighted normal equations by Cholesky for the step δ, and, when the range is
/// fitted and s = ‖δ‖²/‖θ‖² &gt; 0.2, multiplies δ by 0.2/s (a "bounded" step; gstat's v_norm2 is the squared norm). It stops when the relative decrease of the
/// weighted SSE is in [0, tolerance) after an unbounded step, or after MaxIterations. As in gstat's R code, when the
/// fit ends with a negative nugget or partial sill, that sill is fixed at 0, the range is reset to its starting
/// value, and the fit is repeated with the other parameters. Because the algorithm (not just the optimum) is gstat's,
/// results agree with gstat to rounding even when gstat stops before full convergence or at the iteration limit.
/// For the Gaussian model gstat's range derivative is inexact (see VariogramModel.GstatRangeDerivative), so a Gau fit
/// is gstat's answer, not necessarily the exact weighted least-squares optimum.
/// Reference: Pebesma, E.J. (2004) Multivariable geostatistics in S: the gstat package. Computers &amp; Geosciences 30, 683–691.
/// </remarks>
public static class VariogramFit
{
    /// <summary>
    /// gstat's starting values for <c>vgm(NA, type, NA, NA)</c> (gstat's vgm_fill_na): partial sill = mean of the
    /// last 5 class semivariances, range = largest class mean distance / 3, nugget = mean of the first 3 semivariances.
    /// </summary>
    /// <param name="variogram">Empirical variogram with at least one class.</param>
    /// <param name="type">Model shape.</param>
    public static VariogramModel DefaultInitialModel(EmpiricalVariogram variogram, VariogramModelType type)
    {
        ArgumentNullException.ThrowIfNull(variogram);
        var b = variogram.Bins;
        if (b.Count == 0) throw new ArgumentException("The empirical variogram has no distance classes (no pairs within the cutoff).", nameof(variogram));
        double psill = b.Skip(Math.Max(0, b.Count - 5)).Average(v => v.Semivariance);
        double range = b.Max(v => v.Distance) / 3;
        double nugget = b.Take(3).Average(v => v.Semivariance);
        return new VariogramModel(type, psill, range, nugget);
    }

    /// <summary>
    /// Fits <paramref name="initial"/> to <paramref name="variogram"/>. R:
    /// <c>fit.variogram(v, vgm(psill, "Sph", range, nugget), fit.sills = c(FitNugget, FitPartialSill), fit.ranges = FitRange, fit.method = 7)</c>.
    /// </summary>
    /// <param name="variogram">Empirical variogram with at least one class.</param>
    /// <param name="initial">Starting values (gstat requires them too); see <see cref="DefaultInitialModel"/>. Range must be &gt; 0.</param>
    /// <param name="options">Weights and which parameters to fit; null = gstat defaults.</param>
    /// <exception cref="ArgumentException">No classes; a class at distance 0 with fit.method 7 (as gstat); non-finite or non-positive starting range.</exception>
    public static VariogramFitResult Fit(EmpiricalVariogram variogram, VariogramModel initial, VariogramFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(variogram);
        ArgumentNullException.ThrowIfNull(initial);
        return Fit(variogram.Bins, initial, options);
    }

    /// <summary>
    /// Fits a model of <paramref name="type"/> starting from gstat's defaults (<see cref="DefaultInitialModel"/>).
    /// R: <c>fit.variogram(v, vgm(NA, "Sph", NA, NA))</c>.
    /// </summary>
    /// <param name="variogram">Empirical variogram with at least one class.</param>
    /// <param name="type">Model shape.</param>
    /// <param name="options">Options; null = gstat defaults.</param>
    public static VariogramFitResult Fit(EmpiricalVariogram variogram, VariogramModelType type, VariogramFitOptions? options = null) =>
        Fit(variogram, DefaultInitialModel(variogram, type), options);

    /// <summary>Fits <paramref name="initial"/> to distance classes given directly (np, dist, gamma), e.g. from gstat output.</summary>
    /// <param name="bins">Distance classes with PairCount ≥ 1.</param>
    /// <param name="initial">Starting values.</param>
    /// <param name="options">Options; null = gstat defaults.</param>
    public static VariogramFitResult Fit(IReadOnlyList<VariogramBin> bins, VariogramModel initial, VariogramFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(initial);
        options ??= new VariogramFitOptions();
        if (bins.Count == 0) throw new ArgumentException("The empirical variogram has no distance classes (no pairs within the cutoff).", nameof(bins));
        if (!Enum.IsDefined(options.Method)) throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown fit method.");
        if (options.MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, "MaxIterations must be ≥ 1.");
        if (!(options.Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "Tolerance must be > 0.");
        if (!(initial.Range > 0) || !double.IsFinite(initial.Range))
            throw new ArgumentOutOfRangeException(nameof(initial), initial.Range, $"Starting range must be finite and > 0, got {initial.Range}.");
        if (!double.IsFinite(initial.PartialSill) || !double.IsFinite(initial.Nugget))
            throw new ArgumentOutOfRangeException(nameof(initial), $"Starting sills must be finite, got psill {initial.PartialSill}, nugget {initial.Nugget}.");
        foreach (var b in bins)
            if (b.PairCount < 1 || !double.IsFinite(b.Distance) || !double.IsFinite(b.Semivariance))
                throw new ArgumentException($"Invalid variogram class {b}.", nameof(bins));
        if (options.Method == VariogramFitMethod.PairCountOverDistanceSquared && bins.Any(b => b.Distance == 0))
            throw new ArgumentException("fit.method 7 (weights N/h²) does not work with a class at distance 0 (duplicate locations?); use another fit method.", nameof(bins));

        // R's fit.variogram: while a sill is negative, fix it at zero, fit only the positive sills
        // (fit.sills = model$psill > 0), reset the range to its starting value, and fit again.
        var result = Run(bins, initial, options, options.FitNugget, options.FitPartialSill);
        bool fixedNegative = false;
        for (int pass = 0; pass < 3 && (result.Model.Nugget < 0 || result.Model.PartialSill < 0); pass++)
        {
            var m = result.Model;
            bool fitNug = m.Nugget > 0, fitPs = m.PartialSill > 0;
            var restart = m with { Nugget = Math.Max(0, m.Nugget), PartialSill = Math.Max(0, m.PartialSill), Range = initial.Range };
            result = Run(bins, restart, options, fitNug, fitPs);
            fixedNegative = true;
        }
        return result with { NegativeSillsFixed = fixedNegative };
    }

    private static VariogramFitResult Run(IReadOnlyList<VariogramBin> bins, VariogramModel start, VariogramFitOptions options, bool fitNugget, bool fitPsill)
    {
        int nb = bins.Count;
        var type = start.Type;
        double nug = start.Nugget, ps = start.PartialSill, range = start.Range;
        // fit.c fit_variogram(): "avoid lot'o trouble"
        if (fitNugget && nug == 0) nug = 1.0;
        if (fitPsill && ps == 0) ps = 1.0;
        bool fitRange = options.FitRange;
        int nFit = (fitNugget ? 1 : 0) + (fitPsill ? 1 : 0) + (fitRange ? 1 : 0);

        double Gamma(double h) => h == 0 ? 0 : nug + ps * VariogramModel.Unit(type, h, range);

        // Weights from the starting model (gstat fill_weights, computed at iteration 0).
        double[]? w = null;
        if (options.Method != VariogramFitMethod.OrdinaryLeastSquares)
        {
            w = new double[nb];
            for (int i = 0; i < nb; i++)
            {
                w[i] = bins[i].PairCount;
                if (options.Method == VariogramFitMethod.PairCount) continue;
                double s = options.Method == VariogramFitMethod.PairCountOverDistanceSquared ? bins[i].Distance : Gamma(bins[i].Distance);
                if (Math.Abs(s) > 1e-30) w[i] /= s * s;
                else
                    return new VariogramFitResult(new VariogramModel(type, ps, range, nug), Sse(), 0, true, Singular: true, false);
            }
        }

        double Sse()
        {
            double sum = 0;
            for (int i = 0; i < nb; i++)
            {
                double dz = bins[i].Semivariance - Gamma(bins[i].Distance);
                sum += w is null ? dz * dz : dz * dz * w[i];
            }
            return sum;
        }

        if (nFit == 0) return new VariogramFitResult(new VariogramModel(type, ps, range, nug), Sse(), 0, true, false, false);

        var X = new double[nb, nFit];
        var yv = new double[nb];
        var beta = new double[nFit];
        var startVec = new double[nFit];
        double oldSse = double.MaxValue, sse = double.NaN;
        int iter = 0;
        const double glZero = 10 * 2.220446049250313e-16; // gstat DEF_zero = DBL_EPSILON * 10
        while (true)
        {
            // --- fit_GaussNewton ---
            int c = 0;
            if (fitNugget) startVec[c++] = nug;
            if (fitPsill) startVec[c++] = ps;
            if (fitRange) startVec[c++] = range;
            for (int i = 0; i < nb; i++)
            {
                double h = bins[i].Distance;
                yv[i] = bins[i].Semivariance - Gamma(h);
                c = 0;
                if (fitNugget) X[i, c++] = h == 0 ? 0 : 1;
                if (fitPsill) X[i, c++] = VariogramModel.Unit(type, h, range);
                if (fitRange) X[i, c++] = ps * VariogramModel.GstatRangeDerivative(type, h, range);
            }
            bool bounded = false;
            if (!SolveWeightedNormalEquations(X, yv, w, beta))
            {
                var model = new VariogramModel(type, ps, range, nug);
                return new VariogramFitResult(model, Sse(), iter, true, Singular: true, false);
            }
            if (fitRange)
            {
                double s = SquaredNorm(beta) / SquaredNorm(startVec); // gstat's v_norm2 is the squared norm
                if (s > 0.2)
                {
                    for (int j = 0; j < nFit; j++) beta[j] *= 0.2 / s;
                    bounded = true;
                }
            }
            c = 0;
            if (fitNugget) { nug = startVec[c] + beta[c]; c++; }
            if (fitPsill) { ps = startVec[c] + beta[c]; c++; }
            if (fitRange) { range = startVec[c] + beta[c]; c++; }
            // --- wls_fit loop control ---
            sse = Sse();
            double step = oldSse - sse;
            if (sse > glZero) step /= sse;
            iter++;
            oldSse = sse;
            bool converged = step < options.Tolerance && step >= 0 && !bounded;
            if (converged || iter == options.MaxIterations)
                return new VariogramFitResult(new VariogramModel(type, ps, range, nug), sse, iter, converged, false, false);
        }
    }

    private static double SquaredNorm(double[] v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return s;
    }

    /// <summary>Solves (XᵀWX) β = XᵀWy by Cholesky (gstat calc_lm); false when XᵀWX is not positive definite or n &lt; p.</summary>
    private static bool SolveWeightedNormalEquations(double[,] X, double[] y, double[]? w, double[] beta)
    {
        int n = X.GetLength(0), p = X.GetLength(1);
        if (n < p) return false;
        var a = new double[p, p];
        var b = new double[p];
        for (int i = 0; i < n; i++)
        {
            double sw = w is null ? 1 : Math.Sqrt(w[i]);
            double yi = y[i] * sw;
            for (int j = 0; j < p; j++)
            {
                double xij = X[i, j] * sw;
                b[j] += xij * yi;
                for (int k = 0; k <= j; k++) a[j, k] += xij * X[i, k] * sw;
            }
        }
        // Cholesky a = L Lᵀ (lower triangle).
        for (int j = 0; j < p; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++) d -= a[j, k] * a[j, k];
            if (!(d > 0)) return false;
            d = Math.Sqrt(d);
            a[j, j] = d;
            for (int i = j + 1; i < p; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= a[i, k] * a[j, k];
                a[i, j] = s / d;
            }
        }
        for (int i = 0; i < p; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= a[i, k] * beta[k];
            beta[i] = s / a[i, i];
        }
        for (int i = p - 1; i >= 0; i--)
        {
            double s = beta[i];
            for (int k = i + 1; k < p; k++) s -= a[k, i] * beta[k];
            beta[i] = s / a[i, i];
        }
        return true;
    }
}
