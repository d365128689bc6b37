using System.CommandLine;
using System.Globalization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Spatial;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb krige POINTS.csv --x COL --y COL --value COL [--model sph|exp|gau --psill P --range R --nugget N] --at TARGETS.csv [--json]</c>:
/// ordinary kriging (global neighbourhood) at target points, as gstat's <c>krige(z ~ 1, ~x + y, data, newdata, model)</c>.
/// Without --psill/--range/--nugget the model is fitted: gstat's default empirical variogram, gstat's default starting
/// values (<see cref="VariogramFit.DefaultInitialModel"/>) and <c>fit.variogram</c> with fit.method 7.
/// JSON: <c>{"model":{"type","psill","range","nugget"},"predictions":[{"x","y","value","variance"}]}</c>.
/// </summary>
public sealed class KrigeCommand : ICliCommand
{
    /// <summary>The model part of the JSON output.</summary>
    public sealed record ModelJson(string Type, double Psill, double Range, double Nugget);

    /// <summary>One prediction of the JSON output.</summary>
    public sealed record PredictionJson(double X, double Y, double Value, double Variance);

    /// <summary>The JSON document.</summary>
    public sealed record KrigeJson(ModelJson Model, IReadOnlyList<PredictionJson> Predictions);

    /// <inheritdoc />
    public Command Create()
    {
        var points = new Argument<string>("POINTS") { Description = "CSV file with the data points (header row; numeric coordinate and value columns)." };
        var xCol = new Option<string>("--x") { Description = "Name of the X coordinate column (in POINTS and TARGETS).", Required = true };
        var yCol = new Option<string>("--y") { Description = "Name of the Y coordinate column (in POINTS and TARGETS).", Required = true };
        var valueCol = new Option<string>("--value") { Description = "Name of the value column in POINTS; empty/NA cells are skipped.", Required = true };
        var model = new Option<string>("--model") { Description = "Variogram model: sph, exp or gau (gstat's Sph, Exp, Gau).", DefaultValueFactory = _ => "sph" };
        var psill = new Option<double?>("--psill") { Description = "Partial sill (≥ 0). With --range (and optional --nugget) the model is fixed; without all three it is fitted." };
        var range = new Option<double?>("--range") { Description = "Range parameter (> 0, coordinate units; gstat's range, e.g. practical range 3a for exp)." };
        var nugget = new Option<double?>("--nugget") { Description = "Nugget (≥ 0); default 0 when --psill and --range are given." };
        var at = new Option<string>("--at") { Description = "CSV file with target points, with the same --x and --y columns.", Required = true };
        var json = CommonOptions.Json();
        var cmd = new Command("krige", "Ordinary kriging of point data at target points (gstat-compatible variogram fit and kriging).")
        {
            points, xCol, yCol, valueCol, model, psill, range, nugget, at, json,
        };
        cmd.SetAction(pr =>
        {
            string pointsPath = CommonOptions.ExistingFile(pr.GetValue(points), "points CSV file");
            string targetsPath = CommonOptions.ExistingFile(pr.GetValue(at), "targets CSV file (--at)");
            string xName = pr.GetValue(xCol)!, yName = pr.GetValue(yCol)!, zName = pr.GetValue(valueCol)!;
            VariogramModelType type;
            try { type = VariogramModelTypes.Parse(pr.GetValue(model) ?? "sph"); }
            catch (ArgumentException) { throw new CliError($"--model must be sph, exp or gau, got '{pr.GetValue(model)}'."); }

            var (x, y, z) = ReadPoints(pointsPath, xName, yName, zName);
            var targets = ReadTargets(targetsPath, xName, yName);
            var vgm = ChooseModel(type, pr.GetValue(psill), pr.GetValue(range), pr.GetValue(nugget), x, y, z);
            var ok = new OrdinaryKriging(x, y, z, vgm);
            var predictions = ok.Predict(targets);
            var result = new KrigeJson(
                new ModelJson(vgm.Type.ToShortName(), vgm.PartialSill, vgm.Range, vgm.Nugget),
                predictions.Select(p => new PredictionJson(p.X, p.Y, p.Value, p.Variance)).ToArray());
            if (pr.GetValue(json)) JsonOutput.Write(result);
            else WriteTable(result, x.Length);
            return 0;
        });
        return cmd;
    }

