namespace EcoNotebooks.Trends;

/// <summary>
/// Sen + Mann–Kendall trend classes of the Jiangcang paper (section 3.2, FVC trends 2021–2024): increase/decrease
/// from the sign of the Sen slope β, significance from |Z| of the Mann–Kendall test (see
/// <see cref="TrendAnalysis.Classify"/>). The numeric value is the uint8 code written to class rasters
/// (1 = significant decrease … 7 = significant increase; 255 = not enough data, see <see cref="TrendClasses.NoDataCode"/>).
/// </summary>
public enum TrendClass : byte
{
    /// <summary>β &gt; 0 and |Z| ≥ the significant threshold (default 1.96, p ≤ 0.05). Name "significant_increase".</summary>
    SignificantIncrease = 7,
    /// <summary>β &gt; 0 and the slight threshold (default 1.645, p ≤ 0.10) ≤ |Z| &lt; significant threshold. Name "slightly_significant_increase".</summary>
    SlightlySignificantIncrease = 6,
    /// <summary>β &gt; 0 and |Z| below the slight threshold. Name "no_significant_increase" (the paper's "no significant increase").</summary>
    NonSignificantIncrease = 5,
    /// <summary>β = 0 or |β| below the slope tolerance. Name "no_change".</summary>
    NoChange = 4,
    /// <summary>β &lt; 0 and |Z| below the slight threshold. Name "no_significant_decrease".</summary>
    NonSignificantDecrease = 3,
    /// <summary>β &lt; 0 and slight threshold ≤ |Z| &lt; significant threshold. Name "slightly_significant_decrease".</summary>
    SlightlySignificantDecrease = 2,
    /// <summary>β &lt; 0 and |Z| ≥ the significant threshold. Name "significant_decrease".</summary>
    SignificantDecrease = 1,
}

/// <summary>Names and codes of <see cref="TrendClass"/> values.</summary>
public static class TrendClasses
{
    /// <summary>Code of pixels without a trend (fewer valid years than required) in uint8 class rasters.</summary>
    public const byte NoDataCode = 255;

    /// <summary>All classes from significant increase to significant decrease (the order of the paper's text and of class-area tables).</summary>
    public static IReadOnlyList<TrendClass> All { get; } =
    [
        TrendClass.SignificantIncrease, TrendClass.SlightlySignificantIncrease, TrendClass.NonSignificantIncrease,
        TrendClass.NoChange,
        TrendClass.NonSignificantDecrease, TrendClass.SlightlySignificantDecrease, TrendClass.SignificantDecrease,
    ];

    /// <summary>The lower-case snake_case name used in JSON and tables: "significant_increase", "slightly_significant_increase", "no_significant_increase", "no_change", "no_significant_decrease", "slightly_significant_decrease", "significant_decrease".</summary>
    public static string ToSnakeName(this TrendClass c) => c switch
    {
        TrendClass.SignificantIncrease => "significant_increase",
        TrendClass.SlightlySignificantIncrease => "slightly_significant_increase",
        TrendClass.NonSignificantIncrease => "no_significant_increase",
        TrendClass.NoChange => "no_change",
        TrendClass.NonSignificantDecrease => "no_significant_decrease",
        TrendClass.SlightlySignificantDecrease => "slightly_significant_decrease",
        TrendClass.SignificantDecrease => "significant_decrease",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "Unknown trend class."),
    };

    /// <summary>Parses a snake_case name (see <see cref="ToSnakeName"/>).</summary>
    public static TrendClass Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var c in All) if (c.ToSnakeName() == name) return c;
        throw new ArgumentException($"Unknown trend class '{name}'; expected one of {string.Join(", ", All.Select(c => c.ToSnakeName()))}.", nameof(name));
    }
}
