namespace EcoNotebooks.Drivers;

/// <summary>Driver categories of the Changhe factorial experiment (Table 1): climate (C), soil properties (S), mining activities (M).</summary>
public enum DriverCategory
{
    /// <summary>Climate: MAT, MAP, MAE, MAS.</summary>
    Climate,
    /// <summary>Soil properties: CF, SOC, TN, AP, AK, pH, BD.</summary>
    Soil,
    /// <summary>Mining activities: land degradation LD.</summary>
    Mining,
}

/// <summary>
/// Dominant driver category of a pixel (Changhe paper, section 2.4.2, Fig. 5b): a single category when its relative
/// contribution exceeds the threshold (default 60 %), otherwise the ordered pair of the two largest, larger first.
/// Codes are the uint8 values of the dominant-category raster (0 = no data).
/// </summary>
public enum DominantCategory : byte
{
    /// <summary>No data.</summary>
    None = 0,
    /// <summary>Climate alone (RelCon &gt; threshold).</summary>
    C = 1,
    /// <summary>Soil alone.</summary>
    S = 2,
    /// <summary>Mining alone.</summary>
    M = 3,
    /// <summary>Climate then soil.</summary>
    CS = 4,
    /// <summary>Soil then climate.</summary>
    SC = 5,
    /// <summary>Climate then mining.</summary>
    CM = 6,
    /// <summary>Mining then climate.</summary>
    MC = 7,
    /// <summary>Soil then mining.</summary>
    SM = 8,
    /// <summary>Mining then soil.</summary>
    MS = 9,
}
