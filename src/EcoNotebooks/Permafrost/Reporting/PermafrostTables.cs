using EcoNotebooks.Permafrost.Numerics;
using EcoNotebooks.Permafrost.Scenarios;
using EcoNotebooks.Permafrost.Twin;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Permafrost.Reporting;

/// <summary>Tables of permafrost model results for notebooks and reports (values rounded for display only).</summary>
public static class PermafrostTables
{
    /// <summary>One row per layer: name, top_m, bottom_m, water_content, k_frozen_w_mk, k_thawed_w_mk, c_frozen_mj_m3k, c_thawed_mj_m3k, freezing_curve.</summary>
    public static DataFrame Layers(IReadOnlyList<SoilLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var top = new double[layers.Count];
        for (int i = 1; i < layers.Count; i++) top[i] = top[i - 1] + layers[i - 1].Thickness;
        return new DataFrame(new StringDataFrameColumn("name", layers.Select(l => l.Name)),
            new DoubleDataFrameColumn("top_m", top), new DoubleDataFrameColumn("bottom_m", layers.Select((l, i) => Math.Round(top[i] + l.Thickness, 3))),
            new DoubleDataFrameColumn("water_content", layers.Select(l => l.WaterContent)),
            new DoubleDataFrameColumn("k_frozen_w_mk", layers.Select(l => Math.Round(l.KFrozen, 3))), new DoubleDataFrameColumn("k_thawed_w_mk", layers.Select(l => Math.Round(l.KThawed, 3))),
            new DoubleDataFrameColumn("c_frozen_mj_m3k", layers.Select(l => Math.Round(l.CFrozen / 1e6, 3))), new DoubleDataFrameColumn("c_thawed_mj_m3k", layers.Select(l => Math.Round(l.CThawed / 1e6, 3))),
            new StringDataFrameColumn("freezing_curve", layers.Select(l => l.Freezing.Kind == FreezingCurveKind.PowerLaw
                ? $"power law, T0 {l.Freezing.OnsetDepression} K, b {l.Freezing.Exponent}" : "isothermal")));
    }

    /// <summary>One row per year of a run: year, mean_air_c, max_thaw_m, max_freeze_m, alt_m, permafrost_table_m, permafrost_base_m, zero_amplitude_depth_m, magt_c (NaN where undefined).</summary>
    public static DataFrame Annual(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var y = result.Years;
        DoubleDataFrameColumn C(string name, Func<AnnualSummary, double> f, int digits = 3) => new(name, y.Select(r => Math.Round(f(r), digits)));
        return new DataFrame(new Int32DataFrameColumn("year", y.Select(r => r.Year)),
            C("mean_air_c", r => r.MeanAirTemperature, 2), C("max_thaw_m", r => r.MaxThawDepth), C("max_freeze_m", r => r.MaxFreezeDepth),
            C("alt_m", r => r.ActiveLayerThickness), C("permafrost_table_m", r => r.PermafrostTable), C("permafrost_base_m", r => r.PermafrostBase),
            C("zero_amplitude_depth_m", r => r.ZeroAmplitudeDepth, 2), C("magt_c", r => r.Magt));
    }

    /// <summary>
    /// One row per scenario, averaged over the last <paramref name="lastYears"/> years: thaw_below_original_surface_m
    /// (deepest thaw below the original ground surface, the measure of protection), change_vs_natural_m, alt_m,
    /// max_freeze_depth_m (seasonal frost depth, the relevant depth where there is no permafrost), magt_c, magt_change_c
    /// (differences against <see cref="ScenarioRunner.Baseline"/>).
    /// </summary>
    public static DataFrame ScenarioSummary(ScenarioTable table, int lastYears = 5)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (lastYears < 1) throw new ArgumentOutOfRangeException(nameof(lastYears), lastYears, "At least one year.");
        var names = table.Rows.Select(r => r.Scenario).Distinct().ToArray();
        double Mean(string s, Func<ScenarioRow, double> f) => table.MeanOfLastYears(s, f, lastYears);
        double thaw0 = Mean(ScenarioRunner.Baseline, r => r.ThawBelowOriginalSurface), magt0 = Mean(ScenarioRunner.Baseline, r => r.Magt);
        var thaw = names.Select(s => Mean(s, r => r.ThawBelowOriginalSurface)).ToArray();
        var magt = names.Select(s => Mean(s, r => r.Magt)).ToArray();
        return new DataFrame(new StringDataFrameColumn("scenario", names),
            new DoubleDataFrameColumn("thaw_below_original_surface_m", thaw.Select(v => Math.Round(v, 3))),
            new DoubleDataFrameColumn("change_vs_natural_m", thaw.Select(v => Math.Round(v - thaw0, 3))),
            new DoubleDataFrameColumn("alt_m", names.Select(s => Math.Round(Mean(s, r => r.ActiveLayerThickness), 3))),
            new DoubleDataFrameColumn("max_freeze_depth_m", names.Select(s => Math.Round(Mean(s, r => r.MaxFreezeDepth), 3))),
            new DoubleDataFrameColumn("magt_c", magt.Select(v => Math.Round(v, 3))),
            new DoubleDataFrameColumn("magt_change_c", magt.Select(v => Math.Round(v - magt0, 3))));
    }

    /// <summary>True vs estimated multipliers: parameter, truth, start, estimate, relative_error (estimate/truth − 1). <paramref name="estimated"/> selects the rows.</summary>
    public static DataFrame Multipliers(PropertyScales<Real> truth, PropertyScales<Real> estimate, TwinParameters estimated = TwinParameters.Default, PropertyScales<Real>? start = null)
    {
        var s0 = start ?? PropertyScales<Real>.One;
        static double[] V(PropertyScales<Real> s) => [s.KThawed.Value, s.KFrozen.Value, s.WaterContent.Value, s.HeatCapacity.Value];
        string[] labels = ["k_thawed ×", "k_frozen ×", "water content ×", "heat capacity ×"];
        var rows = Enumerable.Range(0, 4).Where(i => ((int)estimated & (1 << i)) != 0).ToArray();
        double[] t = V(truth), e = V(estimate), b = V(s0);
        return new DataFrame(new StringDataFrameColumn("parameter", rows.Select(i => labels[i])),
            new DoubleDataFrameColumn("truth", rows.Select(i => t[i])), new DoubleDataFrameColumn("start", rows.Select(i => b[i])),
            new DoubleDataFrameColumn("estimate", rows.Select(i => Math.Round(e[i], 4))),
            new DoubleDataFrameColumn("relative_error", rows.Select(i => Math.Round(e[i] / t[i] - 1, 4))));
    }

    /// <summary>The ensemble-mean multipliers after the last analysis of a filter run as <see cref="PropertyScales{T}"/> (unestimated ones 1).</summary>
    public static PropertyScales<Real> FinalParameters(EnKFResult result, TwinParameters estimated = TwinParameters.Default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = new double[] { 1, 1, 1, 1 };
        int last = result.ParameterMeans.GetLength(0) - 1;
        if (last < 0) return PropertyScales<Real>.One;
        int a = 0;
        for (int i = 0; i < 4; i++) if (((int)estimated & (1 << i)) != 0) v[i] = result.ParameterMeans[last, a++];
        return new PropertyScales<Real>(v[0], v[1], v[2], v[3]);
    }
}
