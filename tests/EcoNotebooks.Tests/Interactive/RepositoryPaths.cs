namespace EcoNotebooks.Tests.Interactive;

/// <summary>Paths in the source tree (the tests run from tests/EcoNotebooks.Tests/bin/…).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = EcoNotebooks.Interactive.Notebook.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No EcoNotebooks.sln above {AppContext.BaseDirectory}.");

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string[] AllNotebooks() =>
        Directory.GetFiles(Notebooks, "*.ipynb").Concat(Directory.GetFiles(Notebooks, "*.dib")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
}
