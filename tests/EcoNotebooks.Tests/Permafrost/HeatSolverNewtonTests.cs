using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Numerics;
using EcoNotebooks.Permafrost.Samples;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Permafrost;

/// <summary>
/// The fast paths of the enthalpy solver: the anchored Taylor series that replaces Math.Pow in T(H), and the
/// top-sub-column predictor (<see cref="SolverOptions.PredictorDepth"/>) that lets the whole-column Newton iteration
/// converge in about one iteration.
/// </summary>
public sealed class HeatSolverNewtonTests(ITestOutputHelper output)
{
    /// <summary>The 202-node benchmark column (Muli profile, uniform 0.15 m cells to 30 m), where the predictor is active.</summary>
    private static GroundColumnOptions BenchmarkColumn(double predictorDepth, double tolerance = 1e-4, bool isothermal = false)
    {
        var layers = XiningSamples.MuliProfile();
        if (isothermal) layers = layers.Select(l => l with { Freezing = FreezingCurve.Isothermal }).ToList();
        return new GroundColumnOptions
        {
            Layers = layers, Surface = XiningSamples.MuliSurface(), Grid = GridOptions.Uniform(0.15),
            Solver = new SolverOptions(tolerance, 400, predictorDepth), ProfileInterval = 1,
        };
    }

