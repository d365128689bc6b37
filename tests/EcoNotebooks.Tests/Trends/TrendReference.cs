using System.Text.Json;

namespace EcoNotebooks.Tests.Trends;

/// <summary>Access to Reference/trendweights.json (printed by Reference/trendweights.R, R 4.2.2 + classInt 0.4.9).</summary>
internal static class TrendReference
{
    public static JsonElement Root { get; } = EcoNotebooks.Tests.TestSupport.ReferenceData.Json("trendweights.json");

    /// <summary>A JSON array of numbers (null → NaN).</summary>
    public static double[] Doubles(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? [e.GetDouble()]
        : e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    /// <summary>A row-major JSON matrix (array of rows).</summary>
    public static double[,] Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Doubles).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++) for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    public static double Num(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? double.NaN : e.GetProperty(name).GetDouble();

    /// <summary>|actual − expected| ≤ tol·max(1, |expected|) (relative for large values, absolute for small).</summary>
    public static void Close(double expected, double actual, double tol, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}"); return; }
        Assert.True(Math.Abs(actual - expected) <= tol * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }
}
