using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Vector;

namespace EcoNotebooks.RemoteSensing.Landsat;

/// <summary>
/// A Landsat Collection 2 Level-2 scene as USGS delivers it: a folder (or the extracted .tar) with one GeoTIFF per band,
/// e.g. <c>LC08_L2SP_125034_20200815_20200919_02_T1_SR_B4.TIF</c>, <c>…_ST_B10.TIF</c>, <c>…_ST_TRAD.TIF</c>,
/// <c>…_QA_PIXEL.TIF</c>, and the metadata <c>…_MTL.txt</c> / <c>…_MTL.json</c> / <c>…_MTL.xml</c> (any one suffices;
/// txt is preferred, then json, then xml). Band files are taken from the metadata's FILE_NAME_BAND_n entries, falling
/// back to the USGS naming convention.
/// Scaling (C2 L2 Science Product Guide): reflectance ρ = DN·REFLECTANCE_MULT_BAND_n + REFLECTANCE_ADD_BAND_n
/// (2.75e-5, −0.2); temperature T = DN·TEMPERATURE_MULT + TEMPERATURE_ADD (0.00341802, 149.0 K); ST_TRAD radiance =
/// DN·0.001 W m⁻² sr⁻¹ µm⁻¹ with fill −9999; DN 0 is fill (missing) in SR and ST bands.
/// Python equivalent: <c>rioxarray.open_rasterio(f) * 2.75e-5 - 0.2</c> with <c>qa &amp; 0b11111</c> masking.
/// </summary>
public sealed class LandsatScene
{
    /// <summary>Scale of the ST_TRAD (thermal radiance) layer, W m⁻² sr⁻¹ µm⁻¹ per DN.</summary>
    public const double ThermalRadianceScale = 0.001;
    /// <summary>Fill value of the ST_TRAD, ST_URAD, ST_DRAD, ST_ATRAN layers.</summary>
    public const double ThermalRadianceFill = -9999;

    private LandsatScene(string folder, LandsatMetadata metadata)
    {
        Folder = folder; Metadata = metadata;
        Name = metadata.ProductId ?? Path.GetFileName(metadata.Path).Replace("_MTL", "", StringComparison.Ordinal);
    }

    /// <summary>The scene folder.</summary>
    public string Folder { get; }
    /// <summary>The parsed MTL metadata.</summary>
    public LandsatMetadata Metadata { get; }
    /// <summary>The sensor.</summary>
    public LandsatSensor Sensor => Metadata.Sensor;
    /// <summary>LANDSAT_PRODUCT_ID (or the MTL file stem).</summary>
    public string Name { get; }
    /// <summary>Acquisition date.</summary>
    public DateOnly? Date => Metadata.DateAcquired;

    /// <summary>
    /// Opens a scene from its folder or its MTL file, checking that the six reflective bands and QA_PIXEL exist.
    /// Errors are one line naming the folder and the problem (missing metadata, unknown sensor, missing band).
    /// </summary>
    public static LandsatScene Open(string folderOrMtl)
    {
        ArgumentNullException.ThrowIfNull(folderOrMtl);
        string folder, mtl;
        if (File.Exists(folderOrMtl)) { mtl = Path.GetFullPath(folderOrMtl); folder = Path.GetDirectoryName(mtl)!; }
        else if (Directory.Exists(folderOrMtl))
        {
            folder = Path.GetFullPath(folderOrMtl);
            mtl = FindMtl(folder) ?? throw new FileNotFoundException($"{folder}: no Landsat metadata file (*_MTL.txt, *_MTL.json or *_MTL.xml) in the scene folder.");
        }
        else throw new FileNotFoundException($"{folderOrMtl}: Landsat scene folder or MTL file not found.", folderOrMtl);
        var scene = new LandsatScene(folder, LandsatMetadata.Read(mtl));
        foreach (var b in new[] { CommonBand.Blue, CommonBand.Green, CommonBand.Red, CommonBand.Nir, CommonBand.Swir1, CommonBand.Swir2 })
            scene.BandPath(b);
        scene.QaPixelPath();
        return scene;
    }

