using EcoNotebooks.Classification;
using static EcoNotebooks.Tests.Trends.TrendReference;

namespace EcoNotebooks.Tests.Classification;

/// <summary>
/// Class breaks and counts against classInt 0.4.9 (Reference/trendweights.R): styles fisher, jenks, quantile and
/// equal, k = 3, 5, 7, on random normal, heavily tied, log-normal (skewed) and uniform data (n = 60–400).
/// Breaks to 1e-8 (relative for |x| &gt; 1), counts exactly.
/// </summary>
public sealed class ClassBreaksTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var d = new TheoryData<string, int, string>();
        foreach (var b in Root.GetProperty("breaks").EnumerateArray())
            d.Add(b.GetProperty("data").GetString()!, b.GetProperty("k").GetInt32(), b.GetProperty("style").GetString()!);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Breaks_and_counts_match_classInt(string data, int k, string style)
    {
        var refCase = Root.GetProperty("breaks").EnumerateArray().Single(b =>
            b.GetProperty("data").GetString() == data && b.GetProperty("k").GetInt32() == k && b.GetProperty("style").GetString() == style);
        var x = Doubles(Root.GetProperty("datasets").GetProperty(data));
        var method = Enum.Parse<BreaksMethod>(style, ignoreCase: true);
        var ci = ClassBreaks.Compute(x, k, method);
        var brks = Doubles(refCase.GetProperty("brks"));
        Assert.Equal(brks.Length, ci.Breaks.Count);
        for (int i = 0; i < brks.Length; i++) Close(brks[i], ci.Breaks[i], 1e-8, $"{data} k={k} {style} break {i}");
        Assert.Equal(refCase.GetProperty("counts").EnumerateArray().Select(c => (long)c.GetInt32()), ci.Counts);
        Assert.Equal(refCase.GetProperty("closure").GetString() == "right" ? IntervalClosure.Right : IntervalClosure.Left, ci.Closure);
        Assert.False(ci.UniqueValues);
    }

    [Fact]
    public void Randomised_small_data_sets_match_classInt_exactly()
    {
        // 796 cases (40 data sets with heavy ties, k = 2..6, four styles, 12 of them classInt's "unique" case):
        // guards tie-breaking in the Fisher/Jenks programmes and findInterval counting on tied breaks.
        var fails = new List<string>();
        foreach (var c in Root.GetProperty("breaks_random").EnumerateArray())
        {
            var x = Doubles(c.GetProperty("x"));
            int k = c.GetProperty("k").GetInt32();
            var ci = ClassBreaks.Compute(x, k, Enum.Parse<BreaksMethod>(c.GetProperty("style").GetString()!, ignoreCase: true));
            var brks = Doubles(c.GetProperty("brks"));
            var counts = c.GetProperty("counts").EnumerateArray().Select(v => (long)v.GetInt32());
            bool ok = ci.Breaks.Count == brks.Length && ci.Counts.SequenceEqual(counts)
                && brks.Select((b, i) => Math.Abs(b - ci.Breaks[i]) <= 1e-8 * Math.Max(1, Math.Abs(b))).All(t => t);
            Assert.Equal(c.GetProperty("returned_style").GetString() == "unique", ci.UniqueValues);
            if (!ok) fails.Add($"n={x.Length} k={k} {c.GetProperty("style").GetString()}: R [{string.Join(", ", brks)}] C# [{string.Join(", ", ci.Breaks)}]");
        }
        Assert.True(fails.Count == 0, string.Join("\n", fails));
    }

    [Fact]
    public void K_equal_to_distinct_values_gives_classInt_unique_breaks()
    {
        var u = Root.GetProperty("unique_case");
        Assert.Equal("unique", u.GetProperty("returned_style").GetString());
        var ci = ClassBreaks.Compute(Doubles(u.GetProperty("x")), u.GetProperty("k").GetInt32(), BreaksMethod.Fisher);
        Assert.True(ci.UniqueValues);
        var brks = Doubles(u.GetProperty("brks"));
        for (int i = 0; i < brks.Length; i++) Close(brks[i], ci.Breaks[i], 1e-12, $"unique break {i}");
        Assert.Equal(u.GetProperty("counts").EnumerateArray().Select(c => (long)c.GetInt32()), ci.Counts);
    }

    [Fact]
    public void ClassOf_follows_findInterval_and_the_right_closed_rule()
    {
        var f = Root.GetProperty("find_interval");
        var x = Doubles(f.GetProperty("x")); var b = Doubles(f.GetProperty("brks"));
        var left = Doubles(f.GetProperty("left")); var right = Doubles(f.GetProperty("right"));
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal((int)left[i] - 1, ClassBreaks.ClassOf(x[i], b, IntervalClosure.Left));
            Assert.Equal((int)right[i] - 1, ClassBreaks.ClassOf(x[i], b, IntervalClosure.Right));
        }
        Assert.Equal(-1, ClassBreaks.ClassOf(double.NaN, b, IntervalClosure.Left));
    }

    [Fact]
    public void Fisher_is_the_least_within_class_sum_of_squares_over_all_partitions()
    {
        // brute force over all 3-class partitions of a small sample: guards the dynamic programme itself
        double[] x = [0.11, 0.12, 0.3, 0.31, 0.33, 0.58, 0.6, 0.61, 0.9, 0.95, 0.97];
        double best = double.MaxValue; (int, int) bestCut = default;
        for (int a = 1; a < x.Length - 1; a++)
            for (int b = a + 1; b < x.Length; b++)
            {
                double ss = Ss(x[..a]) + Ss(x[a..b]) + Ss(x[b..]);
                if (ss < best) { best = ss; bestCut = (a, b); }
            }
        var brks = ClassBreaks.Fisher(x, 3);
        Assert.Equal((x[bestCut.Item1 - 1] + x[bestCut.Item1]) / 2, brks[1], 12);
        Assert.Equal((x[bestCut.Item2 - 1] + x[bestCut.Item2]) / 2, brks[2], 12);
        static double Ss(double[] v) { double m = v.Average(); return v.Sum(t => (t - m) * (t - m)); }
    }

    [Fact]
    public void Jenks_reproduces_classInt_repeated_first_break()
    {
        // R: classIntervals(c(1,2,3,10,11,12), 3, "jenks")$brks == c(1, 1, 3, 12); fisher gives c(1, 1.5, 6.5, 12)
        Assert.Equal([1, 1, 3, 12], ClassBreaks.Compute([1, 2, 3, 10, 11, 12], 3, BreaksMethod.Jenks).Breaks);
        Assert.Equal([1, 1.5, 6.5, 12], ClassBreaks.Compute([1, 2, 3, 10, 11, 12], 3, BreaksMethod.Fisher).Breaks);
    }

    [Fact]
    public void Missing_values_are_ignored_and_bad_k_is_refused()
    {
        var ci = ClassBreaks.Compute([1, double.NaN, 2, 3, 4, double.PositiveInfinity, 5, 6], 2, BreaksMethod.Equal);
        Assert.Equal([1, 3.5, 6], ci.Breaks);
        Assert.Equal([3L, 3L], ci.Counts);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassBreaks.Compute([1, 1, 2, 3], 4));
        Assert.Contains("only 3 distinct values", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassBreaks.Compute([1, 2, 3], 1));
        Assert.Throws<ArgumentException>(() => ClassBreaks.Compute([2, 2, 2], 2));
    }
}
