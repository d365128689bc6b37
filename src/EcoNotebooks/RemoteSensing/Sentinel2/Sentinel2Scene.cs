using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.Vector;

namespace EcoNotebooks.RemoteSensing.Sentinel2;

/// <summary>
/// A Sentinel-2 Level-2A product whose bands are GeoTIFF/COG files in one folder (SAFE bands converted with
/// <c>gdal_translate</c>, or COGs as served by AWS/Planetary Computer), e.g. <c>T47SMB_20210815T043709_B04_10m.tif</c>,
/// <c>…_B11_20m.tif</c>, <c>…_SCL_20m.tif</c>, or <c>B04.tif</c>, <c>SCL.tif</c>.
/// Common names: blue B02, green B03, red B04, nir B08 (10 m), swir1 B11, swir2 B12 (20 m). For each band the finest
/// resolution present is used. Reflectance = (DN + BOA_ADD_OFFSET)/10000 with the offset of the processing baseline
/// (−1000 from 04.00), taken from <c>MTD_MSIL2A.xml</c> in the folder, from the product name (N0400) in the folder
/// name, or given explicitly.
/// </summary>
public sealed class Sentinel2Scene
{
    private readonly Dictionary<string, Sentinel2BandFile> _bands;

    private Sentinel2Scene(string folder, Dictionary<string, Sentinel2BandFile> bands, Sentinel2Radiometry radiometry, IReadOnlyList<CommonBand> opened)
    {
        Folder = folder; _bands = bands; Radiometry = radiometry; Bands = opened;
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }
    /// <summary>Baseline, offset and quantification in use.</summary>
    public Sentinel2Radiometry Radiometry { get; }
    /// <summary>Sensing date (from the band file names), or null.</summary>
    public DateOnly? Date => _bands.Values.Select(b => b.SensingTime).FirstOrDefault(t => t is not null) is DateTime t ? DateOnly.FromDateTime(t) : null;

    /// <summary>The band name of a common name.</summary>
    public static string BandName(CommonBand band) => band switch
    {
        CommonBand.Blue => "B02",
        CommonBand.Green => "B03",
        CommonBand.Red => "B04",
        CommonBand.Nir => "B08",
        CommonBand.Swir1 => "B11",
        CommonBand.Swir2 => "B12",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Sentinel-2 has no thermal band."),
    };

