using EcoNotebooks.Vector;

namespace EcoNotebooks.Rasters.Warp;

/// <summary>Builders of target grids: from a reference raster, or from CRS + extent + resolution as gdalwarp's <c>-t_srs -te -tr</c>.</summary>
public static class WarpGrid
{
    /// <summary>
    /// The grid gdalwarp makes from <c>-t_srs crs -te minX minY maxX maxY -tr resX resY</c>: origin (minX, maxY), pixel
    /// size exactly (resX, resY), width = ⌊(maxX − minX + resX/2)/resX⌋ and height likewise (gdalwarp_lib.cpp).
    /// </summary>
    public static RasterGrid FromExtent(SpatialReference crs, double minX, double minY, double maxX, double maxY, double resX, double resY)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (!(maxX > minX) || !(maxY > minY)) throw new ArgumentException($"Extent ({minX}, {minY}, {maxX}, {maxY}) is empty; need minX < maxX and minY < maxY.");
        if (!(resX > 0) || !(resY > 0)) throw new ArgumentOutOfRangeException(nameof(resX), $"Resolution ({resX}, {resY}) must be > 0.");
        int w = (int)((maxX - minX + resX / 2) / resX), h = (int)((maxY - minY + resY / 2) / resY);
        return new RasterGrid(Math.Max(1, w), Math.Max(1, h), GeoTransform.NorthUp(minX, maxY, resX, resY), crs).Validate();
    }

    /// <summary>The grid of a reference raster (to put other rasters on it).</summary>
    public static RasterGrid FromReference(IRasterSource reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Grid;
    }

    /// <summary>
    /// A grid in <paramref name="crs"/> with square pixels of <paramref name="resolution"/> covering the whole of
    /// <paramref name="source"/> (its edges densified and transformed), with the extent snapped outwards to multiples of
    /// the resolution (as gdalwarp <c>-tap</c>).
    /// </summary>
    public static RasterGrid Covering(RasterGrid source, SpatialReference crs, double resolution)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tr = new CrsTransform(source.Crs, crs, "source grid", crs.ToString());
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        const int n = 32;
        for (int i = 0; i <= n; i++)
            foreach (var (c, r) in new[] { (source.Width * i / (double)n, 0.0), (source.Width * i / (double)n, (double)source.Height), (0.0, source.Height * i / (double)n), ((double)source.Width, source.Height * i / (double)n) })
            {
                var (x, y) = source.Transform.ToWorld(c, r);
                (x, y) = tr.Transform(x, y);
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
            }
        if (!double.IsFinite(minX)) throw new ArgumentException($"The source grid ({source}) cannot be transformed to {crs}.");
        minX = Math.Floor(minX / resolution) * resolution; minY = Math.Floor(minY / resolution) * resolution;
        maxX = Math.Ceiling(maxX / resolution) * resolution; maxY = Math.Ceiling(maxY / resolution) * resolution;
        return FromExtent(crs, minX, minY, maxX, maxY, resolution, resolution);
    }
}
