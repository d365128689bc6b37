using EcoNotebooks.Permafrost.Analytic;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Permafrost.Reporting;

/// <summary>Thaw depth of the enthalpy model against Neumann's two-phase Stefan solution (see <see cref="AnalyticValidation.Stefan"/>).</summary>
/// <param name="Problem">The analytic problem.</param>
/// <param name="Days">Elapsed days (end of each step).</param>
/// <param name="NumericThawDepth">Model thaw depth, m.</param>
/// <param name="ExactThawDepth">X(t) = 2λ√(αt t), m.</param>
/// <param name="MaxAbsError">max |numeric − exact| from day <paramref name="ScoredFromDay"/> on, m.</param>
/// <param name="ScoredFromDay">First day scored (the front must first cross a few cells).</param>
public sealed record StefanComparison(StefanProblem Problem, double[] Days, double[] NumericThawDepth, double[] ExactThawDepth, double MaxAbsError, int ScoredFromDay)
{
    /// <summary>Error on the last day, m (numeric − exact).</summary>
    public double FinalError => NumericThawDepth[^1] - ExactThawDepth[^1];
}

/// <summary>Annual-wave amplitude and phase of the model against the analytic half-space solution (see <see cref="AnalyticValidation.PeriodicWave"/>).</summary>
/// <param name="Wave">The analytic wave.</param>
/// <param name="Depths">m.</param>
/// <param name="AmplitudeRatio">Model amplitude / surface amplitude.</param>
/// <param name="ExactAmplitudeRatio">e^(−z/d).</param>
/// <param name="PhaseLag">Model phase lag, rad.</param>
/// <param name="ExactPhaseLag">z/d, rad.</param>
public sealed record PeriodicWaveComparison(PeriodicWave Wave, double[] Depths, double[] AmplitudeRatio, double[] ExactAmplitudeRatio, double[] PhaseLag, double[] ExactPhaseLag)
{
    /// <summary>max |model/exact − 1| of the amplitude ratio.</summary>
    public double MaxAmplitudeRelativeError => Depths.Select((_, i) => Math.Abs(AmplitudeRatio[i] / ExactAmplitudeRatio[i] - 1)).Max();
    /// <summary>max |model − exact| phase lag, rad.</summary>
    public double MaxPhaseLagError => Depths.Select((_, i) => Math.Abs(PhaseLag[i] - ExactPhaseLag[i])).Max();

    /// <summary>Columns depth_m, amplitude_ratio_model, amplitude_ratio_exact, phase_lag_model_rad, phase_lag_exact_rad, lag_error_days.</summary>
    public DataFrame ToDataFrame() => new(
        new DoubleDataFrameColumn("depth_m", Depths),
        new DoubleDataFrameColumn("amplitude_ratio_model", AmplitudeRatio.Select(v => Math.Round(v, 5))),
        new DoubleDataFrameColumn("amplitude_ratio_exact", ExactAmplitudeRatio.Select(v => Math.Round(v, 5))),
        new DoubleDataFrameColumn("phase_lag_model_rad", PhaseLag.Select(v => Math.Round(v, 4))),
        new DoubleDataFrameColumn("phase_lag_exact_rad", ExactPhaseLag.Select(v => Math.Round(v, 4))),
        new DoubleDataFrameColumn("lag_error_days", Depths.Select((_, i) => Math.Round((PhaseLag[i] - ExactPhaseLag[i]) / Wave.AngularFrequency / 86400, 2))));
}

