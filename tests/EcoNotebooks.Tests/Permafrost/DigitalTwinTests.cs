using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Numerics;
using EcoNotebooks.Permafrost.Twin;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Permafrost;

/// <summary>Digital twin: exact AD gradients, parameter inversion and the ensemble Kalman filter on a synthetic truth.</summary>
public sealed class DigitalTwinTests(ITestOutputHelper output)
{
    [Fact]
    public void DualNumberGradient_MatchesCentralFiniteDifferences()
    {
        var exp = DigitalTwinExperiment.Muli(years: 1);
        var truth = exp.Truth();
        var obs = exp.Observations(truth);
        // Tight solver tolerance so the iteration count does not jump between the perturbed runs.
        var column = exp.Column with { Solver = new SolverOptions(1e-13, 400) };
        var model = new TwinModel(column, exp.Air, 2);
        var inv = new ParameterInversion(model, obs, 0.1, new InversionOptions(TwinParameters.KThawed | TwinParameters.KFrozen | TwinParameters.WaterContent | TwinParameters.HeatCapacity));
        var at = new PropertyScales<Real>(1.1, 0.9, 1.05, 0.95);
        var (cost, grad) = inv.CostAndGradient(at);
        double[] v = [1.1, 0.9, 1.05, 0.95];
        for (int a = 0; a < 4; a++)
        {
            PropertyScales<Real> S(double du) { var w = (double[])v.Clone(); w[a] *= Math.Exp(du); return new(w[0], w[1], w[2], w[3]); }
            // Central differences with h = 1e-6 in log-multiplier. The cost is only piecewise smooth (the unfrozen-water
            // curve has a kink at the onset of freezing, crossed by cells as the front moves), so wider steps (1e-5) straddle
            // kinks and differ by ~5e-4; at 1e-6 kink straddling is rare and the solver noise (tolerance 1e-13 K) is still
            // far below the signal.
            const double h = 1e-6;
            double fd = (inv.Cost(S(h)) - inv.Cost(S(-h))) / (2 * h);
            output.WriteLine($"parameter {a}: AD {grad[a]:E10}  FD {fd:E10}  rel {Math.Abs(grad[a] - fd) / Math.Abs(fd):E2}  (J = {cost:F3})");
            Assert.True(Math.Abs(grad[a] - fd) <= 1e-5 * Math.Abs(fd), $"parameter {a}: AD {grad[a]} vs FD {fd}");

        }
    }

    [Fact]
    public void Inversion_RecoversTrueMultipliers_FromNoiseFreeAndNoisyData()
    {
        var noiseFree = DigitalTwinExperiment.Muli(years: 2, noiseSd: 0);
        var truth = noiseFree.Truth();
        var model = noiseFree.Model();
        var clean = noiseFree.Observations(truth);
        var r0 = new ParameterInversion(model, clean, 0.1).Solve();
        output.WriteLine($"noise-free: kt {r0.Scales.KThawed.Value:F4} kf {r0.Scales.KFrozen.Value:F4} θ {r0.Scales.WaterContent.Value:F4}, rmse {r0.RmseAtObservations:E2} K, {r0.Iterations} it, {r0.ModelEvaluations} runs");
        Assert.Equal(1.3, r0.Scales.KThawed.Value, 0.01);
        Assert.Equal(0.8, r0.Scales.KFrozen.Value, 0.01);
        Assert.Equal(1.15, r0.Scales.WaterContent.Value, 0.01);

        var noisy = noiseFree with { Design = noiseFree.Design with { NoiseSd = 0.2 } };
        var r1 = new ParameterInversion(model, noisy.Observations(truth), 0.2).Solve();
        output.WriteLine($"σ = 0.2 K: kt {r1.Scales.KThawed.Value:F4} kf {r1.Scales.KFrozen.Value:F4} θ {r1.Scales.WaterContent.Value:F4}, rmse {r1.RmseAtObservations:F3} K, {r1.Iterations} it");
        // With 0.2 K noise the multipliers are recovered within 5 % and the misfit is at the noise level.
        Assert.Equal(1.3, r1.Scales.KThawed.Value, 1.3 * 0.05);
        Assert.Equal(0.8, r1.Scales.KFrozen.Value, 0.8 * 0.05);
        Assert.Equal(1.15, r1.Scales.WaterContent.Value, 1.15 * 0.05);
        Assert.InRange(r1.RmseAtObservations, 0.15, 0.25);
    }

    [Fact]
    public void EnsembleKalmanFilter_LowersRmseBelowOpenLoop_AndIsDeterministic()
    {
        var exp = DigitalTwinExperiment.Muli(years: 1, noiseSd: 0.2);
        var truth = exp.Truth();
        var obs = exp.Observations(truth);
        var model = exp.Model();
        var filter = new EnsembleKalmanFilter(model, new EnKFOptions(Members: 20, Seed: 3));
        var r = filter.Run(obs, 0.2, truth);
        output.WriteLine($"RMSE assimilated {r.MeanRmseAssimilated:F3} K, open loop {r.MeanRmseOpenLoop:F3} K, reduction {r.RmseReduction:P1}");
        int last = r.ParameterMeans.GetLength(0) - 1;
        output.WriteLine($"final parameter means: {r.ParameterMeans[last, 0]:F3} {r.ParameterMeans[last, 1]:F3} {r.ParameterMeans[last, 2]:F3}");
        Assert.True(r.MeanRmseAssimilated < 0.8 * r.MeanRmseOpenLoop, $"assimilated {r.MeanRmseAssimilated} vs open loop {r.MeanRmseOpenLoop}");
        var again = filter.Run(obs, 0.2, truth);
        Assert.Equal(r.RmseAssimilated, again.RmseAssimilated);
    }
}
