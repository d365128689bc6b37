using EcoNotebooks.Rasters;

namespace EcoNotebooks.Classification;

/// <summary>Result of <see cref="ClassChange.Compute"/>.</summary>
/// <param name="Change">uint8 change raster, codes 1…5 of <see cref="ClassChange.Categories"/>, nodata 0 where either class is missing.</param>
/// <param name="Areas">Area per change category (codes 1…5).</param>
/// <param name="Transitions">Pixel counts [from class − 1, to class − 1] (k × k).</param>
/// <param name="PixelAreaKm2">Area of one pixel, km².</param>
public sealed record ClassChangeResult(Raster Change, IReadOnlyList<ClassArea> Areas, long[,] Transitions, double PixelAreaKm2)
{
    /// <summary>Area (km²) that moved from class <paramref name="from"/> to class <paramref name="to"/> (1-based codes).</summary>
    public double TransitionKm2(int from, int to) => Transitions[from - 1, to - 1] * PixelAreaKm2;
}

/// <summary>
/// Change between two class rasters of ordered levels (e.g. resilience levels of two years, codes 1…k, low to high):
/// per pixel the level difference Δ = to − from, grouped into five categories, plus the k × k transition matrix,
/// both computed block by block. A pixel missing (nodata or outside 1…k) in either raster is missing.
/// </summary>
public static class ClassChange
{
    /// <summary>Change categories by level difference Δ: 1 "Declined ≥ 2 levels" (Δ ≤ −2), 2 "Declined 1 level", 3 "Stable" (Δ = 0), 4 "Improved 1 level", 5 "Improved ≥ 2 levels" (Δ ≥ 2).</summary>
    public static IReadOnlyList<(int Code, string Name, string Colour)> Categories { get; } =
    [
        (1, "Declined ≥ 2 levels", "#B2182B"),
        (2, "Declined 1 level", "#F4A582"),
        (3, "Stable", "#E0E0E0"),
        (4, "Improved 1 level", "#92C5DE"),
        (5, "Improved ≥ 2 levels", "#2166AC"),
    ];

    /// <summary>Category code (1…5) of a level difference.</summary>
    public static int CategoryOf(int delta) => delta <= -2 ? 1 : delta == -1 ? 2 : delta == 0 ? 3 : delta == 1 ? 4 : 5;

    /// <summary>Change from <paramref name="from"/> to <paramref name="to"/> (same grid, class codes 1…<paramref name="classCount"/>).</summary>
    public static ClassChangeResult Compute(IRasterSource from, IRasterSource to, int classCount, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (classCount < 2 || classCount > 254) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "The number of classes must be 2–254.");
        from.Grid.EnsureSameGrid(to.Grid, "from", "to");
        var result = Raster.Create(from.Grid, PixelType.UInt8, 1, noData: 0);
        var matrix = new long[classCount, classCount];
        var (bw, bh) = from.BlockSize;
        var a = new double[(long)bw * bh];
        var b = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(from.Grid.Width, from.Grid.Height, bw, bh))
        {
            int len = (int)w.PixelCount;
            var sa = a.AsSpan(0, len); var sb = b.AsSpan(0, len);
            from.ReadWindow(band, w, sa); to.ReadWindow(band, w, sb);
            for (int i = 0; i < len; i++)
            {
                double x = sa[i], y = sb[i];
                if (NoData.IsMissing(x, from.NoData) || NoData.IsMissing(y, to.NoData) || !IsClass(x, classCount) || !IsClass(y, classCount)) { sa[i] = 0; continue; }
                matrix[(int)x - 1, (int)y - 1]++;
                sa[i] = CategoryOf((int)y - (int)x);
            }
            result.WriteWindow(0, w, sa);
        }
        var counts = Categories.Select(c => (c.Code, c.Name, 0L)).ToArray();
        for (int i = 0; i < classCount; i++)
            for (int j = 0; j < classCount; j++) counts[CategoryOf(j - i) - 1].Item3 += matrix[i, j];
        return new ClassChangeResult(result, ClassAreaTable.Build(from.Grid, counts), matrix, ClassAreaTable.PixelAreaKm2(from.Grid));
    }

    private static bool IsClass(double v, int k) => v >= 1 && v <= k && v == Math.Floor(v);
}
