using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>How the RUSLE LS factor is derived from a DEM.</summary>
public enum LsMethod
{
    /// <summary>
    /// Desmet &amp; Govers (1996) unit-contributing-area L with McCool et al. (1989) variable exponent m, times the S
    /// factor of <see cref="SlopeFactorMethod"/> (the form of SAGA's LS-factor "Desmet &amp; Govers" and of most Chinese
    /// RUSLE studies).
    /// </summary>
    DesmetGovers,
    /// <summary>Moore &amp; Burch (1986): LS = (As/22.13)^m·(sin θ/0.0896)^n with As = specific catchment area
    /// (flow accumulation × cell width, m), m = 0.4, n = 1.3 by default.</summary>
    MooreBurch,
}

/// <summary>The S (slope steepness) factor used with <see cref="LsMethod.DesmetGovers"/>.</summary>
public enum SlopeFactorMethod
{
    /// <summary>McCool et al. (1987): S = 10.8 sin θ + 0.03 for tan θ &lt; 9 %, else 16.8 sin θ − 0.50.</summary>
    McCool,
    /// <summary>McCool et al. (1987) below 10° and Liu et al. (1994) for steep slopes (θ ≥ 10°): S = 21.91 sin θ − 0.96;
    /// the split used in Chinese hill-country studies (θ &lt; 5°: 10.8 sin θ + 0.03; 5–10°: 16.8 sin θ − 0.50).</summary>
    McCoolLiu,
}

/// <summary>Options of <see cref="SlopeLength"/>.</summary>
/// <param name="Method">LS method, default Desmet–Govers.</param>
/// <param name="SlopeFactor">S factor for Desmet–Govers, default McCool–Liu (steep red-soil hills).</param>
/// <param name="MooreBurchM">Moore–Burch exponent m (0.4–0.6), default 0.4.</param>
/// <param name="MooreBurchN">Moore–Burch exponent n, default 1.3.</param>
public sealed record SlopeLengthOptions(LsMethod Method = LsMethod.DesmetGovers, SlopeFactorMethod SlopeFactor = SlopeFactorMethod.McCoolLiu,
    double MooreBurchM = 0.4, double MooreBurchN = 1.3);

/// <summary>
/// RUSLE topographic factor LS (part of C2, Eq. 3) from a DEM: slope θ (Horn), D8 flow accumulation
/// (<see cref="Terrain"/>), then one of <see cref="LsMethod"/>. Unitless (1 on the 22.13 m, 9 % unit plot).
/// The paper computes LS from its 30 m DEM without naming the method; Desmet–Govers is the default here.
/// </summary>
public static class SlopeLength
{
    /// <summary>McCool et al. (1989) rill/interrill ratio β = (sin θ/0.0896)/(3·sin^0.8 θ + 0.56) and m = β/(1 + β).</summary>
    public static double McCoolM(double slopeRadians)
    {
        double s = Math.Sin(slopeRadians);
        double beta = (s / 0.0896) / (3 * Math.Pow(s, 0.8) + 0.56);
        return beta / (1 + beta);
    }

    /// <summary>Slope steepness factor S for slope θ in radians.</summary>
    public static double SlopeFactor(double slopeRadians, SlopeFactorMethod method = SlopeFactorMethod.McCoolLiu)
    {
        double s = Math.Sin(slopeRadians);
        return method switch
        {
            SlopeFactorMethod.McCool => Math.Tan(slopeRadians) < 0.09 ? 10.8 * s + 0.03 : 16.8 * s - 0.50,
            SlopeFactorMethod.McCoolLiu => slopeRadians < 5 * Math.PI / 180 ? 10.8 * s + 0.03
                : slopeRadians < 10 * Math.PI / 180 ? 16.8 * s - 0.50 : 21.91 * s - 0.96,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown S factor method."),
        };
    }

    /// <summary>
    /// Desmet &amp; Govers (1996) L of one cell: L = [(A_in + D²)^(m+1) − A_in^(m+1)] / [D^(m+2)·x^m·22.13^m], with
    /// A_in the contributing area at the cell inlet (m²) = (accumulated cells − 1)·D², D the cell size (m),
    /// x = |sin α| + |cos α| for aspect α, and m from <see cref="McCoolM"/>.
    /// </summary>
    public static double DesmetGoversL(double inletArea, double cellSize, double slopeRadians, double x)
    {
        double m = McCoolM(slopeRadians);
        return (Math.Pow(inletArea + cellSize * cellSize, m + 1) - Math.Pow(inletArea, m + 1))
               / (Math.Pow(cellSize, m + 2) * Math.Pow(x, m) * Math.Pow(22.13, m));
    }

    /// <summary>Moore &amp; Burch (1986) LS of one cell from specific catchment area As (m) and slope θ (radians).</summary>
    public static double MooreBurch(double specificCatchmentArea, double slopeRadians, double m = 0.4, double n = 1.3) =>
        Math.Pow(specificCatchmentArea / 22.13, m) * Math.Pow(Math.Sin(slopeRadians) / 0.0896, n);

    /// <summary>LS raster from a DEM (metres, projected, square cells for Desmet–Govers; depression-filled).</summary>
    public static Raster Compute(BandRef dem, SlopeLengthOptions? options = null, PixelType outputType = PixelType.Float32)
    {
        var o = options ?? new SlopeLengthOptions();
        var (z, w, h, cx, cy, grid) = Terrain.Load(dem);
        if (o.Method == LsMethod.DesmetGovers && Math.Abs(cx - cy) > 1e-6 * cx)
            throw new ArgumentException($"Desmet–Govers LS needs square cells; the DEM has {cx} × {cy} m.", nameof(dem));
        var (gx, gy) = Terrain.Gradients(z, w, h, cx, cy);
        var acc = Terrain.FlowAccumulation(z, w, h, cx, cy);
        var ls = new double[z.Length];
        PixelMap.ParallelRows(h, r =>
        {
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                if (double.IsNaN(z[i])) { ls[i] = double.NaN; continue; }
                double g = Math.Sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
                double theta = Math.Atan(g);
                if (o.Method == LsMethod.MooreBurch) { ls[i] = MooreBurch(acc[i] * cx, theta, o.MooreBurchM, o.MooreBurchN); continue; }
                double x = g > 0 ? (Math.Abs(gx[i]) + Math.Abs(gy[i])) / g : 1;
                ls[i] = DesmetGoversL((acc[i] - 1) * cx * cx, cx, theta, x) * SlopeFactor(theta, o.SlopeFactor);
            }
        });
        return PixelMap.ToRaster(grid, ls, outputType);
    }
}
