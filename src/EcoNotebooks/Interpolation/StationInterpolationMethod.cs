namespace EcoNotebooks.Interpolation;

/// <summary>Method used to interpolate station values onto a grid.</summary>
public enum StationInterpolationMethod
{
    /// <summary>Inverse distance weighting (<see cref="InverseDistance"/>); R gstat <c>idw</c>.</summary>
    InverseDistance,
    /// <summary>Ordinary kriging with a variogram fitted by gstat-style WLS (<c>EcoNotebooks.Spatial.OrdinaryKriging</c>); R gstat <c>krige</c>.</summary>
    OrdinaryKriging,
    /// <summary>Partial thin-plate smoothing spline with elevation as a linear covariate, λ by GCV (<see cref="ThinPlateSpline"/>); ANUSPLIN.</summary>
    ThinPlateSpline,
}
