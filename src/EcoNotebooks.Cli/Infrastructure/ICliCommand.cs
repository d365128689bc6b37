using System.CommandLine;

namespace EcoNotebooks.Cli.Infrastructure;

/// <summary>
/// A top-level <c>econb</c> command. Every non-abstract class implementing this interface in this assembly is found
/// by <see cref="Program"/> and added to the root command, so adding a command means adding one file.
/// Implementations need a public parameterless constructor.
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the command (with its subcommands, options and action).</summary>
    Command Create();
}
