namespace EcoNotebooks.Permafrost;

/// <summary>Spacing of the finite-volume grid: geometric grading from a fine surface cell to a coarse maximum.</summary>
/// <param name="SurfaceSpacing">Thickness of the top cell, m (&gt; 0; 0.02 m resolves the freezing front well).</param>
/// <param name="GrowthFactor">Ratio of successive cell thicknesses, ≥ 1 (1 = uniform grid; 1.05–1.15 typical).</param>
/// <param name="MaxSpacing">Largest cell thickness, m.</param>
/// <param name="UniformDepth">Depth (m) down to which cells keep <paramref name="SurfaceSpacing"/> before grading starts (0 = grade from the surface).</param>
public sealed record GridOptions(double SurfaceSpacing = 0.02, double GrowthFactor = 1.08, double MaxSpacing = 1.0, double UniformDepth = 0)
{
    /// <summary>A uniform grid of cells of thickness <paramref name="spacing"/> m.</summary>
    public static GridOptions Uniform(double spacing) => new(spacing, 1, spacing);

    /// <summary>Checks ranges.</summary>
    public GridOptions Validate()
    {
        if (!(SurfaceSpacing > 0)) throw new ArgumentOutOfRangeException(nameof(SurfaceSpacing), SurfaceSpacing, "Surface spacing must be > 0 m.");
        if (!(GrowthFactor >= 1 && GrowthFactor <= 2)) throw new ArgumentOutOfRangeException(nameof(GrowthFactor), GrowthFactor, "Growth factor must be in [1, 2].");
        if (!(UniformDepth >= 0)) throw new ArgumentOutOfRangeException(nameof(UniformDepth), UniformDepth, "Uniform depth must be ≥ 0 m.");
        if (!(MaxSpacing >= SurfaceSpacing)) throw new ArgumentOutOfRangeException(nameof(MaxSpacing), MaxSpacing, $"Max spacing must be ≥ the surface spacing {SurfaceSpacing} m.");
        return this;
    }
}

/// <summary>
/// A 1D cell-centred finite-volume grid over a layered column (depth positive downwards, z = 0 at the ground surface).
/// Layer boundaries are always cell faces, so every cell lies in one layer.
/// </summary>
public sealed class ColumnGrid
{
    private ColumnGrid(double[] faces, int[] layerOfCell)
    {
        Faces = faces;
        LayerOfCell = layerOfCell;
        int n = faces.Length - 1;
        Centres = new double[n];
        Thicknesses = new double[n];
        for (int i = 0; i < n; i++) { Centres[i] = 0.5 * (faces[i] + faces[i + 1]); Thicknesses[i] = faces[i + 1] - faces[i]; }
    }

    /// <summary>Face depths z₀ = 0 &lt; z₁ &lt; … &lt; z_N = column depth, m.</summary>
    public double[] Faces { get; }
    /// <summary>Cell-centre depths, m.</summary>
    public double[] Centres { get; }
    /// <summary>Cell thicknesses, m.</summary>
    public double[] Thicknesses { get; }
    /// <summary>Index of the layer each cell belongs to.</summary>
    public int[] LayerOfCell { get; }
    /// <summary>Number of cells.</summary>
    public int Count => Centres.Length;
    /// <summary>Total depth, m.</summary>
    public double Depth => Faces[^1];

    /// <summary>
    /// Builds the grid: cell k has thickness min(s₀·r^k, s_max), except that a cell which would end within 30 % of its
    /// thickness of the next layer boundary (or overshoot it) is stretched or cut to end exactly there.
    /// </summary>
    public static ColumnGrid Build(IReadOnlyList<SoilLayer> layers, GridOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (layers.Count == 0) throw new ArgumentException("A column needs at least one layer.", nameof(layers));
        var faces = new List<double> { 0 };
        var layerOf = new List<int>();
        double z = 0, h = options.SurfaceSpacing, bottom = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            layers[l].Validate();
            bottom += layers[l].Thickness;
            while (z < bottom - 1e-12)
            {
                double next = z + h;
                if (next > bottom - 0.3 * h) next = bottom;
                faces.Add(next);
                layerOf.Add(l);
                z = next;
                if (z >= options.UniformDepth - 1e-12) h = Math.Min(h * options.GrowthFactor, options.MaxSpacing);
            }
        }
        return new ColumnGrid([.. faces], [.. layerOf]);
    }

    /// <summary>Index of the cell containing depth <paramref name="depth"/> m (clamped to the column).</summary>
    public int CellAt(double depth)
    {
        int i = Array.BinarySearch(Faces, depth);
        if (i < 0) i = ~i - 1;
        return Math.Clamp(i, 0, Count - 1);
    }
}
