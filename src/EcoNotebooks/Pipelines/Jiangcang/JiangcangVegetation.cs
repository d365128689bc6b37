using EcoNotebooks.Community;
using EcoNotebooks.IO;
using EcoNotebooks.Statistics;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>AGB and BGB per sampling point with ANOVA and Tukey letters (Figs. 5–6).</summary>
/// <param name="Agb">Aboveground biomass panel, groups = sampling points (g m⁻² dry mass).</param>
/// <param name="Bgb">Belowground biomass panel, groups = sampling points (g m⁻²).</param>
/// <param name="PerPoint">One row per point: point, region, habitat, n, agb_mean, agb_sd, agb_letters, bgb_mean, bgb_sd, bgb_letters, bgb_to_agb.</param>
/// <param name="PerHabitat">One row per habitat: habitat, points, agb_mean, bgb_mean, bgb_to_agb (the paper: background BGB ≈ 4 × AGB).</param>
public sealed record JiangcangBiomassResult(JiangcangPanel Agb, JiangcangPanel Bgb, DataFrame PerPoint, DataFrame PerHabitat);

/// <summary>Community characteristics, diversity and similarity per area (Tables 3–5).</summary>
/// <param name="Areas">Areas (habitats) compared, in display order (background first).</param>
/// <param name="Characteristics">Table 3: one row per area: area, quadrats, then mean and sd of cover_pct, height_cm, crown_width_cm and abundance (individuals per m²).</param>
/// <param name="Diversity">
/// Table 4: one row per area: area, quadrats, species (S of the pooled quadrats), individuals (N pooled); shannon,
/// pielou, margalef = mean over the area's 1 m × 1 m quadrats of each quadrat's index, with shannon_sd, pielou_sd,
/// margalef_sd; and shannon_pooled, pielou_pooled, margalef_pooled of the abundances pooled over the area (pooling
/// mixes richness with sampling effort, so the per-quadrat means are the primary reading).
/// </param>
/// <param name="Sorensen">Table 5: Sørensen similarity 2C / (S₁ + S₂) of the pooled species lists; first column "area", one column per area.</param>
/// <param name="SorensenMatrix">The same values as a matrix in <see cref="Areas"/> order.</param>
public sealed record JiangcangCommunityResult(IReadOnlyList<string> Areas, DataFrame Characteristics, DataFrame Diversity, DataFrame Sorensen, double?[,] SorensenMatrix)
{
    /// <summary>Sørensen similarity between two areas.</summary>
    public double SorensenBetween(string a, string b)
    {
        int i = IndexOf(a), j = IndexOf(b);
        return SorensenMatrix[i, j] ?? double.NaN;
    }

    /// <summary>Value of a Table 4 column ("shannon", "pielou", "margalef", …) for an area.</summary>
    public double DiversityOf(string area, string column) => Convert.ToDouble(Diversity[column][IndexOf(area)]);

    private int IndexOf(string area)
    {
        for (int i = 0; i < Areas.Count; i++) if (Areas[i] == area) return i;
        throw new ArgumentException($"Area '{area}' is not one of {string.Join(", ", Areas)}.", nameof(area));
    }
}

/// <summary>
/// Vegetation plot analyses of the Jiangcang paper (section 3.3): biomass per sampling point (Figs. 5–6, one-way
/// ANOVA with Tukey HSD letters over the quadrats of each point) and, for the quadrats of
/// <see cref="JiangcangParameters.CommunityRegions"/>, community characteristics (Table 3), Shannon, Pielou and Margalef
/// indices (Table 4; H' = −Σ pᵢ ln pᵢ, J = H'/ln S, D = (S − 1)/ln N) and Sørensen similarity 2C/(S₁ + S₂) (Table 5).
/// Table 4 gives the mean ± sd of the per-quadrat indices of each area (vegan: <c>diversity(x)</c> per row, then the
/// mean per area) and, beside them, the indices of the pooled abundances (<c>diversity(colSums(x))</c>). Sørensen uses
/// the species lists pooled per area.
/// </summary>
public static class JiangcangVegetation
{
    /// <summary>Numeric columns of quadrats.csv.</summary>
    public static IReadOnlyList<string> QuadratColumns { get; } = ["cover_pct", "height_cm", "crown_width_cm", "agb_g_m2", "bgb_g_m2"];

    /// <summary>Habitat display order (background first, as in Tables 3–5).</summary>
    public static IReadOnlyList<string> HabitatOrder { get; } = ["Background", "SunnySlope", "Platform", "Pit2Platform"];

