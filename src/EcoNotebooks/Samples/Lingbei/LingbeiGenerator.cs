using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>
/// Generates the synthetic Lingbei rare-earth mining-area sample: a 30 m grid of 540 × 440 pixels (213.84 km²) in
/// WGS 84 / UTM 50N inside the paper's extent (114.97–115.19° E, 24.85–25.05° N), for 2000, 2005, 2010 (Landsat 5 TM)
/// and 2016, 2020 (Landsat 8 OLI), with everything <see cref="IndicatorStack"/> needs: surface reflectance and thermal
/// radiance, a DEM, CLCD land cover, monthly rainfall, soil erodibility, population, PM2.5 and CO2.
/// <para>Method. Hills (sum of smooth random fields, 190–900 m) cut by a meandering valley with cropland and
/// villages (the river is narrower than the pixels and not mapped); forest covers most of the land, with shrub and grass patches; a town in the north-west (and a smaller
/// one in the south-east) grows every period. Eight ion-adsorption mine sites (two named after the paper's Chenaoxia
/// and Longchuankeng) open bare ground (CLCD barren) that expands 2000 → 2010 and is partly reclaimed to grass and
/// shrub by 2016 and 2020 (<see cref="Sites"/>). The vegetation fraction of each pixel follows its land cover plus
/// smooth spatial and yearly variation, lowered near bare mine ground by a degradation halo whose depth is the
/// year's disturbance intensity (<see cref="LingbeiSampleOptions.Disturbance"/>, scaled per named site). Reflectance
/// is a linear mixture of vegetation and the land cover's background spectrum (lateritic red soil, bright tailings,
/// impervious) plus pixel noise; the surface temperature rises with bare ground and falls with elevation,
/// and the thermal band is the at-sensor radiance of that temperature through the radiative transfer equation
/// (Eq. 8) with the NDVI-threshold emissivity, so <see cref="LandSurfaceTemperature"/> recovers it. Rainfall,
/// population (≈1 km blocks), PM2.5 (≈0.01° blocks) and CO2 (per township) are smooth or blocky as real products.</para>
/// <para>The Landsat stack of a year (<see cref="Landsat"/>) is the calibrated clear-sky surface; the sample folder
/// carries it as cloudy Collection 2 Level-2 scene folders built from it by <see cref="LingbeiScenes"/>, which the
/// notebook composites back.</para>
/// SYNTHETIC: not Landsat, CLCD or statistical data.
/// </summary>
public static class LingbeiGenerator
{
    /// <summary>The study years.</summary>
    public static IReadOnlyList<int> Years { get; } = [2000, 2005, 2010, 2016, 2020];

    /// <summary>Sensor of each study year (TM before the Landsat 5 end of mission, OLI after).</summary>
    public static Sensor SensorOf(int year) => year <= 2011 ? Sensor.LandsatTM : Sensor.LandsatOli;

    /// <summary>CLCD land-cover codes used.</summary>
    public const byte Cropland = 1, Forest = 2, Shrub = 3, Grassland = 4, Water = 5, Barren = 7, Impervious = 8;

    /// <summary>The mine sites (radii per study year in pixels). Codes 1 and 2 are the paper's typical sites.</summary>
    public static IReadOnlyList<LingbeiMineSite> Sites { get; } =
    [
        new("Chenaoxia", 1, 330, 170, [9, 13, 22, 22, 23], [0, 0, 0, 0.15, 0.2], 40),
        new("Longchuankeng", 2, 240, 290, [10, 12, 16, 16, 16], [0, 0, 0.05, 0.6, 0.8], 40),
        new("Mine A", 3, 410, 100, [10, 12, 16, 16, 16], [0, 0, 0, 0.3, 0.5], 30),
        new("Mine B", 4, 170, 190, [6, 8, 14, 14, 14], [0, 0, 0, 0.3, 0.5], 28),
        new("Mine C", 5, 460, 250, [0, 5, 13, 13, 13], [0, 0, 0, 0.2, 0.4], 27),
        new("Mine D", 6, 320, 380, [8, 9, 14, 14, 14], [0, 0, 0, 0.3, 0.5], 28),
        new("Mine E", 7, 110, 330, [5, 6, 11, 11, 11], [0, 0, 0, 0.3, 0.5], 25),
        new("Mine F", 8, 390, 310, [0, 4, 12, 12, 12], [0, 0, 0, 0.2, 0.4], 26),
    ];

