using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>
/// DEM derivatives for the RUSLE LS factor: slope and aspect terms by Horn's (1981) 3×3 method (as <c>gdaldem slope</c>
/// and ArcGIS Slope), and D8 flow accumulation (O'Callaghan &amp; Mark 1984). The DEM is held in memory (flow routing is
/// global); elevations in metres on a projected grid. Cells outside the raster are linearly extrapolated from the
/// two edge cells (rows, then columns, so corners too) and a missing neighbour inside is extrapolated from its opposite
/// neighbour (z = 2·z_centre − z_opposite), or replaced by the centre when that is missing too; a plane thus has its
/// true slope up to the border. Missing DEM pixels give NaN.
/// </summary>
public static class Terrain
{
    /// <summary>Horn gradients ∂z/∂x (east) and ∂z/∂y (north) of every pixel, row-major; NaN where the DEM is missing.</summary>
    public static (double[] Dzdx, double[] Dzdy) Gradients(double[] dem, int width, int height, double cellX, double cellY)
    {
        ArgumentNullException.ThrowIfNull(dem);
        if (dem.Length != (long)width * height) throw new ArgumentException($"DEM has {dem.Length} values but {width}×{height} are needed.", nameof(dem));
        if (!(cellX > 0) || !(cellY > 0)) throw new ArgumentOutOfRangeException(nameof(cellX), $"Cell sizes must be > 0; got {cellX} × {cellY}.");
        var gx = new double[dem.Length];
        var gy = new double[dem.Length];
        int pw = width + 2;
        var pad = Pad(dem, width, height);
        PixelMap.ParallelRows(height, r =>
        {
            Span<double> z = stackalloc double[9];
            for (int c = 0; c < width; c++)
            {
                int i = r * width + c;
                double zc = dem[i];
                if (double.IsNaN(zc)) { gx[i] = gy[i] = double.NaN; continue; }
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        double v = pad[(r + 1 + dr) * pw + c + 1 + dc];
                        if (double.IsNaN(v))
                        {
                            double opposite = pad[(r + 1 - dr) * pw + c + 1 - dc];
                            v = double.IsNaN(opposite) ? zc : 2 * zc - opposite;
                        }
                        z[(dr + 1) * 3 + dc + 1] = v;
                    }
                // a b c / d e f / g h i  (row 0 = north)
                gx[i] = ((z[2] + 2 * z[5] + z[8]) - (z[0] + 2 * z[3] + z[6])) / (8 * cellX);
                gy[i] = ((z[0] + 2 * z[1] + z[2]) - (z[6] + 2 * z[7] + z[8])) / (8 * cellY);
            }
        });
        return (gx, gy);
    }

    /// <summary>
    /// The DEM with a one-cell border filled by linear extrapolation, first along rows (z[r,−1] = 2z[r,0] − z[r,1]),
    /// then along columns over the widened rows, so a plane continues exactly (corners included). Where the second
    /// cell is missing or absent the border replicates the edge cell.
    /// </summary>
    private static double[] Pad(double[] dem, int width, int height)
    {
        int pw = width + 2, ph = height + 2;
        var p = new double[pw * ph];
        Array.Fill(p, double.NaN);
        for (int r = 0; r < height; r++)
        {
            Array.Copy(dem, r * width, p, (r + 1) * pw + 1, width);
            p[(r + 1) * pw] = Extrapolate(dem[r * width], width > 1 ? dem[r * width + 1] : double.NaN);
            p[(r + 1) * pw + width + 1] = Extrapolate(dem[r * width + width - 1], width > 1 ? dem[r * width + width - 2] : double.NaN);
        }
        for (int c = 0; c < pw; c++)
        {
            p[c] = Extrapolate(p[pw + c], height > 1 ? p[2 * pw + c] : double.NaN);
            p[(ph - 1) * pw + c] = Extrapolate(p[height * pw + c], height > 1 ? p[(height - 1) * pw + c] : double.NaN);
        }
        return p;
    }

    private static double Extrapolate(double edge, double inner) => double.IsNaN(inner) ? edge : 2 * edge - inner;

    private static double At(double[] dem, int width, int height, int r, int c) =>
        r < 0 || c < 0 || r >= height || c >= width ? double.NaN : dem[r * width + c];

    /// <summary>Slope angle θ in degrees (0–90) by Horn's method; <c>gdaldem slope</c> equivalent.</summary>
    public static Raster Slope(BandRef dem, PixelType outputType = PixelType.Float32)
    {
        var (z, w, h, cx, cy, grid) = Load(dem);
        var (gx, gy) = Gradients(z, w, h, cx, cy);
        var s = new double[z.Length];
        for (int i = 0; i < s.Length; i++) s[i] = Math.Atan(Math.Sqrt(gx[i] * gx[i] + gy[i] * gy[i])) * 180 / Math.PI;
        return PixelMap.ToRaster(grid, s, outputType);
    }

    /// <summary>
    /// D8 flow directions: index (0–7) of the neighbour with the steepest positive drop per unit distance, or −1 for
    /// pits, flats, missing cells and cells whose only lower neighbours are missing. Order: N, NE, E, SE, S, SW, W, NW.
    /// Ties go to the first in that order. No depression filling or flat routing is done: fill the DEM first
    /// (e.g. RichDEM / WhiteboxTools FillDepressions) when it has pits.
    /// </summary>
    public static sbyte[] FlowDirections(double[] dem, int width, int height, double cellX, double cellY)
    {
        ArgumentNullException.ThrowIfNull(dem);
        var dir = new sbyte[dem.Length];
        double diag = Math.Sqrt(cellX * cellX + cellY * cellY);
        double[] dist = [cellY, diag, cellX, diag, cellY, diag, cellX, diag];
        PixelMap.ParallelRows(height, r =>
        {
            for (int c = 0; c < width; c++)
            {
                int i = r * width + c;
                dir[i] = -1;
                double zc = dem[i];
                if (double.IsNaN(zc)) continue;
                double best = 0;
                for (int k = 0; k < 8; k++)
                {
                    double zn = At(dem, width, height, r + D8Row[k], c + D8Col[k]);
                    if (double.IsNaN(zn)) continue;
                    double drop = (zc - zn) / dist[k];
                    if (drop > best) { best = drop; dir[i] = (sbyte)k; }
                }
            }
        });
        return dir;
    }

    /// <summary>Row offsets of the D8 directions N, NE, E, SE, S, SW, W, NW.</summary>
    internal static readonly int[] D8Row = [-1, -1, 0, 1, 1, 1, 0, -1];
    /// <summary>Column offsets of the D8 directions.</summary>
    internal static readonly int[] D8Col = [0, 1, 1, 1, 0, -1, -1, -1];

    /// <summary>
    /// D8 flow accumulation: number of cells draining through each cell, the cell itself included (so a ridge cell
    /// has 1), computed in O(n) by topological order (Kahn's algorithm over the receiver graph). NaN where the DEM is
    /// missing. Multiply by the cell area for the contributing area in m². Matches WhiteboxTools D8FlowAccumulation
    /// (out_type = cells) and TauDEM aread8 on a filled DEM.
    /// </summary>
    public static double[] FlowAccumulation(double[] dem, int width, int height, double cellX, double cellY)
    {
        var dir = FlowDirections(dem, width, height, cellX, cellY);
        int n = dem.Length;
        var indeg = new int[n];
        var receiver = new int[n];
        for (int i = 0; i < n; i++)
        {
            receiver[i] = -1;
            if (dir[i] < 0) continue;
            int r = i / width + D8Row[dir[i]], c = i % width + D8Col[dir[i]];
            receiver[i] = r * width + c;
            indeg[receiver[i]]++;
        }
        var acc = new double[n];
        var queue = new Queue<int>();
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(dem[i])) { acc[i] = double.NaN; continue; }
            acc[i] = 1;
            if (indeg[i] == 0) queue.Enqueue(i);
        }
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            int j = receiver[i];
            if (j < 0) continue;
            acc[j] += acc[i];
            if (--indeg[j] == 0) queue.Enqueue(j);
        }
        return acc;
    }

    /// <summary>D8 flow accumulation raster (cells, including the cell itself); see <see cref="FlowAccumulation(double[], int, int, double, double)"/>.</summary>
    public static Raster FlowAccumulation(BandRef dem, PixelType outputType = PixelType.Float64)
    {
        var (z, w, h, cx, cy, grid) = Load(dem);
        return PixelMap.ToRaster(grid, FlowAccumulation(z, w, h, cx, cy), outputType);
    }

    /// <summary>Reads a DEM band with its cell sizes; throws for a rotated or geographic grid (metres are needed).</summary>
    internal static (double[] Z, int Width, int Height, double CellX, double CellY, RasterGrid Grid) Load(BandRef dem)
    {
        dem.Validate(nameof(dem));
        var g = dem.Source.Grid;
        if (!g.Transform.IsNorthUp) throw new ArgumentException($"The DEM grid must be north-up; geotransform is {g.Transform}.", nameof(dem));
        if (g.Crs.IsGeographic) throw new ArgumentException($"The DEM is in a geographic CRS ({g.Crs}); reproject it to metres (e.g. UTM) first.", nameof(dem));
        return (PixelMap.ReadAll(dem, nameof(dem)), g.Width, g.Height, Math.Abs(g.Transform.PixelWidth), Math.Abs(g.Transform.PixelHeight), g);
    }
}
