using System.CommandLine;
using System.Globalization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Landsat;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb landsat composite SCENE... --from yyyy-MM-dd --to yyyy-MM-dd [--boundary B.geojson|.shp]
/// [--method median|max-ndvi] --out DIR [--json]</c>: reads Landsat Collection 2 Level-2 scene folders (as USGS
/// delivers them), clips and masks them to the boundary, masks clouds from QA_PIXEL and composites the scenes acquired
/// in the period. Writes float32 GeoTIFFs blue, green, red, nir, swir1, swir2 (reflectance), thermal_radiance and
/// surface_temperature when all scenes have them, and clear (uint8, 1 = at least one clear observation) into DIR.
/// Everything is computed before anything is written, and the files appear together (temporary names, then renamed),
/// so a bad scene, boundary or period leaves no partial output. JSON keys, exactly: period, scenes (list of product
/// ids used), method, width, height, epsg, geotransform, clear_pixels, files (list of paths).
/// </summary>
public sealed class LandsatCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var cmd = new Command("landsat", "Landsat Collection 2 Level-2 scenes as delivered by USGS.");
        cmd.Subcommands.Add(CreateComposite());
        return cmd;
    }

    private static Command CreateComposite()
    {
        var scenes = new Argument<string[]>("SCENE") { Description = "Scene folders (or MTL files).", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string>("--from") { Description = "First day of the period, yyyy-MM-dd.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period, yyyy-MM-dd.", Required = true };
        var boundary = new Option<string?>("--boundary") { Description = "Study-area boundary (.geojson or .shp with .prj)." };
        var method = new Option<string>("--method") { Description = "median or max-ndvi.", DefaultValueFactory = _ => "median" };
        var outDir = new Option<string>("--out") { Description = "Output folder (created if needed).", Required = true };
        var json = CommonOptions.Json();
        var cmd = new Command("composite", "Cloud-masked median or max-NDVI composite of the scenes acquired in a period, clipped to a boundary.")
            { scenes, from, to, boundary, method, outDir, json };
        cmd.SetAction(pr =>
        {
            DateOnly Date(string? s, string name) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new CliError($"{name} '{s}' is not a date yyyy-MM-dd.");
            var period = new CompositePeriod($"{pr.GetValue(from)}..{pr.GetValue(to)}", Date(pr.GetValue(from), "--from"), Date(pr.GetValue(to), "--to"));
            if (period.End < period.Start) throw new CliError($"--to {period.End:yyyy-MM-dd} is before --from {period.Start:yyyy-MM-dd}.");
            var m = pr.GetValue(method) switch
            {
                "median" => CompositeMethod.Median,
                "max-ndvi" => CompositeMethod.MaxNdvi,
                var v => throw new CliError($"--method '{v}' is not one of median, max-ndvi."),
            };
            var b = pr.GetValue(boundary) is string bp ? Boundary.Read(CommonOptions.ExistingFile(bp, "boundary file")) : null;
            var options = new LandsatLoadOptions { Boundary = b };
            var loaded = pr.GetValue(scenes)!.Select(s => LandsatScene.Open(s)).Where(s => s.Date is DateOnly d && period.Contains(d)).Select(s => s.Load(options)).ToList();
            var composite = SceneComposite.ByPeriod(loaded, [period], m)[0];
            var layers = new List<(string Name, Raster Raster)>
            {
                ("blue", composite.Blue), ("green", composite.Green), ("red", composite.Red), ("nir", composite.Nir),
                ("swir1", composite.Swir1), ("swir2", composite.Swir2),
            };
            if (composite.ThermalRadiance is not null) layers.Add(("thermal_radiance", composite.ThermalRadiance));
            if (composite.SurfaceTemperature is not null) layers.Add(("surface_temperature", composite.SurfaceTemperature));
            layers.Add(("clear", composite.Clear!));
            string dir = pr.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            var finals = layers.Select(l => Path.Combine(dir, l.Name + ".tif")).ToList();
            var temps = finals.Select(f => f + $".{Guid.NewGuid():N}.tmp.tif").ToList();
            try
            {
                for (int i = 0; i < layers.Count; i++) GeoTiff.Write(layers[i].Raster, temps[i]);
                for (int i = 0; i < layers.Count; i++) File.Move(temps[i], finals[i], overwrite: true);
            }
            finally
            {
                foreach (var t in temps) if (File.Exists(t)) File.Delete(t);
            }
            long clear = composite.Clear!.Band(0).ToDoubleArray(false).LongCount(v => v == 1);
            if (pr.GetValue(json))
            {
                JsonOutput.Write(new Dictionary<string, object?>
                {
                    ["period"] = period.Name,
                    ["scenes"] = loaded.Select(s => s.Name).ToArray(),
                    ["method"] = pr.GetValue(method),
                    ["width"] = composite.Grid.Width,
                    ["height"] = composite.Grid.Height,
                    ["epsg"] = composite.Grid.Crs.Epsg,
                    ["geotransform"] = composite.Grid.Transform.ToArray(),
                    ["clear_pixels"] = clear,
                    ["files"] = finals.ToArray(),
                });
                return 0;
            }
            Console.Out.WriteLine($"Composite {period.Name} ({pr.GetValue(method)}) of {loaded.Count} scene(s): {composite.Grid.Width} × {composite.Grid.Height} pixels, {clear} clear.");
            foreach (var f in finals) Console.Out.WriteLine($"  {f}");
            Console.Out.Flush();
            return 0;
        });
        return cmd;
    }
}
