using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>The spatial unit over which a landscape indicator (SHDI, BAI, HAI, ECO, FN) is computed for each pixel.</summary>
public enum Aggregation
{
    /// <summary>A square window of <see cref="LandscapeOptions.WindowSize"/> pixels centred on each pixel (FRAGSTATS
    /// "moving window"); windows are truncated at the raster border and count only valid pixels.</summary>
    MovingWindow,
    /// <summary>Non-overlapping square evaluation units of <see cref="LandscapeOptions.WindowSize"/> pixels (a fishnet
    /// from the upper-left corner); every pixel gets its unit's value.</summary>
    Units,
}

/// <summary>Options of the landscape indicators.</summary>
/// <param name="WindowSize">Window or unit side in pixels, ≥ 1 (odd for moving windows); default 11 (330 m on 30 m pixels).</param>
/// <param name="Aggregation">Moving window (default) or evaluation units.</param>
public sealed record LandscapeOptions(int WindowSize = 11, Aggregation Aggregation = Aggregation.MovingWindow)
{
    /// <summary>Throws when the window size is invalid.</summary>
    public LandscapeOptions Validate()
    {
        if (WindowSize < 1) throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "The window size must be ≥ 1 pixel.");
        if (Aggregation == Aggregation.MovingWindow && WindowSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "A moving window needs an odd size so it is centred on the pixel.");
        return this;
    }
}

/// <summary>A land-cover raster recoded to dense class indices 0…K−1 (−1 = missing), with the original codes.</summary>
/// <param name="Index">Row-major class index per pixel, −1 for missing.</param>
/// <param name="Codes">Original integer code of each class index, ascending.</param>
/// <param name="Grid">The grid.</param>
public sealed record ClassMap(int[] Index, int[] Codes, RasterGrid Grid)
{
    /// <summary>Reads a land-cover band (integer codes; NaN/nodata missing) and recodes it. Non-integer codes throw.</summary>
    public static ClassMap Read(BandRef landCover)
    {
        var v = PixelMap.ReadAll(landCover, nameof(landCover));
        var codes = new SortedSet<int>();
        foreach (var x in v)
        {
            if (double.IsNaN(x)) continue;
            if (x != Math.Floor(x) || x < int.MinValue || x > int.MaxValue)
                throw new ArgumentException($"Land-cover codes must be integers; found {x}.", nameof(landCover));
            codes.Add((int)x);
        }
        var arr = codes.ToArray();
        var lookup = new Dictionary<int, int>();
        for (int i = 0; i < arr.Length; i++) lookup[arr[i]] = i;
        var index = new int[v.Length];
        for (int i = 0; i < v.Length; i++) index[i] = double.IsNaN(v[i]) ? -1 : lookup[(int)v[i]];
        return new ClassMap(index, arr, landCover.Source.Grid);
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => Codes.Length;
}

/// <summary>
/// Running class counts over a moving window or evaluation units: the engine behind SHDI, BAI, HAI and ECO. For each
/// output pixel it knows N (valid pixels in the window), S = Σₖ nₖ ln nₖ and W = Σₖ nₖ wₖ for per-class weights wₖ,
/// updated incrementally. Moving windows use per-column class histograms that slide down the rows (O(1) per pixel and
/// row step) and a window histogram that slides along the row adding/removing whole columns (O(K) per pixel), so the
/// cost is O(pixels·K) whatever the window size. Rows are processed in parallel chunks.
/// </summary>
public static class LandscapeWindow
{
    /// <summary>Per-window result from N (valid pixels), S = Σ n ln n and W = Σ n·w.</summary>
    public delegate double WindowFunction(int count, double sumNLogN, double weightedSum);

    /// <summary>
    /// Evaluates <paramref name="f"/> for every pixel whose own class is valid (others NaN). <paramref name="weights"/>
    /// has one weight per class index (or null for all 0).
    /// </summary>
    public static double[] Evaluate(ClassMap map, LandscapeOptions options, double[]? weights, WindowFunction f)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(f);
        options.Validate();
        int k = map.ClassCount;
        var w = weights ?? new double[k];
        if (w.Length != k) throw new ArgumentException($"{w.Length} weights for {k} classes.", nameof(weights));
        return options.Aggregation == Aggregation.Units
            ? EvaluateUnits(map, options.WindowSize, w, f)
            : EvaluateMoving(map, options.WindowSize, w, f);
    }

