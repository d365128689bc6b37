namespace EcoNotebooks.Permafrost.Numerics;

/// <summary>Thomas algorithm for tridiagonal systems (no pivoting; stable for the diagonally dominant systems of implicit heat conduction).</summary>
public static class Tridiagonal
{
    /// <summary>
    /// Solves lower[i]·x[i−1] + diag[i]·x[i] + upper[i]·x[i+1] = rhs[i] for i = 0…n−1 in place: the solution
    /// overwrites <paramref name="rhs"/> and <paramref name="upper"/> is used as scratch. lower[0] and upper[n−1]
    /// are ignored. No allocation. (scipy.linalg.solve_banded((1, 1), ...) is the Python equivalent.)
    /// </summary>
    public static void Solve<T>(Span<T> lower, Span<T> diag, Span<T> upper, Span<T> rhs) where T : struct, IScalar<T>
    {
        int n = diag.Length;
        if (lower.Length < n || upper.Length < n || rhs.Length < n)
            throw new ArgumentException($"All four bands need {n} entries (lower {lower.Length}, upper {upper.Length}, rhs {rhs.Length}).", nameof(rhs));
        if (n == 0) return;
        T beta = diag[0];
        rhs[0] = rhs[0] / beta;
        for (int i = 1; i < n; i++)
        {
            T gamma = upper[i - 1] / beta;
            upper[i - 1] = gamma;
            beta = diag[i] - lower[i] * gamma;
            rhs[i] = (rhs[i] - lower[i] * rhs[i - 1]) / beta;
        }
        for (int i = n - 2; i >= 0; i--) rhs[i] = rhs[i] - upper[i] * rhs[i + 1];
    }
}
