namespace EcoNotebooks.Permafrost.Measures;

/// <summary>
/// A permafrost-protection or restoration measure (paper §4.2–4.4) expressed as a change to the model column:
/// extra layers, n-factors, thermal resistances, heat extractors or the initial state of placed fill.
/// </summary>
public interface IRestorationMeasure
{
    /// <summary>Short name for tables and plots.</summary>
    string Name { get; }

    /// <summary>Thickness of new material placed on top of the original ground surface, m (0 when the surface stays where it was).</summary>
    double AddedThickness { get; }

    /// <summary>Returns the options with the measure applied (the input is not modified).</summary>
    GroundColumnOptions Apply(GroundColumnOptions options);
}

/// <summary>Helpers for measures that edit the layer list.</summary>
public static class LayerEdits
{
    /// <summary>Puts <paramref name="layer"/> on top of the column.</summary>
    public static IReadOnlyList<SoilLayer> AddOnTop(IReadOnlyList<SoilLayer> layers, SoilLayer layer) => [layer, .. layers];

    /// <summary>Replaces the top <paramref name="layer"/>.Thickness metres of the column by <paramref name="layer"/> (cutting the layer it ends in).</summary>
    public static IReadOnlyList<SoilLayer> ReplaceTop(IReadOnlyList<SoilLayer> layers, SoilLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(layer);
        double total = layers.Sum(l => l.Thickness);
        if (!(layer.Thickness < total)) throw new ArgumentOutOfRangeException(nameof(layer), layer.Thickness, $"The replaced thickness must be less than the column depth {total} m.");
        var result = new List<SoilLayer> { layer };
        double z = 0;
        foreach (var l in layers)
        {
            double top = z, bottom = z + l.Thickness;
            z = bottom;
            if (bottom <= layer.Thickness + 1e-12) continue;
            result.Add(top < layer.Thickness ? l with { Thickness = bottom - layer.Thickness } : l);
        }
        return result;
    }
}
