using EcoNotebooks.Permafrost.Reporting;
using EcoNotebooks.Permafrost.Scenarios;
using EcoNotebooks.Permafrost.Spatial;
using EcoNotebooks.Permafrost.Twin;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>Standard, fully labelled figures of the permafrost notebook (04-xining-permafrost).</summary>
public static class PermafrostCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Trumpet curve: annual min, mean and max temperature (°C) against depth (m, downwards), with the 0 °C line.</summary>
    public static PlotlyFigure Trumpet(TrumpetCurve curve, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var z = curve.Depth;
        return LineChart.Create(
        [
            new LineSeries("Annual minimum", curve.Min, z, Color: "#1f77b4"),
            new LineSeries("Annual mean", curve.Mean, z, Color: "#333333", Dash: "dash"),
            new LineSeries("Annual maximum", curve.Max, z, Color: "#d62728"),
            new LineSeries("0 °C", [0, 0], [z[0], z[^1]], Color: "#999999", Dash: "dot"),
        ], "Ground temperature (°C)", "Depth (m)", title ?? $"Trumpet curve, year {curve.Year}", reverseY: true);
    }

    /// <summary>One line per scenario of a yearly column (e.g. r => r.ThawBelowOriginalSurface) against the year.</summary>
    public static PlotlyFigure ScenarioLines(ScenarioTable table, Func<ScenarioRow, double> value, string yTitle, string? title = null, bool reverseY = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(value);
        var names = table.Rows.Select(r => r.Scenario).Distinct().ToArray();
        var series = names.Select((n, i) =>
        {
            var rows = table.Of(n).ToArray();
            return new LineSeries(n, rows.Select(r => (double)r.Year).ToArray(), rows.Select(value).ToArray(),
                Dash: n == ScenarioRunner.Baseline ? "dash" : null, Color: n == ScenarioRunner.Baseline ? "#000000" : Palette[i % Palette.Length]);
        });
        return LineChart.Create(series, "Year of the run", yTitle, title, reverseY);
    }

    /// <summary>Daily RMSE (K) of the ensemble mean against the truth, with and without sequential updates, with their time means in the legend.</summary>
    public static PlotlyFigure Rmse(EnKFResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var d = result.Days.Select(x => (double)x).ToArray();
        return LineChart.Create(
        [
            new LineSeries($"Open loop, no updates (mean {result.MeanRmseOpenLoop:0.00} K)", d, result.RmseOpenLoop, Color: "#d62728"),
            new LineSeries($"EnKF with sequential updates (mean {result.MeanRmseAssimilated:0.00} K)", d, result.RmseAssimilated, Color: "#1f77b4"),
        ], "Day of the assimilation window", "RMSE of the ensemble mean vs truth (K)", title);
    }

    /// <summary>Permafrost presence (from <see cref="MagtLapseModel.PermafrostPresence"/>) as a two-class map.</summary>
    public static CategoricalRaster Presence(Raster presence, string? title = null) => new(presence,
    [
        new RasterClass(0, "No permafrost (MAGT ≥ 0 °C)", "#f4a582"),
        new RasterClass(1, "Permafrost (MAGT < 0 °C)", "#4393c3"),
    ], title: title ?? "Permafrost presence");

    /// <summary>Short names of the <see cref="RevegetationFailure"/> flags, in bit order.</summary>
    public static string FailureLabel(byte code)
    {
        if (code == 0) return "Feasible (all rules pass)";
        var parts = new List<string>();
        var f = (RevegetationFailure)code;
        if (f.HasFlag(RevegetationFailure.Elevation)) parts.Add("elevation ≥ 5,000 m");
        if (f.HasFlag(RevegetationFailure.MeanAnnualTemperature)) parts.Add("MAT ≤ −5.6 °C");
        if (f.HasFlag(RevegetationFailure.AccumulatedTemperature)) parts.Add("≥0 °C acc. temp. ≤ 450 °C·d");
        if (f.HasFlag(RevegetationFailure.Precipitation)) parts.Add("precipitation < 262.2 mm");
        if (f.HasFlag(RevegetationFailure.SoilPh)) parts.Add("pH > 8.8");
        if (f.HasFlag(RevegetationFailure.Salt)) parts.Add("salt > 0.13 %");
        return "Fails: " + string.Join(" + ", parts);
    }

    /// <summary>
    /// The revegetation-feasibility map (<see cref="RevegetationFeasibility.Map"/>) as a categorical map with one
    /// legend entry per failure combination present, named after the failing rules (feasible first, green).
    /// </summary>
    public static CategoricalRaster Feasibility(Raster codes, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var present = codes.Band(0).ToDoubleArray().Where(v => !double.IsNaN(v) && v != RevegetationFeasibility.NoDataCode)
            .Distinct().OrderBy(v => v).Select(v => (byte)v).ToArray();
        string[] failColours = ["#fdae61", "#d73027", "#f46d43", "#a50026", "#8073ac", "#542788", "#e08214", "#b35806", "#7f3b08", "#762a83"];
        var classes = new List<RasterClass>();
        int k = 0;
        foreach (var c in present)
            classes.Add(new RasterClass(c, FailureLabel(c), c == 0 ? "#1a9850" : failColours[k++ % failColours.Length]));
        if (classes.Count == 0) classes.Add(new RasterClass(0, FailureLabel(0), "#1a9850"));
        return new CategoricalRaster(codes, classes, title: title ?? "Revegetation feasibility (paper §4.3 rules)");
    }
}
