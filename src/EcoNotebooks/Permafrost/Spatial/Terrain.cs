using EcoNotebooks.Rasters;

namespace EcoNotebooks.Permafrost.Spatial;

/// <summary>Slope and aspect from a DEM by Horn's (1981) third-order finite difference, as gdaldem slope/aspect compute them.</summary>
public static class Terrain
{
    /// <summary>
    /// Slope (degrees, 0–90) and aspect (degrees clockwise from north of the downslope direction, 0–360; NaN where flat)
    /// of band 0 of a north-up DEM in a projected CRS (elevation units = CRS units, e.g. metres in UTM). For the 3×3
    /// window a b c / d e f / g h i: ∂z/∂x = ((c + 2f + i) − (a + 2d + g)) / (8Δx), ∂z/∂y_south = ((g + 2h + i) − (a + 2b + c)) / (8Δy);
    /// slope = atan(√(∂z/∂x² + ∂z/∂y²)); aspect = atan2(−∂z/∂east, −∂z/∂north). Edge pixels and pixels with a missing
    /// neighbour are NaN (gdaldem's default without -compute_edges). GDAL equivalent: gdaldem slope / gdaldem aspect (Horn).
    /// </summary>
    public static (Raster Slope, Raster Aspect) SlopeAspect(Raster dem)
    {
        ArgumentNullException.ThrowIfNull(dem);
        var t = dem.Grid.Transform;
        if (!t.IsNorthUp) throw new ArgumentException($"The DEM must be north-up; its geotransform is {t}.", nameof(dem));
        if (dem.Grid.Crs.IsGeographic) throw new ArgumentException($"The DEM is in geographic coordinates ({dem.Grid.Crs}); reproject it to metres (e.g. UTM) first.", nameof(dem));
        int w = dem.Width, h = dem.Height;
        double dx = Math.Abs(t.PixelWidth), dy = Math.Abs(t.PixelHeight);
        var z = dem.Band(0).ToDoubleArray();
        var slope = new double[z.Length]; var aspect = new double[z.Length];
        Array.Fill(slope, double.NaN); Array.Fill(aspect, double.NaN);
        for (int r = 1; r < h - 1; r++)
            for (int c = 1; c < w - 1; c++)
            {
                double a = z[(r - 1) * w + c - 1], b = z[(r - 1) * w + c], cc = z[(r - 1) * w + c + 1];
                double d = z[r * w + c - 1], e = z[r * w + c], f = z[r * w + c + 1];
                double g = z[(r + 1) * w + c - 1], hh = z[(r + 1) * w + c], i = z[(r + 1) * w + c + 1];
                double sum = a + b + cc + d + e + f + g + hh + i;
                if (double.IsNaN(sum)) continue;
                double dzdx = (cc + 2 * f + i - (a + 2 * d + g)) / (8 * dx);
                double dzdySouth = (g + 2 * hh + i - (a + 2 * b + cc)) / (8 * dy);
                slope[r * w + c] = Math.Atan(Math.Sqrt(dzdx * dzdx + dzdySouth * dzdySouth)) * 180 / Math.PI;
                if (dzdx == 0 && dzdySouth == 0) continue;
                double asp = Math.Atan2(-dzdx, dzdySouth) * 180 / Math.PI;   // east component −∂z/∂x, north component −∂z/∂north = ∂z/∂y_south
                if (asp < 0) asp += 360;
                aspect[r * w + c] = asp;
            }
        return (Raster.FromArray(dem.Grid, slope), Raster.FromArray(dem.Grid, aspect));
    }
}
