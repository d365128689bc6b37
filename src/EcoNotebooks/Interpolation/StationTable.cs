using System.Globalization;
using EcoNotebooks.IO;
using EcoNotebooks.Rasters;
using EcoNotebooks.Tables;
using EcoNotebooks.Vector;

namespace EcoNotebooks.Interpolation;

/// <summary>One station observation.</summary>
/// <param name="Station">Station id.</param>
/// <param name="X">Easting or longitude.</param>
/// <param name="Y">Northing or latitude.</param>
/// <param name="Elevation">Elevation, m (NaN if the table has none).</param>
/// <param name="Date">Observation date (null if the table has no date column).</param>
/// <param name="Value">Observed value (NaN = missing).</param>
public sealed record StationObservation(string Station, double X, double Y, double Elevation, DateOnly? Date, double Value);

/// <summary>
/// A station table as weather services and field campaigns deliver it: a CSV with a header and the columns station id
/// (<c>station</c>, <c>station_id</c> or <c>id</c>), coordinates (<c>x</c>/<c>y</c> in <see cref="Crs"/>, or
/// <c>lon</c>/<c>lat</c> / <c>longitude</c>/<c>latitude</c> in WGS 84), <c>elevation</c> (or <c>elev</c>, <c>altitude</c>),
/// optional <c>date</c> (yyyy-MM-dd) and the value column (default <c>value</c>). Column names are case-insensitive.
/// </summary>
public sealed class StationTable
{
    private StationTable(string source, SpatialReference crs, IReadOnlyList<StationObservation> rows) { Source = source; Crs = crs; Observations = rows; }

    /// <summary>Accepted names of the station id column (case-insensitive).</summary>
    public static readonly string[] StationIdColumns = ["station", "station_id", "id", "site"];

    /// <summary>The file read.</summary>
    public string Source { get; }
    /// <summary>CRS of the coordinates.</summary>
    public SpatialReference Crs { get; }
    /// <summary>All rows.</summary>
    public IReadOnlyList<StationObservation> Observations { get; }

    /// <summary>Reads a station CSV.</summary>
    /// <param name="path">CSV file.</param>
    /// <param name="valueColumn">Name of the value column.</param>
    /// <param name="crs">CRS of x/y columns (ignored for lon/lat, which are EPSG:4326). Required when the table has x/y.</param>
    public static StationTable Read(string path, string valueColumn = "value", SpatialReference? crs = null) =>
        FromDataFrame(CsvTable.Read(path), path, valueColumn, crs);

    /// <summary>
    /// Builds a station table from a DataFrame with the columns described in the class summary (as <see cref="Read"/>
    /// does after reading the CSV); errors name <paramref name="path"/> and the CSV line (row + 2).
    /// </summary>
    /// <param name="df">The table (text columns may be strings, numeric columns doubles or numbers as text).</param>
    /// <param name="path">The file (or other source name) used in error messages and as <see cref="Source"/>.</param>
    /// <param name="valueColumn">Name of the value column.</param>
    /// <param name="crs">CRS of x/y columns (ignored for lon/lat, which are EPSG:4326). Required when the table has x/y.</param>
    public static StationTable FromDataFrame(Microsoft.Data.Analysis.DataFrame df, string path, string valueColumn = "value", SpatialReference? crs = null)
    {
        ArgumentNullException.ThrowIfNull(df);
        var names = df.Columns.Select(c => c.Name).ToArray();
        string? Find(params string[] options) => CsvTable.FindColumn(df, options);
        string Need(string what, params string[] options) => Find(options) ?? throw new FileFormatException(path, $"missing the {what} column (one of {string.Join(", ", options)}); columns are {string.Join(", ", names)}.", 1);
        var idCol = Need("station id", StationIdColumns);
        string xCol, yCol;
        SpatialReference c;
        if (Find("lon", "longitude", "long") is string lon)
        {
            xCol = lon; yCol = Need("latitude", "lat", "latitude"); c = SpatialReference.Wgs84;
        }
        else
        {
            xCol = Need("x coordinate", "x", "easting"); yCol = Need("y coordinate", "y", "northing");
            c = crs ?? throw new ArgumentException($"{path}: the table has x/y columns, so their CRS must be given (e.g. SpatialReference.Utm(49)).", nameof(crs));
        }
        var elevCol = Find("elevation", "elev", "altitude", "alt", "z");
        var dateCol = Find("date");
        var valCol = Need("value", valueColumn);
        var ids = CsvTable.TextColumn(df, idCol, path);
        var xs = CsvTable.NumericColumn(df, xCol, path);
        var ys = CsvTable.NumericColumn(df, yCol, path);
        var el = elevCol is null ? null : CsvTable.NumericColumn(df, elevCol, path);
        var vs = CsvTable.NumericColumn(df, valCol, path);
        var ds = dateCol is null ? null : CsvTable.TextColumn(df, dateCol, path);
        var rows = new List<StationObservation>();
        for (int i = 0; i < ids.Length; i++)
        {
            DateOnly? d = null;
            if (ds is not null && ds[i].Length > 0)
            {
                if (!DateOnly.TryParseExact(ds[i].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd))
                    throw new FileFormatException(path, $"date '{ds[i]}' is not yyyy-MM-dd.", i + 2, Array.IndexOf(names, dateCol) + 1);
                d = dd;
            }
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
                throw new FileFormatException(path, $"station '{ids[i]}' has missing coordinates.", i + 2);
            rows.Add(new StationObservation(ids[i], xs[i], ys[i], el?[i] ?? double.NaN, d, vs[i]));
        }
        if (rows.Count == 0) throw new FileFormatException(path, "the table has no rows.");
        return new StationTable(path, c, rows);
    }

    /// <summary>
    /// One value per station: the observations on <paramref name="date"/> (all rows when null), averaged per station when
    /// a station has several; stations whose value is missing are dropped.
    /// </summary>
    public IReadOnlyList<StationObservation> ForDate(DateOnly? date = null)
    {
        var sel = Observations.Where(o => date is null || o.Date == date).Where(o => !double.IsNaN(o.Value)).GroupBy(o => o.Station, StringComparer.Ordinal)
            .Select(g => g.First() with { Value = g.Average(o => o.Value), Date = date }).ToList();
        if (sel.Count == 0) throw new ArgumentException($"{Source}: no station has a value{(date is null ? "" : $" on {date:yyyy-MM-dd}")}.");
        return sel;
    }
}
