using System.Globalization;

namespace EcoNotebooks.Tests.TestSupport;

/// <summary>GDAL as the reference in tests: one point through <c>gdaltransform</c>, and pixel-wise agreement with a GDAL-written raster.</summary>
internal static class GdalReference
{
    /// <summary>
    /// <c>gdaltransform -s_srs <paramref name="sourceSrs"/> -t_srs <paramref name="targetSrs"/> -output_xy</c> of one point
    /// (traditional GIS axis order). Skips locally and fails in CI when gdal-bin is missing.
    /// </summary>
    public static (double X, double Y) Transform(string sourceSrs, string targetSrs, double x, double y)
    {
        var exe = ExternalTools.Require("gdaltransform", "apt-get install gdal-bin");
        var psi = new System.Diagnostics.ProcessStartInfo(exe) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-s_srs", sourceSrs, "-t_srs", targetSrs, "-output_xy" }) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x:R} {y:R}"));
        p.StandardInput.Close();
        var parts = p.StandardOutput.ReadToEnd().Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        p.WaitForExit();
        return (parts[0], parts[1]);
    }

    /// <summary>
    /// Asserts that two rasters (row-major, NaN = missing) have the same missing pixels (up to
    /// <paramref name="maxMissingMismatch"/> differing), more than length / <paramref name="validDivisor"/> valid pixels
    /// (0 = no such check) and values within <paramref name="tolerance"/>.
    /// </summary>
    public static void AssertAgree(double[] ours, double[] gdal, double tolerance, int maxMissingMismatch = 0, int validDivisor = 4)
    {
        Assert.Equal(gdal.Length, ours.Length);
        int mismatch = 0, valid = 0;
        double maxDiff = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            if (double.IsNaN(ours[i]) != double.IsNaN(gdal[i])) { mismatch++; continue; }
            if (double.IsNaN(ours[i])) continue;
            valid++;
            maxDiff = Math.Max(maxDiff, Math.Abs(ours[i] - gdal[i]));
        }
        Assert.True(mismatch <= maxMissingMismatch, $"{mismatch} pixels missing in one result only");
        if (validDivisor > 0) Assert.True(valid > ours.Length / validDivisor, $"only {valid} of {ours.Length} valid pixels");
        Assert.True(maxDiff <= tolerance, $"max |ours − gdalwarp| = {maxDiff}");
    }
}
