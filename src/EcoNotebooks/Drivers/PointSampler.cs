using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Drivers;

/// <summary>
/// Draws random sample points from co-registered rasters, as the Changhe paper samples 1,000 random points to relate
/// NPP to its drivers (section 2.4.1): pixels are drawn without replacement among pixels valid in every layer; each
/// point's value is the pixel value (ArcGIS "Extract Values to Points" without interpolation).
/// </summary>
public static class PointSampler
{
    /// <summary>Samples <paramref name="count"/> pixels.</summary>
    /// <param name="layers">Named single-band layers on one grid (column name → raster).</param>
    /// <param name="count">Number of points, 1 ≤ count ≤ valid pixels.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>A table with columns x, y (pixel-centre coordinates in the grid's CRS units) and one column per layer.</returns>
    public static DataFrame Sample(IReadOnlyDictionary<string, IRasterSource> layers, int count, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("Need at least one layer to sample.", nameof(layers));
        var names = layers.Keys.ToArray();
        var grid = layers[names[0]].Grid;
        foreach (var name in names) grid.EnsureSameGrid(layers[name].Grid, names[0], name);
        int n = (int)grid.PixelCount;
        var values = names.Select(name => layers[name].ReadBand()).ToArray();
        var valid = Enumerable.Range(0, n).Where(i => values.All(v => !double.IsNaN(v[i]))).ToArray();
        if (count < 1 || count > valid.Length)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Can sample 1–{valid.Length} points (pixels valid in every layer).");
        var rng = new Random(seed);
        for (int i = 0; i < count; i++) { int j = rng.Next(i, valid.Length); (valid[i], valid[j]) = (valid[j], valid[i]); }
        var chosen = valid.Take(count).ToArray();
        var df = new DataFrame(
            new DoubleDataFrameColumn("x", chosen.Select(i => grid.Transform.PixelCentre(i % grid.Width, i / grid.Width).X)),
            new DoubleDataFrameColumn("y", chosen.Select(i => grid.Transform.PixelCentre(i % grid.Width, i / grid.Width).Y)));
        for (int k = 0; k < names.Length; k++) df.Columns.Add(new DoubleDataFrameColumn(names[k], chosen.Select(i => values[k][i])));
        return df;
    }

}
