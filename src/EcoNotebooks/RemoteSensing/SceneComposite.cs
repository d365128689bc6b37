using EcoNotebooks.Rasters;

namespace EcoNotebooks.RemoteSensing;

/// <summary>
/// Per-pixel compositing of several cloud-masked scenes on one grid (the Lingbei paper composites the August–December
/// Landsat scenes of each year). A pixel's observation is used when the scene's clear mask is 1 and all six
/// reflectances are present (all that every scene has read, see <see cref="SpectralBands.Available"/>: e.g. red and NIR
/// for an NDVI composite of Sentinel-2 scenes opened with only B04, B08 and SCL; the others stay NaN). A pixel without
/// any clear observation is NaN (and 0 in the composite's clear mask); a period without a single clear pixel anywhere
/// is an error naming the period.
/// </summary>
public static class SceneComposite
{
    /// <summary>Composites <paramref name="scenes"/> (all on one grid) with <paramref name="method"/>.</summary>
    /// <param name="scenes">Scenes, e.g. from <see cref="Landsat.LandsatScene.Load"/> with the same boundary.</param>
    /// <param name="method">Median or max-NDVI.</param>
    /// <param name="periodName">Name of the period (the output's <see cref="SpectralBands.Name"/> and in errors).</param>
    /// <exception cref="ArgumentException">No scenes, grids that differ (names both scenes), no clear pixel at all, or max-NDVI without red and NIR.</exception>
    public static SpectralBands Create(IReadOnlyList<SpectralBands> scenes, CompositeMethod method, string periodName)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(periodName);
        if (scenes.Count == 0) throw new ArgumentException($"composite period '{periodName}': no scenes in the period.", nameof(scenes));
        var grid = scenes[0].Grid;
        for (int s = 1; s < scenes.Count; s++)
            if (!grid.Matches(scenes[s].Grid))
                throw new ArgumentException($"composite period '{periodName}': grids cannot be aligned: {scenes[0].Name} is {grid}; {scenes[s].Name} is {scenes[s].Grid}. Resample with SpectralBands.WarpTo first.", nameof(scenes));
        int n = scenes.Count;
        long np = grid.PixelCount;
        // Reflective bands read by every scene (index 0–5 = blue … swir2); the others are NaN in the output.
        var common = Enumerable.Range(0, 6).Where(b => scenes.All(s => s.Has((CommonBand)b))).ToArray();
        if (common.Length == 0)
            throw new ArgumentException($"composite period '{periodName}': the scenes have no reflective band in common ({string.Join("; ", scenes.Select(s => $"{s.Name}: {string.Join(", ", s.Available ?? new HashSet<CommonBand>())}"))}).", nameof(scenes));
        if (method == CompositeMethod.MaxNdvi && !(common.Contains((int)CommonBand.Red) && common.Contains((int)CommonBand.Nir)))
            throw new ArgumentException($"composite period '{periodName}': a max-NDVI composite needs red and NIR in every scene.", nameof(scenes));
        var bands = new double[n][][];
        var ok = new bool[n][];
        bool thermal = scenes.All(s => s.ThermalRadiance is not null), temp = scenes.All(s => s.SurfaceTemperature is not null);
        var trad = thermal ? scenes.Select(s => s.ThermalRadiance!.Band(0).ToDoubleArray()).ToArray() : null;
        var st = temp ? scenes.Select(s => s.SurfaceTemperature!.Band(0).ToDoubleArray()).ToArray() : null;
        for (int s = 0; s < n; s++)
        {
            bands[s] = scenes[s].Reflective.Select(r => r.Band(0).ToDoubleArray()).ToArray();
            var clear = scenes[s].Clear?.Band(0).ToDoubleArray(false);
            ok[s] = new bool[np];
            for (long i = 0; i < np; i++)
            {
                bool good = clear is null || clear[i] == 1;
                foreach (int b in common) { if (!good) break; good = !double.IsNaN(bands[s][b][i]); }
                ok[s][i] = good;
            }
        }
        var outBands = Enumerable.Range(0, 6).Select(_ => new float[np]).ToArray();
        var outTrad = thermal ? new float[np] : null;
        var outSt = temp ? new float[np] : null;
        var outClear = new double[np];
        long clearCount = 0;
        var buf = new double[n];
        for (long i = 0; i < np; i++)
        {
            int count = 0, best = -1;
            double bestNdvi = double.NegativeInfinity;
            for (int s = 0; s < n; s++)
            {
                if (!ok[s][i]) continue;
                count++;
                double ndvi = (bands[s][3][i] - bands[s][2][i]) / (bands[s][3][i] + bands[s][2][i]);
                if (ndvi > bestNdvi || best < 0) { bestNdvi = ndvi; best = s; }
            }
            if (count == 0)
            {
                foreach (var o in outBands) o[i] = float.NaN;
                if (outTrad is not null) outTrad[i] = float.NaN;
                if (outSt is not null) outSt[i] = float.NaN;
                continue;
            }
            clearCount++; outClear[i] = 1;
            if (method == CompositeMethod.MaxNdvi)
            {
                for (int b = 0; b < 6; b++) outBands[b][i] = common.Contains(b) ? (float)bands[best][b][i] : float.NaN;
                if (outTrad is not null) outTrad[i] = (float)trad![best][i];
                if (outSt is not null) outSt[i] = (float)st![best][i];
            }
            else
            {
                for (int b = 0; b < 6; b++) outBands[b][i] = common.Contains(b) ? (float)Median(bands, b, ok, i, buf) : float.NaN;
                if (outTrad is not null) outTrad[i] = (float)MedianOf(trad!, ok, i, buf);
                if (outSt is not null) outSt[i] = (float)MedianOf(st!, ok, i, buf);
            }
        }
        if (clearCount == 0)
            throw new ArgumentException($"composite period '{periodName}': no clear pixel in any of the {n} scene(s) ({string.Join(", ", scenes.Select(s => s.Name))}).", nameof(scenes));
        var clearRaster = Raster.Create(grid, PixelType.UInt8);
        clearRaster.WriteWindow(0, new RasterWindow(0, 0, grid.Width, grid.Height), outClear);
        Raster R(float[] v) => Raster.FromArray(grid, v);
        var sensors = scenes.Select(s => s.Sensor).Distinct().ToArray();
        return new SpectralBands(periodName, null, grid, R(outBands[0]), R(outBands[1]), R(outBands[2]), R(outBands[3]), R(outBands[4]), R(outBands[5]))
        {
            Sensor = sensors.Length == 1 ? sensors[0] : null,
            ThermalRadiance = outTrad is null ? null : R(outTrad),
            SurfaceTemperature = outSt is null ? null : R(outSt),
            ThermalConstants = scenes.Select(s => s.ThermalConstants).Distinct().Count() == 1 ? scenes[0].ThermalConstants : null,
            Clear = clearRaster,
            Available = common.Length == 6 ? null : new HashSet<CommonBand>(common.Select(b => (CommonBand)b)),
        };
    }

    /// <summary>
    /// One composite per period from scenes with dates: each period takes the scenes whose <see cref="SpectralBands.Date"/>
    /// falls in it. A period with no scene or no clear pixel fails with a one-line error naming it; no partial result is returned.
    /// </summary>
    public static IReadOnlyList<SpectralBands> ByPeriod(IReadOnlyList<SpectralBands> scenes, IReadOnlyList<CompositePeriod> periods, CompositeMethod method)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(periods);
        foreach (var s in scenes) if (s.Date is null) throw new ArgumentException($"scene {s.Name} has no acquisition date, so it cannot be assigned to a period.", nameof(scenes));
        var result = new List<SpectralBands>();
        foreach (var p in periods)
        {
            var inPeriod = scenes.Where(s => p.Contains(s.Date!.Value)).ToList();
            if (inPeriod.Count == 0) throw new ArgumentException($"composite period '{p.Name}' ({p.Start:yyyy-MM-dd} – {p.End:yyyy-MM-dd}): no scene acquired in the period.", nameof(periods));
            result.Add(Create(inPeriod, method, p.Name));
        }
        return result;
    }

    private static double Median(double[][][] bands, int b, bool[][] ok, long i, double[] buf)
    {
        int k = 0;
        for (int s = 0; s < bands.Length; s++) if (ok[s][i]) buf[k++] = bands[s][b][i];
        return MedianInPlace(buf.AsSpan(0, k));
    }

    private static double MedianOf(double[][] v, bool[][] ok, long i, double[] buf)
    {
        int k = 0;
        for (int s = 0; s < v.Length; s++) if (ok[s][i] && !double.IsNaN(v[s][i])) buf[k++] = v[s][i];
        return k == 0 ? double.NaN : MedianInPlace(buf.AsSpan(0, k));
    }

    private static double MedianInPlace(Span<double> v)
    {
        v.Sort();
        int k = v.Length;
        return k % 2 == 1 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
    }
}
