using EcoNotebooks.Rasters;

namespace EcoNotebooks.Permafrost.Spatial;

/// <summary>
/// Slope and aspect of a DEM by Horn's (1981) 3×3 method, built on the Horn gradients of
/// <see cref="Indicators.Terrain.Gradients"/> (so edge pixels are computed from a linearly extrapolated border, and a
/// missing neighbour is extrapolated from its opposite one; see there).
/// </summary>
public static class SlopeAspect
{
    /// <summary>
    /// Slope (degrees, 0–90) and aspect (degrees clockwise from north of the downslope direction, 0–360; NaN where the
    /// ground is exactly flat or the DEM is missing) of band 0 of a north-up DEM in a projected CRS with elevations in
    /// the CRS units. With the Horn gradients ∂z/∂x (east) and ∂z/∂y (north): slope = atan(√(∂z/∂x² + ∂z/∂y²)),
    /// aspect = atan2(−∂z/∂x, −∂z/∂y). Interior pixels equal <c>gdaldem slope</c> / <c>gdaldem aspect</c> (Horn);
    /// gdaldem leaves the outermost pixels nodata unless -compute_edges is given, here they are always computed.
    /// </summary>
    public static (Raster Slope, Raster Aspect) Compute(Raster dem)
    {
        ArgumentNullException.ThrowIfNull(dem);
        var t = dem.Grid.Transform;
        if (!t.IsNorthUp) throw new ArgumentException($"The DEM must be north-up; its geotransform is {t}.", nameof(dem));
        if (dem.Grid.Crs.IsGeographic) throw new ArgumentException($"The DEM is in geographic coordinates ({dem.Grid.Crs}); reproject it to metres (e.g. UTM) first.", nameof(dem));
        var z = dem.Band(0).ToDoubleArray();
        var (gx, gy) = Indicators.Terrain.Gradients(z, dem.Width, dem.Height, Math.Abs(t.PixelWidth), Math.Abs(t.PixelHeight));
        var slope = new double[z.Length];
        var aspect = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            double dx = gx[i], dy = gy[i];
            slope[i] = Math.Atan(Math.Sqrt(dx * dx + dy * dy)) * 180 / Math.PI;
            if (double.IsNaN(slope[i]) || (dx == 0 && dy == 0)) { aspect[i] = double.NaN; continue; }
            double a = Math.Atan2(-dx, -dy) * 180 / Math.PI;
            aspect[i] = a < 0 ? a + 360 : a;
        }
        return (Raster.FromArray(dem.Grid, slope), Raster.FromArray(dem.Grid, aspect));
    }
}
