using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Jiangcang;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>Yearly FVC rasters and region means (Fig. 3).</summary>
/// <param name="Years">Years, increasing.</param>
/// <param name="Fvc">FVC raster per year, fraction 0–1 (float32, NaN where NDVI is missing).</param>
/// <param name="Endmembers">NDVI end-members (soil, vegetation) per year.</param>
/// <param name="Regions">The region mask (uint8 codes).</param>
/// <param name="RegionMeans">
/// One row per year and region (Pit4, Pit5, Pit2SouthDump, Background, WholeArea): year, region, pixels, fvc_pct
/// (computed mean FVC, %), published_pct (printed in the paper, null where it prints none), difference_pts
/// (computed − published, percentage points) and published_note (the paper's wording for that region).
/// </param>
public sealed record JiangcangFvcResult(IReadOnlyList<int> Years, IReadOnlyList<Raster> Fvc, IReadOnlyList<Endmembers> Endmembers, Raster Regions, DataFrame RegionMeans)
{
    /// <summary>Computed mean FVC (%) of <paramref name="region"/> ("Pit4", "Pit5", "Pit2SouthDump", "Background", "WholeArea") in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentException">No such row.</exception>
    public double MeanPercent(string region, int year)
    {
        var years = RegionMeans["year"]; var regions = RegionMeans["region"]; var fvc = RegionMeans["fvc_pct"];
        for (long i = 0; i < RegionMeans.Rows.Count; i++)
            if (Convert.ToInt32(years[i]) == year && (string)regions[i] == region) return Convert.ToDouble(fvc[i]);
        throw new ArgumentException($"No FVC mean for region '{region}' in {year}.", nameof(region));
    }
}

/// <summary>
/// Fractional vegetation cover of the Jiangcang pits by the dimidiate pixel model (paper section 2.6.3; Fig. 3):
/// FVC = (NDVI − NDVI_soil) / (NDVI_veg − NDVI_soil) clipped to [0, 1], with the end-members taken each year as the
/// <see cref="JiangcangParameters.SoilPercentile"/> and <see cref="JiangcangParameters.VegetationPercentile"/>
/// percentiles (type 7) of all valid NDVI pixels of the raster, then the mean FVC of each region of the mask.
/// "WholeArea" is the mean over every valid pixel of the raster. R: <c>mean(fvc[mask == k], na.rm = TRUE)</c>.
/// </summary>
public static class JiangcangFvc
{
    /// <summary>Regions reported in Fig. 3, in the paper's panel order (the mask codes of <see cref="JiangcangRegion"/>).</summary>
    public static IReadOnlyList<JiangcangRegion> Regions { get; } = [JiangcangRegion.Pit5, JiangcangRegion.Pit4, JiangcangRegion.Pit2SouthDump, JiangcangRegion.Background];

    /// <summary>The paper's wording for each region's FVC series (section 3.1).</summary>
    public static IReadOnlyDictionary<string, string> PublishedNotes { get; } = new Dictionary<string, string>
    {
        ["Pit4"] = "53.21 % (2020), peak 77.45 % (2021), > 70 % in 2021–2024",
        ["Pit5"] = "54.37 % (2020), 72.75 % (2021), 2024 = 2020 + 16.32 points",
        ["Pit2SouthDump"] = "around 50 % every year, little change",
        ["Background"] = "77 % to 84 %",
        ["WholeArea"] = "peak 83.26 % (2021), then about 80 %",
    };

    /// <summary>
    /// Reads the region mask and the yearly NDVI of <paramref name="inputs"/> (prepared rasters, or computed from the
    /// Sentinel-2 products on the mask's grid with the SCL mask and the <see cref="JiangcangParameters.NdviComposite"/>
    /// of the <see cref="JiangcangParameters.SeasonFirstMonth"/>–<see cref="JiangcangParameters.SeasonLastMonth"/>
    /// scenes; <see cref="JiangcangInputs.ReadNdvi"/>) and computes FVC and region means.
    /// </summary>
    public static JiangcangFvcResult Compute(JiangcangInputs inputs, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        inputs.Validate();
        var regions = GeoTiff.Read(inputs.Regions);
        var ndvi = inputs.ReadNdvi(regions.Grid, p.NdviComposite, p.SeasonFirstMonth, p.SeasonLastMonth);
        return Compute(regions, inputs.Years, ndvi, p);
    }

    /// <summary>Computes FVC and region means from rasters in memory (all on the grid of <paramref name="regions"/>).</summary>
    /// <exception cref="ArgumentException">Counts differ or a raster is on another grid.</exception>
    public static JiangcangFvcResult Compute(Raster regions, IReadOnlyList<int> years, IReadOnlyList<Raster> ndvi, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(ndvi);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        if (years.Count != ndvi.Count) throw new ArgumentException($"{years.Count} years but {ndvi.Count} NDVI rasters.", nameof(ndvi));
        for (int t = 0; t < ndvi.Count; t++) regions.Grid.EnsureSameGrid(ndvi[t].Grid, "region mask", $"NDVI {years[t]}");
        var codes = regions.Band(0).ToDoubleArray();
        var fvc = new Raster[ndvi.Count];
        var ends = new Endmembers[ndvi.Count];
        var rowsYear = new List<int>(); var rowsRegion = new List<string>(); var rowsPixels = new List<long>();
        var rowsMean = new List<double>(); var rowsPublished = new List<double?>();
        for (int t = 0; t < ndvi.Count; t++)
        {
            ends[t] = VegetationCover.EstimateEndmembers(new BandRef(ndvi[t]), p.SoilPercentile, p.VegetationPercentile);
            fvc[t] = VegetationCover.Fvc(new BandRef(ndvi[t]), ends[t]);
            var values = fvc[t].Band(0).ToDoubleArray();
            foreach (var r in Regions)
            {
                var (n, mean) = Mean(values, i => codes[i] == (byte)r);
                rowsYear.Add(years[t]); rowsRegion.Add(r.ToString()); rowsPixels.Add(n); rowsMean.Add(100 * mean);
                rowsPublished.Add(Published(r, years[t]));
            }
            var (nAll, meanAll) = Mean(values, _ => true);
            rowsYear.Add(years[t]); rowsRegion.Add("WholeArea"); rowsPixels.Add(nAll); rowsMean.Add(100 * meanAll);
            rowsPublished.Add(years[t] == 2021 ? JiangcangPublished.WholeAreaPeak2021 : null);
        }
        var table = new FrameBuilder()
            .Integer("year", rowsYear).Text("region", rowsRegion).Integer("pixels", rowsPixels)
            .Number("fvc_pct", rowsMean).Number("published_pct", rowsPublished)
            .Number("difference_pts", rowsMean.Zip(rowsPublished, (c, pub) => pub is double d ? c - d : (double?)null))
            .Text("published_note", rowsRegion.Select(r => PublishedNotes[r]))
            .Build();
        return new JiangcangFvcResult(years.ToArray(), fvc, ends, regions, table);
    }

    private static double? Published(JiangcangRegion r, int year)
    {
        int t = JiangcangPublished.Years.ToList().IndexOf(year);
        return t >= 0 && JiangcangPublished.FvcPublished.TryGetValue(r, out var v) ? v[t] : null;
    }

    private static (long N, double Mean) Mean(double[] values, Func<int, bool> include)
    {
        long n = 0; double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || !include(i)) continue;
            n++; sum += values[i];
        }
        return (n, n == 0 ? double.NaN : sum / n);
    }
}
