using System.Globalization;
using EcoNotebooks.Indicators;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Lingbei;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>
/// The inputs of the Lingbei pipeline: raw layers of every study year on one grid, and optional named zones (mine
/// sites) for zonal series.
/// <para>Folder layout read by <see cref="Load"/> (every raster on one grid, GeoTIFF; scales in scenes.csv):</para>
/// <list type="table">
/// <item><term><c>scenes.csv</c></term><description>one row per year: <c>year, sensor</c> (TM, ETM or OLI), <c>date,
/// transmittance, upwelling, downwelling</c> (τ, L↑, L↓ of the scene), <c>reflectance_scale, radiance_scale,
/// rainfall_scale, erodibility_scale</c> (multiply stored values by these; 1 for float files in physical units)</description></item>
/// <item><term><c>landsat_YYYY.tif</c></term><description>7 bands: blue, green, red, NIR, SWIR1, SWIR2 surface reflectance, thermal at-sensor radiance (W m⁻² sr⁻¹ µm⁻¹); also looked for in <c>cache/</c></description></item>
/// <item><term><c>landcover_YYYY.tif</c></term><description>CLCD codes (1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 6 snow/ice, 7 barren, 8 impervious, 9 wetland)</description></item>
/// <item><term><c>rainfall_YYYY.tif</c></term><description>12 bands, monthly rainfall January–December, mm</description></item>
/// <item><term><c>population_YYYY.tif, pm25_YYYY.tif, co2_YYYY.tif</c></term><description>persons per pixel; µg m⁻³; t km⁻² a⁻¹</description></item>
/// <item><term><c>dem.tif, erodibility.tif</c></term><description>elevation, m; RUSLE K, t ha h ha⁻¹ MJ⁻¹ mm⁻¹</description></item>
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

    /// <summary>
    /// Loads a data set folder (layout in the type's remarks). When it is the synthetic sample and its Landsat scenes
    /// are not there, they are regenerated deterministically into <c>cache/</c> first (<see cref="LingbeiSamples.EnsureLandsat"/>).
    /// </summary>
    /// <param name="folder">Folder with scenes.csv and the rasters.</param>
    /// <param name="years">Years to load (null = every row of scenes.csv).</param>
    public static LingbeiDataset Load(string folder, IReadOnlyList<int>? years = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Lingbei data folder '{folder}' does not exist.");
        string scenesPath = Path.Combine(folder, "scenes.csv");
        if (!File.Exists(scenesPath)) throw new FileNotFoundException($"'{scenesPath}' is missing; a Lingbei data folder needs scenes.csv (see LingbeiDataset).", scenesPath);
        if (LingbeiSamples.IsSampleFolder(folder)) LingbeiSamples.EnsureLandsat(folder);
        var scenes = CsvTable.Read(scenesPath, ["year", "transmittance", "upwelling", "downwelling", "reflectance_scale", "radiance_scale", "rainfall_scale", "erodibility_scale"]);
        var yearCol = CsvTable.NumericColumn(scenes, "year", scenesPath);
        var sensors = CsvTable.TextColumn(scenes, "sensor", scenesPath);
        double Num(string col, int row) => CsvTable.NumericColumn(scenes, col, scenesPath)[row];
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
        var inputs = new List<IndicatorYearInputs>();
        foreach (int i in rows)
        {
            int y = (int)yearCol[i];
            var sensor = ParseSensor(sensors[i], scenesPath, i);
            string landsatName = $"landsat_{y}.tif";
            string lp = Path.Combine(folder, landsatName);
            if (!File.Exists(lp)) lp = Path.Combine(folder, "cache", landsatName);
            if (!File.Exists(lp)) throw new FileNotFoundException($"'{Path.Combine(folder, landsatName)}' is missing (also looked in cache/).", lp);
            var ls = GeoTiff.Read(lp);
            if (ls.BandCount != 7) throw new FileFormatException(lp, $"has {ls.BandCount} bands; 7 are needed (blue, green, red, NIR, SWIR1, SWIR2, thermal radiance).");
            grid.EnsureSameGrid(ls.Grid, "dem.tif", landsatName);
            double rs = Num("reflectance_scale", i), ts = Num("radiance_scale", i);
            var b = Enumerable.Range(0, 7).Select(k => (BandRef)Scaled(ls, k, k < 6 ? rs : ts)).ToArray();
            var bands = new BandSet(sensor, b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
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
        return new LingbeiDataset(grid, inputs, zones, names);
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
