using System.Globalization;
using EcoNotebooks.Interpolation;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.RemoteSensing.Modis;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Reads <see cref="ChangheInputs"/> for your own study area from a folder of GeoTIFFs (all on one grid) and a CSV:
/// <list type="bullet">
/// <item><c>land-cover.tif</c>: <see cref="LandCoverClass"/> codes (1 forest, 2 shrubland, 3 grassland, 4 farmland,
///   5 construction, 6 water, 7 bare; 0 = outside);</item>
/// <item><c>ld.tif</c>: land degradation 0–1 (e.g. from <c>econb</c>'s weighting tools, paper Eq. 5);</item>
/// <item><c>stations.csv</c> and <c>dem.tif</c>: meteorological station records (long format: station, lon, lat or x, y
///   in the grid's CRS, elevation, date, temperature °C, precipitation mm, solar MJ m⁻² and optionally
///   evapotranspiration mm, one row per station and month) and the elevation (m) on the grid; the annual climate
///   drivers MAT, MAP, MAE and MAS are interpolated from them by <see cref="ChangheStationClimate"/> (thin-plate spline
///   with elevation, as ANUSPLIN in the paper);</item>
/// <item>or prepared drivers <c>MAT.tif</c> (°C), <c>MAP.tif</c> (mm), <c>MAE.tif</c> (mm), <c>MAS.tif</c> (MJ m⁻²): a
///   present file takes precedence over the stations for that driver, so stations are needed only for the missing ones;</item>
/// <item><c>soil-samples.csv</c>: columns x, y (grid CRS units), CF, SOC, TN, AP, AK, pH, BD;</item>
/// <item><c>monthly/ndvi_YYYY-MM.tif</c>, <c>temperature_YYYY-MM.tif</c> (°C), <c>precipitation_YYYY-MM.tif</c> (mm),
///   <c>solar_YYYY-MM.tif</c> (MJ m⁻² month⁻¹) and optionally <c>evapotranspiration_YYYY-MM.tif</c> (mm) for every
///   month of whole years; a missing temperature, precipitation or solar raster is interpolated from that month's
///   rows of <c>stations.csv</c> (thin-plate spline with the DEM, ≥ 8 stations with a value) when CASA reads it;</item>
/// <item>optional <c>monthly/fine-ndvi_YYYY-MM.tif</c> and <c>coarse-ndvi_YYYY-MM.tif</c> (coarse resampled to the fine
///   grid) for the ESTARFM demonstration; instead of the coarse files, a <c>modis/</c> folder with the AppEEARS MOD13Q1
///   (or MYD13Q1 …) NDVI GeoTIFFs as delivered (<c>…_NDVI_doyYYYYDDD_aid0001.tif</c>, optionally with their
///   <c>…_pixel_reliability_…</c> or <c>…_VI_Quality_…</c> layers) gives the coarse NDVI of a month as the
///   maximum-value composite of the 16-day composites starting in that month, each read by
///   <see cref="ModisVegetationIndex"/> (scale 0.0001, fill and unreliable pixels NaN) and warped bilinearly onto the
///   grid.</item>
/// </list>
/// Monthly files are opened when CASA reads them, so memory holds one month at a time.
/// </summary>
public static class ChangheInputFiles
{
    /// <summary>Loads the folder described in the summary.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing (the message names it).</exception>
    /// <param name="directory">The input folder.</param>
    /// <param name="progress">Receives one line per interpolated climate driver.</param>
    /// <exception cref="IO.FileFormatException">stations.csv lacks a column or has a malformed value (file:line: detail).</exception>
    /// <exception cref="ArgumentException">A station lies outside dem.tif, too few stations have complete records, or grids differ.</exception>
    public static ChangheInputs Load(string directory, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Changhe input folder '{directory}' does not exist.");
        string Need(string name)
        {
            var path = Path.Combine(directory, name);
            return File.Exists(path) ? path : throw new FileNotFoundException($"Changhe input file '{path}' is missing (see ChangheInputFiles for the layout).", path);
        }
        var lc = GeoTiff.Read(Need("land-cover.tif"));
        var ld = GeoTiff.Read(Need("ld.tif"));
        var climate = new Dictionary<string, Raster>();
        foreach (var c in ChangheInputs.ClimateCodes)
            if (File.Exists(Path.Combine(directory, c + ".tif"))) climate[c] = GeoTiff.Read(Path.Combine(directory, c + ".tif"));
        var missing = ChangheInputs.ClimateCodes.Where(c => !climate.ContainsKey(c)).ToArray();
        string demPath = Path.Combine(directory, "dem.tif"), stationsPath = Path.Combine(directory, "stations.csv");
        var dem = File.Exists(demPath) ? GeoTiff.Read(demPath) : null;
        ChangheStationClimate? stations = null;
        if (missing.Length > 0)
        {
            if (!File.Exists(stationsPath))
                throw new FileNotFoundException($"Changhe input file '{Path.Combine(directory, missing[0] + ".tif")}' is missing and there is no '{stationsPath}' to interpolate {string.Join(", ", missing)} from (see ChangheInputFiles for the layout).", stationsPath);
            if (dem is null)
                throw new FileNotFoundException($"Changhe input file '{demPath}' is missing; it is needed to interpolate {string.Join(", ", missing)} from '{stationsPath}' (elevation covariate).", demPath);
            lc.Grid.EnsureSameGrid(dem.Grid, "land-cover.tif", "dem.tif");
            stations = ChangheStationClimate.Read(stationsPath, dem, demPath, progress);
            foreach (var c in missing) climate[c] = stations.Maps[c];
        }
        var soil = CsvTable.Read(Need("soil-samples.csv"), ["x", "y", .. ChangheInputs.SoilCodes]);
        var monthly = Path.Combine(directory, "monthly");
        if (!Directory.Exists(monthly)) throw new DirectoryNotFoundException($"Monthly input folder '{monthly}' does not exist.");
        var stamps = Directory.EnumerateFiles(monthly, "ndvi_*.tif").Select(f => Path.GetFileNameWithoutExtension(f)["ndvi_".Length..])
            .Select(s => DateTime.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateTime?)null)
            .Where(d => d is not null).Select(d => d!.Value).Order().ToArray();
        if (stamps.Length == 0) throw new FileNotFoundException($"No monthly/ndvi_YYYY-MM.tif files in '{directory}'.");
        string M(string kind, DateTime d) => Path.Combine(monthly, $"{kind}_{d:yyyy-MM}.tif");
        // Monthly climate: the raster when present, else that month interpolated from stations.csv (thin-plate spline + DEM).
        var stationTables = new Dictionary<string, StationTable>();
        IRasterSource Monthly(string kind, DateTime d)
        {
            if (File.Exists(M(kind, d))) return new GeoTiffFileSource(M(kind, d));
            if (!File.Exists(stationsPath) || dem is null)
                throw new FileNotFoundException($"Monthly input '{M(kind, d)}' is missing (and without stations.csv and dem.tif it cannot be interpolated).", M(kind, d));
            if (!stationTables.TryGetValue(kind, out var table))
            {
                lc.Grid.EnsureSameGrid(dem.Grid, "land-cover.tif", "dem.tif");
                stationTables[kind] = table = StationTable.Read(stationsPath, kind, lc.Grid.Crs);
                ChangheStationClimate.Sites(table, dem.Grid, stationsPath, demPath); // every station inside the DEM, with elevation
            }
            return StationMonthSource.Create(table, kind, d.Year, d.Month, dem, stationsPath);
        }
        var months = stamps.Select(d =>
        {
            string et = M("evapotranspiration", d);
            return new CasaMonth(d.Year, d.Month, new GeoTiffFileSource(M("ndvi", d)), Monthly("temperature", d),
                Monthly("precipitation", d), Monthly("solar", d), File.Exists(et) ? new GeoTiffFileSource(et) : null);
        }).ToArray();
        Func<int, int, IRasterSource>? Pair(string kind) =>
            Directory.EnumerateFiles(monthly, kind + "_*.tif").Any() ? (y, m) => new GeoTiffFileSource(M(kind, new DateTime(y, m, 1))) : null;
        var modis = Path.Combine(directory, "modis");
        var coarse = Pair("coarse-ndvi") ?? (Directory.Exists(modis) ? ModisMonthlyNdvi(modis, lc.Grid) : null);
        return new ChangheInputs(lc, months, climate, ld, soil, Pair("fine-ndvi"), coarse)
        { Dem = dem, StationClimate = stations, ClimateFromStations = missing }.Validate();
    }

    /// <summary>
    /// Monthly NDVI on <paramref name="grid"/> from a folder of AppEEARS MODIS VI GeoTIFFs: for (year, month), the
    /// per-pixel maximum (NaN skipped) over the NDVI composites whose start date falls in that month (maximum-value
    /// compositing, Holben 1986), each screened by its quality layer when one with the same product and date is present,
    /// and warped bilinearly (gdalwarp <c>-r bilinear</c>) onto the grid. R: <c>terra::app(rast(files) * 1e-4, max, na.rm = TRUE)</c>
    /// then <c>terra::project(x, grid, method = "bilinear")</c>.
    /// </summary>
    /// <param name="folder">The folder (files are matched by <see cref="ModisLayerName.TryParse"/>).</param>
    /// <param name="grid">The analysis grid.</param>
    /// <remarks>A composite whose quality layer rejects every pixel on the grid (cloudy over the whole area) is skipped;
    /// a month whose composites are all skipped is all NaN.</remarks>
    /// <exception cref="FileNotFoundException">The folder holds no NDVI layer, or (when called) none for the month asked.</exception>
    /// <exception cref="ArgumentException">(When called) a composite does not overlap the grid.</exception>
    public static Func<int, int, IRasterSource> ModisMonthlyNdvi(string folder, RasterGrid grid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(grid);
        var layers = Directory.EnumerateFiles(folder, "*.tif").Select(f => (Path: f, Name: ModisLayerName.TryParse(f))).Where(t => t.Name is not null)
            .Select(t => (t.Path, Name: t.Name!)).ToArray();
        var ndvi = layers.Where(t => t.Name.Layer.EndsWith("NDVI", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (ndvi.Length == 0) throw new FileNotFoundException($"'{folder}' holds no AppEEARS MODIS NDVI layer (…_NDVI_doyYYYYDDD….tif).", folder);
        string? Quality(ModisLayerName n) => layers.Where(t => t.Name.Product == n.Product && t.Name.Date == n.Date &&
            (t.Name.Layer.Contains("pixel_reliability", StringComparison.OrdinalIgnoreCase) || t.Name.Layer.Contains("VI_Quality", StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.Path).FirstOrDefault();
        return (year, month) =>
        {
            var files = ndvi.Where(t => t.Name.Date.Year == year && t.Name.Date.Month == month).OrderBy(t => t.Path, StringComparer.Ordinal).ToArray();
            if (files.Length == 0) throw new FileNotFoundException($"'{folder}' has no MODIS NDVI composite starting in {year}-{month:00}.", folder);
            var max = new double[grid.PixelCount];
            Array.Fill(max, double.NaN);
            foreach (var (path, name) in files)
            {
                string? q = Quality(name);
                double[] v;
                try { v = Warper.Warp(ModisVegetationIndex.Read(path, q), grid, ResamplingMethod.Bilinear, 0, path)[0].ToDoubleArray(); }
                catch (ArgumentException) when (q is not null)
                {
                    // No accepted pixel on the grid: a composite cloudy over the whole area is skipped; a file that does not
                    // overlap the grid at all still fails (the unscreened warp below throws the message naming the file).
                    _ = Warper.Warp(ModisVegetationIndex.Read(path), grid, ResamplingMethod.Bilinear, 0, path);
                    continue;
                }
                for (int i = 0; i < max.Length; i++)
                    if (!double.IsNaN(v[i]) && !(v[i] <= max[i])) max[i] = v[i];
            }
            return Raster.FromArray(grid, max);
        };
    }
}

/// <summary>
/// One month of a station variable interpolated onto the DEM's grid by the thin-plate spline with elevation, computed
/// on each read (no pixels kept): the stations' values in that month (averaged per station when a station has several
/// rows), at least <see cref="ChangheStationClimate.MinimumStations"/> of them.
/// </summary>
internal sealed class StationMonthSource : IRasterSource
{
    private readonly IReadOnlyList<StationObservation> _obs;
    private readonly SpatialReference _crs;
    private readonly IRasterSource _dem;
    private readonly string _source;

    private StationMonthSource(IReadOnlyList<StationObservation> obs, SpatialReference crs, IRasterSource dem, string source)
    {
        _obs = obs; _crs = crs; _dem = dem; _source = source;
    }

    public static StationMonthSource Create(StationTable table, string variable, int year, int month, IRasterSource dem, string source)
    {
        var obs = table.Observations.Where(o => o.Date is DateOnly d && d.Year == year && d.Month == month && !double.IsNaN(o.Value))
            .GroupBy(o => o.Station, StringComparer.Ordinal).Select(g => g.First() with { Value = g.Average(o => o.Value) }).ToList();
        if (obs.Count < ChangheStationClimate.MinimumStations)
            throw new ArgumentException($"{source}: only {obs.Count} station(s) have a {variable} value in {year}-{month:00}; interpolating a monthly field needs at least {ChangheStationClimate.MinimumStations}.");
        return new StationMonthSource(obs, table.Crs, dem, source);
    }

    public RasterGrid Grid => _dem.Grid;
    public int BandCount => 1;
    public PixelType PixelType => PixelType.Float64;
    public double? NoData => null;
    public (int Width, int Height) BlockSize => (Grid.Width, Grid.Height);

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        if (band != 0) throw new ArgumentOutOfRangeException(nameof(band), band, "A station month has one band.");
        var full = StationInterpolation.Interpolate(_obs, _crs, Grid, new StationInterpolationOptions(), _dem, _source);
        full.ReadWindow(0, window, destination);
    }
}

/// <summary>An <see cref="IRasterSource"/> over a GeoTIFF that opens the file for each window read (no handle kept open).</summary>
internal sealed class GeoTiffFileSource : IRasterSource
{
    private readonly string _path;

    public GeoTiffFileSource(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"GeoTIFF '{path}' does not exist.", path);
        _path = path;
        using var r = GeoTiff.Open(path);
        Grid = r.Grid; BandCount = r.BandCount; PixelType = r.PixelType; NoData = r.NoData; BlockSize = r.BlockSize;
    }

    public RasterGrid Grid { get; }
    public int BandCount { get; }
    public PixelType PixelType { get; }
    public double? NoData { get; }
    public (int Width, int Height) BlockSize { get; }

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        using var r = GeoTiff.Open(_path);
        r.ReadWindow(band, window, destination);
    }
}
