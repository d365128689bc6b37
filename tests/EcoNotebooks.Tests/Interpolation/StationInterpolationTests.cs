using EcoNotebooks.Interpolation;
using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Interpolation;

/// <summary>
/// Guards station interpolation: IDW against gstat::idw (Reference/stations_idw.R), the partial thin-plate spline against
/// an explicit numpy solution with GCV by the full influence matrix and against scipy's RBFInterpolator
/// (Reference/stations_interp.py), exactness properties, and kriging through EcoNotebooks.Spatial.
/// </summary>
public class StationInterpolationTests
{
    private static StationTable Table() => StationTable.Read(ReferenceData.PathOf("stations_interp.csv"), crs: SpatialReference.Utm(49));

    private static double[] Doubles(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void Idw_MatchesGstat()
    {
        var st = Table().ForDate(new DateOnly(2020, 7, 15));
        var x = st.Select(s => s.X).ToArray(); var y = st.Select(s => s.Y).ToArray(); var z = st.Select(s => s.Value).ToArray();
        var refj = ReferenceData.Json("stations_idw.json");
        var t = ReferenceData.Json("stations_interp.json").GetProperty("targets");
        var tx = Doubles(t.GetProperty("x")); var ty = Doubles(t.GetProperty("y"));
        var p2 = Doubles(refj.GetProperty("idp2")); var p35 = Doubles(refj.GetProperty("idp3_5"));
        for (int k = 0; k < tx.Length; k++)
        {
            Assert.Equal(p2[k], InverseDistance.Predict(x, y, z, tx[k], ty[k], 2), 1e-9);
            Assert.Equal(p35[k], InverseDistance.Predict(x, y, z, tx[k], ty[k], 3.5), 1e-9);
        }
    }

    [Fact]
    public void Idw_IsExactAtStations()
    {
        double[] x = [0, 10, 20], y = [0, 5, 0], z = [1, 7, 3];
        for (int i = 0; i < 3; i++) Assert.Equal(z[i], InverseDistance.Predict(x, y, z, x[i], y[i], 2.5));
        Assert.InRange(InverseDistance.Predict(x, y, z, 9, 4, 2), 1, 7);
    }

    [Fact]
    public void ThinPlate_GcvLambdaAndPredictions_MatchNumpy()
    {
        var st = Table().ForDate();
        var r = ReferenceData.Json("stations_interp.json");
        var g = r.GetProperty("tps_gcv");
        var t = r.GetProperty("targets");
        var tx = Doubles(t.GetProperty("x")); var ty = Doubles(t.GetProperty("y")); var te = Doubles(t.GetProperty("elevation"));
        var cov = st.Select(s => new[] { s.Elevation }).ToArray();
        // in kilometres, as the reference
        var km = ThinPlateSpline.Fit(st.Select(s => s.X / 1000).ToArray(), st.Select(s => s.Y / 1000).ToArray(), cov, st.Select(s => s.Value).ToArray());
        double lam = g.GetProperty("lambda_km").GetDouble();
        Assert.True(Math.Abs(km.Lambda / lam - 1) < 1e-3, $"λ {km.Lambda} vs numpy {lam}");
        Assert.Equal(g.GetProperty("gcv").GetDouble(), km.Gcv, 1e-9);
        Assert.Equal(g.GetProperty("elevation_coefficient").GetDouble(), km.LinearCoefficients[3], 1e-6);
        var pred = Doubles(g.GetProperty("predictions"));
        for (int k = 0; k < tx.Length; k++) Assert.Equal(pred[k], km.Predict(tx[k] / 1000, ty[k] / 1000, [te[k]]), 1e-5);
        // in metres: the same function, λ scaled by 1000²
        var m = ThinPlateSpline.Fit(st.Select(s => s.X).ToArray(), st.Select(s => s.Y).ToArray(), cov, st.Select(s => s.Value).ToArray());
        Assert.True(Math.Abs(m.Lambda / (lam * 1e6) - 1) < 1e-3);
        for (int k = 0; k < tx.Length; k++) Assert.Equal(pred[k], m.Predict(tx[k], ty[k], [te[k]]), 1e-5);
    }

    [Fact]
    public void ThinPlate_FixedLambda_MatchesNumpyAndScipyRbf()
    {
        var st = Table().ForDate();
        var r = ReferenceData.Json("stations_interp.json");
        var f = r.GetProperty("tps_fixed_no_covariate");
        var t = r.GetProperty("targets");
        var tx = Doubles(t.GetProperty("x")); var ty = Doubles(t.GetProperty("y"));
        var tps = ThinPlateSpline.Fit(st.Select(s => s.X / 1000).ToArray(), st.Select(s => s.Y / 1000).ToArray(), null, st.Select(s => s.Value).ToArray(), f.GetProperty("lambda_km").GetDouble());
        var np = Doubles(f.GetProperty("predictions")); var sp = Doubles(f.GetProperty("scipy_rbf_predictions"));
        for (int k = 0; k < tx.Length; k++)
        {
            double v = tps.Predict(tx[k] / 1000, ty[k] / 1000);
            Assert.Equal(np[k], v, 1e-8);
            Assert.Equal(sp[k], v, 1e-8);
        }
    }

    [Fact]
    public void ThinPlate_ReproducesLinearPlusElevationFieldExactly()
    {
        var rng = new Random(7);
        int n = 25;
        var x = new double[n]; var y = new double[n]; var e = new double[n][]; var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 400_000 + 30_000 * rng.NextDouble(); y[i] = 4_100_000 + 20_000 * rng.NextDouble(); e[i] = [500 + 2000 * rng.NextDouble()];
            z[i] = 12.5 + 3e-5 * x[i] - 2e-5 * y[i] - 0.0065 * e[i][0];
        }
        foreach (double? lambda in new double?[] { null, 0, 1e3 })
        {
            var tps = ThinPlateSpline.Fit(x, y, e, z, lambda);
            for (int k = 0; k < 10; k++)
            {
                double px = 400_000 + 30_000 * rng.NextDouble(), py = 4_100_000 + 20_000 * rng.NextDouble(), pe = 500 + 2000 * rng.NextDouble();
                Assert.Equal(12.5 + 3e-5 * px - 2e-5 * py - 0.0065 * pe, tps.Predict(px, py, [pe]), 1e-8);
            }
        }
    }

