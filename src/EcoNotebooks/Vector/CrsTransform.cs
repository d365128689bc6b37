using EcoNotebooks.Rasters;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace EcoNotebooks.Vector;

/// <summary>
/// A coordinate transformation between two CRSs (ProjNET; definitions from <see cref="EpsgRegistry"/>). Coordinates
/// are (x, y) = (easting, northing) or (longitude, latitude) in degrees. Identical CRSs give the identity.
/// Python equivalent: <c>pyproj.Transformer.from_crs(src, dst, always_xy=True)</c>; GDAL: <c>gdaltransform -s_srs -t_srs</c>.
/// Accuracy: ProjNET's transverse Mercator follows Snyder's series, agreeing with PROJ's exact algorithm to
/// about a millimetre inside a zone (tested against gdaltransform). A spherical sinusoidal CRS (MODIS) on either side is
/// handled by <see cref="SinusoidalProjection"/> and chained with ProjNET through WGS 84 longitude/latitude.
/// Points a transformation cannot map (outside the sinusoidal outline) come out as NaN.
/// </summary>
public sealed class CrsTransform
{
    private readonly MathTransform? _math;

    /// <summary>Creates the transformation from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Source CRS.</param>
    /// <param name="target">Target CRS.</param>
    /// <param name="sourceName">Name of the source (a file) in error messages.</param>
    /// <param name="targetName">Name of the target in error messages.</param>
    public CrsTransform(SpatialReference source, SpatialReference target, string sourceName = "source", string targetName = "target")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Source = source; Target = target;
        if (source.SameAs(target) && !source.IsUnknown) return;
        // A sinusoidal side is unprojected/projected here and meets ProjNET at WGS 84 longitude/latitude.
        var sourceSinusoidal = SinusoidalProjection.TryParse(source, sourceName);
        var targetSinusoidal = SinusoidalProjection.TryParse(target, targetName);
        var s = sourceSinusoidal is null ? EpsgRegistry.Get(source, sourceName) : EpsgRegistry.Get(4326);
        var t = targetSinusoidal is null ? EpsgRegistry.Get(target, targetName) : EpsgRegistry.Get(4326);
        _math = Chain.Of(
            sourceSinusoidal is null ? null : new SinusoidalStep(sourceSinusoidal, inverse: true),
            ReferenceEquals(s, t) || IsWgs84Geographic(s, t) ? null : Create(s, t),
            targetSinusoidal is null ? null : new SinusoidalStep(targetSinusoidal, inverse: false));
    }

    /// <summary>
    /// ProjNET transformation, except between two datums of which one has no TOWGS84 and the ellipsoids differ: ProjNET
    /// would convert through geocentric coordinates without a shift (moving points by metres), whereas PROJ/GDAL, knowing
    /// no transformation, keep latitude and longitude unchanged ("ballpark"). We do what PROJ does. Null = identity.
    /// </summary>
    private static MathTransform? Create(CoordinateSystem s, CoordinateSystem t)
    {
        var factory = new CoordinateTransformationFactory();
        var sg = Geographic(s);
        var tg = Geographic(t);
        if (sg is not null && tg is not null && !SameEllipsoid(sg, tg) && (sg.HorizontalDatum.Wgs84Parameters is null || tg.HorizontalDatum.Wgs84Parameters is null))
        {
            var first = ReferenceEquals(s, sg) ? null : factory.CreateFromCoordinateSystems(s, sg).MathTransform;
            var last = ReferenceEquals(t, tg) ? null : factory.CreateFromCoordinateSystems(tg, t).MathTransform;
            return Chain.Of(first, last);   // null: two geographic CRSs, the same longitude/latitude
        }
        return factory.CreateFromCoordinateSystems(s, t).MathTransform;
    }

    private static bool IsWgs84Geographic(CoordinateSystem a, CoordinateSystem b) =>
        a is GeographicCoordinateSystem && b is GeographicCoordinateSystem && a.AuthorityCode == 4326 && b.AuthorityCode == 4326;

    private static GeographicCoordinateSystem? Geographic(CoordinateSystem cs) => cs switch
    {
        GeographicCoordinateSystem g => g,
        ProjectedCoordinateSystem p => p.GeographicCoordinateSystem,
        _ => null,
    };

    private static bool SameEllipsoid(GeographicCoordinateSystem a, GeographicCoordinateSystem b)
    {
        var ea = a.HorizontalDatum.Ellipsoid; var eb = b.HorizontalDatum.Ellipsoid;
        return Math.Abs(ea.SemiMajorAxis - eb.SemiMajorAxis) < 1e-6 && Math.Abs(ea.InverseFlattening - eb.InverseFlattening) < 1e-9;
    }

    /// <summary>Steps applied in order (a ballpark datum change is the empty step between two of them); NaN stops.</summary>
    private sealed class Chain : MathTransform
    {
        private readonly MathTransform[] _steps;
        private Chain(MathTransform[] steps) => _steps = steps;

        /// <summary>The non-null steps as one transformation; null when there is none.</summary>
        public static MathTransform? Of(params MathTransform?[] steps)
        {
            var s = steps.OfType<MathTransform>().ToArray();
            return s.Length switch { 0 => null, 1 => s[0], _ => new Chain(s) };
        }

        public override int DimSource => 2;
        public override int DimTarget => 2;
        public override string WKT => throw new NotSupportedException();
        public override string XML => throw new NotSupportedException();
        public override MathTransform Inverse() => throw new NotSupportedException();
        public override void Invert() => throw new NotSupportedException();
        public override void Transform(ref double x, ref double y, ref double z)
        {
            foreach (var step in _steps)
            {
                if (double.IsNaN(x) || double.IsNaN(y)) { x = y = double.NaN; return; }
                step.Transform(ref x, ref y, ref z);
            }
        }
    }

    /// <summary>The spherical sinusoidal projection as a step: inverse (x, y → lon, lat) or forward.</summary>
    private sealed class SinusoidalStep(SinusoidalProjection projection, bool inverse) : MathTransform
    {
        public override int DimSource => 2;
        public override int DimTarget => 2;
        public override string WKT => throw new NotSupportedException();
        public override string XML => throw new NotSupportedException();
        public override MathTransform Inverse() => throw new NotSupportedException();
        public override void Invert() => throw new NotSupportedException();
        public override void Transform(ref double x, ref double y, ref double z) =>
            (x, y) = inverse ? projection.Inverse(x, y) : projection.Forward(x, y);
    }

    /// <summary>Source CRS.</summary>
    public SpatialReference Source { get; }
    /// <summary>Target CRS.</summary>
    public SpatialReference Target { get; }
    /// <summary>True when source and target are the same CRS (no arithmetic is done).</summary>
    public bool IsIdentity => _math is null;

    /// <summary>Transforms one point.</summary>
    public (double X, double Y) Transform(double x, double y) => _math is null ? (x, y) : _math.Transform(x, y);

    /// <summary>Transforms points in place (xs[i], ys[i]).</summary>
    public void Transform(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length) throw new ArgumentException($"xs has {xs.Length} values but ys has {ys.Length}.", nameof(ys));
        if (IsIdentity) return;
        for (int i = 0; i < xs.Length; i++) (xs[i], ys[i]) = Transform(xs[i], ys[i]);
    }
}
