using System.Globalization;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Tests.Vector;

/// <summary>
/// Guards the MODIS sinusoidal CRS: the projection against the MODIS tile grid (analytic: tiles are 10° × 10° and
/// 1 111 950.5197 m on a side) and PROJ (<c>gdaltransform</c>, tolerance 1 mm / 1e-9°), GeoTIFF georeferencing in both
/// directions against GDAL, and reprojection to UTM against gdalwarp (tolerance 1e-5 on a 0–1 field).
/// </summary>
public class SinusoidalProjectionTests
{
    private const string ProjSinu = "+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +R=6371007.181 +units=m +no_defs";
    private const double TileSize = 2 * Math.PI * SinusoidalProjection.ModisRadius / 36;   // 1 111 950.5197 m

    [Fact]
    public void ModisTileCorners_AreOnTenDegreeParallels()
    {
        var p = SinusoidalProjection.Modis;
        // Upper-left corner of tile h27v05 (Jiangxi/Shanxi tiles lie in v05): latitude 40° N.
        double x = -18 * TileSize + 27 * TileSize, y = 9 * TileSize - 5 * TileSize;
        var (lon, lat) = p.Inverse(x, y);
        Assert.Equal(40, lat, 9);
        Assert.Equal(90 / Math.Cos(40 * Math.PI / 180), lon, 7);   // x = R·λ·cos φ
        var (x2, y2) = p.Forward(lon, lat);
        Assert.Equal(x, x2, 6);
        Assert.Equal(y, y2, 6);
        // Outside the sinusoidal outline: NaN, not a wrapped longitude.
        Assert.True(double.IsNaN(p.Inverse(19_000_000, 8_000_000).Longitude));
    }

    [Fact]
    public void TryParse_ReadsGdalAndEsriWkt_AndRefusesEllipsoids()
    {
        var gdal = new SpatialReference(null, SinusoidalProjection.Modis.ToWkt());
        Assert.Equal(SinusoidalProjection.ModisRadius, SinusoidalProjection.TryParse(gdal)!.Radius);
        const string esri = "PROJCS[\"Sinusoidal\",GEOGCS[\"GCS_Undefined\",DATUM[\"D_Undefined\",SPHEROID[\"User_Defined_Spheroid\",6371007.181,0.0]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Sinusoidal\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],UNIT[\"Meter\",1.0]]";
        var p = SinusoidalProjection.TryParse(new SpatialReference(null, esri))!;
        Assert.Equal(105, p.CentralMeridian);
        Assert.Null(SinusoidalProjection.TryParse(SpatialReference.FromEpsg(4326)));
        const string world = "PROJCS[\"World_Sinusoidal\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Sinusoidal\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],UNIT[\"Meter\",1.0]]";
        var e = Assert.Throws<ArgumentException>(() => new CrsTransform(new SpatialReference(null, world), SpatialReference.Wgs84, "world.tif"));
        Assert.Contains("world.tif", e.Message);
        Assert.Contains("ellipsoid", e.Message);
    }

