using System.CommandLine;
using System.Reflection;
using EcoNotebooks.Cli.Infrastructure;

namespace EcoNotebooks.Cli;

/// <summary>
/// Entry point of <c>econb</c>. Commands are discovered from the <see cref="ICliCommand"/> implementations in this
/// assembly. Errors print one line ("econb: …") on standard error and exit non-zero; <c>--verbose</c> adds the
/// stack trace.
/// </summary>
public static class Program
{
    /// <summary>Runs econb with <paramref name="args"/>; returns the exit code.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs econb with redirected output (used by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRootCommand();
        var parse = root.Parse(args);
        bool verbose = args.Contains("--verbose") || args.Contains("-v");
        var oldOut = Console.Out; var oldErr = Console.Error;
        try
        {
            if (!ReferenceEquals(stdout, oldOut)) Console.SetOut(stdout);
            if (!ReferenceEquals(stderr, oldErr)) Console.SetError(stderr);
            if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
            {
                var err = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
                stderr.WriteLine($"econb: {err.Message.ReplaceLineEndings(" ").Trim()} (see 'econb {string.Join(' ', parse.CommandResult.Command.Name == root.Name ? "" : CommandPath(parse))} --help')".Replace("  ", " "));
                return 2;
            }
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr };
            return parse.Invoke(config);
        }
        catch (Exception ex)
        {
            var e = Unwrap(ex);
            stderr.WriteLine($"econb: {OneLine(e)}");
            if (verbose) stderr.WriteLine(e.ToString());
            return e is CliError ce ? ce.ExitCode : 1;
        }
        finally
        {
            Console.SetOut(oldOut); Console.SetError(oldErr);
        }
    }

    /// <summary>The root command with every discovered subcommand.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("econb: reproduce and run ecological-restoration analyses of mining areas (EcoNotebooks).");
        root.Options.Add(CommonOptions.Verbose);
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Create())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var c in commands) root.Subcommands.Add(c);
        return root;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is TargetInvocationException or AggregateException { InnerExceptions.Count: 1 } && ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }

    private static string OneLine(Exception e)
    {
        string msg = e switch
        {
            CliError or EcoNotebooks.IO.FileFormatException or FileNotFoundException or ArgumentException or InvalidDataException or IOException
                or InvalidOperationException or NotSupportedException or UnauthorizedAccessException or FormatException => e.Message,
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return msg.ReplaceLineEndings(" ").Trim();
    }
}
