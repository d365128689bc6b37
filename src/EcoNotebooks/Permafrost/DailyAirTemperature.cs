using System.Globalization;
using EcoNotebooks.IO;
using EcoNotebooks.Tables;

namespace EcoNotebooks.Permafrost;

/// <summary>
/// A daily air-temperature forcing in the model's calendar (365-day years from 1 January), with what was done to a
/// station record to get there.
/// </summary>
/// <param name="Values">Daily mean air temperature, °C; length = 365 × <paramref name="Years"/>.</param>
/// <param name="FirstYear">Calendar year of the first value (0 for files already in model days).</param>
/// <param name="Years">Number of whole years.</param>
/// <param name="FilledDays">Days filled by linear interpolation across short gaps.</param>
/// <param name="DroppedLeapDays">29 February values dropped (the model year has 365 days).</param>
/// <param name="TrimmedDays">Dated rows outside the whole years kept (a partial first or last year).</param>
/// <param name="Source">File and column or station read.</param>
public sealed record DailyAirTemperatureSeries(double[] Values, int FirstYear, int Years, int FilledDays, int DroppedLeapDays, int TrimmedDays, string Source)
{
    /// <summary>One line for a notebook: years, filled and dropped days.</summary>
    public override string ToString() => FirstYear > 0
        ? $"{Source}: {Years} years {FirstYear}–{FirstYear + Years - 1}, {FilledDays} days filled by interpolation, {DroppedLeapDays} leap days dropped, {TrimmedDays} days of partial years left out"
        : $"{Source}: {Years} model years of 365 days";
}

/// <summary>
/// Reads the daily air temperature that drives <see cref="GroundThermalModel"/> from a station record as weather
/// services deliver it (CMA daily surface data, GHCN-Daily exports, logger CSVs), or from a file already in model days.
/// <list type="bullet">
/// <item>Model-day layout: one row per day of 365-day years, no date column, a column <c>&lt;site&gt;_air_c</c>; no gaps
/// allowed.</item>
/// <item>Dated wide layout: a <c>date</c> column (yyyy-MM-dd) and a column <c>&lt;site&gt;_air_c</c>.</item>
/// <item>Station table (long) layout, as <see cref="Interpolation.StationTable"/>: columns <c>station</c> (or
/// <c>station_id</c>, <c>id</c>, <c>site</c>), <c>date</c> and <c>value</c>; rows of station <c>site</c> are used (other
/// columns such as coordinates are ignored).</item>
/// </list>
/// Dated records are cut to whole calendar years (a partial first or last year is left out and counted), 29 February
/// is dropped (the model year has 365 days; its neighbours carry the season), and gaps (missing dates or empty/NaN
/// values) of at most <c>maxGapDays</c> consecutive days are filled by linear interpolation in time between the
/// neighbouring observations (the nearest observation at the ends of the record). A longer gap, a duplicated date or
/// a value outside −90…60 °C is refused with a one-line message naming the file, the dates and the column.
/// R equivalent of the gap filling: <c>zoo::na.approx(x, maxgap = 7, rule = 2)</c> on the daily series.
/// </summary>
public static class DailyAirTemperature
{
    /// <summary>Plausible range of a daily mean air temperature, °C (outside it the file is taken to be in other units).</summary>
    public const double MinPlausible = -90, MaxPlausible = 60;

