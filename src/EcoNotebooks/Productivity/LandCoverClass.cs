namespace EcoNotebooks.Productivity;

/// <summary>Land-cover classes of the CASA parameter table (the Changhe study's land-use types plus the usual extras).</summary>
public enum LandCoverClass : byte
{
    /// <summary>No data / outside the study area.</summary>
    None = 0,
    /// <summary>Forest (treated as mixed/deciduous broadleaf forest).</summary>
    Forest = 1,
    /// <summary>Shrubland.</summary>
    Shrubland = 2,
    /// <summary>Grassland.</summary>
    Grassland = 3,
    /// <summary>Cropland/farmland.</summary>
    Farmland = 4,
    /// <summary>Construction land (built-up, mining facilities, roads).</summary>
    Construction = 5,
    /// <summary>Water.</summary>
    Water = 6,
    /// <summary>Bare or degraded land (spoil, collapse areas).</summary>
    Bare = 7,
}
