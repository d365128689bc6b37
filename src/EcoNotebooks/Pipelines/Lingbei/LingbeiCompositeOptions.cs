using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Landsat;

namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>
/// How <see cref="LingbeiDataset.Load"/> turns the Landsat scene folders of a year into the year's band layers: the
/// compositing window (the paper: August–December), the method and the QA_PIXEL flags that mask a pixel.
/// </summary>
public sealed record LingbeiCompositeOptions
{
    /// <summary>The paper's choice: August–December, cloud-masked per-pixel median.</summary>
    public static LingbeiCompositeOptions Default { get; } = new();

    /// <summary>First month of the window, 1–12 (default 8, August).</summary>
    public int FirstMonth { get; init; } = 8;

    /// <summary>Last month of the window, FirstMonth–12 (default 12, December). A scene outside the window is an error naming it.</summary>
    public int LastMonth { get; init; } = 12;

    /// <summary>Per-pixel combination of the clear observations (default median; GEE <c>ImageCollection.median()</c>).</summary>
    public CompositeMethod Method { get; init; } = CompositeMethod.Median;

    /// <summary>QA_PIXEL flags that make an observation unusable (default fill, dilated cloud, cirrus, cloud, cloud shadow).</summary>
    public QaPixelFlags CloudMask { get; init; } = QaPixel.DefaultCloudMask;

    /// <summary>The compositing period of <paramref name="year"/>; throws when the months are out of range.</summary>
    public CompositePeriod Period(int year) => CompositePeriod.Months(year, FirstMonth, LastMonth);
}
