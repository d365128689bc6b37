using System.Globalization;
using EcoNotebooks.Indicators;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Lingbei;
using EcoNotebooks.Tables;
using EcoNotebooks.Vector;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>
/// The inputs of the Lingbei pipeline: raw layers of every study year on one grid, and optional named zones (mine
/// sites) for zonal series.
/// <para>Folder layout read by <see cref="Load"/> (the synthetic sample data-samples/lingbei has exactly this layout;
/// every raster except the Landsat scenes on one grid, GeoTIFF):</para>
/// <list type="table">
/// <item><term><c>scenes.csv</c></term><description>one row per year: <c>year, transmittance, upwelling, downwelling</c>
/// (τ, L↑, L↓ of the year's atmosphere for the LST, e.g. from atmcorr.gsfc.nasa.gov), <c>rainfall_scale,
/// erodibility_scale</c> (multiply stored values by these; 1 for float files in physical units); optional <c>sensor</c>
/// (TM, ETM or OLI: checked against the scenes' metadata; required with prepared layers) and, only for prepared layers,
/// <c>reflectance_scale, radiance_scale</c></description></item>
/// <item><term><c>boundary.geojson</c></term><description>the study area (GeoJSON in WGS 84 lon/lat, or with a
/// <c>crs</c> member; <c>boundary.shp</c> + <c>.prj</c> also works): the scenes are clipped to its bounding box and
/// masked outside it</description></item>
/// <item><term><c>landsat/YYYY/&lt;product id&gt;/</c></term><description>the Landsat Collection 2 Level-2 (L2SP) scene
/// folders of the year as USGS delivers them (SR_B*, ST_TRAD, QA_PIXEL, MTL); every scene of the compositing window
/// (August–December) is cloud-masked and composited per pixel by median (<see cref="LingbeiLandsat"/>). The sample's
/// scenes are regenerated into <c>cache/landsat/YYYY/</c>.</description></item>
/// <item><term><c>landsat_YYYY.tif</c> (instead of the scene folders)</term><description>a prepared composite, 7 bands:
/// blue, green, red, NIR, SWIR1, SWIR2 surface reflectance, thermal at-sensor radiance (W m⁻² sr⁻¹ µm⁻¹); also looked
/// for in <c>cache/</c></description></item>
/// <item><term><c>landcover_YYYY.tif</c></term><description>CLCD codes (1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 6 snow/ice, 7 barren, 8 impervious, 9 wetland)</description></item>
/// <item><term><c>rainfall_YYYY.tif</c></term><description>12 bands, monthly rainfall January–December, mm</description></item>
/// <item><term><c>population_YYYY.tif, pm25_YYYY.tif, co2_YYYY.tif</c></term><description>persons per pixel; µg m⁻³; t km⁻² a⁻¹</description></item>
/// <item><term><c>dem.tif, erodibility.tif</c></term><description>elevation, m; RUSLE K, t ha h ha⁻¹ MJ⁻¹ mm⁻¹. dem.tif's grid is the analysis grid.</description></item>
/// <item><term><c>sites.tif</c> + <c>sites.csv</c> (optional)</term><description>zone codes (0 = none) and <c>code, name</c></description></item>
/// </list>
/// </summary>
/// <param name="Grid">The common grid.</param>
/// <param name="Years">Raw inputs per year, in year order.</param>
/// <param name="Zones">Zone raster (integer codes, 0 = no zone), or null.</param>
/// <param name="ZoneNames">Name of each zone code.</param>
public sealed record LingbeiDataset(RasterGrid Grid, IReadOnlyList<IndicatorYearInputs> Years, Raster? Zones, IReadOnlyDictionary<int, string> ZoneNames)
{
    /// <summary>The committed sample folder, relative to the repository root.</summary>
    public const string SampleFolder = "data-samples/lingbei";

    /// <summary>Where each year's Landsat layers came from (scene folders and their clear shares, or a prepared file); empty for <see cref="FromSample"/>.</summary>
    public IReadOnlyList<LingbeiLandsatSource> LandsatSources { get; init; } = [];

