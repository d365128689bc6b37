namespace EcoNotebooks.Permafrost;

/// <summary>A thermal resistance at a depth in the column with no heat capacity (e.g. an XPS/EPS board), m² K W⁻¹.</summary>
/// <param name="Depth">Depth of the board, m (snapped to the nearest cell face; 0 = at the surface).</param>
/// <param name="Resistance">R = thickness / conductivity, m² K W⁻¹ (&gt; 0; 0.1 m of XPS at 0.03 W m⁻¹ K⁻¹ gives 3.3).</param>
public sealed record InterfaceResistance(double Depth, double Resistance);

/// <summary>
/// A heat extractor such as a two-phase closed thermosyphon, averaged per m² of ground. It works only when the air is
/// colder than the mean ground temperature Tg over [<see cref="TopDepth"/>, <see cref="BottomDepth"/>] by more than
/// <see cref="ActivationThreshold"/>; it then removes Q = min(Capacity, Conductance·(Tg − Ta)) W m⁻², spread over the
/// cells of the range in proportion to their thickness. The switch and Q are evaluated from the temperatures at the
/// start of each step (lagged, not differentiated).
/// </summary>
/// <param name="TopDepth">Top of the evaporator section, m.</param>
/// <param name="BottomDepth">Bottom of the evaporator section, m (&gt; top).</param>
/// <param name="ActivationThreshold">ΔT, K ≥ 0 (≈ 0.5–2 K).</param>
/// <param name="Conductance">W m⁻² K⁻¹ per m² of ground (device conductance × devices per m²).</param>
/// <param name="Capacity">Maximum extraction, W m⁻² of ground.</param>
public sealed record HeatExtractor(double TopDepth, double BottomDepth, double ActivationThreshold, double Conductance, double Capacity);

/// <summary>Nonlinear solver settings.</summary>
/// <param name="Tolerance">Convergence when max |T(H) − T*| over cells (and, for dual numbers, over derivative parts) is below this, K (default 1e-4 K, far below sensor accuracy; energy is conserved exactly at any tolerance).</param>
/// <param name="MaxIterations">Newton iteration cap per step (whole column; the predictor has its own cap of the same size); the step is accepted (energy still conserved) if reached.</param>
/// <param name="PredictorDepth">
/// Depth (m, ≥ 0) of the predictor sub-column: each step first iterates the cells above this depth to convergence with
/// the temperature below held fixed, and starts the whole-column iteration from that state, which then usually
/// converges in one iteration instead of two (the freezing and thawing that make H(T) nonlinear happen near the surface).
/// Only the starting iterate changes, so the accepted state meets the same tolerance and energy balance. 0 = off; the
/// predictor is also skipped when the sub-column would hold more than half of the cells or fewer than 2. Default 4 m.
/// </param>
public sealed record SolverOptions(double Tolerance = 1e-4, int MaxIterations = 50, double PredictorDepth = 4);

/// <summary>Configuration of a 1D ground column model (<see cref="GroundThermalModel"/>).</summary>
public sealed record GroundColumnOptions
{
    /// <summary>Layers from the surface down; their thicknesses add up to the column depth (tens of metres for MAGT and permafrost base).</summary>
    public required IReadOnlyList<SoilLayer> Layers { get; init; }
    /// <summary>Grid grading.</summary>
    public GridOptions Grid { get; init; } = new();
    /// <summary>Upper boundary.</summary>
    public SurfaceBoundary Surface { get; init; } = new();
    /// <summary>Geothermal heat flux entering the column bottom, W m⁻² (≥ 0; continental average ≈ 0.06).</summary>
    public double GeothermalFlux { get; init; } = 0.06;
    /// <summary>Time step, s (86,400 = daily; the forcing has one value per step).</summary>
    public double TimeStep { get; init; } = 86_400;
    /// <summary>Solver settings.</summary>
    public SolverOptions Solver { get; init; } = new();
    /// <summary>Buried insulation boards and other resistances.</summary>
    public IReadOnlyList<InterfaceResistance> Resistances { get; init; } = [];
    /// <summary>Thermosyphons and other heat extractors.</summary>
    public IReadOnlyList<HeatExtractor> Extractors { get; init; } = [];
    /// <summary>Initial temperature profile T(z), °C; null = mean of the first 365 forcing values plus 0.03 K m⁻¹·z.</summary>
    public Func<double, double>? InitialTemperature { get; init; }
    /// <summary>Years of spin-up by cycling the first 365 forcing days before the recorded run (0 = none).</summary>
    public int SpinUpYears { get; init; }
    /// <summary>Depths (m) at which daily temperatures are recorded (linear interpolation between cell centres); null = 0.5, 1, 2, 3, 5, 10, 15, 20, 25 m within the column.</summary>
    public IReadOnlyList<double>? OutputDepths { get; init; }
    /// <summary>Record the whole profile every this many days (0 = never).</summary>
    public int ProfileInterval { get; init; }
    /// <summary>Annual amplitude (half the annual range, K) below which the depth of zero annual amplitude is reached; default 0.1 K.</summary>
    public double ZeroAmplitudeThreshold { get; init; } = 0.1;

