using System.CommandLine;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Interactive.Runner;
using EcoNotebooks.IO;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb export NOTEBOOK --to cs|dib|ipynb [--out FILE]</c>: converts a notebook to a C# file-based app
/// (<c>dotnet run X.cs</c> writes the same figures to HTML) or between the .ipynb and .dib notebook formats
/// (outputs are not carried into .dib, which has none).
/// </summary>
public sealed class ExportCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var notebook = new Argument<string>("NOTEBOOK") { Description = "The notebook (.ipynb or .dib)." };
        var to = new Option<string>("--to") { Description = "Target: cs (file-based app), dib or ipynb.", Required = true };
        to.AcceptOnlyFromAmong("cs", "dib", "ipynb");
        var outFile = new Option<string?>("--out", "-o") { Description = "Output file; default: the notebook's name with the new extension, next to it." };
        var cmd = new Command("export", "Convert a notebook to a C# file-based app, or between .ipynb and .dib.") { notebook, to, outFile };
        cmd.SetAction(pr =>
        {
            var input = CommonOptions.ExistingFile(pr.GetValue(notebook), "notebook");
            string target = pr.GetValue(to)!;
            var output = pr.GetValue(outFile) ?? Path.ChangeExtension(input, "." + target);
            AtomicFile.EnsureNotSameFile(input, output);
            var doc = NotebookFile.Read(input);
            if (target == "cs")
            {
                var warnings = new List<string>();
                var text = NotebookExporter.ToFileApp(doc, input, output, warnings);
                foreach (var w in warnings) Console.Error.WriteLine($"econb: warning: {input}: {w}");
                AtomicFile.WriteAllText(output, text);
                Console.Out.WriteLine($"wrote {output}; run it with: dotnet run {output}");
            }
            else
            {
                foreach (var c in doc.Cells) if (target == "ipynb") { c.Outputs.Clear(); c.ExecutionCount = null; }
                NotebookFile.Write(doc, output);
                Console.Out.WriteLine($"wrote {output}");
            }
            return 0;
        });
        return cmd;
    }
}
