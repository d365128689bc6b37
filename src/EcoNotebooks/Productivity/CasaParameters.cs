namespace EcoNotebooks.Productivity;

/// <summary>
/// Per-land-cover parameters of the CASA model: maximum light-use efficiency εmax (gC MJ⁻¹) and the NDVI percentiles
/// used as NDVImin/NDVImax of each class. Defaults follow Zhu Wenquan et al. (2006, "Simulation of maximal light use
/// efficiency for some typical vegetation types in China", Chinese Science Bulletin 51: 457–463): evergreen needleleaf
/// 0.389, deciduous broadleaf 0.692, mixed forest 0.475, shrub 0.429, grassland and cropland 0.542 gC MJ⁻¹; construction
/// and bare land use 0.389 (sparse vegetation), water 0.
/// </summary>
/// <param name="EpsilonMax">εmax per class, gC MJ⁻¹ (≥ 0).</param>
/// <param name="FparMin">FPARmin, 0.001 (Zhu et al. 2006).</param>
/// <param name="FparMax">FPARmax, 0.95.</param>
/// <param name="LowerPercentile">Percentile (%) of all NDVI values on classified land taken as NDVImin (default 5).</param>
/// <param name="UpperPercentile">Percentile (%) of each class's NDVI taken as that class's NDVImax (default 95).</param>
/// <param name="NdviWeight">α in FPAR = α·FPAR_NDVI + (1 − α)·FPAR_SR, default 0.5.</param>
/// <param name="MinimumTemperature">Monthly mean air temperature (°C) at or below which ε = 0 (no photosynthesis), default −10.</param>
public sealed record CasaParameters(
    IReadOnlyDictionary<LandCoverClass, double> EpsilonMax,
    double FparMin = 0.001,
    double FparMax = 0.95,
    double LowerPercentile = 5,
    double UpperPercentile = 95,
    double NdviWeight = 0.5,
    double MinimumTemperature = -10)
{
    /// <summary>The default table (Zhu et al. 2006).</summary>
    public static CasaParameters Default { get; } = new(new Dictionary<LandCoverClass, double>
    {
        [LandCoverClass.None] = 0,
        [LandCoverClass.Forest] = 0.692,
        [LandCoverClass.Shrubland] = 0.429,
        [LandCoverClass.Grassland] = 0.542,
        [LandCoverClass.Farmland] = 0.542,
        [LandCoverClass.Construction] = 0.389,
        [LandCoverClass.Water] = 0,
        [LandCoverClass.Bare] = 0.389,
    });

    /// <summary>εmax of a class (gC MJ⁻¹), with an error naming the class when the table lacks it.</summary>
    public double EpsilonMaxOf(LandCoverClass cls) =>
        EpsilonMax.TryGetValue(cls, out double e) ? e : throw new ArgumentException($"CASA parameter table has no εmax for land-cover class {cls} ({(byte)cls}).", nameof(cls));

    /// <summary>Checks ranges: 0 ≤ FparMin &lt; FparMax ≤ 1, 0 ≤ percentiles ≤ 100 with lower &lt; upper, 0 ≤ α ≤ 1, εmax ≥ 0.</summary>
    public CasaParameters Validate()
    {
        if (!(FparMin >= 0 && FparMin < FparMax && FparMax <= 1)) throw new ArgumentOutOfRangeException(nameof(FparMax), $"Need 0 ≤ FPARmin < FPARmax ≤ 1, got {FparMin} and {FparMax}.");
        if (!(LowerPercentile >= 0 && LowerPercentile < UpperPercentile && UpperPercentile <= 100)) throw new ArgumentOutOfRangeException(nameof(UpperPercentile), $"Need 0 ≤ lower < upper ≤ 100 percentiles, got {LowerPercentile} and {UpperPercentile}.");
        if (!(NdviWeight is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(NdviWeight), NdviWeight, "α must be in [0, 1].");
        foreach (var (k, v) in EpsilonMax) if (!(v >= 0)) throw new ArgumentOutOfRangeException(nameof(EpsilonMax), v, $"εmax of {k} must be ≥ 0 gC/MJ.");
        return this;
    }
}
