namespace EcoNotebooks.Rasters;

/// <summary>
/// Coordinate reference system of a raster: an EPSG code, a WKT string, or both. <see cref="Unknown"/> when a file
/// carries no CRS. Two references are the same CRS when their EPSG codes match, or, lacking codes, their WKT strings.
/// </summary>
/// <param name="Epsg">EPSG code, e.g. 32647 for WGS 84 / UTM zone 47N, 4326 for WGS 84 geographic; null if unknown.</param>
/// <param name="Wkt">Well-known text, if known.</param>
public sealed record SpatialReference(int? Epsg, string? Wkt = null)
{
    /// <summary>No CRS.</summary>
    public static SpatialReference Unknown { get; } = new(null, null);

    /// <summary>CRS from an EPSG code (must be positive).</summary>
    public static SpatialReference FromEpsg(int epsg)
    {
        if (epsg <= 0) throw new ArgumentOutOfRangeException(nameof(epsg), epsg, "EPSG codes are positive integers.");
        return new SpatialReference(epsg);
    }

    /// <summary>WGS 84 / UTM zone <paramref name="zone"/> (1–60), northern (EPSG 326zz) or southern (327zz) hemisphere.</summary>
    public static SpatialReference Utm(int zone, bool north = true)
    {
        if (zone is < 1 or > 60) throw new ArgumentOutOfRangeException(nameof(zone), zone, "UTM zones are 1–60.");
        return new SpatialReference((north ? 32600 : 32700) + zone);
    }

    /// <summary>WGS 84 geographic (EPSG 4326).</summary>
    public static SpatialReference Wgs84 { get; } = new(4326);

    /// <summary>True when nothing is known.</summary>
    public bool IsUnknown => Epsg is null && string.IsNullOrWhiteSpace(Wkt);

    /// <summary>True for EPSG geographic codes this library recognises (4326, 4490, 4610, 4214, 4269, 4258, 4267, 4283, 4612).</summary>
    public bool IsGeographic => Epsg is 4326 or 4490 or 4610 or 4269 or 4258 or 4267 or 4283 or 4612 or 4214
        || (Epsg is null && Wkt is not null && Wkt.TrimStart().StartsWith("GEOG", StringComparison.OrdinalIgnoreCase));

    /// <summary>True if both describe the same CRS (EPSG codes equal, or WKT equal when codes are missing). Unknown matches only unknown.</summary>
    public bool SameAs(SpatialReference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Epsg is not null && other.Epsg is not null) return Epsg == other.Epsg;
        if (IsUnknown && other.IsUnknown) return true;
        return Wkt is not null && other.Wkt is not null && string.Equals(Wkt.Trim(), other.Wkt.Trim(), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => Epsg is not null ? $"EPSG:{Epsg}" : IsUnknown ? "unknown CRS" : "WKT CRS";
}
