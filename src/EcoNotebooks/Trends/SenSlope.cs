namespace EcoNotebooks.Trends;

/// <summary>
/// Sen's (1968) slope estimator (Theil–Sen): β = median over i &lt; j of (x<sub>j</sub> − x<sub>i</sub>) / (t<sub>j</sub> − t<sub>i</sub>),
/// in value units per time unit (e.g. FVC per year when times are years). Missing values (NaN) are dropped and the
/// remaining values keep their own times, so gaps do not shift the time axis. The median of an even number of slopes
/// is the mean of the two middle ones.
/// R: <c>trend::sens.slope(x)</c> (unit time steps) or <c>zyp::zyp.sen(y ~ t)</c>; Python: <c>scipy.stats.theilslopes(x, t)</c>.
/// </summary>
public static class SenSlope
{
    /// <summary>Sen slope of <paramref name="values"/> observed at strictly increasing <paramref name="times"/>.</summary>
    /// <param name="times">Observation times, strictly increasing, finite (e.g. years).</param>
    /// <param name="values">Values; NaN = missing.</param>
    /// <exception cref="ArgumentException">Lengths differ, times not strictly increasing, or fewer than 2 non-missing values.</exception>
    public static double Estimate(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        if (times.Length != values.Length) throw new ArgumentException($"{times.Length} times but {values.Length} values.", nameof(values));
        CheckTimes(times);
        int n = 0;
        foreach (double v in values) if (!double.IsNaN(v)) n++;
        if (n < 2) throw new ArgumentException($"Sen's slope needs at least 2 non-missing values, got {n}.", nameof(values));
        var t = new double[n]; var x = new double[n];
        for (int i = 0, k = 0; i < values.Length; i++) if (!double.IsNaN(values[i])) { t[k] = times[i]; x[k++] = values[i]; }
        return EstimateValid(t, x, new double[n * (n - 1) / 2]);
    }

    /// <summary>Sen slope of <paramref name="values"/> at unit time steps 1, 2, …, n (R <c>trend::sens.slope</c>).</summary>
    public static double Estimate(ReadOnlySpan<double> values)
    {
        var t = new double[values.Length];
        for (int i = 0; i < t.Length; i++) t[i] = i + 1;
        return Estimate(t, values);
    }

    /// <summary>Core on non-missing pairs; <paramref name="slopes"/> must hold n(n−1)/2 values.</summary>
    internal static double EstimateValid(ReadOnlySpan<double> t, ReadOnlySpan<double> x, Span<double> slopes)
    {
        int n = x.Length, m = 0;
        for (int i = 0; i < n - 1; i++)
            for (int j = i + 1; j < n; j++)
                slopes[m++] = (x[j] - x[i]) / (t[j] - t[i]);
        var s = slopes[..m];
        double upper = Select(s, m / 2);
        if (m % 2 == 1) return upper;
        // after selection every value left of m/2 is <= upper: the lower middle value is their maximum
        double lower = s[0];
        for (int i = 1; i < m / 2; i++) if (s[i] > lower) lower = s[i];
        return (lower + upper) / 2;
    }

    /// <summary>Hoare's quickselect: the k-th smallest (0-based) value; reorders <paramref name="a"/> so that a[..k] ≤ a[k] ≤ a[k+1..].</summary>
    internal static double Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            double pivot = a[lo + ((hi - lo) >> 1)];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { (a[i], a[j]) = (a[j], a[i]); i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    internal static void CheckTimes(ReadOnlySpan<double> times)
    {
        for (int i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i])) throw new ArgumentException($"Time {i} is {times[i]}; times must be finite.", nameof(times));
            if (i > 0 && !(times[i] > times[i - 1]))
                throw new ArgumentException($"Times must be strictly increasing: time {i} ({times[i]}) ≤ time {i - 1} ({times[i - 1]}).", nameof(times));
        }
    }
}
