using EcoNotebooks.Pipelines.Lingbei;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>What a calibration run reached.</summary>
/// <param name="Options">Options with the calibrated disturbance values.</param>
/// <param name="Means">Mean resilience per study year with those options.</param>
/// <param name="SiteMeans">Zone means of the named sites per study year.</param>
/// <param name="Evaluations">Number of full pipeline runs used.</param>
public sealed record LingbeiCalibrationReport(LingbeiSampleOptions Options, IReadOnlyList<double> Means, IReadOnlyDictionary<string, double[]> SiteMeans, int Evaluations);

/// <summary>
/// Calibrates the synthetic Lingbei sample to the paper: simultaneous bisection on the per-year disturbance
/// intensity (<see cref="LingbeiSampleOptions.Disturbance"/>; more disturbance, lower mean resilience) and on the
/// per-site multipliers of the two named sites (<see cref="LingbeiSampleOptions.SiteDisturbance"/>, 2005–2020),
/// each step running the real pipeline (<see cref="LingbeiPipeline.Run"/> with default parameters: per-year min–max
/// normalisation, combined weights) on the generated sample. Because the objective weights and VHI pool all years,
/// the knobs are weakly coupled; bisecting all of them together in each round converges anyway since each knob
/// dominates its own target. About 40 s per round on 2 cores. The committed sample's options hold the result for
/// the default seed.
/// </summary>
public static class LingbeiCalibration
{
    /// <summary>Runs the pipeline on the sample generated with <paramref name="options"/>: yearly means and named-site means.</summary>
    public static (double[] Means, Dictionary<string, double[]> Sites, LingbeiResult Result) Evaluate(LingbeiSampleOptions options, LingbeiParameters? parameters = null)
    {
        var sample = LingbeiGenerator.Generate(options);
        var result = LingbeiPipeline.Run(LingbeiDataset.FromSample(sample), parameters);
        var sites = result.Sites.Where(s => options.SiteDisturbance.ContainsKey(s.Name)).ToDictionary(s => s.Name, s => s.Means.ToArray());
        return (result.Years.Select(y => y.Mean).ToArray(), sites, result);
    }

    /// <summary>Calibrates from <paramref name="start"/> (its seed and geometry are kept) with <paramref name="rounds"/> bisection rounds.</summary>
    public static LingbeiCalibrationReport Calibrate(LingbeiSampleOptions? start = null, int rounds = 12, IProgress<string>? progress = null)
    {
        var o = (start ?? new LingbeiSampleOptions()).Validate();
        int ny = LingbeiGenerator.Years.Count;
        var yLo = new double[ny]; var yHi = Enumerable.Repeat(1.2, ny).ToArray();
        var names = LingbeiPublished.SiteMeans.Keys.Where(o.SiteDisturbance.ContainsKey).ToArray();
        var sLo = names.ToDictionary(n => n, _ => new double[ny]);
        var sHi = names.ToDictionary(n => n, _ => Enumerable.Repeat(3.0, ny).ToArray());
        var siteStart = names.ToDictionary(n => n, n => o.SiteDisturbance[n].ToArray());
        int evals = 0;
        LingbeiSampleOptions Current() => o with
        {
            Disturbance = Enumerable.Range(0, ny).Select(t => 0.5 * (yLo[t] + yHi[t])).ToArray(),
            SiteDisturbance = names.ToDictionary(n => n, n => Enumerable.Range(0, ny).Select(t => SiteTarget(n, t) is null ? siteStart[n][t] : 0.5 * (sLo[n][t] + sHi[n][t])).ToArray()),
        };
        for (int round = 0; round < rounds; round++)
        {
            var cur = Current();
            var (means, sites, _) = Evaluate(cur);
            evals++;
            for (int t = 0; t < ny; t++)
            {
                // Higher disturbance lowers the mean: too high a mean means the disturbance must rise.
                if (means[t] > LingbeiPublished.MeanResilience[t]) yLo[t] = cur.Disturbance[t]; else yHi[t] = cur.Disturbance[t];
                foreach (var n in names)
                {
                    if (SiteTarget(n, t) is not double target) continue;
                    if (sites[n][t] > target) sLo[n][t] = cur.SiteDisturbance[n][t]; else sHi[n][t] = cur.SiteDisturbance[n][t];
                }
            }
            progress?.Report($"round {round + 1}: means {string.Join(", ", means.Select(m => m.ToString("F4")))}; " +
                string.Join("; ", names.Select(n => n + " " + string.Join(", ", sites[n].Select(m => m.ToString("F3"))))));
        }
        var final = Current();
        var (fm, fs, _) = Evaluate(final);
        return new LingbeiCalibrationReport(final, fm, fs, evals + 1);
    }

    private static double? SiteTarget(string name, int t)
    {
        int year = LingbeiGenerator.Years[t];
        int i = LingbeiPublished.SiteYears.ToList().IndexOf(year);
        return i < 0 || !LingbeiPublished.SiteMeans.TryGetValue(name, out var v) ? null : v[i];
    }
}
