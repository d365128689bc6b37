using EcoNotebooks.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>mean, sd, se, min, max, median, CV and type-7 quantiles against R (Reference/stats.R); relative 1e-13.</summary>
public class DescriptiveStatisticsTests
{
    [Fact]
    public void Matches_R_on_reference_samples()
    {
        foreach (var row in ReferenceData.Json("stats.json").GetProperty("descriptive").EnumerateArray())
        {
            var x = Near.Doubles(row.GetProperty("x"));
            var d = DescriptiveStatistics.Compute(x);
            Assert.Equal(row.GetProperty("n").GetInt32(), d.N);
            Near.Equal(row.GetProperty("mean"), d.Mean, 1e-13, 1e-15, "mean");
            Near.Equal(row.GetProperty("sd"), d.StandardDeviation, 1e-13, 0, "sd");
            Near.Equal(row.GetProperty("se"), d.StandardError, 1e-13, 0, "se");
            Near.Equal(row.GetProperty("min"), d.Min, 0, 0, "min");
            Near.Equal(row.GetProperty("max"), d.Max, 0, 0, "max");
            Near.Equal(row.GetProperty("median"), d.Median, 1e-14, 0, "median");
            Near.Equal(row.GetProperty("cv"), d.CoefficientOfVariation, 1e-13, 0, "cv");
            var probs = Near.Doubles(row.GetProperty("probs"));
            var qs = Near.Doubles(row.GetProperty("quantiles"));
            for (int i = 0; i < probs.Length; i++) Near.Equal(qs[i], Descriptive.Quantile(x, probs[i]), 1e-14, 1e-15, $"quantile {probs[i]}");
        }
    }

    [Fact]
    public void Missing_values_are_skipped_and_undefined_statistics_are_null()
    {
        var d = DescriptiveStatistics.Compute([2.0, double.NaN, 4.0]);
        Assert.Equal(2, d.N);
        Assert.Equal(3.0, d.Mean);
        Assert.Equal(Math.Sqrt(2), d.StandardDeviation!.Value, 15);
        var one = DescriptiveStatistics.Compute([7.0]);
        Assert.Equal(7.0, one.Median);
        Assert.Null(one.StandardDeviation);
        Assert.Null(one.CoefficientOfVariation);
        var none = DescriptiveStatistics.Compute([double.NaN]);
        Assert.Equal(0, none.N);
        Assert.Null(none.Mean);
        Assert.Null(DescriptiveStatistics.Compute([-1.0, 1.0]).CoefficientOfVariation); // mean 0
        Assert.Contains("values[1]", Assert.Throws<ArgumentException>(() => DescriptiveStatistics.Compute([1.0, double.PositiveInfinity])).Message);
    }
}
