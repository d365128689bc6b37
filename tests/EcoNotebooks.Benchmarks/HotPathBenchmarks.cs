using BenchmarkDotNet.Attributes;
using EcoNotebooks.Bench;
using EcoNotebooks.Drivers;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Learning;
using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Changhe;
using EcoNotebooks.Spatial;
using EcoNotebooks.Weighting;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Benchmarks;

/// <summary>Inputs generated once per benchmark process under the temp folder (the same generators as bench/compare.sh).</summary>
public static class BenchmarkInputs
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "econb-benchmarkdotnet");

    public static string Changhe()
    {
        string dir = Path.Combine(Root, "changhe");
        if (!File.Exists(Path.Combine(dir, "krige_model.json"))) Workloads.PrepareChanghe(dir, 1000);
        return dir;
    }

    public static string Stack(int size)
    {
        string dir = Path.Combine(Root, $"stack{size}");
        if (!File.Exists(Path.Combine(dir, "meta.json"))) Workloads.PrepareStack(dir, size, 17, 256);
        return dir;
    }

    public static string LocalCorrelation(int size)
    {
        string dir = Path.Combine(Root, $"lc{size}");
        if (!File.Exists(Path.Combine(dir, "lcorr.json"))) Workloads.PrepareLocalCorrelation(dir, size);
        return dir;
    }
}

/// <summary>Resilience composite streamed over 17 tiled DEFLATE GeoTIFFs (min/max pass, weighted sum, classes, two GeoTIFF outputs).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CompositeBenchmarks
{
    private string _dir = "", _out = "";

    [Params(1024)]
    public int Size { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() { _dir = BenchmarkInputs.Stack(Size); _out = Path.Combine(BenchmarkInputs.Root, "out"); }

    [Benchmark]
    public double StreamedComposite()
    {
        var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "meta.json"))).RootElement;
        var (weights, dirs) = Workloads.StackMeta(meta.GetProperty("count").GetInt32());
        var readers = Enumerable.Range(0, weights.Length).Select(j => GeoTiff.Open(Path.Combine(_dir, $"ind{j + 1:00}.tif"))).ToArray();
        try
        {
            Directory.CreateDirectory(_out);
            using var w = new GeoTiffWriter(Path.Combine(_out, "index.tif"), readers[0].Grid, PixelType.Float32, 1, double.NaN,
                new GeoTiffWriteOptions { Tiled = true, TileSize = 256 });
            var (ranges, _) = CompositeIndex.ComputeToSink(readers, dirs, weights, w, degreeOfParallelism: Threads);
            w.Complete();
            return ranges[0].Max;
        }
        finally { foreach (var r in readers) r.Dispose(); }
    }
}

/// <summary>Random forest, 500 trees on the 1,000 × 12 Changhe design with permutation importance.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RandomForestBenchmarks
{
    private DataFrame _df = null!;
    private RandomForestOptions _opt = null!;

    [GlobalSetup]
    public void Setup() => (_df, _opt) = Workloads.RandomForestInputs(BenchmarkInputs.Changhe(), 500);

    [Benchmark]
    public double Fit500TreesWithImportance() => RandomForestRegression.Fit(_df, "NPP", Workloads.Drivers, _opt).OobRSquared;
}

/// <summary>Ordinary kriging of the 117 soil points onto a grid with the kriging variance.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class KrigingBenchmarks
{
    private OrdinaryKriging _ok = null!;
    private RasterGrid _grid = null!;

    [Params(1000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => (_ok, _grid) = Workloads.KrigingInputs(BenchmarkInputs.Changhe(), Size);

    [Benchmark]
    public (Raster, Raster) PredictGridWithVariance() => _ok.PredictGrid(_grid);
}

/// <summary>Local Pearson correlation between two 4,000 × 4,000 rasters by running sums: the cost must not depend on the window.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LocalCorrelationBenchmarks
{
    private double[] _x = [], _y = [];
    private int _size;

    [Params(3, 31, 101)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y, _size) = Workloads.LocalCorrelationInputs(BenchmarkInputs.LocalCorrelation(4000));

    [Benchmark]
    public int RunningSums() => LocalCorrelation.Compute(_x, _y, _size, _size, Window).N[0];
}

/// <summary>CASA over the 72 Changhe months (monthly inputs are computed rasters) and the factorial RF contribution map.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ChangheBenchmarks
{
    private ChangheSample _s = null!;
    private DataFrame _samples = null!;
    private Dictionary<string, DriverCategory> _drivers = null!;
    private Dictionary<string, IRasterSource> _layers = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_s, var layers) = Workloads.ChangheLayers();
        _samples = PointSampler.Sample(layers, 1000, seed: 42);
        _drivers = Workloads.Drivers.ToDictionary(d => d, Workloads.ChangheCategory);
        _layers = Workloads.Drivers.ToDictionary(d => d, d => layers[d]);
    }

    [Benchmark]
    public CasaResult Casa72Months() => CasaModel.Run(new CasaInput(_s.LandCover, _s.Months));

    [Benchmark]
    public FactorialResult FactorialContributionMap() =>
        FactorialContributions.Run(_samples, "NPP", _drivers, _layers, new RandomForestOptions { Trees = 500, Seed = 1 });
}
