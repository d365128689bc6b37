using System.Diagnostics;

namespace EcoNotebooks.Pipelines;

/// <summary>
/// An <see cref="IProgress{T}"/> that writes each message at once, on the reporting thread, to a text writer (standard
/// output by default) prefixed with the elapsed time, e.g. <c>[00:12] CASA: 24/72 months</c>. Unlike
/// <see cref="Progress{T}"/> it does not post to a synchronisation context, so messages appear in order in notebook
/// cell output.
/// </summary>
public sealed class ConsoleProgress : IProgress<string>
{
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();

    /// <summary>Writes to <paramref name="writer"/>, or to <see cref="Console.Out"/> at the time of each report when null.</summary>
    public ConsoleProgress(TextWriter? writer = null) => _writer = writer;

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_gate) (_writer ?? Console.Out).WriteLine($"[{_clock.Elapsed:mm\\:ss}] {value}");
    }
}
