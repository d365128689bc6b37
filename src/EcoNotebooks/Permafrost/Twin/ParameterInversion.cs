using EcoNotebooks.Permafrost.Numerics;

namespace EcoNotebooks.Permafrost.Twin;

/// <summary>Which property multipliers the inversion estimates (each a multiplier of the layer values, estimated as its logarithm).</summary>
[Flags]
public enum TwinParameters
{
    /// <summary>Multiplier of the thawed conductivity.</summary>
    KThawed = 1,
    /// <summary>Multiplier of the frozen conductivity.</summary>
    KFrozen = 2,
    /// <summary>Multiplier of the water/ice content θ.</summary>
    WaterContent = 4,
    /// <summary>Multiplier of the sensible heat capacities.</summary>
    HeatCapacity = 8,
    /// <summary>The usual three: conductivities and water content.</summary>
    Default = KThawed | KFrozen | WaterContent,
}

/// <summary>Settings of <see cref="ParameterInversion"/>.</summary>
/// <param name="Parameters">Estimated multipliers.</param>
/// <param name="MaxIterations">Levenberg–Marquardt iterations (default 30).</param>
/// <param name="Tolerance">Stop when the step in log-multipliers is below this (default 1e-6).</param>
/// <param name="InitialDamping">Initial Marquardt λ (default 1e-3).</param>
public sealed record InversionOptions(TwinParameters Parameters = TwinParameters.Default, int MaxIterations = 30, double Tolerance = 1e-6, double InitialDamping = 1e-3);

/// <summary>Result of an inversion.</summary>
/// <param name="Scales">Estimated multipliers (KThawed, KFrozen, WaterContent, HeatCapacity; unestimated ones as started).</param>
/// <param name="Cost">Final J = ½ Σ ((model − obs)/σ)².</param>
/// <param name="RmseAtObservations">√(mean squared misfit), K.</param>
/// <param name="Iterations">LM iterations taken.</param>
/// <param name="ModelEvaluations">Forward runs (each with exact derivatives).</param>
/// <param name="CostHistory">J after each accepted iteration (first entry: the start).</param>
public sealed record InversionResult(PropertyScales<Real> Scales, double Cost, double RmseAtObservations, int Iterations, int ModelEvaluations, IReadOnlyList<double> CostHistory);

