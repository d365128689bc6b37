using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>
/// Writes the complete synthetic Jiangcang sample (data-samples/jiangcang): quadrats.csv, species.csv, soil.csv,
/// regions.tif, the August Sentinel-2 L2A products of 2020–2024 under <c>sentinel2/</c> (B04, B08, SCL,
/// MTD_MSIL2A.xml; <see cref="JiangcangSentinel2Generator"/>) and README.md. The pipeline computes the yearly NDVI from
/// those products exactly as from downloaded ones. Every file is written atomically. SYNTHETIC data.
/// </summary>
public static class JiangcangSamples
{
    /// <summary>File names written, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["quadrats.csv", "species.csv", "soil.csv", "regions.tif", .. JiangcangSentinel2Generator.RelativeFileNames, "README.md"];

    /// <summary>Generates and writes the sample into <paramref name="folder"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, JiangcangSampleOptions? options = null, IProgress<string>? progress = null)
    {
        var o = options ?? new JiangcangSampleOptions();
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        string P(string name) { var p = Path.Combine(folder, name); written.Add(p); return p; }
        progress?.Report("vegetation quadrats and species");
        var (quadrats, species) = JiangcangVegetationGenerator.Generate(o);
        CsvTable.Write(quadrats, P("quadrats.csv"));
        CsvTable.Write(species, P("species.csv"));
        progress?.Report("soil samples");
        CsvTable.Write(JiangcangSoilGenerator.Generate(o), P("soil.csv"));
        progress?.Report("NDVI (calibrating FVC)");
        var ndvi = JiangcangNdviGenerator.Generate(o);
        var tif = new GeoTiffWriteOptions { Compression = GeoTiffCompression.Deflate };
        GeoTiff.Write(ndvi.Regions, P("regions.tif"), tif);
        progress?.Report("Sentinel-2 L2A products (sentinel2/)");
        foreach (var f in JiangcangSentinel2Generator.WriteTo(folder, ndvi, o)) written.Add(f);
        AtomicFile.WriteAllText(P("README.md"), Readme(o));
        return written;
    }

