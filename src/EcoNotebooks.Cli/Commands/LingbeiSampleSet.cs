using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Samples.Lingbei;

namespace EcoNotebooks.Cli.Commands;

/// <summary><c>econb samples lingbei</c>.</summary>
public sealed class LingbeiSampleSet : ISampleSet
{
    /// <inheritdoc />
    public string Name => "lingbei";
    /// <inheritdoc />
    public string Description => "Lingbei rare-earth mining area 2000–2020: Landsat TM/OLI, DEM, land cover, rainfall, population, PM2.5, CO2 (synthetic, calibrated to the paper).";
    /// <inheritdoc />
    public string DefaultFolder => "data-samples/lingbei";
    /// <inheritdoc />
    public IReadOnlyList<string> Write(string folder, int? seed, IProgress<string>? progress) =>
        LingbeiSamples.WriteTo(folder, seed is int s ? new LingbeiSampleOptions { Seed = s } : null, progress);
}
