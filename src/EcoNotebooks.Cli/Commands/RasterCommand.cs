using System.CommandLine;
using System.Globalization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb raster</c>: GeoTIFF utilities.
/// <list type="bullet">
/// <item><c>econb raster info FILE.tif [--json]</c>: size, bands, type, geotransform, EPSG, nodata and band-1 statistics
/// (valid pixels, min, max, mean; nodata and NaN excluded, streamed block by block). JSON keys, exactly:
/// width, height, bands, dtype, geotransform (6 numbers, GDAL order), epsg (int or null), nodata (number or null),
/// valid, min, max, mean (null when no pixel is valid). Compare: <c>gdalinfo -json -stats FILE.tif</c>.</item>
/// <item><c>econb raster copy IN.tif OUT.tif [--compress none|lzw|deflate] [--tiled]</c>: rewrites IN through the
/// streaming reader and writer (atomic output, never over the input). Compare: <c>gdal_translate -co COMPRESS=...</c>.</item>
/// </list>
/// </summary>
public sealed class RasterCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var cmd = new Command("raster", "GeoTIFF utilities: inspect (info) and rewrite (copy) rasters.");
        cmd.Subcommands.Add(CreateInfo());
        cmd.Subcommands.Add(CreateCopy());
        return cmd;
    }

    private static Command CreateInfo()
    {
        var file = new Argument<string>("FILE") { Description = "GeoTIFF file to describe." };
        var json = CommonOptions.Json();
        var cmd = new Command("info", "Print size, bands, pixel type, geotransform, EPSG, nodata and band-1 statistics of a GeoTIFF.") { file, json };
        cmd.SetAction(pr =>
        {
            string path = CommonOptions.ExistingFile(pr.GetValue(file), "GeoTIFF file");
            using var reader = GeoTiffReader.Open(path);
            var stats = RasterStatistics.Compute(reader, 0);
            var grid = reader.Grid;
            if (pr.GetValue(json))
            {
                var result = new Dictionary<string, object?>
                {
                    ["width"] = grid.Width,
                    ["height"] = grid.Height,
                    ["bands"] = reader.BandCount,
                    ["dtype"] = reader.PixelType.ToName(),
                    ["geotransform"] = grid.Transform.ToArray(),
                    ["epsg"] = grid.Crs.Epsg,
                    ["nodata"] = reader.NoData,
                    ["valid"] = stats.Valid,
                    ["min"] = stats.Min,
                    ["max"] = stats.Max,
                    ["mean"] = stats.Mean,
                };
                JsonOutput.Write(result);
                return 0;
            }
            var o = Console.Out;
            string F(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : double.IsNaN(v) ? "none" : v.ToString(CultureInfo.InvariantCulture);
            o.WriteLine($"File:          {path}");
            o.WriteLine($"Size:          {grid.Width} × {grid.Height} pixels, {reader.BandCount} band(s)");
            o.WriteLine($"Pixel type:    {reader.PixelType.ToName()}");
            o.WriteLine($"Layout:        {(reader.IsTiled ? "tiled" : "stripped")} {reader.BlockSize.Width}×{reader.BlockSize.Height}, {(reader.IsPlanarSeparate ? "separate planes" : "interleaved")}, compression {reader.CompressionName}, predictor {reader.Predictor}");
            o.WriteLine($"Geotransform:  {grid.Transform}");
            o.WriteLine($"CRS:           {(grid.Crs.Epsg is int e ? $"EPSG:{e}" : "unknown")}");
            o.WriteLine($"Nodata:        {(reader.NoData is double nd ? F(nd) : "none")}");
            o.WriteLine($"Band 1 stats:  valid {stats.Valid} of {grid.PixelCount}, min {F(stats.Min)}, max {F(stats.Max)}, mean {F(stats.Mean)}, std dev {F(stats.StdDev)}");
            o.Flush();
            return 0;
        });
        return cmd;
    }

    private static Command CreateCopy()
    {
        var input = new Argument<string>("IN") { Description = "GeoTIFF to read." };
        var output = new Argument<string>("OUT") { Description = "GeoTIFF to write (replaced atomically; must differ from IN)." };
        var compress = new Option<string>("--compress")
        {
            Description = "Compression of OUT: none, lzw or deflate (default deflate, with predictor 2 for integers and 3 for floats).",
            DefaultValueFactory = _ => "deflate",
        };
        compress.AcceptOnlyFromAmong("none", "lzw", "deflate");
        var tiled = new Option<bool>("--tiled") { Description = "Write 256×256 tiles instead of strips." };
        var cmd = new Command("copy", "Rewrite a GeoTIFF through econb's streaming reader and writer.") { input, output, compress, tiled };
        cmd.SetAction(pr =>
        {
            string inPath = CommonOptions.ExistingFile(pr.GetValue(input), "GeoTIFF file");
            string? outPath = pr.GetValue(output);
            if (string.IsNullOrWhiteSpace(outPath)) throw new CliError("missing output file.");
            if (string.Equals(Path.GetFullPath(inPath), Path.GetFullPath(outPath), StringComparison.Ordinal))
                throw new CliError($"{outPath}: refusing to overwrite the input; choose another output path.");
            var options = new GeoTiffWriteOptions
            {
                Compression = (pr.GetValue(compress) ?? "deflate") switch
                {
                    "none" => GeoTiffCompression.None,
                    "lzw" => GeoTiffCompression.Lzw,
                    _ => GeoTiffCompression.Deflate,
                },
                Tiled = pr.GetValue(tiled),
            };
            using var reader = GeoTiffReader.Open(inPath);
            bool showProgress = !Console.IsErrorRedirected && reader.Grid.PixelCount * reader.BandCount >= 16_000_000;
            int lastPercent = -1;
            IProgress<double>? progress = showProgress
                ? new SyncProgress(f =>
                {
                    int p = (int)Math.Floor(f * 100);
                    if (p == lastPercent) return;
                    lastPercent = p;
                    Console.Error.Write($"\rcopying {Path.GetFileName(inPath)}: {p,3}%");
                    if (p >= 100) Console.Error.WriteLine();
                })
                : null;
            GeoTiff.Write(reader, outPath, options, progress);
            return 0;
        });
        return cmd;
    }

    /// <summary>Reports synchronously on the calling thread (System.Progress posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
