using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Interpolation;

/// <summary>Options of <see cref="StationInterpolation.Interpolate"/>.</summary>
public sealed record StationInterpolationOptions
{
    /// <summary>The method (default thin-plate spline, as ANUSPLIN in the Changhe paper).</summary>
    public StationInterpolationMethod Method { get; init; } = StationInterpolationMethod.ThinPlateSpline;
    /// <summary>IDW distance power, &gt; 0 (default 2).</summary>
    public double Power { get; init; } = 2;
    /// <summary>Thin-plate λ (null = choose by GCV).</summary>
    public double? Lambda { get; init; }
    /// <summary>Use elevation as a linear covariate in the thin-plate spline (needs station elevations and a DEM on the target grid).</summary>
    public bool ElevationCovariate { get; init; } = true;
    /// <summary>Variogram model for kriging (default spherical).</summary>
    public VariogramModelType Variogram { get; init; } = VariogramModelType.Spherical;
}

/// <summary>
/// Interpolates station values (a <see cref="StationTable"/> date) onto a raster grid: stations are reprojected to the
/// grid's CRS, then IDW, ordinary kriging or the partial thin-plate spline is evaluated at every pixel centre. With the
/// elevation covariate the DEM must be on the target grid; pixels where the DEM is missing are NaN.
/// </summary>
public static class StationInterpolation
{
    /// <summary>Interpolates <paramref name="stations"/> (coordinates in <paramref name="stationCrs"/>) onto <paramref name="grid"/>.</summary>
    public static Raster Interpolate(IReadOnlyList<StationObservation> stations, SpatialReference stationCrs, RasterGrid grid,
        StationInterpolationOptions? options = null, IRasterSource? dem = null, string source = "stations")
    {
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(grid);
        options ??= new StationInterpolationOptions();
        if (stations.Count == 0) throw new ArgumentException($"{source}: no stations to interpolate.", nameof(stations));
        var tr = new CrsTransform(stationCrs, grid.Crs, source, "target grid");
        int n = stations.Count;
        var x = new double[n]; var y = new double[n]; var z = new double[n];
        for (int i = 0; i < n; i++) { (x[i], y[i]) = tr.Transform(stations[i].X, stations[i].Y); z[i] = stations[i].Value; }
        int w = grid.Width, h = grid.Height;
        var result = new double[grid.PixelCount];
        switch (options.Method)
        {
            case StationInterpolationMethod.InverseDistance:
                Parallel.For(0, h, r =>
                {
                    for (int c = 0; c < w; c++)
                    {
                        var (px, py) = grid.Transform.PixelCentre(c, r);
                        result[(long)r * w + c] = InverseDistance.Predict(x, y, z, px, py, options.Power);
                    }
                });
                return Raster.FromArray(grid, result);
            case StationInterpolationMethod.OrdinaryKriging:
            {
                var ev = EmpiricalVariogram.Compute(x, y, z);
                var fit = VariogramFit.Fit(ev, options.Variogram);
                return new OrdinaryKriging(x, y, z, fit.Model).PredictGrid(grid).Prediction;
            }
            case StationInterpolationMethod.ThinPlateSpline:
            {
                double[]? elev = null;
                if (options.ElevationCovariate)
                {
                    if (dem is null) throw new ArgumentException($"{source}: the thin-plate spline with elevation needs a DEM on the target grid (or set ElevationCovariate = false).", nameof(dem));
                    grid.EnsureSameGrid(dem.Grid, "target grid", "DEM");
                    for (int i = 0; i < n; i++)
                        if (double.IsNaN(stations[i].Elevation)) throw new ArgumentException($"{source}: station '{stations[i].Station}' has no elevation; the elevation covariate needs one per station.", nameof(stations));
                    elev = new double[grid.PixelCount];
                    dem.ReadWindow(0, new RasterWindow(0, 0, w, h), elev);
                    NoData.ToNaN(elev, dem.NoData);
                }
                var tps = ThinPlateSpline.Fit(x, y, elev is null ? null : stations.Select(s => new[] { s.Elevation }).ToArray(), z, options.Lambda);
                Parallel.For(0, h, r =>
                {
                    Span<double> cov = stackalloc double[elev is null ? 0 : 1];
                    for (int c = 0; c < w; c++)
                    {
                        long k = (long)r * w + c;
                        var (px, py) = grid.Transform.PixelCentre(c, r);
                        if (elev is not null) { if (double.IsNaN(elev[k])) { result[k] = double.NaN; continue; } cov[0] = elev[k]; }
                        result[k] = tps.Predict(px, py, cov);
                    }
                });
                return Raster.FromArray(grid, result);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown interpolation method.");
        }
    }
}
