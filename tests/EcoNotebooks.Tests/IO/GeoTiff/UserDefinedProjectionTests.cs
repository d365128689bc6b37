using System.Globalization;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>
/// Guards GeoTIFFs in user-defined projections (no EPSG code), as GDAL writes them from a PROJ definition — the
/// "Krasovsky_1940_Albers" grids of Chinese national data sets, Lambert conformal conic and transverse Mercator:
/// the CRS read from the GeoKeys must transform points as PROJ does (gdaltransform, tolerance 1 mm / 1e-8°; the
/// unknown Krassowsky datum is carried over without a shift, PROJ's "ballpark" transformation) and reproject as
/// gdalwarp does (bilinear, tolerance 1e-5 on a 0–1 field).
/// </summary>
public class UserDefinedProjectionTests
{
    public static TheoryData<string, double, double> Cases => new()
    {
        { "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +ellps=krass +units=m +no_defs", 600_000, 4_000_000 },
        { "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs", 600_000, 4_000_000 },
        { "+proj=lcc +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +ellps=krass +units=m +no_defs", 600_000, 4_000_000 },
        { "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=krass +units=m +no_defs", 520_000, 4_000_000 },
    };

    private static Raster Field(RasterGrid grid)
    {
        var r = Raster.Create(grid, PixelType.Float32, 1, -9999);
        for (int row = 0; row < grid.Height; row++)
            for (int c = 0; c < grid.Width; c++)
                r.Band(0)[c, row] = 0.5 + 0.3 * Math.Sin(c / 5.0) * Math.Cos(row / 4.0);
        return r;
    }

