namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>
/// Numbers printed in the Jiangcang paper (Frontiers, soil reconstruction on the Qinghai–Tibet Plateau), used to
/// calibrate the synthetic sample data and shown beside computed values in the notebook. Where the paper gives no
/// number for a year, <see cref="FvcCalibrationTargets"/> holds a value chosen by us to match the paper's wording;
/// those are marked in <see cref="FvcPublished"/> as null.
/// </summary>
public static class JiangcangPublished
{
    /// <summary>Years of the Sentinel FVC series (Fig. 3).</summary>
    public static IReadOnlyList<int> Years { get; } = [2020, 2021, 2022, 2023, 2024];

    /// <summary>Mean FVC (%) per region and year as printed (null where the paper gives no number). Section 3.1, Fig. 3.</summary>
    public static IReadOnlyDictionary<JiangcangRegion, double?[]> FvcPublished { get; } = new Dictionary<JiangcangRegion, double?[]>
    {
        [JiangcangRegion.Pit4] = [53.21, 77.45, null, null, null],          // "> 70 % from 2021 to 2024"
        [JiangcangRegion.Pit5] = [54.37, 72.75, null, null, 54.37 + 16.32], // 2024 = 2020 + 16.32 points
        [JiangcangRegion.Pit2SouthDump] = [null, null, null, null, null],   // "around 50 % with little change"
        [JiangcangRegion.Background] = [null, null, null, null, null],      // "77 % to 84 %"
    };

    /// <summary>
    /// Yearly mean FVC (%) the sample generator is calibrated to: the printed values where they exist, otherwise values
    /// chosen to follow the paper's description (peak in 2021 everywhere, Pit 4 &gt; 70 % in 2021–2024 with a dip then a
    /// rise, Pit 2 ≈ 50 %, background 77–84 %). The unpublished 2022–2024 pit values are also chosen so that a region
    /// mean that peaks in 2021 is compatible with Fig. 4's majority of increasing pixels (a mean can only fall
    /// 2021→2024 while most pixels rise if the rises are small and the falls large).
    /// </summary>
    public static IReadOnlyDictionary<JiangcangRegion, double[]> FvcCalibrationTargets { get; } = new Dictionary<JiangcangRegion, double[]>
    {
        [JiangcangRegion.Pit4] = [53.21, 77.45, 74.20, 75.10, 76.90],
        [JiangcangRegion.Pit5] = [54.37, 72.75, 70.40, 70.10, 70.69],
        [JiangcangRegion.Pit2SouthDump] = [50.60, 52.40, 49.70, 50.90, 50.30],
        [JiangcangRegion.Background] = [78.10, 84.00, 80.60, 79.20, 80.40],
    };

    /// <summary>Whole-area mean FVC peak (%), 2021, as printed.</summary>
    public const double WholeAreaPeak2021 = 83.26;

    /// <summary>Region areas (km²) printed with the trend maps (Fig. 4).</summary>
    public static IReadOnlyDictionary<JiangcangRegion, double> AreaKm2 { get; } = new Dictionary<JiangcangRegion, double>
    {
        [JiangcangRegion.Pit4] = 2.50,
        [JiangcangRegion.Pit5] = 2.93,
    };

    /// <summary>
    /// 2021–2024 trend shares (% of the pit) as printed (Fig. 4, section 3.2). Pit 4: no-significant increase 70.80,
    /// (slightly) significant increase 13.92, no-significant decrease 10.67, (slightly) significant decrease 0.14, no
    /// change 4.48. Pit 5: increase 76.57 of which significant 4.37; decrease 17.66 of which no-significant 16.28 and
    /// significant 0.31; no change 0.13 km² (4.44 %). The Pit 5 figures do not add up (98.67 %), and 16.28 % of 2.93 km²
    /// is 0.477 km², printed as 0.48 km²; the remaining 1.07 % of decrease is assigned here to slightly significant.
    /// </summary>
    public static IReadOnlyDictionary<JiangcangRegion, TrendShares> TrendSharesPublished { get; } = new Dictionary<JiangcangRegion, TrendShares>
    {
        [JiangcangRegion.Pit4] = new(SignificantIncrease: 13.92, NonSignificantIncrease: 70.80, NoChange: 4.48, NonSignificantDecrease: 10.67, SignificantDecrease: 0.14),
        [JiangcangRegion.Pit5] = new(SignificantIncrease: 4.37, NonSignificantIncrease: 76.57 - 4.37, NoChange: 4.44, NonSignificantDecrease: 16.28, SignificantDecrease: 17.66 - 16.28),
    };

    /// <summary>Pooled Pearson r between soil and vegetation variables as printed (Fig. 9).</summary>
    public static IReadOnlyList<(string A, string B, double R)> Correlations { get; } =
    [
        ("SOM", "TN", 0.93), ("SOM", "SWC", 0.91), ("SWC", "BGB", 0.89), ("SWC", "VFC", 0.76),
        ("BD", "SOM", -0.50), ("BD", "SWC", -0.41), ("clay", "SWC", 0.64), ("sand", "TN", -0.77),
        ("AGB", "TN", 0.83), ("BGB", "TN", 0.86), ("AGB", "SOM", 0.86), ("BGB", "SOM", 0.89), ("VFC", "SOM", 0.77),
    ];
}

/// <summary>Shares (%) of a region in five trend groups; "significant" here means significant or slightly significant.</summary>
public sealed record TrendShares(double SignificantIncrease, double NonSignificantIncrease, double NoChange, double NonSignificantDecrease, double SignificantDecrease)
{
    /// <summary>Sum of the five shares (100 when consistent).</summary>
    public double Total => SignificantIncrease + NonSignificantIncrease + NoChange + NonSignificantDecrease + SignificantDecrease;
}
