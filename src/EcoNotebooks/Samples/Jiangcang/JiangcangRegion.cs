namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>Region codes of the Jiangcang sample region mask (uint8 raster <c>regions.tif</c>).</summary>
public enum JiangcangRegion : byte
{
    /// <summary>Everything else: roads, unrestored spoil, wet meadow, other grassland.</summary>
    Other = 0,
    /// <summary>Pit No. 4, restored in the second phase (2020–2021), ≈ 2.50 km².</summary>
    Pit4 = 1,
    /// <summary>Pit No. 5, restored in the second phase, ≈ 2.93 km².</summary>
    Pit5 = 2,
    /// <summary>South waste dump of Pit No. 2, restored traditionally in 2015.</summary>
    Pit2SouthDump = 3,
    /// <summary>Natural alpine-meadow background area.</summary>
    Background = 4,
}
