using EcoNotebooks.Fusion;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples;

namespace EcoNotebooks.Tests.Fusion;

public class EstarfmTests
{
    private static readonly RasterGrid Grid = RasterGrid.NorthUp(80, 80, 0, 0, 30, SpatialReference.Utm(49));

    /// <summary>Block-averages a fine image to coarse cells of <paramref name="factor"/> pixels and puts it back on the fine grid (as resampling MODIS to 30 m does).</summary>
    private static double[] Coarsen(double[] fine, int factor)
    {
        int w = Grid.Width, h = Grid.Height;
        var outp = new double[fine.Length];
        for (int by = 0; by < h; by += factor)
            for (int bx = 0; bx < w; bx += factor)
            {
                double s = 0; int n = 0;
                for (int y = by; y < Math.Min(h, by + factor); y++) for (int x = bx; x < Math.Min(w, bx + factor); x++) { s += fine[y * w + x]; n++; }
                for (int y = by; y < Math.Min(h, by + factor); y++) for (int x = bx; x < Math.Min(w, bx + factor); x++) outp[y * w + x] = s / n;
            }
        return outp;
    }

    private static double Rmse(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Average());

    [Fact]
    public void Uniform_change_is_recovered_exactly()
    {
        var rng = new SeededRandom(3);
        var f1 = rng.SmoothField(Grid.Width, Grid.Height, 6).Select(v => 0.4 + 0.1 * v).ToArray();
        var f2 = f1.Select(v => v + 0.2).ToArray();
        var fp = f1.Select(v => v + 0.05).ToArray();
        var pred = Estarfm.Predict(Raster.FromArray(Grid, f1), Raster.FromArray(Grid, Coarsen(f1, 8)), Raster.FromArray(Grid, f2), Raster.FromArray(Grid, Coarsen(f2, 8)),
            Raster.FromArray(Grid, Coarsen(fp, 8)), new EstarfmOptions { WindowSize = 15 });
        // Fine − coarse is the same at every date, so V = 1 and both base-date predictions equal the truth.
        Assert.True(Rmse(pred[0].ToDoubleArray(), fp) < 1e-3, $"RMSE {Rmse(pred[0].ToDoubleArray(), fp)}");
    }

    [Fact]
    public void Recovers_a_known_fine_image_from_two_classes_with_different_phenology()
    {
        // Two classes (cropland greening fast, forest slowly) in a random patchwork; 8×8 fine pixels per coarse cell (240 m ~ MODIS 250 m).
        var rng = new SeededRandom(11);
        var field = rng.SmoothField(Grid.Width, Grid.Height, 5);
        var isCrop = field.Select(v => v > 0).ToArray();
        double[] Image(double crop, double forest) => isCrop.Select((c, i) => (c ? crop : forest) + 0.01 * Math.Sin(i)).ToArray();
        var f1 = Image(0.20, 0.55); var fp = Image(0.50, 0.62); var f2 = Image(0.70, 0.68);
        var c1 = Coarsen(f1, 8); var c2 = Coarsen(f2, 8); var cp = Coarsen(fp, 8);
        var pred = Estarfm.Predict(Raster.FromArray(Grid, f1), Raster.FromArray(Grid, c1), Raster.FromArray(Grid, f2), Raster.FromArray(Grid, c2),
            Raster.FromArray(Grid, cp), new EstarfmOptions { WindowSize = 25, Classes = 2 })[0].ToDoubleArray();
        double errFused = Rmse(pred, fp), errCoarse = Rmse(cp, fp);
        Assert.True(errFused < 0.03, $"ESTARFM RMSE {errFused:F4}");
        Assert.True(errFused < 0.35 * errCoarse, $"ESTARFM RMSE {errFused:F4} vs coarse-only {errCoarse:F4}");
    }

    [Fact]
    public void Mismatched_grids_and_bad_window_are_rejected()
    {
        var a = Raster.FromArray(Grid, new double[Grid.PixelCount]);
        var other = Raster.FromArray(RasterGrid.NorthUp(80, 80, 30, 0, 30, SpatialReference.Utm(49)), new double[Grid.PixelCount]);
        Assert.Throws<ArgumentException>(() => Estarfm.Predict(a, a, a, a, other));
        Assert.Throws<ArgumentOutOfRangeException>(() => Estarfm.Predict(a, a, a, a, a, new EstarfmOptions { WindowSize = 4 }));
    }
}
