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
/// <item><see cref="StationClimate"/>: the climate drivers interpolated from stations (thin-plate spline with elevation);</item>
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
        double generate = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var p = new ChanghePipeline(ChangheInputs.FromSample(sample, progress), parameters, progress) { Sample = sample };
        p._timings["generate sample"] = generate;
        p._timings["climate from stations"] = sw.Elapsed.TotalSeconds;
        return p;
    }

    /// <summary>Wraps an already generated synthetic sample.</summary>
    public static ChanghePipeline FromSample(ChangheSample sample, ChangheParameters? parameters = null, IProgress<string>? progress = null) =>
        new(ChangheInputs.FromSample(sample, progress), parameters, progress) { Sample = sample };

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

    /// <summary>
    /// Step 0 (section 2.3.1, climate data): the annual climate drivers interpolated from the station records by the
    /// thin-plate spline with elevation (ANUSPLIN's method): the station table, the spline fits (λ, √GCV, leave-one-out
    /// RMSE, elevation coefficient) and, on the synthetic sample, each interpolated driver against the generator's
    /// true field (<see cref="StationClimateStep.TruthComparison"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Every climate driver came from a prepared raster (no stations.csv).</exception>
    public StationClimateStep StationClimate()
    {
        var st = Inputs.StationClimate ?? throw new InvalidOperationException("The climate drivers were read from prepared rasters (MAT.tif …), not interpolated from stations.csv.");
        DataFrame? truth = null;
        if (Sample is not null)
        {
            var codes = Inputs.ClimateFromStations;
            var rows = codes.Select(code =>
            {
                var a = st.Maps[code][0].ToDoubleArray(); var t = Sample.Climate[code][0].ToDoubleArray();
                double sse = 0, bias = 0, maxAbs = 0; int n = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    if (double.IsNaN(a[i]) || double.IsNaN(t[i])) continue;
                    double d = a[i] - t[i]; sse += d * d; bias += d; maxAbs = Math.Max(maxAbs, Math.Abs(d)); n++;
                }
                var tt = RasterStatistics.Compute(Sample.Climate[code]);
                return (code, Rmse: Math.Sqrt(sse / n), Bias: bias / n, MaxAbs: maxAbs, R: Statistics.Correlation.Pearson(a, t) ?? double.NaN, TruthSd: tt.StdDev);
            }).ToArray();
            truth = new DataFrame(
                ChangheTables.Text("driver", rows.Select(r => r.code)),
                ChangheTables.Number("rmse_vs_truth", rows.Select(r => ChangheTables.Round(r.Rmse, 3))),
                ChangheTables.Number("bias", rows.Select(r => ChangheTables.Round(r.Bias, 3))),
                ChangheTables.Number("max_abs_error", rows.Select(r => ChangheTables.Round(r.MaxAbs, 3))),
                ChangheTables.Number("r_vs_truth", rows.Select(r => ChangheTables.Round(r.R, 3))),
                ChangheTables.Number("truth_sd", rows.Select(r => ChangheTables.Round(r.TruthSd, 3))));
        }
        return new StationClimateStep(st, Inputs.ClimateFromStations, truth);
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

    /// <summary>
    /// One table of every published number next to the computed one (runs the steps it needs): quantity, computed,
    /// published, unit, source (where in the paper), close (|computed − published| within 5 % of the published value,
    /// or the same sign/significance for the qualitative rows; null when the paper gives no comparable number).
    /// </summary>
    public DataFrame PublishedComparison()
    {
        var rows = new List<(string Q, double? C, double? P, string Unit, string Src, bool? Close)>();
        bool? Near(double? c, double? p, double rel = 0.05) => c is double a && p is double b ? Math.Abs(a - b) <= rel * Math.Abs(b) : null;
        var npp = NppStatistics();
        string[] q = ["min", "max", "mean", "sd", "CV"];
        string[] units = ["gC m-2 yr-1", "gC m-2 yr-1", "gC m-2 yr-1", "gC m-2 yr-1", "%"];
        for (int i = 0; i < 5; i++)
        {
            double? c = (double?)npp.Overall.Columns["computed"][i], p = (double?)npp.Overall.Columns["published"][i];
            rows.Add(($"NPP {q[i]}", c, p, units[i], "3.1, Fig. 2", Near(c, p)));
        }
        for (int i = 0; i < npp.ByLandUse.Rows.Count; i++)
        {
            if (npp.ByLandUse.Columns["published_simulated"][i] is not double p) continue;
            double? c = (double?)npp.ByLandUse.Columns["computed_mean"][i];
            rows.Add(($"NPP {npp.ByLandUse.Columns["land_use"][i]}", c, p, "gC m-2 yr-1", "Table 2", Near(c, p, 0.10)));
        }
        rows.Add(("NPP west − east", npp.WestMean - npp.EastMean, null, "gC m-2 yr-1", "3.1 (west < east)", npp.WestMean < npp.EastMean));
        var corr = Correlations();
        for (int i = 0; i < corr.Rows.Count; i++)
        {
            string d = (string)corr.Columns["driver"][i]!, pub = (string)corr.Columns["published"][i]!, stars = (string)corr.Columns["stars"][i]!;
            int sign = (int)(double)corr.Columns["published_sign"][i]!;
            double? r = (double?)corr.Columns["r"][i];
            bool? ok = pub == "" && sign == 0 ? null : (pub == "" || (pub == "ns") == (stars == "ns")) && (sign == 0 || (r is double rv && Math.Sign(rv) == sign));
            rows.Add(($"Pearson r NPP~{d} ({stars}; paper {(pub == "" ? "n/a" : pub)}{(sign > 0 ? ", +" : sign < 0 ? ", −" : "")})", r, null, "", "3.2, Fig. 3", ok));
        }
        var f = Factorial();
        foreach (var c in Enum.GetValues<DriverCategory>())
            rows.Add(($"RF importance {c.ToString().ToLowerInvariant()}", f.Result.CategoryImportance[c], ChanghePublished.CategoryImportance[c], "%", "3.3.1, Fig. 4", Near(f.Result.CategoryImportance[c], ChanghePublished.CategoryImportance[c], 0.10)));
        for (int i = 0; i < f.Summary.Rows.Count; i++)
        {
            double? c = (double?)f.Summary.Columns["computed"][i], p = (double?)f.Summary.Columns["published"][i];
            rows.Add(((string)f.Summary.Columns["quantity"][i]!, c, p, "", "3.3.2 / 4.1", p is null ? null : Near(c, p, 0.10)));
        }
        foreach (var c in Enum.GetValues<DriverCategory>())
            rows.Add(($"mean RelCon {c.ToString().ToLowerInvariant()}", f.Result.MeanRelativeContribution[c], ChanghePublished.MeanRelativeContribution[c], "%", "3.3.2, Fig. 5a", Near(f.Result.MeanRelativeContribution[c], ChanghePublished.MeanRelativeContribution[c], 0.10)));
        var above = f.Result.DriverImportance.Where(kv => kv.Value > 5).Select(kv => kv.Key).ToHashSet();
        rows.Add(($"drivers > 5 %: {string.Join(", ", f.Result.DriverImportance.Where(kv => kv.Value > 5).OrderByDescending(kv => kv.Value).Select(kv => kv.Key))} (paper {string.Join(", ", ChanghePublished.DriversAboveFivePercent)})",
            above.Count, ChanghePublished.DriversAboveFivePercent.Count, "drivers", "3.3.1", above.SetEquals(ChanghePublished.DriversAboveFivePercent)));
        return new DataFrame(
            ChangheTables.Text("quantity", rows.Select(r => r.Q)),
            ChangheTables.Number("computed", rows.Select(r => r.C is double v ? ChangheTables.Round(v, 3) : (double?)null)),
            ChangheTables.Number("published", rows.Select(r => r.P)),
            ChangheTables.Text("unit", rows.Select(r => r.Unit)),
            ChangheTables.Text("source", rows.Select(r => r.Src)),
            new BooleanDataFrameColumn("close", rows.Select(r => r.Close)));
    }
}
