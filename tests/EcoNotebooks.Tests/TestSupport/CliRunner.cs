using System.Text.Json;

namespace EcoNotebooks.Tests.TestSupport;

/// <summary>Tests that call econb in-process redirect Console, so they share this non-parallel collection.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;

/// <summary>Runs <c>econb</c> in-process and captures its output.</summary>
public static class CliRunner
{
    /// <summary>Runs econb with <paramref name="args"/>.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = EcoNotebooks.Cli.Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Runs econb, asserts exit code 0 and parses stdout as JSON.</summary>
    public static JsonElement RunJson(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.True(code == 0, $"econb {string.Join(' ', args)} exited {code}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }
}
