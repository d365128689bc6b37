using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Pipelines.Changhe;
using EcoNotebooks.Samples.Changhe;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.Interactive;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

/// <summary>The committed sample files, the generator checksums and the own-data loader.</summary>
[Collection("changhe-pipeline")]
public sealed class ChangheSampleFilesTests
{
    // Guards determinism of the rasters that are NOT committed (regenerated on use): SHA-256 of their float32 bytes for
    // the default seed. If the generator changes on purpose, update these and re-run `econb samples-changhe`.
    [Fact]
    public void Generator_checksums_are_pinned()
    {
        var sums = ChangheSampleWriter.Checksums(ChangheFixture.Sample);
        Assert.Equal("ef8984aef3699ac7479dd9cd35eb62e132a2b86ad72b804aea1db35dc1fcaafe", sums["land_cover"]);
        Assert.Equal("ab8cec4860fa0cf72ae9262b7144c2d9f33ca610b96b0e7eb10f11432c58192f", sums["ld"]);
        Assert.Equal("976fa2aa0d9954be01df949369d85fea26f1f5d556eb86616e1a8ad4a425c0f4", sums["ndvi_2015_07"]);
        Assert.Equal("ad25fa51ffa600f38e92eea28672617bcfe9a8959366c2e4e5914b74050e6d62", sums["soc_truth"]);
    }

    // Guards that the committed data-samples/changhe files are what the generator writes today (tables byte for byte,
    // rasters pixel for pixel) and that the README states seed, calibration and checksums.
    [Fact]
    public void Committed_sample_files_match_the_generator()
    {
        var committed = Path.Combine(RepositoryPaths.Root, "data-samples", "changhe");
        using var tmp = new TempDir();
        ChangheSampleWriter.Write(ChangheFixture.Sample, tmp.Path);
        foreach (var name in new[] { "soil-samples.csv", "stations.csv", "mines.csv", "hazard-indicators.csv", "README.md" })
            Assert.Equal(File.ReadAllText(Path.Combine(committed, name)), File.ReadAllText(tmp.File(name)));
        foreach (var name in new[] { "land-cover.tif", "ld.tif", "dem.tif" })
            Assert.Equal(GeoTiff.Read(tmp.File(name))[0].ToDoubleArray(), GeoTiff.Read(Path.Combine(committed, name))[0].ToDoubleArray());
        var readme = File.ReadAllText(Path.Combine(committed, "README.md"));
        Assert.Contains("SYNTHETIC", readme);
        Assert.Contains("20150701", readme);
        Assert.Contains("290.13", readme);
        Assert.Contains(ChangheSampleWriter.Checksums(ChangheFixture.Sample)["ld"], readme);
        long total = Directory.GetFiles(committed).Sum(f => new FileInfo(f).Length);
        Assert.True(total < 2_000_000, $"data-samples/changhe is {total} bytes");
        var soil = CsvTable.Read(Path.Combine(committed, "soil-samples.csv"), ["x", "y", .. ChangheInputs.SoilCodes]);
        Assert.Equal(117, soil.Rows.Count);
    }

    // Guards the own-data path: a folder laid out as ChangheInputFiles documents (here written from a small synthetic
    // sample) loads back to the same CASA result as the in-memory inputs (float32 files: 1e-4 relative).
    [Fact]
    public void Own_data_folder_loads_and_gives_the_same_npp()
    {
        var small = ChangheGenerator.Generate(new ChangheSampleOptions { Width = 48, Height = 40, FirstYear = 2015, LastYear = 2015, SoilPoints = 30 });
        using var tmp = new TempDir();
        GeoTiff.Write(small.LandCover, tmp.File("land-cover.tif"));
        GeoTiff.Write(small.LandDegradation, tmp.File("ld.tif"));
        foreach (var (k, v) in small.Climate) GeoTiff.Write(v, tmp.File(k + ".tif"));
        CsvTable.Write(small.SoilSamples, tmp.File("soil-samples.csv"));
        Directory.CreateDirectory(tmp.File("monthly"));
        foreach (var m in small.Months)
        {
            string F(string kind) => Path.Combine(tmp.Path, "monthly", $"{kind}_{m.Year}-{m.Month:00}.tif");
            GeoTiff.Write(m.Ndvi, F("ndvi")); GeoTiff.Write(m.Temperature, F("temperature")); GeoTiff.Write(m.Precipitation, F("precipitation"));
            GeoTiff.Write(m.SolarRadiation, F("solar")); GeoTiff.Write(m.Evapotranspiration!, F("evapotranspiration"));
        }
        var loaded = ChangheInputFiles.Load(tmp.Path);
        Assert.Equal(12, loaded.Months.Count);
        Assert.Null(loaded.FineNdvi);
        var a = new ChanghePipeline(loaded).MeanAnnualNpp()[0].ToDoubleArray();
        var b = ChanghePipeline.FromSample(small).MeanAnnualNpp()[0].ToDoubleArray();
        for (int i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], Math.Max(1e-3, 1e-4 * Math.Abs(b[i])));
        var ex = Assert.Throws<FileNotFoundException>(() => { File.Delete(tmp.File("MAS.tif")); ChangheInputFiles.Load(tmp.Path); });
        Assert.Contains("MAS.tif", ex.Message);
    }
}

/// <summary>The <c>econb samples-changhe</c> command.</summary>
[Collection("cli")]
public sealed class SamplesChangheCommandTests
{
    // Guards the JSON contract {out, seed, files[{name, bytes, sha256}], checksums{land_cover, ld, ndvi_2015_07, soc_truth}}
    // and that the files land in --out.
    [Fact]
    public void Writes_the_files_and_reports_them_as_json()
    {
        using var tmp = new TempDir();
        var outDir = tmp.File("changhe");
        var doc = CliRunner.RunJson("samples-changhe", "--out", outDir, "--json");
        Assert.Equal(["out", "seed", "files", "checksums"], doc.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(20150701, doc.GetProperty("seed").GetInt32());
        var files = doc.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(ChangheSampleWriter.FileNames, files.Select(f => f.GetProperty("name").GetString()));
        Assert.All(files, f => Assert.Equal(["name", "bytes", "sha256"], f.EnumerateObject().Select(p => p.Name).ToArray()));
        Assert.All(files, f => Assert.Equal(new FileInfo(Path.Combine(outDir, f.GetProperty("name").GetString()!)).Length, f.GetProperty("bytes").GetInt64()));
        Assert.Equal("ab8cec4860fa0cf72ae9262b7144c2d9f33ca610b96b0e7eb10f11432c58192f", doc.GetProperty("checksums").GetProperty("ld").GetString());
    }

    // Guards the one-line error when --out names a file.
    [Fact]
    public void Out_that_is_a_file_is_a_one_line_error()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("x"), "");
        var (code, _, err) = CliRunner.Run("samples-changhe", "--out", tmp.File("x"));
        Assert.Equal(1, code);
        Assert.Contains("is a file", err);
        Assert.Single(err.Trim().Split('\n'));
    }
}
