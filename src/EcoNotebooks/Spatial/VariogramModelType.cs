namespace EcoNotebooks.Spatial;

/// <summary>
/// Shape of a variogram model structure, with gstat's definitions (h = lag distance, a = range parameter, all ≥ 0).
/// Each model is used with a partial sill and a nugget, see <see cref="VariogramModel"/>.
/// </summary>
public enum VariogramModelType
{
    /// <summary>Spherical, gstat "Sph": γ₁(h) = 1.5·h/a − 0.5·(h/a)³ for h &lt; a, 1 for h ≥ a. Reaches the sill at h = a.</summary>
    Spherical,
    /// <summary>Exponential, gstat "Exp": γ₁(h) = 1 − exp(−h/a). The practical range (95 % of the sill) is ≈ 3a.</summary>
    Exponential,
    /// <summary>Gaussian, gstat "Gau": γ₁(h) = 1 − exp(−(h/a)²). The practical range is ≈ √3·a.</summary>
    Gaussian,
}

/// <summary>Names of <see cref="VariogramModelType"/> as used by gstat and by <c>econb</c>.</summary>
public static class VariogramModelTypes
{
    /// <summary>Short lower-case name as printed by <c>econb krige</c>: "sph", "exp" or "gau".</summary>
    public static string ToShortName(this VariogramModelType type) => type switch
    {
        VariogramModelType.Spherical => "sph",
        VariogramModelType.Exponential => "exp",
        VariogramModelType.Gaussian => "gau",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown variogram model type."),
    };

    /// <summary>gstat's model name: "Sph", "Exp" or "Gau" (as in <c>vgm(psill, "Sph", range, nugget)</c>).</summary>
    public static string ToGstatName(this VariogramModelType type) => type switch
    {
        VariogramModelType.Spherical => "Sph",
        VariogramModelType.Exponential => "Exp",
        VariogramModelType.Gaussian => "Gau",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown variogram model type."),
    };

    /// <summary>
    /// Parses a model name, case-insensitively: "sph"/"spherical", "exp"/"exponential", "gau"/"gaussian"
    /// (gstat's "Sph", "Exp", "Gau" included).
    /// </summary>
    /// <exception cref="ArgumentException">The name is none of these; the message repeats it.</exception>
    public static VariogramModelType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "sph" or "spherical" => VariogramModelType.Spherical,
            "exp" or "exponential" => VariogramModelType.Exponential,
            "gau" or "gaussian" => VariogramModelType.Gaussian,
            _ => throw new ArgumentException($"Unknown variogram model '{name}'; expected sph, exp or gau.", nameof(name)),
        };
    }
}
