namespace EcoNotebooks.Classification;

/// <summary>
/// Which end of a class interval is closed, as classInt's <c>intervalClosure</c> argument.
/// The first class always includes its lower break and the last class its upper break (classInt's
/// <c>findCols</c>: <c>findInterval(x, brks, all.inside = TRUE)</c> for left, <c>max(1, sum(x &gt; brks))</c> for right).
/// </summary>
public enum IntervalClosure
{
    /// <summary>[b<sub>i</sub>, b<sub>i+1</sub>): a value equal to an inner break goes to the upper class. R: <c>findInterval</c>, <c>cut(right = FALSE)</c>; classInt default.</summary>
    Left,

    /// <summary>(b<sub>i</sub>, b<sub>i+1</sub>]: a value equal to an inner break goes to the lower class. R: <c>cut(right = TRUE, include.lowest = TRUE)</c>; classInt's <c>"jenks"</c>.</summary>
    Right,
}
