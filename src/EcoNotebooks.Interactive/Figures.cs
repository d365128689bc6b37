using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using EcoNotebooks.IO;
using Newtonsoft.Json;
using Plotly.NET;

namespace EcoNotebooks.Interactive;

/// <summary>
/// Turns charts into HTML that draws with or without network. Plotly.NET's own notebook formatter loads plotly.js from a
/// CDN through requirejs, so offline the chart stays blank (TOOLCHAIN.md trap 2). Here the mode is explicit:
/// <see cref="PlotlyMode.Embedded"/> puts plotly.js into the first chart output of a session (and once into every saved
/// page), <see cref="PlotlyMode.Cdn"/> loads it from cdn.plot.ly. Python equivalent: plotly's <c>include_plotlyjs</c>.
/// </summary>
public static class Figures
{
    private static readonly Lazy<string> PlotlyJsSource = new(LoadPlotlyJs);
    private static PlotlyMode? _mode;
    private static int _emittedInSession;

    /// <summary>Marker attribute on the script element that carries plotly.js; report writers use it to keep one copy per page.</summary>
    public const string PlotlyJsMarker = "data-econb-plotlyjs";

    /// <summary>The plotly.js version bundled with Plotly.NET (2.28.0 for Plotly.NET 6.0.0).</summary>
    public static string PlotlyJsVersion => Globals.PLOTLYJS_VERSION;

    /// <summary>The CDN address of <see cref="PlotlyJsVersion"/>.</summary>
    public static string PlotlyCdnUrl => $"https://cdn.plot.ly/plotly-{PlotlyJsVersion}.min.js";

    /// <summary>The minified plotly.js source (≈3.6 MB) from Plotly.NET's resources; no network needed.</summary>
    public static string PlotlyJs => PlotlyJsSource.Value;

    /// <summary>
    /// Current mode. Unless set, it is <see cref="PlotlyMode.Embedded"/> when the environment variable ECONB_PLOTLY is
    /// "embedded", under <c>econb reproduce</c>, or when cdn.plot.ly cannot be reached within 1.5 s; otherwise
    /// <see cref="PlotlyMode.Cdn"/>.
    /// </summary>
    public static PlotlyMode Mode
    {
        get => _mode ??= DetectMode();
        set => _mode = value;
    }

    /// <summary>Switches to embedded plotly.js (charts draw offline). Call it in a notebook before showing charts.</summary>
    public static void UseOfflinePlotly() { Mode = PlotlyMode.Embedded; ResetSession(); }

    /// <summary>Switches to loading plotly.js from cdn.plot.ly (small outputs, needs network).</summary>
    public static void UseCdnPlotly() => Mode = PlotlyMode.Cdn;

    /// <summary>Forgets that plotly.js was already emitted, so the next embedded chart output carries it again (used per notebook by the runner).</summary>
    public static void ResetSession() => Interlocked.Exchange(ref _emittedInSession, 0);

    /// <summary>The script element that defines <c>window.Plotly</c> (plotly.js inline, shielded from requirejs so classic Jupyter works too).</summary>
    public static string PlotlyScriptTag() =>
        $"<script type=\"text/javascript\" {PlotlyJsMarker}=\"{PlotlyJsVersion}\">if(!window.Plotly){{(function(define,module,exports){{\n{PlotlyJs}\n}}).call(window);}}</script>";

