namespace EcoNotebooks.Permafrost;

/// <summary>
/// Upper boundary: the ground-surface temperature is derived from the air temperature Ta (°C) with n-factors,
/// Ts = n_t·Ta + offset_t when Ta &gt; 0 and Ts = n_f·Ta + offset_f when Ta ≤ 0 (Lunardini 1978), then optionally
/// coupled to the ground through a snow layer of thermal resistance R = d_snow / k_snow (m² K W⁻¹). With n-factors 1,
/// zero offsets and no snow the surface temperature is prescribed (Dirichlet). A fixed extra surface resistance
/// (m² K W⁻¹) can model a mat or geotextile.
/// </summary>
public sealed record SurfaceBoundary
{
    /// <summary>Thawing n-factor n_t (0–2; bare ground ≈ 1–1.4, grass ≈ 0.8, moss/peat ≈ 0.6, sunshade ≈ 0.5).</summary>
    public double ThawingNFactor { get; init; } = 1;
    /// <summary>Freezing n-factor n_f (0–1.5; bare/wind-swept ≈ 0.9–1, snow-covered ≈ 0.3–0.6).</summary>
    public double FreezingNFactor { get; init; } = 1;
    /// <summary>Offset added to the surface temperature on thawing days, °C (e.g. −1 for a sunshade).</summary>
    public double ThawingOffset { get; init; }
    /// <summary>Offset added on freezing days, °C.</summary>
    public double FreezingOffset { get; init; }
    /// <summary>Daily snow depth, m (length ≥ the forcing or cycled by day index modulo its length); null = no snow.</summary>
    public double[]? SnowDepth { get; init; }
    /// <summary>Snow thermal conductivity, W m⁻¹ K⁻¹ (0.1–0.5; fresh 0.1, wind-packed 0.35). Default 0.25.</summary>
    public double SnowConductivity { get; init; } = 0.25;
    /// <summary>Fixed extra resistance between surface and ground, m² K W⁻¹ (≥ 0).</summary>
    public double ExtraResistance { get; init; }

    /// <summary>The prescribed-surface-temperature boundary (n = 1, no offsets, no snow).</summary>
    public static SurfaceBoundary Prescribed { get; } = new();

    /// <summary>Surface temperature Ts (°C) from air temperature Ta (°C).</summary>
    public double SurfaceTemperature(double airTemperature) =>
        airTemperature > 0 ? ThawingNFactor * airTemperature + ThawingOffset : FreezingNFactor * airTemperature + FreezingOffset;

    /// <summary>Thermal resistance between surface temperature and the ground surface on day <paramref name="day"/>, m² K W⁻¹.</summary>
    public double Resistance(int day)
    {
        double r = ExtraResistance;
        if (SnowDepth is { Length: > 0 } s)
        {
            double d = s[day % s.Length];
            if (d > 0) r += d / SnowConductivity;
        }
        return r;
    }

    /// <summary>Checks ranges.</summary>
    public SurfaceBoundary Validate()
    {
        if (!(ThawingNFactor >= 0 && ThawingNFactor <= 3)) throw new ArgumentOutOfRangeException(nameof(ThawingNFactor), ThawingNFactor, "Thawing n-factor must be in [0, 3].");
        if (!(FreezingNFactor >= 0 && FreezingNFactor <= 3)) throw new ArgumentOutOfRangeException(nameof(FreezingNFactor), FreezingNFactor, "Freezing n-factor must be in [0, 3].");
        if (!(SnowConductivity > 0)) throw new ArgumentOutOfRangeException(nameof(SnowConductivity), SnowConductivity, "Snow conductivity must be > 0.");
        if (!(ExtraResistance >= 0)) throw new ArgumentOutOfRangeException(nameof(ExtraResistance), ExtraResistance, "Extra resistance must be ≥ 0.");
        if (SnowDepth is not null && SnowDepth.Any(d => !(d >= 0))) throw new ArgumentException("Snow depths must be ≥ 0 m (no NaN).", nameof(SnowDepth));
        return this;
    }
}