    private static double MaxAbsDiff(double[,] a, double[,] b)
    {
        double m = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) m = Math.Max(m, Math.Abs(a[i, j] - b[i, j]));
        return m;
    }

    [Fact]
    public void StateAfterCentury_MatchesExactPowerLaw()
    {
        // T(H) is inverted with a Taylor series of (x/T0)^−b around each cell's last Math.Pow value. The state must stay
        // consistent with the exact curve: H = H(T) from Math.Pow (HeatSolver.Enthalpy) within the inner Newton
        // tolerance (|Δx| ≤ 1e-9 (1 + x) K, i.e. |ΔH| ≤ C·1e-9·(1 + x)), and θu/θ = FreezingCurve.UnfrozenFraction(T).
        var options = BenchmarkColumn(4);
        var solver = new HeatSolver<Real>(options);
        var air = XiningSamples.AirTemperature(XiningSite.Muli, 100, seed: 1);
        solver.SetTemperatures(new GroundThermalModel(options).InitialTemperatures(air));
        double worstT = 0, worstPhi = 0;
        for (int d = 0; d < air.Length; d++)
        {
            solver.Step(air[d], d);
            if (d % 73 != 0) continue;
            for (int i = 0; i < solver.Grid.Count; i++)
            {
                int l = solver.Grid.LayerOfCell[i];
                double t = solver.Temperatures[i].Value, h = solver.Enthalpies[i].Value;
                double hExact = solver.Enthalpy(new Real(t), l).Value;
                double c = (solver.Enthalpy(new Real(t + 1e-6), l).Value - solver.Enthalpy(new Real(t - 1e-6), l).Value) / 2e-6;
                worstT = Math.Max(worstT, Math.Abs(h - hExact) / c / (1 + Math.Abs(t)));
                double phiExact = options.Layers[l].Freezing.UnfrozenFraction(t);
                worstPhi = Math.Max(worstPhi, Math.Abs(solver.UnfrozenFractions[i].Value - phiExact) / phiExact);
            }
        }
        output.WriteLine($"max |T − T(H)|/(1 + |T|) = {worstT:E2} K, max relative error of θu/θ = {worstPhi:E2}");
        Assert.True(worstT < 2e-9, $"state inconsistent with the exact power law by {worstT:E2} K");
        Assert.True(worstPhi < 1e-8, $"unfrozen fraction off by {worstPhi:E2} (relative)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Predictor_AgreesWithWholeColumnIteration_AndIsCloserToTheConvergedSolution(bool isothermal)
    {
        // Same column and forcing with and without the predictor, and a reference iterated to 1e-10 K without it. The
        // convergence test bounds |T(H) − T*| of the accepted iterate, not the lag of the conductivities (they come from
        // the previous iterate), so both answers carry a lag error; the predictor's starting iterate is closer to the
        // answer, so its lag error is smaller. Measured (10 years): power law, max |ΔT| to the reference 0.011 K with the
        // predictor vs 0.12 K without (MAGT 4e-5 vs 6e-4 K); isothermal 0.46 K vs 2.2 K (the surface cell on a day its
        // phase changes; MAGT 5e-4 vs 0.017 K).
        int years = 10;
        var air = XiningSamples.AirTemperature(XiningSite.Muli, years, seed: 1);
        var fast = new GroundThermalModel(BenchmarkColumn(4, isothermal: isothermal)).Run(air);
        var plain = new GroundThermalModel(BenchmarkColumn(0, isothermal: isothermal)).Run(air);
        var exact = new GroundThermalModel(BenchmarkColumn(0, 1e-10, isothermal)).Run(air);
        double dFast = MaxAbsDiff(fast.Profiles!, exact.Profiles!), dPlain = MaxAbsDiff(plain.Profiles!, exact.Profiles!);
        double dMagtFast = 0, dMagtPlain = 0, dAltFast = 0, dAltPlain = 0;
        for (int y = 0; y < years; y++)
        {
            dMagtFast = Math.Max(dMagtFast, Math.Abs(fast.Years[y].Magt - exact.Years[y].Magt));
            dMagtPlain = Math.Max(dMagtPlain, Math.Abs(plain.Years[y].Magt - exact.Years[y].Magt));
            dAltFast = Math.Max(dAltFast, Math.Abs(fast.Years[y].ActiveLayerThickness - exact.Years[y].ActiveLayerThickness));
            dAltPlain = Math.Max(dAltPlain, Math.Abs(plain.Years[y].ActiveLayerThickness - exact.Years[y].ActiveLayerThickness));
        }
        output.WriteLine($"iterations per step: predictor {(double)fast.TotalIterations / air.Length:F3} (whole column), plain {(double)plain.TotalIterations / air.Length:F3}, reference {(double)exact.TotalIterations / air.Length:F3}");
        output.WriteLine($"max |ΔT| to the reference: predictor {dFast:E2} K, plain {dPlain:E2} K; MAGT {dMagtFast:E2} vs {dMagtPlain:E2} K; ALT {dAltFast:E2} vs {dAltPlain:E2} m");
        Assert.Equal(0, fast.UnconvergedSteps);
        Assert.True(dFast <= dPlain, $"predictor {dFast} K farther from the converged solution than the plain iteration {dPlain} K");
        Assert.True(dMagtFast <= Math.Max(dMagtPlain, 1e-4) && dAltFast <= Math.Max(dAltPlain, 1e-4), "annual numbers farther from the converged solution");
        // The predictor cuts the whole-column iterations to about one per step.
        if (!isothermal) Assert.True(fast.TotalIterations < 1.1 * air.Length, $"{fast.TotalIterations} whole-column iterations for {air.Length} steps");
        // Energy is conserved to round-off with the predictor too.
        var e = fast.Energy;
        double scale = Math.Abs(e.SurfaceInput) + Math.Abs(e.BottomInput) + Math.Abs(e.EnthalpyChange) + 1;
        Assert.True(Math.Abs(e.Residual) < 1e-9 * scale, $"energy residual {e.Residual} J m⁻² (scale {scale})");
    }

    [Fact]
    public void PredictorOff_ReproducesThePlainIteration_AndPredictorIsSkippedOnShortSubColumns()
    {
        // PredictorDepth 0 is the plain whole-column iteration; on the default graded grid 4 m holds more than half of
        // the cells, so the predictor is skipped there and results are identical to PredictorDepth 0.
        var layers = XiningSamples.MuliProfile();
        var air = XiningSamples.AirTemperature(XiningSite.Muli, 3, seed: 2);
        var graded = new GroundColumnOptions { Layers = layers, Surface = XiningSamples.MuliSurface(), ProfileInterval = 1 };
        var a = new GroundThermalModel(graded).Run(air);
        var b = new GroundThermalModel(graded with { Solver = new SolverOptions(PredictorDepth: 0) }).Run(air);
        Assert.Equal(0, new HeatSolver<Real>(graded).PredictorCells);
        Assert.Equal(0.0, MaxAbsDiff(a.Profiles!, b.Profiles!));
        Assert.Equal(27, new HeatSolver<Real>(BenchmarkColumn(4)).PredictorCells);   // faces 0.15, 0.2 (layer), …, 3.0 (layer), …, 3.9 m
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroundThermalModel(graded with { Solver = new SolverOptions(PredictorDepth: -1) }));
    }

    [Fact]
    public void DualNumbers_WithPredictor_MatchFiniteDifferences()
    {
        // The predictor runs on Dual4 as well; the derivative of a deep temperature with respect to the thawed
        // conductivity multiplier must still match a central finite difference of the Real solver.
        var options = BenchmarkColumn(4, 1e-9) with { ProfileInterval = 0 };
        var air = XiningSamples.AirTemperature(XiningSite.Muli, 1, seed: 4);
        double Run(double s)
        {
            var solver = new HeatSolver<Real>(options, new PropertyScales<Real>(s, 1, 1, 1));
            solver.SetTemperatures(new GroundThermalModel(options).InitialTemperatures(air));
            for (int d = 0; d < air.Length; d++) solver.Step(air[d], d);
            return solver.TemperatureAt(2);
        }
        var dual = new HeatSolver<Dual4>(options, new PropertyScales<Dual4>(Dual4.Variable(1, 0), Dual4.FromDouble(1), Dual4.FromDouble(1), Dual4.FromDouble(1)));
        var init = new GroundThermalModel(options).InitialTemperatures(air);
        dual.SetTemperatures(init);
        for (int d = 0; d < air.Length; d++) dual.Step(air[d], d);
        double ad = dual.TemperatureAtScalar(2).D0, h = 1e-3;
        double fd = (Run(1 + h) - Run(1 - h)) / (2 * h);
        output.WriteLine($"∂T(2 m)/∂s_kt: dual {ad:E6}, finite difference {fd:E6}; value dual {dual.TemperatureAt(2):F6} vs real {Run(1):F6}");
        Assert.True(Math.Abs(dual.TemperatureAt(2) - Run(1)) < 1e-3, "dual value part differs from the Real run");
        Assert.True(Math.Abs(ad - fd) < 0.02 * Math.Abs(fd) + 1e-3, $"dual derivative {ad} vs finite difference {fd}");
    }
}
