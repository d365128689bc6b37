using EcoNotebooks.Permafrost.Measures;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Permafrost.Scenarios;

/// <summary>A named combination of measures.</summary>
/// <param name="Name">Label.</param>
/// <param name="Measures">Measures applied together (empty = natural ground).</param>
public sealed record Scenario(string Name, IReadOnlyList<IRestorationMeasure> Measures)
{
    /// <summary>A scenario of one measure, named after it.</summary>
    public static Scenario Of(IRestorationMeasure measure) => new(measure.Name, [measure]);
}

/// <summary>Settings of <see cref="ScenarioRunner"/>.</summary>
/// <param name="SpinUpYears">Years the natural column is spun up on the first forcing year before the measures go in (default 30).</param>
/// <param name="WarmingPerFourDecades">Linear warming added to the forcing, °C per 40 years (paper §1/§2.2: 0.3–0.4; default 0.35). 0 when the forcing already has its trend.</param>
public sealed record ScenarioRunnerOptions(int SpinUpYears = 30, double WarmingPerFourDecades = 0.35);

/// <summary>One year of one scenario.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Year">Year from the start of the run (0-based).</param>
/// <param name="MaxThawDepth">Deepest thaw below the (possibly raised) surface, m.</param>
/// <param name="ThawBelowOriginalSurface">Deepest thaw below the original ground surface, m (max thaw − added thickness, ≥ 0).</param>
/// <param name="ActiveLayerThickness">ALT, m (NaN without permafrost).</param>
/// <param name="MaxFreezeDepth">Seasonal frost depth, m.</param>
/// <param name="Magt">MAGT at the depth of zero annual amplitude, °C.</param>
/// <param name="PermafrostTable">m below the surface (NaN without permafrost).</param>
/// <param name="PermafrostBase">m below the surface (NaN without permafrost).</param>
/// <param name="MeanAirTemperature">°C.</param>
public sealed record ScenarioRow(string Scenario, int Year, double MaxThawDepth, double ThawBelowOriginalSurface, double ActiveLayerThickness,
    double MaxFreezeDepth, double Magt, double PermafrostTable, double PermafrostBase, double MeanAirTemperature);

/// <summary>Results of a scenario comparison.</summary>
public sealed class ScenarioTable
{
    internal ScenarioTable(IReadOnlyList<ScenarioRow> rows, IReadOnlyDictionary<string, SimulationResult> runs) { Rows = rows; Runs = runs; }

    /// <summary>One row per scenario and year.</summary>
    public IReadOnlyList<ScenarioRow> Rows { get; }
    /// <summary>Full simulation results by scenario name.</summary>
    public IReadOnlyDictionary<string, SimulationResult> Runs { get; }

    /// <summary>Rows of one scenario.</summary>
    public IEnumerable<ScenarioRow> Of(string scenario) => Rows.Where(r => r.Scenario == scenario);

    /// <summary>Mean of a column over the last <paramref name="years"/> years of a scenario (NaN values skipped; NaN if none).</summary>
    public double MeanOfLastYears(string scenario, Func<ScenarioRow, double> column, int years = 10)
    {
        var rows = Of(scenario).ToList();
        var v = rows.Skip(Math.Max(0, rows.Count - years)).Select(column).Where(x => !double.IsNaN(x)).ToList();
        return v.Count == 0 ? double.NaN : v.Average();
    }

    /// <summary>The table as a DataFrame (columns scenario, year, max_thaw_depth_m, thaw_below_original_surface_m, alt_m, max_freeze_depth_m, magt_c, permafrost_table_m, permafrost_base_m, mean_air_c).</summary>
    public DataFrame ToDataFrame()
    {
        return new DataFrame(
            new StringDataFrameColumn("scenario", Rows.Select(r => r.Scenario)),
            new Int32DataFrameColumn("year", Rows.Select(r => r.Year)),
            new DoubleDataFrameColumn("max_thaw_depth_m", Rows.Select(r => r.MaxThawDepth)),
            new DoubleDataFrameColumn("thaw_below_original_surface_m", Rows.Select(r => r.ThawBelowOriginalSurface)),
            new DoubleDataFrameColumn("alt_m", Rows.Select(r => r.ActiveLayerThickness)),
            new DoubleDataFrameColumn("max_freeze_depth_m", Rows.Select(r => r.MaxFreezeDepth)),
            new DoubleDataFrameColumn("magt_c", Rows.Select(r => r.Magt)),
            new DoubleDataFrameColumn("permafrost_table_m", Rows.Select(r => r.PermafrostTable)),
            new DoubleDataFrameColumn("permafrost_base_m", Rows.Select(r => r.PermafrostBase)),
            new DoubleDataFrameColumn("mean_air_c", Rows.Select(r => r.MeanAirTemperature)));
    }
}

