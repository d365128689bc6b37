using BitMiracle.LibTiff.Classic;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>
/// DEFLATE blocks are decoded (and written) with .NET's zlib and our own predictor code (for speed). References: (1) LibTiff.NET's own
/// encoder writes little-endian layouts (strips and tiles, contiguous and separate planes, every predictor) and big-endian
/// files without predictor; the pixels our decoder reads must equal the values written and what LibTiff.NET's decoder
/// returns, exactly. LibTiff.NET 2.4's encoder is not used for big-endian files with a predictor: it stores them so
/// that neither GDAL's reading nor the written values agree with it. (2) GDAL writes big-endian DEFLATE files with
/// predictor 2 and numpy prints its pixels, which our reader must return exactly (big-endian float32 with predictor 3
/// from GDAL is in GeoTiffGdalInteropTests; random normal floats with PREDICTOR=3 and ENDIANNESS=BIG came back from
/// GDAL 3.6 itself with NaNs here, so they are no reference).
/// </summary>
public sealed class DeflateDecoderTests
{
    public static TheoryData<int, SampleFormat, int, bool, bool, int, PlanarConfig> Layouts()
    {
        var d = new TheoryData<int, SampleFormat, int, bool, bool, int, PlanarConfig>();
        foreach (bool tiled in new[] { false, true })
        {
            d.Add(16, SampleFormat.INT, 1, true, tiled, 3, PlanarConfig.CONTIG);
            d.Add(32, SampleFormat.IEEEFP, 1, true, tiled, 2, PlanarConfig.SEPARATE);
            d.Add(64, SampleFormat.IEEEFP, 1, true, tiled, 1, PlanarConfig.CONTIG);
        }
        const bool bigEndian = false;
        foreach (bool tiled in new[] { false, true })
            {
                d.Add(8, SampleFormat.UINT, 1, bigEndian, tiled, 1, PlanarConfig.CONTIG);
                d.Add(8, SampleFormat.UINT, 2, bigEndian, tiled, 3, PlanarConfig.CONTIG);
                d.Add(16, SampleFormat.INT, 1, bigEndian, tiled, 1, PlanarConfig.CONTIG);
                d.Add(16, SampleFormat.INT, 2, bigEndian, tiled, 3, PlanarConfig.CONTIG);
                d.Add(16, SampleFormat.UINT, 2, bigEndian, tiled, 2, PlanarConfig.SEPARATE);
                d.Add(32, SampleFormat.INT, 2, bigEndian, tiled, 1, PlanarConfig.CONTIG);
                d.Add(32, SampleFormat.IEEEFP, 1, bigEndian, tiled, 1, PlanarConfig.CONTIG);
                d.Add(32, SampleFormat.IEEEFP, 3, bigEndian, tiled, 1, PlanarConfig.CONTIG);
                d.Add(32, SampleFormat.IEEEFP, 3, bigEndian, tiled, 3, PlanarConfig.CONTIG);
                d.Add(32, SampleFormat.IEEEFP, 3, bigEndian, tiled, 2, PlanarConfig.SEPARATE);
                d.Add(64, SampleFormat.IEEEFP, 3, bigEndian, tiled, 1, PlanarConfig.CONTIG);
                d.Add(64, SampleFormat.IEEEFP, 1, bigEndian, tiled, 2, PlanarConfig.CONTIG);
            }
        return d;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Our_deflate_decoder_equals_the_written_values_and_LibTiff(int bits, SampleFormat format, int predictor, bool bigEndian, bool tiled, int bands, PlanarConfig planar)
    {
        using var dir = new TempDir();
        string path = dir.File("t.tif");
        const int width = 45, height = 37, block = 16;
        double Value(int b, int row, int col) => format switch
        {
            SampleFormat.IEEEFP => (row * 0.37 - col * 1.13 + b * 100) * (bits == 32 ? 1 : Math.PI) + ((row * 31 + col * 7) % 11 == 0 ? 1e6 : 0),
            SampleFormat.INT => ((row * 131 + col * 17 + b * 3) % 251 - 125) * (bits == 16 ? 97 : 1_000_003),
            _ => bits == 8 ? (row * 7 + col * 3 + b * 50) % 256 : (row * 131 + col * 17 + b * 3000) % 65536,
        };
        Write(path, bits, format, predictor, bigEndian, tiled, bands, planar, width, height, block, Value);

        using var ours = GeoTiffReader.Open(path);
        using var libTiff = GeoTiffReader.Open(path, libTiffDeflate: true);
        Assert.Equal(predictor, ours.Predictor);
        var window = new RasterWindow(0, 0, width, height);
        for (int b = 0; b < bands; b++)
        {
            var a = new double[width * height];
            var e = new double[width * height];
            ours.ReadWindow(b, window, a);
            libTiff.ReadWindow(b, window, e);
            for (int row = 0; row < height; row++)
                for (int col = 0; col < width; col++)
                {
                    double written = bits == 32 && format == SampleFormat.IEEEFP ? (float)Value(b, row, col) : Value(b, row, col);
                    Assert.Equal(written, a[row * width + col]);
                    Assert.Equal(e[row * width + col], a[row * width + col]);
                }
        }
    }

    [Theory]
    [InlineData(PixelType.UInt8, 3, false)]
    [InlineData(PixelType.Int16, 1, true)]
    [InlineData(PixelType.UInt16, 2, false)]
    [InlineData(PixelType.Int32, 1, true)]
    [InlineData(PixelType.Float32, 1, true)]
    [InlineData(PixelType.Float32, 3, false)]
    [InlineData(PixelType.Float64, 2, true)]
    public void Our_deflate_encoder_writes_what_LibTiff_decodes(PixelType type, int bands, bool tiled)
    {
        using var dir = new TempDir();
        string path = dir.File("w.tif");
        var grid = RasterGrid.NorthUp(45, 37, 500_000, 4_000_000, 30, SpatialReference.Utm(50));
        double Value(int b, int i) => type switch
        {
            PixelType.UInt8 => (i * 7 + b * 50) % 256,
            PixelType.Int16 => (i * 131 % 2001 - 1000) * (b + 1),
            PixelType.UInt16 => i * 37 % 65536,
            PixelType.Int32 => (i * 7919L % 200_001 - 100_000) * 1000,
            PixelType.Float32 => (float)(i * 0.37 - b * 11.5 + Math.Sin(i)),
            _ => i * Math.PI - b * 1e6 + Math.Cos(i),
        };
        using (var w = new GeoTiffWriter(path, grid, type, bands, options: new GeoTiffWriteOptions { Tiled = tiled, TileSize = 16, RowsPerStrip = tiled ? null : 10 }))
        {
            for (int b = 0; b < bands; b++) w.WriteWindow(b, new RasterWindow(0, 0, 45, 37), Enumerable.Range(0, 45 * 37).Select(i => Value(b, i)).ToArray());
            Assert.Equal(type.IsFloatingPoint() ? 3 : 2, w.Predictor);
            w.Complete();
        }
        using var libTiff = GeoTiffReader.Open(path, libTiffDeflate: true);
        for (int b = 0; b < bands; b++)
        {
            var got = new double[45 * 37];
            libTiff.ReadWindow(b, new RasterWindow(0, 0, 45, 37), got);
            for (int i = 0; i < got.Length; i++) Assert.Equal(Value(b, i), got[i]);
        }
    }

    [SkippableFact]
    public void Big_endian_DEFLATE_with_predictors_written_by_GDAL_reads_exactly()
    {
        string python = ExternalTools.Require("/usr/bin/python3", "apt-get install python3-gdal python3-numpy");
        using var dir = new TempDir();
        const string script = """
import json, sys
import numpy as np
from osgeo import gdal
gdal.UseExceptions()
out = sys.argv[1]
rng = np.random.default_rng(11)
specs = [
  ("int16_p2", gdal.GDT_Int16, 1, ["PREDICTOR=2"], lambda s: rng.integers(-30000, 30000, s).astype(np.int16)),
  ("uint16_p2_band", gdal.GDT_UInt16, 2, ["PREDICTOR=2", "INTERLEAVE=BAND", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], lambda s: rng.integers(0, 65535, s).astype(np.uint16)),
  ("uint8_p2_pixel", gdal.GDT_Byte, 3, ["PREDICTOR=2", "INTERLEAVE=PIXEL"], lambda s: rng.integers(0, 255, s).astype(np.uint8)),
  ("int32_p2_tiled", gdal.GDT_Int32, 1, ["PREDICTOR=2", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], lambda s: rng.integers(-2**31, 2**31 - 1, s).astype(np.int32)),
]
res = {}
for name, dt, nb, co, gen in specs:
    path = f"{out}/{name}.tif"
    ds = gdal.GetDriverByName("GTiff").Create(path, 45, 37, nb, dt, ["ENDIANNESS=BIG", "COMPRESS=DEFLATE"] + co)
    ds.SetGeoTransform([500000, 30, 0, 1600000, 0, -30])
    for b in range(nb):
        ds.GetRasterBand(b + 1).WriteArray(gen((37, 45)))
    ds = None
    ds = gdal.Open(path)
    res[name] = [ds.GetRasterBand(b + 1).ReadAsArray().astype(np.float64).ravel().tolist() for b in range(nb)]
print(json.dumps(res))
""";
        File.WriteAllText(dir.File("make.py"), script);
        var (code, stdout, stderr) = ExternalTools.Run(python, [dir.File("make.py"), dir.Path]);
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        foreach (var file in doc.RootElement.EnumerateObject())
        {
            using var r = GeoTiffReader.Open(dir.File(file.Name + ".tif"));
            Assert.Equal("deflate", r.CompressionName);
            int b = 0;
            foreach (var band in file.Value.EnumerateArray())
            {
                var expected = band.EnumerateArray().Select(e => e.GetDouble()).ToArray();
                var got = new double[45 * 37];
                r.ReadWindow(b++, new RasterWindow(0, 0, 45, 37), got);
                for (int i = 0; i < got.Length; i++)
                    if (got[i] != expected[i]) Assert.Fail($"{file.Name} band {b}: pixel {i} read {got[i]}, GDAL {expected[i]}");
            }
        }
    }

    private static void Write(string path, int bits, SampleFormat format, int predictor, bool bigEndian, bool tiled, int bands, PlanarConfig planar,
        int width, int height, int block, Func<int, int, int, double> value)
    {
        using var t = Tiff.Open(path, bigEndian ? "wb" : "wl");
        t.SetField(TiffTag.IMAGEWIDTH, width);
        t.SetField(TiffTag.IMAGELENGTH, height);
        t.SetField(TiffTag.SAMPLESPERPIXEL, bands);
        t.SetField(TiffTag.BITSPERSAMPLE, bits);
        t.SetField(TiffTag.SAMPLEFORMAT, format);
        t.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        t.SetField(TiffTag.PLANARCONFIG, planar);
        t.SetField(TiffTag.COMPRESSION, Compression.ADOBE_DEFLATE);
        t.SetField(TiffTag.PREDICTOR, predictor);
        if (bands > 1) t.SetField(TiffTag.EXTRASAMPLES, bands - 1, new short[bands - 1]);
        int bw = tiled ? block : width, bh = block;
        if (tiled) { t.SetField(TiffTag.TILEWIDTH, block); t.SetField(TiffTag.TILELENGTH, block); }
        else t.SetField(TiffTag.ROWSPERSTRIP, block);
        bool separate = planar == PlanarConfig.SEPARATE;
        int spp = separate ? 1 : bands, bytes = bits / 8;
        int across = (width + bw - 1) / bw, down = (height + bh - 1) / bh;
        for (int plane = 0; plane < (separate ? bands : 1); plane++)
            for (int by = 0; by < down; by++)
                for (int bx = 0; bx < across; bx++)
                {
                    int rows = tiled ? bh : Math.Min(bh, height - by * bh);
                    var buf = new byte[bw * rows * spp * bytes];
                    for (int y = 0; y < rows; y++)
                        for (int x = 0; x < bw; x++)
                        {
                            int row = by * bh + y, col = bx * bw + x;
                            if (row >= height || col >= width) continue;
                            for (int s = 0; s < spp; s++)
                            {
                                double v = value(separate ? plane : s, row, col);
                                var dst = buf.AsSpan(((y * bw + x) * spp + s) * bytes, bytes);
                                switch (bits, format)
                                {
                                    case (8, _): dst[0] = (byte)v; break;
                                    case (16, SampleFormat.INT): BitConverter.TryWriteBytes(dst, (short)v); break;
                                    case (16, _): BitConverter.TryWriteBytes(dst, (ushort)v); break;
                                    case (32, SampleFormat.INT): BitConverter.TryWriteBytes(dst, (int)v); break;
                                    case (32, _): BitConverter.TryWriteBytes(dst, (float)v); break;
                                    default: BitConverter.TryWriteBytes(dst, v); break;
                                }
                            }
                        }
                    int index = plane * across * down + by * across + bx;
                    // LibTiff.NET takes native-order samples and swaps them for a big-endian file itself.
                    if (tiled) t.WriteEncodedTile(index, buf, buf.Length);
                    else t.WriteEncodedStrip(index, buf, buf.Length);
                }
        t.WriteDirectory();
    }
}
