using BitMiracle.LibTiff.Classic;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>Writes small TIFFs with LibTiff.NET directly, for layouts our writer never produces (separate planes, 1-bit, palette, JPEG).</summary>
internal static class LibTiffFixtures
{
    /// <summary>A uint16 tiled DEFLATE raster with <paramref name="bands"/> bands in separate planes; value = band·10000 + row·width + col.</summary>
    public static void SeparatePlanesUInt16(string path, int width, int height, int bands, int tile)
    {
        using var t = Tiff.Open(path, "w");
        t.SetField(TiffTag.IMAGEWIDTH, width);
        t.SetField(TiffTag.IMAGELENGTH, height);
        t.SetField(TiffTag.SAMPLESPERPIXEL, bands);
        t.SetField(TiffTag.BITSPERSAMPLE, 16);
        t.SetField(TiffTag.SAMPLEFORMAT, SampleFormat.UINT);
        t.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        t.SetField(TiffTag.PLANARCONFIG, PlanarConfig.SEPARATE);
        t.SetField(TiffTag.COMPRESSION, Compression.ADOBE_DEFLATE);
        t.SetField(TiffTag.TILEWIDTH, tile);
        t.SetField(TiffTag.TILELENGTH, tile);
        if (bands > 1) t.SetField(TiffTag.EXTRASAMPLES, bands - 1, new short[bands - 1]);
        int across = (width + tile - 1) / tile, down = (height + tile - 1) / tile;
        var buf = new byte[tile * tile * 2];
        for (int b = 0; b < bands; b++)
            for (int ty = 0; ty < down; ty++)
                for (int tx = 0; tx < across; tx++)
                {
                    Array.Clear(buf);
                    for (int y = 0; y < tile; y++)
                        for (int x = 0; x < tile; x++)
                        {
                            int col = tx * tile + x, row = ty * tile + y;
                            if (col >= width || row >= height) continue;
                            ushort v = Value(b, row, col, width);
                            BitConverter.TryWriteBytes(buf.AsSpan((y * tile + x) * 2), v);
                        }
                    t.WriteEncodedTile(b * across * down + ty * across + tx, buf, buf.Length);
                }
        t.WriteDirectory();
    }

    /// <summary>Pixel value of <see cref="SeparatePlanesUInt16"/>.</summary>
    public static ushort Value(int band, int row, int col, int width) => (ushort)((band * 10000 + row * width + col) % 65536);

    /// <summary>A 1-bit bilevel image (unsupported by the reader).</summary>
    public static void OneBit(string path)
    {
        using var t = Tiff.Open(path, "w");
        t.SetField(TiffTag.IMAGEWIDTH, 16);
        t.SetField(TiffTag.IMAGELENGTH, 4);
        t.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        t.SetField(TiffTag.BITSPERSAMPLE, 1);
        t.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        t.SetField(TiffTag.ROWSPERSTRIP, 4);
        t.WriteEncodedStrip(0, new byte[8], 8);
        t.WriteDirectory();
    }

    /// <summary>An 8-bit palette image (unsupported by the reader).</summary>
    public static void Palette(string path)
    {
        using var t = Tiff.Open(path, "w");
        t.SetField(TiffTag.IMAGEWIDTH, 4);
        t.SetField(TiffTag.IMAGELENGTH, 4);
        t.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        t.SetField(TiffTag.BITSPERSAMPLE, 8);
        t.SetField(TiffTag.PHOTOMETRIC, Photometric.PALETTE);
        var map = new short[256];
        t.SetField(TiffTag.COLORMAP, map, map, map);
        t.SetField(TiffTag.ROWSPERSTRIP, 4);
        t.WriteEncodedStrip(0, new byte[16], 16);
        t.WriteDirectory();
    }

    /// <summary>An 8-bit image with Compression = 7 (JPEG) declared (unsupported by the reader; rejected before decoding).</summary>
    public static void JpegCompressed(string path)
    {
        using var t = Tiff.Open(path, "w");
        t.SetField(TiffTag.IMAGEWIDTH, 16);
        t.SetField(TiffTag.IMAGELENGTH, 16);
        t.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        t.SetField(TiffTag.BITSPERSAMPLE, 8);
        t.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        t.SetField(TiffTag.COMPRESSION, Compression.JPEG);
        t.SetField(TiffTag.ROWSPERSTRIP, 16);
        t.WriteEncodedStrip(0, new byte[256], 256);
        t.WriteDirectory();
    }

    /// <summary>Byte offset and length of tile/strip <paramref name="index"/> in an existing file.</summary>
    public static (long Offset, long Length) BlockExtent(string path, int index)
    {
        using var t = Tiff.Open(path, "r");
        var off = t.GetField(t.IsTiled() ? TiffTag.TILEOFFSETS : TiffTag.STRIPOFFSETS)[0].Value;
        var cnt = t.GetField(t.IsTiled() ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS)[0].Value;
        return ((long)((ulong[])off)[index], (long)((ulong[])cnt)[index]);
    }
}
