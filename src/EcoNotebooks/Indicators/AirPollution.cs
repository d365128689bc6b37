using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Atmospheric pollution layers (criterion B5): PM2.5 (C16, µg m⁻³, annual mean surface concentration from the
/// Dalhousie Atmospheric Composition Analysis Group) and CO2 emissions (C17, from China's county-level CO2 inventory
/// [26], t a⁻¹ per county, expressed as t km⁻² a⁻¹), both trend −. They enter the index as given; this class checks
/// units/ranges and puts them on the 30 m grid. Inputs must already be in the target CRS (reproject with
/// <c>gdalwarp</c>); <see cref="Resample"/> only changes resolution/extent within one CRS.
/// </summary>
public static class AirPollution
{
    /// <summary>PM2.5 layer (µg m⁻³) as float32; negative values are not physical and become NaN.</summary>
    public static Raster Pm25(BandRef concentration, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([concentration], v => v[0] < 0 ? double.NaN : v[0], outputType, ["pm2.5"]);

    /// <summary>CO2 emission density (t km⁻² a⁻¹) from county totals (t a⁻¹) and a county-code raster.</summary>
    public static Raster Co2FromCountyTotals(BandRef counties, IReadOnlyDictionary<int, double> emissions, PixelType outputType = PixelType.Float32) =>
        AreaDensity.FromZoneTotals(counties, emissions, AreaDensity.SquareMetresPerKm2, outputType).Density;

    /// <summary>CO2 layer already gridded as a density (t km⁻² a⁻¹); negative values become NaN.</summary>
    public static Raster Co2(BandRef density, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([density], v => v[0] < 0 ? double.NaN : v[0], outputType, ["co2"]);

    /// <summary>
    /// Resamples a north-up band onto <paramref name="target"/> (same CRS) by bilinear interpolation of pixel centres
    /// (GDAL <c>-r bilinear</c> when upsampling) or nearest neighbour. Target pixels outside the source, or whose
    /// needed neighbours are missing, are NaN (missing values propagate; there is no fallback).
    /// </summary>
    public static Raster Resample(BandRef source, RasterGrid target, bool bilinear = true, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(target);
        source.Validate(nameof(source));
        var sg = source.Source.Grid;
        if (!sg.Crs.SameAs(target.Crs)) throw new ArgumentException($"Source CRS {sg.Crs} differs from target CRS {target.Crs}; reproject first (gdalwarp).", nameof(target));
        if (!sg.Transform.IsNorthUp || !target.Transform.IsNorthUp) throw new ArgumentException("Resampling needs north-up grids.", nameof(target));
        var v = PixelMap.ReadAll(source, nameof(source));
        var result = new double[target.PixelCount];
        PixelMap.ParallelRows(target.Height, r =>
        {
            for (int c = 0; c < target.Width; c++)
            {
                var (x, y) = target.Transform.PixelCentre(c, r);
                var (sc, sr) = sg.Transform.ToPixel(x, y);
                result[(long)r * target.Width + c] = bilinear ? Bilinear(v, sg.Width, sg.Height, sc - 0.5, sr - 0.5) : Nearest(v, sg.Width, sg.Height, sc, sr);
            }
        });
        return PixelMap.ToRaster(target, result, outputType);
    }

    private static double Nearest(double[] v, int w, int h, double col, double row)
    {
        int c = (int)Math.Floor(col), r = (int)Math.Floor(row);
        return (uint)c < (uint)w && (uint)r < (uint)h ? v[r * w + c] : double.NaN;
    }

    private static double Bilinear(double[] v, int w, int h, double x, double y)
    {
        // x, y are in pixel-centre coordinates (0 = centre of the first pixel); clamp half a pixel at the borders.
        if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) return double.NaN;
        x = Math.Clamp(x, 0, w - 1); y = Math.Clamp(y, 0, h - 1);
        int c0 = (int)Math.Floor(x), r0 = (int)Math.Floor(y);
        int c1 = Math.Min(c0 + 1, w - 1), r1 = Math.Min(r0 + 1, h - 1);
        double fx = x - c0, fy = y - r0;
        double top = v[r0 * w + c0] * (1 - fx) + v[r0 * w + c1] * fx;
        double bottom = v[r1 * w + c0] * (1 - fx) + v[r1 * w + c1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
