using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Pipelines.Changhe;
using EcoNotebooks.Productivity;
using EcoNotebooks.Samples.Changhe;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

/// <summary>
/// The climate drivers interpolated from the synthetic stations (thin-plate spline with elevation), the per-station
/// aggregation, and stations.csv in the own-data loader with its one-line errors.
/// </summary>
[Collection("changhe-pipeline")]
public sealed class ChangheStationClimateTests(ITestOutputHelper output)
{
    private void Show(string title, DataFrame df)
    {
        output.WriteLine($"== {title}");
        output.WriteLine(string.Join(" | ", df.Columns.Select(c => c.Name)));
        for (long r = 0; r < df.Rows.Count; r++)
            output.WriteLine(string.Join(" | ", df.Columns.Select(c => c[r] is double d ? d.ToString("G5") : c[r]?.ToString() ?? "")));
    }

    private static readonly Lazy<ChangheSample> SmallSample = new(() =>
        ChangheGenerator.Generate(new ChangheSampleOptions { Width = 48, Height = 40, FirstYear = 2015, LastYear = 2015, SoilPoints = 30 }));

    /// <summary>Writes the own-data layout (stations.csv + dem.tif, no MAT.tif …) of the small sample into <paramref name="dir"/>.</summary>
    private static void WriteOwnData(ChangheSample s, string dir, bool monthly = true)
    {
        string F(string name) => Path.Combine(dir, name);
        GeoTiff.Write(s.LandCover, F("land-cover.tif"));
        GeoTiff.Write(s.LandDegradation, F("ld.tif"));
        GeoTiff.Write(s.Dem, F("dem.tif"));
        CsvTable.Write(s.SoilSamples, F("soil-samples.csv"));
        CsvTable.Write(s.Stations, F("stations.csv"));
        if (!monthly) return;
        Directory.CreateDirectory(F("monthly"));
        foreach (var m in s.Months)
        {
            string M(string kind) => Path.Combine(dir, "monthly", $"{kind}_{m.Year}-{m.Month:00}.tif");
            GeoTiff.Write(m.Ndvi, M("ndvi")); GeoTiff.Write(m.Temperature, M("temperature")); GeoTiff.Write(m.Precipitation, M("precipitation"));
            GeoTiff.Write(m.SolarRadiation, M("solar")); GeoTiff.Write(m.Evapotranspiration!, M("evapotranspiration"));
        }
    }

    // Guards the synthetic path through the stations: the interpolated MAT reproduces the generator's MAT field (a
    // 0.6 °C/100 m lapse-rate field; stations carry a per-station bias of sd 0.2 °C) with RMSE < 0.15 °C, |bias| < 0.1 °C,
    // max error < 0.5 °C over all 126,000 pixels; the fitted elevation coefficient is the generator's −0.006 °C/m within
    // 0.0005; GCV and leave-one-out agree within a factor 1.5; every driver comes from the 30 stations.
    [Fact]
    public void Station_interpolated_MAT_matches_the_generator_field()
    {
        var s = ChangheFixture.Pipeline.StationClimate();
        Show("fits", s.Fits); Show("vs truth", s.TruthComparison!);
        Assert.Equal(ChangheInputs.ClimateCodes, s.FromStations);
        var t = s.TruthComparison!;
        Assert.True((double)t.Columns["rmse_vs_truth"][0]! < 0.15, $"MAT RMSE {t.Columns["rmse_vs_truth"][0]}");
        Assert.True(Math.Abs((double)t.Columns["bias"][0]!) < 0.1);
        Assert.True((double)t.Columns["max_abs_error"][0]! < 0.5);
        var f = s.Interpolation.Fits;
        Assert.Equal(30.0, (double)f.Columns["stations"][0]!);
        Assert.Equal(-0.006, (double)f.Columns["elevation_coefficient"][0]!, 0.0005);
        double gcv = (double)f.Columns["gcv_rmse"][0]!, loo = (double)f.Columns["loo_rmse"][0]!;
        Assert.InRange(gcv / loo, 1 / 1.5, 1.5);
        // The driver stack the analyses use is the interpolated map, not the generator's field.
        Assert.Same(s.Interpolation.Maps["MAT"], ChangheFixture.Pipeline.DriverStack()["MAT"]);
        Assert.NotEqual(ChangheFixture.Sample.Climate["MAP"][0].ToDoubleArray(), ChangheFixture.Pipeline.DriverStack()["MAP"][0].ToDoubleArray());
        // MAP carries the elevation trend (generator: +0.08 mm/m) with the right sign.
        Assert.True((double)f.Columns["elevation_coefficient"][1]! > 0);
    }

