namespace EcoNotebooks.Spatial;

/// <summary>
/// An isotropic variogram model: a nugget plus one structure of <see cref="Type"/>, exactly as gstat's
/// <c>vgm(psill, type, range, nugget)</c>:
/// γ(0) = 0 and γ(h) = nugget + psill·γ₁(h/range) for h &gt; 0, where γ₁ is the unit model of <see cref="Type"/>.
/// The matching covariance is C(h) = nugget + psill − γ(h), so C(0) = nugget + psill (the total sill).
/// </summary>
/// <param name="Type">Shape of the structure.</param>
/// <param name="PartialSill">Partial sill (psill) of the structure, ≥ 0, in squared units of the variable.</param>
/// <param name="Range">Range parameter a, &gt; 0, in the units of the coordinates (gstat's range: for Exp the practical range is 3a).</param>
/// <param name="Nugget">Nugget, ≥ 0, in squared units of the variable.</param>
public sealed record VariogramModel(VariogramModelType Type, double PartialSill, double Range, double Nugget = 0)
{
    /// <summary>Checks that the parameters define a valid (conditionally negative definite) model: psill ≥ 0, range &gt; 0, nugget ≥ 0, all finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message repeats it.</exception>
    public VariogramModel Validate()
    {
        if (!Enum.IsDefined(Type)) throw new ArgumentOutOfRangeException(nameof(Type), Type, "Unknown variogram model type.");
        if (!(PartialSill >= 0) || double.IsInfinity(PartialSill))
            throw new ArgumentOutOfRangeException(nameof(PartialSill), PartialSill, $"Partial sill must be finite and ≥ 0, got {PartialSill}.");
        if (!(Range > 0) || double.IsInfinity(Range))
            throw new ArgumentOutOfRangeException(nameof(Range), Range, $"Range must be finite and > 0, got {Range}.");
        if (!(Nugget >= 0) || double.IsInfinity(Nugget))
            throw new ArgumentOutOfRangeException(nameof(Nugget), Nugget, $"Nugget must be finite and ≥ 0, got {Nugget}.");
        return this;
    }

    /// <summary>Total sill: nugget + partial sill = C(0).</summary>
    public double Sill => Nugget + PartialSill;

    /// <summary>
    /// Unit model γ₁(h) of <paramref name="type"/> with range parameter <paramref name="range"/> (gstat's
    /// fn_spherical/fn_exponential/fn_gaussian): 0 at h = 0, rising to 1.
    /// </summary>
    /// <param name="type">Model shape.</param>
    /// <param name="h">Distance, ≥ 0.</param>
    /// <param name="range">Range parameter, &gt; 0.</param>
    public static double Unit(VariogramModelType type, double h, double range)
    {
        if (h == 0) return 0;
        switch (type)
        {
            case VariogramModelType.Spherical:
                if (h >= range) return 1;
                double hr = h / range;
                return hr * (1.5 - 0.5 * hr * hr);
            case VariogramModelType.Exponential:
                return 1 - Math.Exp(-h / range);
            case VariogramModelType.Gaussian:
                double g = h / range;
                return 1 - Math.Exp(-(g * g));
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown variogram model type.");
        }
    }

    /// <summary>
    /// gstat's range derivative of the unit model (da_fn_spherical/exponential/gaussian in gstat's vario_fn.c), used
    /// by <see cref="VariogramFit"/> to reproduce gstat's iterations. For Sph and Exp it is ∂γ₁/∂a; for Gau gstat
    /// returns −(h/a²)·exp(−(h/a)²), which lacks the factor 2h/a of the exact derivative — kept deliberately so that
    /// fits agree with gstat.
    /// </summary>
    internal static double GstatRangeDerivative(VariogramModelType type, double h, double range)
    {
        switch (type)
        {
            case VariogramModelType.Spherical:
                if (h > range) return 0;
                double hr2 = h / (range * range);
                return 1.5 * hr2 * (-1.0 + h * hr2);
            case VariogramModelType.Exponential:
                double e = -h / range;
                return e / range * Math.Exp(e);
            case VariogramModelType.Gaussian:
                double g = h / range;
                return -g / range * Math.Exp(-(g * g));
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown variogram model type.");
        }
    }

    /// <summary>Semivariance γ(h) = nugget·[h &gt; 0] + psill·γ₁(h); γ(0) = 0. R: <c>variogramLine(model, dist_vector = h)</c>.</summary>
    /// <param name="h">Distance, ≥ 0, in coordinate units.</param>
    public double Semivariance(double h) => h == 0 ? 0 : Nugget + PartialSill * Unit(Type, h, Range);

    /// <summary>Covariance C(h) = sill − γ(h); C(0) = nugget + psill. R: <c>variogramLine(model, dist_vector = h, covariance = TRUE)</c>.</summary>
    /// <param name="h">Distance, ≥ 0, in coordinate units.</param>
    public double Covariance(double h) => h == 0 ? Nugget + PartialSill : PartialSill * (1 - Unit(Type, h, Range));

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"vgm(psill = {PartialSill}, \"{Type.ToGstatName()}\", range = {Range}, nugget = {Nugget})");
}
