using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;
using static EcoNotebooks.Tests.Indicators.IndicatorTestData;

namespace EcoNotebooks.Tests.Indicators;

/// <summary>Slope, D8 flow accumulation and LS on a plane (analytic) and a bumpy DEM (numpy brute force, "terrain_*").</summary>
public class TerrainTests
{
    private static Raster Dem(string name, out System.Text.Json.JsonElement e)
    {
        e = Ref.GetProperty(name);
        return Make(e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32(), Doubles(e.GetProperty("dem")), e.GetProperty("cell").GetDouble());
    }

    [Fact]
    public void Plane_has_its_slope_everywhere_and_accumulation_grows_down_slope()
    {
        // A 6 × 7 plane dipping south with tan θ = 0.12 on 30 m cells: z = 500 − 3.6·row.
        var dem = Dem("terrain_plane", out _);
        double theta = Math.Atan(0.12);
        var slope = Values(Terrain.Slope(dem, PixelType.Float64));
        Assert.All(slope, s => Assert.Equal(theta * 180 / Math.PI, s, 10)); // 6.8428°, border included
        var acc = Values(Terrain.FlowAccumulation(dem));
        for (int r = 0; r < 7; r++)
            for (int c = 0; c < 6; c++) Assert.Equal(r + 1, acc[r * 6 + c]); // each column drains straight south (drop 3.6/30 > 3.6/42.4)
    }

    [Fact]
    public void Plane_ls_matches_the_closed_forms()
    {
        var dem = Dem("terrain_plane", out var e);
        double theta = Math.Atan(0.12), s = Math.Sin(theta), d = 30;
        // Desmet–Govers with x = 1 (aspect due south), A_in = r·900 m²:
        // L = 30^m·[(r+1)^(m+1) − r^(m+1)] / 22.13^m, m from McCool (β = (s/0.0896)/(3 s^0.8 + 0.56)); S = 16.8 s − 0.5 (5° ≤ θ < 10°).
        double beta = (s / 0.0896) / (3 * Math.Pow(s, 0.8) + 0.56), m = beta / (1 + beta);
        var dg = Values(SlopeLength.Compute(dem, outputType: PixelType.Float64));
        var mb = Values(SlopeLength.Compute(dem, new SlopeLengthOptions(LsMethod.MooreBurch), PixelType.Float64));
        for (int r = 0; r < 7; r++)
        {
            double l = Math.Pow(d, m) * (Math.Pow(r + 1, m + 1) - Math.Pow(r, m + 1)) / Math.Pow(22.13, m);
            double sf = 16.8 * s - 0.5;
            double moore = Math.Pow((r + 1) * d / 22.13, 0.4) * Math.Pow(s / 0.0896, 1.3);
            for (int c = 0; c < 6; c++)
            {
                Assert.Equal(l * sf, dg[r * 6 + c], 1e-9);
                Assert.Equal(moore, mb[r * 6 + c], 1e-9);
            }
        }
        AllClose(Doubles(e.GetProperty("ls_dg")), dg, 1e-10, "LS Desmet–Govers (numpy)");
        AllClose(Doubles(e.GetProperty("ls_mb")), mb, 1e-10, "LS Moore–Burch (numpy)");
    }

    [Fact]
    public void Bumpy_dem_with_a_hole_matches_numpy_brute_force()
    {
        var dem = Dem("terrain_bumpy", out var e);
        AllClose(Doubles(e.GetProperty("slope_deg")), Values(Terrain.Slope(dem, PixelType.Float64)), 1e-10, "slope");
        AllClose(Doubles(e.GetProperty("acc")), Values(Terrain.FlowAccumulation(dem)), 0, "flow accumulation");
        AllClose(Doubles(e.GetProperty("ls_dg")), Values(SlopeLength.Compute(dem, outputType: PixelType.Float64)), 1e-10, "LS DG");
        AllClose(Doubles(e.GetProperty("ls_mb")), Values(SlopeLength.Compute(dem, new SlopeLengthOptions(LsMethod.MooreBurch), PixelType.Float64)), 1e-10, "LS MB");
    }

    [Fact]
    public void Interior_slope_matches_gdaldem_horn()
    {
        // gdaldem slope (GDAL 3.6, Horn, float32 output) leaves the border as nodata; compare the interior only.
        var dem = Dem("terrain_gdal", out var e);
        var gdal = Doubles(e.GetProperty("gdaldem_slope_deg"));
        var ours = Values(Terrain.Slope(dem, PixelType.Float64));
        int compared = 0;
        for (int i = 0; i < gdal.Length; i++)
        {
            if (double.IsNaN(gdal[i])) continue;
            Assert.Equal(gdal[i], ours[i], 1e-4); // GDAL computes in float32 (elevations ~300 m): agreement to ~3e-5°
            compared++;
        }
        Assert.Equal((7 - 2) * (6 - 2), compared);
    }

    [Fact]
    public void Slope_factor_branches()
    {
        double t3 = 3 * Math.PI / 180, t7 = 7 * Math.PI / 180, t20 = 20 * Math.PI / 180;
        Assert.Equal(10.8 * Math.Sin(t3) + 0.03, SlopeLength.SlopeFactor(t3), 12);
        Assert.Equal(16.8 * Math.Sin(t7) - 0.5, SlopeLength.SlopeFactor(t7), 12);
        Assert.Equal(21.91 * Math.Sin(t20) - 0.96, SlopeLength.SlopeFactor(t20), 12);
        Assert.Equal(16.8 * Math.Sin(t20) - 0.5, SlopeLength.SlopeFactor(t20, SlopeFactorMethod.McCool), 12);
        // 9 % unit-plot slope: S ≈ 1 (16.8·sin(atan 0.09) − 0.5 = 1.0058).
        Assert.Equal(1.0, SlopeLength.SlopeFactor(Math.Atan(0.09), SlopeFactorMethod.McCool), 0.01);
    }

    [Fact]
    public void Geographic_dem_is_rejected()
    {
        var grid = RasterGrid.NorthUp(3, 3, 115, 25, 0.00027, SpatialReference.Wgs84);
        var ex = Assert.Throws<ArgumentException>(() => Terrain.Slope(Raster.FromArray(grid, new double[9])));
        Assert.Contains("EPSG:4326", ex.Message);
    }
}
