using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>One band of a raster source: the source and a 0-based band index. A <see cref="Raster"/> converts to its band 0.</summary>
/// <param name="Source">The raster.</param>
/// <param name="Band">0-based band index.</param>
public readonly record struct BandRef(IRasterSource Source, int Band = 0)
{
    /// <summary>Band 0 of an in-memory raster.</summary>
    public static implicit operator BandRef(Raster raster) => new(raster, 0);

    /// <summary>Throws if the band index is outside the source.</summary>
    public BandRef Validate(string name)
    {
        if (Source is null) throw new ArgumentNullException(name, $"Band '{name}' has no raster.");
        if ((uint)Band >= (uint)Source.BandCount)
            throw new ArgumentOutOfRangeException(name, Band, $"Band '{name}' index {Band} is outside 0–{Source.BandCount - 1}.");
        return this;
    }
}

/// <summary>Surface reflectances (unitless, 0–1) of one pixel in the six reflective bands, by name.</summary>
/// <param name="Blue">Blue reflectance.</param>
/// <param name="Green">Green reflectance.</param>
/// <param name="Red">Red reflectance.</param>
/// <param name="Nir">Near-infrared reflectance.</param>
/// <param name="Swir1">SWIR1 (≈1.6 µm) reflectance.</param>
/// <param name="Swir2">SWIR2 (≈2.2 µm) reflectance.</param>
public readonly record struct Reflectance(double Blue, double Green, double Red, double Nir, double Swir1, double Swir2);

/// <summary>
/// The named bands of one Landsat scene on one grid: surface reflectance (0–1) for the six reflective bands and,
/// optionally, the thermal band (at-sensor radiance, W m⁻² sr⁻¹ µm⁻¹, for <see cref="LandSurfaceTemperature"/>).
/// Formulas take these names, so one call serves TM, ETM+ and OLI (see <see cref="SensorBands"/> for the numbers).
/// </summary>
/// <param name="Sensor">The sensor the bands came from (selects tasseled-cap coefficients and thermal constants).</param>
/// <param name="Blue">Blue band.</param>
/// <param name="Green">Green band.</param>
/// <param name="Red">Red band.</param>
/// <param name="Nir">Near-infrared band.</param>
/// <param name="Swir1">SWIR1 band.</param>
/// <param name="Swir2">SWIR2 band.</param>
/// <param name="Thermal">Thermal band (radiance), or null.</param>
public sealed record BandSet(Sensor Sensor, BandRef Blue, BandRef Green, BandRef Red, BandRef Nir, BandRef Swir1, BandRef Swir2, BandRef? Thermal = null)
{
    /// <summary>
    /// Bands from a layer stack whose band index (0-based) is the sensor band number − 1, as a stack of all USGS
    /// band files in numeric order (TM: 1–7; OLI: 1–7 and optionally 8–11). The thermal band is taken when the stack
    /// has it.
    /// </summary>
    public static BandSet FromSensorStack(Sensor sensor, IRasterSource stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        BandRef Get(SpectralBand b) => new BandRef(stack, SensorBands.BandNumber(sensor, b) - 1).Validate(b.ToString());
        int thermal = SensorBands.BandNumber(sensor, SpectralBand.Thermal) - 1;
        return new BandSet(sensor, Get(SpectralBand.Blue), Get(SpectralBand.Green), Get(SpectralBand.Red), Get(SpectralBand.Nir),
            Get(SpectralBand.Swir1), Get(SpectralBand.Swir2), thermal < stack.BandCount ? new BandRef(stack, thermal) : (BandRef?)null);
    }

    /// <summary>The named band (throws for a missing thermal band).</summary>
    public BandRef this[SpectralBand band] => band switch
    {
        SpectralBand.Blue => Blue,
        SpectralBand.Green => Green,
        SpectralBand.Red => Red,
        SpectralBand.Nir => Nir,
        SpectralBand.Swir1 => Swir1,
        SpectralBand.Swir2 => Swir2,
        SpectralBand.Thermal => Thermal ?? throw new InvalidOperationException($"This {Sensor} band set has no thermal band."),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band."),
    };

    /// <summary>The six reflective bands in the order of <see cref="Reflectance"/>.</summary>
    public BandRef[] Reflective => [Blue, Green, Red, Nir, Swir1, Swir2];
}
