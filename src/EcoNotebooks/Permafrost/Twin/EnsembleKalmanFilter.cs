using EcoNotebooks.Permafrost.Numerics;
using EcoNotebooks.Permafrost.Samples;
using MathNet.Numerics.LinearAlgebra;

namespace EcoNotebooks.Permafrost.Twin;

/// <summary>Settings of <see cref="EnsembleKalmanFilter"/>.</summary>
/// <param name="Members">Ensemble size N (≥ 2; 20–50 typical).</param>
/// <param name="Seed">Seed of all random draws (initial parameters, observation perturbations, jitter).</param>
/// <param name="Parameters">Multipliers in the augmented state (as logarithms).</param>
/// <param name="PriorMean">Prior multipliers (the ensemble is centred on their logarithms).</param>
/// <param name="PriorLogSd">Prior standard deviation of each log-multiplier (default 0.25 ≈ ±25 %).</param>
/// <param name="ParameterJitterSd">Random-walk σ added to the log-multipliers after each analysis to keep spread (default 0.01).</param>
/// <param name="Inflation">Multiplicative inflation of the forecast anomalies before each analysis (≥ 1; default 1.02).</param>
public sealed record EnKFOptions(int Members = 30, int Seed = 1, TwinParameters Parameters = TwinParameters.Default,
    PropertyScales<Real>? PriorMean = null, double PriorLogSd = 0.25, double ParameterJitterSd = 0.01, double Inflation = 1.02);

/// <summary>Output of a filter run.</summary>
/// <param name="Days">Day index of each RMSE entry.</param>
/// <param name="RmseAssimilated">Daily RMSE over all cells of the analysed ensemble mean against the truth, K.</param>
/// <param name="RmseOpenLoop">Same for the open-loop ensemble (same members, never updated), K.</param>
/// <param name="AnalysisDays">Days on which observations were assimilated.</param>
/// <param name="ParameterMeans">Ensemble-mean multipliers after each analysis [analysis, parameter] (parameter order as estimated).</param>
/// <param name="MeanRmseAssimilated">Time mean of <paramref name="RmseAssimilated"/>.</param>
/// <param name="MeanRmseOpenLoop">Time mean of <paramref name="RmseOpenLoop"/>.</param>
public sealed record EnKFResult(int[] Days, double[] RmseAssimilated, double[] RmseOpenLoop, int[] AnalysisDays, double[,] ParameterMeans,
    double MeanRmseAssimilated, double MeanRmseOpenLoop)
{
    /// <summary>Relative RMSE reduction 1 − assimilated/open loop (the paper quotes ≈ 34 % for the Utqiagvik twin).</summary>
    public double RmseReduction => 1 - MeanRmseAssimilated / MeanRmseOpenLoop;
}

