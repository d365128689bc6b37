using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using EcoNotebooks.Cli.Infrastructure;
using EcoNotebooks.Learning;
using EcoNotebooks.Tables;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Cli.Commands;

/// <summary>
/// <c>econb rf FILE.csv --target COL [--trees N] [--mtry M] [--seed S] [--json]</c>: random forest regression of one
/// numeric column on all the other numeric columns of a CSV table (R: <c>randomForest(COL ~ ., data, ntree = N,
/// importance = TRUE)</c>; see <see cref="RandomForestRegression"/>).
/// </summary>
/// <remarks>
/// <para>JSON contract (<c>--json</c>): <c>{"oob_mse": number, "oob_r2": number, "importance": [{"feature": string,
/// "inc_mse": number}, …]}</c> with importance in the table's column order (not sorted) and <c>inc_mse</c> the scaled
/// %IncMSE of R's <c>importance(rf, type = 1)</c>; <c>oob_r2</c> is R's <c>tail(rf$rsq, 1)</c> ("% Var explained"/100).
/// Without <c>--json</c>: a table sorted by %IncMSE, descending.</para>
/// <para>Features are the numeric columns other than the target. A column whose every cell is text (e.g. a site name)
/// is ignored; a column mixing numbers and text is an error naming line and column. Missing values (empty, NA) in the
/// target or a feature are errors, as in randomForest (no imputation). At least 5 data rows are required.</para>
/// </remarks>
public sealed class RfCommand : ICliCommand
{
    /// <summary>Fewest data rows accepted.</summary>
    public const int MinimumRows = 5;

    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV table with a header row (numbers with '.' decimals)." };
        var target = new Option<string?>("--target") { Description = "Numeric response column (required)." };
        var trees = new Option<int>("--trees") { Description = "Number of trees (R: ntree).", DefaultValueFactory = _ => 500 };
        var mtry = new Option<int?>("--mtry") { Description = "Features tried per split (R: mtry); default max(floor(p/3), 1)." };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives the same forest on any number of cores.", DefaultValueFactory = _ => 1 };
        var json = CommonOptions.Json();
        var cmd = new Command("rf", "Random forest regression (randomForest defaults): OOB MSE, OOB R² and %IncMSE importance.")
        {
            file, target, trees, mtry, seed, json,
        };
        cmd.SetAction(pr =>
        {
            var path = CommonOptions.ExistingFile(pr.GetValue(file));
            var targetName = pr.GetValue(target);
            if (string.IsNullOrWhiteSpace(targetName)) throw new CliError("--target COLUMN is required (the numeric response column).");
            int nTrees = pr.GetValue(trees);
            if (nTrees < 1) throw new CliError($"--trees must be at least 1; got {nTrees}.");
            var forest = Fit(path, targetName, nTrees, pr.GetValue(mtry), pr.GetValue(seed));
            if (pr.GetValue(json)) JsonOutput.Write(ToResult(forest));
            else WriteTable(forest, path, targetName, pr.GetValue(seed), Console.Out);
            return 0;
        });
        return cmd;
    }

    /// <summary>Reads the table, checks it, and grows the forest.</summary>
    internal static RandomForestRegression Fit(string path, string target, int trees, int? mtry, long seed)
    {
        var df = CsvTable.Read(path, [target]);
        // A column that mixes numbers and text is a typo, not a text column: re-read requiring it numeric, which throws
        // a file:line:column error naming the bad cell.
        foreach (var col in df.Columns.OfType<StringDataFrameColumn>())
            if (col.Name != target && IsMixed(col))
                CsvTable.Read(path, [target, col.Name]);
        int n = (int)df.Rows.Count;
        if (n < MinimumRows)
            throw new CliError($"{path}: {n} data row(s); random forest regression needs at least {MinimumRows}.");
        var y = CsvTable.NumericColumn(df, target, path);
        var names = df.Columns.Where(c => c.Name != target && c is not StringDataFrameColumn).Select(c => c.Name).ToArray();
        if (names.Length == 0)
            throw new CliError($"{path}: no numeric feature columns besides the target '{target}'.");
        CheckComplete(path, target, y);
        var columns = names.Select(nm => CsvTable.NumericColumn(df, nm, path)).ToArray();
        for (int j = 0; j < names.Length; j++) CheckComplete(path, names[j], columns[j]);
        if (mtry is int m && (m < 1 || m > names.Length))
            throw new CliError($"--mtry must be between 1 and the number of features ({names.Length}); got {m}.");
        return RandomForestRegression.Fit(columns, y, new RandomForestOptions { Trees = trees, Mtry = mtry, Seed = seed }, names);
    }

    private static bool IsMixed(StringDataFrameColumn col)
    {
        bool number = false, text = false;
        for (long i = 0; i < col.Length; i++)
        {
            var s = col[i]?.Trim();
            if (string.IsNullOrEmpty(s) || s is "NA" or "NaN" or "nan" or "null") continue;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) number = true; else text = true;
        }
        return number && text;
    }

    private static void CheckComplete(string path, string column, double[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new CliError($"{path}: column '{column}' has a missing or non-finite value in data row {i + 1}; random forest regression needs complete rows.");
    }

    /// <summary>The JSON document of <c>econb rf --json</c>.</summary>
    internal static RfResult ToResult(RandomForestRegression forest) =>
        new(forest.OobMse, forest.OobRSquared, forest.Importance.Select(i => new RfImportance(i.Feature, i.IncMse)).ToArray());

    private static void WriteTable(RandomForestRegression forest, string path, string target, long seed, TextWriter w)
    {
        var ic = CultureInfo.InvariantCulture;
        w.WriteLine($"Random forest regression of {target} ({Path.GetFileName(path)}): {forest.TrainingRowCount} rows, {forest.FeatureCount} features, {forest.Trees.Count} trees, mtry {forest.Mtry}, seed {seed}");
        w.WriteLine(string.Format(ic, "OOB MSE: {0:G6}   % Var explained: {1:F2}", forest.OobMse, 100 * forest.OobRSquared));
        w.WriteLine();
        int width = Math.Max(7, forest.FeatureNames.Max(s => s.Length));
        w.WriteLine($"{"Feature".PadRight(width)}  {"%IncMSE",10}  {"IncMSE",12}  {"IncNodePurity",14}");
        foreach (var i in forest.Importance.OrderByDescending(i => i.IncMse))
            w.WriteLine(string.Format(ic, "{0}  {1,10:F3}  {2,12:G6}  {3,14:G6}", i.Feature.PadRight(width), i.IncMse, i.MeanIncrease, i.IncNodePurity));
        w.WriteLine();
        w.WriteLine("%IncMSE: mean OOB MSE increase when the feature is permuted, divided by its standard error (R importance(rf, type = 1)).");
    }
}

/// <summary>JSON result of <c>econb rf --json</c>; property names are fixed by attributes (the contract), not by the naming policy.</summary>
internal sealed record RfResult(
    [property: JsonPropertyName("oob_mse")] double OobMse,
    [property: JsonPropertyName("oob_r2")] double OobR2,
    [property: JsonPropertyName("importance")] IReadOnlyList<RfImportance> Importance);

/// <summary>One feature's importance in <see cref="RfResult"/>.</summary>
internal sealed record RfImportance(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("inc_mse")] double IncMse);
