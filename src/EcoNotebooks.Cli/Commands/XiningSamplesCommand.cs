using System.CommandLine;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Permafrost.Samples;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb samples-xining [--out data-samples/xining] [--seed 42] [--years 30] [--json]</c>: writes the synthetic
/// Xining permafrost sample data (see <see cref="XiningSampleWriter"/>). JSON: {"out": folder, "seed": n, "years": n,
/// "files": [{"name", "bytes", "description"}]}. (To be folded under a future <c>samples</c> command.)
/// </summary>
public sealed class XiningSamplesCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("data-samples", "xining") };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var years = new Option<int>("--years") { Description = "Years of daily air temperature.", DefaultValueFactory = _ => 30 };
        var json = CommonOptions.Json();
        var cmd = new Command("samples-xining", "Write the synthetic Xining permafrost sample data (air temperature, soil profiles, DEM, digital-twin observations).") { output, seed, years, json };
        cmd.Hidden = true; // kept for its --years/--json options; `econb samples xining` is the documented form
        cmd.SetAction(pr =>
        {
            string folder = pr.GetValue(output) ?? throw new CliError("missing --out folder.");
            if (File.Exists(folder)) throw new CliError($"{folder}: is a file, expected a folder.");
            int y = pr.GetValue(years);
            if (y < 1 || y > 200) throw new CliError($"--years must be 1–200, got {y}.");
            int s = pr.GetValue(seed);
            var files = XiningSampleWriter.WriteAll(folder, s, y);
            if (pr.GetValue(json))
            {
                JsonOutput.Write(new Dictionary<string, object?>
                {
                    ["out"] = folder,
                    ["seed"] = s,
                    ["years"] = y,
                    ["files"] = files.Select(f => new Dictionary<string, object?> { ["name"] = f.Name, ["bytes"] = f.Bytes, ["description"] = f.Description }).ToList(),
                });
            }
            else
            {
                int w = files.Max(f => f.Name.Length);
                foreach (var f in files)
                    Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Name.PadRight(w)}  {f.Bytes,9} B  {f.Description}"));
                Console.Out.WriteLine($"Wrote {files.Count} files to {folder}");
            }
            return 0;
        });
        return cmd;
    }
}
