using System.Diagnostics;
using System.Text.Json;
using EcoNotebooks.Bench;

// econb-bench: runs one named workload with given sizes and prints one JSON line
// {"workload": ..., "seconds": <elapsed of the measured part>, ...checks}. bench/compare.sh times peers the same way.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: econb-bench <workload> [--key value]...
          prepare-stack   --dir D --size N [--count 17] [--tile 256]     write N×N tiled DEFLATE float32 GeoTIFF indicators
          prepare-changhe --dir D [--rows 1000]                          Changhe RF design, 117 soil points, kriging model
          prepare-lcorr   --dir D --size N                               two N×N float32 rasters (raw) with a few NaN
          composite       --dir D [--out O]                              stream the 17-indicator composite + classes
          rf              --dir D [--trees 500]                          RF fit with permutation importance
          krige           --dir D --size N [--out O]                     OK of 117 points onto N×N with variance
          lcorr           --dir D --window W                             local Pearson r, p, n
          casa                                                           CASA over the 72 Changhe months
          factorial       [--trees 500] [--rows 1000]                    factorial RF contribution map (4 forests)
        """);
    return 0;
}
var opts = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"econb-bench: expected --key value, got '{args[i]}'");
        return 2;
    }
    opts[args[i][2..]] = args[++i];
}
try
{
    var sw = Stopwatch.StartNew();
    var result = Workloads.Run(args[0], opts);
    result["cpu_seconds"] = CpuWatch.LastCpuSeconds;
    result.TryAdd("workload", args[0]);
    result.TryAdd("total_seconds", sw.Elapsed.TotalSeconds);
    result["peak_working_set_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or IOException or KeyNotFoundException or FormatException)
{
    Console.Error.WriteLine($"econb-bench: {ex.Message}");
    return 1;
}