    [Fact]
    public void ThinPlate_LambdaZero_Interpolates()
    {
        var st = Table().ForDate();
        var tps = ThinPlateSpline.Fit(st.Select(s => s.X).ToArray(), st.Select(s => s.Y).ToArray(), st.Select(s => new[] { s.Elevation }).ToArray(), st.Select(s => s.Value).ToArray(), 0);
        foreach (var s in st) Assert.Equal(s.Value, tps.Predict(s.X, s.Y, [s.Elevation]), 1e-6);
    }

    [Fact]
    public void Interpolate_OnGrid_AllMethods()
    {
        var table = Table();
        var st = table.ForDate(new DateOnly(2020, 7, 15));
        var grid = RasterGrid.NorthUp(12, 10, 600_000, 4_030_000, 4000, SpatialReference.Utm(49));
        var dem = Raster.FromArray(grid, Enumerable.Range(0, 120).Select(i => 900.0 + 10 * i).ToArray());
        var idw = StationInterpolation.Interpolate(st, table.Crs, grid, new StationInterpolationOptions { Method = StationInterpolationMethod.InverseDistance, Power = 2 });
        var (cx, cy) = grid.Transform.PixelCentre(3, 4);
        Assert.Equal(InverseDistance.Predict(st.Select(s => s.X).ToArray(), st.Select(s => s.Y).ToArray(), st.Select(s => s.Value).ToArray(), cx, cy, 2), idw.Band(0)[3, 4], 12);
        var tps = StationInterpolation.Interpolate(st, table.Crs, grid, new StationInterpolationOptions(), dem);
        var direct = ThinPlateSpline.Fit(st.Select(s => s.X).ToArray(), st.Select(s => s.Y).ToArray(), st.Select(s => new[] { s.Elevation }).ToArray(), st.Select(s => s.Value).ToArray());
        Assert.Equal(direct.Predict(cx, cy, [dem.Band(0)[3, 4]]), tps.Band(0)[3, 4], 9);
        var ok = StationInterpolation.Interpolate(st, table.Crs, grid, new StationInterpolationOptions { Method = StationInterpolationMethod.OrdinaryKriging });
        var x = st.Select(s => s.X).ToArray(); var y = st.Select(s => s.Y).ToArray(); var z = st.Select(s => s.Value).ToArray();
        var model = VariogramFit.Fit(EmpiricalVariogram.Compute(x, y, z), VariogramModelType.Spherical).Model;
        Assert.Equal(new OrdinaryKriging(x, y, z, model).Predict(cx, cy).Value, ok.Band(0)[3, 4], 9);
        var e = Assert.Throws<ArgumentException>(() => StationInterpolation.Interpolate(st, table.Crs, grid, new StationInterpolationOptions()));
        Assert.Contains("DEM", e.Message);
    }

    [Fact]
    public void StationTable_LonLatColumns_AreWgs84_AndBadRowsNameLine()
    {
        using var tmp = new TempDir();
        var p = tmp.File("st.csv");
        File.WriteAllText(p, "Station_ID,Lon,Lat,Elevation,Date,tmean\nA,111.2,36.1,900,2020-07-01,21.5\nB,111.3,36.2,1200,2020-07-01,19\nB,111.3,36.2,1200,2020-07-02,18\n");
        var t = StationTable.Read(p, "tmean");
        Assert.Equal(4326, t.Crs.Epsg);
        Assert.Equal(2, t.ForDate(new DateOnly(2020, 7, 1)).Count);
        Assert.Equal(18.5, t.ForDate().Single(s => s.Station == "B").Value);
        File.WriteAllText(p, "station,lon,lat,elevation,date,value\nA,111.2,36.1,900,01/07/2020,21.5\n");
        var e = Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => StationTable.Read(p));
        Assert.Contains("st.csv:2:5", e.Message);
    }
}
