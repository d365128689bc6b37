using System.Reflection;
using System.Runtime.Loader;

namespace EcoNotebooks.Interactive;

/// <summary>
/// Works around the FSharp.Core clash in the dotnet-interactive kernel (VS Code Polyglot Notebooks and Jupyter's
/// ".NET (C#)" kernel, tool version 1.0.712001): the kernel has FSharp.Core 10.0.0.0 loaded, Plotly.NET 6.0.0 asks for
/// 10.1.0.0, and without help every chart call throws <see cref="FileNotFoundException"/>. The redirect answers any
/// request for FSharp.Core with the copy already loaded in the process (binary compatible for what Plotly.NET uses).
/// </summary>
/// <remarks>Must run before the first Plotly.NET call. Idempotent. Harmless in a host without the clash.</remarks>
public static class FSharpCoreRedirect
{
    private static int _installed;

    /// <summary>True once <see cref="Install"/> has run in this process.</summary>
    public static bool IsInstalled => Volatile.Read(ref _installed) == 1;

    /// <summary>Installs the redirect on the default load context and on <see cref="AppDomain.AssemblyResolve"/>.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (_, name) => Resolve(name);
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(new AssemblyName(args.Name));
    }

    private static Assembly? Resolve(AssemblyName name)
    {
        if (!string.Equals(name.Name, "FSharp.Core", StringComparison.Ordinal)) return null;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => string.Equals(a.GetName().Name, "FSharp.Core", StringComparison.Ordinal))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
    }
}
