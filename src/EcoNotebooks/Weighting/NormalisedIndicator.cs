namespace EcoNotebooks.Weighting;

/// <summary>An indicator after min–max normalisation.</summary>
/// <param name="Values">Normalised values in [0, 1] (NaN where the input was missing).</param>
/// <param name="Min">Minimum of the non-missing input values (NaN if none).</param>
/// <param name="Max">Maximum of the non-missing input values (NaN if none).</param>
/// <param name="IsConstant">True when max = min (or there was no value): every normalised value is then 0, not an error. Check this flag: a constant indicator carries no information.</param>
public sealed record NormalisedIndicator(double[] Values, double Min, double Max, bool IsConstant);
