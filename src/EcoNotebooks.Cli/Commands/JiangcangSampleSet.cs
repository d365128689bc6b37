using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Samples.Jiangcang;

namespace EcoNotebooks.Cli.Commands;

/// <summary><c>econb samples jiangcang</c>.</summary>
public sealed class JiangcangSampleSet : ISampleSet
{
    /// <inheritdoc />
    public string Name => "jiangcang";
    /// <inheritdoc />
    public string Description => "Jiangcang plots, species, soil and August Sentinel-2 L2A scenes 2020–2024 (B04, B08, SCL; synthetic, calibrated to the paper).";
    /// <inheritdoc />
    public string DefaultFolder => "data-samples/jiangcang";
    /// <inheritdoc />
    public IReadOnlyList<string> Write(string folder, int? seed, IProgress<string>? progress) =>
        JiangcangSamples.WriteTo(folder, seed is int s ? new JiangcangSampleOptions { Seed = s } : null, progress);
}
