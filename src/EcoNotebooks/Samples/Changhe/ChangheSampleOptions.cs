using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Changhe;

/// <summary>Options of the Changhe synthetic sample generator; defaults produce the documented sample.</summary>
public sealed record ChangheSampleOptions
{
    /// <summary>Random seed.</summary>
    public int Seed { get; init; } = 20150701;
    /// <summary>Columns of the 30 m grid (360 × 350 × 900 m² ≈ 113.4 km², the basin's 113.16 km²).</summary>
    public int Width { get; init; } = 360;
    /// <summary>Rows.</summary>
    public int Height { get; init; } = 350;
    /// <summary>Pixel size, m.</summary>
    public double PixelSize { get; init; } = 30;
    /// <summary>Upper-left easting, WGS 84 / UTM zone 49N (EPSG:32649), m; the basin is at 112.63–112.77° E, 35.50–35.63° N.</summary>
    public double OriginX { get; init; } = 647_000;
    /// <summary>Upper-left northing, m.</summary>
    public double OriginY { get; init; } = 3_945_000;
    /// <summary>First year of the monthly series.</summary>
    public int FirstYear { get; init; } = 2010;
    /// <summary>Last year of the monthly series.</summary>
    public int LastYear { get; init; } = 2015;
    /// <summary>Number of soil sampling points (the paper's 117, on a jittered 13 × 9 layout).</summary>
    public int SoilPoints { get; init; } = 117;
    /// <summary>Number of meteorological stations written to <c>stations.csv</c> (≥ 8; on a jittered 6-column layout over the grid).</summary>
    public int Stations { get; init; } = 30;
    /// <summary>Target multi-year mean NPP, gC m⁻² yr⁻¹ (Changhe paper: 290.13). The solar radiation is scaled so CASA hits it.</summary>
    public double TargetMeanNpp { get; init; } = 290.13;
    /// <summary>Coarse (MODIS-like) cell size in fine pixels for the fusion demonstration: 8 × 30 m = 240 m.</summary>
    public int CoarseFactor { get; init; } = 8;

    /// <summary>The 30 m grid.</summary>
    public RasterGrid Grid => RasterGrid.NorthUp(Width, Height, OriginX, OriginY, PixelSize, SpatialReference.Utm(49));
}
