namespace EcoNotebooks.Weighting;

/// <summary>
/// Min–max normalisation of indicators to [0, 1] (Lingbei Eqs. 18–19): positive x' = (x − min)/(max − min),
/// negative x' = (max − x)/(max − min). A constant indicator (max = min) gives 0 everywhere and is flagged
/// (<see cref="NormalisedIndicator.IsConstant"/>) rather than failing, so one flat layer does not stop a whole index.
/// Missing values (NaN) stay NaN and are ignored for min and max.
/// R: <c>(x - min(x, na.rm = TRUE)) / diff(range(x, na.rm = TRUE))</c>.
/// </summary>
public static class MinMaxNormalisation
{
    /// <summary>Normalises <paramref name="values"/> with their own min and max.</summary>
    public static NormalisedIndicator Normalise(IReadOnlyList<double> values, IndicatorDirection direction)
    {
        ArgumentNullException.ThrowIfNull(values);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v)) throw new ArgumentException($"Value {v} is infinite; values must be finite or NaN.", nameof(values));
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (min > max) { min = double.NaN; max = double.NaN; }
        return Normalise(values, direction, min, max);
    }

    /// <summary>Normalises with a given range (e.g. pooled over several years so indices stay comparable). Values outside the range fall outside [0, 1].</summary>
    public static NormalisedIndicator Normalise(IReadOnlyList<double> values, IndicatorDirection direction, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (min > max) throw new ArgumentException($"The range min {min} > max {max}.", nameof(min));
        var r = new double[values.Count];
        for (int i = 0; i < r.Length; i++) r[i] = Normalise(values[i], min, max, direction);
        return new NormalisedIndicator(r, min, max, IsConstant(min, max));
    }

    /// <summary>Normalises one value: NaN stays NaN; a constant range (max = min, or NaN range) gives 0.</summary>
    public static double Normalise(double value, double min, double max, IndicatorDirection direction)
    {
        if (double.IsNaN(value)) return double.NaN;
        if (IsConstant(min, max)) return 0;
        return direction switch
        {
            IndicatorDirection.Positive => (value - min) / (max - min),
            IndicatorDirection.Negative => (max - value) / (max - min),
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown indicator direction."),
        };
    }

    /// <summary>True when the range is empty: max = min or either is NaN.</summary>
    public static bool IsConstant(double min, double max) => !(max > min);
}
