using EcoNotebooks.Permafrost.Numerics;

namespace EcoNotebooks.Permafrost;

/// <summary>
/// 1D ground thermal model with freezing and thawing (enthalpy formulation, implicit, energy-conserving; see
/// <see cref="HeatSolver{TS}"/>), driven by daily air temperature through n-factors and snow, with a geothermal flux at
/// the bottom. Comparable in scope to GIPL 2 (Marchenko et al. 2008) or CryoGrid's conduction core.
/// <example><code>
/// var model = new GroundThermalModel(new GroundColumnOptions { Layers = XiningSamples.MuliProfile() , SpinUpYears = 20 });
/// var result = model.Run(XiningSamples.AirTemperature(XiningSite.Muli, years: 40, seed: 1));
/// double alt = result.Years[^1].ActiveLayerThickness;
/// </code></example>
/// </summary>
public sealed class GroundThermalModel
{
    /// <summary>Creates the model.</summary>
    public GroundThermalModel(GroundColumnOptions options)
    {
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        Grid = ColumnGrid.Build(options.Layers, options.Grid);
    }

    /// <summary>The configuration.</summary>
    public GroundColumnOptions Options { get; }
    /// <summary>The grid.</summary>
    public ColumnGrid Grid { get; }

    /// <summary>Default output depths within the column.</summary>
    public double[] EffectiveOutputDepths() =>
        (Options.OutputDepths ?? [0.5, 1, 2, 3, 5, 10, 15, 20, 25]).Where(d => d >= 0 && d <= Grid.Depth).ToArray();

    /// <summary>The initial temperature of every cell, °C.</summary>
    public double[] InitialTemperatures(ReadOnlySpan<double> airTemperature)
    {
        var init = Options.InitialTemperature;
        double mean = 0;
        if (init is null)
        {
            int m = Math.Min(365, airTemperature.Length);
            for (int d = 0; d < m; d++) mean += Options.Surface.SurfaceTemperature(airTemperature[d]);
            mean /= Math.Max(1, m);
        }
        var t = new double[Grid.Count];
        for (int i = 0; i < t.Length; i++)
        {
            double z = Grid.Centres[i];
            t[i] = Options.Layers[Grid.LayerOfCell[i]].InitialTemperature ?? (init is null ? mean + 0.03 * z : init(z));
        }
        return t;
    }

    /// <summary>
    /// Runs the model over the daily air temperatures <paramref name="airTemperature"/> (°C, one per time step, no NaN)
    /// after the configured spin-up, and returns temperatures, annual statistics and the energy budget.
    /// </summary>
    public SimulationResult Run(ReadOnlySpan<double> airTemperature)
    {
        if (airTemperature.Length == 0) throw new ArgumentException("The air temperature series is empty.", nameof(airTemperature));
        for (int d = 0; d < airTemperature.Length; d++)
            if (!double.IsFinite(airTemperature[d])) throw new ArgumentException($"Air temperature on day {d} is {airTemperature[d]}; the forcing must be gap-free.", nameof(airTemperature));
        var solver = new HeatSolver<Real>(Options);
        solver.SetTemperatures(InitialTemperatures(airTemperature));
        int spinDays = Math.Min(365, airTemperature.Length);
        for (int y = 0; y < Options.SpinUpYears; y++)
            for (int d = 0; d < spinDays; d++) solver.Step(airTemperature[d], d);
        return Record(solver, airTemperature);
    }

