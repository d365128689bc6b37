namespace EcoNotebooks.Indicators;

/// <summary>
/// A value per land-cover class code (a BAI weight, a human-impact parameter Pᵢ, an ecosystem-service value, …).
/// Codes present in a raster but absent from the table throw, so a wrong legend is never silently weighted 0.
/// </summary>
public sealed class LandCoverWeights
{
    private readonly Dictionary<int, double> _w;

    /// <summary>A table from class code to value (finite).</summary>
    public LandCoverWeights(IReadOnlyDictionary<int, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (code, v) in weights)
            if (!double.IsFinite(v)) throw new ArgumentOutOfRangeException(nameof(weights), v, $"The value of class {code} must be finite.");
        _w = new Dictionary<int, double>(weights);
    }

    /// <summary>The codes and values.</summary>
    public IReadOnlyDictionary<int, double> Values => _w;

    /// <summary>Values aligned with a <see cref="ClassMap"/>'s class indices; throws naming unknown codes.</summary>
    public double[] For(ClassMap map, string what)
    {
        ArgumentNullException.ThrowIfNull(map);
        var missing = map.Codes.Where(c => !_w.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"Land-cover code(s) {string.Join(", ", missing)} have no {what} value; table codes: {string.Join(", ", _w.Keys.Order())}.");
        return map.Codes.Select(c => _w[c]).ToArray();
    }

    /// <summary>
    /// BAI land-type weights of the paper's Eq. 12 (from HJ/T 192-2006): woodland 0.35, grassland 0.21, wetland/water
    /// 0.28, cropland 0.11, construction 0.04, unused 0.01, on CLCD codes: 1 cropland 0.11, 2 forest 0.35, 3 shrub 0.35
    /// (woodland), 4 grassland 0.21, 5 water 0.28, 6 snow/ice 0.01, 7 barren 0.01 (unused), 8 impervious 0.04,
    /// 9 wetland 0.28.
    /// </summary>
    public static LandCoverWeights BaiClcd { get; } = new(new Dictionary<int, double>
    {
        [1] = 0.11, [2] = 0.35, [3] = 0.35, [4] = 0.21, [5] = 0.28, [6] = 0.01, [7] = 0.01, [8] = 0.04, [9] = 0.28,
    });

    /// <summary>
    /// Ecosystem-service value per unit area (yuan ha⁻¹ a⁻¹) of Xie et al. (2003), the Chinese adaptation of
    /// Costanza et al. (1997): forest 19334.0, grassland 6406.5, farmland 6114.3, wetland 55489.0, water 40676.4,
    /// desert/unused 371.4, built-up 0; on CLCD codes (shrub valued as forest, snow/ice as 0).
    /// The paper cites its ECO source [40] without values; this is the common default.
    /// </summary>
    public static LandCoverWeights EcosystemValueClcd { get; } = new(new Dictionary<int, double>
    {
        [1] = 6114.3, [2] = 19334.0, [3] = 19334.0, [4] = 6406.5, [5] = 40676.4, [6] = 0, [7] = 371.4, [8] = 0, [9] = 55489.0,
    });

    /// <summary>
    /// An ordinal human-impact scale Pᵢ (0 natural – 1 sealed) chosen by this project, NOT printed by the paper (its Eq. 7
    /// leaves Pᵢ to [32]): CLCD 8 impervious 1.0, 7 barren (incl. mine tailings) 0.8, 1 cropland 0.6, 4 grassland 0.3,
    /// 3 shrub 0.2, 2 forest 0.1, 5 water 0.1, 9 wetland 0.1, 6 snow/ice 0. Replace with local values.
    /// </summary>
    public static LandCoverWeights HumanImpactIllustrative { get; } = new(new Dictionary<int, double>
    {
        [1] = 0.6, [2] = 0.1, [3] = 0.2, [4] = 0.3, [5] = 0.1, [6] = 0, [7] = 0.8, [8] = 1.0, [9] = 0.1,
    });
}
