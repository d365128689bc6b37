namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>Where the Landsat layers of one year of a <see cref="LingbeiDataset"/> came from.</summary>
/// <param name="Year">Study year.</param>
/// <param name="Route"><c>"scenes"</c> (Collection 2 scene folders composited by the loader) or <c>"prepared"</c> (a ready 7-band landsat_YYYY.tif).</param>
/// <param name="Files">Scene folders (in compositing order) or the prepared file.</param>
/// <param name="Dates">Acquisition dates of the scenes (empty for a prepared layer).</param>
/// <param name="ClearPercent">Per scene, the share of study-area pixels that are clear in QA_PIXEL, % (empty for a prepared layer).</param>
/// <param name="Method">Compositing method (null for a prepared layer).</param>
public sealed record LingbeiLandsatSource(int Year, string Route, IReadOnlyList<string> Files, IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<double> ClearPercent, EcoNotebooks.RemoteSensing.CompositeMethod? Method);
