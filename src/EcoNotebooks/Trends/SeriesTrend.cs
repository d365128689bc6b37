namespace EcoNotebooks.Trends;

/// <summary>Trend of one series: Sen slope, Mann–Kendall statistics and the resulting class.</summary>
/// <param name="N">Non-missing values used.</param>
/// <param name="SenSlope">Sen slope β (value units per time unit).</param>
/// <param name="S">Mann–Kendall S.</param>
/// <param name="VarS">Tie-corrected Var(S).</param>
/// <param name="Z">Mann–Kendall Z (continuity-corrected unless disabled in <see cref="TrendOptions"/>).</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Class">Trend class from β and |Z|.</param>
public sealed record SeriesTrend(int N, double SenSlope, double S, double VarS, double Z, double P, TrendClass Class);
