using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Samples.Changhe;

/// <summary>
/// Generates a synthetic Changhe basin (Shanxi; the Changhe NPP-drivers paper) on a 30 m grid: a N–S river valley with
/// higher ground east and west, 11 coal mines west of the river whose six hazard indicators make land degradation (LD)
/// high in the west, land cover (forest on high ground, farmland in the valley, construction at mines and villages),
/// spatially structured soil properties (SOC and TN higher under forest and lower where degraded, pH and BD higher where
/// degraded), monthly climate 2010–2015 (temperature with a 0.6 °C/100 m lapse rate around MAT 10.6 °C, precipitation
/// around 575 mm with a summer maximum, solar radiation, Zhou–Zhang evapotranspiration) and monthly NDVI whose seasonal
/// amplitude falls with LD, and the monthly records of meteorological stations sampled from those fields (see
/// <see cref="ChangheSample.Stations"/>). Solar radiation is finally scaled so that the CASA multi-year mean NPP equals
/// <see cref="ChangheSampleOptions.TargetMeanNpp"/> (NPP is proportional to SOL when evapotranspiration is given).
/// Calibration targets: mean NPP 290.13 gC m⁻² yr⁻¹ (exact), sd ≈ 110, west &lt; east. SYNTHETIC data.
/// </summary>
public static class ChangheGenerator
{
    /// <summary>Driver codes in the paper's order (Table 1).</summary>
    public static IReadOnlyList<string> DriverCodes { get; } = ["MAT", "MAP", "MAE", "MAS", "CF", "SOC", "TN", "AP", "AK", "pH", "BD", "LD"];

    /// <summary>Driver category of each code: climate, soil or mining.</summary>
    public static string CategoryOf(string code) => code switch
    {
        "MAT" or "MAP" or "MAE" or "MAS" => "climate",
        "CF" or "SOC" or "TN" or "AP" or "AK" or "pH" or "BD" => "soil",
        "LD" => "mining",
        _ => throw new ArgumentException($"Unknown Changhe driver '{code}'; expected one of {string.Join(", ", DriverCodes)}.", nameof(code)),
    };

    private static readonly double[] SolarNominal = [260, 290, 380, 450, 520, 540, 500, 470, 380, 330, 270, 240]; // MJ m-2 month-1
    private static readonly double[] RainShare = [0.012, 0.02, 0.035, 0.055, 0.08, 0.12, 0.22, 0.2, 0.12, 0.07, 0.045, 0.018];

    /// <summary>Seasonal NDVI: winter base, summer peak, month of peak and width (months) per class.</summary>
    private static (double Base, double Peak, double PeakMonth, double Width) Season(LandCoverClass c) => c switch
    {
        LandCoverClass.Forest => (0.32, 0.86, 7.3, 2.8),
        LandCoverClass.Grassland => (0.16, 0.68, 7.5, 2.3),
        LandCoverClass.Farmland => (0.13, 0.72, 7.9, 1.7),
        LandCoverClass.Construction => (0.09, 0.34, 7.5, 2.0),
        LandCoverClass.Bare => (0.06, 0.22, 7.5, 2.0),
        LandCoverClass.Water => (0.01, 0.03, 7.0, 2.0),
        _ => (0.15, 0.6, 7.5, 2.2),
    };

