using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace EcoNotebooks.Interactive;

/// <summary>
/// The HTML formatters <see cref="Notebook.Setup"/> registers with .NET Interactive: <see cref="Raster"/> →
/// continuous map, <see cref="CategoricalRaster"/> → map with a class legend, <see cref="PlotlyFigure"/> and Plotly.NET
/// <c>GenericChart</c> → chart (plotly.js per <see cref="Figures.Mode"/>), <see cref="DataFrame"/> → paged table, and
/// every public record type of the EcoNotebooks library → property table.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>Registers all formatters (call through <see cref="Notebook.Setup"/>).</summary>
    public static void Register()
    {
        const string html = HtmlFormatter.MimeType;
        Formatter.Register<Raster>((r, w) => w.Write(Figures.ToHtml(RasterMap.Continuous(r))), html);
        Formatter.Register<CategoricalRaster>((r, w) => w.Write(Figures.ToHtml(r.ToFigure())), html);
        Formatter.Register<PlotlyFigure>((f, w) => w.Write(Figures.ToHtml(f)), html);
        Formatter.Register<GenericChart>((c, w) => w.Write(Figures.ToHtml(c)), html);
        Formatter.Register<DataFrame>((df, w) => w.Write(HtmlTables.DataFrame(df)), html);
        foreach (var t in typeof(Raster).Assembly.GetExportedTypes().Concat(typeof(Notebook).Assembly.GetExportedTypes()))
            if (!t.IsGenericTypeDefinition && HtmlTables.IsRecord(t) && t != typeof(PlotlyFigure))
                Formatter.Register(t, (o, w) => w.Write(HtmlTables.Record(o)), html);
    }
}
