using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.RemoteSensing.Landsat;

namespace EcoNotebooks.RemoteSensing;

/// <summary>
/// Surface reflectance (unitless, nominally 0–1; float32, NaN = missing) of one scene or composite in the six
/// reflective bands by common name, all on one grid, plus optional thermal layers and the clear-pixel mask.
/// This is the input of the indicator formulas: each band is an in-memory <see cref="Raster"/>, which converts to
/// <c>EcoNotebooks.Indicators.BandRef</c>, so
/// <c>new BandSet(sensor, b.Blue, b.Green, b.Red, b.Nir, b.Swir1, b.Swir2, b.ThermalRadiance)</c> needs no edits
/// (sensor: <see cref="LandsatSensor.Tm"/> → Sensor.LandsatTM, Etm → LandsatEtm, OliTirs → LandsatOli).
/// </summary>
/// <param name="Name">Scene product id, or the composite period name.</param>
/// <param name="Date">Acquisition date (null for a composite).</param>
/// <param name="Grid">The common grid.</param>
/// <param name="Blue">Blue reflectance.</param>
/// <param name="Green">Green reflectance.</param>
/// <param name="Red">Red reflectance.</param>
/// <param name="Nir">Near-infrared reflectance.</param>
/// <param name="Swir1">SWIR1 (≈1.6 µm) reflectance.</param>
/// <param name="Swir2">SWIR2 (≈2.2 µm) reflectance.</param>
public sealed record SpectralBands(string Name, DateOnly? Date, RasterGrid Grid,
    Raster Blue, Raster Green, Raster Red, Raster Nir, Raster Swir1, Raster Swir2)
{
    /// <summary>The Landsat sensor, when the bands come from Landsat.</summary>
    public LandsatSensor? Sensor { get; init; }

    /// <summary>Surface temperature, kelvin (Landsat ST_B6/ST_B10 scaled), or null.</summary>
    public Raster? SurfaceTemperature { get; init; }

    /// <summary>At-sensor thermal radiance, W m⁻² sr⁻¹ µm⁻¹ (Landsat ST_TRAD scaled by 0.001), the input of the
    /// radiative-transfer LST; null when the product has no ST_TRAD layer.</summary>
    public Raster? ThermalRadiance { get; init; }

    /// <summary>Thermal constants K1 (W m⁻² sr⁻¹ µm⁻¹) and K2 (K) from the metadata or the documented defaults.</summary>
    public (double K1, double K2)? ThermalConstants { get; init; }

    /// <summary>
    /// The reflective bands that were read (e.g. only red and NIR when a Sentinel-2 scene is opened for NDVI); the others
    /// are all-NaN placeholders. Null = all six.
    /// </summary>
    public IReadOnlySet<CommonBand>? Available { get; init; }

    /// <summary>True when reflective band <paramref name="band"/> was read (see <see cref="Available"/>).</summary>
    public bool Has(CommonBand band) => Available is null || Available.Contains(band);

    /// <summary>uint8 mask on <see cref="Grid"/>: 1 = clear and inside the study area, 0 = masked (cloud, shadow, fill, outside). Null = all clear.</summary>
    public Raster? Clear { get; init; }

    /// <summary>
    /// The bands as the indicator functions' <see cref="EcoNotebooks.Indicators.BandSet"/> (common-name reflectances,
    /// thermal = at-sensor radiance from ST_TRAD), so a delivered scene flows into the Lingbei indicators without hand
    /// edits. The sensor maps TM → LandsatTM, ETM → LandsatEtm, OLI/TIRS → LandsatOli; non-Landsat bands need
    /// <paramref name="sensor"/>.
    /// </summary>
    public EcoNotebooks.Indicators.BandSet ToBandSet(EcoNotebooks.Indicators.Sensor? sensor = null)
    {
        var s = sensor ?? Sensor switch
        {
            LandsatSensor.Tm => EcoNotebooks.Indicators.Sensor.LandsatTM,
            LandsatSensor.Etm => EcoNotebooks.Indicators.Sensor.LandsatEtm,
            LandsatSensor.OliTirs => EcoNotebooks.Indicators.Sensor.LandsatOli,
            _ => throw new InvalidOperationException($"{Name}: the bands come from no known Landsat sensor; pass the sensor to ToBandSet."),
        };
        return new EcoNotebooks.Indicators.BandSet(s, Blue, Green, Red, Nir, Swir1, Swir2,
            ThermalRadiance is { } t ? t : (EcoNotebooks.Indicators.BandRef?)null);
    }

    /// <summary>The reflectance band of a common name (thermal is not a reflectance band: use <see cref="ThermalRadiance"/>).</summary>
    public Raster this[CommonBand band] => band switch
    {
        CommonBand.Blue => Blue,
        CommonBand.Green => Green,
        CommonBand.Red => Red,
        CommonBand.Nir => Nir,
        CommonBand.Swir1 => Swir1,
        CommonBand.Swir2 => Swir2,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Thermal is not a reflectance band; use ThermalRadiance or SurfaceTemperature."),
    };

    /// <summary>The six reflective bands in the order blue, green, red, nir, swir1, swir2.</summary>
    public IReadOnlyList<Raster> Reflective => [Blue, Green, Red, Nir, Swir1, Swir2];

    /// <summary>NDVI = (nir − red)/(nir + red), float32, NaN where either is missing or the pixel is not clear.</summary>
    public Raster Ndvi()
    {
        var n = Nir.Band(0).ToDoubleArray();
        var r = Red.Band(0).ToDoubleArray();
        var clear = Clear?.Band(0).ToDoubleArray(false);
        var v = new float[n.Length];
        for (int i = 0; i < v.Length; i++)
            v[i] = clear is not null && clear[i] != 1 ? float.NaN : (float)((n[i] - r[i]) / (n[i] + r[i]));
        return Raster.FromArray(Grid, v);
    }

    /// <summary>All layers resampled onto <paramref name="target"/> (reflectance and thermal with <paramref name="method"/>, the clear mask with nearest).</summary>
    public SpectralBands WarpTo(RasterGrid target, ResamplingMethod method = ResamplingMethod.Bilinear)
    {
        ArgumentNullException.ThrowIfNull(target);
        Raster W(Raster r) => Warper.Warp(r, target, method, 0, Name);
        return this with
        {
            Grid = target, Blue = W(Blue), Green = W(Green), Red = W(Red), Nir = W(Nir), Swir1 = W(Swir1), Swir2 = W(Swir2),
            SurfaceTemperature = SurfaceTemperature is null ? null : W(SurfaceTemperature),
            ThermalRadiance = ThermalRadiance is null ? null : W(ThermalRadiance),
            Clear = Clear is null ? null : Warper.Warp(Clear, target, ResamplingMethod.Nearest, 0, Name),
        };
    }
}
