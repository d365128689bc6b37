using EcoNotebooks.IO;
using EcoNotebooks.Permafrost;
using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Permafrost;

public sealed class SoilProfileCsvTests
{
    [Fact]
    public void Read_RoundTripsTheSampleWritersProfiles()
    {
        // The committed sample folder (written by XiningSampleWriter with seed 42, 30 years).
        var folder = Path.Combine(EcoNotebooks.Tests.Interactive.RepositoryPaths.Root, "data-samples", "xining");
        var muli = SoilProfileCsv.Read(Path.Combine(folder, "soil_profiles.csv"), "MULI");
        var expected = XiningSamples.MuliProfile();
        Assert.Equal(expected.Count, muli.Count);
        for (int i = 0; i < muli.Count; i++)
        {
            Assert.Equal(expected[i].Name, muli[i].Name);
            Assert.Equal(expected[i].Thickness, muli[i].Thickness, 1e-3);
            Assert.Equal(expected[i].KThawed, muli[i].KThawed, 1e-4);
            Assert.Equal(expected[i].CFrozen, muli[i].CFrozen, 1);
            Assert.Equal(expected[i].Freezing.Exponent, muli[i].Freezing.Exponent, 1e-3);
        }
        var air = SoilProfileCsv.ReadAirTemperature(Path.Combine(folder, "air_temperature.csv"), "muli_air_c");
        Assert.Equal(30 * 365, air.Length);
        Assert.Equal(XiningSamples.AirTemperature(XiningSite.Muli, 30, seed: 142)[400], air[400], 1e-3);
    }

    [Fact]
    public void Read_RejectsGapsBetweenLayers_WithFileAndLine()
    {
        using var dir = new TempDir();
        var path = dir.File("p.csv");
        File.WriteAllText(path, "site,layer,name,top_m,bottom_m,water_content,k_frozen_w_mk,k_thawed_w_mk,c_frozen_j_m3k,c_thawed_j_m3k,freezing_curve,onset_depression_k,exponent_b\n" +
            "a,0,top,0,1,0.3,2,1.5,2000000,2500000,powerlaw,0.05,0.5\na,1,deep,1.5,5,0.2,2,1.5,2000000,2500000,isothermal,0,0\n");
        var e = Assert.Throws<FileFormatException>(() => SoilProfileCsv.Read(path, "a"));
        Assert.Contains("p.csv", e.Message);
        Assert.Contains("3", e.Message);
        Assert.Contains("contiguous", e.Message);
        Assert.Throws<ArgumentException>(() => SoilProfileCsv.Read(path, "b"));
    }
}
