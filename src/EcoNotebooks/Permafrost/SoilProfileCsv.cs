using EcoNotebooks.IO;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Permafrost;

/// <summary>
/// Reads ground columns and daily forcing from the CSV layouts of <c>data-samples/xining/</c>, so a notebook or script
/// can run the model on a user's own site by pointing at a folder with the same files.
/// </summary>
public static class SoilProfileCsv
{
    /// <summary>Numeric columns of a soil profile file.</summary>
    public static readonly string[] NumericColumns =
        ["top_m", "bottom_m", "water_content", "k_frozen_w_mk", "k_thawed_w_mk", "c_frozen_j_m3k", "c_thawed_j_m3k", "onset_depression_k", "exponent_b"];

    /// <summary>
    /// The layers of one site from a soil profile CSV with columns site, name, top_m, bottom_m, water_content (θ, m³ m⁻³),
    /// k_frozen_w_mk, k_thawed_w_mk (W m⁻¹ K⁻¹), c_frozen_j_m3k, c_thawed_j_m3k (J m⁻³ K⁻¹), freezing_curve
    /// (<c>powerlaw</c> or <c>isothermal</c>), onset_depression_k, exponent_b, in order of depth. Layers of a site must be
    /// contiguous from 0 m. Errors name the file and line.
    /// </summary>
    /// <param name="path">CSV file.</param>
    /// <param name="site">Value of the site column (case-insensitive).</param>
    public static IReadOnlyList<SoilLayer> Read(string path, string site)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        var df = CsvTable.Read(path, NumericColumns);
        var sites = CsvTable.TextColumn(df, "site", path);
        var names = CsvTable.TextColumn(df, "name", path);
        var kinds = CsvTable.TextColumn(df, "freezing_curve", path);
        var v = NumericColumns.ToDictionary(c => c, c => CsvTable.NumericColumn(df, c, path));
        var layers = new List<SoilLayer>();
        double expectedTop = 0;
        for (int i = 0; i < sites.Length; i++)
        {
            if (!string.Equals(sites[i], site, StringComparison.OrdinalIgnoreCase)) continue;
            int line = i + 2;
            double top = v["top_m"][i], bottom = v["bottom_m"][i];
            if (Math.Abs(top - expectedTop) > 1e-6)
                throw new FileFormatException(path, $"layer '{names[i]}' starts at {top} m but the layer above ends at {expectedTop} m; layers must be contiguous from 0 m", line);
            if (!(bottom > top)) throw new FileFormatException(path, $"layer '{names[i]}': bottom_m {bottom} must exceed top_m {top}", line);
            var curve = kinds[i].Trim().ToLowerInvariant() switch
            {
                "powerlaw" => FreezingCurve.PowerLaw(v["onset_depression_k"][i], v["exponent_b"][i]),
                "isothermal" or "" => FreezingCurve.Isothermal,
                var k => throw new FileFormatException(path, $"freezing_curve '{k}' is not 'powerlaw' or 'isothermal'", line),
            };
            var layer = new SoilLayer(names[i], bottom - top, v["water_content"][i], v["k_frozen_w_mk"][i], v["k_thawed_w_mk"][i],
                v["c_frozen_j_m3k"][i], v["c_thawed_j_m3k"][i]) { Freezing = curve };
            try { layer.Validate(); }
            catch (ArgumentException e) { throw new FileFormatException(path, e.Message, line); }
            layers.Add(layer);
            expectedTop = bottom;
        }
        if (layers.Count == 0)
            throw new ArgumentException($"No layers for site '{site}' in {path}; sites present: {string.Join(", ", sites.Distinct())}.", nameof(site));
        return layers;
    }

    /// <summary>A daily air temperature series (°C) from column <paramref name="column"/> of a CSV (one row per day, 365-day years).</summary>
    public static double[] ReadAirTemperature(string path, string column)
    {
        var df = CsvTable.Read(path, [column]);
        var t = CsvTable.NumericColumn(df, column, path);
        for (int i = 0; i < t.Length; i++)
            if (double.IsNaN(t[i])) throw new FileFormatException(path, $"missing air temperature in column '{column}'; fill gaps before running the model", i + 2);
        return t;
    }
}
