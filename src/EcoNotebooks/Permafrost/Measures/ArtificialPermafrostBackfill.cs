namespace EcoNotebooks.Permafrost.Measures;

/// <summary>When the backfill of an artificial permafrost layer is placed (paper §4.2 "backfill timing").</summary>
public enum BackfillSeason
{
    /// <summary>Winter: frozen clods and water-injected fill go in frozen (initial temperature −3 °C).</summary>
    Winter,
    /// <summary>Early spring: fill near freezing (−0.5 °C).</summary>
    EarlySpring,
    /// <summary>Summer: thawed fill (+8 °C).</summary>
    Summer,
}

/// <summary>
/// Artificial permafrost layer construction (Muli mining area, paper §4.2, §6.1): the top <see cref="Thickness"/> m of
/// the column are replaced by compacted, water-injected backfill (high ice content θ); the backfill season sets the
/// fill's initial temperature (<see cref="InitialTemperatureFor"/>). The run is assumed to start when the fill is placed.
/// </summary>
/// <param name="Thickness">Backfill thickness, m (default 3).</param>
/// <param name="Season">Backfill season (default winter).</param>
/// <param name="WaterContent">θ of the water-injected fill (default 0.35).</param>
public sealed record ArtificialPermafrostBackfill(double Thickness = 3, BackfillSeason Season = BackfillSeason.Winter, double WaterContent = 0.35) : IRestorationMeasure
{
    /// <inheritdoc />
    public string Name => $"Backfill ({Season})";
    /// <inheritdoc />
    public double AddedThickness => 0;

    /// <summary>Initial temperature of the fill for a season, °C.</summary>
    public static double InitialTemperatureFor(BackfillSeason season) => season switch
    {
        BackfillSeason.Winter => -3,
        BackfillSeason.EarlySpring => -0.5,
        BackfillSeason.Summer => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(season), season, "Unknown backfill season."),
    };

    /// <summary>The fill layer (silty fill composition, porosity 0.4, mineral conductivity 2.5 W m⁻¹ K⁻¹, power-law freezing).</summary>
    public SoilLayer Layer => SoilLayer.FromComposition("backfill", Thickness, 0.4, WaterContent) with
    {
        Freezing = FreezingCurve.PowerLaw(0.05, 0.5),
        InitialTemperature = InitialTemperatureFor(Season),
    };

    /// <inheritdoc />
    public GroundColumnOptions Apply(GroundColumnOptions options) => options with { Layers = LayerEdits.ReplaceTop(options.Layers, Layer) };
}
