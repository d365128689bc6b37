using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>Side of the Changhe river a pixel lies on.</summary>
public enum RiverSide : byte
{
    /// <summary>The river itself or no data.</summary>
    None = 0,
    /// <summary>West of the river (the intensive coal-mining side).</summary>
    West = 1,
    /// <summary>East of the river.</summary>
    East = 2,
}

/// <summary>
/// Splits the basin at the river, which the land cover marks as <see cref="LandCoverClass.Water"/>: in each row the
/// river's column is the mean column of its water pixels (rows without water take the nearest row's); pixels left of
/// it are west, right of it east, water pixels are <see cref="RiverSide.None"/>. Assumes a north-up grid and a river
/// running roughly north–south, as the Changhe does.
/// </summary>
public static class RiverSides
{
    /// <summary>Classifies every pixel (uint8 raster of <see cref="RiverSide"/> codes, nodata 0).</summary>
    /// <exception cref="ArgumentException">The land cover has no water pixel.</exception>
    public static Raster Classify(IRasterSource landCover)
    {
        ArgumentNullException.ThrowIfNull(landCover);
        var g = landCover.Grid;
        int w = g.Width, h = g.Height;
        var lc = new double[g.PixelCount];
        landCover.ReadWindow(0, new RasterWindow(0, 0, w, h), lc);
        NoData.ToNaN(lc, landCover.NoData);
        var river = new double[h];
        for (int r = 0; r < h; r++)
        {
            double s = 0; int k = 0;
            for (int c = 0; c < w; c++) if (lc[r * w + c] == (byte)LandCoverClass.Water) { s += c; k++; }
            river[r] = k > 0 ? s / k : double.NaN;
        }
        if (river.All(double.IsNaN)) throw new ArgumentException("The land cover has no water pixel, so the river cannot be located.", nameof(landCover));
        for (int r = 0; r < h; r++)
            if (double.IsNaN(river[r]))
            {
                int d = 1;
                while (true)
                {
                    if (r - d >= 0 && !double.IsNaN(river[r - d])) { river[r] = river[r - d]; break; }
                    if (r + d < h && !double.IsNaN(river[r + d])) { river[r] = river[r + d]; break; }
                    d++;
                }
            }
        var side = new byte[g.PixelCount];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                if (double.IsNaN(lc[i]) || lc[i] == 0 || lc[i] == (byte)LandCoverClass.Water) continue;
                side[i] = (byte)(c < river[r] ? RiverSide.West : RiverSide.East);
            }
        return new Raster(g, [new RasterBand<byte>(w, h, side, noData: 0)]);
    }
}
