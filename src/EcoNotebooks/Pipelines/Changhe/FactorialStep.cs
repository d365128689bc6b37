using EcoNotebooks.Drivers;
using EcoNotebooks.Learning;
using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// The factorial random-forest experiment (paper section 2.4.2, Eqs. 6–7, Figs. 4 and 5) summarised for the notebook:
/// driver and category importance (Fig. 4), mean relative contributions, the RGB composite and the dominant-category
/// map with its area shares (Fig. 5), each beside the published values.
/// </summary>
/// <param name="Result">The experiment (four forests, ActCon and RelCon rasters, dominant categories).</param>
/// <param name="DriverImportance">driver, category, importance_pct (RF_all %IncMSE scaled to 100 %, negatives as 0),
/// rank, above_5pct, published_above_5pct.</param>
/// <param name="CategoryImportance">category, computed_pct, published_pct (Fig. 4: 38.97 / 31.50 / 29.53).</param>
/// <param name="RelativeContribution">category, mean_pct, sd_pct (over pixels), published_mean_pct (Fig. 5a inset: 35.4 / 34.7 / 29.8).</param>
/// <param name="DominantShares">category (C, S, M, CS, SC, CM, MC, SM, MS), area_pct, west_pct, east_pct (shares within each side of the river).</param>
/// <param name="Summary">quantity, computed, published: climate coupled (CS+SC+CM+MC), climate dominant (C+CS+CM), soil nutrients importance, RF_all OOB R².</param>
/// <param name="Rgb">Three-band uint8 composite, band 0 red = soil, band 1 green = mining, band 2 blue = climate, value = RelCon·2.55 (0 where undefined).</param>
public sealed record FactorialStep(FactorialResult Result, DataFrame DriverImportance, DataFrame CategoryImportance, DataFrame RelativeContribution,
    DataFrame DominantShares, DataFrame Summary, Raster Rgb)
{
    /// <summary>Colours of the dominant categories for maps: single categories in the paper's colours (climate blue, soil red,
    /// mining green), pairs as mixtures weighted towards the first category.</summary>
    public static IReadOnlyDictionary<DominantCategory, string> Colours { get; } = new Dictionary<DominantCategory, string>
    {
        [DominantCategory.C] = "#1f4fd8", [DominantCategory.S] = "#d7301f", [DominantCategory.M] = "#1a9641",
        [DominantCategory.CS] = "#6a51a3", [DominantCategory.SC] = "#c51b8a", [DominantCategory.CM] = "#2c7fb8",
        [DominantCategory.MC] = "#41b6c4", [DominantCategory.SM] = "#fd8d3c", [DominantCategory.MS] = "#a6d96a",
    };

    /// <summary>Long names of the dominant categories.</summary>
    public static string Describe(DominantCategory d) => d switch
    {
        DominantCategory.C => "C: climate",
        DominantCategory.S => "S: soil properties",
        DominantCategory.M => "M: mining activities",
        DominantCategory.CS => "CS: climate > soil",
        DominantCategory.SC => "SC: soil > climate",
        DominantCategory.CM => "CM: climate > mining",
        DominantCategory.MC => "MC: mining > climate",
        DominantCategory.SM => "SM: soil > mining",
        DominantCategory.MS => "MS: mining > soil",
        _ => "no data",
    };

    internal static FactorialStep Run(DataFrame points, IReadOnlyDictionary<string, Raster> drivers, Raster sides, ChangheParameters p, IProgress<string>? progress)
    {
        var cats = drivers.Keys.ToDictionary(k => k, DriverCorrelations.CategoryOf);
        var rasters = drivers.ToDictionary(kv => kv.Key, kv => (IRasterSource)kv.Value);
        var rf = new RandomForestOptions { Trees = p.Trees, Seed = p.Seed };
        var result = FactorialContributions.Run(points, "NPP", cats, rasters, rf, p.DominanceThreshold, progress);

        var codes = drivers.Keys.ToArray();
        var ranked = codes.OrderByDescending(c => result.DriverImportance[c]).ToArray();
        var driverDf = new DataFrame(
            ChangheTables.Text("driver", codes),
            ChangheTables.Text("category", codes.Select(c => cats[c].ToString().ToLowerInvariant())),
            ChangheTables.Number("importance_pct", codes.Select(c => result.DriverImportance[c])),
            ChangheTables.Count("rank", codes.Select(c => (long)Array.IndexOf(ranked, c) + 1)),
            ChangheTables.Flag("above_5pct", codes.Select(c => result.DriverImportance[c] > 5)),
            ChangheTables.Flag("published_above_5pct", codes.Select(c => ChanghePublished.DriversAboveFivePercent.Contains(c))));
        var categories = Enum.GetValues<DriverCategory>();
        var catDf = new DataFrame(
            ChangheTables.Text("category", categories.Select(c => c.ToString().ToLowerInvariant())),
            ChangheTables.Number("computed_pct", categories.Select(c => result.CategoryImportance[c])),
            ChangheTables.Number("published_pct", categories.Select(c => ChanghePublished.CategoryImportance[c])));

        var dom = result.Dominant[0].ToDoubleArray(missingAsNaN: false);
        var relSd = categories.ToDictionary(c => c, c =>
        {
            var v = result.RelativeContribution[c][0].ToDoubleArray().Where((x, i) => !double.IsNaN(x) && dom[i] != 0).ToArray();
            return Statistics.DescriptiveStatistics.Compute(v).StandardDeviation ?? double.NaN;
        });
        var relDf = new DataFrame(
            ChangheTables.Text("category", categories.Select(c => c.ToString().ToLowerInvariant())),
            ChangheTables.Number("mean_pct", categories.Select(c => result.MeanRelativeContribution[c])),
            ChangheTables.Number("sd_pct", categories.Select(c => relSd[c])),
            ChangheTables.Number("published_mean_pct", categories.Select(c => ChanghePublished.MeanRelativeContribution[c])));

        var side = sides[0].ToDoubleArray(missingAsNaN: false);
        var doms = Enum.GetValues<DominantCategory>().Where(d => d != DominantCategory.None).ToArray();
        double ShareOn(DominantCategory d, RiverSide s)
        {
            long all = 0, hit = 0;
            for (int i = 0; i < dom.Length; i++)
                if (dom[i] != 0 && side[i] == (byte)s) { all++; if (dom[i] == (byte)d) hit++; }
            return all == 0 ? double.NaN : 100.0 * hit / all;
        }
        var domDf = new DataFrame(
            ChangheTables.Text("category", doms.Select(d => d.ToString())),
            ChangheTables.Text("meaning", doms.Select(Describe)),
            ChangheTables.Number("area_pct", doms.Select(d => result.DominantAreaShare[d])),
            ChangheTables.Number("west_pct", doms.Select(d => ShareOn(d, RiverSide.West))),
            ChangheTables.Number("east_pct", doms.Select(d => ShareOn(d, RiverSide.East))));

        double Sum(params DominantCategory[] ds) => ds.Sum(d => result.DominantAreaShare[d]);
        double nutrients = ChanghePublished.SoilNutrients.Where(result.DriverImportance.ContainsKey).Sum(c => result.DriverImportance[c]);
        var summary = new DataFrame(
            ChangheTables.Text("quantity", ["climate coupled with another category (CS+SC+CM+MC), % area", "climate dominant (C+CS+CM), % area", "soil nutrients (SOC+TN+AP+AK), % importance", "RF_all out-of-bag R²"]),
            ChangheTables.Number("computed", [Sum(DominantCategory.CS, DominantCategory.SC, DominantCategory.CM, DominantCategory.MC), Sum(DominantCategory.C, DominantCategory.CS, DominantCategory.CM), nutrients, result.All.OobRSquared]),
            ChangheTables.Number("published", new double?[] { ChanghePublished.ClimateCoupledArea, ChanghePublished.ClimateDominantArea, ChanghePublished.SoilNutrientImportance, null }));

        return new FactorialStep(result, driverDf, catDf, relDf, domDf, summary, Composite(result));
    }

    /// <summary>RGB composite of the relative contributions: red = soil, green = mining, blue = climate (paper colours).</summary>
    public static Raster Composite(FactorialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var grid = result.PredictionAll.Grid;
        RasterBand Band(DriverCategory c) => new RasterBand<byte>(grid.Width, grid.Height,
            result.RelativeContribution[c][0].ToDoubleArray().Select(v => double.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(Math.Round(v * 2.55), 0, 255)).ToArray());
        return new Raster(grid, [Band(DriverCategory.Soil), Band(DriverCategory.Mining), Band(DriverCategory.Climate)]);
    }
}