    private static double NLogN(int n) => n <= 1 ? 0 : n * Math.Log(n);

    private static double[] EvaluateUnits(ClassMap map, int size, double[] w, WindowFunction f)
    {
        int width = map.Grid.Width, height = map.Grid.Height, k = map.ClassCount;
        var result = new double[map.Index.Length];
        int unitsX = (width + size - 1) / size, unitsY = (height + size - 1) / size;
        PixelMap.ParallelRows(unitsY, uy =>
        {
            var counts = new int[k];
            for (int ux = 0; ux < unitsX; ux++)
            {
                Array.Clear(counts);
                int r0 = uy * size, r1 = Math.Min(height, r0 + size), c0 = ux * size, c1 = Math.Min(width, c0 + size);
                int n = 0;
                for (int r = r0; r < r1; r++)
                    for (int c = c0; c < c1; c++) { int ci = map.Index[r * width + c]; if (ci >= 0) { counts[ci]++; n++; } }
                double s = 0, ws = 0;
                for (int j = 0; j < k; j++) { s += NLogN(counts[j]); ws += counts[j] * w[j]; }
                double value = n > 0 ? f(n, s, ws) : double.NaN;
                for (int r = r0; r < r1; r++)
                    for (int c = c0; c < c1; c++) result[r * width + c] = map.Index[r * width + c] >= 0 ? value : double.NaN;
            }
        });
        return result;
    }

    private static double[] EvaluateMoving(ClassMap map, int size, double[] w, WindowFunction f)
    {
        int width = map.Grid.Width, height = map.Grid.Height, k = map.ClassCount, half = size / 2;
        var result = new double[map.Index.Length];
        int chunk = Math.Max(16, height / (4 * Environment.ProcessorCount) + 1);
        int chunks = (height + chunk - 1) / chunk;
        PixelMap.ParallelRows(chunks, ch =>
        {
            int rStart = ch * chunk, rEnd = Math.Min(height, rStart + chunk);
            var col = new int[(long)width * k];   // class histogram of each column over rows r-half..r+half
            var counts = new int[k];
            for (int r = Math.Max(0, rStart - half); r <= Math.Min(height - 1, rStart + half); r++) AddRow(r, +1);
            for (int r = rStart; r < rEnd; r++)
            {
                if (r > rStart)
                {
                    if (r - half - 1 >= 0) AddRow(r - half - 1, -1);
                    if (r + half < height) AddRow(r + half, +1);
                }
                Array.Clear(counts);
                int n = 0; double s = 0, ws = 0;
                for (int c = 0; c <= Math.Min(width - 1, half); c++) AddColumn(c, +1, ref n, ref s, ref ws);
                for (int c = 0; c < width; c++)
                {
                    int i = r * width + c;
                    result[i] = map.Index[i] >= 0 && n > 0 ? f(n, s, ws) : double.NaN;
                    if (c + half + 1 < width) AddColumn(c + half + 1, +1, ref n, ref s, ref ws);
                    if (c - half >= 0) AddColumn(c - half, -1, ref n, ref s, ref ws);
                }
            }

            void AddRow(int r, int sign)
            {
                int o = r * width;
                for (int c = 0; c < width; c++) { int ci = map.Index[o + c]; if (ci >= 0) col[(long)c * k + ci] += sign; }
            }

            void AddColumn(int c, int sign, ref int n, ref double s, ref double ws)
            {
                long o = (long)c * k;
                for (int j = 0; j < k; j++)
                {
                    int d = col[o + j];
                    if (d == 0) continue;
                    int before = counts[j], after = before + sign * d;
                    s += NLogN(after) - NLogN(before);
                    ws += sign * d * w[j];
                    counts[j] = after;
                    n += sign * d;
                }
            }
        });
        return result;
    }
}
