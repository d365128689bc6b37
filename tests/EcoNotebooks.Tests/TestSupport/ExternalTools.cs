using System.Diagnostics;

namespace EcoNotebooks.Tests.TestSupport;

/// <summary>
/// Interop tests run real peers (gdalinfo, Rscript, jupyter, chromium). Locally they skip with a clear message when a
/// tool is missing; in CI (environment variable CI=true) a missing tool is a failure, because .ci/run installs them.
/// </summary>
public static class ExternalTools
{
    /// <summary>True when running under CI (CI=true).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Full path of an executable on PATH, or null.</summary>
    public static string? Find(string exe)
    {
        if (Path.IsPathRooted(exe)) return File.Exists(exe) ? exe : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var p = Path.Combine(dir, exe);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>Skips the test (or fails it in CI) when <paramref name="exe"/> is not installed; returns its path.</summary>
    public static string Require(string exe, string installHint)
    {
        var path = Find(exe);
        if (path is not null) return path;
        string msg = $"'{exe}' is not installed ({installHint}).";
        if (InCi) throw new InvalidOperationException("CI must have " + msg + " .ci/run installs it.");
        Skip.If(true, msg + " Skipping this interop test locally.");
        return "";
    }

    /// <summary>Runs a process and returns exit code, stdout and stderr. Throws on timeout.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, string? workingDirectory = null, int timeoutMs = 300_000, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { try { p.Kill(true); } catch { } throw new TimeoutException($"{exe} {string.Join(' ', args)} did not finish in {timeoutMs / 1000} s."); }
        return (p.ExitCode, so.Result, se.Result);
    }
}