    /// <summary>Biomass per sampling point (Figs. 5–6) from quadrats.csv.</summary>
    public static JiangcangBiomassResult Biomass(JiangcangInputs inputs, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Biomass(CsvTable.Read(inputs.Quadrats, QuadratColumns), parameters, inputs.Quadrats);
    }

    /// <summary>Biomass per sampling point from a quadrat table (columns as quadrats.csv).</summary>
    public static JiangcangBiomassResult Biomass(DataFrame quadrats, JiangcangParameters? parameters = null, string source = "quadrats")
    {
        ArgumentNullException.ThrowIfNull(quadrats);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        var point = CsvTable.TextColumn(quadrats, "point", source);
        var region = CsvTable.TextColumn(quadrats, "region", source);
        var habitat = CsvTable.TextColumn(quadrats, "habitat", source);
        var agb = CsvTable.NumericColumn(quadrats, "agb_g_m2", source);
        var bgb = CsvTable.NumericColumn(quadrats, "bgb_g_m2", source);
        var order = point.Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
        var agbPanel = JiangcangPanel.Fit("AGB", "g m⁻²", point, agb, order, p.Alpha);
        var bgbPanel = JiangcangPanel.Fit("BGB", "g m⁻²", point, bgb, order, p.Alpha);
        string First(string[] col, string pt) => col[Array.IndexOf(point, pt)];
        var perPoint = new FrameBuilder()
            .Text("point", order).Text("region", order.Select(o => First(region, o))).Text("habitat", order.Select(o => First(habitat, o)))
            .Integer("n", agbPanel.Groups.Select(g => g.N))
            .Number("agb_mean", agbPanel.Groups.Select(g => g.Mean)).Number("agb_sd", agbPanel.Groups.Select(g => g.Sd)).Text("agb_letters", agbPanel.Groups.Select(g => g.Letters))
            .Number("bgb_mean", bgbPanel.Groups.Select(g => g.Mean)).Number("bgb_sd", bgbPanel.Groups.Select(g => g.Sd)).Text("bgb_letters", bgbPanel.Groups.Select(g => g.Letters))
            .Number("bgb_to_agb", bgbPanel.Groups.Zip(agbPanel.Groups, (b, a) => b.Mean / a.Mean))
            .Build();
        var habitats = HabitatOrder.Where(habitat.Contains).Concat(habitat.Distinct().Where(h => !HabitatOrder.Contains(h)).OrderBy(h => h, StringComparer.Ordinal)).ToArray();
        double HabMean(double[] v, string h) => Enumerable.Range(0, v.Length).Where(i => habitat[i] == h && !double.IsNaN(v[i])).Average(i => v[i]);
        var perHabitat = new FrameBuilder()
            .Text("habitat", habitats).Integer("points", habitats.Select(h => point.Where((_, i) => habitat[i] == h).Distinct().Count()))
            .Number("agb_mean", habitats.Select(h => HabMean(agb, h))).Number("bgb_mean", habitats.Select(h => HabMean(bgb, h)))
            .Number("bgb_to_agb", habitats.Select(h => HabMean(bgb, h) / HabMean(agb, h)))
            .Build();
        return new JiangcangBiomassResult(agbPanel, bgbPanel, perPoint, perHabitat);
    }

    /// <summary>Tables 3–5 from quadrats.csv and species.csv.</summary>
    public static JiangcangCommunityResult Community(JiangcangInputs inputs, JiangcangParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Community(CsvTable.Read(inputs.Quadrats, QuadratColumns), CommunityTable.Read(inputs.Species), parameters, inputs.Quadrats);
    }

