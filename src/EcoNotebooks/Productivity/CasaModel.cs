using EcoNotebooks.Rasters;

namespace EcoNotebooks.Productivity;

/// <summary>
/// Runs the CASA model (<see cref="Casa"/>) over rasters: per pixel and month, FPAR from NDVI and SR with NDVImin = the
/// lower percentile of all NDVI on classified land and NDVImax = the upper percentile of each land-cover class's NDVI
/// (both over all months), Topt per pixel and year from the month of
/// maximum NDVI, Tε1, Tε2, Wε = 0.5 + 0.5·EET/PET with PET = (EET + PET₀)/2 and Thornthwaite PET₀, ε, APAR and NPP.
/// Work is parallel over rows. Pixels with land cover <see cref="LandCoverClass.None"/> or missing inputs are NaN.
/// </summary>
public static class CasaModel
{
    /// <summary>Latent heat of vaporisation, MJ kg⁻¹ (mm of water per MJ m⁻² = 1/2.45).</summary>
    public const double LatentHeat = 2.45;

    /// <summary>Runs CASA. <paramref name="progress"/> receives the fraction of months done (0–1).</summary>
    public static CasaResult Run(CasaInput input, CasaParameters? parameters = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var p = (parameters ?? CasaParameters.Default).Validate();
        var grid = input.LandCover.Grid;
        if (input.Months.Count == 0) throw new ArgumentException("CASA needs at least one year of monthly inputs.", nameof(input));
        foreach (var g in input.Months.GroupBy(m => m.Year))
        {
            var months = g.Select(m => m.Month).ToHashSet();
            if (months.Count != 12 || g.Count() != 12 || !Enumerable.Range(1, 12).All(months.Contains))
                throw new ArgumentException($"CASA input for {g.Key} must have each month 1–12 exactly once; it has {string.Join(", ", g.Select(m => m.Month).Order())}.", nameof(input));
        }
        foreach (var m in input.Months)
        {
            grid.EnsureSameGrid(m.Ndvi.Grid, "land cover", $"NDVI {m.Year}-{m.Month:00}");
            grid.EnsureSameGrid(m.Temperature.Grid, "land cover", $"temperature {m.Year}-{m.Month:00}");
            grid.EnsureSameGrid(m.Precipitation.Grid, "land cover", $"precipitation {m.Year}-{m.Month:00}");
            grid.EnsureSameGrid(m.SolarRadiation.Grid, "land cover", $"solar radiation {m.Year}-{m.Month:00}");
            if (m.Evapotranspiration is not null) grid.EnsureSameGrid(m.Evapotranspiration.Grid, "land cover", $"evapotranspiration {m.Year}-{m.Month:00}");
        }
        int n = (int)grid.PixelCount, nm = input.Months.Count;
        var lc = input.LandCover.ReadBand();
        var ordered = input.Months.OrderBy(m => m.Year).ThenBy(m => m.Month).ToArray();
        var ndvi = ordered.Select(m => m.Ndvi.ReadBand()).ToArray();
        var temp = ordered.Select(m => m.Temperature.ReadBand()).ToArray();

        // NDVImin: lower percentile of all vegetated-or-not valid NDVI (bare ground anchors it, as Zhu et al. 2006 use one
        // NDVImin for all types); NDVImax: upper percentile of each class's NDVI over all months.
        var all = new List<double>();
        var perClass = new Dictionary<LandCoverClass, List<double>>();
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(lc[i]) || lc[i] == 0) continue;
            var cls = (LandCoverClass)(byte)lc[i];
            if (!perClass.TryGetValue(cls, out var list)) perClass[cls] = list = new List<double>();
            for (int t = 0; t < nm; t++) if (!double.IsNaN(ndvi[t][i])) { list.Add(ndvi[t][i]); all.Add(ndvi[t][i]); }
        }
        if (all.Count < 2) throw new ArgumentException("CASA input has fewer than 2 valid NDVI values on classified land.", nameof(input));
        var allSorted = all.ToArray(); Array.Sort(allSorted);
        double globalLo = EcoNotebooks.Indicators.VegetationCover.Percentile(allSorted, p.LowerPercentile);
        var ranges = new Dictionary<LandCoverClass, (double, double)>();
        foreach (var (cls, list) in perClass)
        {
            var arr = list.ToArray(); Array.Sort(arr);
            double hi = EcoNotebooks.Indicators.VegetationCover.Percentile(arr, p.UpperPercentile);
            ranges[cls] = (globalLo, Math.Max(hi, globalLo + 1e-6));
        }

        // Topt and heat index per pixel and year.
        var years = ordered.Select(m => m.Year).Distinct().ToArray();
        var topt = years.ToDictionary(y => y, _ => new double[n]);
        var heat = years.ToDictionary(y => y, _ => new double[n]);
        foreach (int y in years)
        {
            int first = Array.FindIndex(ordered, m => m.Year == y);
            Parallel.For(0, n, i =>
            {
                double best = double.NegativeInfinity, tBest = double.NaN, hi = 0;
                for (int k = 0; k < 12; k++)
                {
                    double v = ndvi[first + k][i];
                    if (v > best) { best = v; tBest = temp[first + k][i]; }
                    double t = temp[first + k][i];
                    if (t > 0) hi += Math.Pow(t / 5, 1.514);
                }
                topt[y][i] = tBest; heat[y][i] = hi;
            });
        }

        var npp = new float[nm][]; var fparOut = new float[nm][]; var epsOut = new float[nm][]; var aparOut = new float[nm][];
        for (int t = 0; t < nm; t++)
        {
            var m = ordered[t];
            var prec = m.Precipitation.ReadBand(); var sol = m.SolarRadiation.ReadBand();
            var eetIn = m.Evapotranspiration is null ? null : m.Evapotranspiration.ReadBand();
            var nppT = new float[n]; var fT = new float[n]; var eT = new float[n]; var aT = new float[n];
            var tp = topt[m.Year]; var hx = heat[m.Year];
            var nd = ndvi[t]; var tt = temp[t];
            Parallel.For(0, grid.Height, row =>
            {
                for (int i = row * grid.Width, end = i + grid.Width; i < end; i++)
                {
                    var cls = (LandCoverClass)(byte)(double.IsNaN(lc[i]) ? 0 : lc[i]);
                    if (cls == LandCoverClass.None || !ranges.TryGetValue(cls, out var range) || double.IsNaN(nd[i]) || double.IsNaN(tt[i]) || double.IsNaN(sol[i]))
                    { nppT[i] = fT[i] = eT[i] = aT[i] = float.NaN; continue; }
                    double fpar = Casa.Fpar(nd[i], range.Item1, range.Item2, p);
                    double apar = Casa.Apar(sol[i], fpar);
                    double eet = eetIn is not null ? eetIn[i] : Casa.EstimatedEvapotranspiration(prec[i], Math.Max(0, 0.6 * sol[i]) / LatentHeat);
                    double pet = Casa.PotentialEvapotranspiration(eet, Casa.ThornthwaitePet(tt[i], hx[i]));
                    double w = Casa.WEpsilon(eet, pet);
                    double eps = Casa.Epsilon(p.EpsilonMaxOf(cls), tt[i], tp[i], w, p);
                    fT[i] = (float)fpar; aT[i] = (float)apar; eT[i] = (float)eps; nppT[i] = (float)Casa.Npp(apar, eps);
                }
            });
            npp[t] = nppT; fparOut[t] = fT; epsOut[t] = eT; aparOut[t] = aT;
            progress?.Report((t + 1) / (double)nm);
        }
        return new CasaResult(grid, ordered.Select(m => (m.Year, m.Month)).ToArray(), npp, fparOut, epsOut, aparOut, ranges);
    }


}