    /// <summary>Checks ranges.</summary>
    public GroundColumnOptions Validate()
    {
        if (Layers is null || Layers.Count == 0) throw new ArgumentException("At least one soil layer is needed.", nameof(Layers));
        foreach (var l in Layers) l.Validate();
        Grid.Validate();
        Surface.Validate();
        if (!(GeothermalFlux >= 0 && GeothermalFlux < 10)) throw new ArgumentOutOfRangeException(nameof(GeothermalFlux), GeothermalFlux, "Geothermal flux must be in [0, 10) W m⁻².");
        if (!(TimeStep > 0)) throw new ArgumentOutOfRangeException(nameof(TimeStep), TimeStep, "Time step must be > 0 s.");
        if (!(Solver.Tolerance > 0) || Solver.MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(Solver), Solver, "Solver tolerance must be > 0 and iterations ≥ 1.");
        if (!(Solver.PredictorDepth >= 0)) throw new ArgumentOutOfRangeException(nameof(Solver), Solver, $"Predictor depth must be ≥ 0 m, got {Solver.PredictorDepth}.");
        if (SpinUpYears < 0) throw new ArgumentOutOfRangeException(nameof(SpinUpYears), SpinUpYears, "Spin-up years must be ≥ 0.");
        if (ProfileInterval < 0) throw new ArgumentOutOfRangeException(nameof(ProfileInterval), ProfileInterval, "Profile interval must be ≥ 0 days.");
        if (!(ZeroAmplitudeThreshold > 0)) throw new ArgumentOutOfRangeException(nameof(ZeroAmplitudeThreshold), ZeroAmplitudeThreshold, "Threshold must be > 0 K.");
        foreach (var r in Resistances)
            if (!(r.Resistance > 0) || !(r.Depth >= 0)) throw new ArgumentOutOfRangeException(nameof(Resistances), r, "Resistances need depth ≥ 0 m and R > 0 m² K W⁻¹.");
        foreach (var e in Extractors)
            if (!(e.TopDepth >= 0 && e.BottomDepth > e.TopDepth && e.ActivationThreshold >= 0 && e.Conductance >= 0 && e.Capacity >= 0))
                throw new ArgumentOutOfRangeException(nameof(Extractors), e, "Extractors need 0 ≤ top < bottom and non-negative threshold, conductance and capacity.");
        return this;
    }
}

/// <summary>
/// Multipliers applied to every layer's properties; the parameters of the digital-twin inversion and filter.
/// All 1 = the layers as given.
/// </summary>
/// <typeparam name="T">Real or dual number.</typeparam>
/// <param name="KThawed">Multiplier of the thawed conductivity.</param>
/// <param name="KFrozen">Multiplier of the frozen conductivity.</param>
/// <param name="WaterContent">Multiplier of θ (latent heat and unfrozen water; capped so θ ≤ 1).</param>
/// <param name="HeatCapacity">Multiplier of both sensible heat capacities.</param>
public readonly record struct PropertyScales<T>(T KThawed, T KFrozen, T WaterContent, T HeatCapacity) where T : struct, Numerics.IScalar<T>
{
    /// <summary>All multipliers 1.</summary>
    public static PropertyScales<T> One => new(T.FromDouble(1), T.FromDouble(1), T.FromDouble(1), T.FromDouble(1));
}
