using System.Globalization;
using EcoNotebooks.IO;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Landsat;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>
/// The real-product route of the Lingbei loader: the Landsat Collection 2 Level-2 scene folders of a year (as USGS
/// delivers them) are opened, clipped and masked to the study-area boundary, cloud-masked with QA_PIXEL and composited
/// per pixel (the paper: median of the August–December scenes), then put on the grid of the other layers. The same
/// code runs on the synthetic sample and on a user's downloads. Nothing is written.
/// Python/GEE equivalent: <c>ee.ImageCollection('LANDSAT/LT05/C02/T1_L2').filterBounds(roi).filterDate(aug, dec)
/// .map(maskQa).median().clip(roi)</c>.
/// </summary>
public static class LingbeiLandsat
{
    /// <summary>Names tried, in order, for the study-area boundary in a data folder.</summary>
    public static IReadOnlyList<string> BoundaryFileNames { get; } = ["boundary.geojson", "boundary.json", "boundary.shp"];

    /// <summary>
    /// The scene folders of <paramref name="year"/> in a data folder: the sub-folders of <c>landsat/YYYY/</c>, or, when
    /// that does not exist, of <c>cache/landsat/YYYY/</c> (where the synthetic sample regenerates its scenes); hidden
    /// folders (temporary, being written) are skipped. Sorted by name; empty when there are none.
    /// </summary>
    public static IReadOnlyList<string> SceneFolders(string folder, int year)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string y = year.ToString(CultureInfo.InvariantCulture);
        foreach (var root in new[] { Path.Combine(folder, "landsat", y), Path.Combine(folder, "cache", "landsat", y) })
        {
            if (!Directory.Exists(root)) continue;
            var dirs = Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).OrderBy(d => d, StringComparer.Ordinal).ToList();
            if (dirs.Count > 0) return dirs;
        }
        return [];
    }

    /// <summary>The boundary file of a data folder (first of <see cref="BoundaryFileNames"/> present), or null.</summary>
    public static string? FindBoundary(string folder) =>
        BoundaryFileNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Composites the scenes of one year onto <paramref name="target"/>: each scene is opened
    /// (<see cref="LandsatScene.Open"/>: a missing band file or an unknown sensor is a one-line error naming the file),
    /// checked to lie in the window of <paramref name="options"/>, read inside the boundary with the QA_PIXEL mask
    /// (<see cref="LandsatScene.Load"/>), brought onto the first scene's grid if another path/row, and composited
    /// (<see cref="SceneComposite.Create"/>). When the clipped composite's grid is not <paramref name="target"/> it is
    /// resampled onto it (bilinear; put the other layers on the scenes' 30 m grid to avoid this).
    /// </summary>
    /// <param name="sceneFolders">Scene folders (or MTL files) of the year.</param>
    /// <param name="year">The study year (names the period in errors).</param>
    /// <param name="boundary">Study area.</param>
    /// <param name="target">Grid of the other layers (dem.tif).</param>
    /// <param name="options">Window, method, cloud mask (null = the paper's).</param>
    /// <exception cref="ArgumentException">No scene; a scene outside the window, without a date or without ST_TRAD; mixed sensors; no clear pixel in the year (naming the scenes).</exception>
    public static (SpectralBands Composite, LingbeiLandsatSource Source) Composite(IReadOnlyList<string> sceneFolders, int year, Boundary boundary,
        RasterGrid target, LingbeiCompositeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sceneFolders);
        ArgumentNullException.ThrowIfNull(boundary);
        ArgumentNullException.ThrowIfNull(target);
        options ??= LingbeiCompositeOptions.Default;
        var period = options.Period(year);
        if (sceneFolders.Count == 0) throw new ArgumentException($"year {year}: no Landsat scene folder.", nameof(sceneFolders));
        var load = new LandsatLoadOptions { Boundary = boundary, CloudMask = options.CloudMask };
        var scenes = new List<SpectralBands>();
        var clear = new List<double>();
        var dates = new List<DateOnly>();
        foreach (var dir in sceneFolders)
        {
            var scene = LandsatScene.Open(dir);
            var date = scene.Date ?? throw new FileFormatException(scene.Metadata.Path, "DATE_ACQUIRED is missing, so the scene cannot be assigned to a year.");
            if (!period.Contains(date))
                throw new ArgumentException($"{dir}: scene {scene.Name} was acquired on {date:yyyy-MM-dd}, outside the {year} compositing window {period.Start:yyyy-MM-dd} – {period.End:yyyy-MM-dd}; move it out of the year's folder or change the window.");
            if (scene.ThermalRadiancePath() is null)
                throw new FileNotFoundException($"{dir}: scene {scene.Name} has no ST_TRAD (thermal radiance) layer, which the land-surface temperature indicator (C9, Eq. 8) needs; download the L2SP product (not L2SR).",
                    Path.Combine(dir, $"{scene.Name}_ST_TRAD.TIF"));
            var bands = scene.Load(load);
            if (scenes.Count > 0 && !bands.Grid.Matches(scenes[0].Grid)) bands = bands.WarpTo(scenes[0].Grid);
            scenes.Add(bands);
            dates.Add(date);
            var inside = RasterClip.Mask(bands.Grid, boundary);
            var c = bands.Clear!.Band(0).ToDoubleArray(false);
            long n = 0, k = 0;
            for (int i = 0; i < c.Length; i++) if (inside[i]) { n++; if (c[i] == 1) k++; }
            clear.Add(n == 0 ? 0 : 100.0 * k / n);
        }
        var sensors = scenes.Select(s => s.Sensor).Distinct().ToList();
        if (sensors.Count > 1)
            throw new ArgumentException($"year {year}: the scenes mix sensors ({string.Join(", ", scenes.Select(s => $"{s.Name} {s.Sensor}"))}); composite one sensor per year, as the paper did.");
        SpectralBands composite;
        try { composite = SceneComposite.Create(scenes, options.Method, period.Name); }
        catch (ArgumentException e) when (e.Message.Contains("no clear pixel", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{Path.GetDirectoryName(sceneFolders[0])}: {e.Message.Replace(" (Parameter 'scenes')", "", StringComparison.Ordinal)}");
        }
        if (!composite.Grid.Matches(target)) composite = composite.WarpTo(target);
        return (composite, new LingbeiLandsatSource(year, "scenes", sceneFolders.ToList(), dates, clear, options.Method));
    }
}
