using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Analytic;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Permafrost;

/// <summary>The enthalpy solver against analytic solutions (Neumann two-phase Stefan, periodic surface wave) and its energy balance.</summary>
public sealed class HeatSolverValidationTests(ITestOutputHelper output)
{
    // Silty soil, θ = 0.3 (latent heat 1.0e8 J m⁻³ dominates the sensible heat of the 5 K surface step: Stefan number Ct·ΔT/L = 0.12).
    private const double Kt = 1.2, Kf = 2.0, Ct = 2.5e6, Cf = 1.9e6, Theta = 0.3, Ts = 5, Ti = -2;

    [Fact]
    public void TwoPhaseStefan_ThawDepthWithinOneCentimetreOverFiveYears_At2cmGrid()
    {
        var soil = new SoilLayer("silt", 10, Theta, Kf, Kt, Cf, Ct);
        var deep = soil with { Thickness = 70 };
        var options = new GroundColumnOptions
        {
            Layers = [soil, deep],
            Grid = new GridOptions(0.02, 1.1, 2.0, UniformDepth: 10),
            Surface = SurfaceBoundary.Prescribed,
            GeothermalFlux = 0,
            InitialTemperature = _ => Ti,
            OutputDepths = [1.0],
            Solver = new SolverOptions(1e-8, 100),
        };
        var stefan = new StefanProblem(Kt, Kf, Ct, Cf, soil.VolumetricLatentHeat, Ts, Ti);
        var air = Enumerable.Repeat(Ts, 5 * 365).ToArray();
        var result = new GroundThermalModel(options).Run(air);
        double maxErr = 0; int worstDay = 0;
        for (int d = 29; d < air.Length; d++)     // from day 30: X is then 0.7 m, 35 cells
        {
            double exact = stefan.ThawDepth((d + 1) * 86400.0);
            double err = Math.Abs(result.DailyThawDepth[d] - exact);
            if (err > maxErr) { maxErr = err; worstDay = d; }
        }
        output.WriteLine($"λ = {stefan.Lambda():F6}, X(5 y) = {stefan.ThawDepth(5 * 365 * 86400.0):F4} m, model {result.DailyThawDepth[^1]:F4} m; max |error| {maxErr * 100:F3} cm on day {worstDay + 1}");
        Assert.True(maxErr < 0.01, $"max thaw-depth error {maxErr * 100:F3} cm (day {worstDay + 1}) exceeds 1 cm");
        // The temperature profile in the thawed zone also matches (0.05 K at 1 m after 5 years).
        Assert.Equal(stefan.Temperature(1.0, 5 * 365 * 86400.0), result.DailyTemperature[air.Length - 1, 0], 0.05);
    }

    [Fact]
    public void StefanLambda_SatisfiesStefanCondition_AndOnePhaseLimit()
    {
        // With Ti = Tm the problem is one-phase; the classical equation is λ e^{λ²} erf(λ) = St/√π.
        var p = new StefanProblem(Kt, Kf, Ct, Cf, 1e8, Ts, 0);
        double lambda = p.Lambda();
        double st = Ct * Ts / 1e8;
        Assert.Equal(st / Math.Sqrt(Math.PI), lambda * Math.Exp(lambda * lambda) * MathNet.Numerics.SpecialFunctions.Erf(lambda), 1e-12);
    }

    [Fact]
    public void PeriodicSurfaceWave_AmplitudeDampingAndPhaseLag()
    {
        // Dry homogeneous ground: α = 1.5 / 2e6 = 7.5e-7 m² s⁻¹, d = √(2α/ω) = 2.74 m for the annual wave.
        const double k = 1.5, c = 2.0e6, mean = 2, a0 = 10;
        var layer = new SoilLayer("dry rock", 40, 0, k, k, c, c);
        var options = new GroundColumnOptions
        {
            Layers = [layer],
            Grid = new GridOptions(0.05, 1.05, 0.5),
            Surface = SurfaceBoundary.Prescribed,
            GeothermalFlux = 0,
            InitialTemperature = _ => mean,
            OutputDepths = [0.5, 1, 2, 4, 6],
            SpinUpYears = 0,
        };
        int years = 6;
        var air = new double[years * 365];
        for (int d = 0; d < air.Length; d++) air[d] = mean + a0 * Math.Sin(2 * Math.PI * (d + 1) / 365.0);
        var result = new GroundThermalModel(options).Run(air);
        var wave = new PeriodicWave(k / c, 365 * 86400.0);
        for (int j = 0; j < result.OutputDepths.Length; j++)
        {
            double z = result.OutputDepths[j];
            // Fourier projection over the last year: T − mean = A sin(ωt − φ).
            double s = 0, co = 0;
            for (int d = (years - 1) * 365; d < years * 365; d++)
            {
                double w = 2 * Math.PI * (d + 1) / 365.0, v = result.DailyTemperature[d, j] - mean;
                s += v * Math.Sin(w); co += v * Math.Cos(w);
            }
            double amp = 2 / 365.0 * Math.Sqrt(s * s + co * co);
            double lag = Math.Atan2(-co, s);
            while (lag < 0) lag += 2 * Math.PI;
            double ratio = amp / a0, exactRatio = wave.AmplitudeRatio(z), exactLag = wave.PhaseLag(z);
            output.WriteLine($"z = {z} m: amplitude ratio {ratio:F5} (exact {exactRatio:F5}), lag {lag:F4} rad (exact {exactLag:F4})");
            // Backward Euler at ωΔt = 0.017 and the 5 cm grid: amplitude within 2 % of A₀e^{−z/d}, lag within 0.03 rad (1.7 days).
            Assert.True(Math.Abs(ratio / exactRatio - 1) < 0.02, $"z = {z}: amplitude ratio {ratio} vs {exactRatio}");
            Assert.True(Math.Abs(lag - exactLag) < 0.03, $"z = {z}: phase lag {lag} vs {exactLag}");
        }
    }

