using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// Shannon's diversity index SHDI (C14, the paper's Eq. 14, trend +; FRAGSTATS): SHDI = −Σᵢ pᵢ ln pᵢ over the m
/// land-cover classes present in the window/unit, pᵢ the share of valid pixels of class i. Natural log; 0 for a
/// single class, ln m for m equally common classes. R: <c>vegan::diversity(table(x), "shannon")</c>.
/// </summary>
public static class LandscapeDiversity
{
    /// <summary>SHDI from class counts (zeros ignored); NaN when all counts are 0.</summary>
    public static double Shdi(ReadOnlySpan<int> counts)
    {
        long n = 0; double s = 0;
        foreach (var c in counts)
        {
            if (c < 0) throw new ArgumentOutOfRangeException(nameof(counts), c, "Class counts must be ≥ 0.");
            if (c > 0) { n += c; s += c * Math.Log(c); }
        }
        return n == 0 ? double.NaN : Math.Max(0, Math.Log(n) - s / n);
    }

    /// <summary>SHDI raster of a land-cover band (integer class codes) per moving window or unit.</summary>
    public static Raster Shdi(BandRef landCover, LandscapeOptions? options = null, PixelType outputType = PixelType.Float32)
    {
        var map = ClassMap.Read(landCover);
        var v = LandscapeWindow.Evaluate(map, options ?? new LandscapeOptions(), null,
            (n, s, _) => Math.Max(0, Math.Log(n) - s / n));
        return PixelMap.ToRaster(map.Grid, v, outputType);
    }
}
