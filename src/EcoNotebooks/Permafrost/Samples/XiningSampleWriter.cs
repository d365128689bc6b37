using System.Globalization;
using System.Text;
using EcoNotebooks.IO;
using EcoNotebooks.Permafrost.Twin;

namespace EcoNotebooks.Permafrost.Samples;

/// <summary>A file written by <see cref="XiningSampleWriter"/>.</summary>
/// <param name="Name">File name within the folder.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Description">What it holds.</param>
public sealed record SampleFile(string Name, long Bytes, string Description);

/// <summary>
/// Writes the Xining sample data set (all synthetic, seeded) into a folder: daily air temperature for both sites, the
/// soil profiles, the DEM as an ESRI ASCII grid with its .prj and as a float32 GeoTIFF (the other DEM-derived
/// rasters are generated in memory by <see cref="XiningSamples.FeasibilityInputs"/>), and the
/// digital-twin observation files with the truth multipliers. Files are written atomically; existing files are replaced.
/// </summary>
public static class XiningSampleWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes all files and returns their list.</summary>
    /// <param name="folder">Output folder (created if missing).</param>
    /// <param name="seed">Master seed (air temperature uses it; DEM seed + 1; twin observations seed + 2).</param>
    /// <param name="years">Years of daily air temperature (≥ 1; default 30).</param>
    public static IReadOnlyList<SampleFile> WriteAll(string folder, int seed = 42, int years = 30)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("An output folder is required.", nameof(folder));
        if (years < 1) throw new ArgumentOutOfRangeException(nameof(years), years, "At least one year.");
        Directory.CreateDirectory(folder);
        var files = new List<SampleFile>();
        void Add(string name, string description) => files.Add(new SampleFile(name, new FileInfo(Path.Combine(folder, name)).Length, description));

        // 1. Air temperature.
        var xi = XiningSamples.AirTemperature(XiningSite.Xining, years, seed);
        var mu = XiningSamples.AirTemperature(XiningSite.Muli, years, seed + 100);
        var readme = ReadmeTemplate.Replace("{SEED100}", (seed + 100).ToString(Inv)).Replace("{SEED1}", (seed + 1).ToString(Inv))
            .Replace("{SEED2}", (seed + 2).ToString(Inv)).Replace("{SEED}", seed.ToString(Inv)).Replace("{YEARS}", years.ToString(Inv));
        AtomicFile.WriteAllText(Path.Combine(folder, "README.md"), readme);
        Add("README.md", "What the files are, how they were made (seeds, generators), units, calibration; all synthetic.");

        var sb = new StringBuilder("day,year,day_of_year,xining_air_c,muli_air_c\n");
        for (int d = 0; d < xi.Length; d++) sb.Append(Inv, $"{d},{d / 365},{d % 365},{xi[d]:0.###},{mu[d]:0.###}\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "air_temperature.csv"), sb.ToString());
        Add("air_temperature.csv", $"Daily air temperature (°C), {years} years of 365 days from 1 January, Xining-like and Muli-like, warming 0.35 °C per 40 years.");

        // 2. Soil profiles.
        sb = new StringBuilder("site,layer,name,top_m,bottom_m,water_content,k_frozen_w_mk,k_thawed_w_mk,c_frozen_j_m3k,c_thawed_j_m3k,freezing_curve,onset_depression_k,exponent_b\n");
        foreach (var (site, layers) in new[] { ("xining", XiningSamples.XiningProfile()), ("muli", XiningSamples.MuliProfile()) })
        {
            double z = 0;
            for (int i = 0; i < layers.Count; i++)
            {
                var l = layers[i];
                sb.Append(Inv, $"{site},{i},{l.Name},{z:0.###},{z + l.Thickness:0.###},{l.WaterContent:0.####},{l.KFrozen:0.####},{l.KThawed:0.####},{l.CFrozen:0},{l.CThawed:0},{l.Freezing.Kind.ToString().ToLowerInvariant()},{l.Freezing.OnsetDepression:0.###},{l.Freezing.Exponent:0.###}\n");
                z += l.Thickness;
            }
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "soil_profiles.csv"), sb.ToString());
        Add("soil_profiles.csv", "Layer properties of the Xining (seasonal frost) and Muli (permafrost) columns.");

        // 3. DEM.
        var dem = XiningSamples.Dem(seed: seed + 1);
        XiningSamples.WriteAsciiGrid(dem, Path.Combine(folder, "dem.asc"));
        Add("dem.asc", "Synthetic DEM around Xining, 160 × 120 pixels of 250 m, EPSG 32648 (ESRI ASCII grid, m).");
        Add("dem.prj", "WKT of WGS 84 / UTM zone 48N for dem.asc.");
        var dem32 = new Rasters.Raster(dem.Grid, [new Rasters.RasterBand<float>(dem.Width, dem.Height, dem.Band(0).ToDoubleArray().Select(v => (float)v).ToArray(), -9999)]);
        IO.GeoTiff.GeoTiff.Write(dem32, Path.Combine(folder, "dem.tif"));
        Add("dem.tif", "The same DEM as a float32 GeoTIFF (DEFLATE, nodata −9999).");

        // 4. Digital twin.
        var exp = DigitalTwinExperiment.Muli(years: 2, seed: seed + 2);
        var truth = exp.Truth();
        var grid = exp.Model().Grid;
        foreach (var (name, design) in new[] { ("twin_borehole.csv", exp.Design), ("twin_fibre.csv", ObservationDesign.Fibre(0.25, 4, 5, 0.3)) })
        {
            var obs = design.Sample(truth, grid, exp.Seed);
            sb = new StringBuilder("day,depth_m,observed_c,truth_c\n");
            var profile = new double[grid.Count];
            foreach (var o in obs)
            {
                for (int i = 0; i < profile.Length; i++) profile[i] = truth[o.Day, i];
                sb.Append(Inv, $"{o.Day},{o.Depth:0.###},{o.Value:0.####},{ObservationDesign.Interpolate(grid.Centres, profile, o.Depth):0.####}\n");
            }
            AtomicFile.WriteAllText(Path.Combine(folder, name), sb.ToString());
            Add(name, $"Digital-twin observations of the truth run: depths {string.Join(", ", design.Depths.Select(d => d.ToString("0.##", Inv)))} m, every {design.IntervalDays} d, σ = {design.NoiseSd.ToString(Inv)} K.");
        }
        var ts = exp.TrueScales;
        sb = new StringBuilder("parameter,true_multiplier\n");
        sb.Append(Inv, $"k_thawed,{ts.KThawed.Value}\nk_frozen,{ts.KFrozen.Value}\nwater_content,{ts.WaterContent.Value}\nheat_capacity,{ts.HeatCapacity.Value}\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "twin_truth_parameters.csv"), sb.ToString());
        Add("twin_truth_parameters.csv", "Multipliers of the Muli layer properties used in the truth run (the inversion/EnKF targets).");
        sb = new StringBuilder("day,air_c\n");
        for (int d = 0; d < exp.Air.Length; d++) sb.Append(Inv, $"{d},{exp.Air[d]:0.###}\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "twin_air_temperature.csv"), sb.ToString());
        Add("twin_air_temperature.csv", "Daily Muli-like forcing of the twin window (2 years, °C).");
        return files;
    }

    /// <summary>README.md of the data set; {SEED}, {SEED1}, {SEED2}, {SEED100} and {YEARS} are substituted.</summary>
    private const string ReadmeTemplate = """
# Xining permafrost sample data (SYNTHETIC)

Everything in this folder is **synthetic**, generated by `econb samples xining --out data-samples/xining --seed {SEED}` (or `econb samples-xining --seed {SEED} --years {YEARS}`)
(`EcoNotebooks.Permafrost.Samples.XiningSampleWriter.WriteAll(folder, seed: {SEED}, years: {YEARS})`). Re-running the command
with the same seed reproduces the files byte for byte. Random numbers: `System.Random(seed)` (fixed sequence across .NET
versions), normal deviates by Box–Muller. Calibration targets are the values quoted in
`papers/xining-permafrost-restoration.txt` (see `PUBLISHED-VALUES.md`, Xining section).

| file | content | units |
|---|---|---|
| `air_temperature.csv` | daily air temperature, {YEARS} model years of 365 days starting 1 January; columns `day, year, day_of_year, xining_air_c, muli_air_c` | °C |
| `soil_profiles.csv` | layers of the Xining (seasonal frost) and Muli (permafrost) columns: depth range, total water content θ, frozen/thawed conductivity and volumetric heat capacity, unfrozen-water curve (power law θu = θ·min(1, ((0 − T)/T0)^−b)) | m, m³ m⁻³, W m⁻¹ K⁻¹, J m⁻³ K⁻¹, K, – |
| `dem.asc` + `dem.prj` | DEM around Xining, 160 × 120 pixels of 250 m, ESRI ASCII grid (GDAL driver AAIGrid), WGS 84 / UTM 48N (EPSG 32648), centred on Xining (101.78° E, 36.62° N → E 212,034, N 4,057,549) | m a.s.l. |
| `dem.tif` | the same DEM as a float32 GeoTIFF (DEFLATE, nodata −9999), written by `EcoNotebooks.IO.GeoTiff` | m a.s.l. |
| `twin_borehole.csv` | digital-twin "borehole": truth-run temperature at 0.5, 1, 2, 3, 5, 8, 12 m every 5 days plus N(0, 0.1²) noise; columns `day, depth_m, observed_c, truth_c` | °C |
| `twin_fibre.csv` | digital-twin "DTS fibre": every 0.25 m to 4 m, every 5 days, σ = 0.3 K | °C |
| `twin_truth_parameters.csv` | multipliers of the Muli layer properties in the truth run (k_thawed 1.3, k_frozen 0.8, water_content 1.15, heat_capacity 1) | – |
| `twin_air_temperature.csv` | the 2-year Muli-like forcing of the twin window (seed {SEED2}) | °C |

## How the data were made

- **Air temperature** (`XiningSamples.AirTemperature`): Ta(d) = MAAT + 0.35·d/(40·365) − A·cos(2π(d − d_min)/365) + ε,
  ε an AR(1) anomaly (ρ = 0.7). Xining-like: 2,260 m, MAAT 6.0 °C, A 12.4 °C (climate normals: January −7.4 °C,
  July 17.4 °C), σ 2.5 °C, coldest day 15 (seed {SEED}). Muli-like: 3,900 m, MAAT −4.0 °C, A 11.5 °C, σ 3.0 °C, coldest
  day 18 (seed {SEED100}). Trend 0.35 °C per four decades (paper: 0.3–0.4 °C).
- **Soil profiles** (`XiningSamples.XiningProfile/MuliProfile`): properties from porosity, water content and solid
  conductivity by the geometric-mean mixing rule (`SoilLayer.FromComposition`), except the Muli peaty topsoil (typical peat values).
- **DEM** (`XiningSamples.Dem`, seed {SEED1}): a Huangshui-like valley floor (≈ 2,200–2,300 m, falling 4 m/km eastwards)
  crossing the grid WNW–ESE, relief rising 1,900 m to the north and 1,600 m to the south with distance from the
  valley axis, and five octaves of seeded value noise (≈ ±160 m). It is not real topography. The other rasters of the
  revegetation rules (MAT, accumulated temperature, precipitation, pH, salt) are derived in memory by
  `XiningSamples.FeasibilityInputs(dem)`.
- **Digital twin** (`DigitalTwinExperiment.Muli(years: 2, seed: {SEED2})`): the Muli column cut at 20 m, n-factors 1.3/0.65,
  spun up 5 years, run 2 years with the multipliers above; observations sampled from that truth run.

With these inputs the model gives, for the Xining valley column, seasonal frost only (maximum frost depth ≈ 0.8–0.9 m,
MAGT ≈ 7.3 °C) and, for the Muli column, permafrost with ALT ≈ 0.8 m and MAGT ≈ −2 °C (the paper reports ALT
1–2 m and MAGT slightly above −1 °C for the sporadic permafrost around Xining; the Muli column is colder by design).
""";
}
