using EcoNotebooks.Rasters;

namespace EcoNotebooks.Permafrost.Spatial;

/// <summary>
/// Mean annual ground temperature (MAGT) over terrain from a reference station, an elevation lapse rate that depends on
/// aspect, and a surface (air-to-ground) offset (paper §2.1):
/// MAGT(z, aspect) = MAAT_ref + offset − Γ(aspect)·(z − z_ref)/100, with Γ(aspect) = (Γ_N + Γ_S)/2 + (Γ_N − Γ_S)/2 · cos(aspect)
/// — Γ_N = 0.6 °C/100 m on north-facing (aspect 0°) and Γ_S = 0.4 °C/100 m on south-facing (180°) slopes (Bayan Har
/// Mountains), east/west slopes and flat ground (aspect undefined) in between at 0.5. The default offset 2.25 °C puts
/// MAGT = 0 on the −2.25 °C mean-annual air isotherm where the station lapse is 0.6, i.e. the paper's lower limit of
/// permafrost "near the −2.5 to −2.0 °C mean annual air temperature isotherms".
/// </summary>
/// <param name="ReferenceElevation">z_ref, m (Xining 2,260).</param>
/// <param name="ReferenceAirTemperature">MAAT at z_ref, °C (Xining ≈ 6).</param>
/// <param name="SurfaceOffset">MAGT − MAAT at the reference, °C (default 2.25).</param>
/// <param name="NorthLapseRate">Γ_N, °C per 100 m (default 0.6).</param>
/// <param name="SouthLapseRate">Γ_S, °C per 100 m (default 0.4).</param>
public sealed record MagtLapseModel(double ReferenceElevation = 2260, double ReferenceAirTemperature = 6, double SurfaceOffset = 2.25, double NorthLapseRate = 0.6, double SouthLapseRate = 0.4)
{
    /// <summary>Γ(aspect), °C per 100 m; NaN aspect (flat) gives the mean of the two rates.</summary>
    public double LapseRate(double aspectDegrees) =>
        double.IsNaN(aspectDegrees) ? 0.5 * (NorthLapseRate + SouthLapseRate)
        : 0.5 * (NorthLapseRate + SouthLapseRate) + 0.5 * (NorthLapseRate - SouthLapseRate) * Math.Cos(aspectDegrees * Math.PI / 180);

    /// <summary>MAGT, °C, at elevation <paramref name="elevation"/> m and aspect <paramref name="aspectDegrees"/> (NaN = flat).</summary>
    public double Magt(double elevation, double aspectDegrees) =>
        ReferenceAirTemperature + SurfaceOffset - LapseRate(aspectDegrees) * (elevation - ReferenceElevation) / 100;

    /// <summary>Elevation (m) where MAGT = 0 for an aspect: the lower limit of permafrost on such slopes.</summary>
    public double PermafrostLowerLimit(double aspectDegrees) =>
        ReferenceElevation + (ReferenceAirTemperature + SurfaceOffset) / LapseRate(aspectDegrees) * 100;

    /// <summary>MAGT map (float64, °C) over a DEM, with aspect from <see cref="SlopeAspect.Compute"/>; flat pixels use the mean rate; missing elevations stay NaN.</summary>
    public Raster Map(Raster dem)
    {
        ArgumentNullException.ThrowIfNull(dem);
        var (_, aspect) = SlopeAspect.Compute(dem);
        var z = dem.Band(0).ToDoubleArray();
        var a = aspect.Band(0).ToDoubleArray();
        var m = new double[z.Length];
        for (int i = 0; i < z.Length; i++) m[i] = double.IsNaN(z[i]) ? double.NaN : Magt(z[i], a[i]);
        return Raster.FromArray(dem.Grid, m);
    }

    /// <summary>Permafrost presence from a MAGT map: UInt8 1 where MAGT &lt; 0 °C, 0 where ≥ 0, 255 (nodata) where missing.</summary>
    public static Raster PermafrostPresence(Raster magt)
    {
        ArgumentNullException.ThrowIfNull(magt);
        var v = magt.Band(0).ToDoubleArray();
        var b = new byte[v.Length];
        for (int i = 0; i < v.Length; i++) b[i] = double.IsNaN(v[i]) ? (byte)255 : v[i] < 0 ? (byte)1 : (byte)0;
        return new Raster(magt.Grid, [new RasterBand<byte>(magt.Width, magt.Height, b, 255)]);
    }
}
