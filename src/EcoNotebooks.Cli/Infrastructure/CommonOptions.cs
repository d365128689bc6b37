using System.CommandLine;

namespace EcoNotebooks.Cli.Infrastructure;

/// <summary>Options shared by several commands.</summary>
public static class CommonOptions
{
    /// <summary><c>--verbose</c>: print stack traces and extra diagnostics. Recursive: valid on every subcommand.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print stack traces on errors and extra diagnostics.",
        Recursive = true,
    };

    /// <summary>A new <c>--json</c> flag (each command adds its own instance).</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on standard output." };

    /// <summary>Throws a <see cref="CliError"/> naming the file when it does not exist.</summary>
    public static string ExistingFile(string? path, string what = "input file")
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CliError($"missing {what}.");
        if (Directory.Exists(path)) throw new CliError($"{path}: is a directory, expected a {what}.");
        if (!File.Exists(path)) throw new CliError($"{path}: file not found.");
        return path;
    }
}
