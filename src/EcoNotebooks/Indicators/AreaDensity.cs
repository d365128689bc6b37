using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Turns counts or per-zone totals into densities per unit area on a projected grid: the form in which the paper's
/// statistical layers (population C5, county CO2 emissions C17) become 30 m rasters. Pixel area comes from the grid
/// (m²); densities are per km² by default.
/// </summary>
public static class AreaDensity
{
    /// <summary>Square metres per square kilometre.</summary>
    public const double SquareMetresPerKm2 = 1e6;

    /// <summary>Density of a per-pixel count raster: count / (pixel area / <paramref name="perArea"/>), e.g. persons km⁻².</summary>
    public static Raster FromCounts(BandRef counts, double perArea = SquareMetresPerKm2, PixelType outputType = PixelType.Float32)
    {
        double px = ProjectedPixelArea(counts, nameof(counts));
        if (!(perArea > 0)) throw new ArgumentOutOfRangeException(nameof(perArea), perArea, "The reference area must be > 0 m².");
        return PixelMap.Apply([counts], v => v[0] < 0 ? double.NaN : v[0] * perArea / px, outputType, ["counts"]);
    }

    /// <summary>
    /// Spreads zone totals evenly over each zone's valid pixels: density = total / (zone pixels × pixel area) × perArea.
    /// Pixels whose zone has no total are NaN. Returns the raster and the area (m²) found for each zone.
    /// </summary>
    public static (Raster Density, IReadOnlyDictionary<int, double> ZoneAreas) FromZoneTotals(BandRef zones, IReadOnlyDictionary<int, double> totals,
        double perArea = SquareMetresPerKm2, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(totals);
        double px = ProjectedPixelArea(zones, nameof(zones));
        var z = PixelMap.ReadAll(zones, nameof(zones));
        var counts = new Dictionary<int, long>();
        foreach (var v in z)
        {
            if (double.IsNaN(v)) continue;
            if (v != Math.Floor(v)) throw new ArgumentException($"Zone codes must be integers; found {v}.", nameof(zones));
            counts[(int)v] = counts.GetValueOrDefault((int)v) + 1;
        }
        var density = new Dictionary<int, double>();
        foreach (var (zone, n) in counts)
            density[zone] = totals.TryGetValue(zone, out double t) ? t / (n * px) * perArea : double.NaN;
        var result = new double[z.Length];
        for (int i = 0; i < z.Length; i++) result[i] = double.IsNaN(z[i]) ? double.NaN : density[(int)z[i]];
        return (PixelMap.ToRaster(zones.Source.Grid, result, outputType), counts.ToDictionary(kv => kv.Key, kv => kv.Value * px));
    }

    internal static double ProjectedPixelArea(BandRef band, string name)
    {
        band.Validate(name);
        var g = band.Source.Grid;
        if (g.Crs.IsGeographic) throw new ArgumentException($"'{name}' is in a geographic CRS ({g.Crs}); densities need a projected grid in metres.", name);
        return g.PixelArea;
    }
}
