using System.CommandLine;
using System.Reflection;
using EcoNotebooks.Cli.Infrastructure;

namespace EcoNotebooks.Cli.Commands;

/// <summary><c>econb about</c>: version of econb and of the library, and where the project's documentation lives.</summary>
public sealed class AboutCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var cmd = new Command("about", "Print the econb and library versions.");
        cmd.SetAction(_ =>
        {
            var v = typeof(Rasters.Raster).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.Out.WriteLine($"econb {v} (EcoNotebooks library, .NET {Environment.Version})");
            return 0;
        });
        return cmd;
    }
}
