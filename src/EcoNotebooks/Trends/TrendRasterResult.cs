using EcoNotebooks.Classification;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Trends;

/// <summary>Per-pixel trend of a raster time stack (all rasters on the stack's grid).</summary>
/// <param name="Slope">Sen slope per time unit, float64, NaN where there are too few valid years.</param>
/// <param name="Z">Mann–Kendall Z, float64, NaN where there are too few valid years.</param>
/// <param name="P">Two-sided p-value, float64, NaN where there are too few valid years.</param>
/// <param name="Class">uint8 <see cref="TrendClass"/> codes (1 significant decrease … 4 no change … 7 significant increase), nodata 255.</param>
/// <param name="ClassAreas">One row per class in <see cref="TrendClasses.All"/> order: code, snake_case name, pixels, km², % of pixels with a trend.</param>
public sealed record TrendRasterResult(Raster Slope, Raster Z, Raster P, Raster Class, IReadOnlyList<ClassArea> ClassAreas);