    /// <summary>Annual rainfall per study year, mm (Dingnan is humid subtropical, ≈1600 mm).</summary>
    public static IReadOnlyList<double> AnnualRainfall { get; } = [1580, 1450, 1720, 1900, 1380];

    private static readonly double[] MonthShare = Normalise([3.5, 5.5, 10, 12.5, 14.5, 15.5, 8, 9, 6, 4, 4, 3.5]);
    private static readonly double[] SurfaceT0 = [297.0, 298.0, 297.5, 298.5, 299.0];
    private static readonly AtmosphericProfile[] Atmospheres =
    [
        new(0.82, 1.55, 2.60), new(0.78, 1.80, 3.00), new(0.80, 1.70, 2.85), new(0.84, 1.40, 2.40), new(0.86, 1.30, 2.20),
    ];
    private static readonly DateOnly[] Dates = [new(2000, 10, 28), new(2005, 11, 11), new(2010, 10, 8), new(2016, 11, 25), new(2020, 10, 19)];

    // Background spectra (blue, green, red, NIR, SWIR1, SWIR2), surface reflectance.
    private static readonly double[] VegSpectrum = [0.025, 0.050, 0.030, 0.280, 0.130, 0.055];
    private static readonly double[] RedSoil = [0.080, 0.120, 0.210, 0.300, 0.400, 0.330];
    private static readonly double[] Tailings = [0.220, 0.270, 0.320, 0.360, 0.420, 0.380];
    private static readonly double[] Sealed = [0.110, 0.120, 0.130, 0.170, 0.200, 0.180];
    private static readonly double[] WaterSpectrum = [0.080, 0.100, 0.090, 0.070, 0.030, 0.020]; // turbid river
    private static readonly double[] OliGain = [0.98, 1.0, 1.0, 1.03, 1.0, 1.0];

    /// <summary>Scale of the stored reflectance (int16 = reflectance × 10 000).</summary>
    public const double ReflectanceScale = 1e-4;
    /// <summary>Scale of the stored thermal radiance (int16 = W m⁻² sr⁻¹ µm⁻¹ × 1000).</summary>
    public const double RadianceScale = 1e-3;
    /// <summary>Scale of the stored rainfall (int16 = mm × 10).</summary>
    public const double RainfallScale = 0.1;
    /// <summary>Scale of the stored erodibility (int16 = K × 10 000).</summary>
    public const double ErodibilityScale = 1e-4;
    /// <summary>Nodata of the int16 Landsat stacks.</summary>
    public const double LandsatNoData = -32768;

    /// <summary>The static layers and per-year land cover of the sample (cheap), from which every year's scene is made.</summary>
    public sealed class Landscape
    {
        internal Landscape(LingbeiSampleOptions o, double[] dem, byte[][] landCover, byte[] zones, double[] erodibility,
            double[] baseVigour, double[] district, bool[][] reclaimed, bool[][] leached)
        { Options = o; Dem = dem; LandCover = landCover; Zones = zones; Erodibility = erodibility; BaseVigour = baseVigour; District = district; ReclaimedMask = reclaimed; Leached = leached; }
        /// <summary>Options.</summary>
        public LingbeiSampleOptions Options { get; }
        /// <summary>Elevation, m (integer values).</summary>
        public double[] Dem { get; }
        /// <summary>CLCD codes per study year.</summary>
        public byte[][] LandCover { get; }
        /// <summary>Site zone codes.</summary>
        public byte[] Zones { get; }
        /// <summary>K, SI (multiples of 1e-4).</summary>
        public double[] Erodibility { get; }
        internal double[] BaseVigour { get; }
        internal double[] District { get; }
        internal bool[][] ReclaimedMask { get; }
        internal bool[][] Leached { get; }
    }

    /// <summary>Generates the whole sample (all years, including the Landsat scenes when <paramref name="withLandsat"/>).</summary>
    public static LingbeiSample Generate(LingbeiSampleOptions? options = null, bool withLandsat = true)
    {
        var o = (options ?? new LingbeiSampleOptions()).Validate();
        var land = BuildLandscape(o);
        var grid = o.Grid;
        var years = new List<LingbeiSampleYear>();
        for (int t = 0; t < Years.Count; t++)
        {
            years.Add(new LingbeiSampleYear(Years[t], SensorOf(Years[t]), Dates[t], Atmospheres[t],
                ToRaster(grid, PixelType.UInt8, land.LandCover[t].Select(b => (double)b).ToArray()),
                withLandsat ? Landsat(land, t) : null, Rainfall(land, t), Population(land, t), Pm25(land, t), Co2(land, t)));
        }
        return new LingbeiSample(o, ToRaster(grid, PixelType.Int16, land.Dem),
            ToRaster(grid, PixelType.Int16, land.Erodibility.Select(k => Math.Round(k / ErodibilityScale)).ToArray()),
            ToRaster(grid, PixelType.UInt8, land.Zones.Select(b => (double)b).ToArray()), years);
    }

