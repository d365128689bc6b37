using EcoNotebooks.Rasters;

namespace EcoNotebooks.Indicators;

/// <summary>Options of the albedo–NDVI desertification index.</summary>
/// <param name="Normalise">Min–max normalise NDVI and albedo over the valid pixels before the regression (the paper's
/// N and A are "after normalization"); default true.</param>
/// <param name="SampleSize">Fit the regression on a uniform random sample of this many valid pixels (reservoir
/// sampling, seeded) instead of all of them; null = all pixels.</param>
/// <param name="Seed">Seed of the sample.</param>
public sealed record DesertificationOptions(bool Normalise = true, int? SampleSize = null, int Seed = 12345);

/// <summary>The fitted albedo–NDVI feature space A = a·N + b (Eq. 2) and the derived k = −1/a.</summary>
/// <param name="Slope">a, the OLS slope of albedo on NDVI (normally negative).</param>
/// <param name="Intercept">b, the intercept.</param>
/// <param name="Count">Pixels used in the fit.</param>
/// <param name="RSquared">Coefficient of determination of the fit.</param>
/// <param name="NdviMin">Minimum NDVI used for normalisation (NaN when not normalised).</param>
/// <param name="NdviMax">Maximum NDVI used for normalisation.</param>
/// <param name="AlbedoMin">Minimum albedo used for normalisation.</param>
/// <param name="AlbedoMax">Maximum albedo used for normalisation.</param>
public sealed record FeatureSpaceFit(double Slope, double Intercept, long Count, double RSquared,
    double NdviMin, double NdviMax, double AlbedoMin, double AlbedoMax)
{
    /// <summary>k = −1/a (Eq. 1): the DDI axis is perpendicular to the regression line in the N–A plane.</summary>
    public double K => -1.0 / Slope;
}

/// <summary>
/// Desertification difference index (C1, Eqs. 1–2, trend −; Zeng et al. 2006, Verstraete &amp; Pinty 1996):
/// fit A = a·N + b by ordinary least squares over the valid pixels of the normalised albedo A and normalised NDVI N,
/// then DDI = k·N − A with k = −1/a. The line DDI = const is perpendicular to the fitted albedo–NDVI trend, so DDI
/// orders pixels along the desertification gradient. Unitless; with normalised inputs and a ≈ −1, roughly −1–2.
/// R: <c>a &lt;- coef(lm(A ~ N))[2]; ddi &lt;- -1/a * N - A</c>.
/// <para>Sign caution: albedo falls as NDVI rises (a &lt; 0), so k = −1/a &gt; 0 and DDI as defined by Eq. 1 grows with
/// vegetation and shrinks with bare bright ground — higher DDI means less desertified. Table 2 nevertheless gives C1
/// the trend "−"; <see cref="IndicatorSystem"/> keeps the sign as printed and this function keeps Eq. 1 as printed,
/// so a user reproducing the paper should decide (and state) which of the two to follow.</para>
/// </summary>
public static class Desertification
{
    /// <summary>DDI of one pixel from (normalised) NDVI and albedo and k (Eq. 1).</summary>
    public static double Ddi(double ndvi, double albedo, double k) => k * ndvi - albedo;

    /// <summary>Min–max normalisation (x − min)/(max − min); NaN when max = min.</summary>
    public static double Normalise(double x, double min, double max) => max > min ? (x - min) / (max - min) : double.NaN;

    /// <summary>OLS fit of <paramref name="albedo"/> on <paramref name="ndvi"/> over index pairs where both are finite (Eq. 2).</summary>
    public static FeatureSpaceFit Fit(ReadOnlySpan<double> ndvi, ReadOnlySpan<double> albedo)
    {
        if (ndvi.Length != albedo.Length) throw new ArgumentException($"NDVI has {ndvi.Length} values but albedo has {albedo.Length}.", nameof(albedo));
        var acc = new Ols();
        for (int i = 0; i < ndvi.Length; i++) acc.Add(ndvi[i], albedo[i]);
        return acc.Result(double.NaN, double.NaN, double.NaN, double.NaN);
    }

