using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EcoNotebooks.Classification;
using EcoNotebooks.Drivers;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Learning;
using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Changhe;
using EcoNotebooks.Spatial;
using EcoNotebooks.Tables;
using EcoNotebooks.Weighting;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Bench;

/// <summary>
/// The benchmark workloads shared by the console driver (bench/compare.sh) and the BenchmarkDotNet project.
/// Each Prepare* writes inputs that the peer scripts (bench/peers) read too, so both sides compute on the same data.
/// </summary>
public static class Workloads
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Dispatches a workload by name; returns the JSON fields (at least "seconds").</summary>
    public static Dictionary<string, object?> Run(string name, IReadOnlyDictionary<string, string> o) => name switch
    {
        "prepare-stack" => PrepareStack(Req(o, "dir"), Int(o, "size", 10_000), Int(o, "count", 17), Int(o, "tile", 256)),
        "prepare-changhe" => PrepareChanghe(Req(o, "dir"), Int(o, "rows", 1000)),
        "prepare-lcorr" => PrepareLocalCorrelation(Req(o, "dir"), Int(o, "size", 4000)),
        "composite" => Composite(Req(o, "dir"), o.GetValueOrDefault("out") ?? Req(o, "dir")),
        "rf" => RandomForest(Req(o, "dir"), Int(o, "trees", 500)),
        "krige" => Krige(Req(o, "dir"), Int(o, "size", 1000), o.GetValueOrDefault("out")),
        "lcorr" => LocalCorrelationRun(Req(o, "dir"), Int(o, "window", 31)),
        "casa" => Casa(),
        "read-stack" => ReadStack(Req(o, "dir")),
        "factorial" => Factorial(Int(o, "trees", 500), Int(o, "rows", 1000)),
        "permafrost" => PermafrostWorkloads.Column(Int(o, "years", 100), Int(o, "reps", 3)),
        "enkf" => PermafrostWorkloads.EnKF(Int(o, "members", 100), Int(o, "years", 5)),
        _ => throw new ArgumentException($"Unknown workload '{name}' (see --help)."),
    };

    private static string Req(IReadOnlyDictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) ? v : throw new ArgumentException($"Missing --{key}.");

    private static int Int(IReadOnlyDictionary<string, string> o, string key, int dflt) =>
        o.TryGetValue(key, out var v) ? int.Parse(v, Inv) : dflt;

    // ---------------------------------------------------------------- 1. composite over a tiled GeoTIFF stack

    /// <summary>Indicator j at pixel (c, r): smooth fields plus hashed noise; about one pixel in 5,000 is nodata (−9999).</summary>
    public static double IndicatorValue(int j, int c, int r, int size)
    {
        double u = (double)c / size, v = (double)r / size;
        uint h = unchecked((uint)(c * 73856093) ^ (uint)(r * 19349663) ^ (uint)((j + 1) * 83492791));
        h ^= h >> 13; h = unchecked(h * 0x5bd1e995); h ^= h >> 15;
        if (h % 5000 == 17) return -9999;
        double noise = (h & 0xffff) / 65536.0 - 0.5;
        return 10 * (j + 1) + 5 * Math.Sin(6.283 * (j + 1) * u) * Math.Cos(3.1 * v + j) + 2 * u * v + noise;
    }

    /// <summary>Fixed weights (sum 1) and directions of the 17 indicators, as written to meta.json.</summary>
    public static (double[] Weights, IndicatorDirection[] Directions) StackMeta(int count)
    {
        var raw = Enumerable.Range(0, count).Select(j => 1.0 + (j * 7 % 5)).ToArray();
        double s = raw.Sum();
        return (raw.Select(x => x / s).ToArray(),
            Enumerable.Range(0, count).Select(j => j % 3 == 2 ? IndicatorDirection.Negative : IndicatorDirection.Positive).ToArray());
    }

    public static Dictionary<string, object?> PrepareStack(string dir, int size, int count, int tile)
    {
        Directory.CreateDirectory(dir);
        var sw = CpuWatch.StartNew();
        var grid = RasterGrid.NorthUp(size, size, 500_000, 4_000_000, 30, SpatialReference.Utm(49));
        var opt = new GeoTiffWriteOptions { Tiled = true, TileSize = tile, Compression = GeoTiffCompression.Deflate };
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var src = new ComputedRaster(grid, (c, r) => IndicatorValue(j, c, r, size), PixelType.Float32, -9999);
            GeoTiff.Write(src, Path.Combine(dir, $"ind{j + 1:00}.tif"), opt);
        });
        var (w, d) = StackMeta(count);
        File.WriteAllText(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new
        {
            size, count, tile,
            weights = w,
            directions = d.Select(x => x == IndicatorDirection.Positive ? "positive" : "negative").ToArray(),
            breaks = new[] { 0.38, 0.41, 0.63, 0.73 },
        }));
        long bytes = Enumerable.Range(0, count).Sum(j => new FileInfo(Path.Combine(dir, $"ind{j + 1:00}.tif")).Length);
        return new() { ["seconds"] = sw.Elapsed.TotalSeconds, ["size"] = size, ["count"] = count, ["bytes_on_disk"] = bytes };
    }

    /// <summary>
    /// Normalise each indicator by its direction (min–max over the whole raster: one streamed pass), weighted sum,
    /// classify with the Lingbei resilience breaks: everything streamed tile row by tile row, outputs written as tiled
    /// DEFLATE GeoTIFFs (float32 index, uint8 classes with nodata 0).
    /// </summary>
    public static Dictionary<string, object?> Composite(string dir, string outDir)
    {
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "meta.json"))).RootElement;
        int count = meta.GetProperty("count").GetInt32();
        var weights = meta.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var dirs = meta.GetProperty("directions").EnumerateArray().Select(e => e.GetString() == "positive" ? IndicatorDirection.Positive : IndicatorDirection.Negative).ToArray();
        Directory.CreateDirectory(outDir);
        var sw = CpuWatch.StartNew();
        var readers = Enumerable.Range(0, count).Select(j => GeoTiff.Open(Path.Combine(dir, $"ind{j + 1:00}.tif"))).ToArray();
        try
        {
            var grid = readers[0].Grid;
            // As the numpy peer's GDAL creation options: TILED=YES, COMPRESS=DEFLATE (ZLEVEL 6, no PREDICTOR).
            var opt = new GeoTiffWriteOptions
            {
                Tiled = true, TileSize = readers[0].BlockSize.Width, Compression = GeoTiffCompression.Deflate,
                Predictor = GeoTiffPredictor.None, DeflateLevel = 6,
            };
            using var index = new GeoTiffWriter(Path.Combine(outDir, "resilience_index.tif"), grid, PixelType.Float32, 1, double.NaN, opt);
            using var classes = new GeoTiffWriter(Path.Combine(outDir, "resilience_class.tif"), grid, PixelType.UInt8, 1, 0, opt);
            var sink = new ClassifyingSink(index, classes, ClassScheme.LingbeiResilience);
            var (ranges, constant) = CompositeIndex.ComputeToSink(readers, dirs, weights, sink, degreeOfParallelism: Environment.ProcessorCount);
            index.Complete();
            classes.Complete();
            double seconds = sw.Elapsed.TotalSeconds;
            return new()
            {
                ["seconds"] = seconds, ["pixels"] = grid.PixelCount, ["mpix_per_s"] = grid.PixelCount / 1e6 / seconds,
                ["valid"] = sink.Valid, ["mean_index"] = sink.Sum / sink.Valid, ["class_counts"] = sink.Counts,
                ["constant_indicators"] = constant.Length, ["threads"] = Environment.ProcessorCount, ["min0"] = ranges[0].Min, ["max0"] = ranges[0].Max,
            };
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
    }

    /// <summary>Diagnostic: one streamed statistics pass over every indicator (decode cost alone).</summary>
    public static Dictionary<string, object?> ReadStack(string dir)
    {
        var sw = CpuWatch.StartNew();
        var files = Directory.GetFiles(dir, "ind*.tif").Order().ToArray();
        double s = 0;
        foreach (var f in files) { using var r = GeoTiff.Open(f); s += RasterStatistics.Compute(r).Mean; }
        return new() { ["seconds"] = sw.Elapsed.TotalSeconds, ["files"] = files.Length, ["sum_means"] = s };
    }

    /// <summary>Sink that writes the index as float32 and its class codes (1…k, 0 = missing) in the same pass.</summary>
    private sealed class ClassifyingSink(GeoTiffWriter index, GeoTiffWriter classes, ClassScheme scheme) : IRasterSink
    {
        private double[] _codes = [];
        // Left-closed breaks with infinite outer breaks: class = number of inner breaks ≤ x (x not NaN), as scheme.Classify.
        private readonly double[]? _inner = scheme.Closure == IntervalClosure.Left && double.IsNegativeInfinity(scheme.Breaks[0]) && double.IsPositiveInfinity(scheme.Breaks[^1])
            ? scheme.Breaks.Skip(1).Take(scheme.Breaks.Count - 2).ToArray() : null;
        public long Valid { get; private set; }
        public double Sum { get; private set; }
        public long[] Counts { get; } = new long[scheme.ClassCount + 1];
        public RasterGrid Grid => index.Grid;
        public int BandCount => 1;
        public PixelType PixelType => PixelType.Float32;

        public void WriteWindow(int band, RasterWindow window, ReadOnlySpan<double> source)
        {
            index.WriteWindow(0, window, source);
            if (_codes.Length < source.Length) _codes = new double[source.Length];
            var codes = _codes.AsSpan(0, source.Length);
            long valid = 0;
            double sum = Sum;
            for (int i = 0; i < source.Length; i++)
            {
                double v = source[i];
                int k;
                if (_inner is not null)
                {
                    if (double.IsNaN(v)) k = 0;
                    else
                    {
                        k = 1;
                        foreach (double b in _inner) k += b <= v ? 1 : 0;
                    }
                }
                else k = scheme.Classify(v) + 1;
                codes[i] = k;
                Counts[k]++;
                if (k > 0) { valid++; sum += v; }
            }
            Valid += valid;
            Sum = sum;
            classes.WriteWindow(0, window, codes);
        }
    }

    // ---------------------------------------------------------------- Changhe inputs (RF design, soil points)

    public static readonly string[] Drivers = [.. ChangheGenerator.DriverCodes];

    /// <summary>The Changhe sample, its CASA mean NPP and the 12 driver layers (name → raster), NPP included.</summary>
    public static (ChangheSample Sample, Dictionary<string, IRasterSource> Layers) ChangheLayers()
    {
        var s = ChangheGenerator.Generate();
        var npp = CasaModel.Run(new CasaInput(s.LandCover, s.Months)).MeanAnnualNpp();
        var layers = new Dictionary<string, IRasterSource> { ["NPP"] = npp };
        foreach (var code in Drivers)
            layers[code] = code == "LD" ? s.LandDegradation : s.Climate.TryGetValue(code, out var c) ? c : s.SoilTruth[code];
        return (s, layers);
    }

    public static Dictionary<string, object?> PrepareChanghe(string dir, int rows)
    {
        Directory.CreateDirectory(dir);
        var sw = CpuWatch.StartNew();
        var (s, layers) = ChangheLayers();
        var df = PointSampler.Sample(layers, rows, seed: 42);
        CsvTable.Write(df, Path.Combine(dir, "rf_design.csv"));
        // Kriging: SOC at the 117 soil points with a spherical model sized from the data (fixed, so both sides use it).
        var x = CsvTable.NumericColumn(s.SoilSamples, "x"); var y = CsvTable.NumericColumn(s.SoilSamples, "y");
        var z = CsvTable.NumericColumn(s.SoilSamples, "SOC");
        double mean = z.Average(), var = z.Sum(v => (v - mean) * (v - mean)) / (z.Length - 1);
        using (var w = new StreamWriter(Path.Combine(dir, "soil_points.csv")))
        {
            w.WriteLine("x,y,z");
            for (int i = 0; i < x.Length; i++) w.WriteLine(string.Create(Inv, $"{x[i]:R},{y[i]:R},{z[i]:R}"));
        }
        var (minX, _, _, maxY) = s.Grid.Extent;
        File.WriteAllText(Path.Combine(dir, "krige_model.json"), JsonSerializer.Serialize(new
        {
            model = "Sph", psill = Math.Round(0.8 * var, 6), range = 3000.0, nugget = Math.Round(0.2 * var, 6),
            origin_x = minX, origin_y = maxY, extent = s.Grid.Width * s.Grid.Transform.PixelWidth,
        }));
        return new() { ["seconds"] = sw.Elapsed.TotalSeconds, ["rows"] = df.Rows.Count, ["points"] = x.Length };
    }

    // ---------------------------------------------------------------- 2. random forest

    public static (DataFrame Design, RandomForestOptions Options) RandomForestInputs(string dir, int trees) =>
        (CsvTable.Read(Path.Combine(dir, "rf_design.csv")), new RandomForestOptions { Trees = trees, Seed = 1, ComputeImportance = true });

    public static Dictionary<string, object?> RandomForest(string dir, int trees)
    {
        var (df, opt) = RandomForestInputs(dir, trees);
        var sw = CpuWatch.StartNew();
        var rf = RandomForestRegression.Fit(df, "NPP", Drivers, opt);
        double seconds = sw.Elapsed.TotalSeconds;
        return new()
        {
            ["seconds"] = seconds, ["rows"] = df.Rows.Count, ["trees"] = trees, ["mtry"] = rf.Mtry, ["threads"] = Environment.ProcessorCount,
            ["oob_r2"] = rf.OobRSquared, ["oob_mse"] = rf.OobMse,
            ["top_importance"] = rf.Importance.OrderByDescending(i => i.IncMse).First().Feature,
        };
    }

    // ---------------------------------------------------------------- 3. ordinary kriging

    public static (OrdinaryKriging Kriging, RasterGrid Grid) KrigingInputs(string dir, int size)
    {
        var m = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "krige_model.json"))).RootElement;
        var pts = CsvTable.Read(Path.Combine(dir, "soil_points.csv"));
        var model = new VariogramModel(VariogramModelType.Spherical, m.GetProperty("psill").GetDouble(), m.GetProperty("range").GetDouble(), m.GetProperty("nugget").GetDouble());
        var ok = new OrdinaryKriging(CsvTable.NumericColumn(pts, "x"), CsvTable.NumericColumn(pts, "y"), CsvTable.NumericColumn(pts, "z"), model);
        var grid = RasterGrid.NorthUp(size, size, m.GetProperty("origin_x").GetDouble(), m.GetProperty("origin_y").GetDouble(),
            m.GetProperty("extent").GetDouble() / size, SpatialReference.Utm(49));
        return (ok, grid);
    }

    public static Dictionary<string, object?> Krige(string dir, int size, string? outPrefix)
    {
        var sw = CpuWatch.StartNew();
        var (ok, grid) = KrigingInputs(dir, size);
        var (pred, variance) = ok.PredictGrid(grid);
        double seconds = sw.Elapsed.TotalSeconds;
        var p = pred.Band(0).ToDoubleArray();
        var v = variance.Band(0).ToDoubleArray();
        if (outPrefix is not null)
        {
            WriteDoubles(outPrefix + ".pred.f64", p);
            WriteDoubles(outPrefix + ".var.f64", v);
        }
        return new() { ["seconds"] = seconds, ["size"] = size, ["points"] = ok.PointCount, ["mean_pred"] = p.Average(), ["mean_var"] = v.Average() };
    }

    private static void WriteDoubles(string path, double[] values)
    {
        using var f = File.Create(path);
        f.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    // ---------------------------------------------------------------- 4. local correlation

    public static Dictionary<string, object?> PrepareLocalCorrelation(string dir, int size)
    {
        Directory.CreateDirectory(dir);
        var sw = CpuWatch.StartNew();
        var x = new float[(long)size * size];
        var y = new float[(long)size * size];
        Parallel.For(0, size, r =>
        {
            for (int c = 0; c < size; c++)
            {
                long i = (long)r * size + c;
                double a = IndicatorValue(0, c, r, size), b = IndicatorValue(1, c, r, size);
                bool gap = a == -9999 || b == -9999;
                x[i] = gap ? float.NaN : (float)a;
                y[i] = gap ? float.NaN : (float)(0.3 * a + Math.Sin(c * 0.01) * b);
            }
        });
        using (var f = File.Create(Path.Combine(dir, "x.f32"))) f.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.AsSpan()));
        using (var f = File.Create(Path.Combine(dir, "y.f32"))) f.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(y.AsSpan()));
        File.WriteAllText(Path.Combine(dir, "lcorr.json"), JsonSerializer.Serialize(new { size }));
        return new() { ["seconds"] = sw.Elapsed.TotalSeconds, ["size"] = size };
    }

    public static (double[] X, double[] Y, int Size) LocalCorrelationInputs(string dir)
    {
        int size = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "lcorr.json"))).RootElement.GetProperty("size").GetInt32();
        double[] Load(string name)
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, name));
            var f = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes);
            var d = new double[f.Length];
            for (int i = 0; i < d.Length; i++) d[i] = f[i];
            return d;
        }
        return (Load("x.f32"), Load("y.f32"), size);
    }

    public static Dictionary<string, object?> LocalCorrelationRun(string dir, int window)
    {
        var (x, y, size) = LocalCorrelationInputs(dir);
        var sw = CpuWatch.StartNew();
        var (r, p, n) = LocalCorrelation.Compute(x, y, size, size, window);
        double seconds = sw.Elapsed.TotalSeconds;
        long valid = 0; double sr = 0; long sig = 0;
        for (int i = 0; i < r.Length; i++)
            if (!double.IsNaN(r[i])) { valid++; sr += r[i]; if (p[i] < 0.05) sig++; }
        return new() { ["seconds"] = seconds, ["size"] = size, ["window"] = window, ["valid"] = valid, ["mean_r"] = sr / valid, ["significant"] = sig, ["n_centre"] = n[n.Length / 2 + size / 2] };
    }

    // ---------------------------------------------------------------- 5. CASA and factorial contributions

    public static Dictionary<string, object?> Casa()
    {
        var sw = CpuWatch.StartNew();
        var s = ChangheGenerator.Generate();
        double setup = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var res = CasaModel.Run(new CasaInput(s.LandCover, s.Months));
        double seconds = sw.Elapsed.TotalSeconds;
        var st = RasterStatistics.Compute(res.MeanAnnualNpp());
        return new()
        {
            ["seconds"] = seconds, ["setup_seconds"] = setup, ["months"] = s.Months.Count, ["pixels"] = s.Grid.PixelCount,
            ["pixel_months_per_s"] = s.Grid.PixelCount * (double)s.Months.Count / seconds, ["mean_npp"] = st.Mean,
        };
    }

    public static Dictionary<string, object?> Factorial(int trees, int rows)
    {
        var sw = CpuWatch.StartNew();
        var (_, layers) = ChangheLayers();
        var samples = PointSampler.Sample(layers, rows, seed: 42);
        var drivers = Drivers.ToDictionary(d => d, ChangheCategory);
        var driverLayers = Drivers.ToDictionary(d => d, d => layers[d]);
        double setup = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var res = FactorialContributions.Run(samples, "NPP", drivers, driverLayers, new RandomForestOptions { Trees = trees, Seed = 1 });
        double seconds = sw.Elapsed.TotalSeconds;
        return new()
        {
            ["seconds"] = seconds, ["setup_seconds"] = setup, ["trees"] = trees, ["rows"] = rows, ["pixels"] = layers["NPP"].Grid.PixelCount,
            ["relcon_climate"] = res.MeanRelativeContribution[DriverCategory.Climate],
            ["relcon_soil"] = res.MeanRelativeContribution[DriverCategory.Soil],
            ["relcon_mining"] = res.MeanRelativeContribution[DriverCategory.Mining],
        };
    }

    public static DriverCategory ChangheCategory(string code) => ChangheGenerator.CategoryOf(code) switch
    {
        var c when c.StartsWith("Clim", StringComparison.OrdinalIgnoreCase) => DriverCategory.Climate,
        var c when c.StartsWith("Soil", StringComparison.OrdinalIgnoreCase) => DriverCategory.Soil,
        _ => DriverCategory.Mining,
    };
}
