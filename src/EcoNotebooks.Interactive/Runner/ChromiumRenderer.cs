using System.Diagnostics;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>
/// Renders HTML to PNG (or dumps the DOM after scripts ran) with a locally installed headless Chromium, networking
/// off, so what it shows is what an offline reader sees. Looks for chromium, chromium-browser, google-chrome (PATH)
/// or the CHROMIUM environment variable. Debian: <c>apt-get install chromium</c>.
/// </summary>
public static class ChromiumRenderer
{
    /// <summary>Path of the browser, or null when none is installed.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(env) && File.Exists(env)) return env;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (dir.Length == 0) continue;
                var p = Path.Combine(dir, name);
                if (File.Exists(p)) return p;
            }
        return null;
    }

    /// <summary>The browser path, or an <see cref="InvalidOperationException"/> telling how to install one.</summary>
    public static string Require() => Find() ?? throw new InvalidOperationException(
        "--png needs a headless Chromium, and none was found (looked for chromium, chromium-browser, google-chrome on PATH and $CHROMIUM). On Debian/Ubuntu: sudo apt-get install chromium.");

    /// <summary>Screenshots <paramref name="htmlPath"/> into <paramref name="pngPath"/> at the given window size.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width = 1000, int height = 750, int timeoutMs = 120_000)
    {
        var full = Path.GetFullPath(pngPath);
        Run([$"--screenshot={full}", $"--window-size={width},{height}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri], timeoutMs);
        if (!File.Exists(full)) throw new InvalidOperationException($"Chromium did not write {full}.");
    }

    /// <summary>The DOM of <paramref name="htmlPath"/> after its scripts ran (for checks such as "the chart drew").</summary>
    public static string DumpDom(string htmlPath, int timeoutMs = 120_000) =>
        Run(["--dump-dom", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri], timeoutMs);

    private static string Run(IEnumerable<string> args, int timeoutMs)
    {
        var exe = Require();
        var profile = Path.Combine(Path.GetTempPath(), "econb-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=10000",
                         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}" })
                psi.ArgumentList.Add(a);
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
            var so = p.StandardOutput.ReadToEndAsync();
            var se = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeoutMs)) { try { p.Kill(true); } catch (InvalidOperationException) { } throw new TimeoutException($"Chromium did not finish in {timeoutMs / 1000} s."); }
            if (p.ExitCode != 0) throw new InvalidOperationException($"Chromium exited {p.ExitCode}: {se.Result.Trim()}");
            return so.Result;
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
