using System.Globalization;
using System.Text.RegularExpressions;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Sentinel2;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>
/// Paths of the files the Jiangcang pipeline reads, in the layout of <c>data-samples/jiangcang</c> (see its README):
/// <c>quadrats.csv</c> (plot, point, region, habitat, cover_pct, height_cm, crown_width_cm, agb_g_m2, bgb_g_m2),
/// <c>species.csv</c> (plot then one count column per species), <c>soil.csv</c> (sample, treatment, BD, SWC, SOC, SOM,
/// pH, EC, TN, TP, TK, clay, silt, sand, AGB, BGB, VFC), <c>regions.tif</c> (uint8 region codes 0 other, 1 Pit 4,
/// 2 Pit 5, 3 Pit 2 south dump, 4 background; its grid is the analysis grid) and the vegetation series, either
/// <list type="bullet">
/// <item>Sentinel-2 L2A products in <c>sentinel2/&lt;product folder&gt;/</c> (one folder per acquisition: the B04 and B08
/// 10 m bands, the SCL layer and <c>MTD_MSIL2A.xml</c>, as <see cref="Sentinel2Scene"/> reads them; whole tiles or
/// clips, any grid that covers the region mask), from which the NDVI of each year is computed by
/// <see cref="ReadNdvi"/>: SCL cloud/shadow mask, composite of the year's peak-season scenes (max-NDVI by default), or</item>
/// <item>one prepared NDVI GeoTIFF per year (<c>ndvi_YYYY.tif</c>, on the grid of the region mask).</item>
/// </list>
/// </summary>
/// <param name="Quadrats">Quadrat table (CSV).</param>
/// <param name="Species">Species abundance table (CSV, individuals per quadrat).</param>
/// <param name="Soil">Soil and vegetation sample table (CSV).</param>
/// <param name="Regions">Region mask (GeoTIFF, uint8 codes of <see cref="EcoNotebooks.Samples.Jiangcang.JiangcangRegion"/>).</param>
/// <param name="Ndvi">Prepared NDVI GeoTIFF per year, in increasing year order; empty when <see cref="Sentinel2"/> is used.</param>
public sealed record JiangcangInputs(string Quadrats, string Species, string Soil, string Regions, IReadOnlyList<JiangcangNdviFile> Ndvi)
{
    private static readonly Regex NdviName = new(@"^ndvi_(\d{4})\.tif{1,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The Sentinel-2 folder inside a data folder.</summary>
    public const string Sentinel2Folder = "sentinel2";

    /// <summary>Sentinel-2 L2A product folders per year (from the sensing dates), increasing; empty when <see cref="Ndvi"/> files are used.</summary>
    public IReadOnlyList<JiangcangSceneYear> Sentinel2 { get; init; } = [];

    /// <summary>
    /// The inputs of a folder laid out like <c>data-samples/jiangcang</c>: the three CSV files, <c>regions.tif</c> and
    /// either <c>sentinel2/</c> with one folder per L2A product, or every <c>ndvi_YYYY.tif</c> (years sorted). Checks that
    /// every file exists; each product is opened (B04, B08, SCL and the processing baseline from <c>MTD_MSIL2A.xml</c> or
    /// the product name) so a missing band or unreadable metadata fails here, naming the file or folder.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing (named in the message), a product lacks B04/B08/SCL, or there is neither <c>sentinel2/</c> nor <c>ndvi_YYYY.tif</c>.</exception>
    /// <exception cref="ArgumentException">Both <c>sentinel2/</c> and <c>ndvi_YYYY.tif</c> are present, a product's baseline is unknown or it has no sensing date.</exception>
    /// <exception cref="EcoNotebooks.IO.FileFormatException"><c>MTD_MSIL2A.xml</c> cannot be read.</exception>
    public static JiangcangInputs FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Jiangcang input folder '{folder}' does not exist.");
        var ndvi = Directory.EnumerateFiles(folder)
            .Select(p => (Path: p, Match: NdviName.Match(Path.GetFileName(p))))
            .Where(x => x.Match.Success)
            .Select(x => new JiangcangNdviFile(int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), x.Path))
            .OrderBy(f => f.Year)
            .ToArray();
        string s2 = Path.Combine(folder, Sentinel2Folder);
        bool hasS2 = Directory.Exists(s2);
        if (hasS2 && ndvi.Length > 0)
            throw new ArgumentException($"'{folder}' holds both {Sentinel2Folder}/ and ndvi_YYYY.tif files; keep one source of NDVI (move the other away).", nameof(folder));
        if (!hasS2 && ndvi.Length == 0)
            throw new FileNotFoundException($"No vegetation series in '{folder}': expected {Sentinel2Folder}/<L2A product folders> (B04, B08, SCL, MTD_MSIL2A.xml) or NDVI rasters named ndvi_YYYY.tif.");
        var inputs = new JiangcangInputs(
            Path.Combine(folder, "quadrats.csv"), Path.Combine(folder, "species.csv"), Path.Combine(folder, "soil.csv"),
            Path.Combine(folder, "regions.tif"), ndvi);
        if (hasS2) inputs = inputs with { Sentinel2 = ScanSentinel2(s2) };
        return inputs.Validate();
    }

    /// <summary>The product folders under <paramref name="sentinel2Folder"/>, opened for red and NIR and grouped by sensing year.</summary>
    private static IReadOnlyList<JiangcangSceneYear> ScanSentinel2(string sentinel2Folder)
    {
        var products = Directory.GetDirectories(sentinel2Folder).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        if (products.Length == 0)
            throw new FileNotFoundException($"'{sentinel2Folder}' has no product folders; put each Sentinel-2 L2A product (B04, B08, SCL, MTD_MSIL2A.xml) in a folder of its own there.");
        var dated = new List<(int Year, string Folder)>();
        foreach (var d in products)
        {
            var scene = Sentinel2Scene.Open(d, bands: NdviBands);
            var date = scene.Date ?? throw new ArgumentException($"{d}: no sensing date in the band file names (expected e.g. T47SNC_20210814T040541_B04_10m.tif); rename the files as in the SAFE product.");
            dated.Add((date.Year, d));
        }
        return dated.GroupBy(x => x.Year).OrderBy(g => g.Key).Select(g => new JiangcangSceneYear(g.Key, g.Select(x => x.Folder).ToArray())).ToArray();
    }

    private static readonly CommonBand[] NdviBands = [CommonBand.Red, CommonBand.Nir];

    /// <summary>Years of the NDVI series, increasing.</summary>
    public IReadOnlyList<int> Years => Ndvi.Count > 0 ? Ndvi.Select(f => f.Year).ToArray() : Sentinel2.Select(y => y.Year).ToArray();

    /// <summary>Checks that every file exists and the NDVI years are strictly increasing; returns this.</summary>
    /// <exception cref="FileNotFoundException">A file or product folder is missing.</exception>
    /// <exception cref="ArgumentException">NDVI years repeat or are not increasing, or both or neither of <see cref="Ndvi"/> and <see cref="Sentinel2"/> are given.</exception>
    public JiangcangInputs Validate()
    {
        ArgumentNullException.ThrowIfNull(Ndvi);
        ArgumentNullException.ThrowIfNull(Sentinel2);
        if ((Ndvi.Count > 0) == (Sentinel2.Count > 0))
            throw new ArgumentException(Ndvi.Count > 0 ? "Give NDVI rasters or Sentinel-2 products, not both." : "No NDVI rasters and no Sentinel-2 products.", nameof(Ndvi));
        foreach (var (name, path) in new[] { (nameof(Quadrats), Quadrats), (nameof(Species), Species), (nameof(Soil), Soil), (nameof(Regions), Regions) }
                     .Concat(Ndvi.Select(f => ($"NDVI {f.Year}", f.Path))))
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
                throw new FileNotFoundException($"Jiangcang input '{name}' not found: '{path}'.", path);
        foreach (var y in Sentinel2)
        {
            if (y.Products.Count == 0) throw new ArgumentException($"Sentinel-2 year {y.Year} has no product folder.", nameof(Sentinel2));
            foreach (var d in y.Products)
                if (!Directory.Exists(d)) throw new FileNotFoundException($"Jiangcang input 'Sentinel-2 {y.Year}' not found: '{d}'.", d);
        }
        var years = Years;
        for (int i = 1; i < years.Count; i++)
            if (years[i] <= years[i - 1])
                throw new ArgumentException($"NDVI years must increase; {years[i]} follows {years[i - 1]}.", nameof(Ndvi));
        return this;
    }

    /// <summary>
    /// The NDVI of every year on <paramref name="grid"/> (the region mask's grid), float32, NaN = missing. Prepared
    /// <c>ndvi_YYYY.tif</c> are read as they are (they must be on <paramref name="grid"/>). From Sentinel-2 products:
    /// each product of the year sensed in months <paramref name="firstMonth"/>–<paramref name="lastMonth"/> is read onto
    /// the grid (B04 and B08 reflectance = (DN + BOA_ADD_OFFSET)/10000, bilinear when the product grid is not aligned;
    /// SCL nearest, clear = <paramref name="clearClasses"/>, default vegetation, not vegetated, water), the scenes are
    /// composited per pixel with <paramref name="method"/> and NDVI = (NIR − red)/(NIR + red) of the composite; a pixel
    /// without a clear observation is NaN. Everything is computed before anything is returned (no partial series).
    /// </summary>
    /// <exception cref="ArgumentException">A year has no product in the months, or no clear pixel in any of its products (names the SCL files); a prepared raster on another grid.</exception>
    public IReadOnlyList<Raster> ReadNdvi(RasterGrid grid, CompositeMethod method = CompositeMethod.MaxNdvi, int firstMonth = 8, int lastMonth = 8, IReadOnlySet<SceneClass>? clearClasses = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Validate();
        if (Ndvi.Count > 0)
        {
            var rasters = Ndvi.Select(f => GeoTiff.Read(f.Path)).ToArray();
            for (int t = 0; t < rasters.Length; t++) grid.EnsureSameGrid(rasters[t].Grid, "region mask", Ndvi[t].Path);
            return rasters;
        }
        var result = new List<Raster>();
        foreach (var y in Sentinel2)
        {
            var period = CompositePeriod.Months(y.Year, firstMonth, lastMonth);
            var scenes = y.Products.Select(d => Sentinel2Scene.Open(d, bands: NdviBands)).ToArray();
            var inSeason = scenes.Where(s => s.Date is DateOnly d && period.Contains(d)).ToArray();
            if (inSeason.Length == 0)
                throw new ArgumentException($"Sentinel-2 {y.Year}: no product sensed in months {firstMonth}–{lastMonth} (products: {string.Join(", ", scenes.Select(s => $"{s.Folder} {s.Date:yyyy-MM-dd}"))}).");
            var loaded = inSeason.Select(s => s.Load(grid, clearClasses)).ToArray();
            if (loaded.All(b => b.Clear is { } c && c.Band(0).ToDoubleArray(false).All(v => v != 1)))
                throw new ArgumentException($"Sentinel-2 {y.Year}: no clear pixel over the region mask in {string.Join(", ", inSeason.Select(s => s.File("SCL").Path))} (SCL classes other than {string.Join("/", (clearClasses ?? SceneClassification.DefaultClear).Select(c => (int)c).Order())} are masked).");
            var composite = SceneComposite.Create(loaded, method, period.Name);
            result.Add(composite.Ndvi());
        }
        return result;
    }
}

/// <summary>The Sentinel-2 L2A product folders of one year.</summary>
/// <param name="Year">Sensing year.</param>
/// <param name="Products">Product folders (each with B04, B08, SCL and MTD_MSIL2A.xml or a product name with _Nxxxx_).</param>
public sealed record JiangcangSceneYear(int Year, IReadOnlyList<string> Products)
{
    /// <summary>"2020: product, product" (folder names), for tables and messages.</summary>
    public override string ToString() => $"{Year}: {string.Join(", ", Products.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))))}";
}

/// <summary>One NDVI raster of the series.</summary>
/// <param name="Year">Observation year (e.g. 2021; peak growing season).</param>
/// <param name="Path">GeoTIFF path (single band, NDVI −1…1, nodata allowed).</param>
public sealed record JiangcangNdviFile(int Year, string Path);
