using EcoNotebooks.Rasters;

namespace EcoNotebooks.Interactive;

/// <summary>
/// A raster whose pixel values are class codes, with a name and colour per class. Shown in notebooks as a map with a
/// legend (one entry per class) instead of a colour bar. Pixels whose value is not a listed class, and missing pixels
/// (NaN or nodata), are left blank. R equivalent: <c>terra::levels</c> + <c>plot(..., type = "classes")</c>.
/// </summary>
public sealed class CategoricalRaster
{
    /// <summary>Wraps band <paramref name="band"/> of <paramref name="raster"/> with its classes (class values must be distinct).</summary>
    public CategoricalRaster(Raster raster, IReadOnlyList<RasterClass> classes, int band = 0, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0) throw new ArgumentException("A categorical raster needs at least one class.", nameof(classes));
        var dup = classes.GroupBy(c => c.Value).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Class value {dup.Key} is listed {dup.Count()} times; class values must be distinct.", nameof(classes));
        raster.Band(band);
        Raster = raster; Classes = classes; BandIndex = band; Title = title;
    }

    /// <summary>The raster.</summary>
    public Raster Raster { get; }
    /// <summary>The classes, in legend order.</summary>
    public IReadOnlyList<RasterClass> Classes { get; }
    /// <summary>Band shown (0-based).</summary>
    public int BandIndex { get; }
    /// <summary>Optional title.</summary>
    public string? Title { get; }

    /// <summary>The map figure (see <see cref="RasterMap.Categorical"/>).</summary>
    public PlotlyFigure ToFigure() => RasterMap.Categorical(this);
}