    private static string Assign(TempDir tmp, string proj, double x0, double y0)
    {
        var translate = ExternalTools.Require("gdal_translate", "apt-get install gdal-bin");
        var grid = RasterGrid.NorthUp(40, 30, x0, y0, 100, SpatialReference.Unknown);
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(Field(grid), tmp.File("plain.tif"));
        var (code, _, err) = ExternalTools.Run(translate, ["-q", "-a_srs", proj, tmp.File("plain.tif"), tmp.File("user.tif")]);
        Assert.True(code == 0, err);
        return tmp.File("user.tif");
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Points_TransformAsGdaltransform(string proj, double x0, double y0)
    {
        using var tmp = new TempDir();
        var crs = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(Assign(tmp, proj, x0, y0)).Grid.Crs;
        Assert.Null(crs.Epsg);
        foreach (var (to, tol) in new[] { ("EPSG:4326", 1e-8), ("EPSG:32649", 1e-3) })
        {
            var g = GdalReference.Transform(proj, to, x0 + 1234.5, y0 - 2345.6);
            double[] parts = [g.X, g.Y];
            var (ox, oy) = new CrsTransform(crs, SpatialReference.FromEpsg(int.Parse(to[5..], CultureInfo.InvariantCulture))).Transform(x0 + 1234.5, y0 - 2345.6);
            Assert.True(Math.Abs(ox - parts[0]) <= tol && Math.Abs(oy - parts[1]) <= tol, $"{proj} → {to}: ours ({ox:R}, {oy:R}) vs gdaltransform ({parts[0]:R}, {parts[1]:R})");
        }
    }

    [SkippableFact]
    public void KrasovskyAlbers_WarpsToUtmAsGdalwarp()
    {
        var gdalwarp = ExternalTools.Require("gdalwarp", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        const string proj = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +ellps=krass +units=m +no_defs";
        var src = Assign(tmp, proj, 600_000, 4_000_000);
        // Footprint of the source in UTM 49N, then a 50 m grid well inside it.
        var tr = new CrsTransform(EcoNotebooks.IO.GeoTiff.GeoTiff.Read(src).Grid.Crs, SpatialReference.Utm(49));
        var (cx, cy) = tr.Transform(602_000, 3_998_500);
        double[] te = [Math.Round(cx) - 1000, Math.Round(cy) - 700, Math.Round(cx) + 1000, Math.Round(cy) + 700];
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var (code, _, err) = ExternalTools.Run(gdalwarp, ["-q", "-overwrite", "-et", "0", "-r", "bilinear", "-t_srs", "EPSG:32649",
            "-te", F(te[0]), F(te[1]), F(te[2]), F(te[3]), "-tr", "50", "50", "-dstnodata", "-9999", "-ot", "Float32", src, tmp.File("gdal.tif")]);
        Assert.True(code == 0, err);
        var gdal = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(tmp.File("gdal.tif")).Band(0).ToDoubleArray();
        var ours = Warper.Warp(EcoNotebooks.IO.GeoTiff.GeoTiff.Read(src), WarpGrid.FromExtent(SpatialReference.Utm(49), te[0], te[1], te[2], te[3], 50, 50), ResamplingMethod.Bilinear, sourceName: "user.tif").Band(0).ToDoubleArray();
        GdalReference.AssertAgree(ours, gdal, 1e-5, validDivisor: 0);
    }

    /// <summary>
    /// A user-defined CRS read from a GDAL-written file is written back into GeoKeys (not dropped): GDAL's gdalsrsinfo
    /// sees the same PROJ definition, and our reader transforms points identically.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void UserDefinedCrs_SurvivesOurWriter(string proj, double x0, double y0)
    {
        var gdalsrsinfo = ExternalTools.Require("gdalsrsinfo", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        var read = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(Assign(tmp, proj, x0, y0));
        EcoNotebooks.IO.GeoTiff.GeoTiff.Write(read, tmp.File("ours.tif"));
        string Proj4(string file)
        {
            var (code, o, err) = ExternalTools.Run(gdalsrsinfo, ["-o", "proj4", file]);
            Assert.True(code == 0, err);
            return string.Join(' ', o.Trim().Trim('\'').Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t != "+type=crs").OrderBy(t => t, StringComparer.Ordinal));
        }
        Assert.Equal(Proj4(tmp.File("user.tif")), Proj4(tmp.File("ours.tif")));
        var back = EcoNotebooks.IO.GeoTiff.GeoTiff.Read(tmp.File("ours.tif")).Grid.Crs;
        var a = new CrsTransform(read.Grid.Crs, SpatialReference.Wgs84).Transform(x0 + 10, y0 - 10);
        var b = new CrsTransform(back, SpatialReference.Wgs84).Transform(x0 + 10, y0 - 10);
        Assert.Equal(a.X, b.X, 12);
        Assert.Equal(a.Y, b.Y, 12);
    }

    /// <summary>The ESRI .prj of "Krasovsky_1940_Albers" (how Chinese boundary shapefiles often come) transforms as PROJ does.</summary>
    [SkippableFact]
    public void EsriKrasovskyAlbersPrj_TransformsAsGdaltransform()
    {
        const string esri = "PROJCS[\"Krasovsky_1940_Albers\",GEOGCS[\"GCS_Krasovsky_1940\",DATUM[\"D_Krasovsky_1940\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Albers\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Standard_Parallel_1\",25.0],PARAMETER[\"Standard_Parallel_2\",47.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        var g = GdalReference.Transform(esri, "EPSG:4326", 601_234.5, 3_997_654.4);
        double[] parts = [g.X, g.Y];
        var (lon, lat) = new CrsTransform(new SpatialReference(null, esri), SpatialReference.Wgs84, "county.prj").Transform(601_234.5, 3_997_654.4);
        Assert.True(Math.Abs(lon - parts[0]) <= 1e-8 && Math.Abs(lat - parts[1]) <= 1e-8, $"ours ({lon:R}, {lat:R}) vs gdaltransform ({parts[0]:R}, {parts[1]:R})");
    }

    [Fact]
    public void UnsupportedMethodOrUnit_IsOneLineErrorNamingTheFile()
    {
        var keys = new Dictionary<ushort, ushort> { [GeoKeys.ProjCoordTrans] = 7 };   // CT_Mercator
        var e = Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => GeoKeys.UserDefinedCrs(keys, new Dictionary<ushort, double>(), "x.tif"));
        Assert.Contains("x.tif", e.Message);
        Assert.Contains("method 7", e.Message);
        keys = new() { [GeoKeys.ProjCoordTrans] = GeoKeys.CtAlbersEqualArea, [GeoKeys.ProjLinearUnits] = 9002 };
        Assert.Contains("9002", Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => GeoKeys.UserDefinedCrs(keys, new Dictionary<ushort, double>(), "x.tif")).Message);
    }
}
