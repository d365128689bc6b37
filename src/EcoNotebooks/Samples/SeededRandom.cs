namespace EcoNotebooks.Samples;

/// <summary>
/// Deterministic random numbers for sample-data generators: System.Random with a fixed seed (its seeded sequence is
/// stable across .NET versions), plus normal (Box–Muller), Poisson and gamma-Poisson draws. Not thread-safe.
/// </summary>
public sealed class SeededRandom(int seed)
{
    private readonly Random _rng = new(seed);
    private double? _spare;

    /// <summary>The seed this generator started from.</summary>
    public int Seed { get; } = seed;

    /// <summary>Uniform on [0, 1).</summary>
    public double Uniform() => _rng.NextDouble();

    /// <summary>Uniform on [a, b).</summary>
    public double Uniform(double a, double b) => a + (b - a) * _rng.NextDouble();

    /// <summary>Integer uniform on [0, n).</summary>
    public int Next(int n) => _rng.Next(n);

    /// <summary>Standard normal by the polar Box–Muller method.</summary>
    public double Normal()
    {
        if (_spare is double s) { _spare = null; return s; }
        double u, v, r2;
        do { u = 2 * _rng.NextDouble() - 1; v = 2 * _rng.NextDouble() - 1; r2 = u * u + v * v; } while (r2 >= 1 || r2 == 0);
        double f = Math.Sqrt(-2 * Math.Log(r2) / r2);
        _spare = v * f;
        return u * f;
    }

    /// <summary>Normal with mean <paramref name="mean"/> and standard deviation <paramref name="sd"/> ≥ 0.</summary>
    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Poisson draw with mean λ ≥ 0 (Knuth's method below 30, normal approximation above).</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.Max(0, (int)Math.Round(Normal(lambda, Math.Sqrt(lambda))));
        double l = Math.Exp(-lambda), p = 1; int k = 0;
        do { k++; p *= _rng.NextDouble(); } while (p > l);
        return k - 1;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--) { int j = _rng.Next(i + 1); (items[i], items[j]) = (items[j], items[i]); }
    }

    /// <summary>
    /// A smooth random field of size width × height with values of mean ≈ 0 and sd ≈ 1: white noise on a coarse grid
    /// (cell size <paramref name="scale"/> pixels) bilinearly interpolated. Used to give synthetic maps spatial structure.
    /// </summary>
    public double[] SmoothField(int width, int height, double scale)
    {
        int cw = (int)Math.Ceiling(width / scale) + 2, ch = (int)Math.Ceiling(height / scale) + 2;
        var coarse = new double[cw * ch];
        for (int i = 0; i < coarse.Length; i++) coarse[i] = Normal();
        var f = new double[width * height];
        for (int r = 0; r < height; r++)
        {
            double gy = r / scale; int y0 = (int)gy; double ty = gy - y0;
            for (int c = 0; c < width; c++)
            {
                double gx = c / scale; int x0 = (int)gx; double tx = gx - x0;
                double a = coarse[y0 * cw + x0], b = coarse[y0 * cw + x0 + 1], d = coarse[(y0 + 1) * cw + x0], e = coarse[(y0 + 1) * cw + x0 + 1];
                f[r * width + c] = (a * (1 - tx) + b * tx) * (1 - ty) + (d * (1 - tx) + e * tx) * ty;
            }
        }
        double mean = f.Average(), sd = Math.Sqrt(f.Select(v => (v - mean) * (v - mean)).Average());
        for (int i = 0; i < f.Length; i++) f[i] = (f[i] - mean) / sd;
        return f;
    }
}
