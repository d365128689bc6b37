using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Community;
using Spectre.Console;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb diversity FILE.csv [--json]</c>: per-plot richness, individuals, Shannon H', Gini–Simpson, Pielou J and
/// Margalef indices and the Sørensen similarity matrix of a plot × species table (first column = plot id).
/// JSON: <c>{"plots":[{"plot","richness","individuals","shannon","simpson","pielou","margalef"}],
/// "sorensen":{"labels":[...],"matrix":[[...]]}}</c>; undefined values are null.
/// </summary>
public sealed class DiversityCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV community table: first column plot id, other columns species counts (≥ 0)." };
        var json = CommonOptions.Json();
        var cmd = new Command("diversity", "Diversity indices per plot (vegan's diversity/specnumber) and Sørensen similarity between plots.") { file, json };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            var table = CommunityTable.Read(path);
            var indices = Diversity.Compute(table);
            var sor = Similarity.SorensenMatrix(table);
            int n = table.Plots.Count;
            var matrix = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => sor[i, j]).ToArray()).ToArray();
            var result = new DiversityOutput(
                indices.Select(d => new PlotOutput(d.Plot, d.Richness, d.Individuals, d.Shannon, d.Simpson, d.Pielou, d.Margalef)).ToArray(),
                new SorensenOutput(table.Plots.ToArray(), matrix));
            if (pr.GetValue(json)) { JsonOutput.Write(result); return 0; }
            var console = TextConsole();
            var t = new Table().AddColumns("plot", "richness", "individuals", "shannon", "simpson", "pielou", "margalef");
            foreach (var p in result.Plots)
                t.AddRow(Markup.Escape(p.Plot), p.Richness.ToString(CultureInfo.InvariantCulture), Num(p.Individuals), Num(p.Shannon), Num(p.Simpson), Num(p.Pielou), Num(p.Margalef));
            console.Write(t);
            console.WriteLine("Sørensen similarity (2C / (S1 + S2)):");
            var s = new Table().AddColumn("plot");
            foreach (var l in table.Plots) s.AddColumn(Markup.Escape(l));
            for (int i = 0; i < n; i++) s.AddRow([Markup.Escape(table.Plots[i]), .. matrix[i].Select(v => Num(v))]);
            console.Write(s);
            return 0;
        });
        return cmd;
    }

    internal static string Num(double? v) => v is double d && double.IsFinite(d) ? d.ToString("G6", CultureInfo.InvariantCulture) : "NA";

    internal static IAnsiConsole TextConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = 200;
        return console;
    }

    private sealed record DiversityOutput(
        [property: JsonPropertyName("plots")] PlotOutput[] Plots,
        [property: JsonPropertyName("sorensen")] SorensenOutput Sorensen);

    private sealed record PlotOutput(
        [property: JsonPropertyName("plot")] string Plot,
        [property: JsonPropertyName("richness")] int Richness,
        [property: JsonPropertyName("individuals")] double Individuals,
        [property: JsonPropertyName("shannon")] double Shannon,
        [property: JsonPropertyName("simpson")] double Simpson,
        [property: JsonPropertyName("pielou")] double? Pielou,
        [property: JsonPropertyName("margalef")] double? Margalef);

    private sealed record SorensenOutput(
        [property: JsonPropertyName("labels")] string[] Labels,
        [property: JsonPropertyName("matrix")] double?[][] Matrix);
}
