using System.Diagnostics;

namespace EcoNotebooks.Bench;

/// <summary>
/// Stopwatch that also measures the process CPU time (all threads) of the same interval. Reading
/// <see cref="Elapsed"/> records the CPU seconds in <see cref="LastCpuSeconds"/>, which the driver prints as
/// "cpu_seconds" next to the wall-clock "seconds" (CPU time is less disturbed by other load on a shared machine).
/// </summary>
public sealed class CpuWatch
{
    private readonly Stopwatch _wall = new();
    private TimeSpan _cpu0;

    public static double LastCpuSeconds { get; private set; } = double.NaN;

    public static CpuWatch StartNew() { var w = new CpuWatch(); w.Restart(); return w; }

    public void Restart() { _cpu0 = Process.GetCurrentProcess().TotalProcessorTime; _wall.Restart(); }

    public TimeSpan Elapsed
    {
        get
        {
            var e = _wall.Elapsed;
            LastCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - _cpu0).TotalSeconds;
            return e;
        }
    }
}
