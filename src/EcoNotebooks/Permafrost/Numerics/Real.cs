namespace EcoNotebooks.Permafrost.Numerics;

/// <summary>A plain double behind the <see cref="IScalar{T}"/> interface; the JIT specialises generic code for it, so it runs as fast as double.</summary>
/// <param name="Value">The number.</param>
public readonly record struct Real(double Value) : IScalar<Real>
{
    /// <inheritdoc />
    public static Real FromDouble(double value) => new(value);
    /// <inheritdoc />
    public static Real Scale(Real x, double c) => new(x.Value * c);
    /// <inheritdoc />
    public static Real AddConstant(Real x, double c) => new(x.Value + c);
    /// <inheritdoc />
    public static Real Pow(Real x, double p) => new(Math.Pow(x.Value, p));
    /// <inheritdoc />
    public static Real Log(Real x) => new(Math.Log(x.Value));
    /// <inheritdoc />
    public static Real Exp(Real x) => new(Math.Exp(x.Value));
    /// <inheritdoc />
    public static double MaxAbs(Real x) => Math.Abs(x.Value);
    /// <inheritdoc />
    public static Real operator +(Real a, Real b) => new(a.Value + b.Value);
    /// <inheritdoc />
    public static Real operator -(Real a, Real b) => new(a.Value - b.Value);
    /// <inheritdoc />
    public static Real operator *(Real a, Real b) => new(a.Value * b.Value);
    /// <inheritdoc />
    public static Real operator /(Real a, Real b) => new(a.Value / b.Value);
    /// <inheritdoc />
    public static Real operator -(Real a) => new(-a.Value);
    /// <summary>Implicit conversion from double.</summary>
    public static implicit operator Real(double v) => new(v);
}
