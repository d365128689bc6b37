using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.IO.GeoTiff;

/// <summary>Deterministic rasters for GeoTIFF tests (fixed seeds).</summary>
internal static class GeoTiffTestData
{
    /// <summary>A UTM 47N grid with an off-integer origin (catches origin rounding).</summary>
    public static RasterGrid Utm(int width, int height) =>
        new(width, height, new GeoTransform(500000.5, 30, 0, 1600000.25, 0, -30), SpatialReference.FromEpsg(32647));

    /// <summary>
    /// A raster of <paramref name="type"/> whose values span the type's range (extremes included), with nodata
    /// pixels when <paramref name="noData"/> is set and NaN pixels for float types.
    /// </summary>
    public static Raster Random(PixelType type, RasterGrid grid, int bands = 1, double? noData = null, int seed = 42)
    {
        var rng = new Random(seed);
        var raster = Raster.Create(grid, type, bands, noData);
        var (lo, hi) = type switch
        {
            PixelType.UInt8 => (0.0, 255.0),
            PixelType.Int16 => (short.MinValue, short.MaxValue),
            PixelType.UInt16 => (0.0, ushort.MaxValue),
            PixelType.Int32 => (int.MinValue, (double)int.MaxValue),
            PixelType.Float32 => (-1e6, 1e6),
            _ => (-1e12, 1e12),
        };
        for (int b = 0; b < bands; b++)
        {
            var v = new double[grid.PixelCount];
            for (int i = 0; i < v.Length; i++)
            {
                double u = rng.NextDouble();
                v[i] = type.IsFloatingPoint() ? lo + u * (hi - lo) : Math.Floor(lo + u * (hi - lo + 1));
                if (type.IsFloatingPoint() && i % 97 == 5) v[i] = double.NaN;
                if (noData is double nd && i % 53 == 7) v[i] = nd;
            }
            v[0] = lo; v[^1] = hi; // the extremes of the type
            raster.WriteWindow(b, new RasterWindow(0, 0, grid.Width, grid.Height), v);
        }
        return raster;
    }

    /// <summary>Asserts both sources have identical size, transform, CRS, type, nodata and pixels (NaN equals NaN).</summary>
    public static void AssertSame(IRasterSource expected, IRasterSource actual)
    {
        Assert.Equal(expected.Grid.Width, actual.Grid.Width);
        Assert.Equal(expected.Grid.Height, actual.Grid.Height);
        Assert.Equal(expected.Grid.Transform, actual.Grid.Transform);
        Assert.Equal(expected.Grid.Crs.Epsg, actual.Grid.Crs.Epsg);
        Assert.Equal(expected.PixelType, actual.PixelType);
        Assert.Equal(expected.BandCount, actual.BandCount);
        Assert.Equal(expected.NoData, actual.NoData);
        var w = new RasterWindow(0, 0, expected.Grid.Width, expected.Grid.Height);
        var a = new double[w.PixelCount];
        var b = new double[w.PixelCount];
        for (int band = 0; band < expected.BandCount; band++)
        {
            expected.ReadWindow(band, w, a);
            actual.ReadWindow(band, w, b);
            for (int i = 0; i < a.Length; i++)
                if (!(a[i].Equals(b[i])))
                    Assert.Fail($"band {band} pixel {i} (col {i % w.Width}, row {i / w.Width}): expected {a[i]}, got {b[i]}");
        }
    }
}
