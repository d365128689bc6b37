using System.Text.Json.Nodes;
using EcoNotebooks.Interactive;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Interactive;

[Collection("cli")]   // Figures.Mode is process-wide; keep away from the runner tests
public class FiguresTests
{
    private static PlotlyFigure Fig() => new(new JsonArray(new JsonObject { ["type"] = "scatter", ["x"] = new JsonArray(1, 2), ["y"] = new JsonArray(3, 4) }), new JsonObject());

    [Fact]
    public void Embedded_mode_carries_plotly_js_in_the_first_output_of_a_session_only()
    {
        var old = Figures.Mode;
        try
        {
            Figures.UseOfflinePlotly();
            var first = Figures.ToHtml(Fig());
            var second = Figures.ToHtml(Fig());
            Assert.Contains(Figures.PlotlyJsMarker, first);
            Assert.Contains("plotly.js v" + Figures.PlotlyJsVersion, first);
            Assert.DoesNotContain(Figures.PlotlyJsMarker, second);
            Assert.Contains("newPlot", second);
            Figures.UseCdnPlotly();
            var cdn = Figures.ToHtml(Fig());
            Assert.DoesNotContain(Figures.PlotlyJsMarker, cdn);
            Assert.Contains(Figures.PlotlyCdnUrl, cdn);
        }
        finally { Figures.Mode = old; }
    }

    [Fact]
    public void Saved_pages_embed_plotly_js_exactly_once()
    {
        var old = Figures.Mode;
        using var tmp = new TempDir();
        try
        {
            Figures.Mode = PlotlyMode.Embedded;
            Figures.WritePage(tmp.File("p.html"), "t", [Figures.Fragment("[]", "{}", "{}", false), Figures.Fragment("[]", "{}", "{}", false)]);
            var html = File.ReadAllText(tmp.File("p.html"));
            Assert.Equal(1, html.Split(Figures.PlotlyJsMarker).Length - 1);
            Assert.True(html.Length > 3_000_000, "plotly.js (≈3.6 MB) must be inside the page");
        }
        finally { Figures.Mode = old; }
    }

    [Fact]
    public void Plotly_net_charts_render_to_a_fragment()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new double[] { 1, 2 }, y: new double[] { 3, 4 });
        var html = Figures.BareFragment(chart);
        Assert.Contains("\"type\":\"scatter\"", html);
        Assert.Contains("econb-chart", html);
    }
}