/// <summary>
/// Runs <see cref="GroundThermalModel"/> on the two classical analytic benchmarks and returns model and exact values
/// side by side (the same set-ups as the unit tests HeatSolverValidationTests, so a notebook can plot what the tests assert).
/// </summary>
public static class AnalyticValidation
{
    /// <summary>
    /// Neumann two-phase Stefan problem: a silty half-space (θ = 0.3, kt 1.2, kf 2.0 W m⁻¹ K⁻¹, Ct 2.5, Cf 1.9 MJ m⁻³ K⁻¹)
    /// at Ti = −2 °C whose surface is held at Ts = +5 °C, modelled as an 80 m column with uniform cells of
    /// <paramref name="spacing"/> m to 10 m depth (isothermal phase change, no geothermal flux, tolerance 1e-8).
    /// Errors are scored from day 30 on (the front has crossed about 35 cells at 2 cm).
    /// </summary>
    /// <param name="years">Simulated years (≥ 1; 5 in the test, error &lt; 1 cm).</param>
    /// <param name="spacing">Cell size in the top 10 m, m (0.005–0.5).</param>
    public static StefanComparison Stefan(int years = 5, double spacing = 0.02)
    {
        if (years < 1) throw new ArgumentOutOfRangeException(nameof(years), years, "At least one year.");
        if (!(spacing >= 0.005 && spacing <= 0.5)) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Spacing must be in [0.005, 0.5] m.");
        const double kt = 1.2, kf = 2.0, ct = 2.5e6, cf = 1.9e6, theta = 0.3, ts = 5, ti = -2;
        var soil = new SoilLayer("silt", 10, theta, kf, kt, cf, ct);
        var options = new GroundColumnOptions
        {
            Layers = [soil, soil with { Thickness = 70 }],
            Grid = new GridOptions(spacing, 1.1, 2.0, UniformDepth: 10),
            Surface = SurfaceBoundary.Prescribed,
            GeothermalFlux = 0,
            InitialTemperature = _ => ti,
            OutputDepths = [1.0],
            Solver = new SolverOptions(1e-8, 100),
        };
        var problem = new StefanProblem(kt, kf, ct, cf, soil.VolumetricLatentHeat, ts, ti);
        var air = Enumerable.Repeat(ts, years * 365).ToArray();
        var result = new GroundThermalModel(options).Run(air);
        int n = air.Length;
        var days = new double[n]; var exact = new double[n]; var numeric = new double[n];
        double lambda = problem.Lambda(), alpha = kt / ct, max = 0;
        const int from = 29;
        for (int d = 0; d < n; d++)
        {
            days[d] = d + 1;
            exact[d] = 2 * lambda * Math.Sqrt(alpha * (d + 1) * 86400.0);
            numeric[d] = result.DailyThawDepth[d];
            if (d >= from) max = Math.Max(max, Math.Abs(numeric[d] - exact[d]));
        }
        return new StefanComparison(problem, days, numeric, exact, max, from + 1);
    }

    /// <summary>
    /// Periodic surface wave: dry homogeneous ground (k = 1.5 W m⁻¹ K⁻¹, C = 2.0 MJ m⁻³ K⁻¹, damping depth 2.74 m)
    /// forced by 2 + 10 sin(2π t / 1 a) °C, 40 m column with 5 cm surface cells growing 5 % to 0.5 m, no geothermal
    /// flux; amplitude and phase at each depth from a Fourier projection of the last simulated year.
    /// </summary>
    /// <param name="depths">Output depths, m (default 0.5, 1, 2, 4, 6, 8).</param>
    /// <param name="years">Simulated years (≥ 2; the first years remove the start-up transient).</param>
    public static PeriodicWaveComparison PeriodicWave(double[]? depths = null, int years = 6)
    {
        if (years < 2) throw new ArgumentOutOfRangeException(nameof(years), years, "At least two years.");
        depths ??= [0.5, 1, 2, 4, 6, 8];
        if (depths.Length == 0 || depths.Any(z => !(z > 0 && z < 20))) throw new ArgumentOutOfRangeException(nameof(depths), string.Join(", ", depths), "Depths must be in (0, 20) m.");
        const double k = 1.5, c = 2.0e6, mean = 2, a0 = 10;
        var options = new GroundColumnOptions
        {
            Layers = [new SoilLayer("dry rock", 40, 0, k, k, c, c)],
            Grid = new GridOptions(0.05, 1.05, 0.5),
            Surface = SurfaceBoundary.Prescribed,
            GeothermalFlux = 0,
            InitialTemperature = _ => mean,
            OutputDepths = depths,
        };
        var air = new double[years * 365];
        for (int d = 0; d < air.Length; d++) air[d] = mean + a0 * Math.Sin(2 * Math.PI * (d + 1) / 365.0);
        var result = new GroundThermalModel(options).Run(air);
        var wave = new PeriodicWave(k / c, 365 * 86400.0);
        int m = result.OutputDepths.Length;
        var amp = new double[m]; var lag = new double[m]; var ea = new double[m]; var el = new double[m];
        for (int j = 0; j < m; j++)
        {
            double z = result.OutputDepths[j], s = 0, co = 0;
            for (int d = (years - 1) * 365; d < years * 365; d++)
            {
                double w = 2 * Math.PI * (d + 1) / 365.0, v = result.DailyTemperature[d, j] - mean;
                s += v * Math.Sin(w); co += v * Math.Cos(w);
            }
            amp[j] = 2 / 365.0 * Math.Sqrt(s * s + co * co) / a0;
            double l = Math.Atan2(-co, s);
            while (l < 0) l += 2 * Math.PI;
            lag[j] = l;
            ea[j] = wave.AmplitudeRatio(z); el[j] = wave.PhaseLag(z);
        }
        return new PeriodicWaveComparison(wave, [.. result.OutputDepths], amp, ea, lag, el);
    }
}
