using System.Text.Json.Nodes;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Interactive;

/// <summary>
/// Every notebook runs unchanged through the real .NET Interactive kernel (dotnet-interactive 1.0.712001) in Jupyter:
/// `jupyter nbconvert --to notebook --execute`. This is the proof that the bootstrap cell, the FSharp.Core redirect
/// (TOOLCHAIN.md trap 1) and the chart formatters work outside our in-process host. Skips locally when Jupyter or the
/// kernel is missing; fails in CI, where environment/setup-jupyter.sh installs them.
/// </summary>
public class JupyterKernelTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_executes_in_jupyter_with_the_dotnet_interactive_kernel(string notebook)
    {
        var (jupyter, env) = RequireJupyterKernel();
        using var tmp = new TempDir();
        var src = Path.Combine(RepositoryPaths.Notebooks, notebook);
        var (code, stdout, stderr) = ExternalTools.Run(jupyter,
            ["nbconvert", "--to", "notebook", "--execute", src, "--output-dir", tmp.Path, "--ExecutePreprocessor.timeout=1200"],
            workingDirectory: RepositoryPaths.Notebooks, timeoutMs: 1_500_000, env: env);
        Assert.True(code == 0, $"jupyter nbconvert --execute {notebook} failed ({code}):\n{Tail(stderr)}\n{Tail(stdout)}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(tmp.Path, notebook)))!;
        var outputs = executed["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!).ToList();
        Assert.DoesNotContain(outputs, o => (string?)o["output_type"] == "error");
        string all = string.Concat(outputs.SelectMany(Strings));
        Assert.Contains("NotebookEnvironment", all);                 // Notebook.Setup() ran
        Assert.Contains("<td>Jupyter</td>", all);                    // … and saw the Jupyter host
        if (notebook == "00-getting-started.ipynb")
        {
            // Charts rendered inside the kernel that loads FSharp.Core 10.0 (trap 1): the Plotly.NET line chart is there.
            Assert.Equal(3, all.Split("econb-chart").Length - 1);
            Assert.Contains("\"type\":\"scatter\"", all);
            Assert.Contains("area_ha", all);
        }
    }

    /// <summary>jupyter on PATH, dotnet-interactive installed and the .NET (C#) kernel registered, or skip (fail in CI).</summary>
    internal static (string Jupyter, Dictionary<string, string> Env) RequireJupyterKernel()
    {
        const string hint = "run environment/setup-jupyter.sh";
        var jupyter = ExternalTools.Require("jupyter", "apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel; " + hint);
        string tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        var env = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") + Path.PathSeparator + tools };
        bool tool = File.Exists(Path.Combine(tools, "dotnet-interactive")) || File.Exists(Path.Combine(tools, "dotnet-interactive.exe")) || ExternalTools.Find("dotnet-interactive") is not null;
        string[] kernelDirs =
        [
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter", "kernels", ".net-csharp"),
            "/usr/local/share/jupyter/kernels/.net-csharp", "/usr/share/jupyter/kernels/.net-csharp",
        ];
        bool kernel = kernelDirs.Any(d => File.Exists(Path.Combine(d, "kernel.json")));
        if (!tool || !kernel)
        {
            string msg = !tool ? "dotnet-interactive 1.0.712001 is not installed" : "the Jupyter '.NET (C#)' kernel is not registered";
            if (ExternalTools.InCi) throw new InvalidOperationException($"CI must have {msg}: .ci/run calls environment/setup-jupyter.sh.");
            Skip.If(true, $"{msg} ({hint}). Skipping this Jupyter test locally.");
        }
        return (jupyter, env);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a => a.SelectMany(Strings),
        JsonObject o => o.SelectMany(kv => Strings(kv.Value)),
        _ => [],
    };

    private static string Tail(string s) => s.Length > 4000 ? s[^4000..] : s;
}