    /// <summary>Tables 3–5 from a quadrat table and a species table whose plots match the quadrat table's <c>plot</c> column.</summary>
    /// <exception cref="FileFormatException">A quadrat of the selected regions has no row in the species table.</exception>
    /// <exception cref="ArgumentException">No quadrat belongs to the selected regions.</exception>
    public static JiangcangCommunityResult Community(DataFrame quadrats, CommunityTable species, JiangcangParameters? parameters = null, string source = "quadrats")
    {
        ArgumentNullException.ThrowIfNull(quadrats);
        ArgumentNullException.ThrowIfNull(species);
        var p = (parameters ?? new JiangcangParameters()).Validate();
        var plot = CsvTable.TextColumn(quadrats, "plot", source);
        var region = CsvTable.TextColumn(quadrats, "region", source);
        var habitat = CsvTable.TextColumn(quadrats, "habitat", source);
        var keep = Enumerable.Range(0, plot.Length).Where(i => p.CommunityRegions.Contains(region[i])).ToArray();
        if (keep.Length == 0)
            throw new ArgumentException($"No quadrat lies in the regions {string.Join(", ", p.CommunityRegions)}; regions present: {string.Join(", ", region.Distinct())}.", nameof(parameters));
        var plotIndex = species.Plots.Select((x, i) => (x, i)).ToDictionary(t => t.x, t => t.i, StringComparer.Ordinal);
        foreach (var i in keep)
            if (!plotIndex.ContainsKey(plot[i])) throw new FileFormatException(source, $"quadrat '{plot[i]}' has no row in the species table.");
        var areas = HabitatOrder.Where(h => keep.Any(i => habitat[i] == h))
            .Concat(keep.Select(i => habitat[i]).Distinct().Where(h => !HabitatOrder.Contains(h)).OrderBy(h => h, StringComparer.Ordinal)).ToArray();
        int[] Rows(string a) => keep.Where(i => habitat[i] == a).ToArray();

        // Table 3: mean ± sd over quadrats.
        var t3 = new FrameBuilder().Text("area", areas).Integer("quadrats", areas.Select(a => Rows(a).Length));
        foreach (var col in new[] { "cover_pct", "height_cm", "crown_width_cm" })
        {
            var v = CsvTable.NumericColumn(quadrats, col, source);
            var d = areas.Select(a => DescriptiveStatistics.Compute(Rows(a).Select(i => v[i]))).ToArray();
            t3.Number(col + "_mean", d.Select(x => x.Mean)).Number(col + "_sd", d.Select(x => x.StandardDeviation));
        }
        var abundance = areas.Select(a => DescriptiveStatistics.Compute(Rows(a).Select(i => species.Row(plotIndex[plot[i]]).Sum()))).ToArray();
        t3.Number("abundance_mean", abundance.Select(x => x.Mean)).Number("abundance_sd", abundance.Select(x => x.StandardDeviation));

        // Table 4: pooled indices per area, plus per-quadrat mean ± sd.
        var pooled = areas.Select(a =>
        {
            var sum = new double[species.Species.Count];
            foreach (var i in Rows(a)) { var r = species.Row(plotIndex[plot[i]]); for (int j = 0; j < sum.Length; j++) sum[j] += r[j]; }
            return sum;
        }).ToArray();
        var idx = areas.Select((a, k) => Diversity.Compute(a, pooled[k])).ToArray();
        var perQuadrat = areas.Select(a => Rows(a).Select(i => Diversity.Compute(plot[i], species.Row(plotIndex[plot[i]]))).ToArray()).ToArray();
        var t4 = new FrameBuilder().Text("area", areas).Integer("quadrats", areas.Select(a => Rows(a).Length))
            .Integer("species", idx.Select(x => x.Richness)).Number("individuals", idx.Select(x => x.Individuals));
        foreach (var (name, f) in new (string, Func<DiversityIndices, double?>)[] { ("shannon", x => x.Shannon), ("pielou", x => x.Pielou), ("margalef", x => x.Margalef) })
        {
            var d = perQuadrat.Select(q => DescriptiveStatistics.Compute(q.Select(x => f(x) ?? double.NaN))).ToArray();
            t4.Number(name, d.Select(x => x.Mean)).Number(name + "_sd", d.Select(x => x.StandardDeviation));
        }
        t4.Number("shannon_pooled", idx.Select(x => x.Shannon)).Number("pielou_pooled", idx.Select(x => x.Pielou)).Number("margalef_pooled", idx.Select(x => x.Margalef));

        // Table 5: Sørensen on pooled species lists.
        var pooledTable = new double[areas.Length, species.Species.Count];
        for (int a = 0; a < areas.Length; a++) for (int j = 0; j < species.Species.Count; j++) pooledTable[a, j] = pooled[a][j];
        var matrix = Similarity.SorensenMatrix(new CommunityTable(areas, species.Species, pooledTable));
        var t5 = new FrameBuilder().Text("area", areas);
        for (int j = 0; j < areas.Length; j++) t5.Number(areas[j], Enumerable.Range(0, areas.Length).Select(i => matrix[i, j]));
        return new JiangcangCommunityResult(areas, t3.Build(), t4.Build(), t5.Build(), matrix);
    }
}
