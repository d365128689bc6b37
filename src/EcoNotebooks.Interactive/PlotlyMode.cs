namespace EcoNotebooks.Interactive;

/// <summary>How chart output refers to plotly.js.</summary>
public enum PlotlyMode
{
    /// <summary>plotly.js (≈3.6 MB, version <see cref="Figures.PlotlyJsVersion"/>) is embedded in the first chart output of the
    /// session and in every saved page, so charts draw without network (field stations, classrooms, CI). Python: plotly's include_plotlyjs=True.</summary>
    Embedded,
    /// <summary>plotly.js is loaded from cdn.plot.ly when the chart is shown: small outputs, needs network. Python: include_plotlyjs="cdn".</summary>
    Cdn,
}
