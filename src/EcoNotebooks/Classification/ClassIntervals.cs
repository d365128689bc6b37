namespace EcoNotebooks.Classification;

/// <summary>
/// Class breaks found from data and the number of values in each class (R: the <c>brks</c> of a
/// <c>classInt::classIntervals</c> object and the table its <c>print</c> method shows).
/// </summary>
/// <param name="Method">Method that was asked for.</param>
/// <param name="UniqueValues">True when k equalled the number of distinct values and, as classInt does (style "unique"), every distinct value became its own class with breaks at the mid-points between values.</param>
/// <param name="Closure">Interval closure used for counting (classInt's <c>intervalClosure</c> attribute).</param>
/// <param name="Breaks">k + 1 ascending breaks, the first ≤ the minimum and the last ≥ the maximum.</param>
/// <param name="Counts">k counts of non-missing values per class (classInt's <c>findCols</c> semantics, see <see cref="IntervalClosure"/>).</param>
public sealed record ClassIntervals(BreaksMethod Method, bool UniqueValues, IntervalClosure Closure, IReadOnlyList<double> Breaks, IReadOnlyList<long> Counts)
{
    /// <summary>Number of classes k.</summary>
    public int ClassCount => Breaks.Count - 1;

    /// <summary>0-based class of <paramref name="value"/> under these breaks (−1 for NaN), see <see cref="ClassBreaks.ClassOf"/>.</summary>
    public int ClassOf(double value) => ClassBreaks.ClassOf(value, Breaks, Closure);
}
