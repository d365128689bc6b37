namespace EcoNotebooks.Rasters;

/// <summary>
/// A raster source whose <see cref="IRasterSource.ReadWindow"/> may be called from several threads at once (for
/// example a <see cref="IO.GeoTiff.GeoTiffReader"/>, which decodes block-aligned windows in parallel). Streaming
/// algorithms such as <see cref="Weighting.CompositeIndex.ComputeToSink"/> then process different blocks of the same
/// source concurrently; for other sources they read each source from one thread at a time.
/// </summary>
public interface IConcurrentRasterSource : IRasterSource
{
}
