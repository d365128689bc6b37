using EcoNotebooks.Permafrost.Numerics;

namespace EcoNotebooks.Permafrost.Twin;

/// <summary>
/// The forward model of the digital twin: a column, its forcing and a spin-up, run for given property multipliers
/// (<see cref="PropertyScales{T}"/>) on any number type, so that predictions at observation points come with exact
/// derivatives when run on <see cref="Dual4"/>.
/// </summary>
public sealed class TwinModel
{
    /// <summary>Creates the forward model.</summary>
    /// <param name="column">Column options (the SpinUpYears field is ignored; use <paramref name="spinUpYears"/>).</param>
    /// <param name="airTemperature">Daily forcing of the assimilation window, °C.</param>
    /// <param name="spinUpYears">Years of spin-up on the first forcing year, run with the same multipliers (so the initial state depends on them).</param>
    public TwinModel(GroundColumnOptions column, double[] airTemperature, int spinUpYears = 5)
    {
        Column = (column ?? throw new ArgumentNullException(nameof(column))).Validate();
        Air = airTemperature ?? throw new ArgumentNullException(nameof(airTemperature));
        if (Air.Length == 0) throw new ArgumentException("The forcing is empty.", nameof(airTemperature));
        if (spinUpYears < 0) throw new ArgumentOutOfRangeException(nameof(spinUpYears), spinUpYears, "Spin-up years must be ≥ 0.");
        SpinUpYears = spinUpYears;
        var model = new GroundThermalModel(Column);
        Grid = model.Grid;
        InitialProfile = model.InitialTemperatures(Air);
    }

    /// <summary>Column configuration.</summary>
    public GroundColumnOptions Column { get; }
    /// <summary>Forcing, °C.</summary>
    public double[] Air { get; }
    /// <summary>Spin-up years.</summary>
    public int SpinUpYears { get; }
    /// <summary>Grid.</summary>
    public ColumnGrid Grid { get; }
    /// <summary>Temperatures before the spin-up, °C.</summary>
    public double[] InitialProfile { get; }

    /// <summary>A solver after the spin-up with multipliers <paramref name="scales"/>.</summary>
    public HeatSolver<TS> SpunUp<TS>(PropertyScales<TS> scales) where TS : struct, IScalar<TS>
    {
        var solver = new HeatSolver<TS>(Column, scales);
        solver.SetTemperatures(InitialProfile);
        int days = Math.Min(365, Air.Length);
        for (int y = 0; y < SpinUpYears; y++)
            for (int d = 0; d < days; d++) solver.Step(Air[d], d);
        return solver;
    }

    /// <summary>Predicted temperatures at the observations (which must be sorted by day), °C.</summary>
    public TS[] Predict<TS>(PropertyScales<TS> scales, IReadOnlyList<Observation> observations) where TS : struct, IScalar<TS>
    {
        ArgumentNullException.ThrowIfNull(observations);
        var solver = SpunUp(scales);
        var result = new TS[observations.Count];
        int k = 0;
        int lastDay = observations.Count == 0 ? -1 : observations[^1].Day;
        if (lastDay >= Air.Length) throw new ArgumentException($"An observation is on day {lastDay} but the forcing has {Air.Length} days.", nameof(observations));
        for (int d = 0; d <= lastDay; d++)
        {
            solver.Step(Air[d], d);
            while (k < observations.Count && observations[k].Day == d) { result[k] = solver.TemperatureAtScalar(observations[k].Depth); k++; }
            if (k < observations.Count && observations[k].Day < d) throw new ArgumentException("Observations must be sorted by day.", nameof(observations));
        }
        return result;
    }

    /// <summary>The daily temperature field [day, cell] with multipliers <paramref name="scales"/> (the synthetic truth run).</summary>
    public double[,] Field(PropertyScales<Real> scales)
    {
        var solver = SpunUp(scales);
        var f = new double[Air.Length, Grid.Count];
        for (int d = 0; d < Air.Length; d++)
        {
            solver.Step(Air[d], d);
            var t = solver.Temperatures;
            for (int i = 0; i < t.Length; i++) f[d, i] = t[i].Value;
        }
        return f;
    }
}
