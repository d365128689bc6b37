using System.Globalization;
using System.Text;
using EcoNotebooks.IO;
using EcoNotebooks.Permafrost;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Permafrost;

/// <summary>
/// Guards the station-record reader of the permafrost forcing. Expected values are analytic: a linear ramp in time is
/// reproduced exactly by linear gap filling (tolerance 1e-12), 29 February is dropped, partial years are cut.
/// </summary>
public class DailyAirTemperatureTests
{
    private static double Ramp(DateOnly d) => -20 + 0.01 * (d.DayNumber - new DateOnly(2000, 1, 1).DayNumber);

    private static string Write(TempDir tmp, string name, Func<DateOnly, string?> row, DateOnly from, DateOnly to, string header)
    {
        var sb = new StringBuilder(header + "\n");
        for (var d = from; d <= to; d = d.AddDays(1))
            if (row(d) is { } line) sb.Append(line).Append('\n');
        File.WriteAllText(tmp.File(name), sb.ToString());
        return tmp.File(name);
    }

    [Fact]
    public void DatedRecord_CutsToWholeYears_DropsLeapDays_FillsShortGapsLinearly()
    {
        using var tmp = new TempDir();
        // 2003-07-01 … 2006-03-31: whole years 2004 (leap) and 2005; a 5-day gap (empty cells) and 2 missing rows.
        var gap = new HashSet<DateOnly>(Enumerable.Range(0, 5).Select(i => new DateOnly(2004, 3, 10).AddDays(i)));
        var missing = new HashSet<DateOnly> { new(2005, 12, 30), new(2005, 12, 31) };
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var path = Write(tmp, "xining.csv", d => missing.Contains(d) ? null : $"{d:yyyy-MM-dd},{(gap.Contains(d) ? "" : F(Ramp(d)))}",
            new DateOnly(2003, 7, 1), new DateOnly(2006, 3, 31), "date,xining_air_c");
        var s = DailyAirTemperature.ReadForSite(path, "xining");
        Assert.Equal(2004, s.FirstYear);
        Assert.Equal(2, s.Years);
        Assert.Equal(730, s.Values.Length);
        Assert.Equal(1, s.DroppedLeapDays);
        Assert.Equal(7, s.FilledDays);
        Assert.Equal(184 + 90, s.TrimmedDays);   // Jul–Dec 2003 and Jan–Mar 2006
        int k = 0;
        for (var d = new DateOnly(2004, 1, 1); d <= new DateOnly(2005, 12, 31); d = d.AddDays(1))
        {
            if (d is { Month: 2, Day: 29 }) continue;
            // Inside the record the ramp is linear in time, so interpolation returns it exactly. The two missing days at
            // the end of the kept years have no later neighbour inside them (2006 is a partial year and left out), so
            // they take the nearest kept value (2005-12-29).
            double expected = missing.Contains(d) ? Ramp(new DateOnly(2005, 12, 29)) : Ramp(d);
            Assert.True(Math.Abs(s.Values[k] - expected) < 1e-12, $"{d}: {s.Values[k]} vs {expected}");
            k++;
        }
    }

    [Fact]
    public void StationTable_UsesTheRowsOfTheSite_AndScale()
    {
        using var tmp = new TempDir();
        var sb = new StringBuilder("station,lon,lat,elevation,date,value\n");
        for (var d = new DateOnly(2010, 1, 1); d <= new DateOnly(2010, 12, 31); d = d.AddDays(1))
        {
            sb.Append(CultureInfo.InvariantCulture, $"52866,101.75,36.72,2295,{d:yyyy-MM-dd},{(int)Math.Round(Ramp(d) * 10)}\n");
            sb.Append(CultureInfo.InvariantCulture, $"52754,100.13,37.33,3302,{d:yyyy-MM-dd},999\n");
        }
        File.WriteAllText(tmp.File("ghcn.csv"), sb.ToString());
        var s = DailyAirTemperature.ReadForSite(tmp.File("ghcn.csv"), "52866", scale: 0.1);
        Assert.Equal(365, s.Values.Length);
        Assert.Equal(Math.Round(Ramp(new DateOnly(2010, 6, 1)) * 10) / 10, s.Values[151], 12);
        var e = Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(tmp.File("ghcn.csv"), "52754"));
        Assert.Contains("ghcn.csv", e.Message);
        Assert.Contains("999", e.Message);   // implausible value, hint at units
        var e2 = Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(tmp.File("ghcn.csv"), "99999"));
        Assert.Contains("52866", e2.Message);
    }

    [Fact]
    public void ModelDayLayout_EqualsTheSampleReader()
    {
        var path = Path.Combine(RepoPaths.Root, "data-samples", "xining", "air_temperature.csv");
        var s = DailyAirTemperature.ReadForSite(path, "muli");
        Assert.Equal(SoilProfileCsv.ReadAirTemperature(path, "muli_air_c"), s.Values);
        Assert.Equal(0, s.FirstYear);
    }

    [Fact]
    public void BadRecords_GiveOneLineErrorsNamingFileAndDates()
    {
        using var tmp = new TempDir();
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var longGap = Write(tmp, "gap.csv", d => d.Month == 4 && d.Day <= 20 ? null : $"{d:yyyy-MM-dd},{F(Ramp(d))}", new DateOnly(2001, 1, 1), new DateOnly(2001, 12, 31), "date,muli_air_c");
        var e = Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(longGap, "muli"));
        Assert.Contains("gap.csv", e.Message);
        Assert.Contains("2001-04-01", e.Message);
        Assert.Contains("2001-04-20", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(365, DailyAirTemperature.ReadForSite(longGap, "muli", maxGapDays: 20).Values.Length);

        var partial = Write(tmp, "partial.csv", d => $"{d:yyyy-MM-dd},{F(Ramp(d))}", new DateOnly(2001, 3, 1), new DateOnly(2002, 2, 1), "date,muli_air_c");
        Assert.Contains("no whole calendar year", Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(partial, "muli")).Message);

        File.WriteAllText(tmp.File("dup.csv"), "date,muli_air_c\n2001-01-01,1\n2001-01-01,2\n");
        Assert.Contains("2001-01-01 appears twice", Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(tmp.File("dup.csv"), "muli")).Message);

        File.WriteAllText(tmp.File("baddate.csv"), "date,muli_air_c\n01/01/2001,1\n");
        Assert.Contains("yyyy-MM-dd", Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(tmp.File("baddate.csv"), "muli")).Message);

        File.WriteAllText(tmp.File("nocol.csv"), "day,temp\n0,1\n");
        Assert.Contains("muli_air_c", Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(tmp.File("nocol.csv"), "muli")).Message);

        File.WriteAllText(tmp.File("short.csv"), "muli_air_c\n1\n2\n");
        Assert.Contains("365-day years", Assert.Throws<FileFormatException>(() => DailyAirTemperature.ReadForSite(tmp.File("short.csv"), "muli")).Message);
    }
}
