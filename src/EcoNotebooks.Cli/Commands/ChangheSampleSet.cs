using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Samples.Changhe;

namespace EcoNotebooks.Cli.Commands;

/// <summary><c>econb samples changhe</c>.</summary>
public sealed class ChangheSampleSet : ISampleSet
{
    /// <inheritdoc />
    public string Name => "changhe";
    /// <inheritdoc />
    public string Description => "Changhe basin soil samples, land cover, LD and DEM (synthetic; monthly rasters regenerate on use).";
    /// <inheritdoc />
    public string DefaultFolder => "data-samples/changhe";
    /// <inheritdoc />
    public IReadOnlyList<string> Write(string folder, int? seed, IProgress<string>? progress)
    {
        var sample = ChangheGenerator.Generate(seed is int s ? new ChangheSampleOptions { Seed = s } : null, progress);
        return ChangheSampleWriter.Write(sample, folder);
    }
}
