using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>
/// Options of the synthetic Lingbei sample generator (<see cref="LingbeiGenerator"/>). The defaults produce the
/// committed data-samples/lingbei and its cached Landsat scenes; <see cref="Disturbance"/> and
/// <see cref="SiteDisturbance"/>, <see cref="Contrast"/> and <see cref="FringeWidth"/> hold the values found by
/// <see cref="LingbeiCalibration"/> for the default seed.
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
    public IReadOnlyList<double> Disturbance { get; init; } = [0.6341424754637162, 0.4369827530564237, 0.43014503508838553, 0.5145133669473919, 0.3827933338851552];

    /// <summary>
    /// Extra disturbance multiplier inside the zone of each named site, per study year (same order as
    /// <see cref="Disturbance"/>); calibrated to the typical-site values of the paper's Fig. 5 text.
    /// </summary>
    public IReadOnlyDictionary<string, double[]> SiteDisturbance { get; init; } = new Dictionary<string, double[]>
    {
        ["Chenaoxia"] = [1, 0.3493496079714097, 0.24204476599552027, 0.2003496497545284, 0.17209757422337513],
        ["Longchuankeng"] = [1, 0.36094929711396223, 0.6498349372955309, 0.3707427092197695, 0.3902561772703393],
    };

    /// <summary>
    /// Vegetation contrast per study year (same order as <see cref="Disturbance"/>), −0.9…3: the vegetation fraction
    /// before disturbance is stretched about <see cref="LingbeiGenerator.ContrastPivot"/>,
    /// v' = pivot + (1 + C)·(v − pivot), so a positive C spreads the index (more pixels in the top and bottom classes at
    /// the same mean once <see cref="Disturbance"/> is recalibrated). Calibrated with <see cref="FringeWidth"/> so that
    /// the poor and excellent + good shares match the paper (see <see cref="LingbeiCalibration"/>).
    /// </summary>
    public IReadOnlyList<double> Contrast { get; init; } = [0.25525143375108716, -0.010528842091194538, -0.3045106737817119, -0.1108940123038942, -0.186061762127405];

    /// <summary>
    /// Width of the strongly disturbed fringe around bare mine ground per study year, pixels, 0…40: vegetated pixels
    /// within this distance of bare ground keep only <see cref="LingbeiGenerator.FringeFactor"/> of their vegetation
    /// (dust, spoil and leachate at the pit edges), with a one-pixel linear ramp at the outer edge. More width puts more
    /// pixels into the poor class (0.38–0.41).
    /// </summary>
    public IReadOnlyList<double> FringeWidth { get; init; } = [26.717361835004883, 26.303384348091868, 18.208889731224918, 20.4114081544496, 21.918008766354223];

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
        if (Contrast.Count != LingbeiGenerator.Years.Count)
            throw new ArgumentException($"{Contrast.Count} contrast values for {LingbeiGenerator.Years.Count} years.", nameof(Contrast));
        foreach (var c in Contrast) if (!(c >= -0.9 && c <= 3)) throw new ArgumentOutOfRangeException(nameof(Contrast), c, "Contrast must be in [−0.9, 3].");
        if (FringeWidth.Count != LingbeiGenerator.Years.Count)
            throw new ArgumentException($"{FringeWidth.Count} fringe width values for {LingbeiGenerator.Years.Count} years.", nameof(FringeWidth));
        foreach (var e in FringeWidth) if (!(e >= 0 && e <= 40)) throw new ArgumentOutOfRangeException(nameof(FringeWidth), e, "Fringe width must be in [0, 40] pixels.");
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
