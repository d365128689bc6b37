using System.Diagnostics;
using EcoNotebooks.Drivers;
using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Changhe;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// The Changhe paper's workflow (Changhe NPP-drivers paper; see <c>notebooks/03-changhe-npp-drivers.ipynb</c>) as one
/// object whose methods the notebook cells call in order. Each step returns rasters, DataFrames and records; the
/// expensive ones (CASA, kriging, driver stack, points, factorial experiment) are computed once and cached, so a cell
/// can be re-run cheaply and later steps reuse earlier ones. Steps report progress through the
/// <see cref="IProgress{T}"/> given to the constructor and record their wall time in <see cref="Timings"/>.
/// <list type="number">
/// <item><see cref="FusionDemo"/>: ESTARFM (Eq. 1) predicted vs observed fine NDVI;</item>
/// <item><see cref="Casa"/>: CASA NPP (Eqs. 2–4) with FPAR, ε, APAR maps for one month;</item>
/// <item><see cref="NppStatistics"/>: range, mean, sd, CV, by land use (Table 2), west vs east of the river;</item>
/// <item><see cref="KrigeSoil"/>: the seven soil drivers kriged from the samples (fitted variograms);</item>
/// <item><see cref="DriverStack"/>: the 12 drivers of Table 1 on the grid;</item>
/// <item><see cref="SamplePoints"/>: random points with NPP and every driver (section 2.4.1);</item>
/// <item><see cref="Correlations"/>: Pearson r, p and stars (section 3.2);</item>
/// <item><see cref="LocalCorrelations"/>: moving-window correlation maps and shares (Fig. 3);</item>
/// <item><see cref="Factorial"/>: RF importance (Fig. 4), RelCon, RGB and dominant categories (Fig. 5).</item>
/// </list>
/// Thread safety: steps are not meant to be called concurrently.
/// </summary>
public sealed class ChanghePipeline
{
    private readonly IProgress<string>? _progress;
    private readonly Dictionary<string, double> _timings = [];
    private CasaResult? _casa;
    private SoilKriging? _soil;
    private IReadOnlyDictionary<string, Raster>? _drivers;
    private DataFrame? _points;
    private NppStatistics? _npp;
    private FactorialStep? _factorial;

    /// <summary>Creates a pipeline over <paramref name="inputs"/>.</summary>
    /// <param name="inputs">Input layers (<see cref="ChangheInputs.FromSample"/> or <see cref="ChangheInputFiles.Load"/>).</param>
    /// <param name="parameters">Parameters; null = defaults.</param>
    /// <param name="progress">Receives one line per stage of the long steps (e.g. "CASA: 24/72 months").</param>
    public ChanghePipeline(ChangheInputs inputs, ChangheParameters? parameters = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Inputs = inputs.Validate();
        Parameters = (parameters ?? new ChangheParameters()).Validate();
        _progress = progress;
    }

    /// <summary>Generates the synthetic Changhe sample (<see cref="ChangheGenerator"/>) and wraps it in a pipeline.</summary>
    public static ChanghePipeline Synthetic(ChangheParameters? parameters = null, ChangheSampleOptions? sampleOptions = null, IProgress<string>? progress = null)
    {
        var sw = Stopwatch.StartNew();
        progress?.Report("generating the synthetic Changhe sample");
        var sample = ChangheGenerator.Generate(sampleOptions, progress);
        var p = new ChanghePipeline(ChangheInputs.FromSample(sample), parameters, progress) { Sample = sample };
        p._timings["generate sample"] = sw.Elapsed.TotalSeconds;
        return p;
    }

    /// <summary>Wraps an already generated synthetic sample.</summary>
    public static ChanghePipeline FromSample(ChangheSample sample, ChangheParameters? parameters = null, IProgress<string>? progress = null) =>
        new(ChangheInputs.FromSample(sample), parameters, progress) { Sample = sample };

    /// <summary>The same inputs with other parameters. Cached results that do not depend on the changed parameters (CASA,
    /// NPP statistics, and kriging/drivers when the variogram models are unchanged) are shared.</summary>
    public ChanghePipeline With(ChangheParameters parameters)
    {
        var p = new ChanghePipeline(Inputs, parameters, _progress) { Sample = Sample, _casa = _casa, _npp = _npp };
        if (p.Parameters.VariogramModels.SequenceEqual(Parameters.VariogramModels) && p.Parameters.KrigingVariance == Parameters.KrigingVariance) { p._soil = _soil; p._drivers = _drivers; }
        return p;
    }

    /// <summary>Input layers.</summary>
    public ChangheInputs Inputs { get; }
    /// <summary>Parameters.</summary>
    public ChangheParameters Parameters { get; }
    /// <summary>The synthetic sample when the pipeline runs on it, else null.</summary>
    public ChangheSample? Sample { get; private init; }
    /// <summary>Wall time of each step run so far, seconds.</summary>
    public IReadOnlyDictionary<string, double> Timings => _timings;

