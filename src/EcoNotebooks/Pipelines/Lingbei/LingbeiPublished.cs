using EcoNotebooks.Classification;
using EcoNotebooks.Indicators;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>
/// Numbers printed in the Lingbei paper ("Ecological resilience of the Lingbei rare-earth mining area, 2000–2020",
/// /work/shared/papers/lingbei-ecological-resilience.txt; PUBLISHED-VALUES.md), kept as printed so notebooks and
/// tests can show computed and published values side by side.
/// </summary>
public static class LingbeiPublished
{
    /// <summary>Study years.</summary>
    public static IReadOnlyList<int> Years { get; } = [2000, 2005, 2010, 2016, 2020];

    /// <summary>Study area, km².</summary>
    public const double AreaKm2 = 214;

    /// <summary>Extent: 114.97–115.19° E, 24.85–25.05° N.</summary>
    public static (double West, double East, double South, double North) ExtentDegrees { get; } = (114.97, 115.19, 24.85, 25.05);

    /// <summary>Mean ecological resilience per study year (section 4.1, abstract).</summary>
    public static IReadOnlyList<double> MeanResilience { get; } = [0.695, 0.685, 0.664, 0.651, 0.657];

    /// <summary>Share of the area with excellent or good resilience per study year, % (section 4.1; the text says "2015" for the fourth year).</summary>
    public static IReadOnlyList<double> ExcellentGoodPercent { get; } = [76.88, 77.83, 79.11, 71.04, 74.54];

    /// <summary>Share of the area with poor resilience per study year, % (section 4.1).</summary>
    public static IReadOnlyList<double> PoorPercent { get; } = [1.89, 3.06, 3.92, 3.93, 4.82];

    /// <summary>Increase of the poor share 2000 → 2005 as printed, % (3.06/1.89 − 1 = 61.9 %).</summary>
    public const double PoorIncrease2000To2005Percent = 61.9;

    /// <summary>Years of the typical-site values (Fig. 5 text).</summary>
    public static IReadOnlyList<int> SiteYears { get; } = [2005, 2010, 2016, 2020];

    /// <summary>Mean resilience of the typical mine sites in <see cref="SiteYears"/> (section 4.3).</summary>
    public static IReadOnlyDictionary<string, double[]> SiteMeans { get; } = new Dictionary<string, double[]>
    {
        ["Chenaoxia"] = [0.669, 0.559, 0.560, 0.571],
        ["Longchuankeng"] = [0.623, 0.549, 0.627, 0.652],
    };

    /// <summary>Table 3 class names, lowest first.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["Severe", "Poor", "Moderate", "Good", "Excellent"];

    /// <summary>Table 3 inner breaks: severe &lt; 0.38, poor 0.38–0.41, moderate 0.41–0.63, good 0.63–0.73, excellent &gt; 0.73.</summary>
    public static IReadOnlyList<double> Table3Breaks { get; } = [0.38, 0.41, 0.63, 0.73];

    /// <summary>Table 3 as a class scheme (<see cref="ClassScheme.LingbeiResilience"/>; left-closed, ±∞ outer breaks).</summary>
    public static ClassScheme Table3 => ClassScheme.LingbeiResilience;

    /// <summary>Table 2 (17 indicators with printed weights and trends), <see cref="IndicatorSystem.Indicators"/>.</summary>
    public static IReadOnlyList<IndicatorDefinition> Table2 => IndicatorSystem.Indicators;

    /// <summary>VHI weight a of Eq. 4.</summary>
    public const double VhiWeight = 0.5;
}
