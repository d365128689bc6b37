namespace EcoNotebooks.Cli.Infrastructure;

/// <summary>
/// A synthetic sample data set that <c>econb samples NAME</c> can write. Every non-abstract implementation in this
/// assembly (public parameterless constructor) becomes a subcommand of <c>econb samples</c>.
/// </summary>
public interface ISampleSet
{
    /// <summary>Subcommand name, lower case (e.g. "jiangcang").</summary>
    string Name { get; }

    /// <summary>One-line description for --help.</summary>
    string Description { get; }

    /// <summary>Default output folder relative to the repository root (e.g. "data-samples/jiangcang").</summary>
    string DefaultFolder { get; }

    /// <summary>Writes the data set (and its README.md) into <paramref name="folder"/>, atomically file by file; returns the files written.</summary>
    IReadOnlyList<string> Write(string folder, int? seed, IProgress<string>? progress);
}