    // Guards the per-station aggregation against a direct computation from the table: with complete months the
    // climatology gives MAT = mean of all monthly temperatures, MAP = Σ precipitation / years, MAS likewise (1e-9).
    [Fact]
    public void Station_annual_values_are_the_monthly_climatology()
    {
        var s = ChangheFixture.Sample;
        var st = ChangheFixture.Pipeline.StationClimate().Interpolation.Stations;
        var ids = CsvTable.TextColumn(s.Stations, "station");
        int years = s.Options.LastYear - s.Options.FirstYear + 1;
        foreach (var id in new[] { "CH01", "CH17", "CH30" })
        {
            var rows = Enumerable.Range(0, ids.Length).Where(i => ids[i] == id).ToArray();
            double Col(string c, int i) => (double)s.Stations.Columns[c][i]!;
            int k = Array.IndexOf(CsvTable.TextColumn(st, "station"), id);
            Assert.Equal(rows.Average(i => Col("temperature", i)), (double)st.Columns["MAT"][k]!, 1e-9);
            Assert.Equal(rows.Sum(i => Col("precipitation", i)) / years, (double)st.Columns["MAP"][k]!, 1e-9);
            Assert.Equal(rows.Sum(i => Col("evapotranspiration", i)) / years, (double)st.Columns["MAE"][k]!, 1e-9);
            Assert.Equal(rows.Sum(i => Col("solar", i)) / years, (double)st.Columns["MAS"][k]!, 1e-9);
        }
        Assert.Equal(30, st.Rows.Count);
    }

    // Guards the own-data path: a folder with stations.csv and dem.tif instead of MAT.tif … loads to the same climate
    // drivers as the in-memory sample (CSV round trip is exact, so 1e-9), and CASA runs on it.
    [Fact]
    public void Loader_interpolates_the_drivers_from_stations_csv()
    {
        var small = SmallSample.Value;
        using var tmp = new TempDir();
        WriteOwnData(small, tmp.Path);
        var lines = new List<string>();
        var loaded = ChangheInputFiles.Load(tmp.Path, new SynchronousProgress(lines.Add));
        Assert.Equal(ChangheInputs.ClimateCodes, loaded.ClimateFromStations);
        Assert.NotNull(loaded.Dem);
        Assert.Equal(4, lines.Count(l => l.Contains("thin-plate spline")));
        var mem = ChangheInputs.FromSample(small);
        foreach (var code in ChangheInputs.ClimateCodes)
        {
            var a = loaded.Climate[code][0].ToDoubleArray(); var b = mem.Climate[code][0].ToDoubleArray();
            for (int i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], 1e-9);
        }
        Assert.Equal(12, new ChanghePipeline(loaded).Casa().Result.Months.Count);

