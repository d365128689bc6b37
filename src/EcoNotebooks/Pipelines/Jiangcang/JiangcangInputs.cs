using System.Globalization;
using System.Text.RegularExpressions;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>
/// Paths of the files the Jiangcang pipeline reads, in the layout of <c>data-samples/jiangcang</c> (see its README):
/// <c>quadrats.csv</c> (plot, point, region, habitat, cover_pct, height_cm, crown_width_cm, agb_g_m2, bgb_g_m2),
/// <c>species.csv</c> (plot then one count column per species), <c>soil.csv</c> (sample, treatment, BD, SWC, SOC, SOM,
/// pH, EC, TN, TP, TK, clay, silt, sand, AGB, BGB, VFC), <c>regions.tif</c> (uint8 region codes 0 other, 1 Pit 4,
/// 2 Pit 5, 3 Pit 2 south dump, 4 background) and one NDVI GeoTIFF per year (<c>ndvi_YYYY.tif</c>, all on the grid of
/// the region mask).
/// </summary>
/// <param name="Quadrats">Quadrat table (CSV).</param>
/// <param name="Species">Species abundance table (CSV, individuals per quadrat).</param>
/// <param name="Soil">Soil and vegetation sample table (CSV).</param>
/// <param name="Regions">Region mask (GeoTIFF, uint8 codes of <see cref="EcoNotebooks.Samples.Jiangcang.JiangcangRegion"/>).</param>
/// <param name="Ndvi">NDVI GeoTIFF per year, in increasing year order.</param>
public sealed record JiangcangInputs(string Quadrats, string Species, string Soil, string Regions, IReadOnlyList<JiangcangNdviFile> Ndvi)
{
    private static readonly Regex NdviName = new(@"^ndvi_(\d{4})\.tif{1,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The inputs of a folder laid out like <c>data-samples/jiangcang</c>: the three CSV files, <c>regions.tif</c> and
    /// every <c>ndvi_YYYY.tif</c> (years sorted). Checks that every file exists.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing (named in the message), or there is no <c>ndvi_YYYY.tif</c>.</exception>
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
        if (ndvi.Length == 0) throw new FileNotFoundException($"No NDVI rasters named ndvi_YYYY.tif in '{folder}'.");
        var inputs = new JiangcangInputs(
            Path.Combine(folder, "quadrats.csv"), Path.Combine(folder, "species.csv"), Path.Combine(folder, "soil.csv"),
            Path.Combine(folder, "regions.tif"), ndvi);
        return inputs.Validate();
    }

    /// <summary>Years of the NDVI series, increasing.</summary>
    public IReadOnlyList<int> Years => Ndvi.Select(f => f.Year).ToArray();

    /// <summary>Checks that every file exists and the NDVI years are strictly increasing; returns this.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="ArgumentException">NDVI years repeat or are not increasing.</exception>
    public JiangcangInputs Validate()
    {
        ArgumentNullException.ThrowIfNull(Ndvi);
        foreach (var (name, path) in new[] { (nameof(Quadrats), Quadrats), (nameof(Species), Species), (nameof(Soil), Soil), (nameof(Regions), Regions) }
                     .Concat(Ndvi.Select(f => ($"NDVI {f.Year}", f.Path))))
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
                throw new FileNotFoundException($"Jiangcang input '{name}' not found: '{path}'.", path);
        for (int i = 1; i < Ndvi.Count; i++)
            if (Ndvi[i].Year <= Ndvi[i - 1].Year)
                throw new ArgumentException($"NDVI years must increase; {Ndvi[i].Year} follows {Ndvi[i - 1].Year}.", nameof(Ndvi));
        return this;
    }
}

/// <summary>One NDVI raster of the series.</summary>
/// <param name="Year">Observation year (e.g. 2021; peak growing season).</param>
/// <param name="Path">GeoTIFF path (single band, NDVI −1…1, nodata allowed).</param>
public sealed record JiangcangNdviFile(int Year, string Path);