    /// <summary>
    /// Loads a data set folder (layout in the type's remarks): per year either the Landsat scene folders under
    /// <c>landsat/YYYY/</c> (clipped to boundary.geojson, cloud-masked and composited, <see cref="LingbeiLandsat"/>) or
    /// a prepared <c>landsat_YYYY.tif</c>, plus the other layers. When the folder is the synthetic sample and its scene
    /// folders are missing or stale, they are regenerated deterministically into <c>cache/</c> first
    /// (<see cref="LingbeiSamples.EnsureLandsat"/>); otherwise nothing is written. Errors are one line naming the file.
    /// </summary>
    /// <param name="folder">Folder with scenes.csv and the layers.</param>
    /// <param name="years">Years to load (null = every row of scenes.csv).</param>
    /// <param name="composite">Compositing window, method and cloud mask of the scene route (null = the paper's: August–December median).</param>
    public static LingbeiDataset Load(string folder, IReadOnlyList<int>? years = null, LingbeiCompositeOptions? composite = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Lingbei data folder '{folder}' does not exist.");
        string scenesPath = Path.Combine(folder, "scenes.csv");
        if (!File.Exists(scenesPath)) throw new FileNotFoundException($"'{scenesPath}' is missing; a Lingbei data folder needs scenes.csv (see LingbeiDataset).", scenesPath);
        if (LingbeiSamples.IsSampleFolder(folder)) LingbeiSamples.EnsureLandsat(folder);
        string[] required = ["year", "transmittance", "upwelling", "downwelling", "rainfall_scale", "erodibility_scale"];
        var columns = CsvTable.Read(scenesPath).Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var scenes = CsvTable.Read(scenesPath, [.. required, .. new[] { "reflectance_scale", "radiance_scale" }.Where(columns.Contains)]);
        var yearCol = CsvTable.NumericColumn(scenes, "year", scenesPath);
        var sensors = columns.Contains("sensor") ? CsvTable.TextColumn(scenes, "sensor", scenesPath) : null;
        double Num(string col, int row)
        {
            if (!columns.Contains(col)) throw new FileFormatException(scenesPath, $"missing column '{col}' (needed for prepared landsat_YYYY.tif layers); columns are {string.Join(", ", columns)}.", 1);
            return CsvTable.NumericColumn(scenes, col, scenesPath)[row];
        }
        var rows = Enumerable.Range(0, yearCol.Length).Where(i => years is null || years.Contains((int)yearCol[i])).OrderBy(i => yearCol[i]).ToArray();
        if (years is not null)
            foreach (var y in years)
                if (!yearCol.Contains(y)) throw new ArgumentException($"Year {y} is not in {scenesPath} (years: {string.Join(", ", yearCol)}).", nameof(years));

        Raster Tif(string name)
        {
            string p = Path.Combine(folder, name);
            if (!File.Exists(p)) throw new FileNotFoundException($"'{p}' is missing.", p);
            return GeoTiff.Read(p);
        }
        double kScale = rows.Length > 0 ? Num("erodibility_scale", rows[0]) : 1;
        var dem = Scaled(Tif("dem.tif"), 0, 1);
        var erod = Scaled(Tif("erodibility.tif"), 0, kScale);
        var grid = dem.Grid;
        grid.EnsureSameGrid(erod.Grid, "dem.tif", "erodibility.tif");
        Boundary? boundary = null;
        var inputs = new List<IndicatorYearInputs>();
        var sources = new List<LingbeiLandsatSource>();
        foreach (int i in rows)
        {
            int y = (int)yearCol[i];
            Sensor? csvSensor = sensors is null || sensors[i].Trim().Length == 0 ? null : ParseSensor(sensors[i], scenesPath, i);
            string landsatName = $"landsat_{y}.tif";
            string lp = Path.Combine(folder, landsatName);
            if (!File.Exists(lp)) lp = Path.Combine(folder, "cache", landsatName);
            var sceneDirs = LingbeiLandsat.SceneFolders(folder, y);
            BandSet bands;
            if (sceneDirs.Count > 0)
            {
                if (File.Exists(lp))
                    throw new ArgumentException($"{folder}: year {y} has both a prepared {lp} and Landsat scene folders ({Path.GetDirectoryName(sceneDirs[0])}); keep one.");
                if (boundary is null)
                {
                    string bp = LingbeiLandsat.FindBoundary(folder)
                        ?? throw new FileNotFoundException($"{Path.Combine(folder, "boundary.geojson")}: missing; Landsat scene folders are clipped to the study-area boundary (GeoJSON in lon/lat, or boundary.shp with .prj).", Path.Combine(folder, "boundary.geojson"));
                    boundary = Boundary.Read(bp);
                }
                var (comp, source) = LingbeiLandsat.Composite(sceneDirs, y, boundary, grid, composite);
                bands = comp.ToBandSet();
                if (csvSensor is Sensor cs && cs != bands.Sensor)
                    throw new FileFormatException(scenesPath, $"year {y} says sensor '{sensors![i]}', but its scenes are {bands.Sensor} ({string.Join(", ", sceneDirs.Select(Path.GetFileName))}).", i + 2);
                sources.Add(source);
            }
            else if (File.Exists(lp))
            {
                var sensor = csvSensor ?? throw new FileFormatException(scenesPath, $"year {y}: a prepared {landsatName} needs the 'sensor' column (TM, ETM or OLI).", i + 2);
                var ls = GeoTiff.Read(lp);
                if (ls.BandCount != 7) throw new FileFormatException(lp, $"has {ls.BandCount} bands; 7 are needed (blue, green, red, NIR, SWIR1, SWIR2, thermal radiance).");
                grid.EnsureSameGrid(ls.Grid, "dem.tif", landsatName);
                double rs = Num("reflectance_scale", i), ts = Num("radiance_scale", i);
                var b = Enumerable.Range(0, 7).Select(k => (BandRef)Scaled(ls, k, k < 6 ? rs : ts)).ToArray();
                bands = new BandSet(sensor, b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
                sources.Add(new LingbeiLandsatSource(y, "prepared", [lp], [], [], null));
            }
            else
                throw new FileNotFoundException($"{folder}: no Landsat data for {y}: expected scene folders in {Path.Combine(folder, "landsat", y.ToString(CultureInfo.InvariantCulture))}{Path.DirectorySeparatorChar} or a prepared {landsatName}.",
                    Path.Combine(folder, "landsat", y.ToString(CultureInfo.InvariantCulture)));
            var lc = Tif($"landcover_{y}.tif");
            var rainRaster = Tif($"rainfall_{y}.tif");
            if (rainRaster.BandCount != 12) throw new FileFormatException(Path.Combine(folder, $"rainfall_{y}.tif"), $"has {rainRaster.BandCount} bands; 12 monthly bands are needed.");
            double rr = Num("rainfall_scale", i);
            var rain = Enumerable.Range(0, 12).Select(m => (BandRef)Scaled(rainRaster, m, rr)).ToArray();
            var atm = new AtmosphericProfile(Num("transmittance", i), Num("upwelling", i), Num("downwelling", i)).Validate();
            inputs.Add(new IndicatorYearInputs(y, bands, atm, dem, lc, rain, erod, Tif($"population_{y}.tif"), Tif($"pm25_{y}.tif"), Tif($"co2_{y}.tif")));
        }
        Raster? zones = null;
        var names = new Dictionary<int, string>();
        if (File.Exists(Path.Combine(folder, "sites.tif")))
        {
            zones = Tif("sites.tif");
            grid.EnsureSameGrid(zones.Grid, "dem.tif", "sites.tif");
            string sp = Path.Combine(folder, "sites.csv");
            if (File.Exists(sp))
            {
                var s = CsvTable.Read(sp, ["code"]);
                var codes = CsvTable.NumericColumn(s, "code", sp); var nm = CsvTable.TextColumn(s, "name", sp);
                for (int k = 0; k < codes.Length; k++) names[(int)codes[k]] = nm[k];
            }
        }
        return new LingbeiDataset(grid, inputs, zones, names) { LandsatSources = sources };
    }

    /// <summary>
    /// <see cref="LandsatSources"/> as a DataFrame, one row per scene (or prepared file): year, route ("scenes" or
    /// "prepared"), file (scene product id or file name), date (yyyy-MM-dd, empty for prepared), clear_pct (share of
    /// study-area pixels clear in QA_PIXEL, NaN for prepared), method (compositing method, empty for prepared).
    /// </summary>
    public DataFrame LandsatTable()
    {
        var rows = LandsatSources.SelectMany(s => s.Files.Select((f, i) => (s.Year, s.Route, File: Path.GetFileName(f),
            Date: i < s.Dates.Count ? s.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            Clear: i < s.ClearPercent.Count ? Math.Round(s.ClearPercent[i], 1) : double.NaN, Method: s.Method?.ToString() ?? ""))).ToList();
        return new DataFrame(
            new Int32DataFrameColumn("year", rows.Select(r => r.Year)),
            new StringDataFrameColumn("route", rows.Select(r => r.Route)),
            new StringDataFrameColumn("file", rows.Select(r => r.File)),
            new StringDataFrameColumn("date", rows.Select(r => r.Date)),
            new DoubleDataFrameColumn("clear_pct", rows.Select(r => r.Clear)),
            new StringDataFrameColumn("method", rows.Select(r => r.Method)));
    }

    /// <summary>The data set of an in-memory synthetic sample (its Landsat scenes must have been generated).</summary>
    public static LingbeiDataset FromSample(LingbeiSample sample, IReadOnlyList<int>? years = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var dem = Scaled(sample.Dem, 0, 1);
        var erod = Scaled(sample.Erodibility, 0, LingbeiGenerator.ErodibilityScale);
        var inputs = new List<IndicatorYearInputs>();
        foreach (var y in sample.Years.Where(y => years is null || years.Contains(y.Year)))
        {
            var ls = y.Landsat ?? throw new ArgumentException($"Year {y.Year} of the sample has no Landsat scene; generate it with withLandsat: true.", nameof(sample));
            var b = Enumerable.Range(0, 7).Select(k => (BandRef)Scaled(ls, k, k < 6 ? LingbeiGenerator.ReflectanceScale : LingbeiGenerator.RadianceScale)).ToArray();
            var rain = Enumerable.Range(0, 12).Select(m => (BandRef)Scaled(y.Rainfall, m, LingbeiGenerator.RainfallScale)).ToArray();
            inputs.Add(new IndicatorYearInputs(y.Year, new BandSet(y.Sensor, b[0], b[1], b[2], b[3], b[4], b[5], b[6]), y.Atmosphere, dem, y.LandCover,
                rain, erod, y.Population, y.Pm25, y.Co2));
        }
        return new LingbeiDataset(sample.Options.Grid, inputs, sample.Sites, LingbeiGenerator.Sites.ToDictionary(s => s.Code, s => s.Name));
    }

    /// <summary>Band <paramref name="band"/> of <paramref name="source"/> times <paramref name="scale"/> as float32 (nodata → NaN).</summary>
    public static Raster Scaled(IRasterSource source, int band, double scale)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!(scale > 0) || double.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "A scale must be positive and finite.");
        return PixelMap.Apply([new BandRef(source, band)], v => v[0] * scale, PixelType.Float32);
    }

    private static Sensor ParseSensor(string text, string path, int row) => text.Trim().ToUpperInvariant() switch
    {
        "TM" or "LANDSATTM" or "LANDSAT5" => Sensor.LandsatTM,
        "ETM" or "ETM+" or "LANDSATETM" or "LANDSAT7" => Sensor.LandsatEtm,
        "OLI" or "LANDSATOLI" or "LANDSAT8" or "LANDSAT9" => Sensor.LandsatOli,
        _ => throw new FileFormatException(path, $"sensor '{text}' is not TM, ETM or OLI.", row + 2),
    };

    internal static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
