namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>
/// Analysis choices of the Jiangcang pipeline, with the paper's values as defaults. Everything a notebook user may want
/// to change lives here; <see cref="Validate"/> names the first invalid value.
/// </summary>
public sealed record JiangcangParameters
{
    /// <summary>NDVI percentile (0–100) taken as the bare-soil end-member of the dimidiate pixel model, per year over the whole raster. Default 5.</summary>
    public double SoilPercentile { get; init; } = 5;

    /// <summary>NDVI percentile (0–100, &gt; <see cref="SoilPercentile"/>) taken as the full-cover end-member. Default 95.</summary>
    public double VegetationPercentile { get; init; } = 95;

    /// <summary>
    /// How the cloud-masked Sentinel-2 scenes of a year are combined before NDVI (only when the data folder holds
    /// <c>sentinel2/</c> products): <see cref="EcoNotebooks.RemoteSensing.CompositeMethod.MaxNdvi"/> (default; the
    /// greenest clear observation, GEE <c>qualityMosaic('NDVI')</c>, usual for peak-season FVC) or Median.
    /// </summary>
    public EcoNotebooks.RemoteSensing.CompositeMethod NdviComposite { get; init; } = EcoNotebooks.RemoteSensing.CompositeMethod.MaxNdvi;

    /// <summary>First month (1–12) of the peak season whose Sentinel-2 scenes enter a year's composite. Default 8 (the paper uses August).</summary>
    public int SeasonFirstMonth { get; init; } = 8;

    /// <summary>Last month (≥ <see cref="SeasonFirstMonth"/>, ≤ 12) of the peak season. Default 8.</summary>
    public int SeasonLastMonth { get; init; } = 8;

    /// <summary>First year of the trend analysis (Fig. 4: 2021, the first growing season after the second restoration).</summary>
    public int TrendFirstYear { get; init; } = 2021;

    /// <summary>Last year of the trend analysis (Fig. 4: 2024).</summary>
    public int TrendLastYear { get; init; } = 2024;

    /// <summary>Mann–Kendall |Z| for "significant" (default 1.96, two-sided p ≤ 0.05).</summary>
    public double ZSignificant { get; init; } = 1.96;

    /// <summary>Mann–Kendall |Z| for "slightly significant" (default 1.645, two-sided p ≤ 0.10).</summary>
    public double ZSlight { get; init; } = 1.645;

    /// <summary>
    /// Continuity correction of the Mann–Kendall S (default true, as R's <c>Kendall::MannKendall</c>). The pipeline
    /// always reports the other reading as well: with four years the corrected |Z| cannot exceed 1.70.
    /// </summary>
    public bool ContinuityCorrection { get; init; } = true;

    /// <summary>Minimum |r| of an edge in the per-treatment correlation networks (Fig. 8), in [0, 1]. Default 0.7.</summary>
    public double NetworkThreshold { get; init; } = 0.7;

    /// <summary>Significance level for ANOVA, Tukey letters, t tests, correlation marks and network edges, in (0, 1). Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>
    /// Regions whose quadrats enter Tables 3–5 (community characteristics, diversity, Sorensen). The paper's tables
    /// describe the north dump of Pit 5 and the natural background, so the default is Pit5 and Background; add Pit4 or
    /// Pit2SouthDump to widen them (region names as in the <c>region</c> column of quadrats.csv).
    /// </summary>
    public IReadOnlyList<string> CommunityRegions { get; init; } = ["Pit5", "Background"];

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid parameter; returns this.</summary>
    public JiangcangParameters Validate()
    {
        if (!(SoilPercentile >= 0 && SoilPercentile < 100)) throw new ArgumentOutOfRangeException(nameof(SoilPercentile), SoilPercentile, "Must be in [0, 100).");
        if (!(VegetationPercentile > SoilPercentile && VegetationPercentile <= 100))
            throw new ArgumentOutOfRangeException(nameof(VegetationPercentile), VegetationPercentile, $"Must exceed the soil percentile ({SoilPercentile}) and be ≤ 100.");
        if (SeasonFirstMonth is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(SeasonFirstMonth), SeasonFirstMonth, "Must be a month 1–12.");
        if (SeasonLastMonth < SeasonFirstMonth || SeasonLastMonth > 12)
            throw new ArgumentOutOfRangeException(nameof(SeasonLastMonth), SeasonLastMonth, $"Must be a month from SeasonFirstMonth ({SeasonFirstMonth}) to 12.");
        if (!Enum.IsDefined(NdviComposite)) throw new ArgumentOutOfRangeException(nameof(NdviComposite), NdviComposite, "Not a composite method.");
        if (TrendLastYear - TrendFirstYear < 2)
            throw new ArgumentOutOfRangeException(nameof(TrendLastYear), TrendLastYear, $"A trend needs at least 3 years; first year is {TrendFirstYear}.");
        if (!(ZSlight >= 0) || double.IsInfinity(ZSlight)) throw new ArgumentOutOfRangeException(nameof(ZSlight), ZSlight, "Must be finite and ≥ 0.");
        if (!(ZSignificant >= ZSlight) || double.IsInfinity(ZSignificant)) throw new ArgumentOutOfRangeException(nameof(ZSignificant), ZSignificant, $"Must be finite and ≥ ZSlight ({ZSlight}).");
        if (!(NetworkThreshold >= 0 && NetworkThreshold <= 1)) throw new ArgumentOutOfRangeException(nameof(NetworkThreshold), NetworkThreshold, "Must be in [0, 1].");
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Must be in (0, 1).");
        if (CommunityRegions is null || CommunityRegions.Count == 0) throw new ArgumentOutOfRangeException(nameof(CommunityRegions), "At least one region is needed.");
        return this;
    }
}
