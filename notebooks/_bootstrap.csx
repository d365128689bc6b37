// EcoNotebooks notebook bootstrap (docs/NOTEBOOKS.md). The first code cell of every notebook is, unchanged:
//
//     #load "_bootstrap.csx"
//     #!csharp
//     using EcoNotebooks.Interactive;
//     Notebook.Setup()
//
// It works in VS Code Polyglot Notebooks, Jupyter's ".NET (C#)" kernel (dotnet-interactive 1.0.712001) and
// `econb reproduce`. This script runs first (#load paths resolve against the kernel's working directory, which all
// three hosts set to the notebook's folder). It
//   1. installs the FSharp.Core redirect (TOOLCHAIN.md trap 1) before anything touches Plotly.NET;
//   2. returns at once when the EcoNotebooks library is already in the process (econb reproduce hosts it; or the
//      cell ran before in this kernel);
//   3. otherwise finds the repository (the folder with EcoNotebooks.sln above the notebook), builds
//      src/EcoNotebooks.Interactive into artifacts/notebook-lib when that is missing or older than the sources
//      (first run ≈ 1 min, later runs skip it), and adds every assembly there that the kernel does not already
//      have to the C# kernel's references (a plain #r would add one DLL without its dependencies, trap 6).
// The `#!csharp` line splits the cell, so `using EcoNotebooks.Interactive;` compiles only after step 3.
using System.Diagnostics;
using System.IO;
using System.Runtime.Loader;

public static class EcoNotebooksBootstrap
{
    public static void Run()
    {
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "FSharp.Core" ? LoadedFSharpCore() : null;
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => new System.Reflection.AssemblyName(args.Name).Name == "FSharp.Core" ? LoadedFSharpCore() : null;
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "EcoNotebooks.Interactive")) return;

        string root = FindRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException($"EcoNotebooks bootstrap: no EcoNotebooks.sln at or above {Directory.GetCurrentDirectory()}. Open the notebook from the repository's notebooks/ folder.");
        string lib = Path.Combine(root, "artifacts", "notebook-lib");
        string dll = Path.Combine(lib, "EcoNotebooks.Interactive.dll");
        if (!File.Exists(dll) || NewestSource(root) > File.GetLastWriteTimeUtc(dll)) Build(root, lib);

        var kernelDir = AppContext.BaseDirectory;
        var loaded = new HashSet<string>(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? ""), StringComparer.OrdinalIgnoreCase);
        var refs = Directory.GetFiles(lib, "*.dll")
            .Where(p => !loaded.Contains(Path.GetFileNameWithoutExtension(p)) && !File.Exists(Path.Combine(kernelDir, Path.GetFileName(p))))
            .ToArray();
        var kernel = Microsoft.DotNet.Interactive.KernelInvocationContext.Current?.HandlingKernel as Microsoft.DotNet.Interactive.CSharp.CSharpKernel
            ?? (Microsoft.DotNet.Interactive.Kernel.Root as Microsoft.DotNet.Interactive.CompositeKernel)?.ChildKernels.OfType<Microsoft.DotNet.Interactive.CSharp.CSharpKernel>().FirstOrDefault()
            ?? throw new InvalidOperationException("EcoNotebooks bootstrap: run this cell in a C# kernel.");
        kernel.AddAssemblyReferences(refs);
    }

    static System.Reflection.Assembly LoadedFSharpCore() =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "FSharp.Core").OrderByDescending(a => a.GetName().Version).FirstOrDefault();

    static string FindRoot(string dir)
    {
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "EcoNotebooks.sln"))) return d.FullName;
        return null;
    }

    static DateTime NewestSource(string root)
    {
        var files = new[] { "src/EcoNotebooks", "src/EcoNotebooks.Interactive" }
            .SelectMany(s => Directory.EnumerateFiles(Path.Combine(root, s), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".csproj")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Concat(new[] { Path.Combine(root, "Directory.Packages.props"), Path.Combine(root, "Directory.Build.props") });
        return files.Where(File.Exists).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
    }

    static void Build(string root, string lib)
    {
        Console.WriteLine("EcoNotebooks: building the library for notebooks into artifacts/notebook-lib (first run takes about a minute) …");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var a in new[] { "build", Path.Combine(root, "src", "EcoNotebooks.Interactive", "EcoNotebooks.Interactive.csproj"), "-c", "Release", "-o", lib, "-nologo", "-v", "q", "-p:GenerateDocumentationFile=true" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"EcoNotebooks bootstrap: `dotnet build` of src/EcoNotebooks.Interactive failed (exit {p.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        File.SetLastWriteTimeUtc(Path.Combine(lib, "EcoNotebooks.Interactive.dll"), DateTime.UtcNow);
    }
}

EcoNotebooksBootstrap.Run();
