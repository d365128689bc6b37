using System.Buffers.Binary;
using System.IO.Compression;

namespace EcoNotebooks.Tests.Interactive;

/// <summary>Minimal PNG reader for tests (8-bit RGB/RGBA, non-interlaced, as Chromium writes): counts non-white pixels.</summary>
internal static class PngProbe
{
    public static (int Width, int Height, long NonWhite) Analyse(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), $"{path} is not a PNG");
        int pos = 8, width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        while (pos < bytes.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos)); string type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, len);
            if (type == "IHDR") { width = BinaryPrimitives.ReadInt32BigEndian(data); height = BinaryPrimitives.ReadInt32BigEndian(data[4..]); Assert.Equal(8, data[8]); colorType = data[9]; Assert.Equal(0, data[12]); }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + len;
        }
        int bpp = colorType switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType}") };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        int stride = width * bpp;
        var prev = new byte[stride]; var cur = new byte[stride];
        long nonWhite = 0;
        for (int y = 0; y < height; y++)
        {
            int filter = z.ReadByte();
            z.ReadExactly(cur);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                int add = filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c), _ => throw new InvalidDataException($"PNG filter {filter}") };
                cur[i] = (byte)(cur[i] + add);
            }
            for (int x = 0; x < width; x++) if (cur[x * bpp] < 240 || cur[x * bpp + 1] < 240 || cur[x * bpp + 2] < 240) nonWhite++;
            (prev, cur) = (cur, prev);
        }
        return (width, height, nonWhite);
    }

    private static int Paeth(int a, int b, int c) { int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c); return pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
}
