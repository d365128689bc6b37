using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace EcoNotebooks.Tests.Vector;

/// <summary>Guards scanline polygon masking against per-pixel point-in-polygon (NTS) and boundary file reading.</summary>
public class PolygonRasterizerTests
{
    private static readonly GeometryFactory F = new();

    private static Polygon Star(double cx, double cy, double r1, double r2, int points, LinearRing? hole = null)
    {
        var coords = new List<Coordinate>();
        for (int i = 0; i < 2 * points; i++)
        {
            double a = Math.PI * i / points, r = i % 2 == 0 ? r1 : r2;
            coords.Add(new Coordinate(cx + r * Math.Cos(a), cy + r * Math.Sin(a)));
        }
        coords.Add(coords[0]);
        return F.CreatePolygon(F.CreateLinearRing([.. coords]), hole is null ? null : [hole]);
    }

    [Fact]
    public void Scanline_MatchesPointInPolygon_WithHolesAndMultiPolygons()
    {
        var hole = F.CreateLinearRing([new(480, 480), new(520, 480), new(520, 530), new(480, 530), new(480, 480)]);
        var geom = F.CreateMultiPolygon([Star(500, 500, 300, 120, 7, hole), Star(1100, 300, 150, 60, 5)]);
        var grid = RasterGrid.NorthUp(137, 97, -20, 1000, 10, SpatialReference.Utm(49));
        var mask = PolygonRasterizer.Rasterize(geom, grid);
        int inside = 0;
        for (int r = 0; r < grid.Height; r++)
            for (int c = 0; c < grid.Width; c++)
            {
                var (x, y) = grid.Transform.PixelCentre(c, r);
                bool expected = geom.Contains(F.CreatePoint(new Coordinate(x, y)));
                Assert.True(expected == mask[r * grid.Width + c], $"pixel ({c}, {r}) centre ({x}, {y})");
                if (expected) inside++;
            }
        Assert.True(inside > 1000);
    }

    [Fact]
    public void Shapefile_WithPrj_IsReadAndReprojected()
    {
        using var tmp = new TempDir();
        var poly = F.CreatePolygon([new(600_100, 4_000_000), new(601_100, 3_999_950), new(601_050, 3_999_200), new(600_150, 3_999_300), new(600_100, 4_000_000)]);
        var path = tmp.File("area.shp");
        Shapefile.WriteAllFeatures([new NetTopologySuite.Features.Feature(poly, new NetTopologySuite.Features.AttributesTable { { "id", 1 } })], path);
        // ESRI-style .prj without AUTHORITY, as ArcGIS writes it
        File.WriteAllText(tmp.File("area.prj"), "PROJCS[\"WGS_1984_UTM_Zone_49N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        var b = Boundary.Read(path);
        Assert.Equal(32649, b.Crs.Epsg);
        Assert.Equal(poly.Area, b.Geometry.Area, 6);
        var geo = b.TransformTo(SpatialReference.Wgs84);
        Assert.InRange(geo.Geometry.Centroid.X, 112.0, 112.2);
        var back = geo.TransformTo(SpatialReference.Utm(49));
        Assert.Equal(poly.Area, back.Geometry.Area, 0);
    }

    [Fact]
    public void Boundary_UnknownCrs_IsOneLineNamingTheFile()
    {
        using var tmp = new TempDir();
        var p = tmp.File("area.geojson");
        File.WriteAllText(p, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::2000\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}");
        var e = Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => Boundary.Read(p));
        Assert.Contains("area.geojson", e.Message);
        Assert.Contains("EPSG:2000", e.Message);
        var shp = tmp.File("noprj.shp");
        Shapefile.WriteAllFeatures([new NetTopologySuite.Features.Feature(Star(0, 0, 2, 1, 5), new NetTopologySuite.Features.AttributesTable { { "id", 1 } })], shp);
        if (File.Exists(tmp.File("noprj.prj"))) File.Delete(tmp.File("noprj.prj"));
        var e2 = Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => Boundary.Read(shp));
        Assert.Contains("no .prj", e2.Message);
        File.WriteAllText(tmp.File("noprj.prj"), "PROJCS[\"Lambert\",GEOGCS[\"x\",DATUM[\"y\",SPHEROID[\"z\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Bogus_Projection\"],UNIT[\"Meter\",1.0]]");
        var e3 = Assert.Throws<EcoNotebooks.IO.FileFormatException>(() => Boundary.Read(shp));
        Assert.Contains("noprj.prj", e3.Message);
    }
}
