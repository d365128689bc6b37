namespace EcoNotebooks.Rasters;

/// <summary>Statistics of one zone.</summary>
/// <param name="Zone">Zone code.</param>
/// <param name="Count">Valid value pixels in the zone.</param>
/// <param name="Mean">Mean of the valid values (NaN when none).</param>
/// <param name="Min">Minimum (NaN when none).</param>
/// <param name="Max">Maximum (NaN when none).</param>
public sealed record ZoneStatistics(int Zone, long Count, double Mean, double Min, double Max);

/// <summary>
/// Zonal statistics of a value raster over an integer zone raster on the same grid, block by block (memory
/// O(block + zones)). Pixels whose value or zone is missing, or whose zone is not an integer, are skipped; zone 0
/// is skipped unless <c>includeZero</c>. R: <c>terra::zonal(values, zones, "mean", na.rm = TRUE)</c>;
/// GDAL/rasterstats: <c>zonal_stats</c>.
/// </summary>
public static class ZonalStatistics
{
    /// <summary>Count, mean, min and max of <paramref name="values"/> per zone code, ascending by code.</summary>
    public static IReadOnlyList<ZoneStatistics> Compute(IRasterSource values, IRasterSource zones, int valueBand = 0, int zoneBand = 0, bool includeZero = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(zones);
        values.Grid.EnsureSameGrid(zones.Grid, "values", "zones");
        var acc = new SortedDictionary<int, (long N, double Sum, double Min, double Max)>();
        var (bw, bh) = values.BlockSize;
        var v = new double[(long)bw * bh];
        var z = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(values.Grid.Width, values.Grid.Height, bw, bh))
        {
            int len = (int)w.PixelCount;
            values.ReadWindow(valueBand, w, v.AsSpan(0, len));
            zones.ReadWindow(zoneBand, w, z.AsSpan(0, len));
            for (int i = 0; i < len; i++)
            {
                double x = v[i], zz = z[i];
                if (NoData.IsMissing(x, values.NoData) || NoData.IsMissing(zz, zones.NoData) || zz != Math.Floor(zz)) continue;
                int code = (int)zz;
                if (code == 0 && !includeZero) continue;
                acc.TryGetValue(code, out var a);
                acc[code] = a.N == 0 ? (1, x, x, x) : (a.N + 1, a.Sum + x, Math.Min(a.Min, x), Math.Max(a.Max, x));
            }
        }
        return acc.Select(kv => new ZoneStatistics(kv.Key, kv.Value.N, kv.Value.Sum / kv.Value.N, kv.Value.Min, kv.Value.Max)).ToList();
    }
}
