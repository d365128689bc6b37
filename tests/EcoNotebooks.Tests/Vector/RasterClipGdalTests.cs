using System.Globalization;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Tests.Vector;

/// <summary>
/// Guards the boundary mask against GDAL: a GeoJSON polygon with a hole in EPSG:4326 is reprojected with ogr2ogr to
/// UTM 49N and burnt with gdal_rasterize (pixel-centre rule) on the same grid as <see cref="RasterClip.Mask"/>. The masks
/// must agree except for at most 2 pixels whose centres lie within millimetres of an edge (ours densifies edges
/// before reprojecting, ogr2ogr does not).
/// </summary>
public class RasterClipGdalTests
{
    [SkippableFact]
    public void Mask_MatchesOgr2ogrPlusGdalRasterize()
    {
        var ogr = ExternalTools.Require("ogr2ogr", "apt-get install gdal-bin");
        var rasterize = ExternalTools.Require("gdal_rasterize", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string Ring(params (double Lon, double Lat)[] p) => "[" + string.Join(",", p.Append(p[0]).Select(q => $"[{F(q.Lon)},{F(q.Lat)}]")) + "]";
        var outer = Ring((112.101, 36.101), (112.131, 36.104), (112.127, 36.127), (112.112, 36.121), (112.103, 36.129));
        var hole = Ring((112.112, 36.108), (112.118, 36.108), (112.116, 36.114));
        File.WriteAllText(tmp.File("b.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + outer + "," + hole + "]}}]}");
        var (c1, _, e1) = ExternalTools.Run(ogr, ["-f", "GeoJSON", "-t_srs", "EPSG:32649", tmp.File("b-utm.geojson"), tmp.File("b.geojson")]);
        Assert.True(c1 == 0, e1);
        var grid = RasterGrid.NorthUp(110, 110, 599_000, 3_999_000, 30, SpatialReference.Utm(49));
        var (minX, minY, maxX, maxY) = grid.Extent;
        var (c2, _, e2) = ExternalTools.Run(rasterize, ["-q", "-burn", "1", "-init", "0", "-ot", "Byte", "-te", F(minX), F(minY), F(maxX), F(maxY), "-tr", "30", "30", tmp.File("b-utm.geojson"), tmp.File("mask.tif")]);
        Assert.True(c2 == 0, e2);
        var gdal = GeoTiff.Read(tmp.File("mask.tif")).Band(0).ToDoubleArray(false);
        var ours = RasterClip.Mask(grid, Boundary.Read(tmp.File("b.geojson")));
        int mismatch = 0, inside = 0;
        for (int i = 0; i < ours.Length; i++) { if (ours[i] != (gdal[i] == 1)) mismatch++; if (ours[i]) inside++; }
        Assert.True(inside > 2000, $"only {inside} pixels inside");
        Assert.True(mismatch <= 2, $"{mismatch} pixels differ from gdal_rasterize");
    }
}
