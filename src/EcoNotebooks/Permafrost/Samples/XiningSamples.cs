using System.Globalization;
using System.Text;
using EcoNotebooks.IO;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Permafrost.Samples;

/// <summary>Sample sites of the Xining study.</summary>
public enum XiningSite
{
    /// <summary>Xining city, Huangshui valley, 2,260 m: MAAT ≈ 6 °C, seasonal frost only.</summary>
    Xining,
    /// <summary>Muli coal mining area, southern Qilian Mountains, 3,900 m: MAAT ≈ −4 °C, permafrost.</summary>
    Muli,
}

/// <summary>Climate parameters of a synthetic daily air temperature series.</summary>
/// <param name="Name">Site name.</param>
/// <param name="Elevation">m a.s.l.</param>
/// <param name="MeanAnnualAirTemperature">MAAT, °C, in year 0.</param>
/// <param name="Amplitude">Half the difference between the warmest and coldest month means, °C.</param>
/// <param name="ColdestDay">Day of year (0-based) of the annual minimum (≈ 15 = mid-January).</param>
/// <param name="NoiseSd">Standard deviation of the day-to-day weather anomaly, °C.</param>
/// <param name="NoiseAutocorrelation">Lag-1 autocorrelation of the anomaly (AR(1)).</param>
public sealed record SiteClimate(string Name, double Elevation, double MeanAnnualAirTemperature, double Amplitude, int ColdestDay, double NoiseSd, double NoiseAutocorrelation);

/// <summary>
/// Seeded, documented synthetic data for the Xining permafrost notebook. Everything here is SYNTHETIC, calibrated to
/// the values quoted in the paper (Xining 2,260 m, MAAT ≈ 6 °C; Muli 3,900 m, MAAT ≈ −4 °C; warming 0.3–0.4 °C per
/// four decades; maximum seasonal frost 1.5–2.5 m; permafrost MAGT slightly above −1 °C with ALT 1–2 m) and to
/// typical climate-normal amplitudes (Xining: January −7.4 °C, July 17.4 °C → amplitude ≈ 12.4 °C).
/// Random numbers come from System.Random(seed) (its seeded sequence is fixed across .NET versions).
/// </summary>
public static class XiningSamples
{
    /// <summary>Xining location, WGS 84 / UTM zone 48N (EPSG 32648): 101.78° E, 36.62° N → E 212,034 m, N 4,057,549 m (from GDAL/PROJ).</summary>
    public static (double Easting, double Northing) XiningUtm => (212_034, 4_057_549);

