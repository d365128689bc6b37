namespace EcoNotebooks.Classification;

/// <summary>How <see cref="ClassBreaks"/> chooses class breaks (R: the <c>style</c> of <c>classInt::classIntervals</c>).</summary>
public enum BreaksMethod
{
    /// <summary>
    /// Fisher (1958) exact optimisation ("natural breaks"): the partition of the sorted values into k contiguous
    /// classes with the least total within-class sum of squared deviations, by dynamic programming (Hartigan 1975,
    /// pp. 130–142). Inner breaks are the mid-points between the largest value of a class and the smallest value of
    /// the next. Left-closed. R: <c>classIntervals(x, k, style = "fisher")</c>.
    /// </summary>
    Fisher,

    /// <summary>
    /// Jenks natural breaks as implemented in classInt's <c>style = "jenks"</c>: the same optimisation as
    /// <see cref="Fisher"/>, but the breaks are the data values at the top of each class (the first break is the
    /// minimum) and intervals are right-closed. Identical to classInt, including its tie-breaking and a quirk of its
    /// dynamic programme (the first value may count as a class of its own at no cost): for example
    /// x = 1, 2, 3, 10, 11, 12 with k = 3 gives breaks 1, 1, 3, 12 in R and here, where Fisher gives 1, 1.5, 6.5, 12.
    /// Prefer <see cref="Fisher"/> unless classInt's "jenks" output must be reproduced.
    /// </summary>
    Jenks,

    /// <summary>Quantiles at probabilities 0, 1/k, …, 1 with R's default type 7 (linear interpolation). Left-closed. R: <c>style = "quantile"</c>.</summary>
    Quantile,

    /// <summary>k equal-width classes from min to max: <c>seq(min, max, length.out = k + 1)</c> (classInt 0.4.9 does not widen the range). Left-closed. R: <c>style = "equal"</c>.</summary>
    Equal,
}
