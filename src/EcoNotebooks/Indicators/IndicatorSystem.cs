namespace EcoNotebooks.Indicators;

/// <summary>Direction in which an indicator acts on resilience (Table 2 "Trend"): positive indicators are normalised
/// by Eq. 18, negative by Eq. 19.</summary>
public enum Trend
{
    /// <summary>"+": higher values mean higher resilience.</summary>
    Positive,
    /// <summary>"−": higher values mean lower resilience.</summary>
    Negative,
}

/// <summary>One row of the paper's Table 2.</summary>
/// <param name="Code">Index-layer code, C1…C17.</param>
/// <param name="Name">Indicator name as printed.</param>
/// <param name="CriterionCode">Criterion layer code, B1…B5.</param>
/// <param name="Criterion">Criterion layer name as printed.</param>
/// <param name="Unit">Unit of the raster this library produces for it.</param>
/// <param name="Trend">Trend sign as printed.</param>
/// <param name="ObjectiveWeight">Objective (mean-square-error) weight as printed (Eq. 16).</param>
/// <param name="SubjectiveWeight">Subjective (AHP) weight as printed (Eq. 15).</param>
/// <param name="CombinedWeight">Combined weight as printed (Eq. 17 should give (objective + subjective)/2).</param>
/// <param name="Method">The library function that computes it.</param>
public sealed record IndicatorDefinition(string Code, string Name, string CriterionCode, string Criterion, string Unit, Trend Trend,
    decimal ObjectiveWeight, decimal SubjectiveWeight, decimal CombinedWeight, string Method)
{
    /// <summary>(objective + subjective)/2, exact (Eq. 17).</summary>
    public decimal RuleCombinedWeight => (ObjectiveWeight + SubjectiveWeight) / 2;

    /// <summary>The rule rounded half-up to the 4 decimals Table 2 prints.</summary>
    public decimal RuleCombinedWeightRounded => Math.Round(RuleCombinedWeight, 4, MidpointRounding.AwayFromZero);

    /// <summary>True when the printed combined weight equals the rounded rule.</summary>
    public bool CombinedWeightConsistent => CombinedWeight == RuleCombinedWeightRounded;

    /// <summary>"+" or "−" as printed.</summary>
    public string TrendSymbol => Trend == Trend.Positive ? "+" : "−";
}

/// <summary>Result of checking one printed combined weight against Eq. 17.</summary>
/// <param name="Code">Indicator code.</param>
/// <param name="Printed">Combined weight printed in Table 2.</param>
/// <param name="Rule">(objective + subjective)/2 rounded to 4 decimals.</param>
/// <param name="Consistent">Printed equals rule.</param>
public sealed record WeightCheck(string Code, decimal Printed, decimal Rule, bool Consistent);

/// <summary>
/// The Lingbei evaluation index system (the paper's Table 2) as data: 17 indicators in five criterion layers with the
/// printed objective, subjective and combined weights and trend signs. The printed combined weights follow
/// Eq. 17 (rounded to 4 decimals) for 16 rows; C16 (PM2.5) prints 0.0391 where (0.0567 + 0.0223)/2 = 0.0395 —
/// <see cref="CheckCombinedWeights"/> flags it. Weights are kept as printed (decimal, exact); the weighting module
/// decides which to use.
/// </summary>
public static class IndicatorSystem
{
    /// <summary>The 17 rows of Table 2 in order.</summary>
    public static IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new("C1", "Desertification index", "B1", "Land stress", "unitless (DDI)", Trend.Negative, 0.0554m, 0.1815m, 0.1185m, nameof(Desertification)),
        new("C2", "Soil erosion degree", "B1", "Land stress", "t ha⁻¹ a⁻¹", Trend.Negative, 0.0566m, 0.0906m, 0.0736m, nameof(Rusle)),
        new("C3", "FVC", "B2", "Vegetation condition", "fraction 0–1", Trend.Positive, 0.0573m, 0.2534m, 0.1554m, nameof(VegetationCover)),
        new("C4", "VHI", "B2", "Vegetation condition", "fraction 0–1", Trend.Positive, 0.0613m, 0.1269m, 0.0941m, nameof(VegetationHealth)),
        new("C5", "Population density", "B3", "Surface condition", "persons km⁻²", Trend.Negative, 0.0619m, 0.0075m, 0.0347m, nameof(PopulationDensity)),
        new("C6", "HAI", "B3", "Surface condition", "unitless (0–1 for Pᵢ in 0–1)", Trend.Negative, 0.0543m, 0.0115m, 0.0329m, nameof(HumanActivity)),
        new("C7", "Wetness index", "B3", "Surface condition", "reflectance units", Trend.Positive, 0.0706m, 0.0552m, 0.0629m, nameof(TasseledCap) + ".Wetness"),
        new("C8", "Dryness index", "B3", "Surface condition", "unitless (NDBSI)", Trend.Negative, 0.0597m, 0.0302m, 0.0450m, nameof(Dryness)),
        new("C9", "LST", "B3", "Surface condition", "K (or °C)", Trend.Negative, 0.0577m, 0.0369m, 0.0473m, nameof(LandSurfaceTemperature)),
        new("C10", "Surface albedo", "B3", "Surface condition", "unitless", Trend.Negative, 0.0564m, 0.0213m, 0.0389m, nameof(Albedo)),
        new("C11", "TCI", "B3", "Surface condition", "reflectance units (tasseled-cap brightness)", Trend.Negative, 0.0555m, 0.0175m, 0.0365m, nameof(TasseledCap) + ".Brightness"),
        new("C12", "BAI", "B4", "Biodiversity", "0–100", Trend.Positive, 0.0562m, 0.0192m, 0.0377m, nameof(BiologicalAbundance)),
        new("C13", "ECO", "B4", "Biodiversity", "yuan ha⁻¹ a⁻¹", Trend.Negative, 0.0667m, 0.0122m, 0.0395m, nameof(EcosystemValue)),
        new("C14", "SHDI", "B4", "Biodiversity", "nats", Trend.Positive, 0.0560m, 0.0271m, 0.0416m, nameof(LandscapeDiversity)),
        new("C15", "FN", "B4", "Biodiversity", "unitless 0–1", Trend.Positive, 0.0603m, 0.0421m, 0.0512m, nameof(Fragmentation)),
        new("C16", "PM2.5 Emissions", "B5", "Atmospheric pollution", "µg m⁻³", Trend.Negative, 0.0567m, 0.0223m, 0.0391m, nameof(AirPollution) + ".Pm25"),
        new("C17", "CO2 Emissions", "B5", "Atmospheric pollution", "t km⁻² a⁻¹", Trend.Negative, 0.0575m, 0.0446m, 0.0511m, nameof(AirPollution) + ".Co2"),
    ];

    /// <summary>The indicator with code <paramref name="code"/> (C1…C17, case-insensitive).</summary>
    public static IndicatorDefinition Get(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Indicators.FirstOrDefault(i => string.Equals(i.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown indicator code '{code}'; expected C1–C17.", nameof(code));
    }

    /// <summary>Checks every printed combined weight against Eq. 17; the paper's table yields one inconsistency (C16).</summary>
    public static IReadOnlyList<WeightCheck> CheckCombinedWeights() =>
        Indicators.Select(i => new WeightCheck(i.Code, i.CombinedWeight, i.RuleCombinedWeightRounded, i.CombinedWeightConsistent)).ToList();

    /// <summary>Sum of a weight column as printed (objective, subjective or combined).</summary>
    public static decimal Sum(Func<IndicatorDefinition, decimal> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Indicators.Sum(column);
    }
}
