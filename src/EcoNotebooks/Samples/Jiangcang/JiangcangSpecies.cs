namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>Habitat types of the Jiangcang sampling points.</summary>
public enum JiangcangHabitat
{
    /// <summary>Waste-rock dump platform restored in the second phase (Pits 4 and 5).</summary>
    Platform,
    /// <summary>Sunny slope of a waste-rock dump restored in the second phase.</summary>
    SunnySlope,
    /// <summary>South waste dump platform of Pit 2, restored traditionally in 2015 (first phase).</summary>
    Pit2Platform,
    /// <summary>Natural alpine meadow background.</summary>
    Background,
}

/// <summary>
/// The plant species named in the Jiangcang paper (section 2.1 and 3.1) with the synthetic generator's expected
/// abundance (individuals per 1 m × 1 m quadrat) in each habitat. The four sown grasses dominate platforms; sheep
/// manure brings native and weedy species; the natural meadow is dominated by Kobresia and Carex.
/// </summary>
public static class JiangcangSpecies
{
    /// <summary>Species name, whether it was sown (1:1:1:1 mix), and mean individuals per quadrat in Platform, SunnySlope, Pit2Platform, Background.</summary>
    public static IReadOnlyList<(string Name, bool Sown, double[] MeanPerQuadrat)> All { get; } =
    [
        ("Elymus nutans", true, [62, 20, 10, 6]),
        ("Poa pratensis var. qinghaiensis", true, [50, 15, 8, 4]),
        ("Festuca sinensis", true, [45, 14, 6, 2]),
        ("Poa pratensis (Kentucky bluegrass)", true, [40, 12, 5, 0]),
        ("Pedicularis kansuensis", false, [0.3, 4, 0, 6]),
        ("Astragalus polycladus", false, [0, 3, 0, 5]),
        ("Oxytropis ochrocephala", false, [0, 3, 0, 5]),
        ("Elsholtzia densa", false, [3, 5, 2, 1]),
        ("Androsace umbellata", false, [0, 3, 0, 4]),
        ("Polygonum sibiricum", false, [2, 4, 3, 0.5]),
        ("Microula sikkimensis", false, [1, 3, 0, 2]),
        ("Capsella bursa-pastoris", false, [2, 3, 2, 0]),
        ("Kobresia tibetica", false, [0, 0.3, 0, 18]),
        ("Carex orbicularis", false, [0, 0.3, 0, 12]),
        ("Carex moorcroftii", false, [0, 0.5, 0, 10]),
        ("Carex atrata", false, [0, 0, 0, 9]),
        ("Allium przewalskianum", false, [0, 0.3, 0, 6]),
        ("Polygonum viviparum", false, [0, 0.5, 0, 8]),
        ("Artemisia nanschanica", false, [0, 2, 1, 10]),
    ];

    /// <summary>Short column names for CSV headers (genus initial + epithet, no spaces).</summary>
    public static string ColumnName(string species)
    {
        var words = species.Replace("(", "").Replace(")", "").Replace(".", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = words[0][..1] + "_" + string.Join("_", words.Skip(1));
        return name.Replace("var_", "").Replace("__", "_");
    }
}