    /// <summary>HTML fragment for a Plotly.NET chart (see <see cref="ToHtml(PlotlyFigure)"/>).</summary>
    public static string ToHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string data = JsonConvert.SerializeObject(GenericChart.getTraces(chart), Globals.JSON_CONFIG);
        string layout = JsonConvert.SerializeObject(GenericChart.getLayout(chart), Globals.JSON_CONFIG);
        string config = JsonConvert.SerializeObject(GenericChart.getConfig(chart), Globals.JSON_CONFIG);
        return Fragment(data, layout, config, includePlotly: ClaimPlotlyEmission());
    }

    /// <summary>
    /// HTML fragment (a div and a script) that draws <paramref name="figure"/>. In <see cref="PlotlyMode.Embedded"/>
    /// the first fragment of a session also carries plotly.js; later fragments reuse <c>window.Plotly</c>.
    /// </summary>
    public static string ToHtml(PlotlyFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Fragment(figure.Data.ToJsonString(), figure.Layout.ToJsonString(), figure.Config.ToJsonString(), includePlotly: ClaimPlotlyEmission());
    }

    /// <summary>A div and script drawing the given plotly.js JSON parts; plotly.js included only when <paramref name="includePlotly"/>.</summary>
    public static string Fragment(string dataJson, string layoutJson, string configJson, bool includePlotly)
    {
        string id = "econb-" + Guid.NewGuid().ToString("N");
        var sb = new StringBuilder();
        if (includePlotly) sb.Append(PlotlyScriptTag()).Append('\n');
        sb.Append($"<div id=\"{id}\" class=\"econb-chart\"></div>\n<script type=\"text/javascript\">(function(){{");
        sb.Append($"var el=document.getElementById('{id}');");
        sb.Append($"function draw(P){{P.newPlot(el,{dataJson},{layoutJson},{configJson});}}");
        sb.Append("if(window.Plotly){draw(window.Plotly);return;}");
        sb.Append($"var url='{PlotlyCdnUrl}';");
        sb.Append("if(typeof require==='function'&&typeof define==='function'&&define.amd){require.config({paths:{econbplotly:url.replace(/\\.js$/,'')}});require(['econbplotly'],function(P){window.Plotly=P;draw(P);});return;}");
        sb.Append("var s=document.createElement('script');s.src=url;s.onload=function(){draw(window.Plotly);};");
        sb.Append("s.onerror=function(){el.textContent='plotly.js could not be loaded from '+url+' (offline?). Run Figures.UseOfflinePlotly() and show the chart again.';};");
        sb.Append("document.head.appendChild(s);})();</script>");
        return sb.ToString();
    }

    /// <summary>Writes a self-contained HTML page with one chart (plotly.js embedded unless the mode is <see cref="PlotlyMode.Cdn"/>), atomically.</summary>
    public static void SaveHtml(GenericChart chart, string path, string? title = null) =>
        WritePage(path, title ?? "Chart", [BareFragment(chart)]);

    /// <summary>Writes a self-contained HTML page with one figure (plotly.js embedded unless the mode is <see cref="PlotlyMode.Cdn"/>), atomically.</summary>
    public static void SaveHtml(PlotlyFigure figure, string path, string? title = null) =>
        WritePage(path, title ?? "Figure", [Fragment(figure.Data.ToJsonString(), figure.Layout.ToJsonString(), figure.Config.ToJsonString(), false)]);

    /// <summary>Fragment for a figure without plotly.js (for pages that include it once).</summary>
    public static string Fragment(PlotlyFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Fragment(figure.Data.ToJsonString(), figure.Layout.ToJsonString(), figure.Config.ToJsonString(), false);
    }

    /// <summary>Fragment for a chart without plotly.js (for pages that include it once).</summary>
    public static string BareFragment(GenericChart chart) =>
        Fragment(JsonConvert.SerializeObject(GenericChart.getTraces(chart), Globals.JSON_CONFIG),
                 JsonConvert.SerializeObject(GenericChart.getLayout(chart), Globals.JSON_CONFIG),
                 JsonConvert.SerializeObject(GenericChart.getConfig(chart), Globals.JSON_CONFIG), false);

    /// <summary>Writes an HTML page holding <paramref name="fragments"/> with plotly.js once in the head (embedded mode) or from the CDN.</summary>
    public static void WritePage(string path, string title, IEnumerable<string> fragments)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        sb.Append(Mode == PlotlyMode.Cdn ? $"<script src=\"{PlotlyCdnUrl}\" charset=\"utf-8\"></script>" : PlotlyScriptTag());
        sb.Append("\n</head><body>\n");
        foreach (var f in fragments) sb.Append(f).Append('\n');
        sb.Append("</body></html>\n");
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    private static bool ClaimPlotlyEmission() =>
        Mode == PlotlyMode.Embedded && Interlocked.Exchange(ref _emittedInSession, 1) == 0;

    private static PlotlyMode DetectMode()
    {
        var env = Environment.GetEnvironmentVariable("ECONB_PLOTLY");
        if (string.Equals(env, "embedded", StringComparison.OrdinalIgnoreCase)) return PlotlyMode.Embedded;
        if (string.Equals(env, "cdn", StringComparison.OrdinalIgnoreCase)) return PlotlyMode.Cdn;
        if (Notebook.Host == NotebookHost.Reproduce) return PlotlyMode.Embedded;
        return CdnReachable(TimeSpan.FromSeconds(1.5)) ? PlotlyMode.Cdn : PlotlyMode.Embedded;
    }

    private static bool CdnReachable(TimeSpan timeout)
    {
        try
        {
            using var client = new TcpClient();
            var connect = client.ConnectAsync("cdn.plot.ly", 443);
            return connect.Wait(timeout) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException or IOException)
        {
            return false;
        }
    }

    private static string LoadPlotlyJs()
    {
        var asm = typeof(GenericChart).Assembly;
        string name = $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js";
        using var stream = asm.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET {asm.GetName().Version} has no embedded resource '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
