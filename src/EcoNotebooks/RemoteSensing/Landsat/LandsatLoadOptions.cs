using EcoNotebooks.Vector;

namespace EcoNotebooks.RemoteSensing.Landsat;

/// <summary>Options of <see cref="LandsatScene.Load"/>.</summary>
public sealed record LandsatLoadOptions
{
    /// <summary>Default options: no boundary, default cloud mask applied, thermal layers read when present.</summary>
    public static LandsatLoadOptions Default { get; } = new();

    /// <summary>Study area: the bands are read only in its bounding-box window and pixels outside it are masked. Null = whole scene.</summary>
    public Boundary? Boundary { get; init; }

    /// <summary>QA_PIXEL flags that make a pixel not clear (default: fill, dilated cloud, cirrus, cloud, cloud shadow).</summary>
    public QaPixelFlags CloudMask { get; init; } = QaPixel.DefaultCloudMask;

    /// <summary>When true (default), reflectance and thermal pixels that are not clear are set to NaN; the mask is returned in any case.</summary>
    public bool ApplyCloudMask { get; init; } = true;

    /// <summary>Read ST_B6/ST_B10 (surface temperature) and ST_TRAD (thermal radiance) when the product has them (L2SP).</summary>
    public bool IncludeThermal { get; init; } = true;

    /// <summary>Require the thermal layers (an L2SR product without them then fails with a one-line error).</summary>
    public bool RequireThermal { get; init; }
}
