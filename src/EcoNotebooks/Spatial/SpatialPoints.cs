namespace EcoNotebooks.Spatial;

/// <summary>Input checks shared by the point-based spatial methods.</summary>
internal static class SpatialPoints
{
    /// <summary>
    /// Checks lengths and coordinates and drops points whose value is missing (NaN), following the library's missing
    /// data rule. Coordinates must be finite.
    /// </summary>
    public static (double[] X, double[] Y, double[] Z) Clean(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (x.Count != y.Count || x.Count != z.Count)
            throw new ArgumentException($"Coordinate and value lists differ in length: x {x.Count}, y {y.Count}, z {z.Count}.", nameof(z));
        var px = new List<double>(x.Count); var py = new List<double>(x.Count); var pz = new List<double>(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"Point {i} has a non-finite coordinate ({x[i]}, {y[i]}).", nameof(x));
            if (double.IsNaN(z[i])) continue;
            if (double.IsInfinity(z[i])) throw new ArgumentException($"Point {i} has an infinite value {z[i]}.", nameof(z));
            px.Add(x[i]); py.Add(y[i]); pz.Add(z[i]);
        }
        return (px.ToArray(), py.ToArray(), pz.ToArray());
    }
}
