namespace EcoNotebooks.Permafrost;

/// <summary>Per-year summary of a ground temperature simulation (model years of 365 daily steps).</summary>
/// <param name="Year">Year index, 0-based from the start of the recorded run.</param>
/// <param name="MaxThawDepth">Deepest thaw front of the year, m (the active layer thickness when permafrost lies below; the whole column depth if it thawed through).</param>
/// <param name="MaxFreezeDepth">Deepest seasonal freezing front of the year from the surface, m (seasonal frost depth).</param>
/// <param name="ActiveLayerThickness">= <paramref name="MaxThawDepth"/> when permafrost exists this year, else NaN.</param>
/// <param name="PermafrostTable">Top of the ground whose annual maximum temperature stays ≤ Tm, m (interpolated), NaN without permafrost.</param>
/// <param name="PermafrostBase">Bottom of that frozen body, m (the column depth when it reaches the bottom), NaN without permafrost.</param>
/// <param name="ZeroAmplitudeDepth">Shallowest cell centre whose annual amplitude (half the annual range) is below the threshold, m; NaN if none.</param>
/// <param name="Magt">Mean annual ground temperature at <paramref name="ZeroAmplitudeDepth"/>, °C (NaN if none).</param>
/// <param name="MeanAirTemperature">Mean air temperature of the year, °C.</param>
/// <param name="MeanSurfaceTemperature">Mean n-factor surface temperature of the year, °C.</param>
public sealed record AnnualSummary(int Year, double MaxThawDepth, double MaxFreezeDepth, double ActiveLayerThickness,
    double PermafrostTable, double PermafrostBase, double ZeroAmplitudeDepth, double Magt, double MeanAirTemperature, double MeanSurfaceTemperature);

/// <summary>Output of <see cref="GroundThermalModel.Run"/>.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(ColumnGrid grid, double[] outputDepths, double[,] daily, double[] days, double[,]? profiles, int[] profileDays,
        double[,] annualMax, double[,] annualMin, double[,] annualMean, AnnualSummary[] years, double[] thawDepth, EnergyBudget energy, int maxIterations, int unconverged, long totalIterations)
    {
        Grid = grid; OutputDepths = outputDepths; DailyTemperature = daily; Days = days; Profiles = profiles; ProfileDays = profileDays;
        AnnualMax = annualMax; AnnualMin = annualMin; AnnualMean = annualMean; Years = years; DailyThawDepth = thawDepth; Energy = energy;
        MaxIterations = maxIterations; UnconvergedSteps = unconverged; TotalIterations = totalIterations;
    }

    /// <summary>The grid (cell centres are the depths of the profile and annual arrays).</summary>
    public ColumnGrid Grid { get; }
    /// <summary>Depths of <see cref="DailyTemperature"/>, m.</summary>
    public double[] OutputDepths { get; }
    /// <summary>Temperature at the end of each day [day, depth index], °C.</summary>
    public double[,] DailyTemperature { get; }
    /// <summary>Day numbers (1-based end of step) of the recorded run.</summary>
    public double[] Days { get; }
    /// <summary>Whole profiles [sample, cell] every ProfileInterval days, or null.</summary>
    public double[,]? Profiles { get; }
    /// <summary>Day index (0-based) of each profile sample.</summary>
    public int[] ProfileDays { get; }
    /// <summary>Annual maximum temperature [year, cell], °C (the "trumpet curve" right side).</summary>
    public double[,] AnnualMax { get; }
    /// <summary>Annual minimum temperature [year, cell], °C.</summary>
    public double[,] AnnualMin { get; }
    /// <summary>Annual mean temperature [year, cell], °C.</summary>
    public double[,] AnnualMean { get; }
    /// <summary>Per-year summaries (complete 365-day years only).</summary>
    public IReadOnlyList<AnnualSummary> Years { get; }
    /// <summary>Daily thaw front depth, m.</summary>
    public double[] DailyThawDepth { get; }
    /// <summary>Energy budget of the recorded run.</summary>
    public EnergyBudget Energy { get; }
    /// <summary>Most Picard iterations any step needed.</summary>
    public int MaxIterations { get; }
    /// <summary>Picard iterations summed over all recorded steps (divide by the number of days for the mean).</summary>
    public long TotalIterations { get; }
    /// <summary>Steps that reached the iteration cap.</summary>
    public int UnconvergedSteps { get; }

    /// <summary>The daily series at output depth index <paramref name="j"/>.</summary>
    public double[] SeriesAt(int j)
    {
        var r = new double[DailyTemperature.GetLength(0)];
        for (int d = 0; d < r.Length; d++) r[d] = DailyTemperature[d, j];
        return r;
    }
}

/// <summary>Energy budget of a run, J m⁻²: the residual is (surface + bottom + sources) − Δ(column enthalpy) and should be round-off.</summary>
/// <param name="SurfaceInput">Heat that entered at the surface.</param>
/// <param name="BottomInput">Geothermal heat that entered at the bottom.</param>
/// <param name="SourceInput">Heat added by sources (negative when extracted).</param>
/// <param name="EnthalpyChange">Change in column enthalpy Σ hᵢ Hᵢ.</param>
public sealed record EnergyBudget(double SurfaceInput, double BottomInput, double SourceInput, double EnthalpyChange)
{
    /// <summary>Boundary and source input minus enthalpy change, J m⁻².</summary>
    public double Residual => SurfaceInput + BottomInput + SourceInput - EnthalpyChange;
}
