using System.Text.Json;

namespace EcoNotebooks.Tests.Statistics;

/// <summary>Numeric comparison helpers for reference tests: |a − e| ≤ max(rel·|e|, abs).</summary>
internal static class Near
{
    public static void Equal(double expected, double? actual, double rel, double abs = 0, string what = "")
    {
        Assert.True(actual is not null, $"{what}: expected {expected:R}, got null");
        double a = actual!.Value;
        double tol = Math.Max(rel * Math.Abs(expected), abs);
        Assert.True(Math.Abs(a - expected) <= tol || (double.IsInfinity(expected) && a == expected),
            $"{what}: expected {expected:R}, got {a:R} (diff {Math.Abs(a - expected):R} > tol {tol:R})");
    }

    /// <summary>Compares with a JSON number, or requires null when the JSON value is null.</summary>
    public static void Equal(JsonElement expected, double? actual, double rel, double abs = 0, string what = "")
    {
        if (expected.ValueKind == JsonValueKind.Null) { Assert.True(actual is null || double.IsNaN(actual.Value), $"{what}: expected null, got {actual:R}"); return; }
        Equal(expected.GetDouble(), actual, rel, abs, what);
    }

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
