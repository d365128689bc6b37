using System.Globalization;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Rasters.Warp;

/// <summary>
/// Guards agreement of <see cref="Warper"/> with gdalwarp (GDAL 3.6, <c>-et 0</c> for an exact transformer) on the same
/// target grids: same set of missing pixels and values within a stated tolerance. The source is a smooth float32
/// field (0–1) in WGS 84 / UTM 49N with nodata holes, written by our GeoTIFF writer.
/// </summary>
public class WarperGdalTests
{
    private const double NoDataValue = -9999;

    private static Raster Source()
    {
        var grid = RasterGrid.NorthUp(60, 45, 500_000, 4_000_000, 30, SpatialReference.Utm(49));
        var r = Raster.Create(grid, PixelType.Float32, 1, NoDataValue);
        for (int row = 0; row < grid.Height; row++)
            for (int c = 0; c < grid.Width; c++)
            {
                double v = 0.5 + 0.3 * Math.Sin(c / 7.0) * Math.Cos(row / 5.0) + 0.01 * ((c * 7 + row * 13) % 5);
                if ((c - 20) * (c - 20) + (row - 15) * (row - 15) < 6 || (c == 45 && row > 30)) v = NoDataValue;
                r.Band(0)[c, row] = v;
            }
        return r;
    }

    private static (Raster Ours, Raster Gdal) Run(string method, ResamplingMethod m, int epsg, double[] te, double res)
    {
        var gdalwarp = ExternalTools.Require("gdalwarp", "apt-get install gdal-bin");
        using var tmp = new TempDir();
        var src = Source();
        GeoTiff.Write(src, tmp.File("src.tif"));
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var (code, _, err) = ExternalTools.Run(gdalwarp, ["-q", "-overwrite", "-et", "0", "-r", method, "-t_srs", $"EPSG:{epsg}",
            "-te", F(te[0]), F(te[1]), F(te[2]), F(te[3]), "-tr", F(res), F(res), "-srcnodata", "-9999", "-dstnodata", "-9999", "-ot", "Float32",
            tmp.File("src.tif"), tmp.File("gdal.tif")]);
        Assert.True(code == 0, err);
        var gdal = GeoTiff.Read(tmp.File("gdal.tif"));
        var target = WarpGrid.FromExtent(SpatialReference.FromEpsg(epsg), te[0], te[1], te[2], te[3], res, res);
        Assert.Equal(gdal.Width, target.Width);
        Assert.Equal(gdal.Height, target.Height);
        Assert.True(gdal.Grid.Transform.ApproximatelyEquals(target.Transform), $"{gdal.Grid.Transform} vs {target.Transform}");
        var ours = Warper.Warp(src, target, m, sourceName: "src.tif");
        return (ours, gdal);
    }

    private static void AssertAgree(Raster ours, Raster gdal, double tol) =>
        GdalReference.AssertAgree(ours.Band(0).ToDoubleArray(), gdal.Band(0).ToDoubleArray(), tol);

    // Same CRS, 90 m = exactly 3×3 source pixels: block mean of valid pixels. Tolerance 1e-6 (float32 output).
    [SkippableFact]
    public void Average_ExactMultiple_MatchesGdalwarp()
    {
        var (o, g) = Run("average", ResamplingMethod.Average, 32649, [500_000, 4_000_000 - 1350, 501_800, 4_000_000], 90);
        AssertAgree(o, g, 1e-6);
    }

    // Same CRS, 100 m with an offset extent: fractional-overlap weights, partial pixels at the edges.
    [SkippableFact]
    public void Average_PartialPixels_MatchesGdalwarp()
    {
        var (o, g) = Run("average", ResamplingMethod.Average, 32649, [499_955, 3_998_615, 501_855, 4_000_015], 100);
        AssertAgree(o, g, 1e-6);
    }

    // Same CRS, finer offset grid: bilinear weights incl. renormalisation at edges and next to nodata.
    [SkippableFact]
    public void Bilinear_SameCrs_MatchesGdalwarp()
    {
        var (o, g) = Run("bilinear", ResamplingMethod.Bilinear, 32649, [499_990, 3_998_660, 501_810, 4_000_010], 20);
        AssertAgree(o, g, 1e-6);
    }

    // Same CRS, 75 m target from 30 m source (downsampling by 2.5).
    [SkippableFact]
    public void Bilinear_Downsampling_MatchesGdalwarp()
    {
        var (o, g) = Run("bilinear", ResamplingMethod.Bilinear, 32649, [500_000, 4_000_000 - 1350, 501_800, 4_000_000], 75);
        AssertAgree(o, g, 1e-6);
    }

    // UTM 49N → UTM 48N (≈ 3° west of the zone): ProjNET vs PROJ transverse Mercator differ by ≪ 1 mm here,
    // so values agree to 1e-5 and nearest picks the same pixels.
    [SkippableFact]
    public void Nearest_Bilinear_Average_AcrossUtmZones_MatchGdalwarp()
    {
        double[] te = [1_039_900, 4_015_000, 1_042_100, 4_016_900];
        var (o, g) = Run("near", ResamplingMethod.Nearest, 32648, te, 25);
        AssertAgree(o, g, 1e-6);
        (o, g) = Run("bilinear", ResamplingMethod.Bilinear, 32648, te, 25);
        AssertAgree(o, g, 1e-5);
        (o, g) = Run("bilinear", ResamplingMethod.Bilinear, 32648, te, 75);   // downsampling kernel across CRSs
        AssertAgree(o, g, 1e-5);
        (o, g) = Run("average", ResamplingMethod.Average, 32648, te, 100);
        AssertAgree(o, g, 1e-5);
    }

    // UTM 49N → geographic WGS 84 at ≈ 0.0003°.
    [SkippableFact]
    public void Nearest_Bilinear_ToGeographic_MatchGdalwarp()
    {
        double[] te = [110.9995, 36.1305, 111.0195, 36.1435];
        var (o, g) = Run("near", ResamplingMethod.Nearest, 4326, te, 0.0003);
        AssertAgree(o, g, 1e-6);
        (o, g) = Run("bilinear", ResamplingMethod.Bilinear, 4326, te, 0.0003);
        AssertAgree(o, g, 1e-5);
    }
}

