using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Numerics;
using EcoNotebooks.Permafrost.Reporting;
using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Permafrost.Twin;

namespace EcoNotebooks.Tests.Permafrost.Reporting;

/// <summary>The notebook-facing helpers: analytic comparisons, trumpet curve and tables.</summary>
public sealed class ReportingTests
{
    [Fact]
    public void Stefan_ComparesWithTheNeumannSolution_WithinOneCentimetre()
    {
        // Guards the Stefan figure of notebook 04: same set-up as HeatSolverValidationTests (1 year here for speed).
        var c = AnalyticValidation.Stefan(years: 1, spacing: 0.02);
        Assert.Equal(365, c.Days.Length);
        for (int d = 0; d < c.Days.Length; d += 30)
            Assert.Equal(c.Problem.ThawDepth(c.Days[d] * 86400), c.ExactThawDepth[d], 1e-12);
        Assert.True(c.MaxAbsError < 0.01, $"max error {c.MaxAbsError} m");
        Assert.Equal(30, c.ScoredFromDay);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticValidation.Stefan(spacing: 0));
    }

    [Fact]
    public void PeriodicWave_AmplitudeWithin2PercentAndLagWithin003Rad()
    {
        var w = AnalyticValidation.PeriodicWave([0.5, 1, 2, 4, 6]);
        Assert.Equal(2.7438, w.Wave.DampingDepth, 1e-3);   // √(2·7.5e-7 · 31,536,000 / 2π) = √7.5287
        Assert.True(w.MaxAmplitudeRelativeError < 0.02, $"{w.MaxAmplitudeRelativeError}");
        Assert.True(w.MaxPhaseLagError < 0.03, $"{w.MaxPhaseLagError}");
        Assert.Equal(5, w.ToDataFrame().Rows.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticValidation.PeriodicWave([-1]));
    }

    [Fact]
    public void TrumpetCurve_EnvelopesTheMean_AndSelectsYears()
    {
        var opt = new GroundColumnOptions { Layers = XiningSamples.MuliProfile(), Surface = XiningSamples.MuliSurface(), SpinUpYears = 2 };
        var r = new GroundThermalModel(opt).Run(XiningSamples.AirTemperature(XiningSite.Muli, 3));
        var t = TrumpetCurve.From(r, -1, maxDepth: 10);
        Assert.Equal(2, t.Year);
        Assert.True(t.Depth[^1] <= 10);
        for (int i = 0; i < t.Depth.Length; i++) Assert.True(t.Min[i] <= t.Mean[i] && t.Mean[i] <= t.Max[i]);
        Assert.Equal(r.AnnualMax[0, 3], TrumpetCurve.From(r, 0).Max[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrumpetCurve.From(r, 3));
        Assert.Equal(3, PermafrostTables.Annual(r).Rows.Count);
        var layers = PermafrostTables.Layers(XiningSamples.MuliProfile());
        Assert.Equal(4, layers.Rows.Count);
        Assert.Equal(3.0, (double)layers["top_m"][2]!, 1e-9);      // 0.2 m peat + 2.8 m silty clay
        Assert.Equal(30.0, (double)layers["bottom_m"][3]!, 1e-9);
    }

    [Fact]
    public void Multipliers_ListsEstimatedParametersWithRelativeErrors()
    {
        var df = PermafrostTables.Multipliers(new PropertyScales<Real>(1.3, 0.8, 1.15, 1), new PropertyScales<Real>(1.43, 0.8, 1.15, 1));
        Assert.Equal(3, df.Rows.Count);
        Assert.Equal(0.1, (double)df["relative_error"][0]!, 1e-9);
        Assert.Equal(0.0, (double)df["relative_error"][1]!, 1e-9);
        var enkf = new EnKFResult([0], [0.0], [1.0], [0], new double[,] { { 1.2, 0.9, 1.1 } }, 0, 1);
        var s = PermafrostTables.FinalParameters(enkf);
        Assert.Equal(0.9, s.KFrozen.Value);
        Assert.Equal(1.0, s.HeatCapacity.Value);
    }
}
