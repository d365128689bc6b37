namespace EcoNotebooks.Interactive;

/// <summary>Options of <see cref="RasterMap.Continuous"/>.</summary>
/// <param name="Band">Band to show (0-based).</param>
/// <param name="Title">Figure title, or null.</param>
/// <param name="ValueLabel">Colour-bar title with units, e.g. "NDVI" or "Elevation (m)"; default "Value".</param>
/// <param name="Colorscale">A plotly.js colour-scale name (Viridis, Greens, RdYlGn, Cividis …).</param>
/// <param name="ZMin">Lower end of the colour scale, or null for the data minimum.</param>
/// <param name="ZMax">Upper end of the colour scale, or null for the data maximum.</param>
/// <param name="MaxPixels">Display budget (≥ 100): larger rasters are decimated by taking every k-th pixel so the page stays small. Values are never averaged.</param>
public sealed record RasterMapOptions(int Band = 0, string? Title = null, string? ValueLabel = null, string Colorscale = "Viridis",
    double? ZMin = null, double? ZMax = null, int MaxPixels = 250_000);