    /// <summary>Builds DEM, land cover of every year, site zones, erodibility and the static vegetation fields.</summary>
    public static Landscape BuildLandscape(LingbeiSampleOptions? options = null)
    {
        var o = (options ?? new LingbeiSampleOptions()).Validate();
        int w = o.Width, h = o.Height, n = w * h;
        var rng = new SeededRandom(o.Seed);
        double sx = w / 540.0, sy = h / 440.0; // site positions are given for the default grid

        // Terrain: hills from three smooth fields and a meandering valley.
        var f1 = rng.SmoothField(w, h, 100); var f2 = rng.SmoothField(w, h, 35); var f3 = rng.SmoothField(w, h, 10);
        var valley = new double[n];
        var dem = new double[n];
        var riverDist = new double[n];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                double centre = 0.62 * h + 35 * sy * Math.Sin(c / (70.0 * sx)) + 15 * sy * Math.Sin(c / (23.0 * sx));
                double d = Math.Abs(r - centre);
                riverDist[i] = d;
                valley[i] = Math.Exp(-(d / (45 * sy)) * (d / (45 * sy)));
                dem[i] = Math.Round(Math.Max(190, 480 + 160 * f1[i] + 70 * f2[i] + 20 * f3[i] - 170 * valley[i]));
            }
        var sortedDem = dem.OrderBy(v => v).ToArray();
        double lowland = sortedDem[(int)(0.06 * n)];

        // Static land cover.
        var fc = rng.SmoothField(w, h, 15); var fs = rng.SmoothField(w, h, 18); var fg = rng.SmoothField(w, h, 12);
        var fs2 = rng.SmoothField(w, h, 5); var fg2 = rng.SmoothField(w, h, 4);
        var baseLc = new byte[n];
        for (int i = 0; i < n; i++)
        {
            // Forest with a fine mosaic of shrub and grass (as 30 m CLCD shows on the hills) and a few larger patches.
            byte lc = Forest;
            if (fs[i] > 1.2 || fs2[i] > 0.9) lc = Shrub;
            if (fg[i] > 1.6 || fg2[i] > 1.9) lc = Grassland;
            if ((valley[i] > 0.35 && fc[i] > -0.3) || dem[i] < lowland) lc = Cropland;
            // The river (≈40 m) is narrower than two pixels and mixes with its banks at 30 m; it is not mapped as water.
            baseLc[i] = lc;
        }
        // Villages: small built-up blobs in cropland.
        for (int v = 0; v < 14; v++)
        {
            int tries = 0, i;
            do { i = rng.Next(n); tries++; } while (baseLc[i] != Cropland && tries < 1000);
            int vc = i % w, vr = i / w; double rad = rng.Uniform(1.5, 3.2);
            Disc(w, h, vc, vr, rad, j => { if (baseLc[j] != Water) baseLc[j] = Impervious; });
        }

