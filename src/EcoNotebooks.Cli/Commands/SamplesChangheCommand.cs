using System.CommandLine;
using System.Security.Cryptography;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Samples.Changhe;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb samples-changhe [--out data-samples/changhe] [--seed N] [--json]</c> (to be folded under <c>econb samples</c>
/// as <c>samples changhe</c>): generates the synthetic Changhe basin and writes its small parts (soil samples, mines and
/// hazard-indicator CSVs; land cover, LD and DEM GeoTIFFs; provenance README.md) with
/// <see cref="ChangheSampleWriter"/>. JSON keys, exactly: out (folder), seed, files (array of {name, bytes, sha256}),
/// checksums (object: land_cover, ld, ndvi_2015_07, soc_truth → SHA-256 of the float32 arrays).
/// </summary>
public sealed class SamplesChangheCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Output folder (created if needed).", DefaultValueFactory = _ => Path.Combine("data-samples", "changhe") };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => new ChangheSampleOptions().Seed };
        var json = CommonOptions.Json();
        var cmd = new Command("samples-changhe", "Generate the synthetic Changhe basin sample and write its git-committable files with a provenance README.") { outDir, seed, json };
        cmd.Hidden = true; // kept for its --json checksum output; `econb samples changhe` is the documented form
        cmd.SetAction(pr =>
        {
            string dir = pr.GetValue(outDir) ?? throw new CliError("--out needs a folder");
            if (File.Exists(dir)) throw new CliError($"--out '{dir}' is a file, not a folder");
            var sample = ChangheGenerator.Generate(new ChangheSampleOptions { Seed = pr.GetValue(seed) });
            var paths = ChangheSampleWriter.Write(sample, dir);
            var files = paths.Select(p => new Dictionary<string, object?>
            {
                ["name"] = Path.GetFileName(p),
                ["bytes"] = new FileInfo(p).Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p))),
            }).ToArray();
            var sums = ChangheSampleWriter.Checksums(sample);
            if (pr.GetValue(json))
            {
                JsonOutput.Write(new Dictionary<string, object?> { ["out"] = dir, ["seed"] = sample.Options.Seed, ["files"] = files, ["checksums"] = sums });
                return 0;
            }
            Console.Out.WriteLine($"Synthetic Changhe sample (seed {sample.Options.Seed}) written to {dir}:");
            foreach (var f in files) Console.Out.WriteLine($"  {f["name"],-24} {f["bytes"],10} bytes");
            Console.Out.WriteLine("Monthly rasters are not written; they are regenerated from the seed. Array checksums:");
            foreach (var (k, v) in sums) Console.Out.WriteLine($"  {k,-14} {v}");
            return 0;
        });
        return cmd;
    }
}
