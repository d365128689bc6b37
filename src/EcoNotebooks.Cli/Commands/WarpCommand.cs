using System.CommandLine;
using System.Globalization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.Rasters.Warp;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb warp IN.tif OUT.tif (--like REF.tif | --t-srs EPSG --tr RES --te XMIN YMIN XMAX YMAX) [-r near|bilinear|average] [--json]</c>:
/// puts band 1 of IN on the target grid (conventions of <c>gdalwarp -et 0 -r …</c>, see <see cref="Warper"/>) and writes
/// OUT atomically. JSON keys, exactly: width, height, epsg, geotransform, method, valid.
/// </summary>
public sealed class WarpCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var input = new Argument<string>("IN") { Description = "Raster to resample." };
        var output = new Argument<string>("OUT") { Description = "GeoTIFF to write (atomically; must differ from IN)." };
        var like = new Option<string?>("--like") { Description = "Reference raster whose grid is the target." };
        var srs = new Option<int?>("--t-srs") { Description = "Target EPSG code (with --tr and --te)." };
        var tr = new Option<double?>("--tr") { Description = "Target pixel size in target CRS units." };
        var te = new Option<double[]?>("--te") { Description = "Target extent XMIN YMIN XMAX YMAX.", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(4, 4) };
        var method = new Option<string>("-r", "--resampling") { Description = "near, bilinear or average.", DefaultValueFactory = _ => "near" };
        var json = CommonOptions.Json();
        var cmd = new Command("warp", "Reproject and resample a raster onto a reference grid or CRS + resolution + extent (like gdalwarp).")
            { input, output, like, srs, tr, te, method, json };
        cmd.SetAction(pr =>
        {
            string inPath = CommonOptions.ExistingFile(pr.GetValue(input), "input raster");
            string outPath = pr.GetValue(output)!;
            AtomicFile.EnsureNotSameFile(inPath, outPath);
            var m = pr.GetValue(method) switch
            {
                "near" or "nearest" => ResamplingMethod.Nearest,
                "bilinear" => ResamplingMethod.Bilinear,
                "average" => ResamplingMethod.Average,
                var v => throw new CliError($"-r '{v}' is not one of near, bilinear, average."),
            };
            RasterGrid target;
            if (pr.GetValue(like) is string refPath)
            {
                using var r = GeoTiff.Open(CommonOptions.ExistingFile(refPath, "reference raster"));
                target = r.Grid;
            }
            else
            {
                if (pr.GetValue(srs) is not int epsg || pr.GetValue(tr) is not double res || pr.GetValue(te) is not double[] ext)
                    throw new CliError("give either --like REF.tif or all of --t-srs, --tr and --te.");
                target = WarpGrid.FromExtent(SpatialReference.FromEpsg(epsg), ext[0], ext[1], ext[2], ext[3], res, res);
            }
            using var src = GeoTiff.Open(inPath);
            var result = Warper.Warp(src, target, m, 0, inPath);
            GeoTiff.Write(result, outPath);
            var stats = RasterStatistics.Compute(result);
            if (pr.GetValue(json))
            {
                JsonOutput.Write(new Dictionary<string, object?>
                {
                    ["width"] = target.Width, ["height"] = target.Height, ["epsg"] = target.Crs.Epsg,
                    ["geotransform"] = target.Transform.ToArray(), ["method"] = pr.GetValue(method), ["valid"] = stats.Valid,
                });
                return 0;
            }
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outPath}: {target.Width} × {target.Height} pixels, {target.Crs}, {stats.Valid} valid."));
            Console.Out.Flush();
            return 0;
        });
        return cmd;
    }
}
