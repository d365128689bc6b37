using EcoNotebooks.Rasters;
using NetTopologySuite.Geometries;

namespace EcoNotebooks.Vector;

/// <summary>
/// Burns polygons into a pixel mask by scanline filling: for each row the crossings of the row's centre line with all
/// ring edges are sorted, and pixels whose centres lie between consecutive pairs (even–odd rule, so holes stay empty)
/// are inside. Cost is O(rows × edges + pixels), never a point-in-polygon test per pixel.
/// Same convention as <c>gdal_rasterize</c> without <c>-at</c>: a pixel is inside when its centre is.
/// </summary>
public static class PolygonRasterizer
{
    /// <summary>Row-major mask (true = centre inside) of <paramref name="polygons"/> (coordinates in the grid's CRS) on a north-up grid.</summary>
    public static bool[] Rasterize(Geometry polygons, RasterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(grid);
        var t = grid.Transform;
        if (!t.IsNorthUp) throw new ArgumentException($"Polygon masking needs a north-up grid; the grid has rotation terms {t}.", nameof(grid));
        var edges = new List<(double X1, double Y1, double X2, double Y2)>();
        for (int g = 0; g < polygons.NumGeometries; g++)
        {
            if (polygons.GetGeometryN(g) is not Polygon p) continue;
            AddRing(p.ExteriorRing, edges);
            foreach (var hole in p.InteriorRings) AddRing(hole, edges);
        }
        // Sort edges by their lower y so each row only looks at the edges that span it.
        edges.Sort((a, b) => Math.Min(a.Y1, a.Y2).CompareTo(Math.Min(b.Y1, b.Y2)));
        var mask = new bool[grid.PixelCount];
        var xs = new List<double>();
        double ox = t.OriginX, pw = t.PixelWidth;
        for (int r = 0; r < grid.Height; r++)
        {
            double y = t.OriginY + (r + 0.5) * t.PixelHeight;
            xs.Clear();
            foreach (var e in edges)
            {
                if (Math.Min(e.Y1, e.Y2) > y) break;
                if ((e.Y1 <= y && y < e.Y2) || (e.Y2 <= y && y < e.Y1))
                    xs.Add(e.X1 + (y - e.Y1) * (e.X2 - e.X1) / (e.Y2 - e.Y1));
            }
            if (xs.Count < 2) continue;
            xs.Sort();
            int row = r * grid.Width;
            for (int k = 0; k + 1 < xs.Count; k += 2)
            {
                // pixel c is inside when xa <= ox + (c + 0.5)·pw < xb (pw > 0 for north-up)
                double ca = (xs[k] - ox) / pw - 0.5, cb = (xs[k + 1] - ox) / pw - 0.5;
                int c0 = Math.Max(0, (int)Math.Ceiling(ca));
                int c1 = Math.Min(grid.Width - 1, (int)Math.Ceiling(cb) - 1);
                for (int c = c0; c <= c1; c++) mask[row + c] = true;
            }
        }
        return mask;
    }

    private static void AddRing(LineString ring, List<(double, double, double, double)> edges)
    {
        var cs = ring.CoordinateSequence;
        for (int i = 0; i + 1 < cs.Count; i++)
        {
            double y1 = cs.GetY(i), y2 = cs.GetY(i + 1);
            if (y1 == y2) continue;
            edges.Add((cs.GetX(i), y1, cs.GetX(i + 1), y2));
        }
    }
}
