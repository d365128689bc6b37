using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Population density (C5, surface condition, trend −): persons km⁻², from a gridded population count (e.g. WorldPop,
/// persons per pixel) or from statistical-yearbook totals per township/county spread over their zone pixels (the
/// paper's National Bureau of Statistics data).
/// </summary>
public static class PopulationDensity
{
    /// <summary>Density of one unit: persons / area (km²).</summary>
    public static double Density(double persons, double areaKm2)
    {
        if (!(areaKm2 > 0)) throw new ArgumentOutOfRangeException(nameof(areaKm2), areaKm2, "Area must be > 0 km².");
        return persons / areaKm2;
    }

    /// <summary>Persons km⁻² from a persons-per-pixel raster (negative counts are treated as missing).</summary>
    public static Raster FromCounts(BandRef personsPerPixel, PixelType outputType = PixelType.Float32) =>
        AreaDensity.FromCounts(personsPerPixel, AreaDensity.SquareMetresPerKm2, outputType);

    /// <summary>Persons km⁻² from population totals per zone code and a zone raster.</summary>
    public static Raster FromZoneTotals(BandRef zones, IReadOnlyDictionary<int, double> population, PixelType outputType = PixelType.Float32) =>
        AreaDensity.FromZoneTotals(zones, population, AreaDensity.SquareMetresPerKm2, outputType).Density;
}
