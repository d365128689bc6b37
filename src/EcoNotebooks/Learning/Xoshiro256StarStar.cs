namespace EcoNotebooks.Learning;

/// <summary>
/// xoshiro256** pseudo-random generator (Blackman &amp; Vigna 2018), seeded through SplitMix64. Used to give every tree
/// of a forest its own independent stream derived only from (seed, tree index), so results do not depend on how trees
/// are scheduled over threads. Not cryptographic. Not thread-safe: one instance per tree.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the state with four successive SplitMix64 outputs starting from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // all-zero state is the one forbidden state
    }

    /// <summary>
    /// The generator of stream <paramref name="stream"/> (e.g. a tree index) of master seed <paramref name="seed"/>:
    /// seeded with SplitMix64(seed) combined with the golden-ratio multiple of (stream + 1), so streams 0, 1, 2, …
    /// of one seed start far apart and the same (seed, stream) always gives the same sequence.
    /// </summary>
    public static Xoshiro256StarStar ForStream(long seed, int stream)
    {
        ulong x = unchecked((ulong)seed);
        ulong mixed = SplitMix64(ref x) ^ unchecked(0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
        return new Xoshiro256StarStar(mixed);
    }

    /// <summary>SplitMix64 step (Steele, Lea &amp; Flood 2014): advances <paramref name="state"/> and returns a mixed value.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = unchecked(state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="bound"/>), as R's randomForest draws it: floor(u · bound).</summary>
    public int NextInt(int bound)
    {
        int k = (int)(NextDouble() * bound);
        return k < bound ? k : bound - 1;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
