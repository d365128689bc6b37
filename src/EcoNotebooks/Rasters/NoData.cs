namespace EcoNotebooks.Rasters;

/// <summary>
/// The one missing-data rule of this library: a pixel is missing when it is NaN or equals the raster's nodata value
/// (compared after rounding the nodata value to the pixel type). Missing pixels are skipped by statistics and
/// propagate as NaN through arithmetic on double arrays.
/// </summary>
public static class NoData
{
    /// <summary>True if <paramref name="value"/> is missing under nodata value <paramref name="noData"/>.</summary>
    public static bool IsMissing(double value, double? noData) =>
        double.IsNaN(value) || (noData is double nd && value == nd);

    /// <summary>Rounds a nodata value to what the pixel type can store (so a float32 nodata of 0.1 compares equal to the stored pixels).</summary>
    public static double? Normalise(double? noData, PixelType type) =>
        noData is double nd && !double.IsNaN(nd) ? type.Clamp(nd) : noData;

    /// <summary>Replaces missing values in place by NaN.</summary>
    public static void ToNaN(Span<double> values, double? noData)
    {
        if (noData is not double nd || double.IsNaN(nd)) return;
        for (int i = 0; i < values.Length; i++) if (values[i] == nd) values[i] = double.NaN;
    }
}
