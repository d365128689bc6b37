using System.Globalization;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Tests.Vector;

/// <summary>
/// Guards the EPSG registry definitions and ProjNET transformations against GDAL/PROJ (<c>gdaltransform</c>, traditional
/// GIS axis order). Tolerances: 1 mm for projected coordinates within 3.5° of the central meridian, 1e-8° (≈ 1 mm) for geographic
/// results; 2 cm for a point 6° off the central meridian (ProjNET's Snyder series vs PROJ's exact algorithm).
/// </summary>
public class CrsTransformTests
{
    public static TheoryData<int, int, double, double, double> Cases => new()
    {
        { 4326, 32649, 111.2, 36.13, 0.001 },        // Shanxi, UTM 49N
        { 4326, 32649, 113.9, 34.5, 0.001 },         // 2.9° east of the CM
        { 32649, 4326, 612_345.6, 3_998_765.4, 1e-8 },
        { 4326, 32750, 117.5, -8.2, 0.001 },         // southern hemisphere
        { 4326, 4547, 114.8, 38.0, 0.001 },          // CGCS2000 3° GK CM 114°E, no zone prefix
        { 4326, 4526, 113.2, 38.0, 0.001 },          // CGCS2000 3° GK zone 38 with prefix
        { 4326, 4497, 111.5, 40.2, 0.001 },          // CGCS2000 6° GK zone 19 (CM 111°E) with prefix
        { 4490, 4534, 75.8, 39.5, 0.001 },           // CGCS2000 geographic → GK CM 75°E
        { 4547, 4326, 445_678.9, 4_207_000.1, 1e-8 },
        { 32649, 32648, 500_000, 4_000_000, 0.02 },  // 6° off the CM of zone 48
        { 2364, 4326, 40_450_000, 4_000_000, 1e-8 },    // Xian 1980 3° GK zone 40 (prefix), ballpark to WGS 84 as PROJ
        { 4326, 2381, 111.2, 36.13, 0.001 },         // Xian 1980 3° GK CM 111°E
        { 4326, 2333, 111.5, 40.2, 0.001 },          // Xian 1980 6° GK zone 19 (prefix)
        { 2414, 4326, 38_450_000, 4_000_000, 1e-8 },    // Beijing 1954 3° GK zone 38 (prefix), inland: PROJ's ballpark too
        { 4326, 2434, 111.2, 36.13, 0.001 },         // Beijing 1954 3° GK CM 111°E
        { 4326, 21419, 111.5, 40.2, 0.001 },         // Beijing 1954 6° GK zone 19 (prefix)
        { 4326, 21460, 117.5, 30.2, 0.001 },         // Beijing 1954 6° GK CM 117°E
        { 32649, 2381, 612_345.6, 3_998_765.4, 0.001 },
        { 4214, 4326, 111.2, 36.13, 1e-9 },          // ballpark: unchanged, as PROJ
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Transform_MatchesGdaltransform(int from, int to, double x, double y, double tol)
    {
        var g = GdalReference.Transform($"EPSG:{from}", $"EPSG:{to}", x, y);
        double[] parts = [g.X, g.Y];
        var (ox, oy) = new CrsTransform(SpatialReference.FromEpsg(from), SpatialReference.FromEpsg(to)).Transform(x, y);
        Assert.True(Math.Abs(ox - parts[0]) <= tol && Math.Abs(oy - parts[1]) <= tol, $"ours ({ox:R}, {oy:R}) vs gdaltransform ({parts[0]:R}, {parts[1]:R})");
    }

    [Fact]
    public void UnsupportedEpsg_IsClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => new CrsTransform(SpatialReference.FromEpsg(2000), SpatialReference.Wgs84, "dem.tif"));
        Assert.Contains("dem.tif", e.Message);
        Assert.Contains("EPSG:2000", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new CrsTransform(SpatialReference.Unknown, SpatialReference.Wgs84, "x.tif"));
        Assert.Contains("unknown CRS", e2.Message);
    }

    [Theory]
    [InlineData(32649)]
    [InlineData(32750)]
    [InlineData(4547)]
    [InlineData(4526)]
    [InlineData(4499)]
    [InlineData(4505)]
    [InlineData(2364)]
    [InlineData(2381)]
    [InlineData(2414)]
    [InlineData(21419)]
    public void Identify_RecognisesEsriPrjWithoutAuthority(int epsg)
    {
        var wkt = EpsgRegistry.Wkt(epsg);
        var stripped = System.Text.RegularExpressions.Regex.Replace(wkt, @",AUTHORITY\[""EPSG"",""\d+""\]", "");
        Assert.Equal(epsg, EpsgRegistry.Identify(stripped));
    }
}
