using EcoNotebooks.Rasters;

namespace EcoNotebooks.Classification;

/// <summary>
/// Class-area tables of rasters: pixel counts, km² and percentage of classified pixels per class, computed block by
/// block. Area per pixel = |det(geotransform)| (m² for projected CRSs) / 10⁶; NaN for geographic CRSs.
/// </summary>
public static class ClassAreaTable
{
    /// <summary>Area of one pixel of <paramref name="grid"/> in km² (NaN when the CRS is geographic).</summary>
    public static double PixelAreaKm2(RasterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.Crs.IsGeographic ? double.NaN : grid.PixelArea / 1e6;
    }

    /// <summary>Classifies the pixels of band <paramref name="band"/> with <paramref name="scheme"/> and tabulates them (codes 1…k). Missing and out-of-range pixels are not counted.</summary>
    public static IReadOnlyList<ClassArea> Compute(IRasterSource source, ClassScheme scheme, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheme);
        var counts = new long[scheme.ClassCount];
        var (bw, bh) = source.BlockSize;
        var buf = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
        {
            var span = buf.AsSpan(0, (int)w.PixelCount);
            source.ReadWindow(band, w, span);
            foreach (double v in span)
            {
                if (NoData.IsMissing(v, source.NoData)) continue;
                int c = scheme.Classify(v);
                if (c >= 0) counts[c]++;
            }
        }
        return Build(source.Grid, Enumerable.Range(0, scheme.ClassCount).Select(i => (i + 1, scheme.Names[i], counts[i])).ToArray());
    }

    /// <summary>
    /// Tabulates a raster that already holds class codes: one row per entry of <paramref name="classes"/>, in that
    /// order. Missing pixels and codes not listed are not counted.
    /// </summary>
    public static IReadOnlyList<ClassArea> FromCodes(IRasterSource classRaster, IReadOnlyList<(int Code, string Name)> classes, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(classRaster);
        ArgumentNullException.ThrowIfNull(classes);
        var index = new Dictionary<int, int>();
        for (int i = 0; i < classes.Count; i++)
            if (!index.TryAdd(classes[i].Code, i)) throw new ArgumentException($"Class code {classes[i].Code} is listed twice.", nameof(classes));
        var counts = new long[classes.Count];
        var (bw, bh) = classRaster.BlockSize;
        var buf = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(classRaster.Grid.Width, classRaster.Grid.Height, bw, bh))
        {
            var span = buf.AsSpan(0, (int)w.PixelCount);
            classRaster.ReadWindow(band, w, span);
            foreach (double v in span)
            {
                if (NoData.IsMissing(v, classRaster.NoData) || v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue) continue;
                if (index.TryGetValue((int)v, out int i)) counts[i]++;
            }
        }
        return Build(classRaster.Grid, classes.Select((c, i) => (c.Code, c.Name, counts[i])).ToArray());
    }

    /// <summary>Builds rows from counts: km² from the grid, percent of the total count.</summary>
    public static IReadOnlyList<ClassArea> Build(RasterGrid grid, IReadOnlyList<(int Code, string Name, long Pixels)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double km2 = PixelAreaKm2(grid);
        long total = counts.Sum(c => c.Pixels);
        return counts.Select(c => new ClassArea(c.Code, c.Name, c.Pixels, c.Pixels * km2, total == 0 ? double.NaN : 100.0 * c.Pixels / total)).ToArray();
    }
}