/// <summary>
/// Runs restoration scenarios side by side under a warming climate: the natural column is spun up on the first forcing
/// year, then each scenario's measures are applied to that equilibrated ground (new material on top shifts the old
/// profile down; placed fill keeps its own initial temperature) and the column is run over the forcing plus a linear
/// warming trend. A "Natural ground" scenario is always included first.
/// </summary>
public sealed class ScenarioRunner
{
    /// <summary>Name of the reference scenario without measures.</summary>
    public const string Baseline = "Natural ground";

    /// <summary>Creates a runner for a natural column.</summary>
    public ScenarioRunner(GroundColumnOptions natural, ScenarioRunnerOptions? options = null)
    {
        Natural = (natural ?? throw new ArgumentNullException(nameof(natural))).Validate();
        Options = options ?? new ScenarioRunnerOptions();
        if (Options.SpinUpYears < 0) throw new ArgumentOutOfRangeException(nameof(options), Options.SpinUpYears, "Spin-up years must be ≥ 0.");
    }

    /// <summary>The natural column.</summary>
    public GroundColumnOptions Natural { get; }
    /// <summary>Settings.</summary>
    public ScenarioRunnerOptions Options { get; }

    /// <summary>Adds a linear trend of <paramref name="perFourDecades"/> °C per 40 × 365 days to a daily series.</summary>
    public static double[] AddWarming(ReadOnlySpan<double> air, double perFourDecades)
    {
        var r = new double[air.Length];
        for (int d = 0; d < r.Length; d++) r[d] = air[d] + perFourDecades * d / (40.0 * 365);
        return r;
    }

    /// <summary>Runs all scenarios on the daily forcing <paramref name="airTemperature"/> (°C) and returns the yearly table.</summary>
    public ScenarioTable Run(ReadOnlySpan<double> airTemperature, IEnumerable<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = new List<Scenario> { new(Baseline, []) };
        foreach (var s in scenarios)
        {
            if (list.Any(x => x.Name == s.Name)) throw new ArgumentException($"Duplicate scenario name '{s.Name}'.", nameof(scenarios));
            list.Add(s);
        }
        var spin = new GroundThermalModel(Natural with { SpinUpYears = 0 });
        var solver = new HeatSolver<Numerics.Real>(spin.Options);
        solver.SetTemperatures(spin.InitialTemperatures(airTemperature));
        int spinDays = Math.Min(365, airTemperature.Length);
        for (int y = 0; y < Options.SpinUpYears; y++)
            for (int d = 0; d < spinDays; d++) solver.Step(airTemperature[d], d);
        var depths = spin.Grid.Centres;
        var profile = new double[depths.Length];
        for (int i = 0; i < profile.Length; i++) profile[i] = solver.Temperatures[i].Value;
        double Spun(double z) => z <= depths[0] ? profile[0] : z >= depths[^1] ? profile[^1] : Interp(depths, profile, z);

        var forcing = AddWarming(airTemperature, Options.WarmingPerFourDecades);
        var rows = new List<ScenarioRow>();
        var runs = new Dictionary<string, SimulationResult>();
        foreach (var s in list)
        {
            var opt = Natural;
            double added = 0;
            foreach (var m in s.Measures) { opt = m.Apply(opt); added += m.AddedThickness; }
            double a = added;
            opt = opt with { SpinUpYears = 0, InitialTemperature = z => z < a ? profile[0] : Spun(z - a) };
            var result = new GroundThermalModel(opt).Run(forcing);
            runs[s.Name] = result;
            foreach (var y in result.Years)
                rows.Add(new ScenarioRow(s.Name, y.Year, y.MaxThawDepth, Math.Max(0, y.MaxThawDepth - added), y.ActiveLayerThickness, y.MaxFreezeDepth,
                    y.Magt, y.PermafrostTable, y.PermafrostBase, y.MeanAirTemperature));
        }
        return new ScenarioTable(rows, runs);
    }

    private static double Interp(double[] x, double[] y, double z)
    {
        int i = Array.BinarySearch(x, z);
        if (i >= 0) return y[i];
        i = ~i;
        double w = (z - x[i - 1]) / (x[i] - x[i - 1]);
        return y[i - 1] + w * (y[i] - y[i - 1]);
    }
}