    /// <summary>Climate of a site.</summary>
    public static SiteClimate Climate(XiningSite site) => site switch
    {
        XiningSite.Xining => new SiteClimate("Xining", 2260, 6.0, 12.4, 15, 2.5, 0.7),
        XiningSite.Muli => new SiteClimate("Muli", 3900, -4.0, 11.5, 18, 3.0, 0.7),
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, "Unknown site."),
    };

    /// <summary>
    /// Daily air temperature, °C: Ta(d) = MAAT + w·d/(40·365) − A·cos(2π(d − d_min)/365) + ε_d, with AR(1) anomalies
    /// ε_d = ρ ε_{d−1} + σ√(1 − ρ²) z_d, z ~ N(0, 1) (Box–Muller on System.Random(seed)). 365-day years, day 0 = 1 January.
    /// </summary>
    /// <param name="site">Site.</param>
    /// <param name="years">Number of years (≥ 1).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="warmingPerFourDecades">Linear trend, °C per 40 years (default 0.35, paper: 0.3–0.4).</param>
    /// <param name="noise">False for the smooth seasonal cycle only.</param>
    public static double[] AirTemperature(XiningSite site, int years, int seed = 42, double warmingPerFourDecades = 0.35, bool noise = true)
    {
        if (years < 1) throw new ArgumentOutOfRangeException(nameof(years), years, "At least one year.");
        var c = Climate(site);
        var rng = new Random(seed);
        var t = new double[years * 365];
        double e = 0, s = c.NoiseSd * Math.Sqrt(1 - c.NoiseAutocorrelation * c.NoiseAutocorrelation);
        for (int d = 0; d < t.Length; d++)
        {
            e = c.NoiseAutocorrelation * e + s * Normal(rng);
            t[d] = c.MeanAnnualAirTemperature + warmingPerFourDecades * d / (40.0 * 365) - c.Amplitude * Math.Cos(2 * Math.PI * (d - c.ColdestDay) / 365) + (noise ? e : 0);
        }
        return t;
    }

    /// <summary>Standard normal deviate by Box–Muller.</summary>
    public static double Normal(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// Xining valley profile to 30 m: loess (Malan loess, θ 0.15) over alluvial gravel and Tertiary mudstone. Seasonal
    /// frost only; properties from the composition rules of <see cref="SoilLayer.FromComposition"/>.
    /// </summary>
    public static IReadOnlyList<SoilLayer> XiningProfile() =>
    [
        SoilLayer.FromComposition("loess", 6, 0.45, 0.15, 2.2) with { Freezing = FreezingCurve.PowerLaw(0.05, 0.5) },
        SoilLayer.FromComposition("alluvial gravel", 6, 0.30, 0.12, 3.0) with { Freezing = FreezingCurve.PowerLaw(0.02, 0.4) },
        SoilLayer.FromComposition("mudstone", 18, 0.15, 0.10, 2.5) with { Freezing = FreezingCurve.PowerLaw(0.05, 0.5) },
    ];

    /// <summary>
    /// Muli permafrost profile to 30 m: peaty meadow topsoil, ice-rich silty clay, gravelly sand, mudstone/sandstone bedrock.
    /// </summary>
    public static IReadOnlyList<SoilLayer> MuliProfile() =>
    [
        new SoilLayer("peaty topsoil", 0.2, 0.55, 1.2, 0.5, 1.8e6, 3.0e6) { Freezing = FreezingCurve.PowerLaw(0.02, 0.6) },
        SoilLayer.FromComposition("ice-rich silty clay", 2.8, 0.45, 0.40, 2.0) with { Freezing = FreezingCurve.PowerLaw(0.08, 0.55) },
        SoilLayer.FromComposition("gravelly sand", 5, 0.30, 0.15, 3.0) with { Freezing = FreezingCurve.PowerLaw(0.02, 0.4) },
        SoilLayer.FromComposition("mudstone", 22, 0.12, 0.08, 2.6) with { Freezing = FreezingCurve.PowerLaw(0.05, 0.5) },
    ];

    /// <summary>Surface boundary of the Muli meadow: n_t 1.3 (strong high-altitude radiation heats the surface in summer), n_f 0.65 (patchy winter snow); no explicit snow layer.</summary>
    public static SurfaceBoundary MuliSurface() => new() { ThawingNFactor = 1.3, FreezingNFactor = 0.65 };

    /// <summary>Surface boundary of Xining bare/urban-fringe ground (n_t 1.1, n_f 1.0: little snow).</summary>
    public static SurfaceBoundary XiningSurface() => new() { ThawingNFactor = 1.1, FreezingNFactor = 1.0 };

    /// <summary>
    /// A synthetic DEM around Xining, float64 metres, EPSG 32648, north-up, centred on the city: the Huangshui valley
    /// floor (≈ 2,200–2,300 m, falling eastwards) crossing the grid WNW–ESE, mountains rising to ≈ 3,900–4,300 m north
    /// and south (Daban Shan / Laji Shan–like), and seeded multi-octave value noise (± ≈ 150 m) for slopes of all aspects.
    /// </summary>
    /// <param name="width">Columns (default 160).</param>
    /// <param name="height">Rows (default 120).</param>
    /// <param name="pixelSize">m (default 250).</param>
    /// <param name="seed">Noise seed.</param>
    public static Raster Dem(int width = 160, int height = 120, double pixelSize = 250, int seed = 42)
    {
        if (width < 3 || height < 3) throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}: the DEM needs at least 3×3 pixels.");
        var (e0, n0) = XiningUtm;
        double ox = Math.Round(e0 - width * pixelSize / 2), oy = Math.Round(n0 + height * pixelSize / 2);
        var grid = RasterGrid.NorthUp(width, height, ox, oy, pixelSize, SpatialReference.Utm(48));
        var noise = new ValueNoise(seed);
        var z = new double[width * height];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
            {
                var (x, y) = grid.Transform.PixelCentre(c, r);
                double dx = x - e0, dy = y - n0;
                double across = dy - 0.15 * dx;              // distance from the valley axis (tilted WNW–ESE), m
                double floor = 2260 - 0.004 * dx;            // valley falls eastwards 4 m/km
                double north = across > 0 ? 1 : 0;
                double relief = (north > 0 ? 1900 : 1600) * (1 - Math.Exp(-Math.Pow(Math.Abs(across) / 9000, 2)));
                double n = 0, amp = 1, freq = 1 / 6000.0;
                for (int o = 0; o < 5; o++) { n += amp * noise.At(x * freq, y * freq, o); amp *= 0.5; freq *= 2; }
                double rough = 160 * n * (0.3 + 0.7 * Math.Min(1, Math.Abs(across) / 3000));
                z[r * width + c] = floor + relief + rough;
            }
        return Raster.FromArray(grid, z);
    }

    /// <summary>
    /// Inputs of the revegetation-feasibility rules derived from a DEM (all synthetic): MAT = 6 − 0.0065·(z − 2,260) °C
    /// (standard air lapse rate), ≥ 0 °C accumulated temperature from a 12.4 °C sinusoidal cycle around that MAT,
    /// precipitation 380 + 18 mm per 100 m above 2,260 m, soil pH 8.0–9.0 and salt 0.03–0.23 % as seeded smooth fields
    /// that are higher on the valley floor.
    /// </summary>
    public static (Raster Mat, Raster AccumulatedTemperature, Raster Precipitation, Raster SoilPh, Raster Salt) FeasibilityInputs(Raster dem, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(dem);
        var z = dem.Band(0).ToDoubleArray();
        int n = z.Length, w = dem.Width;
        var mat = new double[n]; var acc = new double[n]; var pr = new double[n]; var ph = new double[n]; var salt = new double[n];
        var noise = new ValueNoise(seed);
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(z[i])) { mat[i] = acc[i] = pr[i] = ph[i] = salt[i] = double.NaN; continue; }
            mat[i] = 6 - 0.0065 * (z[i] - 2260);
            double s = 0;
            for (int d = 0; d < 365; d++) s += Math.Max(0, mat[i] - 12.4 * Math.Cos(2 * Math.PI * (d - 15) / 365));
            acc[i] = s;
            pr[i] = 380 + 0.18 * (z[i] - 2260);
            var (x, y) = dem.Grid.Transform.PixelCentre(i % w, i / w);
            double low = Math.Clamp(1 - (z[i] - 2200) / 1200, 0, 1);
            ph[i] = 8.0 + 0.5 * low + 0.5 * noise.At(x / 5000, y / 5000, 0);
            salt[i] = 0.03 + 0.12 * low + 0.08 * noise.At(x / 4000, y / 4000, 1);
        }
        Raster R(double[] v) => Raster.FromArray(dem.Grid, v);
        return (R(mat), R(acc), R(pr), R(ph), R(salt));
    }

    /// <summary>
    /// Writes a DEM as an ESRI ASCII grid (.asc, readable by GDAL's AAIGrid driver and by R's terra/raster) plus a .prj
    /// with the WKT of EPSG 32648. Only north-up square-pixel grids can be written.
    /// </summary>
    public static void WriteAsciiGrid(Raster raster, string path)
    {
        ArgumentNullException.ThrowIfNull(raster);
        var t = raster.Grid.Transform;
        if (!t.IsNorthUp || Math.Abs(t.PixelWidth + t.PixelHeight) > 1e-9 * t.PixelWidth)
            throw new ArgumentException($"ASCII grids need north-up square pixels; the transform is {t}.", nameof(raster));
        var v = raster.Band(0).ToDoubleArray();
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"ncols {raster.Width}\nnrows {raster.Height}\nxllcorner {t.OriginX}\nyllcorner {t.OriginY + t.PixelHeight * raster.Height}\ncellsize {t.PixelWidth}\nNODATA_value -9999\n");
        for (int r = 0; r < raster.Height; r++)
        {
            for (int c = 0; c < raster.Width; c++)
            {
                if (c > 0) sb.Append(' ');
                double x = v[r * raster.Width + c];
                sb.Append(double.IsNaN(x) ? "-9999" : x.ToString("0.###", inv));
            }
            sb.Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
        if (raster.Grid.Crs.Epsg == 32648) AtomicFile.WriteAllText(Path.ChangeExtension(path, ".prj"), Utm48NWkt);
    }

    /// <summary>WKT of WGS 84 / UTM zone 48N as GDAL exports it.</summary>
    public const string Utm48NWkt = "PROJCS[\"WGS 84 / UTM zone 48N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",105],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"32648\"]]";

    /// <summary>Seeded 2D value noise in [−1, 1] with smooth (quintic) interpolation; octave <c>o</c> uses an independent lattice.</summary>
    private sealed class ValueNoise
    {
        private readonly double[] _v = new double[4096];
        public ValueNoise(int seed) { var r = new Random(seed); for (int i = 0; i < _v.Length; i++) _v[i] = 2 * r.NextDouble() - 1; }
        private double L(long i, long j, int o) => _v[(int)(((i * 73856093L) ^ (j * 19349663L) ^ (o * 83492791L)) & 4095)];
        public double At(double x, double y, int o)
        {
            long i = (long)Math.Floor(x), j = (long)Math.Floor(y);
            double fx = x - i, fy = y - j;
            double sx = fx * fx * fx * (fx * (fx * 6 - 15) + 10), sy = fy * fy * fy * (fy * (fy * 6 - 15) + 10);
            double a = L(i, j, o) + sx * (L(i + 1, j, o) - L(i, j, o));
            double b = L(i, j + 1, o) + sx * (L(i + 1, j + 1, o) - L(i, j + 1, o));
            return a + sy * (b - a);
        }
    }
}
