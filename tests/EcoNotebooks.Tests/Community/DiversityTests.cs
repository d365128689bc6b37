using EcoNotebooks.Community;
using EcoNotebooks.IO;
using EcoNotebooks.Tests.Statistics;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Community;

/// <summary>Diversity indices and Sørensen similarity against vegan 2.6-4 (Reference/stats.R on community.csv), 1e-13
/// relative. The table has a single-species plot, an all-zero plot, non-integer abundances and two all-zero species.</summary>
public class DiversityTests
{
    [Fact]
    public void Indices_match_vegan()
    {
        var table = CommunityTable.Read(ReferenceData.PathOf("community.csv"));
        var e = ReferenceData.Json("stats.json").GetProperty("diversity").GetProperty("plots").EnumerateArray().ToArray();
        var d = Diversity.Compute(table);
        Assert.Equal(e.Length, d.Count);
        for (int i = 0; i < e.Length; i++)
        {
            string what = $"plot {d[i].Plot}";
            Assert.Equal(e[i].GetProperty("plot").GetString(), d[i].Plot);
            Assert.Equal(e[i].GetProperty("richness").GetInt32(), d[i].Richness);
            Near.Equal(e[i].GetProperty("individuals"), d[i].Individuals, 1e-15, 0, what + " N");
            Near.Equal(e[i].GetProperty("shannon"), d[i].Shannon, 1e-13, 1e-15, what + " H");
            Near.Equal(e[i].GetProperty("simpson"), d[i].Simpson, 1e-13, 1e-15, what + " Simpson");
            Near.Equal(e[i].GetProperty("pielou"), d[i].Pielou, 1e-13, 1e-15, what + " J");
            Near.Equal(e[i].GetProperty("margalef"), d[i].Margalef, 1e-13, 1e-15, what + " Margalef");
        }
    }

    [Fact]
    public void Sorensen_matches_vegan_binary_bray_except_empty_diagonal()
    {
        var table = CommunityTable.Read(ReferenceData.PathOf("community.csv"));
        var e = ReferenceData.Json("stats.json").GetProperty("diversity").GetProperty("sorensen");
        Assert.Equal(e.GetProperty("labels").EnumerateArray().Select(v => v.GetString()!), table.Plots);
        var m = Similarity.SorensenMatrix(table);
        int empty = table.Plots.ToList().IndexOf("empty");
        for (int i = 0; i < table.Plots.Count; i++)
            for (int j = 0; j < table.Plots.Count; j++)
            {
                if (i == empty && j == empty)
                {
                    // Documented difference: R's as.matrix(dist) puts 0 dissimilarity (similarity 1) on the diagonal
                    // by convention; 2C/(S1+S2) is 0/0 for an empty plot, so EcoNotebooks reports null.
                    Assert.Null(m[i, j]);
                    continue;
                }
                Near.Equal(e.GetProperty("matrix")[i][j], m[i, j], 1e-14, 1e-15, $"[{i},{j}]");
            }
    }

    [Fact]
    public void Undefined_values_are_null_and_hand_values_hold()
    {
        // Hand check: counts (1, 1) → p = ½: H' = ln 2, Simpson = ½, J = 1, Margalef = 1 / ln 2.
        var d = Diversity.Compute("x", [1.0, 1.0, 0.0]);
        Assert.Equal(Math.Log(2), d.Shannon, 15);
        Assert.Equal(0.5, d.Simpson, 15);
        Assert.Equal(1.0, d.Pielou!.Value, 15);
        Assert.Equal(1 / Math.Log(2), d.Margalef!.Value, 15);
        Assert.Null(Diversity.Pielou([5.0]));             // S = 1
        Assert.Null(Diversity.Margalef([1.0]));           // N = 1, ln N = 0
        Assert.Null(Diversity.Margalef([0.5, 0.25]));     // N < 1
        Assert.Null(Diversity.Margalef([0.0, 0.0]));      // N = 0
        Assert.Equal(0.0, Diversity.Shannon([0.0, 0.0])); // vegan's value for an empty plot
        Assert.Equal(1.0, Diversity.Simpson([0.0, 0.0])); // vegan's value for an empty plot
        Assert.Null(Similarity.Sorensen([0.0, 0.0], [0.0, 0.0]));
        Assert.Equal(0.0, Similarity.Sorensen([0.0, 0.0], [1.0, 0.0]));
        Assert.Equal(2.0 / 3.0, Similarity.Sorensen([1.0, 2.0, 0.0], [3.0, 0.0, 0.0])!.Value, 15);
    }

    [Fact]
    public void Reads_R_write_csv_layout_with_unnamed_id_column()
    {
        var t = CommunityTable.Read(new StringReader("\"\",\"Stipa\",\"Setaria\"\n\"A\",1,2\n\"B\",0,3.5\n"), "r.csv");
        Assert.Equal(["A", "B"], t.Plots);
        Assert.Equal(["Stipa", "Setaria"], t.Species);
        Assert.Equal(3.5, t[1, 1]);
    }

    [Fact]
    public void Bad_counts_name_plot_and_species()
    {
        var ex = Assert.Throws<FileFormatException>(() => CommunityTable.Read(new StringReader("plot,Stipa,Setaria\nA,1,2\nB,3,-1\n"), "c.csv"));
        Assert.Equal("c.csv:3:3: plot 'B', species 'Setaria': count -1 is negative; counts must be ≥ 0.", ex.Message);
        Assert.Contains("plot 'A', species 'Stipa': count 'x' is not a number", Assert.Throws<FileFormatException>(() => CommunityTable.Read(new StringReader("plot,Stipa\nA,x\n"), "c.csv")).Message);
        Assert.Contains("not finite", Assert.Throws<FileFormatException>(() => CommunityTable.Read(new StringReader("plot,Stipa\nA,Infinity\n"), "c.csv")).Message);
        Assert.Contains("count is missing", Assert.Throws<FileFormatException>(() => CommunityTable.Read(new StringReader("plot,Stipa\nA,\n"), "c.csv")).Message);
        Assert.Contains("plot 'A' appears twice", Assert.Throws<FileFormatException>(() => CommunityTable.Read(new StringReader("plot,Stipa\nA,1\nA,2\n"), "c.csv")).Message);
        var arg = Assert.Throws<ArgumentException>(() => new CommunityTable(["p1"], ["s1", "s2"], new double[,] { { 1, double.NaN } }));
        Assert.Contains("plot 'p1', species 's2'", arg.Message);
    }
}
