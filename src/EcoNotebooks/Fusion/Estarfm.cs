using EcoNotebooks.Rasters;
using MathNet.Numerics.Distributions;

namespace EcoNotebooks.Fusion;

/// <summary>
/// ESTARFM, the Enhanced Spatial and Temporal Adaptive Reflectance Fusion Model (Zhu, Chen, Gao, Chen &amp; Masek 2010,
/// Remote Sensing of Environment 114: 2610–2623), for one band (e.g. NDVI), as used by the Changhe paper (Eq. 1) to
/// fuse MODIS (250 m, 16-day) and Landsat (30 m) NDVI.
/// <para>Inputs are fine images F(tm), F(tn) and coarse images C(tm), C(tn), C(tp), all on the fine grid (coarse data
/// resampled to it). For each fine pixel, within a window of w × w pixels:</para>
/// <list type="number">
/// <item>similar pixels i satisfy |F_i(tk) − F_c(tk)| ≤ 2σ(tk)/m at both base dates (σ: standard deviation of the fine image);</item>
/// <item>weights W_i = (1/D_i)/Σ(1/D_i) with D_i = (1 − R_i)·d_i and d_i = 1 + distance/(w/2); with a single band and two
///   dates the spectral correlation R_i is not defined, so R_i = 0 and the weights are inverse relative distance;</item>
/// <item>the conversion coefficient V is the least-squares slope of fine on coarse values of the similar pixels at both
///   dates; when fewer than the minimum similar pixels, the slope is not significant (t test, 5 %), negative or above the
///   maximum, V = 1 (as Zhu et al.'s IDL code falls back);</item>
/// <item>predictions from each base date F_k(tp) = F_c(tk) + Σ W_i·V·(C_i(tp) − C_i(tk));</item>
/// <item>temporal weights T_k = (1/|Σ C(tk) − Σ C(tp)|) / Σ_k (1/|Σ C(tk) − Σ C(tp)|) over the window's coarse values;
///   a base date with no change gets all the weight;</item>
/// <item>F(tp) = T_m·F_m(tp) + T_n·F_n(tp) (Eq. 1).</item>
/// </list>
/// Missing pixels (NaN/nodata) are excluded; a pixel missing in any input is missing in the output. Parallel over rows.
/// </summary>
public static class Estarfm
{
    /// <summary>Predicts the fine image at tp.</summary>
    /// <param name="fineM">Fine image at base date tm.</param>
    /// <param name="coarseM">Coarse image at tm, resampled to the fine grid.</param>
    /// <param name="fineN">Fine image at base date tn.</param>
    /// <param name="coarseN">Coarse image at tn on the fine grid.</param>
    /// <param name="coarseP">Coarse image at the prediction date tp on the fine grid.</param>
    /// <param name="options">Window size, classes, fallbacks.</param>
    /// <returns>float64 raster of the predicted fine image at tp.</returns>
    public static Raster Predict(IRasterSource fineM, IRasterSource coarseM, IRasterSource fineN, IRasterSource coarseN, IRasterSource coarseP, EstarfmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fineM); ArgumentNullException.ThrowIfNull(coarseM); ArgumentNullException.ThrowIfNull(fineN);
        ArgumentNullException.ThrowIfNull(coarseN); ArgumentNullException.ThrowIfNull(coarseP);
        var o = (options ?? new EstarfmOptions()).Validate();
        var grid = fineM.Grid;
        grid.EnsureSameGrid(coarseM.Grid, "fine image at tm", "coarse image at tm");
        grid.EnsureSameGrid(fineN.Grid, "fine image at tm", "fine image at tn");
        grid.EnsureSameGrid(coarseN.Grid, "fine image at tm", "coarse image at tn");
        grid.EnsureSameGrid(coarseP.Grid, "fine image at tm", "coarse image at tp");
        int w = grid.Width, h = grid.Height, half = o.WindowSize / 2;
        var f1 = fineM.ReadBand(); var c1 = coarseM.ReadBand(); var f2 = fineN.ReadBand(); var c2 = coarseN.ReadBand(); var cp = coarseP.ReadBand();
        double thr1 = 2 * StdDev(f1) / o.Classes, thr2 = 2 * StdDev(f2) / o.Classes;
        var result = new double[(long)w * h];
        Parallel.For(0, h, row =>
        {
            var idx = new List<int>(o.WindowSize * o.WindowSize);
            var weights = new double[o.WindowSize * o.WindowSize];
            for (int col = 0; col < w; col++)
            {
                int c = row * w + col;
                if (double.IsNaN(f1[c]) || double.IsNaN(f2[c]) || double.IsNaN(c1[c]) || double.IsNaN(c2[c]) || double.IsNaN(cp[c])) { result[c] = double.NaN; continue; }
                idx.Clear();
                double sumC1 = 0, sumC2 = 0, sumCp = 0;
                int r0 = Math.Max(0, row - half), r1 = Math.Min(h - 1, row + half), q0 = Math.Max(0, col - half), q1 = Math.Min(w - 1, col + half);
                for (int r = r0; r <= r1; r++)
                    for (int q = q0; q <= q1; q++)
                    {
                        int i = r * w + q;
                        if (double.IsNaN(f1[i]) || double.IsNaN(f2[i]) || double.IsNaN(c1[i]) || double.IsNaN(c2[i]) || double.IsNaN(cp[i])) continue;
                        sumC1 += c1[i]; sumC2 += c2[i]; sumCp += cp[i];
                        if (Math.Abs(f1[i] - f1[c]) <= thr1 && Math.Abs(f2[i] - f2[c]) <= thr2) idx.Add(i);
                    }
                // Weights (inverse relative distance; R_i = 0 for one band, see summary).
                double wsum = 0;
                for (int k = 0; k < idx.Count; k++)
                {
                    int i = idx[k];
                    double dist = Math.Sqrt(Math.Pow(i / w - row, 2) + Math.Pow(i % w - col, 2));
                    weights[k] = 1 / (1 + dist / (o.WindowSize / 2.0));
                    wsum += weights[k];
                }
                double v = ConversionCoefficient(idx, f1, c1, f2, c2, o);
                double dm = 0, dn = 0;
                for (int k = 0; k < idx.Count; k++)
                {
                    int i = idx[k]; double wi = weights[k] / wsum;
                    dm += wi * v * (cp[i] - c1[i]);
                    dn += wi * v * (cp[i] - c2[i]);
                }
                double predM = f1[c] + dm, predN = f2[c] + dn;
                double am = Math.Abs(sumC1 - sumCp), an = Math.Abs(sumC2 - sumCp);
                double tm = am == 0 && an == 0 ? 0.5 : am == 0 ? 1 : an == 0 ? 0 : (1 / am) / (1 / am + 1 / an);
                result[c] = tm * predM + (1 - tm) * predN;
            }
        });
        return Raster.FromArray(grid, result);
    }

    /// <summary>Least-squares slope of fine on coarse over the similar pixels at both dates, with the fallbacks of the summary.</summary>
    internal static double ConversionCoefficient(List<int> idx, double[] f1, double[] c1, double[] f2, double[] c2, EstarfmOptions o)
    {
        int n = idx.Count * 2;
        if (idx.Count < o.MinimumSimilarPixels) return 1;
        double mx = 0, my = 0;
        foreach (int i in idx) { mx += c1[i] + c2[i]; my += f1[i] + f2[i]; }
        mx /= n; my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        foreach (int i in idx)
        {
            double dx1 = c1[i] - mx, dy1 = f1[i] - my, dx2 = c2[i] - mx, dy2 = f2[i] - my;
            sxx += dx1 * dx1 + dx2 * dx2; sxy += dx1 * dy1 + dx2 * dy2; syy += dy1 * dy1 + dy2 * dy2;
        }
        if (sxx <= 0) return 1;
        double slope = sxy / sxx;
        double rss = Math.Max(syy - slope * sxy, 0);
        if (n > 2)
        {
            double se = Math.Sqrt(rss / (n - 2) / sxx);
            if (se > 0)
            {
                double t = Math.Abs(slope / se);
                if (t < StudentT.InvCDF(0, 1, n - 2, 0.975)) return 1;
            }
        }
        return slope is > 0 && double.IsFinite(slope) && slope <= o.MaximumConversionCoefficient ? slope : 1;
    }


    private static double StdDev(double[] v)
    {
        double m = 0; long n = 0;
        foreach (double x in v) if (!double.IsNaN(x)) { m += x; n++; }
        if (n < 2) return 0;
        m /= n;
        double s = 0;
        foreach (double x in v) if (!double.IsNaN(x)) s += (x - m) * (x - m);
        return Math.Sqrt(s / (n - 1));
    }
}