        // Mine footprints: irregular discs (edge noise fixed across years, so footprints are nested).
        var edge = rng.SmoothField(w, h, 8);
        var reclaimNoise = rng.SmoothField(w, h, 6);
        var townEdge = rng.SmoothField(w, h, 10);
        var landCover = new byte[Years.Count][];
        var reclaimedMask = new bool[Years.Count][];
        var leachedMask = new bool[Years.Count][];
        double[] townNw = [16, 19, 23, 27, 31], townSe = [8, 9, 11, 12, 14];
        for (int t = 0; t < Years.Count; t++)
        {
            var lc = (byte[])baseLc.Clone();
            var rec = new bool[n];
            var leached = new bool[n];
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                {
                    int i = r * w + c;
                    double dn = Dist(c, r, 80 * sx, 70 * sy) / (townNw[t] * Math.Sqrt(sx * sy)), ds = Dist(c, r, 470 * sx, 380 * sy) / (townSe[t] * Math.Sqrt(sx * sy));
                    if ((dn < 1 + 0.3 * townEdge[i] || ds < 1 + 0.3 * townEdge[i]) && lc[i] != Water) lc[i] = Impervious;
                    foreach (var s in Sites)
                    {
                        double rad = s.Radius[t] * Math.Sqrt(sx * sy);
                        if (rad <= 0) continue;
                        double rel = Dist(c, r, s.Col * sx, s.Row * sy) / rad;
                        if (rel < 1 + 0.3 * edge[i])
                        {
                            leached[i] = rel > 0.55 + 0.3 * edge[i];
                            if (NormalCdf(reclaimNoise[i]) < s.Reclaimed[t]) { lc[i] = t == Years.Count - 1 && reclaimNoise[i] < -1.2 ? Shrub : Grassland; rec[i] = true; }
                            else lc[i] = Barren;
                        }
                    }
                }
            landCover[t] = lc;
            reclaimedMask[t] = rec;
            leachedMask[t] = leached;
        }

