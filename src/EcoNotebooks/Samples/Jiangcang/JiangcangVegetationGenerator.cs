using Microsoft.Data.Analysis;

namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>
/// Synthetic vegetation survey of the Jiangcang paper's design (section 2.4–2.5): 10 sampling points on the Pit 5 and
/// Pit 4 platforms and sunny slopes, the Pit 2 south dump platform and the natural background, each with
/// <see cref="JiangcangSampleOptions.QuadratsPerPoint"/> 1 m × 1 m quadrats. Abundances are Poisson–lognormal around
/// <see cref="JiangcangSpecies.All"/>; cover, height, crown width, AGB and BGB are normal around habitat means chosen to
/// follow the paper's text (Table 3, Figs. 5–6: background AGB highest and BGB ≈ 4 × AGB; Pits 4/5 AGB &gt; Pit 2; BGB of
/// the restored pits similar and far below the background). SYNTHETIC: not the paper's field data.
/// </summary>
public static class JiangcangVegetationGenerator
{
    /// <summary>The 10 sampling points: id, region, habitat.</summary>
    public static IReadOnlyList<(string Point, JiangcangRegion Region, JiangcangHabitat Habitat)> Points { get; } =
    [
        ("S01", JiangcangRegion.Pit5, JiangcangHabitat.Platform),
        ("S02", JiangcangRegion.Pit5, JiangcangHabitat.Platform),
        ("S03", JiangcangRegion.Pit5, JiangcangHabitat.SunnySlope),
        ("S04", JiangcangRegion.Pit5, JiangcangHabitat.SunnySlope),
        ("S05", JiangcangRegion.Pit4, JiangcangHabitat.Platform),
        ("S06", JiangcangRegion.Pit4, JiangcangHabitat.Platform),
        ("S07", JiangcangRegion.Pit4, JiangcangHabitat.SunnySlope),
        ("S08", JiangcangRegion.Pit2SouthDump, JiangcangHabitat.Pit2Platform),
        ("S09", JiangcangRegion.Background, JiangcangHabitat.Background),
        ("S10", JiangcangRegion.Background, JiangcangHabitat.Background),
    ];

    // mean, sd per habitat (Platform, SunnySlope, Pit2Platform, Background)
    private static readonly (double Mean, double Sd)[] Cover = [(85, 5), (62, 9), (50, 7), (90, 4)];          // %
    private static readonly (double Mean, double Sd)[] Height = [(34, 6), (21, 5), (17, 4), (11, 2.5)];       // cm
    private static readonly (double Mean, double Sd)[] Crown = [(14, 5), (7.5, 2), (7, 2), (10, 2)];          // cm
    private static readonly (double Mean, double Sd)[] Agb = [(255, 35), (195, 30), (110, 22), (320, 35)];    // g m-2 dry
    private static readonly (double Mean, double Sd)[] Bgb = [(430, 70), (410, 70), (395, 70), (1290, 140)];  // g m-2 dry

    /// <summary>
    /// Generates the quadrat table (one row per quadrat: plot, point, region, habitat, cover_pct, height_cm,
    /// crown_width_cm, agb_g_m2, bgb_g_m2) and the species table (first column plot, then one column of counts per species).
    /// </summary>
    public static (DataFrame Quadrats, DataFrame Species) Generate(JiangcangSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.QuadratsPerPoint < 1) throw new ArgumentOutOfRangeException(nameof(options), options.QuadratsPerPoint, "QuadratsPerPoint must be ≥ 1.");
        var rng = new SeededRandom(options.Seed + 1);
        var plot = new List<string>(); var point = new List<string>(); var region = new List<string>(); var habitat = new List<string>();
        var cover = new List<double>(); var height = new List<double>(); var crown = new List<double>(); var agb = new List<double>(); var bgb = new List<double>();
        var counts = JiangcangSpecies.All.Select(_ => new List<double>()).ToArray();
        foreach (var (pt, reg, hab) in Points)
        {
            int h = (int)hab;
            for (int q = 1; q <= options.QuadratsPerPoint; q++)
            {
                plot.Add($"{pt}-Q{q}"); point.Add(pt); region.Add(reg.ToString()); habitat.Add(hab.ToString());
                cover.Add(Math.Round(Math.Clamp(rng.Normal(Cover[h].Mean, Cover[h].Sd), 5, 100), 1));
                height.Add(Math.Round(Math.Max(2, rng.Normal(Height[h].Mean, Height[h].Sd)), 1));
                crown.Add(Math.Round(Math.Max(1, rng.Normal(Crown[h].Mean, Crown[h].Sd)), 1));
                agb.Add(Math.Round(Math.Max(10, rng.Normal(Agb[h].Mean, Agb[h].Sd)), 1));
                bgb.Add(Math.Round(Math.Max(20, rng.Normal(Bgb[h].Mean, Bgb[h].Sd)), 1));
                for (int s = 0; s < counts.Length; s++)
                {
                    double lambda = JiangcangSpecies.All[s].MeanPerQuadrat[h];
                    counts[s].Add(lambda <= 0 ? 0 : rng.Poisson(lambda * Math.Exp(rng.Normal(-0.045, 0.3))));
                }
            }
        }
        var quadrats = new DataFrame(
            new StringDataFrameColumn("plot", plot), new StringDataFrameColumn("point", point),
            new StringDataFrameColumn("region", region), new StringDataFrameColumn("habitat", habitat),
            new DoubleDataFrameColumn("cover_pct", cover), new DoubleDataFrameColumn("height_cm", height),
            new DoubleDataFrameColumn("crown_width_cm", crown), new DoubleDataFrameColumn("agb_g_m2", agb),
            new DoubleDataFrameColumn("bgb_g_m2", bgb));
        var species = new DataFrame(new StringDataFrameColumn("plot", plot));
        for (int s = 0; s < counts.Length; s++)
            species.Columns.Add(new DoubleDataFrameColumn(JiangcangSpecies.ColumnName(JiangcangSpecies.All[s].Name), counts[s]));
        return (quadrats, species);
    }
}
