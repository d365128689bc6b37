namespace EcoNotebooks.Samples;

/// <summary>
/// Stateless deterministic noise: a value for any integer coordinates, computed by hashing (SplitMix64) rather than
/// drawn from a sequence, so huge computed rasters need no storage and any block can be regenerated in any order.
/// </summary>
public static class HashNoise
{
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on (0, 1) for the coordinates.</summary>
    public static double Uniform(int seed, int a, int b, int c = 0, int d = 0)
    {
        ulong h = Mix((ulong)(uint)seed);
        h = Mix(h ^ (uint)a); h = Mix(h ^ ((ulong)(uint)b << 1)); h = Mix(h ^ ((ulong)(uint)c << 2)); h = Mix(h ^ ((ulong)(uint)d << 3));
        return ((h >> 11) + 0.5) / (1UL << 53);
    }

    /// <summary>Standard normal for the coordinates (Box–Muller on two hashed uniforms).</summary>
    public static double Normal(int seed, int a, int b, int c = 0, int d = 0)
    {
        double u1 = Uniform(seed, a, b, c, d), u2 = Uniform(seed ^ 0x5bd1e995, a, b, c, d);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