    /// <summary>
    /// Opens a folder; <paramref name="processingBaseline"/> overrides the metadata. <paramref name="bands"/> are the
    /// reflective bands the product must hold (default all six; e.g. red and NIR for NDVI, so a download of B04, B08 and
    /// SCL is enough); SCL is always required. Missing bands, SCL or an unknown baseline give one-line errors naming the
    /// folder; an unreadable <c>MTD_MSIL2A.xml</c> names the file.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bands"/> is empty or holds the thermal band.</exception>
    public static Sentinel2Scene Open(string folder, double? processingBaseline = null, IReadOnlyCollection<CommonBand>? bands = null)
    {
        var required = (bands ?? AllReflective).Distinct().OrderBy(b => b).ToArray();
        if (required.Length == 0) throw new ArgumentException("At least one reflective band must be requested.", nameof(bands));
        foreach (var c in required) BandName(c); // thermal → ArgumentOutOfRangeException naming the band
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: Sentinel-2 product folder not found.");
        var files = Directory.GetFiles(folder).Select(Sentinel2BandFile.TryParse).Where(f => f is not null).Select(f => f!)
            .GroupBy(f => f.Band).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Resolution ?? 0).First());
        Sentinel2Radiometry rad;
        var mtd = Path.Combine(folder, "MTD_MSIL2A.xml");
        if (processingBaseline is double b) rad = Sentinel2Radiometry.ForBaseline(b);
        else if (System.IO.File.Exists(mtd)) rad = Sentinel2Radiometry.FromMetadata(mtd);
        else if (Sentinel2Radiometry.BaselineFromProductName(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))) is double nb) rad = Sentinel2Radiometry.ForBaseline(nb);
        else throw new ArgumentException($"{folder}: the processing baseline is unknown (no MTD_MSIL2A.xml and no _Nxxxx_ in the folder name); pass it explicitly (≥ 4.00 means BOA_ADD_OFFSET = −1000).");
        var scene = new Sentinel2Scene(folder, files, rad, required);
        foreach (var c in required) scene.File(BandName(c));
        scene.File("SCL");
        return scene;
    }

    private static readonly CommonBand[] AllReflective = [CommonBand.Blue, CommonBand.Green, CommonBand.Red, CommonBand.Nir, CommonBand.Swir1, CommonBand.Swir2];

    /// <summary>The reflective bands this scene was opened for, in common-name order (the bands <c>Load</c> reads).</summary>
    public IReadOnlyList<CommonBand> Bands { get; }

    /// <summary>The file of a band (B04, SCL, …); one-line error naming the folder when absent.</summary>
    public Sentinel2BandFile File(string band) => _bands.TryGetValue(band, out var f) ? f
        : throw new FileNotFoundException($"{Folder}: Sentinel-2 product is missing band {band} (expected e.g. T..._{band}_{(band is "B02" or "B03" or "B04" or "B08" ? "10" : "20")}m.tif or {band}.tif).");

    /// <summary>
    /// Reads the reflective bands of <see cref="Bands"/> (by default all six) on the red band's (10 m) grid, clipped and
    /// masked to the boundary when given; 20 m bands are resampled with <paramref name="resampling"/> (bilinear by
    /// default), SCL with nearest. Pixels whose SCL class is not in <paramref name="clearClasses"/> are NaN when
    /// <paramref name="applyMask"/>. Bands the scene was not opened for are all-NaN rasters and are left out of
    /// <see cref="SpectralBands.Available"/>.
    /// </summary>
    public SpectralBands Load(Boundary? boundary = null, IReadOnlySet<SceneClass>? clearClasses = null, bool applyMask = true, ResamplingMethod resampling = ResamplingMethod.Bilinear)
    {
        RasterGrid grid;
        using (var red = GeoTiff.Open(File(BandName(Bands.Contains(CommonBand.Red) ? CommonBand.Red : Bands[0])).Path)) grid = red.Grid;
        if (boundary is not null) grid = grid.Subset(RasterClip.Window(grid, boundary, Folder));
        var inside = boundary is null ? null : RasterClip.Mask(grid, boundary);
        return LoadOnto(grid, inside, clearClasses, applyMask, resampling);
    }

    /// <summary>
    /// Reads the reflective bands of <see cref="Bands"/> and the SCL mask onto an analysis grid <paramref name="grid"/>
    /// (e.g. the grid of a region mask): directly when the grid is a pixel-aligned part of the band's grid, else by
    /// warping (reflectance with <paramref name="resampling"/>, SCL with nearest; any supported CRS). Pixels whose SCL
    /// class is not in <paramref name="clearClasses"/> are NaN when <paramref name="applyMask"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A band does not cover <paramref name="grid"/> (names the band file).</exception>
    public SpectralBands Load(RasterGrid grid, IReadOnlySet<SceneClass>? clearClasses = null, bool applyMask = true, ResamplingMethod resampling = ResamplingMethod.Bilinear)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return LoadOnto(grid, null, clearClasses, applyMask, resampling);
    }

    private SpectralBands LoadOnto(RasterGrid grid, bool[]? inside, IReadOnlySet<SceneClass>? clearClasses, bool applyMask, ResamplingMethod resampling)
    {
        var scl = Read(File("SCL").Path, grid, ResamplingMethod.Nearest, null);
        var clear = new double[grid.PixelCount];
        for (int i = 0; i < clear.Length; i++) clear[i] = SceneClassification.IsClear(scl[i], clearClasses) && (inside is null || inside[i]) ? 1 : 0;
        Raster? empty = null;
        Raster Band(CommonBand c)
        {
            if (!Bands.Contains(c))
            {
                if (empty is null) { var nan = new float[grid.PixelCount]; Array.Fill(nan, float.NaN); empty = Raster.FromArray(grid, nan); }
                return empty;
            }
            var v = Read(File(BandName(c)).Path, grid, resampling, Radiometry);
            var f = new float[v.Length];
            for (int i = 0; i < f.Length; i++) f[i] = (applyMask && clear[i] != 1) || (inside is not null && !inside[i]) ? float.NaN : (float)v[i];
            return Raster.FromArray(grid, f);
        }
        var clearRaster = Raster.Create(grid, PixelType.UInt8);
        clearRaster.WriteWindow(0, new RasterWindow(0, 0, grid.Width, grid.Height), clear);
        return new SpectralBands(Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder)), Date, grid,
            Band(CommonBand.Blue), Band(CommonBand.Green), Band(CommonBand.Red), Band(CommonBand.Nir), Band(CommonBand.Swir1), Band(CommonBand.Swir2))
        {
            Clear = clearRaster,
            Available = Bands.Count == AllReflective.Length ? null : new HashSet<CommonBand>(Bands),
        };
    }

    private static RasterWindow SourceWindow(RasterGrid source, RasterGrid target, int margin, string path)
    {
        var tr = new CrsTransform(target.Crs, source.Crs, "target grid", path);
        double minC = double.PositiveInfinity, minR = double.PositiveInfinity, maxC = double.NegativeInfinity, maxR = double.NegativeInfinity;
        const int n = 16;
        for (int i = 0; i <= n; i++)
            foreach (var (c, r) in new[] { (target.Width * i / (double)n, 0.0), (target.Width * i / (double)n, (double)target.Height), (0.0, target.Height * i / (double)n), ((double)target.Width, target.Height * i / (double)n) })
            {
                var (x, y) = tr.Transform(target.Transform.ToWorld(c, r).X, target.Transform.ToWorld(c, r).Y);
                var (sc, sr) = source.Transform.ToPixel(x, y);
                minC = Math.Min(minC, sc); maxC = Math.Max(maxC, sc); minR = Math.Min(minR, sr); maxR = Math.Max(maxR, sr);
            }
        int x0 = Math.Max(0, (int)Math.Floor(minC) - margin), y0 = Math.Max(0, (int)Math.Floor(minR) - margin);
        int x1 = Math.Min(source.Width, (int)Math.Ceiling(maxC) + margin), y1 = Math.Min(source.Height, (int)Math.Ceiling(maxR) + margin);
        if (!double.IsFinite(minC) || x1 <= x0 || y1 <= y0)
            throw new ArgumentException($"{path}: the band does not cover the target grid ({target}); grids cannot be aligned (band grid {source}).");
        return new RasterWindow(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Reads a band file onto <paramref name="grid"/> (directly when the grids match, else by warping), scaling DNs to reflectance when <paramref name="rad"/> is given.</summary>
    private static double[] Read(string path, RasterGrid grid, ResamplingMethod method, Sentinel2Radiometry? rad)
    {
        using var reader = GeoTiff.Open(path);
        // Scale before resampling so that DN 0 (no data) never mixes into a bilinear or average value.
        IRasterSource src = reader;
        if (rad is not null)
        {
            // only the part of the file under the target grid (+ a margin for the resampling kernel) is read
            var win = SourceWindow(reader.Grid, grid, 4, path);
            var part = new double[win.PixelCount];
            reader.ReadWindow(0, win, part);
            var f = new float[part.Length];
            for (int i = 0; i < f.Length; i++) f[i] = NoData.IsMissing(part[i], reader.NoData) ? float.NaN : (float)rad.Reflectance(part[i]);
            src = Raster.FromArray(reader.Grid.Subset(win), f);
        }
        Raster r;
        var full = src.Grid;
        if (full.Crs.SameAs(grid.Crs) && full.Transform.ApproximatelyEquals(grid.Transform with { OriginX = full.Transform.OriginX, OriginY = full.Transform.OriginY }))
        {
            var (c, rr) = full.Transform.ToPixel(grid.Transform.OriginX, grid.Transform.OriginY);
            int ci = (int)Math.Round(c), ri = (int)Math.Round(rr);
            if (Math.Abs(c - ci) < 1e-6 && Math.Abs(rr - ri) < 1e-6 && ci >= 0 && ri >= 0 && ci + grid.Width <= full.Width && ri + grid.Height <= full.Height)
            {
                var v = new double[grid.PixelCount];
                src.ReadWindow(0, new RasterWindow(ci, ri, grid.Width, grid.Height), v);
                NoData.ToNaN(v, src.NoData);
                return v;
            }
        }
        r = Warper.Warp(src, grid, method, 0, path);
        return r.Band(0).ToDoubleArray();
    }
}
