using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Permafrost.Twin;

namespace EcoNotebooks.Bench;

/// <summary>Workload 6 of the benchmark issue: the permafrost column and the ensemble Kalman filter.</summary>
public static class PermafrostWorkloads
{
    /// <summary>
    /// 100 years of daily steps on a Muli-like column regridded to ≈ 200 nodes (uniform 0.15 m spacing to 30 m);
    /// goal &lt; 0.5 s. Returns seconds (best of <paramref name="reps"/> after a warm-up), node count and mean whole-column Newton iterations (after the predictor, see SolverOptions.PredictorDepth).
    /// </summary>
    public static Dictionary<string, object?> Column(int years, int reps)
    {
        var options = new GroundColumnOptions { Layers = XiningSamples.MuliProfile(), Surface = XiningSamples.MuliSurface(), Grid = GridOptions.Uniform(0.15) };
        var model = new GroundThermalModel(options);
        var air = XiningSamples.AirTemperature(XiningSite.Muli, years, seed: 1);
        model.Run(air.AsSpan(0, Math.Min(air.Length, 3650)));
        double best = double.MaxValue, bestCpu = double.MaxValue;
        SimulationResult? r = null;
        for (int k = 0; k < Math.Max(1, reps); k++)
        {
            var sw = CpuWatch.StartNew();
            r = model.Run(air);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, CpuWatch.LastCpuSeconds);
        }
        return new()
        {
            ["seconds"] = best, ["cpu_seconds"] = bestCpu, ["nodes"] = model.Grid.Count, ["days"] = air.Length,
            ["mean_iterations"] = (double)r!.TotalIterations / air.Length, ["unconverged_steps"] = r.UnconvergedSteps,
        };
    }

    /// <summary>Stochastic EnKF with <paramref name="members"/> members over <paramref name="years"/> years of the Muli twin; goal &lt; 10 s for 100 members × 5 years.</summary>
    public static Dictionary<string, object?> EnKF(int members, int years)
    {
        var exp = DigitalTwinExperiment.Muli(years: years, noiseSd: 0.2);
        var truth = exp.Truth();
        var obs = exp.Observations(truth);
        var model = exp.Model();
        var sw = CpuWatch.StartNew();
        var r = new EnsembleKalmanFilter(model, new EnKFOptions(Members: members, Seed: 3)).Run(obs, 0.2, truth);
        return new()
        {
            ["seconds"] = sw.Elapsed.TotalSeconds, ["cpu_seconds"] = CpuWatch.LastCpuSeconds, ["members"] = members, ["years"] = years,
            ["rmse_assimilated"] = r.MeanRmseAssimilated, ["rmse_open_loop"] = r.MeanRmseOpenLoop,
        };
    }
}
