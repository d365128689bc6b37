namespace EcoNotebooks.Interpolation;

/// <summary>
/// Inverse distance weighting (Shepard 1968): ẑ(p) = Σ wᵢ zᵢ / Σ wᵢ with wᵢ = 1/dᵢ^power over all stations; at a station
/// (d = 0) the station's value is returned exactly (the mean of coincident stations). R: <c>gstat::idw(z ~ 1, pts, grid,
/// idp = power)</c>; Python: <c>pykrige</c>-free numpy one-liner.
/// </summary>
public static class InverseDistance
{
    /// <summary>The IDW estimate at (<paramref name="x0"/>, <paramref name="y0"/>).</summary>
    /// <param name="x">Station x (same units as x0).</param>
    /// <param name="y">Station y.</param>
    /// <param name="z">Station values (no NaN).</param>
    /// <param name="x0">Target x.</param>
    /// <param name="y0">Target y.</param>
    /// <param name="power">Distance power, &gt; 0 (2 is the common default, gstat's idp = 2).</param>
    public static double Predict(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, double x0, double y0, double power = 2)
    {
        if (!(power > 0)) throw new ArgumentOutOfRangeException(nameof(power), power, "The IDW power must be > 0.");
        if (x.Length == 0) throw new ArgumentException("IDW needs at least one station.", nameof(x));
        double sw = 0, swz = 0, exactSum = 0;
        int exact = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - x0, dy = y[i] - y0, d2 = dx * dx + dy * dy;
            if (d2 == 0) { exact++; exactSum += z[i]; continue; }
            double w = power == 2 ? 1 / d2 : Math.Pow(d2, -power / 2);
            sw += w; swz += w * z[i];
        }
        return exact > 0 ? exactSum / exact : swz / sw;
    }
}