    /// <summary>Generates the sample (about a second or two for the default grid; CASA is run once to calibrate SOL).</summary>
    public static ChangheSample Generate(ChangheSampleOptions? options = null, IProgress<string>? progress = null)
    {
        var o = options ?? new ChangheSampleOptions();
        if (o.LastYear < o.FirstYear) throw new ArgumentException($"LastYear {o.LastYear} is before FirstYear {o.FirstYear}.", nameof(options));
        if (o.Stations < 8) throw new ArgumentOutOfRangeException(nameof(options), o.Stations, $"Stations must be at least 8 (the thin-plate spline with elevation needs 8 stations); got {o.Stations}.");
        var grid = o.Grid;
        int w = grid.Width, h = grid.Height, n = w * h;
        var rng = new SeededRandom(o.Seed);
        var sample = new ChangheSample(o);

        progress?.Report("terrain and land cover");
        double RiverX(int row) => w * (0.52 + 0.05 * Math.Sin(2 * Math.PI * row / h * 1.3));
        var terrainNoise = rng.SmoothField(w, h, 25);
        var dem = new double[n];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                double dx = Math.Abs(c - RiverX(r)) / (w * 0.5);
                dem[r * w + c] = 720 + 430 * Math.Pow(Math.Min(dx, 1.1), 1.3) + 45 * terrainNoise[r * w + c] + (c > RiverX(r) ? 40 : 0);
            }
        double meanElev = dem.Average();

        // Mines west of the river.
        var mines = new List<(string, double, double)>();
        var mineCells = new List<(int C, int R)>();
        for (int k = 0; k < 11; k++)
        {
            int r = (int)(h * (0.06 + 0.88 * (k + rng.Uniform(0.1, 0.9)) / 11));
            int c = (int)(RiverX(r) * rng.Uniform(0.15, 0.85));
            mineCells.Add((c, r));
            var (x, y) = grid.Transform.PixelCentre(c, r);
            mines.Add(($"Mine {k + 1}", x, y));
        }
        sample.Mines = mines;
        double NearestMine(int c, int r) => mineCells.Min(m => Math.Sqrt((m.C - c) * (m.C - c) + (m.R - r) * (m.R - r)));