/// <summary>
/// Estimates soil property multipliers from ground temperature observations by minimising
/// J(u) = ½ Σₖ ((T_model,k(e^u) − T_obs,k)/σ)² over log-multipliers u with Levenberg–Marquardt. The residual Jacobian
/// ∂T_model,k/∂u comes from forward-mode automatic differentiation: the whole model run (spin-up included) is executed
/// on <see cref="Dual4"/> numbers, so the gradient ∇J = Jᵀr is exact to round-off — no finite differences
/// (they are used only in tests to check it). Python equivalent: scipy.optimize.least_squares(method="lm", jac=...) with a jax.jacfwd Jacobian.
/// </summary>
public sealed class ParameterInversion
{
    /// <summary>Creates the inversion.</summary>
    public ParameterInversion(TwinModel model, IReadOnlyList<Observation> observations, double noiseSd, InversionOptions? options = null)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Observations = (observations ?? throw new ArgumentNullException(nameof(observations))).OrderBy(o => o.Day).ToArray();
        if (Observations.Count == 0) throw new ArgumentException("No observations.", nameof(observations));
        if (!(noiseSd > 0)) throw new ArgumentOutOfRangeException(nameof(noiseSd), noiseSd, "σ must be > 0 (use a nominal value such as 0.1 K for noise-free data).");
        NoiseSd = noiseSd;
        Options = options ?? new InversionOptions();
        _index = Enumerable.Range(0, 4).Where(i => ((int)Options.Parameters & (1 << i)) != 0).ToArray();
        if (_index.Length == 0) throw new ArgumentException("Select at least one parameter.", nameof(options));
    }

    private readonly int[] _index;

    /// <summary>The forward model.</summary>
    public TwinModel Model { get; }
    /// <summary>Observations sorted by day.</summary>
    public IReadOnlyList<Observation> Observations { get; }
    /// <summary>σ, K.</summary>
    public double NoiseSd { get; }
    /// <summary>Settings.</summary>
    public InversionOptions Options { get; }
    /// <summary>Number of estimated parameters.</summary>
    public int ParameterCount => _index.Length;

    private static double Get(PropertyScales<Real> s, int i) => i switch { 0 => s.KThawed.Value, 1 => s.KFrozen.Value, 2 => s.WaterContent.Value, _ => s.HeatCapacity.Value };

    /// <summary>Cost J and its exact gradient with respect to the log-multipliers of the estimated parameters (in the order KThawed, KFrozen, WaterContent, HeatCapacity).</summary>
    public (double Cost, double[] Gradient) CostAndGradient(PropertyScales<Real> scales)
    {
        var (cost, r, jac) = Evaluate(scales);
        int p = _index.Length;
        var g = new double[p];
        for (int k = 0; k < r.Length; k++) for (int a = 0; a < p; a++) g[a] += jac[k, a] * r[k];
        return (cost, g);
    }

    /// <summary>Cost J only (plain numbers).</summary>
    public double Cost(PropertyScales<Real> scales)
    {
        var pred = Model.Predict(scales, Observations);
        double c = 0;
        for (int k = 0; k < pred.Length; k++) { double r = (pred[k].Value - Observations[k].Value) / NoiseSd; c += 0.5 * r * r; }
        return c;
    }

    private (double Cost, double[] Residuals, double[,] Jacobian) Evaluate(PropertyScales<Real> s)
    {
        Evaluations++;
        var v = new double[4];
        for (int i = 0; i < 4; i++) v[i] = Get(s, i);
        Dual4 Var(int i)
        {
            int slot = Array.IndexOf(_index, i);
            // derivative with respect to u = ln(scale): d scale / du = scale
            return slot < 0 ? Dual4.FromDouble(v[i]) : Dual4.Scale(Dual4.Variable(1, slot), v[i]);
        }
        var dual = new PropertyScales<Dual4>(Var(0), Var(1), Var(2), Var(3));
        var pred = Model.Predict(dual, Observations);
        int n = pred.Length, p = _index.Length;
        var r = new double[n];
        var jac = new double[n, p];
        double cost = 0;
        for (int k = 0; k < n; k++)
        {
            r[k] = (pred[k].Value - Observations[k].Value) / NoiseSd;
            cost += 0.5 * r[k] * r[k];
            for (int a = 0; a < p; a++) jac[k, a] = pred[k].Partial(a) / NoiseSd;
        }
        return (cost, r, jac);
    }

    /// <summary>Forward runs so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Runs Levenberg–Marquardt from <paramref name="start"/> (default: all multipliers 1).</summary>
    public InversionResult Solve(PropertyScales<Real>? start = null)
    {
        var s = start ?? PropertyScales<Real>.One;
        int p = _index.Length;
        double lambda = Options.InitialDamping;
        var (cost, r, jac) = Evaluate(s);
        var history = new List<double> { cost };
        int it = 0;
        for (; it < Options.MaxIterations; it++)
        {
            var jtj = new double[p, p];
            var g = new double[p];
            for (int k = 0; k < r.Length; k++)
                for (int a = 0; a < p; a++)
                {
                    g[a] += jac[k, a] * r[k];
                    for (int b = 0; b < p; b++) jtj[a, b] += jac[k, a] * jac[k, b];
                }
            bool accepted = false;
            double[] step = new double[p];
            for (int tries = 0; tries < 12 && !accepted; tries++)
            {
                var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (a, b) => jtj[a, b] + (a == b ? lambda * (jtj[a, a] + 1e-12) : 0));
                var dx = m.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(g)).Negate();
                for (int a = 0; a < p; a++) step[a] = Math.Clamp(dx[a], -0.5, 0.5);
                var trial = Shift(s, step);
                var (c2, r2, j2) = Evaluate(trial);
                if (c2 < cost)
                {
                    s = trial; cost = c2; r = r2; jac = j2; accepted = true;
                    lambda = Math.Max(lambda / 5, 1e-9);
                }
                else lambda *= 5;
            }
            if (!accepted) break;
            history.Add(cost);
            if (step.Max(Math.Abs) < Options.Tolerance) { it++; break; }
        }
        return new InversionResult(s, cost, Math.Sqrt(2 * cost / r.Length) * NoiseSd, it, Evaluations, history);
    }

    private PropertyScales<Real> Shift(PropertyScales<Real> s, double[] du)
    {
        var v = new double[4];
        for (int i = 0; i < 4; i++) v[i] = Get(s, i);
        for (int a = 0; a < du.Length; a++) v[_index[a]] *= Math.Exp(du[a]);
        return new PropertyScales<Real>(v[0], v[1], v[2], v[3]);
    }
}
