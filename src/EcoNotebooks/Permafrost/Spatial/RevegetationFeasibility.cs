using EcoNotebooks.Rasters;

namespace EcoNotebooks.Permafrost.Spatial;

/// <summary>Reasons why artificial revegetation is not feasible (bit flags; 0 = feasible).</summary>
[Flags]
public enum RevegetationFailure : byte
{
    /// <summary>All rules pass.</summary>
    None = 0,
    /// <summary>Elevation ≥ 5,000 m.</summary>
    Elevation = 1,
    /// <summary>Mean annual temperature ≤ −5.6 °C.</summary>
    MeanAnnualTemperature = 2,
    /// <summary>≥ 0 °C accumulated temperature ≤ 450 °C·d.</summary>
    AccumulatedTemperature = 4,
    /// <summary>Annual precipitation &lt; 262.2 mm.</summary>
    Precipitation = 8,
    /// <summary>Soil pH &gt; 8.8.</summary>
    SoilPh = 16,
    /// <summary>Soil salt content &gt; 0.13 %.</summary>
    Salt = 32,
}

/// <summary>Thresholds of the revegetation rules (paper §4.3; defaults are the paper's values).</summary>
/// <param name="MaxElevation">Feasible below this, m (5,000).</param>
/// <param name="MinMeanAnnualTemperature">Feasible above this, °C (−5.6).</param>
/// <param name="MinAccumulatedTemperature">Feasible above this ≥ 0 °C accumulated temperature, °C·d (450).</param>
/// <param name="MinPrecipitation">Feasible at or above this, mm a⁻¹ (262.2).</param>
/// <param name="MaxSoilPh">Feasible at or below this (8.8).</param>
/// <param name="MaxSalt">Feasible at or below this, % (0.13).</param>
public sealed record RevegetationThresholds(double MaxElevation = 5000, double MinMeanAnnualTemperature = -5.6, double MinAccumulatedTemperature = 450,
    double MinPrecipitation = 262.2, double MaxSoilPh = 8.8, double MaxSalt = 0.13);

/// <summary>
/// The paper's revegetation-feasibility rules (§4.3): artificial revegetation along highways and on degraded grassland is
/// feasible where elevation &lt; 5,000 m, mean annual temperature &gt; −5.6 °C, ≥ 0 °C accumulated temperature
/// &gt; 450 °C·d and annual precipitation ≥ 262.2 mm; stable artificial grassland by seeding needs soil pH ≤ 8.8 and salt
/// ≤ 0.13 %. The map holds, per pixel, the sum of the <see cref="RevegetationFailure"/> codes of the failing rules
/// (0 = feasible; e.g. 2 + 4 = 6: too cold on both temperature rules), and 255 (nodata) where any input is missing.
/// </summary>
public static class RevegetationFeasibility
{
    /// <summary>Nodata code of the feasibility map.</summary>
    public const byte NoDataCode = 255;

    /// <summary>Failure codes for one site (NaN inputs are not allowed here; use the map for missing data).</summary>
    public static RevegetationFailure Classify(double elevation, double meanAnnualTemperature, double accumulatedTemperature, double precipitation,
        double soilPh, double salt, RevegetationThresholds? thresholds = null)
    {
        var t = thresholds ?? new RevegetationThresholds();
        var f = RevegetationFailure.None;
        if (!(elevation < t.MaxElevation)) f |= RevegetationFailure.Elevation;
        if (!(meanAnnualTemperature > t.MinMeanAnnualTemperature)) f |= RevegetationFailure.MeanAnnualTemperature;
        if (!(accumulatedTemperature > t.MinAccumulatedTemperature)) f |= RevegetationFailure.AccumulatedTemperature;
        if (!(precipitation >= t.MinPrecipitation)) f |= RevegetationFailure.Precipitation;
        if (!(soilPh <= t.MaxSoilPh)) f |= RevegetationFailure.SoilPh;
        if (!(salt <= t.MaxSalt)) f |= RevegetationFailure.Salt;
        return f;
    }

    /// <summary>
    /// The feasibility map (UInt8 codes, nodata 255) from six rasters on one grid (elevation m, MAT °C, accumulated
    /// temperature °C·d, precipitation mm, soil pH, salt %). Grids must match (<see cref="RasterGrid.EnsureSameGrid"/>).
    /// </summary>
    public static Raster Map(Raster elevation, Raster meanAnnualTemperature, Raster accumulatedTemperature, Raster precipitation, Raster soilPh, Raster salt,
        RevegetationThresholds? thresholds = null)
    {
        Raster[] inputs = [elevation, meanAnnualTemperature, accumulatedTemperature, precipitation, soilPh, salt];
        string[] names = ["elevation", "mean annual temperature", "accumulated temperature", "precipitation", "soil pH", "salt"];
        for (int k = 0; k < inputs.Length; k++)
        {
            ArgumentNullException.ThrowIfNull(inputs[k], names[k]);
            if (k > 0) elevation.Grid.EnsureSameGrid(inputs[k].Grid, names[0], names[k]);
        }
        var v = inputs.Select(r => r.Band(0).ToDoubleArray()).ToArray();
        var codes = new byte[v[0].Length];
        for (int i = 0; i < codes.Length; i++)
        {
            bool missing = false;
            for (int k = 0; k < 6; k++) missing |= double.IsNaN(v[k][i]);
            codes[i] = missing ? NoDataCode : (byte)Classify(v[0][i], v[1][i], v[2][i], v[3][i], v[4][i], v[5][i], thresholds);
        }
        return new Raster(elevation.Grid, [new RasterBand<byte>(elevation.Width, elevation.Height, codes, NoDataCode)]);
    }

    /// <summary>≥ 0 °C accumulated temperature of a daily series of one year, °C·d: Σ Tᵢ over the days whose daily mean Tᵢ ≥ 0 °C (the agro-climatic definition used in China).</summary>
    public static double AccumulatedTemperature(ReadOnlySpan<double> dailyMeans)
    {
        double s = 0;
        foreach (var t in dailyMeans) if (t >= 0) s += t;
        return s;
    }
}
