using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Permafrost.Samples;

namespace EcoNotebooks.Cli.Commands;

/// <summary><c>econb samples xining</c>: the synthetic Xining permafrost data (<see cref="XiningSampleWriter"/>, 30 years of forcing).</summary>
public sealed class XiningSampleSet : ISampleSet
{
    /// <inheritdoc />
    public string Name => "xining";
    /// <inheritdoc />
    public string Description => "Xining/Muli air temperature, soil profiles, DEM and digital-twin observations (synthetic, calibrated to the paper).";
    /// <inheritdoc />
    public string DefaultFolder => "data-samples/xining";
    /// <inheritdoc />
    public IReadOnlyList<string> Write(string folder, int? seed, IProgress<string>? progress)
    {
        var files = XiningSampleWriter.WriteAll(folder, seed ?? 42, 30);
        foreach (var f in files) progress?.Report($"{f.Name} ({f.Bytes} B)");
        return files.Select(f => Path.Combine(folder, f.Name)).ToList();
    }
}