    public static TheoryData<string, string, double, double, double> Cases => new()
    {
        { "sinu", "EPSG:4326", 11_504_633.1, 2_796_525.2, 1e-9 },
        { "EPSG:4326", "sinu", 115.08, 24.95, 0.001 },
        { "sinu", "EPSG:32650", 11_504_633.1, 2_796_525.2, 0.001 },
        { "EPSG:32650", "sinu", 300_000, 2_765_000, 0.001 },
        { "sinu", "EPSG:32649", 10_500_000, 4_000_000, 0.001 },   // Shanxi, 36° N
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Transform_MatchesGdaltransform(string from, string to, double x, double y, double tol)
    {
        string S(string c) => c == "sinu" ? ProjSinu : c;
        SpatialReference R(string c) => c == "sinu" ? SinusoidalProjection.Modis.ToSpatialReference() : SpatialReference.FromEpsg(int.Parse(c[5..], CultureInfo.InvariantCulture));
        var g = GdalReference.Transform(S(from), S(to), x, y);
        double[] parts = [g.X, g.Y];
        var (ox, oy) = new CrsTransform(R(from), R(to)).Transform(x, y);
        Assert.True(Math.Abs(ox - parts[0]) <= tol && Math.Abs(oy - parts[1]) <= tol, $"ours ({ox:R}, {oy:R}) vs gdaltransform ({parts[0]:R}, {parts[1]:R})");
    }

    private static Raster ModisLike()
    {
        double px = TileSize / 4800;   // MOD13Q1 250 m pixel, m
        var grid = new RasterGrid(48, 40, new GeoTransform(11_500_000, px, 0, 2_800_000, 0, -px), SinusoidalProjection.Modis.ToSpatialReference());
        var r = Raster.Create(grid, PixelType.Float32, 1, -3000);
        for (int row = 0; row < grid.Height; row++)
            for (int c = 0; c < grid.Width; c++)
                r.Band(0)[c, row] = (row == 10 && c > 30) ? -3000 : 0.4 + 0.3 * Math.Sin(c / 6.0) * Math.Cos(row / 4.0);
        return r;
    }

    [SkippableFact]
    public void GeoTiff_SinusoidalRoundTripsThroughGdal()
    {
        var gdalinfo = ExternalTools.Require("gdalinfo", "apt-get install gdal-bin");
        var translate = ExternalTools.Require("gdal_translate", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        var src = ModisLike();
        GeoTiff.Write(src, tmp.File("ours.tif"));
        // GDAL reads our keys as the MODIS sphere.
        var (code, json, err) = ExternalTools.Run(gdalinfo, ["-json", tmp.File("ours.tif")]);
        Assert.True(code == 0, err);
        Assert.Contains("Sinusoidal", json);
        Assert.Contains("6371007.181", json);
        // A GDAL-written file (keys as GDAL writes them, from a PROJ string) reads back as the same CRS and grid.
        (code, _, err) = ExternalTools.Run(translate, ["-q", "-a_srs", ProjSinu, tmp.File("ours.tif"), tmp.File("gdal.tif")]);
        Assert.True(code == 0, err);
        var back = GeoTiff.Read(tmp.File("gdal.tif"));
        var p = SinusoidalProjection.TryParse(back.Grid.Crs, "gdal.tif");
        Assert.NotNull(p);
        Assert.Equal(SinusoidalProjection.ModisRadius, p!.Radius, 6);
        Assert.Equal(0, p.CentralMeridian);
        Assert.True(back.Grid.Transform.ApproximatelyEquals(src.Grid.Transform));
        var ours = GeoTiff.Read(tmp.File("ours.tif"));
        Assert.NotNull(SinusoidalProjection.TryParse(ours.Grid.Crs));
    }

    [SkippableTheory]
    [InlineData("near", ResamplingMethod.Nearest, 1e-6, 100.0)]
    [InlineData("bilinear", ResamplingMethod.Bilinear, 1e-5, 100.0)]
    [InlineData("average", ResamplingMethod.Average, 1e-5, 500.0)]
    public void Warp_SinusoidalToUtm_MatchesGdalwarp(string method, ResamplingMethod m, double tol, double res)
    {
        var gdalwarp = ExternalTools.Require("gdalwarp", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        var src = ModisLike();
        GeoTiff.Write(src, tmp.File("modis.tif"));
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        double[] te = [227_000, 2_780_000, 230_000, 2_786_000];   // inside the (sheared) source footprint, UTM 50N
        var (code, _, err) = ExternalTools.Run(gdalwarp, ["-q", "-overwrite", "-et", "0", "-r", method, "-t_srs", "EPSG:32650",
            "-te", F(te[0]), F(te[1]), F(te[2]), F(te[3]), "-tr", F(res), F(res), "-srcnodata", "-3000", "-dstnodata", "-3000", "-ot", "Float32",
            tmp.File("modis.tif"), tmp.File("gdal.tif")]);
        Assert.True(code == 0, err);
        var gdal = GeoTiff.Read(tmp.File("gdal.tif"));
        var target = WarpGrid.FromExtent(SpatialReference.FromEpsg(32650), te[0], te[1], te[2], te[3], res, res);
        var ours = Warper.Warp(GeoTiff.Read(tmp.File("modis.tif")), target, m, sourceName: "modis.tif");
        GdalReference.AssertAgree(ours.Band(0).ToDoubleArray(), gdal.Band(0).ToDoubleArray(), tol, validDivisor: 2);
    }
}
