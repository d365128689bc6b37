using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>Options of the Jiangcang synthetic sample generator. The defaults produce the committed data-samples/jiangcang.</summary>
public sealed record JiangcangSampleOptions
{
    /// <summary>Random seed; every output is a deterministic function of it.</summary>
    public int Seed { get; init; } = 20240815;

    /// <summary>Raster columns (10 m Sentinel-2-like pixels).</summary>
    public int Width { get; init; } = 480;

    /// <summary>Raster rows.</summary>
    public int Height { get; init; } = 360;

    /// <summary>Pixel size, m.</summary>
    public double PixelSize { get; init; } = 10;

    /// <summary>Upper-left corner easting in WGS 84 / UTM zone 47N (EPSG:32647), m. The Muli coalfield is near 99.5° E, 38.1° N.</summary>
    public double OriginX { get; init; } = 540_000;

    /// <summary>Upper-left corner northing, m.</summary>
    public double OriginY { get; init; } = 4_220_000;

    /// <summary>Lower NDVI percentile used as the bare-soil endmember in calibration (%), as the notebook's default.</summary>
    public double SoilPercentile { get; init; } = 5;

    /// <summary>Upper NDVI percentile used as the pure-vegetation endmember (%).</summary>
    public double VegetationPercentile { get; init; } = 95;

    /// <summary>Quadrats (1 m × 1 m) per sampling point.</summary>
    public int QuadratsPerPoint { get; init; } = 3;

    /// <summary>Soil samples per treatment (Pit 5, Pit 4, Pit 2, control); must be ≥ 4 so the pooled table has more rows than variables.</summary>
    public int SoilReplicates { get; init; } = 6;

    /// <summary>The raster grid.</summary>
    public RasterGrid Grid => RasterGrid.NorthUp(Width, Height, OriginX, OriginY, PixelSize, SpatialReference.Utm(47));
}
