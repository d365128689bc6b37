using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Revised universal soil loss equation (C2 "soil erosion degree", the paper's Eq. 3, trend −; Renard et al. 1997):
/// A = R·K·LS·C·P in t ha⁻¹ a⁻¹ when R is in MJ mm ha⁻¹ h⁻¹ a⁻¹ and K in t ha h ha⁻¹ MJ⁻¹ mm⁻¹ (the paper's Eq. 3 omits
/// S from the product but lists it among the factors; LS here is the combined slope length–steepness factor,
/// <see cref="SlopeLength"/>). The paper names its data (monthly rainfall, DEM, soil, land use) but not the factor
/// formulas; the forms below are the standard ones of Chinese RUSLE studies and each is cited in its own doc.
/// </summary>
public static class Rusle
{
    /// <summary>Conversion of K from US customary units (t acre h / (100 acre ft tonf in)) to SI (t ha h ha⁻¹ MJ⁻¹ mm⁻¹).</summary>
    public const double KUsToSi = 0.1317;

    /// <summary>Conversion of R from US customary units (100 ft tonf in / (acre h a)) to SI (MJ mm ha⁻¹ h⁻¹ a⁻¹).</summary>
    public const double RUsToSi = 17.02;

    /// <summary>Soil loss A = R·K·LS·C·P (Eq. 3), t ha⁻¹ a⁻¹; NaN if any factor is NaN.</summary>
    public static double SoilLoss(double r, double k, double ls, double c, double p) => r * k * ls * c * p;

    /// <summary>
    /// Rainfall erosivity R from twelve monthly totals by the monthly form of Wischmeier &amp; Smith (1978) as used in
    /// China: R = Σᵢ 1.735·10^(1.5·lg(Pᵢ²/P) − 0.8188), Pᵢ monthly and P annual (= Σ Pᵢ) rainfall in mm; the sum is in
    /// US units and is multiplied by 17.02 to give MJ mm ha⁻¹ h⁻¹ a⁻¹. Months with Pᵢ = 0 contribute 0; a dry year gives 0.
    /// Python: <c>17.02*np.sum(1.735*10**(1.5*np.log10(p**2/p.sum()) - 0.8188))</c>.
    /// </summary>
    /// <param name="monthly">Monthly rainfall, mm, ≥ 0 (any number of months, normally 12). NaN in any month gives NaN.</param>
    public static double RainfallErosivity(ReadOnlySpan<double> monthly)
    {
        double p = 0;
        foreach (var m in monthly) { if (double.IsNaN(m)) return double.NaN; if (m < 0) throw new ArgumentOutOfRangeException(nameof(monthly), m, "Monthly rainfall must be ≥ 0 mm."); p += m; }
        if (p == 0) return 0;
        double r = 0;
        foreach (var m in monthly) if (m > 0) r += 1.735 * Math.Pow(10, 1.5 * Math.Log10(m * m / p) - 0.8188);
        return r * RUsToSi;
    }

    /// <summary>
    /// Modified Fournier index F = Σᵢ Pᵢ²/P (Arnoldus 1980), mm. Arnoldus related R to F by regional power laws
    /// R = α·F^β; use <see cref="PowerLawErosivity"/> with locally fitted α, β when preferred to Wischmeier–Smith.
    /// </summary>
    public static double ModifiedFournierIndex(ReadOnlySpan<double> monthly)
    {
        double p = 0;
        foreach (var m in monthly) { if (double.IsNaN(m)) return double.NaN; p += m; }
        if (p == 0) return 0;
        double f = 0;
        foreach (var m in monthly) f += m * m / p;
        return f;
    }

    /// <summary>R = α·F^β for a modified Fournier index F and regional coefficients.</summary>
    public static double PowerLawErosivity(double fournier, double alpha, double beta) => alpha * Math.Pow(fournier, beta);

    /// <summary>R raster from monthly rainfall rasters (mm, one per month, one grid), Wischmeier–Smith monthly form.</summary>
    public static Raster RainfallErosivity(IReadOnlyList<BandRef> monthly, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        if (monthly.Count == 0) throw new ArgumentException("At least one monthly rainfall raster is needed.", nameof(monthly));
        return PixelMap.Apply(monthly, v => RainfallErosivity(v), outputType, monthly.Select((_, i) => $"month {i + 1}").ToArray());
    }

    /// <summary>
    /// Soil erodibility K by the EPIC equation (Williams et al. 1984; Sharpley &amp; Williams 1990):
    /// K = {0.2 + 0.3·exp[−0.0256·SAN·(1 − SIL/100)]}·[SIL/(CLA + SIL)]^0.3·{1 − 0.25·C/[C + exp(3.72 − 2.95·C)]}
    /// ·{1 − 0.7·SN1/[SN1 + exp(−5.51 + 22.9·SN1)]}, SN1 = 1 − SAN/100, in US units; returned in SI
    /// (× <see cref="KUsToSi"/>) when <paramref name="si"/>, which is the default. Typical SI values 0.01–0.07.
    /// </summary>
    /// <param name="sand">Sand (0.05–2 mm), %, 0–100.</param>
    /// <param name="silt">Silt (0.002–0.05 mm), %, 0–100.</param>
    /// <param name="clay">Clay (&lt; 0.002 mm), %, 0–100.</param>
    /// <param name="organicCarbon">Organic carbon, %, ≥ 0.</param>
    /// <param name="si">Return SI units (t ha h ha⁻¹ MJ⁻¹ mm⁻¹) rather than US units.</param>
    public static double ErodibilityEpic(double sand, double silt, double clay, double organicCarbon, bool si = true)
    {
        if (double.IsNaN(sand) || double.IsNaN(silt) || double.IsNaN(clay) || double.IsNaN(organicCarbon)) return double.NaN;
        if (sand < 0 || silt < 0 || clay < 0 || sand + silt + clay > 100.5)
            throw new ArgumentOutOfRangeException(nameof(sand), $"Texture fractions must be ≥ 0 % and sum to ≤ 100 %; got sand {sand}, silt {silt}, clay {clay}.");
        if (organicCarbon < 0) throw new ArgumentOutOfRangeException(nameof(organicCarbon), organicCarbon, "Organic carbon must be ≥ 0 %.");
        double sn1 = 1 - sand / 100;
        double fsand = 0.2 + 0.3 * Math.Exp(-0.0256 * sand * (1 - silt / 100));
        double fsilt = silt + clay > 0 ? Math.Pow(silt / (clay + silt), 0.3) : 0;
        double forg = 1 - 0.25 * organicCarbon / (organicCarbon + Math.Exp(3.72 - 2.95 * organicCarbon));
        double fhisand = 1 - 0.7 * sn1 / (sn1 + Math.Exp(-5.51 + 22.9 * sn1));
        double k = fsand * fsilt * forg * fhisand;
        return si ? k * KUsToSi : k;
    }

    /// <summary>K raster (SI) from sand, silt, clay and organic-carbon rasters (%), EPIC equation.</summary>
    public static Raster ErodibilityEpic(BandRef sand, BandRef silt, BandRef clay, BandRef organicCarbon, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([sand, silt, clay, organicCarbon], v => ErodibilityEpic(v[0], v[1], v[2], v[3]), outputType, ["sand", "silt", "clay", "organic carbon"]);

    /// <summary>
    /// Cover-management factor from fractional vegetation cover (Cai et al. 2000, widely used in China):
    /// C = 1 for f = 0; C = 0.6508 − 0.3436·lg f for 0 &lt; f ≤ 78.3 %; C = 0 for f &gt; 78.3 %, f in percent.
    /// The log branch exceeds 1 below f ≈ 0.1 % and is then clipped to 1, so C ∈ [0, 1]. Input FVC is a fraction 0–1
    /// (as <see cref="VegetationCover.Fvc(double, double, double)"/> returns); NaN gives NaN.
    /// </summary>
    public static double CoverManagement(double fvc)
    {
        if (double.IsNaN(fvc)) return double.NaN;
        if (fvc < 0 || fvc > 1) throw new ArgumentOutOfRangeException(nameof(fvc), fvc, "FVC must be a fraction in [0, 1].");
        double f = fvc * 100;
        if (f == 0) return 1;
        if (f > 78.3) return 0;
        return Math.Clamp(0.6508 - 0.3436 * Math.Log10(f), 0, 1);
    }

    /// <summary>C raster from an FVC raster (fractions 0–1).</summary>
    public static Raster CoverManagement(BandRef fvc, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([fvc], v => CoverManagement(v[0]), outputType, ["fvc"]);

    /// <summary>P raster from a land-cover raster by a class→P table (<see cref="PracticeFactorTable"/>).</summary>
    public static Raster SupportPractice(BandRef landCover, PracticeFactorTable table, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(table);
        return PixelMap.Apply([landCover], v => table.Lookup(v[0]), outputType, ["land cover"]);
    }

    /// <summary>Soil-loss raster A = R·K·LS·C·P from the five factor rasters on one grid.</summary>
    public static Raster SoilLoss(BandRef r, BandRef k, BandRef ls, BandRef c, BandRef p, PixelType outputType = PixelType.Float32) =>
        PixelMap.Apply([r, k, ls, c, p], v => v[0] * v[1] * v[2] * v[3] * v[4], outputType, ["R", "K", "LS", "C", "P"]);
}

/// <summary>
/// Support-practice factor P per land-cover class code. Unknown codes throw (a silent default would hide a wrong
/// legend); missing pixels give NaN.
/// </summary>
public sealed class PracticeFactorTable
{
    private readonly Dictionary<int, double> _p;

    /// <summary>A table from class code to P (each 0–1).</summary>
    public PracticeFactorTable(IReadOnlyDictionary<int, double> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        foreach (var (code, p) in factors)
            if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(factors), p, $"P for class {code} must be in [0, 1].");
        _p = new Dictionary<int, double>(factors);
    }

    /// <summary>
    /// Defaults for the China Land Cover Dataset (CLCD; Yang &amp; Huang 2021) codes the paper used: 1 cropland 0.35
    /// (terraced hill fields of southern China), 2 forest 1, 3 shrub 1, 4 grassland 1, 5 water 0, 6 snow/ice 0,
    /// 7 barren 1, 8 impervious 0, 9 wetland 0. These are common literature values, not the paper's (it prints none).
    /// </summary>
    public static PracticeFactorTable ClcdDefault { get; } = new(new Dictionary<int, double>
    {
        [1] = 0.35, [2] = 1, [3] = 1, [4] = 1, [5] = 0, [6] = 0, [7] = 1, [8] = 0, [9] = 0,
    });

    /// <summary>The class codes and their P.</summary>
    public IReadOnlyDictionary<int, double> Factors => _p;

    /// <summary>P of a class code; NaN for NaN; throws for a non-integer or unknown code.</summary>
    public double Lookup(double code)
    {
        if (double.IsNaN(code)) return double.NaN;
        int c = (int)code;
        if (c != code || !_p.TryGetValue(c, out double p))
            throw new ArgumentException($"Land-cover code {code} has no P factor; known codes: {string.Join(", ", _p.Keys.Order())}.", nameof(code));
        return p;
    }
}