    [Fact]
    public void EnergyIsConserved_WithFreezingSnowExtractorAndGeothermalFlux()
    {
        var layers = new[]
        {
            new SoilLayer("organic", 0.3, 0.5, 0.9, 0.4, 1.6e6, 2.8e6) { Freezing = FreezingCurve.PowerLaw(0.02, 0.6) },
            new SoilLayer("silt", 4, 0.3, 2.0, 1.3, 1.9e6, 2.5e6) { Freezing = FreezingCurve.PowerLaw(0.05, 0.5) },
            new SoilLayer("gravel", 2, 0.1, 2.6, 2.2, 1.9e6, 2.1e6),
            new SoilLayer("bedrock", 24, 0.02, 2.8, 2.7, 2.0e6, 2.0e6),
        };
        var snow = new double[365];
        for (int d = 0; d < 365; d++) snow[d] = d < 90 || d > 320 ? 0.2 : 0;
        var options = new GroundColumnOptions
        {
            Layers = layers,
            Surface = new SurfaceBoundary { ThawingNFactor = 0.9, FreezingNFactor = 0.8, SnowDepth = snow },
            Extractors = [new HeatExtractor(1, 5, 1, 2, 10)],
            Resistances = [new InterfaceResistance(0.3, 1.0)],
            InitialTemperature = z => -1 + 0.03 * z,
        };
        var air = new double[3 * 365];
        for (int d = 0; d < air.Length; d++) air[d] = -3 - 12 * Math.Cos(2 * Math.PI * (d - 15) / 365.0);
        var result = new GroundThermalModel(options).Run(air);
        var e = result.Energy;
        output.WriteLine($"surface {e.SurfaceInput:E4}, bottom {e.BottomInput:E4}, sources {e.SourceInput:E4}, ΔH {e.EnthalpyChange:E4}, residual {e.Residual:E3} J m⁻²");
        Assert.True(e.SourceInput < 0, "the thermosyphon should have extracted heat in winter");
        double scale = Math.Abs(e.SurfaceInput) + Math.Abs(e.SourceInput) + Math.Abs(e.EnthalpyChange) + 1;
        Assert.True(Math.Abs(e.Residual) < 1e-9 * scale, $"energy residual {e.Residual} J m⁻² (scale {scale})");
        Assert.Equal(0, result.UnconvergedSteps);
    }

    [Fact]
    public void CenturyOnThirtyMetreColumn_IsStableAtDailySteps()
    {
        // Stability and sanity (not timing): a 100-year daily run on a 30 m column converges every step and stays bounded.
        var layers = new[]
        {
            new SoilLayer("silt", 3, 0.3, 2.0, 1.3, 1.9e6, 2.5e6) { Freezing = FreezingCurve.PowerLaw(0.05, 0.5) },
            new SoilLayer("bedrock", 27, 0.05, 2.8, 2.7, 2.0e6, 2.0e6) { Freezing = FreezingCurve.PowerLaw(0.05, 0.5) },
        };
        var options = new GroundColumnOptions { Layers = layers, OutputDepths = [1, 10] };
        var model = new GroundThermalModel(options);
        output.WriteLine($"{model.Grid.Count} cells");
        var air = new double[100 * 365];
        for (int d = 0; d < air.Length; d++) air[d] = -4 + 0.35 / 40 * d / 365.0 - 12.5 * Math.Cos(2 * Math.PI * (d - 15) / 365.0);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = model.Run(air);
        output.WriteLine($"100 years: {sw.ElapsedMilliseconds} ms, max iterations {result.MaxIterations}");
        Assert.Equal(0, result.UnconvergedSteps);
        Assert.InRange(model.Grid.Count, 60, 250);
        foreach (var v in result.DailyTemperature) Assert.InRange(v, -30, 30);
        Assert.All(result.Years.Skip(5), y => Assert.False(double.IsNaN(y.ActiveLayerThickness)));
    }
}

/// <summary>The time loop of the solver must not allocate (guards the "no allocation in the time loop" performance contract).</summary>
public sealed class HeatSolverAllocationTests
{
    [Fact]
    public void Step_DoesNotAllocate()
    {
        var options = new GroundColumnOptions
        {
            Layers = EcoNotebooks.Permafrost.Samples.XiningSamples.MuliProfile(),
            Surface = new SurfaceBoundary { ThawingNFactor = 1.2, FreezingNFactor = 0.7, SnowDepth = [0.1, 0.0] },
            Extractors = [new HeatExtractor(0.5, 5, 1, 0.5, 5)],
            Resistances = [new InterfaceResistance(0.5, 3)],
        };
        var solver = new HeatSolver<EcoNotebooks.Permafrost.Numerics.Real>(options);
        solver.SetTemperatures(Enumerable.Repeat(-1.0, solver.Grid.Count).ToArray());
        for (int d = 0; d < 50; d++) solver.Step(-10 + d * 0.5, d);   // warm-up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int d = 0; d < 365; d++) { solver.Step(-5 - 12 * Math.Cos(2 * Math.PI * d / 365), d); solver.ThawFrontDepth(); solver.TemperatureAt(3); }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
