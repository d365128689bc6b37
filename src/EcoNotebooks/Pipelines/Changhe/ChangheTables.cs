using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>Small helpers that build the pipeline's DataFrames and format significance.</summary>
public static class ChangheTables
{
    /// <summary>Significance stars as the paper (and SPSS) print them: "**" p &lt; 0.01, "*" p &lt; 0.05, "ns" otherwise or when p is undefined.</summary>
    public static string Stars(double? p) => p is double v && !double.IsNaN(v) ? v < 0.01 ? "**" : v < 0.05 ? "*" : "ns" : "ns";

    /// <summary>Round half away from zero to <paramref name="digits"/> decimals, NaN stays NaN (for display tables).</summary>
    public static double Round(double v, int digits = 2) => double.IsNaN(v) ? v : Math.Round(v, digits, MidpointRounding.AwayFromZero);

    /// <summary>A string column.</summary>
    internal static StringDataFrameColumn Text(string name, IEnumerable<string> values) => new(name, values);

    /// <summary>A float64 column; null becomes a missing value.</summary>
    internal static DoubleDataFrameColumn Number(string name, IEnumerable<double?> values) => new(name, values);

    /// <summary>A float64 column.</summary>
    internal static DoubleDataFrameColumn Number(string name, IEnumerable<double> values) => new(name, values);

    /// <summary>A Boolean column.</summary>
    internal static BooleanDataFrameColumn Flag(string name, IEnumerable<bool> values) => new(name, values);

    /// <summary>A 64-bit integer column.</summary>
    internal static Int64DataFrameColumn Count(string name, IEnumerable<long> values) => new(name, values);
}
