using EcoNotebooks.Permafrost.Samples;
using EcoNotebooks.Permafrost.Spatial;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Permafrost;

public sealed class SpatialTests
{
    [Fact]
    public void HornSlopeAndAspect_MatchGdaldem()
    {
        // Reference: Reference/permafrost_horn.py (gdaldem slope/aspect -alg Horn, GDAL 3.6, float32 output).
        var j = ReferenceData.Json("permafrost_horn.json");
        int w = j.GetProperty("width").GetInt32(), h = j.GetProperty("height").GetInt32();
        var z = new double[w * h];
        int k = 0;
        foreach (var row in j.GetProperty("dem").EnumerateArray()) foreach (var v in row.EnumerateArray()) z[k++] = v.GetDouble();
        var grid = RasterGrid.NorthUp(w, h, 500000, 4000000, j.GetProperty("pixel_size").GetDouble(), SpatialReference.Utm(48));
        var (slope, aspect) = SlopeAspect.Compute(Raster.FromArray(grid, z));
        var s = slope.Band(0).ToDoubleArray(); var a = aspect.Band(0).ToDoubleArray();
        int r = 0, compared = 0, flat = 0;
        foreach (var (sr, ar) in j.GetProperty("slope_deg").EnumerateArray().Zip(j.GetProperty("aspect_deg").EnumerateArray()))
        {
            int c = 0;
            foreach (var (sv, av) in sr.EnumerateArray().Zip(ar.EnumerateArray()))
            {
                int i = r * w + c;
                // gdaldem leaves the border nodata (no -compute_edges); ours extrapolates it, so only check it is finite.
                if (sv.ValueKind == System.Text.Json.JsonValueKind.Null) Assert.True(double.IsFinite(s[i]), $"edge slope ({c},{r}) should be computed");
                else { Assert.Equal(sv.GetDouble(), s[i], 1e-3); compared++; }   // GDAL writes float32: 1e-3° tolerance
                if (av.ValueKind == System.Text.Json.JsonValueKind.Null) { if (sv.ValueKind != System.Text.Json.JsonValueKind.Null) { Assert.True(double.IsNaN(a[i]), $"aspect ({c},{r}) should be NaN (flat)"); flat++; } }
                else Assert.Equal(av.GetDouble(), a[i], 1e-3);
                c++;
            }
            r++;
        }
        Assert.Equal((w - 2) * (h - 2), compared);
        Assert.Equal(1, flat);
    }

    [Fact]
    public void AspectConvention_NorthFacingPlaneIsZero_EastFacingIs90()
    {
        var grid = RasterGrid.NorthUp(5, 5, 0, 0, 10, SpatialReference.Utm(48));
        // Elevation rises to the south (rows increase southwards): the slope faces north.
        var north = Raster.FromArray(grid, Enumerable.Range(0, 25).Select(i => 100.0 + 2 * (i / 5)).ToArray());
        var (s, a) = SlopeAspect.Compute(north);
        Assert.Equal(0, a.Band(0)[2, 2], 1e-9);
        Assert.Equal(Math.Atan(0.2) * 180 / Math.PI, s.Band(0)[2, 2], 1e-9);
        // Elevation falls to the east: faces east.
        var east = Raster.FromArray(grid, Enumerable.Range(0, 25).Select(i => 100.0 - 3 * (i % 5)).ToArray());
        Assert.Equal(90, SlopeAspect.Compute(east).Aspect.Band(0)[2, 2], 1e-9);
        Assert.Equal(90, SlopeAspect.Compute(east).Aspect.Band(0)[0, 0], 1e-9);   // edges extrapolated: a plane keeps its aspect
    }

    [Fact]
    public void MagtLapseModel_InterpolatesNorthAndSouthRatesByCosAspect()
    {
        var m = new MagtLapseModel();
        Assert.Equal(0.6, m.LapseRate(0), 12);
        Assert.Equal(0.4, m.LapseRate(180), 12);
        Assert.Equal(0.5, m.LapseRate(90), 12);
        Assert.Equal(0.5, m.LapseRate(double.NaN), 12);
        Assert.Equal(0.5 + 0.1 * Math.Cos(Math.PI / 4), m.LapseRate(315), 12);
        Assert.Equal(8.25, m.Magt(2260, 0), 12);
        Assert.Equal(8.25 - 0.6 * 10, m.Magt(3260, 0), 12);
        Assert.Equal(8.25 - 0.4 * 10, m.Magt(3260, 180), 12);
        Assert.Equal(0, m.Magt(m.PermafrostLowerLimit(0), 0), 9);
        Assert.Equal(2260 + 8.25 / 0.6 * 100, m.PermafrostLowerLimit(0), 9);
        Assert.True(m.PermafrostLowerLimit(180) > m.PermafrostLowerLimit(0));
    }

