namespace EcoNotebooks.Tests.TestSupport;

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDir() { Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "econb-test-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(Path); }
    /// <summary>The folder.</summary>
    public string Path { get; }
    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);
    /// <inheritdoc />
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
