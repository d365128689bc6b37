namespace EcoNotebooks.Classification;

/// <summary>One row of a class-area table.</summary>
/// <param name="Code">Class code (1-based class number, or the code stored in a class raster).</param>
/// <param name="Name">Class name.</param>
/// <param name="Pixels">Number of pixels in the class.</param>
/// <param name="AreaKm2">Area in km² = pixels × pixel area (m², from the grid's geotransform) / 10⁶; NaN when the grid's CRS is geographic (pixel area in degrees² is not an area).</param>
/// <param name="Percent">Share of all classified (non-missing) pixels, 0–100; NaN when no pixel is classified.</param>
public sealed record ClassArea(int Code, string Name, long Pixels, double AreaKm2, double Percent);
