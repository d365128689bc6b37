using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>
/// Options of the synthetic Lingbei sample generator (<see cref="LingbeiGenerator"/>). The defaults produce the
/// committed data-samples/lingbei and its cached Landsat scenes; <see cref="Disturbance"/> and
/// <see cref="SiteDisturbance"/> hold the values found by <see cref="LingbeiCalibration"/> for the default seed.
/// </summary>
public sealed record LingbeiSampleOptions
{
    /// <summary>Random seed; every output is a deterministic function of the options.</summary>
    public int Seed { get; init; } = 20230512;

    /// <summary>Raster columns of 30 m (540 × 440 pixels of 900 m² = 213.84 km², the paper's 214 km²).</summary>
    public int Width { get; init; } = 540;

    /// <summary>Raster rows.</summary>
    public int Height { get; init; } = 440;

    /// <summary>Pixel size, m (Landsat).</summary>
    public double PixelSize { get; init; } = 30;

    /// <summary>
    /// Upper-left corner easting in WGS 84 / UTM zone 50N (EPSG:32650), m. The rectangle is centred on the centre of
    /// the paper's extent (115.08° E, 24.95° N → E 306 151 m, N 2 760 782 m; gdaltransform).
    /// </summary>
    public double OriginX { get; init; } = 298_050;

    /// <summary>Upper-left corner northing, m.</summary>
    public double OriginY { get; init; } = 2_767_380;

    /// <summary>
    /// Disturbance intensity per study year (2000, 2005, 2010, 2016, 2020), −1…3 (negative = a year of above-normal
    /// vegetation vigour): the depth of the vegetation
    /// degradation halo around bare mine ground (vegetation fraction × (1 − D·e^(−d/λ)), d the distance to the nearest
    /// bare mine pixel), of the diffuse degradation of the mining district and of a regional vegetation stress
    /// (× (1 − 0.15·D), see <see cref="LingbeiGenerator.VegetationFraction"/>). Calibrated so that the mean
    /// resilience of each year matches the paper (see <see cref="LingbeiCalibration"/>).
    /// </summary>
    public IReadOnlyList<double> Disturbance { get; init; } = [0.12184158019914762, 0.08220802599867791, 0.15750469295362698, 0.1486412063266573, 0.09559879131018013];

    /// <summary>
    /// Extra disturbance multiplier inside the zone of each named site, per study year (same order as
    /// <see cref="Disturbance"/>); calibrated to the typical-site values of the paper's Fig. 5 text.
    /// </summary>
    public IReadOnlyDictionary<string, double[]> SiteDisturbance { get; init; } = new Dictionary<string, double[]>
    {
        ["Chenaoxia"] = [1, 1.446008078836902, 1.0171364112878711, 0.9789131717464817, 1.005174150968348],
        ["Longchuankeng"] = [1, 0.42530285610763885, 0.9210798115390356, 0.11747042493815937, 0],
    };

    /// <summary>Halo decay length λ, pixels.</summary>
    public double HaloLength { get; init; } = 12;

    /// <summary>The raster grid (EPSG:32650).</summary>
    public RasterGrid Grid => RasterGrid.NorthUp(Width, Height, OriginX, OriginY, PixelSize, SpatialReference.Utm(50));

    /// <summary>Throws when an option is out of range.</summary>
    public LingbeiSampleOptions Validate()
    {
        if (Width < 100 || Height < 100) throw new ArgumentOutOfRangeException(nameof(Width), $"The grid must be at least 100 × 100 pixels; got {Width} × {Height}.");
        if (!(PixelSize > 0)) throw new ArgumentOutOfRangeException(nameof(PixelSize), PixelSize, "Pixel size must be > 0 m.");
        if (Disturbance.Count != LingbeiGenerator.Years.Count)
            throw new ArgumentException($"{Disturbance.Count} disturbance values for {LingbeiGenerator.Years.Count} years.", nameof(Disturbance));
        foreach (var d in Disturbance) if (!(d >= -1 && d <= 3)) throw new ArgumentOutOfRangeException(nameof(Disturbance), d, "Disturbance must be in [−1, 3].");
        foreach (var (name, v) in SiteDisturbance)
        {
            if (LingbeiGenerator.Sites.All(s => s.Name != name)) throw new ArgumentException($"Unknown site '{name}'.", nameof(SiteDisturbance));
            if (v.Length != LingbeiGenerator.Years.Count) throw new ArgumentException($"Site '{name}' has {v.Length} values for {LingbeiGenerator.Years.Count} years.", nameof(SiteDisturbance));
            foreach (var x in v) if (!(x >= 0)) throw new ArgumentOutOfRangeException(nameof(SiteDisturbance), x, $"Site '{name}' multiplier must be ≥ 0.");
        }
        if (!(HaloLength > 0)) throw new ArgumentOutOfRangeException(nameof(HaloLength), HaloLength, "Halo length must be > 0 pixels.");
        return this;
    }
}
