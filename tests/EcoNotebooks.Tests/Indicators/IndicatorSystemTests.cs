using EcoNotebooks.Indicators;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>Table 2 as data and the combined-weight check (Eq. 17).</summary>
public class IndicatorSystemTests
{
    [Fact]
    public void Table_2_has_17_indicators_in_five_criteria()
    {
        var t = IndicatorSystem.Indicators;
        Assert.Equal(17, t.Count);
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"C{i}"), t.Select(i => i.Code));
        Assert.Equal(new[] { "B1", "B1", "B2", "B2", "B3", "B3", "B3", "B3", "B3", "B3", "B3", "B4", "B4", "B4", "B4", "B5", "B5" }, t.Select(i => i.CriterionCode));
        // Trend column as printed: + for FVC, VHI, wetness, BAI, SHDI, FN; − for the other eleven.
        Assert.Equal(new[] { "C3", "C4", "C7", "C12", "C14", "C15" }, t.Where(i => i.Trend == Trend.Positive).Select(i => i.Code));
        Assert.Equal("−", IndicatorSystem.Get("c16").TrendSymbol);
        Assert.Throws<ArgumentException>(() => IndicatorSystem.Get("C18"));
    }

    [Fact]
    public void Printed_weights_are_exact()
    {
        var c16 = IndicatorSystem.Get("C16");
        Assert.Equal(0.0567m, c16.ObjectiveWeight); Assert.Equal(0.0223m, c16.SubjectiveWeight); Assert.Equal(0.0391m, c16.CombinedWeight);
        var c1 = IndicatorSystem.Get("C1");
        Assert.Equal((0.0554m, 0.1815m, 0.1185m), (c1.ObjectiveWeight, c1.SubjectiveWeight, c1.CombinedWeight));
        var c3 = IndicatorSystem.Get("C3");
        Assert.Equal((0.0573m, 0.2534m, 0.1554m), (c3.ObjectiveWeight, c3.SubjectiveWeight, c3.CombinedWeight));
        // Column sums as printed: objective 1.0001, subjective 1.0000, combined 1.0000. The exact means sum to 1.00005,
        // seven half-up roundings (C1, C3, C8, C10, C13, C14, C17) add 0.00035 (→ 1.0004), and C16's −0.0004 slip
        // brings the printed column back to 1.0000.
        Assert.Equal(1.0001m, IndicatorSystem.Sum(i => i.ObjectiveWeight));
        Assert.Equal(1.0000m, IndicatorSystem.Sum(i => i.SubjectiveWeight));
        Assert.Equal(1.0000m, IndicatorSystem.Sum(i => i.CombinedWeight));
        Assert.Equal(1.00005m, IndicatorSystem.Indicators.Sum(i => i.RuleCombinedWeight));
        Assert.Equal(1.0004m, IndicatorSystem.Indicators.Sum(i => i.RuleCombinedWeightRounded));
    }

    [Fact]
    public void Combined_weight_rule_holds_for_16_rows_and_flags_c16()
    {
        var checks = IndicatorSystem.CheckCombinedWeights();
        var bad = Assert.Single(checks, c => !c.Consistent);
        Assert.Equal("C16", bad.Code);
        Assert.Equal(0.0391m, bad.Printed);
        Assert.Equal(0.0395m, bad.Rule);      // (0.0567 + 0.0223)/2 = 0.0395
        Assert.Equal(16, checks.Count(c => c.Consistent));
        // Half-way cases round up as printed: C1 0.11845 → 0.1185, C8 0.04495 → 0.0450, C13 0.03945 → 0.0395.
        Assert.Equal(0.11845m, IndicatorSystem.Get("C1").RuleCombinedWeight);
        Assert.Equal(0.0450m, IndicatorSystem.Get("C8").RuleCombinedWeightRounded);
        Assert.Equal(0.0395m, IndicatorSystem.Get("C13").RuleCombinedWeightRounded);
    }
}
