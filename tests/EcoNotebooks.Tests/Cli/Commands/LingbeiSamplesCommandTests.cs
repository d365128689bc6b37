using EcoNotebooks.Samples.Lingbei;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Cli.Commands;

/// <summary><c>econb samples lingbei</c> writes the committed layers, the cached Landsat scenes and the README.</summary>
[Collection("cli")]
public sealed class LingbeiSamplesCommandTests
{
    [Fact]
    public void Samples_lingbei_writes_every_file()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = CliRunner.Run("samples", "lingbei", "--out", dir.Path);
        Assert.True(code == 0, stderr);
        var listed = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var f in LingbeiSamples.CommittedFileNames.Concat(LingbeiSamples.CachedFileNames))
        {
            Assert.True(File.Exists(dir.File(f)), f);
            Assert.Contains(listed, l => l.Replace('\\', '/').EndsWith(f));
        }
        Assert.StartsWith(LingbeiSamples.ReadmeTitle, File.ReadAllText(dir.File("README.md")));
        Assert.True(LingbeiSamples.IsSampleFolder(dir.Path));
        Assert.Equal(LingbeiSamples.ReadChecksums(RepoPaths.Of("data-samples", "lingbei")), LingbeiSamples.ReadChecksums(dir.Path));
    }

    [Fact]
    public void Samples_help_lists_lingbei()
    {
        var (code, stdout, _) = CliRunner.Run("samples", "--help");
        Assert.Equal(0, code);
        Assert.Contains("lingbei", stdout);
    }
}
