using EcoNotebooks.Rasters;

namespace EcoNotebooks.Vector;

/// <summary>
/// Clipping and masking of rasters to a study-area <see cref="Boundary"/>, as <c>gdalwarp -cutline b.geojson
/// -crop_to_cutline</c> does on the raster's own grid (no resampling): the window is the boundary's bounding box
/// (in the raster's CRS) snapped outwards to whole pixels, and pixels whose centre is outside the polygon become missing.
/// R equivalent: <c>terra::mask(terra::crop(r, v), v)</c>.
/// </summary>
public static class RasterClip
{
    /// <summary>
    /// The pixel window of <paramref name="grid"/> covering the bounding box of <paramref name="boundary"/> (reprojected
    /// to the grid's CRS). Throws <see cref="ArgumentException"/> naming both when they do not overlap.
    /// </summary>
    public static RasterWindow Window(RasterGrid grid, Boundary boundary, string rasterName = "raster")
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(boundary);
        var b = boundary.TransformTo(grid.Crs);
        var env = b.Geometry.EnvelopeInternal;
        var t = grid.Transform;
        if (!t.IsNorthUp) throw new ArgumentException($"{rasterName}: clipping needs a north-up raster; geotransform {t}.");
        var (c0, r0) = t.ToPixel(env.MinX, env.MaxY);
        var (c1, r1) = t.ToPixel(env.MaxX, env.MinY);
        int x0 = Math.Max(0, (int)Math.Floor(Math.Min(c0, c1) + 1e-9)), y0 = Math.Max(0, (int)Math.Floor(Math.Min(r0, r1) + 1e-9));
        int x1 = Math.Min(grid.Width, (int)Math.Ceiling(Math.Max(c0, c1) - 1e-9)), y1 = Math.Min(grid.Height, (int)Math.Ceiling(Math.Max(r0, r1) - 1e-9));
        if (x1 <= x0 || y1 <= y0)
            throw new ArgumentException($"{boundary.Source}: the boundary (extent {env.MinX:G10}, {env.MinY:G10} – {env.MaxX:G10}, {env.MaxY:G10} in {grid.Crs}) does not overlap {rasterName} (extent {grid.Extent}).");
        return new RasterWindow(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Row-major inside-mask (pixel centre inside the boundary) on <paramref name="grid"/>.</summary>
    public static bool[] Mask(RasterGrid grid, Boundary boundary)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(boundary);
        return PolygonRasterizer.Rasterize(boundary.TransformTo(grid.Crs).Geometry, grid);
    }

    /// <summary>
    /// Reads the window of band <paramref name="band"/> of <paramref name="source"/> covering the boundary and returns a
    /// float32 raster on the clipped grid, NaN outside the polygon and where the source is missing.
    /// </summary>
    public static Raster ClipAndMask(IRasterSource source, Boundary boundary, int band = 0, string rasterName = "raster")
    {
        ArgumentNullException.ThrowIfNull(source);
        var window = Window(source.Grid, boundary, rasterName);
        var grid = source.Grid.Subset(window);
        var values = new double[window.PixelCount];
        source.ReadWindow(band, window, values);
        NoData.ToNaN(values, source.NoData);
        var inside = Mask(grid, boundary);
        var f = new float[values.Length];
        for (int i = 0; i < f.Length; i++) f[i] = inside[i] ? (float)values[i] : float.NaN;
        return Raster.FromArray(grid, f);
    }

    /// <summary>Sets pixels of <paramref name="values"/> (row-major on <paramref name="grid"/>) outside the boundary to NaN.</summary>
    public static void ApplyMask(Span<double> values, RasterGrid grid, Boundary boundary)
    {
        var inside = Mask(grid, boundary);
        if (values.Length != inside.Length) throw new ArgumentException($"values has {values.Length} pixels, the grid {inside.Length}.", nameof(values));
        for (int i = 0; i < values.Length; i++) if (!inside[i]) values[i] = double.NaN;
    }
}