    /// <summary>The provenance README of the sample folder.</summary>
    public static string Readme(JiangcangSampleOptions o) => $"""
        # Jiangcang sample data (SYNTHETIC)

        **These are not the paper's field data.** The Jiangcang paper's plots, soil samples and Sentinel-2 scenes are not
        public. Everything here is produced by seeded generators in the library, `EcoNotebooks.Samples.Jiangcang`, with seed
        {o.Seed}, and is calibrated to numbers printed in the paper. To regenerate it run
        `dotnet run --project src/EcoNotebooks.Cli -- samples jiangcang`; the same seed gives identical files.

        ## Files
        | file | what | units |
        |---|---|---|
        | `quadrats.csv` | {JiangcangVegetationGenerator.Points.Count} sampling points × {o.QuadratsPerPoint} quadrats of 1 m × 1 m: plot, point, region, habitat, cover_pct, height_cm, crown_width_cm, agb_g_m2, bgb_g_m2 | %, cm, cm, g m⁻² dry mass |
        | `species.csv` | individuals per quadrat of the {JiangcangSpecies.All.Count} species the paper names (first column = plot) | count |
        | `soil.csv` | {o.SoilReplicates} samples per treatment (Pit5, Pit4, Pit2, Control): BD, SWC, SOC, SOM, pH, EC, TN, TP, TK, clay, silt, sand, AGB, BGB, VFC | g cm⁻³, %, g kg⁻¹, g kg⁻¹, –, µS cm⁻¹, g kg⁻¹ ×3, % ×3, g m⁻² ×2, % |
        | `regions.tif` | region mask, uint8: 0 other, 1 Pit 4, 2 Pit 5, 3 Pit 2 south dump, 4 natural background | code |
        | `sentinel2/<product>/` | {JiangcangSentinel2Generator.Acquisitions.Count} Sentinel-2 L2A acquisitions of August 2020–2024, one folder each, named like the product (`S2A_MSIL2A_20220819T040551_N0400_R047_T47SNC_…`) | |
        | `…/T47SNC_<time>_B04_10m.tif`, `…_B08_10m.tif` | red and NIR, as converted from the SAFE `.jp2` with `gdal_translate` (clipped to the sample area) | uint16 DN, 0 = no data; reflectance = (DN + BOA_ADD_OFFSET)/10000 |
        | `…/T47SNC_<time>_SCL_20m.tif` | scene classification at 20 m (3 cloud shadow, 4 vegetation, 5 not vegetated, 8/9 cloud medium/high, 10 thin cirrus) | class |
        | `…/MTD_MSIL2A.xml` | product metadata: PROCESSING_BASELINE, BOA_QUANTIFICATION_VALUE 10000, BOA_ADD_OFFSET −1000 from baseline 04.00 (absent before) | |

        Rasters: {o.Width} × {o.Height} pixels of {o.PixelSize} m (SCL {o.Width / 2} × {o.Height / 2} of {2 * o.PixelSize} m), WGS 84 / UTM zone 47N (EPSG:32647),
        upper-left corner E {o.OriginX} m, N {o.OriginY} m (the Muli coalfield lies near 99.5° E, 38.1° N).

        The pipeline computes each year's NDVI from these products the way it does from downloaded ones
        (`JiangcangInputs.ReadNdvi`): reflectance with the baseline's offset, SCL classes other than 4, 5 and 6 masked,
        max-NDVI composite of the year's August scenes, NDVI = (B08 − B04)/(B08 + B04). With prepared NDVI instead, put
        `ndvi_YYYY.tif` (float32, on the grid of `regions.tif`) in the folder and no `sentinel2/`.

        ## How it was made and what it is calibrated to
        - **NDVI** (`JiangcangNdviGenerator`): regions are irregular blobs of exactly 2.50 km² (Pit 4) and 2.93 km² (Pit 5).
          Per-region, per-year offsets are iterated until the dimidiate-pixel FVC with {o.SoilPercentile} %/{o.VegetationPercentile} %
          NDVI endmembers equals the yearly means of Fig. 3: Pit 4 53.21 % (2020) and 77.45 % (2021), Pit 5 54.37 % and 72.75 %
          with 2024 = 2020 + 16.32 points; where the paper gives no number we chose values that follow its text (Pit 4 above 70 %
          in 2021–2024, Pit 2 about 50 %, background 77–84 %; `JiangcangPublished.FvcCalibrationTargets`). Each pit pixel was
          built to follow one 2021–2024 trend group with the shares of Fig. 4 (Pit 4: 70.80 % no-significant increase, 13.92 %
          increase, 10.67 % no-significant decrease, 0.14 % decrease, 4.48 % no change; Pit 5: 4.37 % increase, 16.28 %
          no-significant decrease, the rest of its printed 17.66 % decrease as decrease, 0.13 km² no change, the remainder
          no-significant increase), noise included, and the patterns were balanced so that the region means still follow
          Fig. 3; the Sen + Mann–Kendall shares of the sample are within about 0.5 points of these. With four years the
          Mann–Kendall |Z| cannot reach 1.96 with the continuity correction (maximum 1.70), so the monotonic "increase"
          pixels come out as *slightly significant* (and as *significant* without the correction, maximum |Z| 2.04).
        - **Sentinel-2 products** (`JiangcangSentinel2Generator`): from the NDVI above, NIR reflectance
          0.10 + 0.24·NDVI (+ a smooth brightness field) and red = NIR·(1 − NDVI)/(1 + NDVI), times a per-date brightness
          factor (0.95–1), rounded to DNs with the offset of the product's baseline (02.14 and 03.01 for 2020–2021: no
          offset; 04.00, 05.09, 05.11 for 2022–2024: −1000). 2020, 2022 and 2024 have two dates with clouds (bright, SCL 8/9,
          cirrus rims 10) and shadows (SCL 3) at places that are clear on the other date; 2021 and 2023 one clear date. The
          cloud-masked composite gives back the generator NDVI within the DN rounding, at most 10⁻⁴/(ρ_red + ρ_nir)
          (about 3·10⁻⁴); region mean FVC moves by less than 0.01 points and 3 of 25,000 Pit 4 pixels change trend class.
        - **Vegetation** (`JiangcangVegetationGenerator`): Poisson–lognormal abundances around habitat means (sown grasses
          dominate platforms; manure-borne and meadow species on slopes; Kobresia/Carex in the background), so that Shannon,
          Pielou and Margalef order background > sunny slope > platform and slope–background Sorensen similarity exceeds
          platform–background as in Tables 4–5. AGB/BGB follow Figs. 5–6 (background BGB ≈ 4 × AGB).
        - **Soil** (`JiangcangSoilGenerator`): treatment means follow section 3.4; the pooled sample is linearly recoloured so
          that the 13 Pearson r printed with Fig. 9 are reproduced (to about 0.01). SOC = SOM / 1.724; silt = 100 − clay − sand.

        Generated by EcoNotebooks; see each generator's documentation for the exact method.
        """;
}
