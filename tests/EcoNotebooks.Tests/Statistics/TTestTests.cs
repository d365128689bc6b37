using System.Text.Json;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>Student and Welch t tests against R's t.test (Reference/stats.R): t, df, CI relative 1e-11, p 1e-10.</summary>
public class TTestTests
{
    private static void Check(JsonElement e, TTest r, string what)
    {
        Near.Equal(e.GetProperty("t").GetDouble(), r.T, 1e-11, 0, what + " t");
        Near.Equal(e.GetProperty("df").GetDouble(), r.Df, 1e-11, 0, what + " df");
        Near.Equal(e.GetProperty("p").GetDouble(), r.P, 1e-10, 0, what + " p");
        Near.Equal(e.GetProperty("conf_int")[0].GetDouble(), r.ConfidenceLower, 1e-11, 0, what + " lower");
        Near.Equal(e.GetProperty("conf_int")[1].GetDouble(), r.ConfidenceUpper, 1e-11, 0, what + " upper");
        Near.Equal(e.GetProperty("mean_x").GetDouble(), r.MeanX, 1e-14, 0, what + " mean x");
        Near.Equal(e.GetProperty("mean_y").GetDouble(), r.MeanY, 1e-14, 0, what + " mean y");
    }

    [Fact]
    public void Student_and_Welch_match_R()
    {
        int i = 0;
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("t_test").EnumerateArray())
        {
            var x = Near.Doubles(row.GetProperty("x"));
            var y = Near.Doubles(row.GetProperty("y"));
            Check(row.GetProperty("student"), TTest.Compute(x, y, TTestKind.Student), $"case {i} student");
            Check(row.GetProperty("welch"), TTest.Compute(x, y, TTestKind.Welch), $"case {i} welch");
            i++;
        }
    }

    [Fact]
    public void Too_few_or_constant_data_are_rejected()
    {
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => TTest.Compute([1.0], [2.0, 3.0], TTestKind.Welch)).Message);
        Assert.Equal(2, TTest.Compute([1.0], [2.0, 3.0, 5.0], TTestKind.Student).Df); // R allows n = 1 in one group with var.equal
        Assert.Contains("essentially constant", Assert.Throws<ArgumentException>(() => TTest.Compute([5.0, 5.0], [5.0, 5.0], TTestKind.Student)).Message);
    }
}