        // A prepared raster takes precedence for its driver; the others still come from the stations.
        GeoTiff.Write(small.Climate["MAT"], tmp.File("MAT.tif"));
        var mixed = ChangheInputFiles.Load(tmp.Path);
        Assert.Equal(["MAP", "MAE", "MAS"], mixed.ClimateFromStations);
        Assert.Equal(small.Climate["MAT"][0].ToDoubleArray(), mixed.Climate["MAT"][0].ToDoubleArray());
    }

    // Guards the monthly climate from stations: without monthly temperature/precipitation/solar rasters the loader
    // interpolates each month from that month's station rows (equal to StationInterpolation on those rows, 1e-9), and
    // CASA on these fields keeps the mean NPP of the generator's fields within 5 % (station errors: 0.2 °C, ≈ 6 % rain,
    // 1.5 % solar, and NPP ∝ solar).
    [Fact]
    public void Missing_monthly_climate_rasters_are_interpolated_from_the_stations()
    {
        var small = SmallSample.Value;
        using var tmp = new TempDir();
        WriteOwnData(small, tmp.Path);
        foreach (var kind in new[] { "temperature", "precipitation", "solar" })
            foreach (var f in Directory.GetFiles(tmp.File("monthly"), kind + "_*.tif")) File.Delete(f);
        var loaded = ChangheInputFiles.Load(tmp.Path);
        var july = loaded.Months.Single(m => m.Month == 7);
        var table = EcoNotebooks.Interpolation.StationTable.Read(tmp.File("stations.csv"), "temperature", small.Grid.Crs);
        var obs = table.Observations.Where(o => o.Date == new DateOnly(2015, 7, 1)).ToList();
        Assert.Equal(30, obs.Count);
        var direct = EcoNotebooks.Interpolation.StationInterpolation.Interpolate(obs, table.Crs, small.Grid, new(), small.Dem)[0].ToDoubleArray();
        var viaLoader = EcoNotebooks.Rasters.Raster.Load(july.Temperature)[0].ToDoubleArray();
        for (int i = 0; i < direct.Length; i++) Assert.Equal(direct[i], viaLoader[i], 1e-9);
        double a = EcoNotebooks.Rasters.RasterStatistics.Compute(new ChanghePipeline(loaded).MeanAnnualNpp()).Mean;
        double b = EcoNotebooks.Rasters.RasterStatistics.Compute(ChanghePipeline.FromSample(small).MeanAnnualNpp()).Mean;
        output.WriteLine($"mean NPP: stations {a:F2}, generator fields {b:F2}");
        Assert.InRange(a / b, 0.95, 1.05);

        // a month with too few stations (annual drivers prepared, so only the monthly interpolation reads stations.csv)
        foreach (var (k, v) in small.Climate) GeoTiff.Write(v, tmp.File(k + ".tif"));
        var lines = File.ReadAllLines(tmp.File("stations.csv"));
        File.WriteAllLines(tmp.File("stations.csv"), lines.Where((l, i) => i == 0 || !l.Contains(",2015-03-01,", StringComparison.Ordinal) || string.CompareOrdinal(l[..4], "CH04") < 0));
        var e = Assert.Throws<ArgumentException>(() => ChangheInputFiles.Load(tmp.Path));
        Assert.Contains("stations.csv", e.Message);
        Assert.Contains("2015-03", e.Message);
    }

    // Guards the estimate used when stations.csv has no evapotranspiration column: per month the Zhou–Zhang estimate
    // from precipitation and net radiation 0.6·solar/2.45 (as CASA without an ET input), then the climatology (1e-9).
    [Fact]
    public void Without_an_evapotranspiration_column_MAE_is_estimated_as_CASA_does()
    {
        var small = SmallSample.Value;
        var table = small.Stations.Clone();
        table.Columns.Remove("evapotranspiration");
        var st = ChangheStationClimate.Interpolate(table, "stations.csv", small.Dem);
        Assert.False(st.EvapotranspirationFromTable);
        var ids = CsvTable.TextColumn(table, "station");
        var rows = Enumerable.Range(0, ids.Length).Where(i => ids[i] == "CH05").ToArray();
        double expected = rows.Sum(i => Casa.EstimatedEvapotranspiration((double)table.Columns["precipitation"][i]!, 0.6 * (double)table.Columns["solar"][i]! / 2.45));
        int k = Array.IndexOf(CsvTable.TextColumn(st.Stations, "station"), "CH05");
        Assert.Equal(expected, (double)st.Stations.Columns["MAE"][k]!, 1e-9);
    }

    // Guards the bad-input messages: one line, naming the file (and the column, station or count).
    [Fact]
    public void Bad_station_files_give_one_line_errors_naming_the_file()
    {
        var small = SmallSample.Value;
        using var tmp = new TempDir();
        WriteOwnData(small, tmp.Path, monthly: false);
        var csv = tmp.File("stations.csv");
        var original = File.ReadAllLines(csv);
        void OneLine(Exception e, params string[] parts)
        {
            output.WriteLine(e.Message);
            Assert.Single(e.Message.Split('\n'));
            Assert.Contains("stations.csv", e.Message);
            foreach (var p in parts) Assert.Contains(p, e.Message);
        }

        // missing column
        File.WriteAllLines(csv, original.Select(l => string.Join(',', l.Split(',').Take(7))));
        OneLine(Assert.Throws<FileFormatException>(() => ChangheInputFiles.Load(tmp.Path)), "'solar'");

        // a station outside the DEM (moved 0.5° east)
        File.WriteAllLines(csv, original.Select((l, i) => i > 0 && l.StartsWith("CH07,", StringComparison.Ordinal)
            ? string.Join(',', l.Split(',').Select((v, j) => j == 1 ? (double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture) : v))
            : l));
        OneLine(Assert.Throws<ArgumentException>(() => ChangheInputFiles.Load(tmp.Path)), "CH07", "outside", "dem.tif");

        // too few stations
        File.WriteAllLines(csv, original.Where((l, i) => i == 0 || string.CompareOrdinal(l[..4], "CH06") < 0));
        OneLine(Assert.Throws<ArgumentException>(() => ChangheInputFiles.Load(tmp.Path)), "only 5 station(s)", "at least 8");

        // stations without the DEM
        File.WriteAllLines(csv, original);
        File.Delete(tmp.File("dem.tif"));
        var e = Assert.Throws<FileNotFoundException>(() => ChangheInputFiles.Load(tmp.Path));
        Assert.Contains("dem.tif", e.Message);
        Assert.Single(e.Message.Split('\n'));

        // neither stations nor prepared drivers
        File.Delete(csv);
        e = Assert.Throws<FileNotFoundException>(() => ChangheInputFiles.Load(tmp.Path));
        Assert.Contains("MAT.tif", e.Message);
        Assert.Contains("stations.csv", e.Message);
    }

    private sealed class SynchronousProgress(Action<string> handler) : IProgress<string>
    {
        public void Report(string value) => handler(value);
    }
}
