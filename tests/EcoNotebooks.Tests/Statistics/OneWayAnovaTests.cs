using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>One-way ANOVA, Tukey HSD (unbalanced, 5 groups) and compact letters against R aov/anova/TukeyHSD and
/// multcomp's insert_absorb on Reference/anova.csv. ANOVA 1e-12 relative, Tukey diff/lwr/upr 1e-12, p_adj 1e-10.</summary>
public class OneWayAnovaTests
{
    internal static OneWayAnova FitReference()
    {
        var df = CsvTable.Read(ReferenceData.PathOf("anova.csv"), ["value"]);
        return OneWayAnova.Fit(CsvTable.TextColumn(df, "group"), CsvTable.NumericColumn(df, "value"));
    }

    [Fact]
    public void Anova_table_matches_R()
    {
        var e = ReferenceData.Json("stats.json").GetProperty("anova");
        var a = FitReference();
        Assert.Equal(e.GetProperty("levels").EnumerateArray().Select(v => v.GetString()!), a.Levels);
        Assert.Equal(e.GetProperty("n").EnumerateArray().Select(v => v.GetInt32()), a.Counts);
        var means = Near.Doubles(e.GetProperty("means"));
        for (int i = 0; i < means.Length; i++) Near.Equal(means[i], a.Means[i], 1e-14, 0, "mean");
        Assert.Equal(e.GetProperty("df_between").GetInt32(), a.DfBetween);
        Assert.Equal(e.GetProperty("df_within").GetInt32(), a.DfWithin);
        Near.Equal(e.GetProperty("f").GetDouble(), a.F, 1e-12, 0, "F");
        Near.Equal(e.GetProperty("p").GetDouble(), a.P, 1e-10, 0, "p");
        Near.Equal(e.GetProperty("ss_between").GetDouble(), a.SumOfSquaresBetween, 1e-12, 0, "SSB");
        Near.Equal(e.GetProperty("ss_within").GetDouble(), a.SumOfSquaresWithin, 1e-12, 0, "SSW");
        Near.Equal(e.GetProperty("ms_between").GetDouble(), a.MeanSquareBetween, 1e-12, 0, "MSB");
        Near.Equal(e.GetProperty("ms_within").GetDouble(), a.MeanSquareWithin, 1e-12, 0, "MSW");
    }

    [Fact]
    public void Tukey_hsd_matches_R_in_order_and_value()
    {
        var e = ReferenceData.Json("stats.json").GetProperty("anova").GetProperty("tukey").EnumerateArray().ToArray();
        var t = TukeyHsd.Compare(FitReference());
        Assert.Equal(e.Length, t.Count);
        for (int i = 0; i < e.Length; i++)
        {
            string what = $"row {i} {t[i].A}-{t[i].B}";
            Assert.Equal(e[i].GetProperty("a").GetString(), t[i].A);
            Assert.Equal(e[i].GetProperty("b").GetString(), t[i].B);
            Near.Equal(e[i].GetProperty("diff").GetDouble(), t[i].Diff, 1e-12, 1e-15, what + " diff");
            Near.Equal(e[i].GetProperty("lwr").GetDouble(), t[i].Lower, 1e-12, 1e-15, what + " lwr");
            Near.Equal(e[i].GetProperty("upr").GetDouble(), t[i].Upper, 1e-12, 1e-15, what + " upr");
            Near.Equal(e[i].GetProperty("p_adj").GetDouble(), t[i].PAdjusted, 1e-10, 1e-13, what + " p_adj");
        }
    }

    [Fact]
    public void Letters_match_multcomp_for_reference_anova_and_hand_made_patterns()
    {
        var root = ReferenceData.Json("stats.json");
        var a = FitReference();
        var letters = CompactLetterDisplay.FromTukey(a, TukeyHsd.Compare(a));
        var expected = root.GetProperty("anova").GetProperty("letters").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));
        Assert.Equal(expected, letters);
        foreach (var c in root.GetProperty("letters").EnumerateArray().Concat(root.GetProperty("letters_random").EnumerateArray()))
        {
            var levels = c.GetProperty("levels").EnumerateArray().Select(v => v.GetString()!).ToArray();
            var sig = c.GetProperty("significant").EnumerateArray().Select(v => v.GetString()!.Split('-')).Select(p => (p[0], p[1]));
            var exp = c.GetProperty("letters").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));
            Assert.Equal(exp, CompactLetterDisplay.Compute(levels, sig));
        }
    }

    [Fact]
    public void Levels_are_ordinal_missing_rows_skipped_and_bad_designs_rejected()
    {
        var a = OneWayAnova.Fit(["b", "B", "a", "b", "B", "a", "", "a"], [1, 2, 3, 2, 3, 4, 100, double.NaN]);
        Assert.Equal(["B", "a", "b"], a.Levels);
        Assert.Equal([2, 2, 2], a.Counts);
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => OneWayAnova.Fit(["a", "a"], [1, 2])).Message);
        Assert.Contains("group 'c' has no non-missing values", Assert.Throws<ArgumentException>(() => OneWayAnova.Fit(["a", "a", "b", "b", "c"], [1, 2, 3, 4, double.NaN])).Message);
        Assert.Contains("more observations than groups", Assert.Throws<ArgumentException>(() => OneWayAnova.Fit(["a", "b"], [1, 2])).Message);
    }

    [Fact]
    public void Letter_names_run_past_z()
    {
        Assert.Equal("a", CompactLetterDisplay.LetterName(0));
        Assert.Equal("Z", CompactLetterDisplay.LetterName(51));
        Assert.Equal(".a", CompactLetterDisplay.LetterName(52));
    }
}
