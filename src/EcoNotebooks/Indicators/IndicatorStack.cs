using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>The inputs of one study year, all on one grid (projected, metres).</summary>
/// <param name="Year">Calendar year (label only).</param>
/// <param name="Bands">Surface reflectance bands and the thermal band as at-sensor radiance (W m⁻² sr⁻¹ µm⁻¹).</param>
/// <param name="Atmosphere">τ, L↑, L↓ of the scene for the LST inversion.</param>
/// <param name="Dem">Depression-filled elevation, m (may be the same raster every year).</param>
/// <param name="LandCover">Land cover with CLCD codes (or codes matching the weight tables of the options).</param>
/// <param name="MonthlyRainfall">Twelve monthly rainfall rasters, mm.</param>
/// <param name="Erodibility">Soil erodibility K, t ha h ha⁻¹ MJ⁻¹ mm⁻¹ (e.g. from <see cref="Rusle.ErodibilityEpic(BandRef, BandRef, BandRef, BandRef, PixelType)"/>).</param>
/// <param name="Population">Persons per pixel.</param>
/// <param name="Pm25">PM2.5, µg m⁻³.</param>
/// <param name="Co2">CO2 emission density, t km⁻² a⁻¹.</param>
public sealed record IndicatorYearInputs(int Year, BandSet Bands, AtmosphericProfile Atmosphere, BandRef Dem, BandRef LandCover,
    IReadOnlyList<BandRef> MonthlyRainfall, BandRef Erodibility, BandRef Population, BandRef Pm25, BandRef Co2);

/// <summary>Choices made when computing the 17 indicators; defaults are those documented on each indicator.</summary>
/// <param name="Landscape">Window/unit for HAI, BAI, ECO, SHDI, FN.</param>
/// <param name="SlopeLength">LS method.</param>
/// <param name="Practice">P factor per land-cover code.</param>
/// <param name="HumanImpact">HAI parameters Pᵢ (the paper prints none; default is the project's illustrative scale).</param>
/// <param name="BaiWeights">BAI weights (Eq. 12).</param>
/// <param name="EcosystemValues">ECO value coefficients.</param>
/// <param name="FvcSoilPercentile">FVC soil end-member percentile (default 5).</param>
/// <param name="FvcVegetationPercentile">FVC vegetation end-member percentile (default 95).</param>
/// <param name="Desertification">DDI regression options.</param>
/// <param name="Emissivity">LST emissivity options.</param>
/// <param name="VciWeight">a of Eq. 4 (default 0.5).</param>
/// <param name="TmWetness">TM wetness coefficient set.</param>
/// <param name="OutputType">Float32 (default) or Float64.</param>
public sealed record IndicatorStackOptions(
    LandscapeOptions? Landscape = null, SlopeLengthOptions? SlopeLength = null, PracticeFactorTable? Practice = null,
    LandCoverWeights? HumanImpact = null, LandCoverWeights? BaiWeights = null, LandCoverWeights? EcosystemValues = null,
    double FvcSoilPercentile = 5, double FvcVegetationPercentile = 95, DesertificationOptions? Desertification = null,
    EmissivityOptions? Emissivity = null, double VciWeight = VegetationHealth.DefaultVciWeight,
    TmWetnessCoefficients TmWetness = TmWetnessCoefficients.Crist1985, PixelType OutputType = PixelType.Float32);

/// <summary>The 17 indicator rasters of one year keyed by code C1…C17, with the fitted per-year parameters.</summary>
/// <param name="Year">Year.</param>
/// <param name="Layers">C1…C17 → raster, in Table 2 order.</param>
/// <param name="FeatureSpace">The DDI feature-space fit of the year.</param>
/// <param name="FvcEndmembers">The NDMVI end-members of the year.</param>
/// <param name="BaiNormalisation">A_bio used for BAI (shared by all years).</param>
public sealed record IndicatorYear(int Year, IReadOnlyDictionary<string, Raster> Layers, FeatureSpaceFit FeatureSpace, Endmembers FvcEndmembers, double BaiNormalisation);