    /// <summary>
    /// Fits the feature space on two rasters (one grid) and returns it; the rasters are streamed block by block.
    /// </summary>
    public static FeatureSpaceFit Fit(BandRef ndvi, BandRef albedo, DesertificationOptions? options = null)
    {
        var o = options ?? new DesertificationOptions();
        if (o.SampleSize is int s && s < 3) throw new ArgumentOutOfRangeException(nameof(options), s, "The regression sample needs at least 3 pixels.");
        var grid = PixelMap.CheckGrids([ndvi, albedo], ["ndvi", "albedo"]);
        double nMin = double.NaN, nMax = double.NaN, aMin = double.NaN, aMax = double.NaN;
        if (o.Normalise)
        {
            var ns = RasterStatistics.Compute(ndvi.Source, ndvi.Band);
            var al = RasterStatistics.Compute(albedo.Source, albedo.Band);
            (nMin, nMax, aMin, aMax) = (ns.Min, ns.Max, al.Min, al.Max);
            if (!(nMax > nMin)) throw new ArgumentException($"NDVI is constant ({nMin}) or empty; the feature space cannot be fitted.", nameof(ndvi));
            if (!(aMax > aMin)) throw new ArgumentException($"Albedo is constant ({aMin}) or empty; the feature space cannot be fitted.", nameof(albedo));
        }
        var acc = new Ols();
        var rng = new Random(o.Seed);
        var sx = o.SampleSize is int n1 ? new double[n1] : null;
        var sy = o.SampleSize is int n2 ? new double[n2] : null;
        long seen = 0;
        int rows = Math.Clamp(PixelMap.StripPixels / grid.Width, 1, grid.Height);
        var bx = new double[(long)rows * grid.Width];
        var by = new double[(long)rows * grid.Width];
        foreach (var w in RasterWindow.Blocks(grid.Width, grid.Height, grid.Width, rows))
        {
            var x = bx.AsSpan(0, (int)w.PixelCount); var y = by.AsSpan(0, (int)w.PixelCount);
            ndvi.Source.ReadWindow(ndvi.Band, w, x); NoData.ToNaN(x, ndvi.Source.NoData);
            albedo.Source.ReadWindow(albedo.Band, w, y); NoData.ToNaN(y, albedo.Source.NoData);
            for (int i = 0; i < x.Length; i++)
            {
                double xi = x[i], yi = y[i];
                if (!double.IsFinite(xi) || !double.IsFinite(yi)) continue;
                if (o.Normalise) { xi = Normalise(xi, nMin, nMax); yi = Normalise(yi, aMin, aMax); }
                if (sx is null) { acc.Add(xi, yi); continue; }
                // Reservoir sampling (Algorithm R): every valid pixel has the same chance to be in the sample.
                if (seen < sx.Length) { sx[seen] = xi; sy![seen] = yi; }
                else { long j = rng.NextInt64(seen + 1); if (j < sx.Length) { sx[j] = xi; sy![j] = yi; } }
                seen++;
            }
        }
        if (sx is not null) for (long i = 0; i < Math.Min(seen, sx.Length); i++) acc.Add(sx[i], sy![i]);
        return acc.Result(nMin, nMax, aMin, aMax);
    }

    /// <summary>DDI raster (Eq. 1) with the feature space fitted on the same rasters (Eq. 2); returns the map and the fit.</summary>
    public static (Raster Ddi, FeatureSpaceFit Fit) Compute(BandRef ndvi, BandRef albedo, DesertificationOptions? options = null,
        PixelType outputType = PixelType.Float32)
    {
        var fit = Fit(ndvi, albedo, options);
        return (Compute(ndvi, albedo, fit, outputType), fit);
    }

    /// <summary>DDI raster (Eq. 1) for a given fit (e.g. one fitted on a reference year), normalising with the fit's ranges when it has them.</summary>
    public static Raster Compute(BandRef ndvi, BandRef albedo, FeatureSpaceFit fit, PixelType outputType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(fit);
        double k = fit.K;
        bool norm = !double.IsNaN(fit.NdviMin);
        return PixelMap.Apply([ndvi, albedo], v => norm
            ? Ddi(Normalise(v[0], fit.NdviMin, fit.NdviMax), Normalise(v[1], fit.AlbedoMin, fit.AlbedoMax), k)
            : Ddi(v[0], v[1], k), outputType, ["ndvi", "albedo"]);
    }

    /// <summary>Streaming OLS accumulator (centred updates, numerically stable).</summary>
    private sealed class Ols
    {
        private long _n; private double _mx, _my, _sxx, _sxy, _syy;

        public void Add(double x, double y)
        {
            if (!double.IsFinite(x) || !double.IsFinite(y)) return;
            _n++;
            double dx = x - _mx, dy = y - _my;
            _mx += dx / _n; _my += dy / _n;
            _sxx += dx * (x - _mx); _syy += dy * (y - _my); _sxy += dx * (y - _my);
        }

        public FeatureSpaceFit Result(double nMin, double nMax, double aMin, double aMax)
        {
            if (_n < 3) throw new ArgumentException($"The albedo–NDVI regression needs at least 3 valid pixel pairs; got {_n}.");
            if (!(_sxx > 0)) throw new ArgumentException("NDVI has no variance over the valid pixels; the regression slope is undefined.");
            double a = _sxy / _sxx;
            if (a == 0) throw new ArgumentException("The albedo–NDVI slope is 0, so k = −1/a is undefined.");
            double r2 = _syy > 0 ? _sxy * _sxy / (_sxx * _syy) : double.NaN;
            return new FeatureSpaceFit(a, _my - a * _mx, _n, r2, nMin, nMax, aMin, aMax);
        }
    }
}