    [Fact]
    public void MagtMapAndPresence_OverTheSampleDem()
    {
        var dem = XiningSamples.Dem(80, 60, 500, seed: 3);   // 40 × 30 km: mountains reach ≈ 4,000 m
        var model = new MagtLapseModel();
        var magt = model.Map(dem);
        var (_, aspect) = SlopeAspect.Compute(dem);
        var z = dem.Band(0).ToDoubleArray(); var mv = magt.Band(0).ToDoubleArray(); var av = aspect.Band(0).ToDoubleArray();
        for (int i = 0; i < z.Length; i += 37) Assert.Equal(model.Magt(z[i], av[i]), mv[i], 12);
        var presence = MagtLapseModel.PermafrostPresence(magt);
        Assert.Equal(PixelType.UInt8, presence.PixelType);
        var pv = presence.Band(0).ToDoubleArray();
        for (int i = 0; i < pv.Length; i++) Assert.Equal(mv[i] < 0 ? 1 : 0, pv[i]);
        Assert.Contains(1.0, pv);   // the high mountains hold permafrost
        Assert.Contains(0.0, pv);   // the valley does not
        Assert.Equal(32648, dem.Grid.Crs.Epsg);
        Assert.InRange(z.Where(v => !double.IsNaN(v)).Min(), 2000, 2400);
    }

    [Fact]
    public void RevegetationRules_ThresholdsAndCodes()
    {
        Assert.Equal(RevegetationFailure.None, RevegetationFeasibility.Classify(4999, -5.5, 451, 262.2, 8.8, 0.13));
        Assert.Equal(RevegetationFailure.Elevation, RevegetationFeasibility.Classify(5000, 0, 1000, 400, 8, 0.05));
        Assert.Equal(RevegetationFailure.MeanAnnualTemperature | RevegetationFailure.AccumulatedTemperature, RevegetationFeasibility.Classify(4000, -5.6, 450, 400, 8, 0.05));
        Assert.Equal(RevegetationFailure.Precipitation, RevegetationFeasibility.Classify(3000, 2, 1500, 262.1, 8, 0.05));
        Assert.Equal(RevegetationFailure.SoilPh | RevegetationFailure.Salt, RevegetationFeasibility.Classify(3000, 2, 1500, 300, 8.81, 0.131));

        var grid = RasterGrid.NorthUp(3, 1, 0, 0, 30, SpatialReference.Utm(48));
        Raster R(params double[] v) => Raster.FromArray(grid, v);
        var map = RevegetationFeasibility.Map(R(3000, 5200, 3000), R(2, 2, double.NaN), R(1500, 1500, 1500), R(300, 200, 300), R(8, 8, 8), R(0.05, 0.05, 0.05));
        Assert.Equal(PixelType.UInt8, map.PixelType);
        Assert.Equal(255, map.NoData);
        Assert.Equal(0, map.Band(0)[0, 0]);
        Assert.Equal(1 + 8, map.Band(0)[1, 0]);
        Assert.Equal(255, map.Band(0)[2, 0]);
        var other = Raster.FromArray(RasterGrid.NorthUp(3, 1, 30, 0, 30, SpatialReference.Utm(48)), new double[] { 1, 1, 1 });
        Assert.Throws<ArgumentException>(() => RevegetationFeasibility.Map(R(1, 1, 1), other, R(1, 1, 1), R(1, 1, 1), R(1, 1, 1), R(1, 1, 1)));
        Assert.Equal(5 + 7, RevegetationFeasibility.AccumulatedTemperature([-3, 5, 0, 7, -0.1]));
    }

    [Fact]
    public void SampleFeasibilityInputs_GiveMixedMap()
    {
        var dem = XiningSamples.Dem(40, 30, 800, seed: 5);
        var (mat, acc, pr, ph, salt) = XiningSamples.FeasibilityInputs(dem);
        var map = RevegetationFeasibility.Map(dem, mat, acc, pr, ph, salt).Band(0).ToDoubleArray();
        Assert.Contains(0.0, map);
        Assert.Contains(map, v => v > 0 && v < 255);
    }
}