    private static string? FindMtl(string folder)
    {
        foreach (var ext in new[] { "txt", "json", "xml" })
        {
            var hits = Directory.GetFiles(folder).Where(f => f.EndsWith("_MTL." + ext, StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            if (hits.Length > 1) throw new FileFormatException(folder, $"more than one Landsat metadata file ({string.Join(", ", hits.Select(Path.GetFileName))}); put each scene in its own folder.");
            if (hits.Length == 1) return hits[0];
        }
        return null;
    }

    /// <summary>File suffix of a common band: SR_B{n} for reflective bands, ST_B{n} for thermal.</summary>
    public string BandSuffix(CommonBand band)
    {
        int n = LandsatBandMap.BandNumber(Sensor, band);
        return band == CommonBand.Thermal ? $"ST_B{n}" : $"SR_B{n}";
    }

    /// <summary>Path of the GeoTIFF of <paramref name="band"/>; throws <see cref="FileNotFoundException"/> (one line naming folder and band) when absent.</summary>
    public string BandPath(CommonBand band)
    {
        int n = LandsatBandMap.BandNumber(Sensor, band);
        string key = band == CommonBand.Thermal ? $"FILE_NAME_BAND_ST_B{n}" : $"FILE_NAME_BAND_{n}";
        return Resolve(key, BandSuffix(band), $"band {BandSuffix(band)} ({band.ToString().ToLowerInvariant()})")
            ?? throw Missing(BandSuffix(band), $"band {BandSuffix(band)} ({band.ToString().ToLowerInvariant()})");
    }

    /// <summary>Path of QA_PIXEL; throws when absent.</summary>
    public string QaPixelPath() => Resolve("FILE_NAME_QUALITY_L1_PIXEL", "QA_PIXEL", "QA_PIXEL") ?? throw Missing("QA_PIXEL", "the QA_PIXEL band");

    /// <summary>Path of ST_TRAD (thermal radiance), or null when the product has none.</summary>
    public string? ThermalRadiancePath() => Resolve("FILE_NAME_THERMAL_RADIANCE", "ST_TRAD", "ST_TRAD");

    private FileNotFoundException Missing(string suffix, string what) =>
        new($"{Folder}: Landsat scene {Name} is missing {what}: expected {Expected(suffix)}.", Path.Combine(Folder, Expected(suffix)));

    private string Expected(string suffix) => $"{Name}_{suffix}.TIF";

    private string? Resolve(string key, string suffix, string what)
    {
        var names = new List<string>();
        if (Metadata.Get(key) is string fromMtl && fromMtl.Length > 0) names.Add(fromMtl);
        names.Add(Expected(suffix));
        foreach (var name in names)
        {
            var p = Path.Combine(Folder, name);
            if (File.Exists(p)) return p;
            var hit = Directory.GetFiles(Folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
            if (hit is not null) return hit;
        }
        _ = what;
        return null;
    }

    /// <summary>The grid of the scene (that of its red band).</summary>
    public RasterGrid Grid
    {
        get { using var r = GeoTiff.Open(BandPath(CommonBand.Red)); return r.Grid; }
    }

    private Raster ReadScaled(string path, RasterWindow? window, double mult, double add, double fill, RasterGrid? expectGrid)
    {
        using var reader = GeoTiff.Open(path);
        if (expectGrid is not null) reader.Grid.EnsureSameGrid(expectGrid, Path.GetFileName(path), BandSuffix(CommonBand.Red) + " band");
        var w = window ?? new RasterWindow(0, 0, reader.Grid.Width, reader.Grid.Height);
        var v = new double[w.PixelCount];
        reader.ReadWindow(0, w, v);
        var f = new float[v.Length];
        for (int i = 0; i < v.Length; i++)
            f[i] = v[i] == fill || NoData.IsMissing(v[i], reader.NoData) ? float.NaN : (float)(v[i] * mult + add);
        return Raster.FromArray(reader.Grid.Subset(w), f);
    }

    /// <summary>Surface reflectance of <paramref name="band"/> (float32, NaN = fill) in <paramref name="window"/> (whole scene when null).</summary>
    public Raster ReadReflectance(CommonBand band, RasterWindow? window = null)
    {
        if (band == CommonBand.Thermal) throw new ArgumentException("Thermal is not a reflectance band; use ReadSurfaceTemperature or ReadThermalRadiance.", nameof(band));
        var (m, a) = Metadata.ReflectanceScale(LandsatBandMap.BandNumber(Sensor, band));
        return ReadScaled(BandPath(band), window, m, a, 0, band == CommonBand.Red ? null : Grid);
    }

    /// <summary>Surface temperature in kelvin (float32, NaN = fill).</summary>
    public Raster ReadSurfaceTemperature(RasterWindow? window = null)
    {
        var (m, a) = Metadata.TemperatureScale();
        return ReadScaled(BandPath(CommonBand.Thermal), window, m, a, 0, Grid);
    }

    /// <summary>At-sensor thermal radiance from ST_TRAD (W m⁻² sr⁻¹ µm⁻¹), or null when absent.</summary>
    public Raster? ReadThermalRadiance(RasterWindow? window = null) =>
        ThermalRadiancePath() is string p ? ReadScaled(p, window, ThermalRadianceScale, 0, ThermalRadianceFill, Grid) : null;

    /// <summary>The raw QA_PIXEL words (uint16) in <paramref name="window"/>.</summary>
    public Raster ReadQaPixel(RasterWindow? window = null)
    {
        using var reader = GeoTiff.Open(QaPixelPath());
        reader.Grid.EnsureSameGrid(Grid, Path.GetFileName(reader.Path), "SR band");
        var w = window ?? new RasterWindow(0, 0, reader.Grid.Width, reader.Grid.Height);
        var v = new double[w.PixelCount];
        reader.ReadWindow(0, w, v);
        var r = Raster.Create(reader.Grid.Subset(w), PixelType.UInt16);
        r.WriteWindow(0, new RasterWindow(0, 0, w.Width, w.Height), v);
        return r;
    }

    /// <summary>
    /// Reads the scene as common-name reflectance bands, clipped to the boundary's window and masked outside it, with
    /// the QA_PIXEL clear mask (and, by default, non-clear pixels set to NaN). Nothing is written anywhere.
    /// </summary>
    public SpectralBands Load(LandsatLoadOptions? options = null)
    {
        options ??= LandsatLoadOptions.Default;
        var grid = Grid;
        RasterWindow? window = options.Boundary is null ? null : RasterClip.Window(grid, options.Boundary, Folder);
        var w = window ?? new RasterWindow(0, 0, grid.Width, grid.Height);
        var sub = grid.Subset(w);
        var clear = QaPixel.ClearMask(ReadQaPixel(window), options.CloudMask);
        var clearValues = clear.Band(0).ToDoubleArray(false);
        bool[]? inside = null;
        if (options.Boundary is not null)
        {
            inside = RasterClip.Mask(sub, options.Boundary);
            for (int i = 0; i < inside.Length; i++) if (!inside[i]) clearValues[i] = 0;
            clear.WriteWindow(0, new RasterWindow(0, 0, sub.Width, sub.Height), clearValues);
        }
        Raster Masked(Raster r)
        {
            if (!options.ApplyCloudMask && inside is null) return r;
            var b = (RasterBand<float>)r.Band(0);
            for (int i = 0; i < b.Data.Length; i++)
                if ((options.ApplyCloudMask && clearValues[i] != 1) || (inside is not null && !inside[i])) b.Data[i] = float.NaN;
            return r;
        }
        Raster R(CommonBand b) => Masked(ReadReflectance(b, window));
        Raster? st = null, trad = null;
        if (options.IncludeThermal || options.RequireThermal)
        {
            bool hasSt = TryBandPath(CommonBand.Thermal) is not null;
            if (options.RequireThermal && !hasSt) BandPath(CommonBand.Thermal);
            if (hasSt) st = Masked(ReadSurfaceTemperature(window));
            var tr = ReadThermalRadiance(window);
            if (tr is not null) trad = Masked(tr);
        }
        var (k1, k2, _) = Metadata.ThermalConstants();
        return new SpectralBands(Name, Date, sub, R(CommonBand.Blue), R(CommonBand.Green), R(CommonBand.Red), R(CommonBand.Nir), R(CommonBand.Swir1), R(CommonBand.Swir2))
        {
            Sensor = Sensor, SurfaceTemperature = st, ThermalRadiance = trad, ThermalConstants = (k1, k2), Clear = clear,
        };
    }

    private string? TryBandPath(CommonBand band)
    {
        try { return BandPath(band); } catch (FileNotFoundException) { return null; }
    }
}
