using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Vegetation health (the paper's C4, Eq. 4, trend +) after Kogan (1995, 1997):
/// VCI = (NDVI − NDVImin)/(NDVImax − NDVImin), TCI = (BTmax − BT)/(BTmax − BTmin), VHI = a·VCI + (1 − a)·TCI with
/// a = 0.5 (the paper, after [30]). Minima and maxima are per pixel over the multi-year record (same season).
/// Here all three are fractions in [0, 1] (Kogan multiplies by 100; multiply the result if percent is wanted).
/// Values outside the record's range are clipped to [0, 1]; a pixel whose record has max = min gives NaN.
/// Note: this TCI (temperature condition index) is a component of VHI; the paper's C11 "TCI" is tasseled-cap
/// brightness (<see cref="TasseledCap.Brightness(BandSet, PixelType)"/>).
/// </summary>
public static class VegetationHealth
{
    /// <summary>The paper's weight a of VCI in VHI (Eq. 4).</summary>
    public const double DefaultVciWeight = 0.5;

    /// <summary>Vegetation condition index of one pixel, 0–1.</summary>
    public static double Vci(double ndvi, double ndviMin, double ndviMax) => Scale(ndvi - ndviMin, ndviMax - ndviMin);

    /// <summary>Temperature condition index of one pixel, 0–1 (cool = 1). Temperatures in any one unit (K or °C).</summary>
    public static double Tci(double temperature, double temperatureMin, double temperatureMax) =>
        Scale(temperatureMax - temperature, temperatureMax - temperatureMin);

    /// <summary>VHI = a·VCI + (1 − a)·TCI (Eq. 4); <paramref name="a"/> ∈ [0, 1], default 0.5.</summary>
    public static double Vhi(double vci, double tci, double a = DefaultVciWeight)
    {
        if (!(a >= 0 && a <= 1)) throw new ArgumentOutOfRangeException(nameof(a), a, "The VCI weight a must be in [0, 1].");
        return a * vci + (1 - a) * tci;
    }

    private static double Scale(double num, double range) =>
        double.IsNaN(num) || double.IsNaN(range) || !(range > 0) ? double.NaN : Math.Clamp(num / range, 0, 1);

    /// <summary>Per-pixel minimum and maximum of a multi-year stack of bands on one grid (missing values skipped; NaN
    /// where all years are missing). Returns two float64 rasters.</summary>
    public static (Raster Min, Raster Max) StackRange(IReadOnlyList<BandRef> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var min = PixelMap.Apply(years, v => { double m = double.NaN; foreach (var x in v) if (!double.IsNaN(x) && !(x >= m)) m = x; return m; }, PixelType.Float64);
        var max = PixelMap.Apply(years, v => { double m = double.NaN; foreach (var x in v) if (!double.IsNaN(x) && !(x <= m)) m = x; return m; }, PixelType.Float64);
        return (min, max);
    }

    /// <summary>VCI raster of one year's NDVI against per-pixel multi-year <paramref name="ndviMin"/>/<paramref name="ndviMax"/>.</summary>
    public static Raster Vci(BandRef ndvi, BandRef ndviMin, BandRef ndviMax, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([ndvi, ndviMin, ndviMax], v => Vci(v[0], v[1], v[2]), outputType, ["ndvi", "ndvi min", "ndvi max"]);

    /// <summary>TCI raster of one year's temperature against per-pixel multi-year extremes.</summary>
    public static Raster Tci(BandRef temperature, BandRef temperatureMin, BandRef temperatureMax, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([temperature, temperatureMin, temperatureMax], v => Tci(v[0], v[1], v[2]), outputType, ["temperature", "temperature min", "temperature max"]);

    /// <summary>VHI raster from VCI and TCI rasters (Eq. 4).</summary>
    public static Raster Vhi(BandRef vci, BandRef tci, double a = DefaultVciWeight, PixelType outputType = PixelType.Float32)
    {
        Vhi(0, 0, a);
        return PixelMap.Apply([vci, tci], v => Vhi(v[0], v[1], a), outputType, ["vci", "tci"]);
    }

    /// <summary>
    /// VHI rasters for every year of an NDVI and temperature record (same years, same grid): the multi-year extremes
    /// are computed per pixel from the record itself.
    /// </summary>
    public static IReadOnlyList<Raster> Vhi(IReadOnlyList<BandRef> ndviByYear, IReadOnlyList<BandRef> temperatureByYear, double a = DefaultVciWeight,
        PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(ndviByYear);
        ArgumentNullException.ThrowIfNull(temperatureByYear);
        if (ndviByYear.Count != temperatureByYear.Count)
            throw new ArgumentException($"NDVI has {ndviByYear.Count} years but temperature has {temperatureByYear.Count}.", nameof(temperatureByYear));
        var (nMin, nMax) = StackRange(ndviByYear);
        var (tMin, tMax) = StackRange(temperatureByYear);
        return ndviByYear.Select((n, i) => PixelMap.Apply([n, temperatureByYear[i], nMin, nMax, tMin, tMax],
            v => Vhi(Vci(v[0], v[2], v[3]), Tci(v[1], v[4], v[5]), a), outputType,
            ["ndvi", "temperature", "ndvi min", "ndvi max", "temperature min", "temperature max"])).ToList();
    }
}
