namespace EcoNotebooks.Rasters.Warp;

/// <summary>How a target pixel takes its value from the source (names as gdalwarp's <c>-r</c>).</summary>
public enum ResamplingMethod
{
    /// <summary>
    /// Nearest neighbour (<c>-r near</c>): the source pixel containing the target pixel centre. Use for classes
    /// (land cover, QA, SCL). Keeps the source pixel type.
    /// </summary>
    Nearest,
    /// <summary>
    /// Bilinear (<c>-r bilinear</c>): weights of the 2×2 source pixel centres around the target centre; at the edges and
    /// next to missing pixels the available weights are renormalised (GDAL's GWKBilinearResample4Sample).
    /// </summary>
    Bilinear,
    /// <summary>
    /// Area-weighted average (<c>-r average</c>, GDAL ≥ 3.1): mean of the valid source pixels under the target pixel,
    /// each weighted by its fractional overlap; for coarse-from-fine aggregation. Exact multiples reduce to a plain block mean.
    /// </summary>
    Average,
}
