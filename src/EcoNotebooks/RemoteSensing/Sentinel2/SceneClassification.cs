namespace EcoNotebooks.RemoteSensing.Sentinel2;

/// <summary>Classes of the Sentinel-2 L2A scene classification layer (SCL, 20 m; Sen2Cor Product Specification).</summary>
public enum SceneClass
{
    /// <summary>0: no data.</summary>
    NoData = 0,
    /// <summary>1: saturated or defective.</summary>
    Saturated = 1,
    /// <summary>2: dark area pixels / topographic shadow.</summary>
    DarkArea = 2,
    /// <summary>3: cloud shadows.</summary>
    CloudShadow = 3,
    /// <summary>4: vegetation.</summary>
    Vegetation = 4,
    /// <summary>5: not vegetated (bare soil).</summary>
    NotVegetated = 5,
    /// <summary>6: water.</summary>
    Water = 6,
    /// <summary>7: unclassified (cloud low probability in older baselines).</summary>
    Unclassified = 7,
    /// <summary>8: cloud medium probability.</summary>
    CloudMedium = 8,
    /// <summary>9: cloud high probability.</summary>
    CloudHigh = 9,
    /// <summary>10: thin cirrus.</summary>
    Cirrus = 10,
    /// <summary>11: snow or ice.</summary>
    Snow = 11,
}

/// <summary>SCL-based clear mask.</summary>
public static class SceneClassification
{
    /// <summary>The default clear classes: vegetation (4), not vegetated (5) and water (6). Everything else (no data, saturated, dark area, cloud shadow, unclassified, clouds, cirrus, snow) is masked.</summary>
    public static IReadOnlySet<SceneClass> DefaultClear { get; } = new HashSet<SceneClass> { SceneClass.Vegetation, SceneClass.NotVegetated, SceneClass.Water };

    /// <summary>True if SCL value <paramref name="scl"/> is one of <paramref name="clear"/> (default <see cref="DefaultClear"/>); NaN is not clear.</summary>
    public static bool IsClear(double scl, IReadOnlySet<SceneClass>? clear = null) =>
        !double.IsNaN(scl) && scl is >= 0 and <= 11 && (clear ?? DefaultClear).Contains((SceneClass)(int)scl);
}
