namespace EcoNotebooks.Tests.TestSupport;

/// <summary>Locates files of the repository (the folder holding EcoNotebooks.sln) from the test output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "EcoNotebooks.sln"))) return d.FullName;
        throw new DirectoryNotFoundException($"EcoNotebooks.sln not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>Repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>Absolute path of a repository-relative path.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
