using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Pipelines.Changhe;
using EcoNotebooks.Samples.Changhe;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

/// <summary>The climate drivers interpolated from the synthetic stations, and the station file of the own-data loader.</summary>
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

    [Fact]
    public void Explore()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var s = ChangheFixture.Pipeline.StationClimate();
        output.WriteLine($"{sw.Elapsed.TotalSeconds:F2} s");
        Show("fits", s.Fits);
        Show("truth", s.TruthComparison!);
        Show("stations", s.Interpolation.Stations);
    }
}