/// <summary>
/// Computes the paper's 17 indicators (Table 2) for every study year from raw inputs, wiring the indicator functions
/// exactly as documented on each: C1 DDI on NDVI/albedo (fitted per year), C2 RUSLE (R from monthly rainfall, LS from
/// the DEM, C from FVC, P from land cover), C3 FVC from NDMVI (Eqs. 5–6, percentile end-members per year),
/// C4 VHI from NDVI and LST over all given years (so pass all years in one call), C5 population density, C6 HAI,
/// C7 wetness, C8 NDBSI, C9 LST (K), C10 albedo, C11 tasseled-cap brightness, C12 BAI (A_bio = 100/max over all
/// years, so the years stay comparable), C13 ECO, C14 SHDI, C15 FN, C16 PM2.5, C17 CO2. All rasters are held in
/// memory (17 × years float32 layers).
/// </summary>
public static class IndicatorStack
{
    /// <summary>Computes all indicators for all years (at least two years are needed for VHI's multi-year range).</summary>
    public static IReadOnlyList<IndicatorYear> Compute(IReadOnlyList<IndicatorYearInputs> years, IndicatorStackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count < 2) throw new ArgumentException($"VHI needs a multi-year record; got {years.Count} year(s).", nameof(years));
        var o = options ?? new IndicatorStackOptions();
        var t = o.OutputType;
        var grid = years[0].Bands.Red.Source.Grid;
        foreach (var y in years)
        {
            if (y.MonthlyRainfall.Count != 12) throw new ArgumentException($"Year {y.Year} has {y.MonthlyRainfall.Count} monthly rainfall rasters; 12 are needed.", nameof(years));
            grid.EnsureSameGrid(y.Bands.Red.Source.Grid, $"year {years[0].Year}", $"year {y.Year}");
        }
        var ndvi = years.Select(y => VegetationIndices.Ndvi(y.Bands, PixelType.Float64)).ToArray();
        var lst = years.Select(y => LandSurfaceTemperature.Compute(y.Bands, y.Atmosphere, o.Emissivity, outputType: PixelType.Float64)).ToArray();
        var vhi = VegetationHealth.Vhi(ndvi.Select(r => (BandRef)r).ToArray(), lst.Select(r => (BandRef)r).ToArray(), o.VciWeight, t);
        var landscape = o.Landscape ?? new LandscapeOptions();

        // BAI: raw weighted shares per year, then one A_bio for all years.
        var baiRaw = years.Select(y => BiologicalAbundance.Compute(y.LandCover, o.BaiWeights, landscape, 1, PixelType.Float64).Bai).ToArray();
        double maxRaw = baiRaw.SelectMany(r => r.Band(0).ToDoubleArray()).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();
        if (!(maxRaw > 0)) throw new ArgumentException("BAI is 0 or undefined everywhere; check the land-cover codes and weights.", nameof(years));
        double abio = 100 / maxRaw;

        var lsCache = new Dictionary<BandRef, Raster>();
        var result = new List<IndicatorYear>();
        for (int i = 0; i < years.Count; i++)
        {
            var y = years[i];
            var albedo = Albedo.Compute(y.Bands, PixelType.Float64);
            var (ddi, fit) = Desertification.Compute(ndvi[i], albedo, o.Desertification, t);
            var ndmvi = VegetationIndices.Ndmvi(y.Bands, outputType: PixelType.Float64);
            var ends = VegetationCover.EstimateEndmembers(ndmvi, o.FvcSoilPercentile, o.FvcVegetationPercentile);
            var fvc = VegetationCover.Fvc(ndmvi, ends, PixelType.Float64);
            if (!lsCache.TryGetValue(y.Dem, out var ls)) lsCache[y.Dem] = ls = SlopeLength.Compute(y.Dem, o.SlopeLength, PixelType.Float64);
            var soilLoss = Rusle.SoilLoss(Rusle.RainfallErosivity(y.MonthlyRainfall, PixelType.Float64), y.Erodibility, ls,
                Rusle.CoverManagement(fvc, PixelType.Float64), Rusle.SupportPractice(y.LandCover, o.Practice ?? PracticeFactorTable.ClcdDefault, PixelType.Float64), t);
            var bai = PixelMap.Apply([baiRaw[i]], v => v[0] * abio, t);
            var layers = new Dictionary<string, Raster>
            {
                ["C1"] = ddi,
                ["C2"] = soilLoss,
                ["C3"] = t == PixelType.Float64 ? fvc : PixelMap.Apply([fvc], v => v[0], t),
                ["C4"] = vhi[i],
                ["C5"] = PopulationDensity.FromCounts(y.Population, t),
                ["C6"] = HumanActivity.Compute(y.LandCover, o.HumanImpact ?? LandCoverWeights.HumanImpactIllustrative, landscape, t),
                ["C7"] = TasseledCap.Wetness(y.Bands, o.TmWetness, t),
                ["C8"] = Dryness.Ndbsi(y.Bands, t),
                ["C9"] = PixelMap.Apply([lst[i]], v => v[0], t),
                ["C10"] = PixelMap.Apply([albedo], v => v[0], t),
                ["C11"] = TasseledCap.Brightness(y.Bands, t),
                ["C12"] = bai,
                ["C13"] = EcosystemValue.Compute(y.LandCover, o.EcosystemValues, landscape, t),
                ["C14"] = LandscapeDiversity.Shdi(y.LandCover, landscape, t),
                ["C15"] = Fragmentation.Compute(y.LandCover, landscape, outputType: t),
                ["C16"] = AirPollution.Pm25(y.Pm25, t),
                ["C17"] = AirPollution.Co2(y.Co2, t),
            };
            result.Add(new IndicatorYear(y.Year, layers, fit, ends, abio));
        }
        return result;
    }
}
