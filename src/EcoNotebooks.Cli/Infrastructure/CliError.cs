namespace EcoNotebooks.Cli.Infrastructure;

/// <summary>A user-facing error: printed as one line ("econb: MESSAGE") with exit code <see cref="ExitCode"/>, no stack trace.</summary>
public sealed class CliError(string message, int exitCode = 1) : Exception(message)
{
    /// <summary>Process exit code, ≥ 1.</summary>
    public int ExitCode { get; } = exitCode;
}
