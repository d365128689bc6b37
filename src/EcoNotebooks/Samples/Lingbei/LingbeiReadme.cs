using System.Globalization;
using EcoNotebooks.Pipelines.Lingbei;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>Body of the sample README (after the title line).</summary>
internal static class LingbeiReadme
{
    private static int SceneCount => LingbeiGenerator.Years.Select((_, t) => LingbeiScenes.Dates(t).Count).Sum();

    private static string SceneList => string.Join("; ", LingbeiGenerator.Years.Select((y, t) =>
        $"{y} ({(LingbeiGenerator.SensorOf(y) == Indicators.Sensor.LandsatTM ? "Landsat 5 TM" : "Landsat 8 OLI")}) "
        + string.Join(", ", LingbeiScenes.Dates(t).Select(d => d.ToString("MMM d", CultureInfo.InvariantCulture)))));

    private static string L(IEnumerable<double> v, string f = "0.###") => string.Join(", ", v.Select(x => x.ToString(f, CultureInfo.InvariantCulture)));

    public static string Body(LingbeiSampleOptions o) => $"""

        **These are not the paper's data.** The Lingbei paper's Landsat scenes, land cover, meteorological, atmospheric
        and statistical inputs are not distributed with it. Everything here is produced by the seeded generator
        `EcoNotebooks.Samples.Lingbei.LingbeiGenerator` (seed {o.Seed}) and calibrated so that the paper's workflow,
        run by `EcoNotebooks.Pipelines.Lingbei.LingbeiPipeline` with its default parameters, reproduces the published
        yearly means. Regenerate with `dotnet run --project src/EcoNotebooks.Cli -- samples lingbei`; the same options
        give identical pixels.

        ## Grid
        {o.Width} × {o.Height} pixels of {o.PixelSize} m = {o.Width * o.Height * o.PixelSize * o.PixelSize / 1e6:0.00} km² (the paper: 214 km²), WGS 84 / UTM zone 50N
        (EPSG:32650), upper-left corner E {o.OriginX} m, N {o.OriginY} m: a rectangle centred in the paper's extent
        (114.97–115.19° E, 24.85–25.05° N; the real boundary is irregular). Years 2000, 2005, 2010 (Landsat 5 TM) and
        2016, 2020 (Landsat 8 OLI).

        ## Files
        | file | what | type, units |
        |---|---|---|
        | `scenes.csv` | per year: sensor, atmosphere τ, L↑, L↓ (W m⁻² sr⁻¹ µm⁻¹) for the LST, and the scale of the rainfall and erodibility layers | text |
        | `boundary.geojson` | the study area in WGS 84 longitude/latitude (RFC 7946), as users usually have it: the rectangle of the grid inset by {LingbeiScenes.BoundaryInset} m, 32 vertices per edge, so it masks no pixel and its bounding box snaps back to exactly the grid (the paper's real boundary is irregular; a real one masks the pixels outside it) | GeoJSON |
        | `cache/landsat/YYYY/<product id>/` | **not committed**: regenerated on first use (`LingbeiDataset.Load` / `econb samples lingbei`) and pinned by the SHA-256 of their pixels in `generator.json` (`landsat_scene_sha256`). Landsat Collection 2 Level-2 (L2SP) scene folders laid out as USGS delivers them, {SceneCount} scenes of WRS-2 path/row 121/043: {SceneList}. Per scene `<id>_SR_B1.TIF` … `_SR_B7.TIF` (TM 1–5, 7; OLI 1–7) surface reflectance ρ = DN × 2.75e-5 − 0.2, `_ST_B6.TIF` / `_ST_B10.TIF` surface temperature T = DN × 0.00341802 + 149 K, `_ST_TRAD.TIF` thermal at-sensor radiance DN × 0.001 W m⁻² sr⁻¹ µm⁻¹, `_QA_PIXEL.TIF` bit flags (0 fill, 1 dilated cloud, 3 cloud, 4 cloud shadow, 6 clear, 8–15 confidences), `_MTL.txt` and `_MTL.json` (sensor, date, file names, scale/offset, K1/K2). The footprint is the grid plus {LingbeiScenes.Margin} pixels on each side | SR/ST uint16, fill 0; ST_TRAD int16, fill −9999; QA uint16, fill 1 |
        | `landcover_YYYY.tif` | CLCD codes: 1 cropland, 2 forest, 3 shrub, 4 grassland, 7 barren (mine ground), 8 impervious (the ≈40 m river is narrower than two pixels and not mapped as water) | uint8 |
        | `rainfall_YYYY.tif` | monthly rainfall, 12 bands January–December, mm × 10 | int16 |
        | `population_YYYY.tif` | persons per pixel (≈1 km blocks) | float32 |
        | `pm25_YYYY.tif` | PM2.5, µg m⁻³ (≈0.01° blocks) | float32 |
        | `co2_YYYY.tif` | CO2 emission density, t km⁻² a⁻¹, one value per township | float32 |
        | `dem.tif` | elevation, m | int16 |
        | `erodibility.tif` | RUSLE K × 10 000, t ha h ha⁻¹ MJ⁻¹ mm⁻¹ | int16 |
        | `sites.tif`, `sites.csv` | mine-site zones (codes 1–{LingbeiGenerator.Sites.Count}; 1 Chenaoxia, 2 Longchuankeng as named in the paper's Fig. 5), centres and bare-ground radius per year | uint8; m |
        | `generator.json` | generator options (incl. the calibrated disturbance), the checksums of the calibrated clear-sky Landsat stacks (`landsat_pixel_sha256`) and of the scene folders, and the cache layout; the cache is regenerated whenever this file changes | JSON |

        ## How it was made
        Hills from smooth random fields cut by a meandering valley with cropland and villages; forest with
        shrub and grass patches; a town in the north-west and one in the south-east that grow every period. Eight
        ion-adsorption mine sites open bare ground that expands 2000 → 2010 and is partly reclaimed (to grass, some
        shrub by 2020) in 2016 and 2020. Vegetation fraction follows land cover with smooth spatial and yearly variation
        and is stretched by a yearly contrast, cut to {LingbeiGenerator.FringeFactor:0.##} of itself in a disturbed fringe of a yearly width
        around bare mine ground, and lowered by a degradation halo (decay length {o.HaloLength} pixels), across the mining
        district and, by a regional stress factor, everywhere, all scaled by the year's disturbance intensity. Reflectance mixes vegetation with the background spectrum (lateritic red soil,
        bright tailings in the mine cores, leached red soil on their rims, impervious) plus noise; surface temperature rises with bare ground and falls with
        elevation, and the thermal radiance is computed from it by the radiative transfer equation (the paper's Eq. 8)
        with NDVI-threshold emissivity. This clear-sky surface (reflectance on a 1e-4 grid, radiance on a 1e-3 grid, the
        layers the calibration ran on) is written into every scene of the year, re-quantised to the Collection 2 scale
        (|Δρ| ≤ 1.4e-5; the radiance unchanged). Each scene then gets seeded clouds (smooth random fields thresholded to
        8–30 % cover) with a 2-pixel dilated-cloud ring and a shadow displaced 9 rows north and 4 columns west, flagged in
        QA_PIXEL with the bit patterns of real files (clear land 5440 on TM, 21824 on OLI); under them the reflectance and
        radiance are corrupted (bright, cold cloud; hazed ring; dark shadow). A pixel flagged in every scene of its year is
        left clear in the scene where its cloud field is lowest, so every pixel has a clear observation and the
        cloud-masked median composite returns the calibrated values. Rainfall (≈1600 mm a⁻¹, wettest April–June), population, PM2.5 and CO2 are
        smooth or blocky like the station, gridded and county products the paper used.

        ## What it is calibrated to
        Disturbance per year ({L(o.Disturbance)}), vegetation contrast per year ({L(o.Contrast)}), disturbed-fringe
        width per year ({L(o.FringeWidth, "0.#")} px) and disturbance per named site ({string.Join("; ", o.SiteDisturbance.Select(kv => kv.Key + " " + L(kv.Value)))})
        were found by a damped Broyden iteration (`LingbeiCalibration`) running the real pipeline (17 indicators, per-year min–max
        normalisation, combined weights, Table 3 classes) until, per year, the mean resilience equals the published
        {L(LingbeiPublished.MeanResilience)}, the excellent + good share the published {L(LingbeiPublished.ExcellentGoodPercent, "0.##")} %
        and the poor share the published {L(LingbeiPublished.PoorPercent, "0.##")} % (2000–2020), and the Chenaoxia and
        Longchuankeng zone means approach {L(LingbeiPublished.SiteMeans["Chenaoxia"])} and {L(LingbeiPublished.SiteMeans["Longchuankeng"])} (2005–2020).
        With these values the pipeline gives yearly means within 0.001 of the published ones, excellent + good and poor
        shares within 0.1 percentage point and site means within 0.015. The notebook loads the scene folders (boundary
        clip, QA_PIXEL mask, August–December median, the real-product path) and gets the same numbers to within the
        Collection 2 re-quantisation.
        The notebook shows the computed shares beside the published ones.

        Generated by EcoNotebooks; see `LingbeiGenerator`'s documentation for the exact method.
        """;
}