    /// <summary>
    /// Reads the forcing of <paramref name="site"/> from <paramref name="path"/>: the column <c>&lt;site&gt;_air_c</c> if
    /// present (model-day or dated layout), otherwise the rows of station <paramref name="site"/> of a long station table.
    /// </summary>
    /// <param name="path">CSV file.</param>
    /// <param name="site">Site name (column prefix) or station id.</param>
    /// <param name="maxGapDays">Longest run of missing days filled by interpolation (0 = no filling), days.</param>
    /// <param name="scale">Factor applied to the values (e.g. 0.1 for GHCN-Daily tenths of °C).</param>
    public static DailyAirTemperatureSeries ReadForSite(string path, string site, int maxGapDays = 7, double scale = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        if (maxGapDays < 0) throw new ArgumentOutOfRangeException(nameof(maxGapDays), maxGapDays, "The longest gap to fill must be ≥ 0 days.");
        if (!(scale > 0) || !double.IsFinite(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive factor.");
        var df = CsvTable.Read(path);
        var names = df.Columns.Select(c => c.Name).ToArray();
        string? Find(params string[] options) => CsvTable.FindColumn(df, options);
        string? column = Find($"{site}_air_c");
        string? dateCol = Find("date");
        if (column is not null && dateCol is null)
        {
            var t = CsvTable.NumericColumn(df, column, path);
            for (int i = 0; i < t.Length; i++)
            {
                if (double.IsNaN(t[i])) throw new FileFormatException(path, $"missing air temperature in column '{column}' of a file without dates; add a date column so gaps can be filled, or fill them", i + 2);
                t[i] *= scale;
                CheckPlausible(path, column, t[i], i + 2);
            }
            if (t.Length < 365 || t.Length % 365 != 0)
                throw new FileFormatException(path, $"column '{column}' has {t.Length} daily values, not a whole number of 365-day years; add a date column (yyyy-MM-dd) to read a calendar record.");
            return new DailyAirTemperatureSeries(t, 0, t.Length / 365, 0, 0, 0, $"{Path.GetFileName(path)} [{column}]");
        }
        if (dateCol is null)
            throw new FileFormatException(path, $"no column '{site}_air_c' and no date column; columns are {string.Join(", ", names)}.", 1);
        var dates = CsvTable.TextColumn(df, dateCol, path);
        double[] values;
        bool[] keep;
        string what;
        if (column is not null)
        {
            values = CsvTable.NumericColumn(df, column, path);
            keep = Enumerable.Repeat(true, values.Length).ToArray();
            what = column;
        }
        else
        {
            var stationCol = Find(Interpolation.StationTable.StationIdColumns)
                ?? throw new FileFormatException(path, $"no column '{site}_air_c' and no station column (station, station_id, id or site); columns are {string.Join(", ", names)}.", 1);
            var valueCol = Find("value") ?? throw new FileFormatException(path, $"station table without a 'value' column; columns are {string.Join(", ", names)}.", 1);
            var stations = CsvTable.TextColumn(df, stationCol, path);
            keep = stations.Select(s => string.Equals(s?.Trim(), site, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (!keep.Any(k => k))
                throw new FileFormatException(path, $"no rows for station '{site}' in column '{stationCol}'; stations present: {string.Join(", ", stations.Distinct().Take(20))}.");
            values = CsvTable.NumericColumn(df, valueCol, path);
            what = $"station {site}";
        }
        var obs = new List<(DateOnly Date, double Value, int Line)>();
        for (int i = 0; i < values.Length; i++)
        {
            if (!keep[i]) continue;
            if (!DateOnly.TryParseExact(dates[i]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new FileFormatException(path, $"date '{dates[i]}' is not yyyy-MM-dd", i + 2);
            double v = values[i] * scale;
            if (!double.IsNaN(v)) CheckPlausible(path, what, v, i + 2);
            obs.Add((d, v, i + 2));
        }
        return FromDated(obs, path, what, maxGapDays);
    }

    /// <summary>
    /// Builds the 365-day forcing from dated observations (NaN = missing): whole years only, 29 February dropped, gaps
    /// of at most <paramref name="maxGapDays"/> days filled linearly. See the class remarks.
    /// </summary>
    /// <param name="observations">Date, value (°C, NaN = missing) and the source line for messages.</param>
    /// <param name="path">File name for messages.</param>
    /// <param name="what">Column or station name for messages.</param>
    /// <param name="maxGapDays">Longest run of missing days filled, days (≥ 0).</param>
    public static DailyAirTemperatureSeries FromDated(IReadOnlyList<(DateOnly Date, double Value, int Line)> observations, string path, string what, int maxGapDays = 7)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (maxGapDays < 0) throw new ArgumentOutOfRangeException(nameof(maxGapDays), maxGapDays, "The longest gap to fill must be ≥ 0 days.");
        if (observations.Count == 0) throw new FileFormatException(path, $"no observations for {what}.");
        var byDate = new Dictionary<DateOnly, double>();
        foreach (var (d, v, line) in observations)
            if (!byDate.TryAdd(d, v)) throw new FileFormatException(path, $"date {d:yyyy-MM-dd} appears twice for {what}", line);
        var first = observations.Min(o => o.Date);
        var last = observations.Max(o => o.Date);
        int y0 = first.Month == 1 && first.Day == 1 ? first.Year : first.Year + 1;
        int y1 = last.Month == 12 && last.Day == 31 ? last.Year : last.Year - 1;
        if (y1 < y0)
            throw new FileFormatException(path, $"{what}: the record {first:yyyy-MM-dd} … {last:yyyy-MM-dd} holds no whole calendar year (1 January to 31 December).");
        int years = y1 - y0 + 1;
        var t = new double[365 * years];
        var day = new DateOnly[t.Length];
        int k = 0, leap = 0;
        for (var d = new DateOnly(y0, 1, 1); d <= new DateOnly(y1, 12, 31); d = d.AddDays(1))
        {
            if (d.Month == 2 && d.Day == 29) { if (byDate.ContainsKey(d)) leap++; continue; }
            day[k] = d;
            t[k++] = byDate.TryGetValue(d, out double v) ? v : double.NaN;
        }
        int trimmed = byDate.Keys.Count(d => d.Year < y0 || d.Year > y1);
        int filled = 0;
        for (int i = 0; i < t.Length;)
        {
            if (!double.IsNaN(t[i])) { i++; continue; }
            int j = i;
            while (j < t.Length && double.IsNaN(t[j])) j++;
            int gap = j - i;
            if (gap > maxGapDays || (i == 0 && j == t.Length))
                throw new FileFormatException(path, $"{what}: {gap} missing days from {day[i]:yyyy-MM-dd} to {day[j - 1]:yyyy-MM-dd}, longer than the {maxGapDays} days filled by interpolation; fill the gap from a nearby station or shorten the record.");
            for (int m = i; m < j; m++)
            {
                t[m] = i == 0 ? t[j] : j == t.Length ? t[i - 1] : t[i - 1] + (t[j] - t[i - 1]) * (m - i + 1) / (gap + 1);
                filled++;
            }
            i = j;
        }
        return new DailyAirTemperatureSeries(t, y0, years, filled, leap, trimmed, $"{Path.GetFileName(path)} [{what}]");
    }

    private static void CheckPlausible(string path, string what, double v, int line)
    {
        if (v < MinPlausible || v > MaxPlausible)
            throw new FileFormatException(path, $"{what}: daily air temperature {v.ToString("R", CultureInfo.InvariantCulture)} °C is outside {MinPlausible}…{MaxPlausible} °C (tenths of a degree? pass scale 0.1)", line);
    }
}