    /// <summary>Wall time per step as a table (step, seconds).</summary>
    public DataFrame TimingTable() => new(
        ChangheTables.Text("step", _timings.Keys),
        ChangheTables.Number("seconds", _timings.Values.Select(v => ChangheTables.Round(v, 1))));

    private T Timed<T>(string step, Func<T> f)
    {
        var sw = Stopwatch.StartNew();
        _progress?.Report(step);
        var r = f();
        _timings[step] = sw.Elapsed.TotalSeconds;
        return r;
    }

    /// <summary>Step 1 (Fig. S1a): ESTARFM predicts the fine NDVI of <see cref="ChangheParameters.FusionPredictionMonth"/> from
    /// the fine images of the two base months and the coarse images; compared with the observed fine image.</summary>
    public FusionDemoResult FusionDemo() => Timed("ESTARFM fusion", () => FusionDemoResult.Run(Inputs, Parameters));

    /// <summary>Step 2 (Eqs. 2–4): CASA over all months (cached) and the intermediate maps of
    /// <see cref="ChangheParameters.DemoYear"/>-<see cref="ChangheParameters.IntermediateMonth"/>.</summary>
    public CasaStep Casa()
    {
        _casa ??= Timed("CASA", () => CasaStep.RunModel(Inputs, _progress));
        return CasaStep.Views(_casa, Parameters.DemoYear, Parameters.IntermediateMonth);
    }

    /// <summary>Mean annual NPP 2010–2015 (or the input's years), gC m⁻² yr⁻¹.</summary>
    public Raster MeanAnnualNpp() => Casa().MeanAnnualNpp;

    /// <summary>Step 3 (section 3.1, Table 2): NPP statistics beside the published values.</summary>
    public NppStatistics NppStatistics() => _npp ??= Timed("NPP statistics", () => Changhe.NppStatistics.Compute(MeanAnnualNpp(), Inputs.LandCover, Inputs.LandDegradation));

    /// <summary>Step 4 (section 2.3.1): kriging of the soil samples to the grid (cached).</summary>
    public SoilKriging KrigeSoil() => _soil ??= Timed("soil kriging", () => SoilKriging.Run(Inputs, Parameters, _progress));

    /// <summary>Step 5 (Table 1): the 12 drivers on the grid, in the paper's order: MAT, MAP, MAE, MAS (climate), CF, SOC,
    /// TN, AP, AK, pH, BD (kriged soil), LD (mining).</summary>
    public IReadOnlyDictionary<string, Raster> DriverStack()
    {
        if (_drivers is not null) return _drivers;
        var soil = KrigeSoil();
        var d = new Dictionary<string, Raster>();
        foreach (var c in ChangheInputs.ClimateCodes) d[c] = Inputs.Climate[c];
        foreach (var c in ChangheInputs.SoilCodes) d[c] = soil.Maps[c];
        d["LD"] = Inputs.LandDegradation;
        return _drivers = d;
    }

    /// <summary>Driver codes in the paper's order.</summary>
    public static IReadOnlyList<string> DriverCodes { get; } = [.. ChangheInputs.ClimateCodes, .. ChangheInputs.SoilCodes, "LD"];

    /// <summary>Step 6 (section 2.4.1, Fig. S3): <see cref="ChangheParameters.SampleSize"/> random pixels (seed
    /// <see cref="ChangheParameters.Seed"/>) with x, y, NPP and the 12 drivers (cached).</summary>
    public DataFrame SamplePoints() => _points ??= Timed("random points", () =>
    {
        var layers = new Dictionary<string, IRasterSource> { ["NPP"] = MeanAnnualNpp() };
        foreach (var (k, v) in DriverStack()) layers[k] = v;
        return PointSampler.Sample(layers, Parameters.SampleSize, Parameters.Seed);
    });

    /// <summary>Step 7 (section 3.2): Pearson correlation of NPP with each driver over the random points.</summary>
    public DataFrame Correlations() => Timed("Pearson correlations", () => DriverCorrelations.Compute(SamplePoints(), "NPP", DriverCodes));

    /// <summary>Step 8 (Fig. 3): moving-window correlation of NPP with each driver (<see cref="ChangheParameters.LocalWindowSize"/>).</summary>
    public LocalCorrelationMaps LocalCorrelations() => Timed("local correlations", () => LocalCorrelationMaps.Compute(MeanAnnualNpp(), DriverStack(), Parameters, _progress));

    /// <summary>Steps 9–10 (Figs. 4–5): the factorial random-forest experiment on the random points, applied to every pixel (cached).</summary>
    public FactorialStep Factorial() => _factorial ??= Timed("factorial random forests", () => FactorialStep.Run(SamplePoints(), DriverStack(), NppStatistics().Sides, Parameters, _progress));
}
