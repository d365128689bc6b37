using System.Numerics;

namespace EcoNotebooks.Permafrost.Numerics;

/// <summary>
/// The arithmetic the heat solver needs, so that one generic code path runs both on plain numbers
/// (<see cref="Real"/>) and on forward-mode dual numbers (<see cref="Dual4"/>) for exact parameter gradients.
/// Comparisons and branching in the solver use <see cref="Value"/> only (derivatives follow the branch taken).
/// </summary>
/// <typeparam name="T">The implementing struct.</typeparam>
public interface IScalar<T> :
    IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>, IUnaryNegationOperators<T, T>
    where T : struct, IScalar<T>
{
    /// <summary>The real part.</summary>
    double Value { get; }

    /// <summary>A constant (all derivative parts zero).</summary>
    static abstract T FromDouble(double value);

    /// <summary>x·c for a constant c.</summary>
    static abstract T Scale(T x, double c);

    /// <summary>x + c for a constant c.</summary>
    static abstract T AddConstant(T x, double c);

    /// <summary>x^p for x &gt; 0 and a constant exponent p.</summary>
    static abstract T Pow(T x, double p);

    /// <summary>Natural logarithm, x &gt; 0.</summary>
    static abstract T Log(T x);

    /// <summary>Exponential.</summary>
    static abstract T Exp(T x);

    /// <summary>The largest absolute value among the real part and all derivative parts (used in convergence tests, so derivatives converge too).</summary>
    static abstract double MaxAbs(T x);
}