        // Hazard indicators (0–1) and LD = Σ weight·indicator, min–max normalised.
        var f1 = rng.SmoothField(w, h, 10); var f2 = rng.SmoothField(w, h, 6); var f3 = rng.SmoothField(w, h, 15);
        var subsidence = new double[n]; var cracks = new double[n]; var goaf = new double[n]; var seeper = new double[n]; var proximity = new double[n]; var disturbance = new double[n];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                double s = 0, g = 0;
                foreach (var m in mineCells)
                {
                    double d2 = (m.C - c) * (m.C - c) + 0.6 * (m.R - r) * (m.R - r);
                    s += Math.Exp(-d2 / (2 * 22.0 * 22.0)); g += Math.Exp(-d2 / (2 * 35.0 * 35.0));
                }
                double dMine = NearestMine(c, r);
                subsidence[i] = Math.Clamp(s * (0.8 + 0.2 * f1[i]), 0, 1);
                cracks[i] = Math.Clamp(subsidence[i] * (0.6 + 0.25 * f2[i]), 0, 1);
                goaf[i] = Math.Clamp(g * (0.85 + 0.15 * f3[i]), 0, 1);
                seeper[i] = Math.Clamp(subsidence[i] * Math.Clamp((meanElev + 150 - dem[i]) / 300, 0, 1), 0, 1);
                proximity[i] = Math.Exp(-dMine / 45);
                disturbance[i] = c < RiverX(r) ? Math.Clamp(1.2 - dMine / 60, 0, 1) : 0;
            }
        var indicators = new (string, double, double[])[]
        {
            ("subsidence", 0.25, subsidence), ("surface_cracks", 0.15, cracks), ("goaf", 0.20, goaf),
            ("seeper", 0.10, seeper), ("mine_proximity", 0.15, proximity), ("mining_disturbance", 0.15, disturbance),
        };
        var ldRaw = new double[n];
        foreach (var (_, wt, layer) in indicators) for (int i = 0; i < n; i++) ldRaw[i] += wt * layer[i];
        double ldMin = ldRaw.Min(), ldMax = ldRaw.Max();
        var ld = ldRaw.Select(v => (v - ldMin) / (ldMax - ldMin)).ToArray();
        sample.HazardIndicators = indicators.Select(t => (t.Item1, t.Item2, Raster.FromArray(grid, t.Item3.Select(v => (float)v).ToArray()))).ToArray();

        // Land cover.
        var lcNoise = rng.SmoothField(w, h, 8);
        var village = rng.SmoothField(w, h, 5);
        var lc = new byte[n];
        var elevOrder = dem.OrderBy(v => v).ToArray();
        double forestLine = elevOrder[(int)(0.70 * n)], farmLine = elevOrder[(int)(0.45 * n)];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                double e = dem[i] + 60 * lcNoise[i];
                LandCoverClass cls;
                if (Math.Abs(c - RiverX(r)) < 1.6) cls = LandCoverClass.Water;
                else if (NearestMine(c, r) < 7 + 3 * lcNoise[i] || village[i] > 2.1) cls = LandCoverClass.Construction;
                else if (ld[i] > 0.82) cls = LandCoverClass.Bare;
                else if (e > forestLine) cls = LandCoverClass.Forest;
                else if (e < farmLine) cls = LandCoverClass.Farmland;
                else cls = LandCoverClass.Grassland;
                lc[i] = (byte)cls;
            }
        sample.Dem = Raster.FromArray(grid, dem.Select(v => (float)v).ToArray());
        sample.LandCover = new Raster(grid, [new RasterBand<byte>(w, h, lc)]);

        progress?.Report("soil");
        double East(int i) => (i % w) / (double)w;
        var sF = Enumerable.Range(0, 7).Select(k => rng.SmoothField(w, h, 18)).ToArray();
        bool Forest(int i) => lc[i] == (byte)LandCoverClass.Forest;
        var soc = new double[n]; var tn = new double[n]; var ap = new double[n]; var ak = new double[n]; var ph = new double[n]; var bd = new double[n]; var cf = new double[n];
        for (int i = 0; i < n; i++)
        {
            soc[i] = Math.Max(3, 11.5 + 2.2 * sF[0][i] + 3.0 * (Forest(i) ? 1 : 0) + 2.5 * East(i) - 5.0 * ld[i]);
            tn[i] = Math.Max(0.25, soc[i] / 11.0 + 0.06 * sF[1][i]);
            ap[i] = Math.Max(2, 14 + 4.5 * sF[2][i]);
            ak[i] = Math.Max(60, 150 + 22 * sF[3][i] + 12 * East(i));
            ph[i] = 8.0 + 0.12 * sF[4][i] + 0.25 * ld[i] - 0.12 * (Forest(i) ? 1 : 0);
            bd[i] = 1.30 + 0.04 * sF[5][i] + 0.14 * ld[i] - 0.06 * (Forest(i) ? 1 : 0);
            cf[i] = Math.Max(5, 22 + 4 * sF[6][i]);
        }
        var soilFields = new Dictionary<string, double[]> { ["CF"] = cf, ["SOC"] = soc, ["TN"] = tn, ["AP"] = ap, ["AK"] = ak, ["pH"] = ph, ["BD"] = bd };
        sample.SoilTruth = soilFields.ToDictionary(kv => kv.Key, kv => Raster.FromArray(grid, kv.Value.Select(v => (float)v).ToArray()));
        double[] noiseSd = [1.0, 0.6, 0.05, 1.5, 6, 0.05, 0.03];
        string[] soilCodes = ["CF", "SOC", "TN", "AP", "AK", "pH", "BD"];
        int gx = 13, gy = Math.Max(1, (int)Math.Ceiling(o.SoilPoints / 13.0));
        var ids = new List<string>(); var xs = new List<double>(); var ys = new List<double>();
        var soilCols = soilCodes.ToDictionary(k => k, _ => new List<double>());
        for (int k = 0; k < o.SoilPoints; k++)
        {
            int cx = k % gx, cy = k / gx;
            int c = Math.Clamp((int)((cx + rng.Uniform(0.2, 0.8)) * w / gx), 0, w - 1);
            int r = Math.Clamp((int)((cy + rng.Uniform(0.2, 0.8)) * h / gy), 0, h - 1);
            if (lc[r * w + c] == (byte)LandCoverClass.Water) c = Math.Min(w - 1, c + 4);
            var (x, y) = grid.Transform.PixelCentre(c, r);
            ids.Add($"S{k + 1:000}"); xs.Add(Math.Round(x, 1)); ys.Add(Math.Round(y, 1));
            for (int v = 0; v < soilCodes.Length; v++) soilCols[soilCodes[v]].Add(Math.Round(soilFields[soilCodes[v]][r * w + c] + rng.Normal(0, noiseSd[v]), 3));
        }
        var soilDf = new DataFrame(new StringDataFrameColumn("id", ids), new DoubleDataFrameColumn("x", xs), new DoubleDataFrameColumn("y", ys));
        foreach (var code in soilCodes) soilDf.Columns.Add(new DoubleDataFrameColumn(code, soilCols[code]));
        sample.SoilSamples = soilDf;

        progress?.Report("climate and NDVI");
        var mat = dem.Select(e => 10.6 + 0.006 * (meanElev - e)).ToArray();
        var climNoise = rng.SmoothField(w, h, 30);
        var map = dem.Select((e, i) => 575 + 0.08 * (e - meanElev) + 10 * climNoise[i]).ToArray();
        var aspect = rng.SmoothField(w, h, 12);
        var vigourNoise = rng.SmoothField(w, h, 7);
        var vigour = new double[n];
        double socMean = soc.Average(), socSd = Math.Sqrt(soc.Select(v => (v - socMean) * (v - socMean)).Average());
        for (int i = 0; i < n; i++) vigour[i] = Math.Clamp((1 - 0.62 * ld[i]) * (0.88 + 0.1 * (soc[i] - socMean) / socSd) + 0.06 * vigourNoise[i], 0.15, 1.15);
        int years = o.LastYear - o.FirstYear + 1;
        var yearT = Enumerable.Range(0, years).Select(_ => rng.Normal(0, 0.35)).ToArray();
        var yearP = Enumerable.Range(0, years).Select(_ => Math.Exp(rng.Normal(0, 0.12))).ToArray();
        var yearN = Enumerable.Range(0, years).Select(_ => rng.Normal(0, 0.02)).ToArray();
        int seed = o.Seed;

        double Ndvi(int c, int r, int yi, int m)
        {
            int i = r * w + c;
            var s = Season((LandCoverClass)lc[i]);
            double shape = Math.Exp(-Math.Pow((m - s.PeakMonth) / s.Width, 2));
            double v = s.Base + (s.Peak - s.Base) * shape * vigour[i] + yearN[yi] * shape + 0.015 * HashNoise.Normal(seed, c, r, yi, m);
            return Math.Clamp(v, -0.1, 0.95);
        }
        double Temp(int c, int r, int yi, int m) => mat[r * w + c] + 14 * Math.Sin(2 * Math.PI * (m - 4.1) / 12) + yearT[yi];
        double Rain(int c, int r, int yi, int m) => map[r * w + c] * RainShare[m - 1] / RainShare.Sum() * yearP[yi];
        double SolarNom(int c, int r, int m) => SolarNominal[m - 1] * (1 + 0.03 * aspect[r * w + c]);
        double Eet(int c, int r, int yi, int m) => Casa.EstimatedEvapotranspiration(Rain(c, r, yi, m), 0.6 * SolarNom(c, r, m) / CasaModel.LatentHeat);

        List<CasaMonth> BuildMonths(double solarScale)
        {
            var list = new List<CasaMonth>();
            for (int yi = 0; yi < years; yi++)
                for (int m = 1; m <= 12; m++)
                {
                    int y = yi, mm = m;
                    list.Add(new CasaMonth(o.FirstYear + yi, m,
                        new ComputedRaster(grid, (c, r) => Ndvi(c, r, y, mm)),
                        new ComputedRaster(grid, (c, r) => Temp(c, r, y, mm)),
                        new ComputedRaster(grid, (c, r) => Rain(c, r, y, mm)),
                        new ComputedRaster(grid, (c, r) => solarScale * SolarNom(c, r, mm)),
                        new ComputedRaster(grid, (c, r) => Eet(c, r, y, mm))));
                }
            return list;
        }

        progress?.Report("calibrating solar radiation with CASA");
        var trial = CasaModel.Run(new CasaInput(sample.LandCover, BuildMonths(1.0)));
        var meanNpp = RasterStatistics.Compute(trial.MeanAnnualNpp()).Mean;
        sample.SolarScale = o.TargetMeanNpp / meanNpp;
        sample.Months = BuildMonths(sample.SolarScale);

        // Annual climate drivers (means over years).
        var matA = new double[n]; var mapA = new double[n]; var maeA = new double[n]; var masA = new double[n];
        Parallel.For(0, h, r =>
        {
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c; double t = 0, p = 0, e = 0, s = 0;
                for (int yi = 0; yi < years; yi++)
                    for (int m = 1; m <= 12; m++) { t += Temp(c, r, yi, m) / 12; p += Rain(c, r, yi, m); e += Eet(c, r, yi, m); s += sample.SolarScale * SolarNom(c, r, m); }
                matA[i] = t / years; mapA[i] = p / years; maeA[i] = e / years; masA[i] = s / years;
            }
        });
        sample.Climate = new Dictionary<string, Raster>
        {
            ["MAT"] = Raster.FromArray(grid, matA.Select(v => (float)v).ToArray()),
            ["MAP"] = Raster.FromArray(grid, mapA.Select(v => (float)v).ToArray()),
            ["MAE"] = Raster.FromArray(grid, maeA.Select(v => (float)v).ToArray()),
            ["MAS"] = Raster.FromArray(grid, masA.Select(v => (float)v).ToArray()),
        };
        sample.LandDegradationValues = ld;
        sample.FineNdvi = (year, month) => { int yi = year - o.FirstYear; Check(yi, month); return new ComputedRaster(grid, (c, r) => Ndvi(c, r, yi, month)); };
        sample.CoarseNdvi = (year, month) =>
        {
            int yi = year - o.FirstYear; Check(yi, month);
            int f = o.CoarseFactor; var v = new double[n];
            for (int by = 0; by < h; by += f)
                for (int bx = 0; bx < w; bx += f)
                {
                    double s = 0; int k = 0;
                    for (int r = by; r < Math.Min(h, by + f); r++) for (int c = bx; c < Math.Min(w, bx + f); c++) { s += Ndvi(c, r, yi, month); k++; }
                    double mean = s / k + 0.01 * HashNoise.Normal(seed + 7, bx, by, yi, month) + 0.005; // sensor noise and a small bias
                    for (int r = by; r < Math.Min(h, by + f); r++) for (int c = bx; c < Math.Min(w, bx + f); c++) v[r * w + c] = mean;
                }
            return Raster.FromArray(grid, v);
        };
        sample.Stations = StationNetwork(o, dem, lc, years, Temp, Rain, (c, r, m) => sample.SolarScale * SolarNom(c, r, m), Eet);
        void Check(int yi, int month)
        {
            if (yi < 0 || yi >= years || month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), $"The sample covers {o.FirstYear}-01 to {o.LastYear}-12, not {o.FirstYear + yi}-{month:00}.");
        }
        return sample;
    }

    /// <summary>Per-station systematic errors and monthly noise of the synthetic station records (documented in the README).</summary>
    internal const double StationTemperatureBiasSd = 0.2, StationTemperatureNoiseSd = 0.15, StationPrecipitationLogSd = 0.03,
        StationPrecipitationMonthlyLogSd = 0.06, StationSolarRelativeSd = 0.015, StationEtRelativeSd = 0.03;

    /// <summary>
    /// The meteorological station records: <see cref="ChangheSampleOptions.Stations"/> stations on a jittered 6-column
    /// layout over the grid (never on water), each with its DEM elevation and, for every month, the generator's
    /// temperature, precipitation, calibrated solar radiation and evapotranspiration at the station's pixel plus
    /// a per-station systematic error and monthly noise (see the constants). Uses its own random stream (seed + 9001)
    /// so the other layers are unchanged. Columns: station, lon, lat (WGS 84, 5 decimals ≈ 1 m), elevation (m),
    /// date (yyyy-MM-01), temperature (°C), precipitation (mm), solar (MJ m⁻² month⁻¹), evapotranspiration (mm).
    /// </summary>
    private static DataFrame StationNetwork(ChangheSampleOptions o, double[] dem, byte[] lc, int years,
        Func<int, int, int, int, double> temp, Func<int, int, int, int, double> rain, Func<int, int, int, double> solar, Func<int, int, int, int, double> eet)
    {
        var grid = o.Grid;
        int w = grid.Width, h = grid.Height, n = o.Stations;
        var rng = new SeededRandom(o.Seed + 9001);
        var toLonLat = new EcoNotebooks.Vector.CrsTransform(grid.Crs, SpatialReference.Wgs84, "Changhe grid", "WGS 84");
        int cols = Math.Min(6, n), rows = (n + cols - 1) / cols;
        var id = new List<string>(); var lon = new List<double>(); var lat = new List<double>(); var elev = new List<double>(); var date = new List<string>();
        var t = new List<double>(); var p = new List<double>(); var s = new List<double>(); var e = new List<double>();
        for (int k = 0; k < n; k++)
        {
            int gx = k % cols, gy = k / cols;
            int c = Math.Clamp((int)((gx + rng.Uniform(0.15, 0.85)) * w / cols), 2, w - 3);
            int r = Math.Clamp((int)((gy + rng.Uniform(0.15, 0.85)) * h / rows), 2, h - 3);
            while (lc[r * w + c] == (byte)LandCoverClass.Water) c = Math.Min(w - 3, c + 3);
            var (x, y) = grid.Transform.PixelCentre(c, r);
            var (lo, la) = toLonLat.Transform(x, y);
            double tBias = rng.Normal(0, StationTemperatureBiasSd), pFactor = Math.Exp(rng.Normal(0, StationPrecipitationLogSd));
            double sFactor = 1 + rng.Normal(0, StationSolarRelativeSd);
            for (int yi = 0; yi < years; yi++)
                for (int m = 1; m <= 12; m++)
                {
                    id.Add($"CH{k + 1:00}"); lon.Add(Math.Round(lo, 5)); lat.Add(Math.Round(la, 5)); elev.Add(Math.Round(dem[r * w + c], 1));
                    date.Add($"{o.FirstYear + yi:0000}-{m:00}-01");
                    t.Add(Math.Round(temp(c, r, yi, m) + tBias + rng.Normal(0, StationTemperatureNoiseSd), 2));
                    p.Add(Math.Round(rain(c, r, yi, m) * pFactor * Math.Exp(rng.Normal(0, StationPrecipitationMonthlyLogSd)), 1));
                    s.Add(Math.Round(solar(c, r, m) * sFactor, 1));
                    e.Add(Math.Round(eet(c, r, yi, m) * (1 + rng.Normal(0, StationEtRelativeSd)), 1));
                }
        }
        return new DataFrame(new StringDataFrameColumn("station", id), new DoubleDataFrameColumn("lon", lon), new DoubleDataFrameColumn("lat", lat),
            new DoubleDataFrameColumn("elevation", elev), new StringDataFrameColumn("date", date), new DoubleDataFrameColumn("temperature", t),
            new DoubleDataFrameColumn("precipitation", p), new DoubleDataFrameColumn("solar", s), new DoubleDataFrameColumn("evapotranspiration", e));
    }
}
