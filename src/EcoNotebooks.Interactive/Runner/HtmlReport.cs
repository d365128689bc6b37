using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcoNotebooks.IO;
using Markdig;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>A figure found in an executed notebook.</summary>
/// <param name="Anchor">HTML id of the chart element in the page.</param>
/// <param name="Caption">The nearest markdown heading above the figure (or "Figure n").</param>
/// <param name="Cell">1-based cell number in the executed notebook.</param>
/// <param name="Html">The chart fragment without plotly.js (for PNG rendering).</param>
public sealed record ReportFigure(string Anchor, string Caption, int Cell, string Html)
{
    /// <summary>PNG file name relative to the output folder, when rendered.</summary>
    public string? Png { get; init; }
}

/// <summary>One notebook in the index.</summary>
/// <param name="Notebook">Notebook file name.</param>
/// <param name="Page">HTML page relative to the output folder.</param>
/// <param name="Ipynb">Executed notebook relative to the output folder.</param>
/// <param name="Result">Run result.</param>
/// <param name="Figures">Figures on the page.</param>
public sealed record ReportEntry(string Notebook, string Page, string Ipynb, NotebookRunResult Result, IReadOnlyList<ReportFigure> Figures);

/// <summary>
/// Self-contained HTML pages of executed notebooks: markdown rendered with Markdig, code, outputs (HTML, tables,
/// text, errors) and charts, with plotly.js embedded once per page (so the page draws offline), plus an index page.
/// </summary>
public static partial class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex("<script[^>]*" + Figures.PlotlyJsMarker + "[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex PlotlyJsScript();

    [GeneratedRegex("<div id=\"(econb-[0-9a-f]{32})\" class=\"econb-chart\"></div>\\s*<script type=\"text/javascript\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex ChartFragment();

    [GeneratedRegex("^#{1,6}\\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
        pre{background:#f6f8fa;padding:.6em;overflow-x:auto;border-radius:4px;font-size:.9em}
        .cell{margin:1em 0}.code pre{border-left:3px solid #4a90d9}.label{color:#888;font-size:.8em}
        .output{margin:.3em 0 .3em 1em}.error pre{background:#fdecea;border-left:3px solid #d9534f}
        table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:.2em .5em;text-align:right}thead th{background:#f0f0f0}
        .status-ok{color:#2e7d32}.status-failed{color:#c62828}
        """;

    /// <summary>Writes the page of one executed notebook and returns its figures.</summary>
    public static IReadOnlyList<ReportFigure> WritePage(NotebookRunResult result, string htmlPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<ReportFigure>();
        var body = new StringBuilder();
        string title = Path.GetFileName(result.Path);
        string lastHeading = "";
        bool first = true;
        int cellNo = 0;
        foreach (var cell in result.Document.Cells)
        {
            cellNo++;
            if (cell.Kind == CellKind.Markdown)
            {
                var h = Heading().Match(cell.Source);
                if (h.Success) { lastHeading = h.Groups[1].Value.Trim(); if (first) title = lastHeading; first = false; }
                body.Append("<div class=\"cell markdown\">").Append(Markdown.ToHtml(cell.Source, Pipeline)).Append("</div>\n");
                continue;
            }
            if (cell.Kind == CellKind.Raw) continue;
            body.Append("<div class=\"cell code\"><div class=\"label\">In [").Append(cell.ExecutionCount?.ToString() ?? " ").Append(']');
            if (cell.Seconds is double s) body.Append($" · {s:F1} s");
            if (cell.Tags.Count > 0) body.Append(" · ").Append(Enc(string.Join(", ", cell.Tags)));
            body.Append("</div><pre><code>").Append(Enc(cell.Source)).Append("</code></pre>\n");
            foreach (var o in cell.Outputs)
            {
                switch (o.OutputType)
                {
                    case "stream":
                        body.Append("<div class=\"output\"><pre>").Append(Enc(o.Text ?? "")).Append("</pre></div>\n"); break;
                    case "error":
                        body.Append("<div class=\"output error\"><pre>").Append(Enc($"{o.EName}: {o.EValue}")).Append("</pre></div>\n"); break;
                    default:
                        body.Append("<div class=\"output\">").Append(RenderData(o.Data, cellNo, lastHeading, figures)).Append("</div>\n"); break;
                }
            }
            body.Append("</div>\n");
        }
        if (!result.Succeeded)
            body.Append("<div class=\"output error\"><pre>").Append(Enc("Run stopped: " + result.Describe())).Append("</pre></div>\n");

        var page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(Enc(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n");
        if (figures.Count > 0) page.Append(Figures.PlotlyScriptTag()).Append('\n');
        page.Append("</head><body>\n").Append(body).Append("</body></html>\n");
        AtomicFile.WriteAllText(htmlPath, page.ToString());
        return figures;
    }

    private static string RenderData(IReadOnlyDictionary<string, string> data, int cellNo, string heading, List<ReportFigure> figures)
    {
        if (data.TryGetValue("text/html", out var html))
        {
            html = PlotlyJsScript().Replace(html, "");
            foreach (Match m in ChartFragment().Matches(html))
                figures.Add(new ReportFigure(m.Groups[1].Value, heading.Length > 0 ? $"{heading} (figure {figures.Count + 1})" : $"Figure {figures.Count + 1}", cellNo, m.Value));
            return html;
        }
        if (data.TryGetValue("image/png", out var png)) return $"<img src=\"data:image/png;base64,{png.Trim()}\">";
        if (data.TryGetValue("image/svg+xml", out var svg)) return svg;
        if (data.TryGetValue("text/markdown", out var md)) return Markdown.ToHtml(md, Pipeline);
        if (data.TryGetValue("text/plain", out var text)) return "<pre>" + Enc(text) + "</pre>";
        return "";
    }

    /// <summary>Writes index.html listing every notebook (status, time) and its figures.</summary>
    public static void WriteIndex(string outDir, IReadOnlyList<ReportEntry> entries)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>EcoNotebooks reports</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>EcoNotebooks reports</h1>\n<p>Generated by <code>econb reproduce</code> on ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append(".</p>\n<ul>\n");
        foreach (var e in entries)
        {
            bool ok = e.Result.Succeeded;
            sb.Append("<li><a href=\"").Append(Url(e.Page)).Append("\">").Append(Enc(e.Notebook)).Append("</a> ")
              .Append(ok ? "<span class=\"status-ok\">ok</span>" : "<span class=\"status-failed\">failed</span>")
              .Append($" ({e.Result.Seconds:F1} s) · <a href=\"{Url(e.Ipynb)}\">executed notebook</a>");
            if (!ok) sb.Append("<br><code>").Append(Enc(e.Result.Describe())).Append("</code>");
            if (e.Figures.Count > 0)
            {
                sb.Append("\n<ul>");
                foreach (var f in e.Figures)
                {
                    sb.Append("<li><a href=\"").Append(Url(e.Page)).Append('#').Append(f.Anchor).Append("\">").Append(Enc(f.Caption)).Append("</a> (cell ").Append(f.Cell).Append(')');
                    if (f.Png is not null) sb.Append(" · <a href=\"").Append(Url(f.Png)).Append("\">PNG</a>");
                    sb.Append("</li>");
                }
                sb.Append("</ul>");
            }
            sb.Append("</li>\n");
        }
        sb.Append("</ul>\n</body></html>\n");
        AtomicFile.WriteAllText(Path.Combine(outDir, "index.html"), sb.ToString());
    }

    private static string Url(string relative) => string.Join('/', relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
