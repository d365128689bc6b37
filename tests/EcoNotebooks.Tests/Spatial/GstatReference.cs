using System.Text.Json;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Spatial;

/// <summary>Inputs and gstat output written by Reference/spatial.R (R 4.2.2, gstat 2.1-0).</summary>
internal static class GstatReference
{
    public static JsonElement Json { get; } = ReferenceData.Json("spatial.json");

    public static (double[] X, double[] Y, double[] Z) Points()
    {
        var df = CsvTable.Read(ReferenceData.PathOf("spatial-points.csv"), ["x", "y", "z"]);
        return (CsvTable.NumericColumn(df, "x"), CsvTable.NumericColumn(df, "y"), CsvTable.NumericColumn(df, "z"));
    }

    public static (double X, double Y)[] Targets()
    {
        var df = CsvTable.Read(ReferenceData.PathOf("spatial-targets.csv"), ["x", "y"]);
        var x = CsvTable.NumericColumn(df, "x"); var y = CsvTable.NumericColumn(df, "y");
        return x.Select((v, i) => (v, y[i])).ToArray();
    }

    public static double[] Doubles(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.GetDouble()).ToArray() : [e.GetDouble()];

    /// <summary>|actual − expected| ≤ rel·|expected| + abs.</summary>
    public static void Close(double expected, double actual, double rel, double abs = 0, string what = "")
    {
        double tol = rel * Math.Abs(expected) + abs;
        Assert.True(Math.Abs(actual - expected) <= tol, $"{what}: expected {expected:R}, got {actual:R} (diff {actual - expected:E3}, tol {tol:E3})");
    }
}
