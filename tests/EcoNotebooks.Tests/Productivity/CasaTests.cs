using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Productivity;

/// <summary>CASA terms against the independent Python transcription in Reference/casa.py (tolerance 1e-12 relative).</summary>
public class CasaTests
{
    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Pointwise_terms_match_the_python_reference()
    {
        var reference = ReferenceData.Json("casa.json");
        var temps = reference.GetProperty("temps").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double heat = Casa.HeatIndex(temps);
        Close(reference.GetProperty("heat_index").GetDouble(), heat, "heat index");
        var p = CasaParameters.Default;
        foreach (var c in reference.GetProperty("cases").EnumerateArray())
        {
            double G(string k) => c.GetProperty(k).GetDouble();
            double fpar = Casa.Fpar(G("ndvi"), G("ndvi_min"), G("ndvi_max"), p);
            Close(G("fpar"), fpar, "FPAR");
            double apar = Casa.Apar(G("sol"), fpar);
            Close(G("apar"), apar, "APAR");
            double eet = Casa.EstimatedEvapotranspiration(G("p"), 0.6 * G("sol") / CasaModel.LatentHeat);
            Close(G("eet"), eet, "EET");
            Close(G("pet0"), Casa.ThornthwaitePet(G("t"), heat), "PET0");
            double pet = Casa.PotentialEvapotranspiration(eet, Casa.ThornthwaitePet(G("t"), heat));
            Close(G("pet"), pet, "PET");
            double w = Casa.WEpsilon(eet, pet);
            Close(G("w"), w, "Wε");
            Close(G("te1"), Casa.TEpsilon1(G("topt")), "Tε1");
            Close(G("te2"), Casa.TEpsilon2(G("t"), G("topt")), "Tε2");
            double eps = Casa.Epsilon(G("emax"), G("t"), G("topt"), w, p);
            Close(G("eps"), eps, "ε");
            Close(G("npp"), Casa.Npp(apar, eps), "NPP");
        }
    }

    [Fact]
    public void Fpar_is_clipped_to_its_range_and_cold_months_have_no_npp()
    {
        var p = CasaParameters.Default;
        Assert.Equal(p.FparMin, Casa.Fpar(-0.2, 0.05, 0.8, p), 12);
        Assert.Equal(p.FparMax, Casa.Fpar(0.95, 0.05, 0.8, p), 12);
        Assert.Equal(0, Casa.Epsilon(0.542, -12, 22, 1, p));
        Assert.Equal(1, Casa.WEpsilon(0, 0));
        Assert.True(double.IsNaN(Casa.Fpar(double.NaN, 0.05, 0.8, p)));
    }

    [Fact]
    public void Model_uses_the_month_of_maximum_ndvi_for_topt_and_sums_months()
    {
        var grid = RasterGrid.NorthUp(2, 1, 0, 0, 30, SpatialReference.Utm(49));
        var lc = new Raster(grid, [new RasterBand<byte>(2, 1, [(byte)LandCoverClass.Grassland, (byte)LandCoverClass.None])]);
        double[] ndvi = [0.1, 0.12, 0.2, 0.35, 0.5, 0.65, 0.7, 0.68, 0.5, 0.3, 0.15, 0.1];
        double[] temp = [-6, -3, 4, 11, 17, 21, 23, 22, 17, 11, 4, -3];
        Raster C(double v) => Raster.FromArray(grid, new[] { v, v });
        var months = Enumerable.Range(0, 12).Select(k => new CasaMonth(2015, k + 1, C(ndvi[k]), C(temp[k]), C(40), C(400), C(35))).ToArray();
        var result = CasaModel.Run(new CasaInput(lc, months));
        var (lo, hi) = result.NdviRange[LandCoverClass.Grassland];
        var sorted = ndvi.Order().ToArray();
        Assert.Equal(sorted[0] + 0.55 * (sorted[1] - sorted[0]), lo, 12); // type-7 5 % of 12 values: h = 0.55
        double heat = Casa.HeatIndex(temp), annual = 0;
        for (int k = 0; k < 12; k++)
        {
            double pet = Casa.PotentialEvapotranspiration(35, Casa.ThornthwaitePet(temp[k], heat));
            double eps = Casa.Epsilon(0.542, temp[k], 23, Casa.WEpsilon(35, pet), CasaParameters.Default); // Topt = July (max NDVI)
            double npp = Casa.Npp(Casa.Apar(400, Casa.Fpar(ndvi[k], lo, hi, CasaParameters.Default)), eps);
            Assert.Equal(npp, result.MonthlyNpp(2015, k + 1)[0][0, 0], 3);
            annual += npp;
        }
        Assert.Equal(annual, result.AnnualNpp(2015)[0][0, 0], 2);
        Assert.True(double.IsNaN(result.MeanAnnualNpp()[0][1, 0]));
    }

    [Fact]
    public void Incomplete_year_is_rejected_with_the_months_named()
    {
        var grid = RasterGrid.NorthUp(1, 1, 0, 0, 30, SpatialReference.Utm(49));
        var lc = new Raster(grid, [new RasterBand<byte>(1, 1, [(byte)3])]);
        var one = Raster.FromArray(grid, new[] { 0.5 });
        var ex = Assert.Throws<ArgumentException>(() => CasaModel.Run(new CasaInput(lc, [new CasaMonth(2010, 7, one, one, one, one)])));
        Assert.Contains("2010", ex.Message);
    }
}