/// <summary>
/// Stochastic ensemble Kalman filter (Evensen 1994; Burgers et al. 1998, perturbed observations) for the ground column,
/// with the state augmented by log-multipliers of soil properties (joint state–parameter estimation). Each member is a
/// <see cref="HeatSolver{TS}"/> with its own multipliers; at every day with observations the augmented state
/// x = (T₁…T_n, ln s₁…ln s_p) is updated as xₘ ← xₘ + K(y + εₘ − H xₘ), K = P_xy (P_yy + R)⁻¹ from the ensemble
/// anomalies, εₘ ~ N(0, σ²I), H = linear interpolation at the sensor depths; the members' enthalpies are then recomputed
/// from the updated temperatures. An open-loop ensemble of the same members runs alongside without updates, so the
/// value of assimilation is measured against the truth as RMSE with and without updates. Deterministic for a seed.
/// Python equivalent: filterpy.kalman.EnsembleKalmanFilter (state only) or DAPPER's EnKF("PertObs").
/// </summary>
public sealed class EnsembleKalmanFilter
{
    /// <summary>Creates the filter.</summary>
    public EnsembleKalmanFilter(TwinModel model, EnKFOptions? options = null)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Options = options ?? new EnKFOptions();
        if (Options.Members < 2) throw new ArgumentOutOfRangeException(nameof(options), Options.Members, "The ensemble needs at least 2 members.");
        if (!(Options.Inflation >= 1)) throw new ArgumentOutOfRangeException(nameof(options), Options.Inflation, "Inflation must be ≥ 1.");
        if (!(Options.PriorLogSd >= 0) || !(Options.ParameterJitterSd >= 0)) throw new ArgumentOutOfRangeException(nameof(options), "Standard deviations must be ≥ 0.");
    }

    /// <summary>Forward model (its forcing drives all members).</summary>
    public TwinModel Model { get; }
    /// <summary>Settings.</summary>
    public EnKFOptions Options { get; }

    /// <summary>Runs the filter over the model's forcing, assimilating <paramref name="observations"/> (σ = <paramref name="noiseSd"/>) and scoring against <paramref name="truth"/> [day, cell].</summary>
    public EnKFResult Run(IReadOnlyList<Observation> observations, double noiseSd, double[,] truth)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(truth);
        if (!(noiseSd > 0)) throw new ArgumentOutOfRangeException(nameof(noiseSd), noiseSd, "σ must be > 0.");
        int days = Model.Air.Length, n = Model.Grid.Count, N = Options.Members;
        if (truth.GetLength(0) < days || truth.GetLength(1) != n) throw new ArgumentException($"Truth must be at least {days}×{n} (days × cells).", nameof(truth));
        var idx = Enumerable.Range(0, 4).Where(i => ((int)Options.Parameters & (1 << i)) != 0).ToArray();
        int p = idx.Length;
        var rng = new Random(Options.Seed);
        var prior = Options.PriorMean ?? PropertyScales<Real>.One;
        double[] priorV = [prior.KThawed.Value, prior.KFrozen.Value, prior.WaterContent.Value, prior.HeatCapacity.Value];
        var logs = new double[N, 4];
        var members = new HeatSolver<Real>[N];
        var open = new HeatSolver<Real>[N];
        for (int m = 0; m < N; m++)
        {
            for (int i = 0; i < 4; i++) logs[m, i] = Math.Log(priorV[i]) + (idx.Contains(i) ? Options.PriorLogSd * XiningSamples.Normal(rng) : 0);
            var sc = Scales(logs, m);
            members[m] = Model.SpunUp(sc);
            open[m] = Model.SpunUp(sc);
        }
        var byDay = observations.GroupBy(o => o.Day).ToDictionary(g => g.Key, g => g.ToArray());
        var rmseA = new double[days]; var rmseO = new double[days];
        var analysisDays = new List<int>();
        var paramMeans = new List<double[]>();
        var meanA = new double[n]; var meanO = new double[n];
        for (int d = 0; d < days; d++)
        {
            for (int m = 0; m < N; m++) { members[m].Step(Model.Air[d], d); open[m].Step(Model.Air[d], d); }
            if (byDay.TryGetValue(d, out var obs) && obs.Length > 0)
            {
                Analyse(members, logs, idx, obs, noiseSd, rng);
                analysisDays.Add(d);
                var pm = new double[p];
                for (int a = 0; a < p; a++) { double s = 0; for (int m = 0; m < N; m++) s += Math.Exp(logs[m, idx[a]]); pm[a] = s / N; }
                paramMeans.Add(pm);
            }
            Array.Clear(meanA); Array.Clear(meanO);
            for (int m = 0; m < N; m++)
            {
                var ta = members[m].Temperatures; var to = open[m].Temperatures;
                for (int i = 0; i < n; i++) { meanA[i] += ta[i].Value / N; meanO[i] += to[i].Value / N; }
            }
            double sa = 0, so = 0;
            for (int i = 0; i < n; i++) { sa += Sq(meanA[i] - truth[d, i]); so += Sq(meanO[i] - truth[d, i]); }
            rmseA[d] = Math.Sqrt(sa / n); rmseO[d] = Math.Sqrt(so / n);
        }
        var pmArr = new double[paramMeans.Count, p];
        for (int k = 0; k < paramMeans.Count; k++) for (int a = 0; a < p; a++) pmArr[k, a] = paramMeans[k][a];
        return new EnKFResult(Enumerable.Range(0, days).ToArray(), rmseA, rmseO, [.. analysisDays], pmArr, rmseA.Average(), rmseO.Average());
    }

    private static double Sq(double x) => x * x;

    private static PropertyScales<Real> Scales(double[,] logs, int m) =>
        new(Math.Exp(logs[m, 0]), Math.Exp(logs[m, 1]), Math.Exp(logs[m, 2]), Math.Exp(logs[m, 3]));

    private void Analyse(HeatSolver<Real>[] members, double[,] logs, int[] idx, Observation[] obs, double sd, Random rng)
    {
        int N = members.Length, n = Model.Grid.Count, p = idx.Length, q = obs.Length, dim = n + p;
        var X = Matrix<double>.Build.Dense(dim, N);
        var Y = Matrix<double>.Build.Dense(q, N);
        var c = Model.Grid.Centres;
        var t = new double[n];
        for (int m = 0; m < N; m++)
        {
            var tm = members[m].Temperatures;
            for (int i = 0; i < n; i++) { t[i] = tm[i].Value; X[i, m] = t[i]; }
            for (int a = 0; a < p; a++) X[n + a, m] = logs[m, idx[a]];
            for (int k = 0; k < q; k++) Y[k, m] = ObservationDesign.Interpolate(c, t, obs[k].Depth);
        }
        var xMean = X.RowSums() / N; var yMean = Y.RowSums() / N;
        var A = X.Clone(); var B = Y.Clone();
        for (int m = 0; m < N; m++)
        {
            A.SetColumn(m, (X.Column(m) - xMean) * Options.Inflation);
            B.SetColumn(m, (Y.Column(m) - yMean) * Options.Inflation);
        }
        var pxy = A * B.Transpose() / (N - 1);
        var pyy = B * B.Transpose() / (N - 1) + Matrix<double>.Build.DenseIdentity(q) * (sd * sd);
        var gain = pyy.Cholesky().Solve(pxy.Transpose()).Transpose();   // K = P_xy P_yy⁻¹ (P_yy symmetric)
        for (int m = 0; m < N; m++)
        {
            var innov = Vector<double>.Build.Dense(q, k => obs[k].Value + sd * XiningSamples.Normal(rng) - Y[k, m]);
            var xa = xMean + A.Column(m) + gain * innov;
            for (int i = 0; i < n; i++) t[i] = xa[i];
            for (int a = 0; a < p; a++) logs[m, idx[a]] = Math.Clamp(xa[n + a] + Options.ParameterJitterSd * XiningSamples.Normal(rng), -2.5, 2.5);
            members[m].SetScales(Scales(logs, m));
            members[m].SetTemperatures(t);
        }
    }
}