    private static VariogramModel ChooseModel(VariogramModelType type, double? psill, double? range, double? nugget, double[] x, double[] y, double[] z)
    {
        if (psill is null && range is null && nugget is null)
        {
            var v = EmpiricalVariogram.Compute(x, y, z);
            if (v.Bins.Count == 0) throw new CliError("cannot fit a variogram: no point pairs within the default cutoff; give --psill, --range and --nugget.");
            var fit = VariogramFit.Fit(v, VariogramFit.DefaultInitialModel(v, type));
            var m = fit.Model;
            if (!(m.Range > 0) || !double.IsFinite(m.Range) || !(m.PartialSill >= 0) || !(m.Nugget >= 0) || !double.IsFinite(m.PartialSill) || !double.IsFinite(m.Nugget))
                throw new CliError(FormattableString.Invariant(
                    $"variogram fit failed (psill {m.PartialSill}, range {m.Range}, nugget {m.Nugget}{(fit.Singular ? ", singular" : "")}); give --psill, --range and --nugget."));
            // gstat warns and returns the model in these cases; so do we.
            if (fit.Singular)
                Console.Error.WriteLine("econb: warning: singular model in variogram fit (as gstat would warn); using the last iterate.");
            else if (!fit.Converged)
                Console.Error.WriteLine($"econb: warning: variogram fit did not converge after {fit.Iterations} iterations (as gstat would warn); using the last iterate.");
            return m;
        }
        if (psill is null || range is null)
            throw new CliError("give both --psill and --range (and optionally --nugget) for a fixed model, or none of --psill/--range/--nugget to fit the model.");
        double n = nugget ?? 0;
        if (!(range > 0) || !double.IsFinite(range.Value)) throw new CliError(FormattableString.Invariant($"--range must be > 0, got {range}."));
        if (!(psill >= 0) || !double.IsFinite(psill.Value)) throw new CliError(FormattableString.Invariant($"--psill must be ≥ 0, got {psill}."));
        if (!(n >= 0) || !double.IsFinite(n)) throw new CliError(FormattableString.Invariant($"--nugget must be ≥ 0, got {n}."));
        if (psill == 0 && n == 0) throw new CliError("--psill and --nugget are both 0: the model has no variance.");
        return new VariogramModel(type, psill.Value, range.Value, n);
    }

    private static (double[] X, double[] Y, double[] Z) ReadPoints(string path, string xName, string yName, string zName)
    {
        var df = CsvTable.Read(path, [xName, yName, zName]);
        var x = CsvTable.NumericColumn(df, xName, path);
        var y = CsvTable.NumericColumn(df, yName, path);
        var z = CsvTable.NumericColumn(df, zName, path);
        var keepX = new List<double>(); var keepY = new List<double>(); var keepZ = new List<double>();
        var seen = new Dictionary<(double, double), int>();
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
                throw new CliError($"{path}: data row {i + 1} has a missing coordinate ('{xName}' or '{yName}').");
            if (double.IsNaN(z[i])) continue; // missing value: skipped
            var key = (x[i] + 0.0, y[i] + 0.0);
            if (seen.TryGetValue(key, out int first))
                throw new CliError(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: data rows {first + 1} and {i + 1} have the same location ({x[i]}, {y[i]}); kriging needs distinct locations (average or remove duplicates)."));
            seen[key] = i;
            keepX.Add(x[i]); keepY.Add(y[i]); keepZ.Add(z[i]);
        }
        if (keepX.Count < 3)
            throw new CliError($"{path}: kriging needs at least 3 points with values in column '{zName}', found {keepX.Count}.");
        return (keepX.ToArray(), keepY.ToArray(), keepZ.ToArray());
    }

    private static (double X, double Y)[] ReadTargets(string path, string xName, string yName)
    {
        var df = CsvTable.Read(path, [xName, yName]);
        var x = CsvTable.NumericColumn(df, xName, path);
        var y = CsvTable.NumericColumn(df, yName, path);
        var t = new (double X, double Y)[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
                throw new CliError($"{path}: data row {i + 1} has a missing coordinate ('{xName}' or '{yName}').");
            t[i] = (x[i], y[i]);
        }
        return t;
    }

    private static void WriteTable(KrigeJson r, int n)
    {
        var o = Console.Out;
        var m = r.Model;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ordinary kriging of {n} points; model {m.Type}: psill {m.Psill:G6}, range {m.Range:G6}, nugget {m.Nugget:G6}"));
        o.WriteLine($"{"x",14} {"y",14} {"value",14} {"variance",14}");
        foreach (var p in r.Predictions)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.X,14:G8} {p.Y,14:G8} {p.Value,14:G8} {p.Variance,14:G6}"));
    }
}
