using EcoNotebooks.Drivers;
using EcoNotebooks.Productivity;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Every number the Changhe paper publishes that the pipeline recomputes (Changhe NPP-drivers paper; see
/// shared/PUBLISHED-VALUES.md), for the notebook's computed-vs-published tables. NPP in gC m⁻² yr⁻¹, shares in %.
/// </summary>
public static class ChanghePublished
{
    /// <summary>Basin area, km² (section 2.1).</summary>
    public const double AreaKm2 = 113.16;
    /// <summary>Mean annual temperature, °C (section 2.1).</summary>
    public const double MeanAnnualTemperature = 10.6;
    /// <summary>Annual precipitation range, mm (section 2.1).</summary>
    public static (double Low, double High) AnnualPrecipitation { get; } = (550, 600);
    /// <summary>Coal mines west of the river (section 2.1).</summary>
    public const int CoalMines = 11;

    /// <summary>Mean NPP 2010–2015 (section 3.1, abstract).</summary>
    public const double NppMean = 290.13;
    /// <summary>Standard deviation of NPP.</summary>
    public const double NppStandardDeviation = 110.18;
    /// <summary>Coefficient of variation of NPP, %.</summary>
    public const double NppCoefficientOfVariation = 37.98;
    /// <summary>Smallest pixel NPP.</summary>
    public const double NppMin = 0.74;
    /// <summary>Largest pixel NPP.</summary>
    public const double NppMax = 649.72;

    /// <summary>Table 2: simulated NPP of plots A and B, and the measured values (plots are not part of the synthetic sample).</summary>
    public static IReadOnlyDictionary<string, (double Simulated, double Measured)> Plots { get; } = new Dictionary<string, (double, double)>
    {
        ["A"] = (247.61, 248.96),
        ["B"] = (276.66, 275.15),
    };

    /// <summary>Table 2: simulated mean NPP by land use and the MOD17A3 value.</summary>
    public static IReadOnlyDictionary<LandCoverClass, (double Simulated, double Mod17A3)> NppByLandUse { get; } = new Dictionary<LandCoverClass, (double, double)>
    {
        [LandCoverClass.Forest] = (429.38, 402.24),
        [LandCoverClass.Grassland] = (286.93, 265.76),
        [LandCoverClass.Farmland] = (244.40, 261.03),
        [LandCoverClass.Construction] = (167.52, 174.31),
    };

    /// <summary>Number of soil samples (section 2.3.1).</summary>
    public const int SoilSamples = 117;
    /// <summary>Number of random points (section 2.4.1).</summary>
    public const int RandomPoints = 1000;

    /// <summary>
    /// Overall Pearson significance of NPP vs each driver (section 3.2): "**" p &lt; 0.01, "*" p &lt; 0.05, "ns" not
    /// significant, "" not reported.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PearsonSignificance { get; } = new Dictionary<string, string>
    {
        ["MAT"] = "**", ["MAP"] = "**", ["MAE"] = "", ["MAS"] = "",
        ["CF"] = "ns", ["SOC"] = "**", ["TN"] = "**", ["AP"] = "ns", ["AK"] = "", ["pH"] = "*", ["BD"] = "*", ["LD"] = "",
    };

    /// <summary>Sign of the correlation the paper reports (section 3.2, Fig. 3): +1, −1, or 0 when not stated.</summary>
    public static IReadOnlyDictionary<string, int> CorrelationSign { get; } = new Dictionary<string, int>
    {
        ["MAT"] = 1, ["MAP"] = 1, ["MAE"] = 0, ["MAS"] = 0,
        ["CF"] = 0, ["SOC"] = 1, ["TN"] = 1, ["AP"] = 0, ["AK"] = 0, ["pH"] = -1, ["BD"] = -1, ["LD"] = -1,
    };

    /// <summary>
    /// Fig. 3 inset pattern as the text states it: "negative &gt; positive" (MAE, pH, BD, LD), "insignificant largest"
    /// (AP, CF), "positive &gt; negative" for the rest.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LocalCorrelationPattern { get; } = new Dictionary<string, string>
    {
        ["MAT"] = "positive > negative", ["MAP"] = "positive > negative", ["MAE"] = "negative > positive", ["MAS"] = "positive > negative",
        ["CF"] = "insignificant largest", ["SOC"] = "positive > negative", ["TN"] = "positive > negative", ["AP"] = "insignificant largest",
        ["AK"] = "positive > negative", ["pH"] = "negative > positive", ["BD"] = "negative > positive", ["LD"] = "negative > positive",
    };

    /// <summary>Drivers with more than 5 % RF importance, in the paper's order (LD first; Fig. 4).</summary>
    public static IReadOnlyList<string> DriversAboveFivePercent { get; } = ["LD", "MAT", "MAP", "SOC", "TN", "MAS", "AK"];

    /// <summary>RF importance by driver category, % (Fig. 4): climate 38.97, soil 31.50, mining 29.53.</summary>
    public static IReadOnlyDictionary<DriverCategory, double> CategoryImportance { get; } = new Dictionary<DriverCategory, double>
    {
        [DriverCategory.Climate] = 38.97, [DriverCategory.Soil] = 31.50, [DriverCategory.Mining] = 29.53,
    };

    /// <summary>Importance of the soil nutrients (section 4.1), %.</summary>
    public const double SoilNutrientImportance = 28.06;

    /// <summary>Soil nutrient drivers (SOC, TN, AP, AK) summed for <see cref="SoilNutrientImportance"/> (our reading of the paper).</summary>
    public static IReadOnlyList<string> SoilNutrients { get; } = ["SOC", "TN", "AP", "AK"];

    /// <summary>Mean relative contribution (RelCon) by category, % (Fig. 5a inset): 35.4, 34.7, 29.8.</summary>
    public static IReadOnlyDictionary<DriverCategory, double> MeanRelativeContribution { get; } = new Dictionary<DriverCategory, double>
    {
        [DriverCategory.Climate] = 35.4, [DriverCategory.Soil] = 34.7, [DriverCategory.Mining] = 29.8,
    };

    /// <summary>Area (%) where climate is coupled with another category (CS + SC + CM + MC; section 3.3.2): 70.72.</summary>
    public const double ClimateCoupledArea = 70.72;

    /// <summary>Area (%) with the greatest climate effect (read as C + CS + CM, climate first; section 3.3.2): 48.28.</summary>
    public const double ClimateDominantArea = 48.28;

    /// <summary>Dominance threshold, % (section 2.4.2).</summary>
    public const double DominanceThreshold = 60;

    /// <summary>Biomass-to-carbon factor used for the measured plots (section 3.1).</summary>
    public const double BiomassCarbonFraction = 0.45;
}