        // Site zones (nearest site centre within its zone radius).
        var zones = new byte[n];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                double best = double.PositiveInfinity;
                foreach (var s in Sites)
                {
                    double d = Dist(c, r, s.Col * sx, s.Row * sy);
                    if (d <= s.ZoneRadius * Math.Sqrt(sx * sy) && d < best) { best = d; zones[r * w + c] = (byte)s.Code; }
                }
            }

        // Erodibility (red soil ≈ 0.03 SI), static vigour variation, and the mining district (diffuse degradation).
        var fk = rng.SmoothField(w, h, 50);
        var fv = rng.SmoothField(w, h, 25);
        var erod = new double[n];
        var vigour = new double[n];
        var district = new double[n];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                erod[i] = Math.Round((0.030 + 0.004 * fk[i]) / ErodibilityScale) * ErodibilityScale;
                vigour[i] = 0.04 * fv[i];
                double dmin = Sites.Min(s => Dist(c, r, s.Col * sx, s.Row * sy) / Math.Sqrt(sx * sy));
                district[i] = Math.Exp(-dmin / 80);
            }
        return new Landscape(o, dem, landCover, zones, erod, vigour, district, reclaimedMask, leachedMask);
    }

    /// <summary>Vegetation fraction about which <see cref="LingbeiSampleOptions.Contrast"/> stretches the undisturbed vegetation fraction.</summary>
    public const double ContrastPivot = 0.6;

    /// <summary>Share of its vegetation fraction a pixel keeps inside the disturbed fringe (<see cref="LingbeiSampleOptions.FringeWidth"/>).</summary>
    public const double FringeFactor = 0.1;

    /// <summary>Regional vegetation stress per unit disturbance (dust, leachate and acidified runoff across the district).</summary>
    public const double RegionalStress = 0.15;

    /// <summary>
    /// Vegetation fraction (0–1) of every pixel in study year index <paramref name="t"/>, including the disturbance
    /// halo and regional stress: v·(1 − min(0.95, max(0, D)·m·(e^(−d/λ) + 0.5·district)))·(1 − 0.15·D), clamped to
    /// 0.01–0.97, with v = (p + (1 + C)·(fv − p))·(1 − (1 − f)·clamp(W + 1 − d, 0, 1)) the undisturbed fraction stretched
    /// by the year's contrast C about p = <see cref="ContrastPivot"/> and cut to the share f = <see cref="FringeFactor"/>
    /// in the fringe of width W·m (<see cref="LingbeiSampleOptions.FringeWidth"/>) around bare ground, D the year's
    /// disturbance (negative D: a year of above-normal vigour), m the site multiplier of the pixel's zone and
    /// district = e^(−distance to the nearest mine centre / 80 px).
    /// </summary>
    public static double[] VegetationFraction(Landscape land, int t)
    {
        var o = land.Options;
        int w = o.Width, h = o.Height, n = w * h;
        var lc = land.LandCover[t];
        var bare = new bool[n];
        for (int i = 0; i < n; i++) bare[i] = lc[i] == Barren;
        var dist = ChamferDistance(bare, w, h);
        var siteMult = new double[Sites.Count + 1];
        for (int k = 0; k <= Sites.Count; k++) siteMult[k] = 1;
        foreach (var (name, v) in o.SiteDisturbance) siteMult[Sites.First(s => s.Name == name).Code] = v[t];
        double d = o.Disturbance[t], contrast = o.Contrast[t], fringe = o.FringeWidth[t];
        int seed = o.Seed * 31 + Years[t];
        var fv = new double[n];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                double baseFv = lc[i] switch
                {
                    Cropland => 0.62,
                    Forest => 0.90,
                    Shrub => land.ReclaimedMask[t][i] ? 0.50 : 0.80,
                    Grassland => land.ReclaimedMask[t][i] ? (t >= 4 ? 0.50 : t >= 3 ? 0.35 : 0.20) : 0.70,
                    Water => 0.0,
                    Barren => land.Leached[t][i] ? 0.22 : 0.03,
                    Impervious => 0.10,
                    _ => 0.5,
                };
                if (lc[i] == Water) { fv[i] = 0; continue; }
                double yearly = 0.025 * SmoothHash(seed, c, r, 15);
                double v = baseFv * (1 + land.BaseVigour[i] + yearly);
                v = ContrastPivot + (1 + contrast) * (v - ContrastPivot);
                double m = siteMult[land.Zones[i]];
                double halo = lc[i] == Barren ? 0 : Math.Max(0, d) * m * (Math.Exp(-dist[i] / o.HaloLength) + 0.5 * land.District[i]);
                if (lc[i] != Barren && fringe > 0) v *= 1 - (1 - FringeFactor) * Math.Clamp(fringe * m + 1 - dist[i], 0, 1);
                fv[i] = Math.Clamp(v * (1 - Math.Min(0.95, halo)) * (1 - RegionalStress * d), 0.01, 0.97);
            }
        return fv;
    }

    /// <summary>The Landsat stack (int16, 7 bands, see <see cref="LingbeiSampleYear.Landsat"/>) of study year index <paramref name="t"/>.</summary>
    public static Raster Landsat(Landscape land, int t) => LandsatWithTemperature(land, t).Stack;

    /// <summary>
    /// The Landsat stack of <see cref="Landsat"/> and the surface temperature (K) each pixel's thermal radiance was
    /// computed from (the ST_B6/ST_B10 layer of the synthetic Collection 2 scenes, <see cref="LingbeiScenes"/>).
    /// </summary>
    public static (Raster Stack, double[] SurfaceTemperature) LandsatWithTemperature(Landscape land, int t)
    {
        var o = land.Options;
        int w = o.Width, h = o.Height, n = w * h;
        var fv = VegetationFraction(land, t);
        var lc = land.LandCover[t];
        var sensor = SensorOf(Years[t]);
        var k = SensorBands.Thermal(sensor);
        var atm = Atmospheres[t];
        int seed = o.Seed * 17 + Years[t];
        var bands = new double[7][];
        for (int b = 0; b < 7; b++) bands[b] = new double[n];
        var surfaceT = new double[n];
        PixelRows(h, r =>
        {
            Span<double> rho = stackalloc double[6];
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                var bg = lc[i] switch { Barren => land.Leached[t][i] ? RedSoil : Tailings, Impervious => Sealed, Water => WaterSpectrum, _ => RedSoil };
                double moist = lc[i] == Cropland ? 0.85 : 1.0;
                for (int b = 0; b < 6; b++)
                {
                    double v = fv[i] * VegSpectrum[b] + (1 - fv[i]) * bg[b] * (bg == RedSoil ? moist : 1);
                    if (sensor == Sensor.LandsatOli) v *= OliGain[b];
                    if (b == 0) v += 0.002 * (t % 3); // slight haze differences between scenes
                    v += (b < 3 ? 0.004 : 0.008) * HashNoise.Normal(seed, c, r, b);
                    rho[b] = Math.Clamp(Math.Round(v / ReflectanceScale), 1, 10000);
                    bands[b][i] = rho[b];
                }
                double ndvi = VegetationIndices.Ndvi(rho[2] * ReflectanceScale, rho[3] * ReflectanceScale);
                double eps = LandSurfaceTemperature.Emissivity(ndvi);
                double offset = lc[i] switch { Impervious => 4, Barren => 3, Water => -4, _ => 0 };
                double ts = SurfaceT0[t] + 10 * (1 - fv[i]) + offset - 0.0065 * (land.Dem[i] - 480) + 0.4 * HashNoise.Normal(seed, c, r, 6);
                bands[6][i] = Math.Round(LandSurfaceTemperature.AtSensorRadiance(ts, eps, atm, k) / RadianceScale);
                surfaceT[i] = ts;
            }
        });
        var raster = new Raster(o.Grid, bands.Select(v => (RasterBand)new RasterBand<short>(w, h, v.Select(x => (short)x).ToArray(), LandsatNoData)).ToArray());
        return (raster, surfaceT);
    }

    /// <summary>Monthly rainfall (int16 mm × 10, 12 bands) of study year index <paramref name="t"/>.</summary>
    public static Raster Rainfall(Landscape land, int t)
    {
        var o = land.Options;
        int w = o.Width, h = o.Height, n = w * h;
        var rng = new SeededRandom(o.Seed * 13 + Years[t]);
        var bands = new RasterBand[12];
        var pattern = rng.SmoothField(w, h, 150);
        for (int m = 0; m < 12; m++)
        {
            var monthField = rng.SmoothField(w, h, 200);
            var v = new short[n];
            for (int i = 0; i < n; i++)
            {
                double p = AnnualRainfall[t] * MonthShare[m] * (1 + 0.05 * pattern[i] + 0.03 * monthField[i]);
                v[i] = (short)Math.Round(Math.Max(0, p) / RainfallScale);
            }
            bands[m] = new RasterBand<short>(w, h, v);
        }
        return new Raster(o.Grid, bands);
    }

    /// <summary>
    /// Population, persons per pixel (float32) of study year index <paramref name="t"/>: a density per ≈1 km block
    /// (33 × 33 pixels, like a 1 km gridded population product) of 80 persons km⁻² plus 5000 × the block's built-up
    /// share and 250 × its cropland share, growing 2.5 % per period, spread evenly over the block's pixels.
    /// </summary>
    public static Raster Population(Landscape land, int t)
    {
        var lc = land.LandCover[t];
        double growth = 1 + 0.025 * t;
        double pixelKm2 = land.Options.PixelSize * land.Options.PixelSize / 1e6;
        return BlockLayer(land, 33, idx =>
        {
            double built = idx.Count(i => lc[i] == Impervious) / (double)idx.Count, crop = idx.Count(i => lc[i] == Cropland) / (double)idx.Count;
            return Math.Round((80 + 5000 * built + 250 * crop) * growth * pixelKm2, 4);
        });
    }

    /// <summary>
    /// PM2.5 (µg m⁻³, float32) of study year index <paramref name="t"/> on ≈0.01° blocks (37 × 37 pixels, like the
    /// Dalhousie product): a yearly regional level (34, 44, 47, 38, 27) plus 14 × the block's built-up share, 8 × its bare
    /// mine share and a weak smooth regional gradient.
    /// </summary>
    public static Raster Pm25(Landscape land, int t)
    {
        double[] level = [34, 44, 47, 38, 27];
        var lc = land.LandCover[t];
        var gradient = new SeededRandom(land.Options.Seed * 7 + 1).SmoothField(land.Options.Width, land.Options.Height, 120);
        return BlockLayer(land, 37, idx =>
        {
            double built = idx.Count(i => lc[i] == Impervious) / (double)idx.Count, bare = idx.Count(i => lc[i] == Barren) / (double)idx.Count;
            return Math.Round(level[t] + 14 * built + 8 * bare + 0.8 * idx.Average(i => gradient[i]), 1);
        });
    }

    /// <summary>
    /// CO2 emission density (t km⁻² a⁻¹, float32) of study year index <paramref name="t"/>: one value per township
    /// (three townships: a small north-western one around the county town and two rural ones), as county/township inventories are.
    /// </summary>
    public static Raster Co2(Landscape land, int t)
    {
        var o = land.Options;
        int w = o.Width, h = o.Height;
        double sx = w / 540.0, sy = h / 440.0;
        // The north-western township holds the county town (high emissions); two rural townships share the rest.
        double[] town = [620, 700, 820, 760, 700], east = [380, 450, 560, 520, 480], south = [400, 470, 585, 545, 505];
        var v = new double[w * h];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
                v[r * w + c] = Dist(c, r, 60 * sx, 60 * sy) < 130 * Math.Sqrt(sx * sy) ? town[t] : r < 0.45 * h + 0.2 * (c - 0.5 * w) ? east[t] : south[t];
        return ToRaster(o.Grid, PixelType.Float32, v);
    }

    private static Raster BlockLayer(Landscape land, int block, Func<List<int>, double> value)
    {
        int w = land.Options.Width, h = land.Options.Height;
        var v = new double[w * h];
        for (int br = 0; br < h; br += block)
            for (int bc = 0; bc < w; bc += block)
            {
                var idx = new List<int>();
                for (int r = br; r < Math.Min(h, br + block); r++)
                    for (int c = bc; c < Math.Min(w, bc + block); c++) idx.Add(r * w + c);
                double x = value(idx);
                foreach (int i in idx) v[i] = x;
            }
        return ToRaster(land.Options.Grid, PixelType.Float32, v);
    }

    /// <summary>Per-year scene metadata: sensor, date and atmosphere.</summary>
    public static (Sensor Sensor, DateOnly Date, AtmosphericProfile Atmosphere) Scene(int t) => (SensorOf(Years[t]), Dates[t], Atmospheres[t]);

    private static Raster ToRaster(RasterGrid grid, PixelType type, double[] values)
    {
        var r = Raster.Create(grid, type);
        r.WriteWindow(0, new RasterWindow(0, 0, grid.Width, grid.Height), values);
        return r;
    }

    private static double Dist(double c, double r, double c0, double r0) => Math.Sqrt((c - c0) * (c - c0) + (r - r0) * (r - r0));

    private static void Disc(int w, int h, int c0, int r0, double rad, Action<int> set)
    {
        int k = (int)Math.Ceiling(rad);
        for (int r = Math.Max(0, r0 - k); r <= Math.Min(h - 1, r0 + k); r++)
            for (int c = Math.Max(0, c0 - k); c <= Math.Min(w - 1, c0 + k); c++)
                if (Dist(c, r, c0, r0) <= rad) set(r * w + c);
    }

    private static double[] Normalise(double[] v) { double s = v.Sum(); return v.Select(x => x / s).ToArray(); }

    /// <summary>Standard normal CDF (Abramowitz–Stegun 7.1.26 erf), accurate to ~1e-7.</summary>
    internal static double NormalCdf(double z)
    {
        double x = Math.Abs(z) / Math.Sqrt(2), tt = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * tt - 1.453152027) * tt) + 1.421413741) * tt - 0.284496736) * tt + 0.254829592) * tt * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /// <summary>A smooth field from hashed noise on a coarse lattice (cell <paramref name="scale"/> pixels), bilinear, sd ≈ 0.6–1.</summary>
    internal static double SmoothHash(int seed, int c, int r, int scale)
    {
        int x0 = c / scale, y0 = r / scale; double tx = (double)(c % scale) / scale, ty = (double)(r % scale) / scale;
        double a = HashNoise.Normal(seed, x0, y0, 99), b = HashNoise.Normal(seed, x0 + 1, y0, 99);
        double d = HashNoise.Normal(seed, x0, y0 + 1, 99), e = HashNoise.Normal(seed, x0 + 1, y0 + 1, 99);
        return (a * (1 - tx) + b * tx) * (1 - ty) + (d * (1 - tx) + e * tx) * ty;
    }

    /// <summary>Chamfer (3-4) distance in pixels to the nearest true pixel; +∞ (large) when there is none.</summary>
    internal static double[] ChamferDistance(bool[] target, int w, int h)
    {
        const double big = 1e9;
        var d = new double[w * h];
        for (int i = 0; i < d.Length; i++) d[i] = target[i] ? 0 : big;
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c; double v = d[i];
                if (c > 0) v = Math.Min(v, d[i - 1] + 3);
                if (r > 0)
                {
                    v = Math.Min(v, d[i - w] + 3);
                    if (c > 0) v = Math.Min(v, d[i - w - 1] + 4);
                    if (c < w - 1) v = Math.Min(v, d[i - w + 1] + 4);
                }
                d[i] = v;
            }
        for (int r = h - 1; r >= 0; r--)
            for (int c = w - 1; c >= 0; c--)
            {
                int i = r * w + c; double v = d[i];
                if (c < w - 1) v = Math.Min(v, d[i + 1] + 3);
                if (r < h - 1)
                {
                    v = Math.Min(v, d[i + w] + 3);
                    if (c < w - 1) v = Math.Min(v, d[i + w + 1] + 4);
                    if (c > 0) v = Math.Min(v, d[i + w - 1] + 4);
                }
                d[i] = v;
            }
        for (int i = 0; i < d.Length; i++) d[i] /= 3;
        return d;
    }

    private static void PixelRows(int count, Action<int> body) => Parallel.For(0, count, body);
}
