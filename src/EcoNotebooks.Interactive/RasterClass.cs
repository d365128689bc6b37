namespace EcoNotebooks.Interactive;

/// <summary>One class of a categorical raster (land cover, restoration stage …).</summary>
/// <param name="Value">The pixel value that codes the class.</param>
/// <param name="Name">Legend label.</param>
/// <param name="Color">CSS colour, e.g. "#1b9e77" or "forestgreen".</param>
public sealed record RasterClass(double Value, string Name, string Color);
