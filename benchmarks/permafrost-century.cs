// Benchmark: a century of daily steps on a 30 m permafrost column (EcoNotebooks.Permafrost).
// Run from the repository root:  dotnet run -c Release benchmarks/permafrost-century.cs
// Prints the cell count, whole-column Newton iterations (after the top-sub-column predictor) and the best of 5 wall-clock and CPU times (after a warm-up run).
// CPU time is the better measure on a shared machine (the solver is single-threaded).
#:project ../src/EcoNotebooks/EcoNotebooks.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Samples;

var options = new GroundColumnOptions { Layers = XiningSamples.MuliProfile(), Surface = XiningSamples.MuliSurface(), OutputDepths = [1, 5, 10, 20] };
var air = XiningSamples.AirTemperature(XiningSite.Muli, 100, seed: 1);
var model = new GroundThermalModel(options);
if (args.Contains("--isothermal"))
{
    options = options with { Layers = options.Layers.Select(l => l with { Freezing = FreezingCurve.Isothermal }).ToList() };
    model = new GroundThermalModel(options);
}
var warm = model.Run(air.AsSpan(0, 3650));
double best = double.MaxValue, bestCpu = double.MaxValue;
var proc = Process.GetCurrentProcess();
SimulationResult? r = null;
for (int k = 0; k < 5; k++)
{
    proc.Refresh();
    var cpu0 = proc.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    r = model.Run(air);
    best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    proc.Refresh();
    bestCpu = Math.Min(bestCpu, (proc.TotalProcessorTime - cpu0).TotalMilliseconds);
}
Console.WriteLine($"cells: {model.Grid.Count}, steps: {air.Length}, max whole-column Newton iterations: {r!.MaxIterations}, mean {(double)r.TotalIterations / air.Length:F2}, unconverged steps: {r.UnconvergedSteps}");
Console.WriteLine($"best of 5: {best:F0} ms wall, {bestCpu:F0} ms CPU for 100 years ({best / air.Length * 1000:F1} µs wall per daily step)");
Console.WriteLine($"energy residual: {r.Energy.Residual:E2} J m⁻² of {Math.Abs(r.Energy.SurfaceInput):E2} J m⁻² surface input");
