namespace EcoNotebooks.Permafrost.Numerics;

/// <summary>
/// A forward-mode dual number with up to four partial derivatives: x = v + Σ dᵢ εᵢ with εᵢεⱼ = 0. Running the heat
/// solver on Dual4 gives the exact derivative of every output with respect to up to four parameters in one pass
/// (forward-mode automatic differentiation; Python equivalent: jax.jvp with four tangents / jax.jacfwd).
/// </summary>
/// <param name="Value">Real part.</param>
/// <param name="D0">∂/∂p₀.</param>
/// <param name="D1">∂/∂p₁.</param>
/// <param name="D2">∂/∂p₂.</param>
/// <param name="D3">∂/∂p₃.</param>
public readonly record struct Dual4(double Value, double D0, double D1, double D2, double D3) : IScalar<Dual4>
{
    /// <summary>The independent variable number <paramref name="index"/> (0–3) with value <paramref name="value"/>.</summary>
    public static Dual4 Variable(double value, int index) => index switch
    {
        0 => new(value, 1, 0, 0, 0),
        1 => new(value, 0, 1, 0, 0),
        2 => new(value, 0, 0, 1, 0),
        3 => new(value, 0, 0, 0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Dual4 carries partial derivatives 0–3."),
    };

    /// <summary>Partial derivative <paramref name="index"/> (0–3).</summary>
    public double Partial(int index) => index switch
    {
        0 => D0, 1 => D1, 2 => D2, 3 => D3,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Dual4 carries partial derivatives 0–3."),
    };

    /// <inheritdoc />
    public static Dual4 FromDouble(double value) => new(value, 0, 0, 0, 0);
    /// <inheritdoc />
    public static Dual4 Scale(Dual4 x, double c) => new(x.Value * c, x.D0 * c, x.D1 * c, x.D2 * c, x.D3 * c);
    /// <inheritdoc />
    public static Dual4 AddConstant(Dual4 x, double c) => x with { Value = x.Value + c };
    /// <inheritdoc />
    public static Dual4 Pow(Dual4 x, double p)
    {
        double v = Math.Pow(x.Value, p), d = p * Math.Pow(x.Value, p - 1);
        return new(v, d * x.D0, d * x.D1, d * x.D2, d * x.D3);
    }
    /// <inheritdoc />
    public static Dual4 Log(Dual4 x)
    {
        double d = 1 / x.Value;
        return new(Math.Log(x.Value), d * x.D0, d * x.D1, d * x.D2, d * x.D3);
    }
    /// <inheritdoc />
    public static Dual4 Exp(Dual4 x)
    {
        double v = Math.Exp(x.Value);
        return new(v, v * x.D0, v * x.D1, v * x.D2, v * x.D3);
    }
    /// <inheritdoc />
    public static double MaxAbs(Dual4 x) =>
        Math.Max(Math.Max(Math.Abs(x.Value), Math.Abs(x.D0)), Math.Max(Math.Max(Math.Abs(x.D1), Math.Abs(x.D2)), Math.Abs(x.D3)));
    /// <inheritdoc />
    public static Dual4 operator +(Dual4 a, Dual4 b) => new(a.Value + b.Value, a.D0 + b.D0, a.D1 + b.D1, a.D2 + b.D2, a.D3 + b.D3);
    /// <inheritdoc />
    public static Dual4 operator -(Dual4 a, Dual4 b) => new(a.Value - b.Value, a.D0 - b.D0, a.D1 - b.D1, a.D2 - b.D2, a.D3 - b.D3);
    /// <inheritdoc />
    public static Dual4 operator *(Dual4 a, Dual4 b) => new(a.Value * b.Value,
        a.D0 * b.Value + a.Value * b.D0, a.D1 * b.Value + a.Value * b.D1, a.D2 * b.Value + a.Value * b.D2, a.D3 * b.Value + a.Value * b.D3);
    /// <inheritdoc />
    public static Dual4 operator /(Dual4 a, Dual4 b)
    {
        double inv = 1 / b.Value, q = a.Value * inv;
        return new(q, (a.D0 - q * b.D0) * inv, (a.D1 - q * b.D1) * inv, (a.D2 - q * b.D2) * inv, (a.D3 - q * b.D3) * inv);
    }
    /// <inheritdoc />
    public static Dual4 operator -(Dual4 a) => new(-a.Value, -a.D0, -a.D1, -a.D2, -a.D3);
}
