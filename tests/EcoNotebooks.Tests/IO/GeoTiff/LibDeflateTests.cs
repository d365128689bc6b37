using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>Runs alone: the tests switch <see cref="LibDeflate.Enabled"/>, which changes the bytes (not the pixels) that every DEFLATE writer produces.</summary>
[CollectionDefinition("libdeflate-switch", DisableParallelization = true)]
public sealed class LibDeflateSwitchCollection;

[Collection("libdeflate-switch")]
public sealed class LibDeflateTests
{
    // The optional libdeflate accelerator (present on Debian with GDAL; LibDeflate.IsAvailable) and .NET's zlib are
    // interchangeable: a file written either way reads back identically either way and through LibTiff.NET's decoder.
    [Theory]
    [InlineData(PixelType.Float32, true, GeoTiffPredictor.Auto)]
    [InlineData(PixelType.Float32, true, GeoTiffPredictor.None)]
    [InlineData(PixelType.UInt8, false, GeoTiffPredictor.Auto)]
    [InlineData(PixelType.Float64, true, GeoTiffPredictor.Auto)]
    public void Libdeflate_and_zlib_write_and_read_the_same_pixels(PixelType type, bool tiled, GeoTiffPredictor predictor)
    {
        using var dir = new TempDir();
        var src = GeoTiffTestData.Random(type, GeoTiffTestData.Utm(300, 200), seed: 9);
        var options = new GeoTiffWriteOptions { Tiled = tiled, TileSize = 64, RowsPerStrip = tiled ? null : 23, Predictor = predictor };
        bool was = LibDeflate.Enabled;
        try
        {
            foreach (bool writeFast in new[] { true, false })
            {
                LibDeflate.Enabled = writeFast;
                string path = dir.File($"w{writeFast}.tif");
                EcoNotebooks.IO.GeoTiff.GeoTiff.Write(src, path, options);
                foreach (bool readFast in new[] { true, false })
                {
                    LibDeflate.Enabled = readFast;
                    using var r = GeoTiffReader.Open(path);
                    GeoTiffTestData.AssertSame(src, r);
                }
                using var libTiff = GeoTiffReader.Open(path, libTiffDeflate: true);
                GeoTiffTestData.AssertSame(src, libTiff);
            }
        }
        finally
        {
            LibDeflate.Enabled = was;
        }
    }
}
