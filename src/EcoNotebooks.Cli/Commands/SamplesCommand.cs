using System.CommandLine;
using EcoNotebooks.Cli.Infrastructure;

namespace EcoNotebooks.Cli.Commands;

/// <summary><c>econb samples NAME [--out DIR] [--seed N]</c>: regenerate a synthetic sample data set.</summary>
public sealed class SamplesCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var cmd = new Command("samples", "Regenerate the synthetic sample data sets (seeded, documented generators calibrated to the papers).");
        var sets = typeof(SamplesCommand).Assembly.GetTypes()
            .Where(t => typeof(ISampleSet).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ISampleSet)Activator.CreateInstance(t)!).OrderBy(s => s.Name, StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var outDir = new Option<string>("--out") { Description = $"Output folder (default {set.DefaultFolder}).", DefaultValueFactory = _ => set.DefaultFolder };
            var seed = new Option<int?>("--seed") { Description = "Random seed (default: the seed of the committed sample)." };
            var sub = new Command(set.Name, set.Description) { outDir, seed };
            sub.SetAction(pr =>
            {
                var folder = pr.GetValue(outDir)!;
                var files = set.Write(folder, pr.GetValue(seed), new SynchronousProgress(m => Console.Error.WriteLine($"  {set.Name}: {m}")));
                foreach (var f in files) Console.Out.WriteLine(f);
                return 0;
            });
            cmd.Subcommands.Add(sub);
        }
        return cmd;
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