    internal SimulationResult Record(HeatSolver<Real> solver, ReadOnlySpan<double> air)
    {
        int n = Grid.Count, nd = air.Length, years = nd / 365;
        var depths = EffectiveOutputDepths();
        var daily = new double[nd, depths.Length];
        var days = new double[nd];
        int pint = Options.ProfileInterval;
        int np = pint > 0 ? nd / pint : 0;
        var profiles = pint > 0 ? new double[np, n] : null;
        var profileDays = new int[np];
        var amax = new double[years, n]; var amin = new double[years, n]; var amean = new double[years, n];
        var thaw = new double[nd];
        var freeze = new double[nd];
        var ts = new double[nd];
        solver.ResetEnergyCounters();
        double h0 = solver.TotalEnthalpy();
        int maxIt = 0;
        long totalIt = 0;
        int unconv0 = solver.UnconvergedSteps;
        var T = new double[n];
        for (int d = 0; d < nd; d++)
        {
            int it = solver.Step(air[d], d);
            if (it > maxIt) maxIt = it;
            totalIt += it;
            var temps = solver.Temperatures;
            for (int j = 0; j < depths.Length; j++) daily[d, j] = solver.TemperatureAt(depths[j]);
            days[d] = d + 1;
            thaw[d] = solver.ThawFrontDepth();
            freeze[d] = solver.FreezeFrontDepth();
            ts[d] = Options.Surface.SurfaceTemperature(air[d]);
            if (pint > 0 && (d + 1) % pint == 0 && (d + 1) / pint - 1 < np)
            {
                int p = (d + 1) / pint - 1;
                profileDays[p] = d;
                for (int i = 0; i < n; i++) profiles![p, i] = temps[i].Value;
            }
            int y = d / 365;
            if (y < years)
            {
                bool first = d % 365 == 0;
                for (int i = 0; i < n; i++)
                {
                    double v = temps[i].Value;
                    if (first) { amax[y, i] = v; amin[y, i] = v; amean[y, i] = 0; }
                    else { if (v > amax[y, i]) amax[y, i] = v; if (v < amin[y, i]) amin[y, i] = v; }
                    amean[y, i] += v / 365;
                }
            }
        }
        var energy = new EnergyBudget(solver.SurfaceEnergy, solver.BottomEnergy, solver.SourceEnergy, solver.TotalEnthalpy() - h0);
        var summaries = new AnnualSummary[years];
        for (int y = 0; y < years; y++)
        {
            double maxThaw = 0, maxFreeze = 0, sa = 0, ss = 0;
            for (int d = y * 365; d < (y + 1) * 365; d++) { maxThaw = Math.Max(maxThaw, thaw[d]); maxFreeze = Math.Max(maxFreeze, freeze[d]); sa += air[d]; ss += ts[d]; }
            summaries[y] = Summarise(y, amax, amin, amean, maxThaw, maxFreeze, sa / 365, ss / 365);
        }
        return new SimulationResult(Grid, depths, daily, days, profiles, profileDays, amax, amin, amean, summaries, thaw, energy, maxIt, solver.UnconvergedSteps - unconv0, totalIt);
    }

    private AnnualSummary Summarise(int y, double[,] amax, double[,] amin, double[,] amean, double maxThaw, double maxFreeze, double meanAir, double meanSurface)
    {
        int n = Grid.Count;
        var c = Grid.Centres;
        double Tm(int i) => Options.Layers[Grid.LayerOfCell[i]].Freezing.MeltingPoint;
        int top = -1;
        for (int i = 0; i < n; i++) if (amax[y, i] <= Tm(i)) { top = i; break; }
        double table = double.NaN, pbase = double.NaN;
        if (top >= 0)
        {
            table = top == 0 ? 0 : Interp(c[top - 1], amax[y, top - 1] - Tm(top - 1), c[top], amax[y, top] - Tm(top));
            int j = top;
            while (j < n && amax[y, j] <= Tm(j)) j++;
            pbase = j == n ? Grid.Depth : Interp(c[j - 1], amax[y, j - 1] - Tm(j - 1), c[j], amax[y, j] - Tm(j));
        }
        double zaa = double.NaN, magt = double.NaN;
        for (int i = 0; i < n; i++)
            if ((amax[y, i] - amin[y, i]) / 2 < Options.ZeroAmplitudeThreshold) { zaa = c[i]; magt = amean[y, i]; break; }
        bool pf = top >= 0;
        double alt = pf ? maxThaw : double.NaN;
        double frost = pf ? Math.Min(maxFreeze, maxThaw) : maxFreeze;
        return new AnnualSummary(y, maxThaw, frost, alt, table, pbase, zaa, magt, meanAir, meanSurface);
    }

    private static double Interp(double za, double va, double zb, double vb) => va == vb ? zb : za + (zb - za) * va / (va - vb);
}
