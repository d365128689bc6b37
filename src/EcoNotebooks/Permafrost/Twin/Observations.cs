using EcoNotebooks.Permafrost.Samples;

namespace EcoNotebooks.Permafrost.Twin;

/// <summary>One ground temperature observation.</summary>
/// <param name="Day">Day index (0-based) of the forcing; the value is the temperature at the end of that day.</param>
/// <param name="Depth">m below the surface.</param>
/// <param name="Value">°C.</param>
public readonly record struct Observation(int Day, double Depth, double Value);

/// <summary>Where, when and how precisely a sensor network samples the ground.</summary>
/// <param name="Depths">Sensor depths, m.</param>
/// <param name="IntervalDays">Days between readings (≥ 1).</param>
/// <param name="NoiseSd">Measurement noise standard deviation σ, K (≥ 0).</param>
/// <param name="FirstDay">First day read.</param>
public sealed record ObservationDesign(IReadOnlyList<double> Depths, int IntervalDays, double NoiseSd, int FirstDay = 0)
{
    /// <summary>A borehole thermistor string (default depths 0.5, 1, 2, 3, 5, 8, 12 m, every 5 days, σ = 0.1 K).</summary>
    public static ObservationDesign Borehole(double[]? depths = null, int intervalDays = 5, double noiseSd = 0.1) =>
        new(depths ?? [0.5, 1, 2, 3, 5, 8, 12], intervalDays, noiseSd);

    /// <summary>A vertical DTS fibre: readings every <paramref name="spacing"/> m (the paper's 0.25 m) from <paramref name="spacing"/> to <paramref name="maxDepth"/>, σ = 0.3 K by default.</summary>
    public static ObservationDesign Fibre(double spacing = 0.25, double maxDepth = 4, int intervalDays = 1, double noiseSd = 0.3)
    {
        if (!(spacing > 0) || !(maxDepth >= spacing)) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, $"Need 0 < spacing ≤ max depth ({maxDepth} m).");
        int n = (int)Math.Floor(maxDepth / spacing + 1e-9);
        return new(Enumerable.Range(1, n).Select(i => i * spacing).ToArray(), intervalDays, noiseSd);
    }

    /// <summary>Checks ranges.</summary>
    public ObservationDesign Validate()
    {
        if (Depths is null || Depths.Count == 0) throw new ArgumentException("At least one sensor depth is needed.", nameof(Depths));
        if (Depths.Any(d => !(d >= 0))) throw new ArgumentOutOfRangeException(nameof(Depths), "Sensor depths must be ≥ 0 m.");
        if (IntervalDays < 1) throw new ArgumentOutOfRangeException(nameof(IntervalDays), IntervalDays, "Interval must be ≥ 1 day.");
        if (!(NoiseSd >= 0)) throw new ArgumentOutOfRangeException(nameof(NoiseSd), NoiseSd, "Noise σ must be ≥ 0 K.");
        if (FirstDay < 0) throw new ArgumentOutOfRangeException(nameof(FirstDay), FirstDay, "First day must be ≥ 0.");
        return this;
    }

    /// <summary>
    /// Samples a truth field: for each reading day and depth, the truth temperature (linear interpolation between cell
    /// centres) plus N(0, σ²) noise from System.Random(<paramref name="seed"/>).
    /// </summary>
    /// <param name="truth">Daily truth temperatures [day, cell].</param>
    /// <param name="grid">The truth grid.</param>
    /// <param name="seed">Noise seed.</param>
    public IReadOnlyList<Observation> Sample(double[,] truth, ColumnGrid grid, int seed)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(grid);
        Validate();
        var rng = new Random(seed);
        var list = new List<Observation>();
        var profile = new double[grid.Count];
        for (int d = FirstDay; d < truth.GetLength(0); d += IntervalDays)
        {
            for (int i = 0; i < profile.Length; i++) profile[i] = truth[d, i];
            foreach (var z in Depths)
                list.Add(new Observation(d, z, Interpolate(grid.Centres, profile, z) + NoiseSd * XiningSamples.Normal(rng)));
        }
        return list;
    }

    internal static double Interpolate(double[] c, ReadOnlySpan<double> v, double z)
    {
        if (z <= c[0]) return v[0];
        if (z >= c[^1]) return v[c.Length - 1];
        int i = Array.BinarySearch(c, z);
        if (i >= 0) return v[i];
        i = ~i;
        double w = (z - c[i - 1]) / (c[i] - c[i - 1]);
        return v[i - 1] + w * (v[i] - v[i - 1]);
    }
}
