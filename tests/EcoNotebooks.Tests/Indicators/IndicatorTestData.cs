using System.Text.Json;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>Grids, rasters and the committed numpy reference (Reference/indicators.py → indicators.json).</summary>
internal static class IndicatorTestData
{
    private static readonly Lazy<JsonElement> RefJson = new(() => ReferenceData.Json("indicators.json"));

    /// <summary>The parsed indicators.json.</summary>
    public static JsonElement Ref => RefJson.Value;

    /// <summary>A 30 m UTM 50N grid (the Lingbei zone).</summary>
    public static RasterGrid Grid(int width, int height, double cell = 30) =>
        RasterGrid.NorthUp(width, height, 300000, 2770000, cell, SpatialReference.Utm(50));

    /// <summary>A float64 raster on <see cref="Grid"/>.</summary>
    public static Raster Make(int width, int height, double[] values, double cell = 30) => EcoNotebooks.Rasters.Raster.FromArray(Grid(width, height, cell), values);

    /// <summary>A single-pixel float64 raster.</summary>
    public static Raster Pixel(double v) => Make(1, 1, [v]);

    /// <summary>A JSON array of numbers (null → NaN).</summary>
    public static double[] Doubles(JsonElement e) =>
        e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray();

    /// <summary>Asserts two arrays agree elementwise within <paramref name="tol"/> (absolute), NaN matching NaN.</summary>
    public static void AllClose(double[] expected, double[] actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) { Assert.True(double.IsNaN(actual[i]), $"{what}[{i}]: expected NaN, got {actual[i]}"); continue; }
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tol {tol})");
        }
    }

    /// <summary>Band 0 as doubles, missing as NaN.</summary>
    public static double[] Values(Raster r) => r.Band(0).ToDoubleArray();
}
