using EcoNotebooks.Rasters;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// One-line entry points for GeoTIFF files: <see cref="Read"/> a whole raster into memory, <see cref="Open"/> a
/// streaming reader, <see cref="Write"/> any <see cref="IRasterSource"/> block by block, <see cref="Copy"/> a file.
/// </summary>
/// <remarks>Python equivalents: <c>rasterio.open(path).read()</c>; <c>gdal_translate -of GTiff IN OUT</c> for
/// <see cref="Copy"/>. Layout and georeferencing rules are those of <see cref="GeoTiffReader"/> and
/// <see cref="GeoTiffWriter"/>.</remarks>
public static class GeoTiff
{
    /// <summary>Reads every band of <paramref name="path"/> into an in-memory <see cref="Raster"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FileFormatException">Not a TIFF, truncated, corrupt or unsupported layout.</exception>
    public static Raster Read(string path)
    {
        using var reader = GeoTiffReader.Open(path);
        return Raster.Load(reader);
    }

    /// <summary>Opens a streaming reader (dispose it when done); see <see cref="GeoTiffReader.Open(string)"/>.</summary>
    public static GeoTiffReader Open(string path) => GeoTiffReader.Open(path);

    /// <summary>
    /// Writes <paramref name="source"/> to <paramref name="path"/> block by block (the target's tiles or strips in
    /// row-major order, all bands of a block before the next), so only about one row of blocks is in memory. The
    /// output appears atomically; on failure nothing is left at <paramref name="path"/>. Refuses to overwrite the file
    /// a <see cref="GeoTiffReader"/> source reads from.
    /// </summary>
    /// <param name="source">Pixels, grid, pixel type and nodata to write.</param>
    /// <param name="path">Output .tif path.</param>
    /// <param name="options">Layout and compression; <see cref="GeoTiffWriteOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the fraction done, 0–1, after each block row.</param>
    public static void Write(IRasterSource source, string path, GeoTiffWriteOptions? options = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (source is GeoTiffReader r) AtomicFile.EnsureNotSameFile(r.Path, path);
        using var writer = new GeoTiffWriter(path, source.Grid, source.PixelType, source.BandCount, source.NoData, options);
        var (bw, bh) = writer.BlockSize;
        int width = source.Grid.Width, height = source.Grid.Height;
        var buffer = new double[(long)Math.Min(bw, width) * Math.Min(bh, height)];
        int lastRow = -1;
        foreach (var w in RasterWindow.Blocks(width, height, bw, bh))
        {
            var span = buffer.AsSpan(0, (int)w.PixelCount);
            for (int b = 0; b < source.BandCount; b++)
            {
                source.ReadWindow(b, w, span);
                writer.WriteWindow(b, w, span);
            }
            if (w.YOffset != lastRow && w.XOffset + w.Width == width)
            {
                lastRow = w.YOffset;
                progress?.Report((double)(w.YOffset + w.Height) / height);
            }
        }
        writer.Complete();
    }

    /// <summary>Copies the GeoTIFF <paramref name="input"/> to <paramref name="output"/> through the streaming reader and writer (re-encoding with <paramref name="options"/>). Refuses <paramref name="output"/> = <paramref name="input"/>.</summary>
    public static void Copy(string input, string output, GeoTiffWriteOptions? options = null, IProgress<double>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        AtomicFile.EnsureNotSameFile(input, output);
        using var reader = GeoTiffReader.Open(input);
        Write(reader, output, options, progress);
    }
}
