using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Samples.Changhe;

/// <summary>
/// Writes the small, git-committable parts of a synthetic Changhe sample (<c>econb samples changhe</c>):
/// soil samples, meteorological station records, mines and hazard-indicator tables as CSV, land cover, LD and DEM as GeoTIFF, and a provenance README.
/// The monthly NDVI/climate rasters (72 months × 5 layers) are not written: they are regenerated deterministically by
/// <see cref="ChangheGenerator.Generate"/> from the seed, and <see cref="Checksums"/> pins that they do not drift.
/// </summary>
public static class ChangheSampleWriter
{
    /// <summary>Files written by <see cref="Write"/>, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["README.md", "soil-samples.csv", "stations.csv", "mines.csv", "hazard-indicators.csv", "land-cover.tif", "ld.tif", "dem.tif"];

    /// <summary>Writes the files into <paramref name="directory"/> (created if needed; each file atomically) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(ChangheSample sample, string directory)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        string P(string name) => Path.Combine(directory, name);

        CsvTable.Write(sample.SoilSamples, P("soil-samples.csv"));
        CsvTable.Write(sample.Stations, P("stations.csv"));
        CsvTable.Write(new DataFrame(
            new StringDataFrameColumn("name", sample.Mines.Select(m => m.Name)),
            new DoubleDataFrameColumn("x", sample.Mines.Select(m => Math.Round(m.X, 1))),
            new DoubleDataFrameColumn("y", sample.Mines.Select(m => Math.Round(m.Y, 1)))), P("mines.csv"));
        var ind = sample.HazardIndicators.Select(h => (h.Name, h.Weight, Stats: RasterStatistics.Compute(h.Layer))).ToArray();
        CsvTable.Write(new DataFrame(
            new StringDataFrameColumn("indicator", ind.Select(i => i.Name)),
            new DoubleDataFrameColumn("weight", ind.Select(i => i.Weight)),
            new DoubleDataFrameColumn("mean", ind.Select(i => Math.Round(i.Stats.Mean, 4))),
            new DoubleDataFrameColumn("min", ind.Select(i => Math.Round(i.Stats.Min, 4))),
            new DoubleDataFrameColumn("max", ind.Select(i => Math.Round(i.Stats.Max, 4)))), P("hazard-indicators.csv"));
        var tif = new GeoTiffWriteOptions { Compression = GeoTiffCompression.Deflate, DeflateLevel = 9 };
        GeoTiff.Write(sample.LandCover, P("land-cover.tif"), tif);
        GeoTiff.Write(sample.LandDegradation, P("ld.tif"), tif);
        GeoTiff.Write(sample.Dem, P("dem.tif"), tif);
        AtomicFile.WriteAllText(P("README.md"), Readme(sample));
        return FileNames.Select(P).ToArray();
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the little-endian float32 bytes of land cover, LD, the July 2015 fine NDVI and the
    /// kriging-free soil SOC truth, keyed by name. Pinned by a test so the regenerated (uncommitted) rasters cannot drift.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Checksums(ChangheSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new Dictionary<string, string>
        {
            ["land_cover"] = Hash(sample.LandCover),
            ["ld"] = Hash(sample.LandDegradation),
            ["ndvi_2015_07"] = Hash(sample.FineNdvi(2015, 7)),
            ["soc_truth"] = Hash(sample.SoilTruth["SOC"]),
        };
    }

    /// <summary>SHA-256 of band 0 of <paramref name="source"/> as little-endian float32 bytes, row-major.</summary>
    public static string Hash(IRasterSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var v = new double[source.Grid.PixelCount];
        source.ReadWindow(0, new RasterWindow(0, 0, source.Grid.Width, source.Grid.Height), v);
        var bytes = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4, 4), (float)v[i]);
        if (!BitConverter.IsLittleEndian)
            for (int i = 0; i < bytes.Length; i += 4) bytes.AsSpan(i, 4).Reverse();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The provenance README for <paramref name="sample"/>.</summary>
    public static string Readme(ChangheSample sample)
    {
        var o = sample.Options;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Changhe basin sample (SYNTHETIC)");
        sb.AppendLine();
        sb.AppendLine("**These data are synthetic.** They imitate the Changhe Basin mining area (Jincheng, Shanxi; 112.63–112.77° E,");
        sb.AppendLine("35.50–35.63° N, ~113 km²) of the Changhe NPP-drivers paper (CASA NPP and its climate, soil and mining drivers)");
        sb.AppendLine("so that `notebooks/03-changhe-npp-drivers.ipynb` runs without the authors' data. No value here was measured.");
        sb.AppendLine();
        sb.AppendLine("## How it was made");
        sb.AppendLine();
        sb.AppendLine($"- Generator: `EcoNotebooks.Samples.Changhe.ChangheGenerator.Generate` with `ChangheSampleOptions` seed **{o.Seed}**,");
        sb.AppendLine($"  grid {o.Width} × {o.Height} pixels of {o.PixelSize.ToString(inv)} m (EPSG:32649, WGS 84 / UTM 49N, upper-left corner");
        sb.AppendLine($"  {o.OriginX.ToString(inv)} E, {o.OriginY.ToString(inv)} N), years {o.FirstYear}–{o.LastYear}, {o.SoilPoints} soil samples.");
        sb.AppendLine($"- Command: `econb samples changhe --out data-samples/changhe --seed {o.Seed}`.");
        sb.AppendLine("- Terrain: a N–S river valley (720 m) with higher ground east and west; 11 coal mines west of the river.");
        sb.AppendLine("- Land degradation LD (paper Eq. 5): weighted sum of six hazard indicators (AHP-style weights in");
        sb.AppendLine("  `hazard-indicators.csv`), min–max normalised to 0–1; high in the west around the mines.");
        sb.AppendLine("- Soil: smooth random fields; SOC and TN higher under forest and in the east, lower where LD is high; pH and BD");
        sb.AppendLine("  higher where LD is high. The 117 samples add measurement noise to the fields.");
        sb.AppendLine("- Climate: temperature with a 0.6 °C/100 m lapse rate around MAT 10.6 °C; precipitation ≈ 575 mm with a summer");
        sb.AppendLine("  maximum; monthly solar radiation; evapotranspiration (Zhou–Zhang). Monthly NDVI per land-cover class whose");
        sb.AppendLine("  summer amplitude falls with LD and rises with SOC. Coarse (MODIS-like) NDVI = 240 m block means + sensor noise.");
        sb.AppendLine($"- Stations: {o.Stations} meteorological stations on a jittered 6-column layout over the grid (never on water), each");
        sb.AppendLine("  with the DEM elevation of its pixel and, per month, the generator's temperature, precipitation, calibrated solar");
        sb.AppendLine("  radiation and evapotranspiration at that pixel plus station errors (own random stream, seed + 9001):");
        sb.AppendLine(string.Create(inv, $"  temperature + a per-station bias N(0, {ChangheGenerator.StationTemperatureBiasSd} °C) + monthly N(0, {ChangheGenerator.StationTemperatureNoiseSd} °C);"));
        sb.AppendLine(string.Create(inv, $"  precipitation × a per-station factor exp N(0, {ChangheGenerator.StationPrecipitationLogSd}) × monthly exp N(0, {ChangheGenerator.StationPrecipitationMonthlyLogSd});"));
        sb.AppendLine(string.Create(inv, $"  solar × (1 + N(0, {ChangheGenerator.StationSolarRelativeSd})) per station; evapotranspiration × (1 + N(0, {ChangheGenerator.StationEtRelativeSd})) monthly."));
        sb.AppendLine("  The notebook interpolates the annual climate drivers MAT, MAP, MAE and MAS from these records (thin-plate");
        sb.AppendLine("  spline with elevation, as ANUSPLIN in the paper); the generator's true driver fields are used only to score it.");
        sb.AppendLine();
        sb.AppendLine("## What it is calibrated to");
        sb.AppendLine();
        sb.AppendLine($"- The CASA multi-year mean NPP is **exactly 290.13 gC m⁻² yr⁻¹** (the paper's mean): the generator runs CASA once");
        sb.AppendLine($"  and scales the solar radiation by the factor that makes the mean match (NPP ∝ SOL); here the factor is {sample.SolarScale.ToString("F4", inv)}.");
        sb.AppendLine("- Spread comparable to the paper's (sd ≈ 110 gC m⁻² yr⁻¹, CV ≈ 38 %) and NPP west of the river below the east.");
        sb.AppendLine("- Nothing else is calibrated: correlations, RF importance and relative contributions come out of the");
        sb.AppendLine("  generator's structure and differ from the paper (the notebook shows both side by side).");
        sb.AppendLine();
        sb.AppendLine("## Files (committed)");
        sb.AppendLine();
        sb.AppendLine("| file | content | units |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine("| `soil-samples.csv` | id, x, y, CF, SOC, TN, AP, AK, pH, BD of the 117 topsoil samples | x, y m (EPSG:32649); CF %; SOC g kg⁻¹; TN g kg⁻¹; AP mg kg⁻¹; AK mg kg⁻¹; pH –; BD g cm⁻³ |");
        sb.AppendLine($"| `stations.csv` | station, lon, lat, elevation, date (yyyy-MM-01), temperature, precipitation, solar, evapotranspiration; {o.Stations} stations × {(o.LastYear - o.FirstYear + 1) * 12} months | lon, lat ° (WGS 84); elevation m; temperature °C; precipitation mm month⁻¹; solar MJ m⁻² month⁻¹; evapotranspiration mm month⁻¹ |");
        sb.AppendLine("| `mines.csv` | name, x, y of the 11 mines | m (EPSG:32649) |");
        sb.AppendLine("| `hazard-indicators.csv` | indicator, AHP weight, mean, min, max of the six 0–1 hazard layers | dimensionless |");
        sb.AppendLine("| `land-cover.tif` | uint8 land cover: 1 forest, 3 grassland, 4 farmland, 5 construction, 6 water, 7 bare | class code |");
        sb.AppendLine("| `ld.tif` | float32 land degradation LD | 0–1 |");
        sb.AppendLine("| `dem.tif` | float32 elevation | m |");
        sb.AppendLine();
        sb.AppendLine("## Not committed (regenerated on use)");
        sb.AppendLine();
        sb.AppendLine("The monthly rasters (NDVI fine and coarse, temperature °C, precipitation mm, solar radiation MJ m⁻² month⁻¹,");
        sb.AppendLine("evapotranspiration mm; 72 months; CASA reads these) and the true annual climate drivers (MAT °C, MAP mm, MAE mm,");
        sb.AppendLine("MAS MJ m⁻²; used only to score the station interpolation) are computed on demand by the generator from the seed. A test pins SHA-256 hashes of the float32 bytes of land");
        sb.AppendLine("cover, LD, the July 2015 NDVI and the SOC field, so the regenerated data cannot silently change:");
        sb.AppendLine();
        foreach (var (k, v) in Checksums(sample)) sb.AppendLine($"- `{k}`: `{v}`");
        return sb.ToString();
    }
}
