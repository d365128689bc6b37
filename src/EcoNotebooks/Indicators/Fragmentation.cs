using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>Pixel neighbourhood that joins pixels of one class into a patch.</summary>
public enum Connectivity
{
    /// <summary>Eight neighbours (FRAGSTATS' default 8-cell rule).</summary>
    Eight,
    /// <summary>Four (edge) neighbours.</summary>
    Four,
}

/// <summary>Patch statistics of one landscape (window or unit) and its fragmentation FN (Eq. 13).</summary>
/// <param name="Patches">Nf, number of patches of all classes.</param>
/// <param name="TotalArea">Total valid area (pixels × pixel area, in the caller's unit).</param>
/// <param name="MeanPatchArea">Mean patch area.</param>
/// <param name="MinPatchArea">Smallest patch area.</param>
/// <param name="Mps">MPS = mean patch area / minimum patch area.</param>
/// <param name="Nc">Nc = total area / minimum patch area.</param>
/// <param name="Fn">FN = MPS·(Nf − 1)/Nc.</param>
public sealed record FragmentationResult(int Patches, double TotalArea, double MeanPatchArea, double MinPatchArea, double Mps, double Nc, double Fn);

/// <summary>
/// Landscape fragmentation FN (C15, the paper's Eq. 13, trend + as printed): FN = MPS·(Nf − 1)/Nc, with
/// MPS = mean patch area / minimum patch area, Nf = number of patches of all landscape types, Nc = total landscape
/// area / minimum patch area (the paper's definitions). Since mean patch area = TA/Nf, these definitions make
/// FN = (Nf − 1)/Nf exactly: 0 for a single patch, approaching 1 as the landscape breaks up. Patches are maximal
/// connected sets of one class (<see cref="Connectivity"/>, default 8-cell as FRAGSTATS); missing pixels belong to no
/// patch and do not count in TA.
/// </summary>
public static class Fragmentation
{
    /// <summary>FN from the three terms of Eq. 13.</summary>
    public static double Fn(double mps, int patches, double nc) => mps * (patches - 1) / nc;

    /// <summary>FN and patch statistics of a whole class map (row-major integer codes; <paramref name="missing"/> code or NaN excluded).</summary>
    public static FragmentationResult Analyse(int[] classes, int width, int height, double pixelArea = 1, Connectivity connectivity = Connectivity.Eight, int? missing = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Length != (long)width * height) throw new ArgumentException($"Class map has {classes.Length} values but {width}×{height} are needed.", nameof(classes));
        var idx = missing is int m ? classes.Select(c => c == m ? -1 : c).ToArray() : classes;
        var ws = new Workspace(width * height);
        return Analyse(idx, width, 0, 0, width, height, pixelArea, connectivity, ws, missingIsNegative: missing is not null);
    }

    /// <summary>FN raster of a land-cover band per moving window or unit (O(window²) per pixel for moving windows).</summary>
    public static Raster Compute(BandRef landCover, LandscapeOptions? options = null, Connectivity connectivity = Connectivity.Eight,
        PixelType outputType = PixelType.Float32)
    {
        var o = (options ?? new LandscapeOptions()).Validate();
        var map = ClassMap.Read(landCover);
        int width = map.Grid.Width, height = map.Grid.Height, size = o.WindowSize, half = size / 2;
        var result = new double[map.Index.Length];
        if (o.Aggregation == Aggregation.Units)
        {
            int unitsX = (width + size - 1) / size, unitsY = (height + size - 1) / size;
            PixelMap.ParallelRows(unitsY, uy =>
            {
                var ws = new Workspace(size * size);
                for (int ux = 0; ux < unitsX; ux++)
                {
                    int r0 = uy * size, c0 = ux * size, r1 = Math.Min(height, r0 + size), c1 = Math.Min(width, c0 + size);
                    double fn = Analyse(map.Index, width, c0, r0, c1 - c0, r1 - r0, 1, connectivity, ws, true).Fn;
                    for (int r = r0; r < r1; r++)
                        for (int c = c0; c < c1; c++) result[r * width + c] = map.Index[r * width + c] >= 0 ? fn : double.NaN;
                }
            });
        }
        else
        {
            PixelMap.ParallelRows(height, r =>
            {
                var ws = new Workspace(size * size);
                for (int c = 0; c < width; c++)
                {
                    int i = r * width + c;
                    if (map.Index[i] < 0) { result[i] = double.NaN; continue; }
                    int r0 = Math.Max(0, r - half), c0 = Math.Max(0, c - half);
                    int r1 = Math.Min(height, r + half + 1), c1 = Math.Min(width, c + half + 1);
                    result[i] = Analyse(map.Index, width, c0, r0, c1 - c0, r1 - r0, 1, connectivity, ws, true).Fn;
                }
            });
        }
        return PixelMap.ToRaster(map.Grid, result, outputType);
    }

    private sealed class Workspace(int capacity)
    {
        public readonly bool[] Visited = new bool[capacity];
        public readonly int[] Stack = new int[capacity];
    }

    private static FragmentationResult Analyse(int[] index, int stride, int x0, int y0, int w, int h, double pixelArea,
        Connectivity connectivity, Workspace ws, bool missingIsNegative)
    {
        Array.Clear(ws.Visited, 0, w * h);
        int patches = 0, minSize = int.MaxValue; long total = 0;
        int nb = connectivity == Connectivity.Eight ? 8 : 4;
        ReadOnlySpan<int> dr = connectivity == Connectivity.Eight ? [-1, -1, -1, 0, 0, 1, 1, 1] : [-1, 0, 0, 1];
        ReadOnlySpan<int> dc = connectivity == Connectivity.Eight ? [-1, 0, 1, -1, 1, -1, 0, 1] : [0, -1, 1, 0];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int local = r * w + c;
                int cls = index[(y0 + r) * stride + x0 + c];
                if (ws.Visited[local] || (missingIsNegative && cls < 0)) continue;
                // Flood fill the patch of class cls.
                int top = 0, size = 0;
                ws.Stack[top++] = local; ws.Visited[local] = true;
                while (top > 0)
                {
                    int p = ws.Stack[--top]; size++;
                    int pr = p / w, pc = p % w;
                    for (int k = 0; k < nb; k++)
                    {
                        int qr = pr + dr[k], qc = pc + dc[k];
                        if ((uint)qr >= (uint)h || (uint)qc >= (uint)w) continue;
                        int q = qr * w + qc;
                        if (ws.Visited[q] || index[(y0 + qr) * stride + x0 + qc] != cls) continue;
                        ws.Visited[q] = true; ws.Stack[top++] = q;
                    }
                }
                patches++; total += size; if (size < minSize) minSize = size;
            }
        if (patches == 0) return new FragmentationResult(0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double ta = total * pixelArea, amin = minSize * pixelArea, mean = ta / patches;
        double mps = mean / amin, nc = ta / amin;
        return new FragmentationResult(patches, ta, mean, amin, mps, nc, Fn(mps, patches, nc));
    }
}
