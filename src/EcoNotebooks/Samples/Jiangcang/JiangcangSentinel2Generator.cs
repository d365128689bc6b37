using System.Globalization;
using EcoNotebooks.IO;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Jiangcang;

/// <summary>One synthetic Sentinel-2 L2A acquisition of the Jiangcang sample.</summary>
/// <param name="Year">Year of the peak season it belongs to.</param>
/// <param name="Satellite">"S2A" or "S2B".</param>
/// <param name="SensingTime">Datatake sensing start (UTC), as in the product and band file names.</param>
/// <param name="ProcessingBaseline">Processing baseline, e.g. 2.14 or 5.09 (≥ 4.00 → BOA_ADD_OFFSET −1000).</param>
/// <param name="RelativeOrbit">Relative orbit number (R004 …).</param>
/// <param name="Brightness">Common factor on red and NIR reflectance (illumination/BRDF differences between dates; leaves NDVI unchanged up to quantisation).</param>
/// <param name="Clouds">Number of cloud blobs (with shadows) over the sample area; 0 = clear.</param>
public sealed record JiangcangS2Acquisition(int Year, string Satellite, DateTime SensingTime, double ProcessingBaseline, int RelativeOrbit, double Brightness, int Clouds)
{
    /// <summary>BOA_ADD_OFFSET of the baseline: −1000 from 04.00 on, else 0.</summary>
    public int AddOffset => ProcessingBaseline >= 4.0 ? -1000 : 0;

    /// <summary>Baseline as in the product name, e.g. N0509.</summary>
    public string BaselineCode => "N" + ((int)Math.Round(ProcessingBaseline * 100)).ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>Product (folder) name, e.g. S2B_MSIL2A_20230814T040549_N0509_R047_T47SNC_20230814T072311.</summary>
    public string ProductName => $"{Satellite}_MSIL2A_{SensingTime:yyyyMMdd'T'HHmmss}_{BaselineCode}_R{RelativeOrbit:000}_{JiangcangSentinel2Generator.Tile}_{SensingTime.AddHours(3.5):yyyyMMdd'T'HHmmss}";

    /// <summary>Band file name as converted from the SAFE (e.g. T47SNC_20230814T040549_B04_10m.tif).</summary>
    public string BandFile(string band, int resolution) => $"{JiangcangSentinel2Generator.Tile}_{SensingTime:yyyyMMdd'T'HHmmss}_{band}_{resolution}m.tif";
}

/// <summary>
/// Turns the sample's yearly NDVI (<see cref="JiangcangNdviGenerator"/>) into Sentinel-2 L2A products as a user downloads
/// and converts them: per acquisition a folder named like the product (S2A_MSIL2A_…_N0509_R047_T47SNC_…) with
/// <c>T47SNC_…_B04_10m.tif</c> and <c>…_B08_10m.tif</c> (uint16 DN, 0 = no data), <c>…_SCL_20m.tif</c> (uint8 scene
/// classification at 20 m) and <c>MTD_MSIL2A.xml</c> (processing baseline, BOA_QUANTIFICATION_VALUE 10000 and, from
/// baseline 04.00, BOA_ADD_OFFSET −1000 for every band).
/// <para>Method. Surface reflectance is built so that NDVI equals the generator's: NIR
/// ρ_nir = g·(0.10 + 0.24·clamp(NDVI, 0, 1) + 0.015·s) with s a smooth brightness field and g the acquisition's
/// brightness factor, and ρ_red = ρ_nir·(1 − NDVI)/(1 + NDVI). DN = round(ρ·10000 − BOA_ADD_OFFSET). The quantisation
/// of both DNs moves the NDVI by at most 10⁻⁴/(ρ_nir + ρ_red) (half a DN in each band). Years 2020, 2022 and 2024 have two
/// August acquisitions with clouds (SCL 8, 9 and thin cirrus 10 at the rims) and their shadows (SCL 3) at places that
/// are clear on the other date, so every pixel has at least one clear observation and the cloud-masked composite gives
/// back the generator's NDVI; 2021 and 2023 have one clear acquisition. Cloudy pixels are bright (ρ ≈ 0.3–0.45,
/// NDVI ≈ 0), cirrus adds 0.04 to both bands, shadows darken both bands to 40 %. Clear pixels are SCL 4 (vegetation)
/// where NDVI ≥ 0.25, else 5 (not vegetated). SYNTHETIC: not Sentinel-2 data.</para>
/// </summary>
public static class JiangcangSentinel2Generator
{
    /// <summary>MGRS tile of the sample grid (UTM 47N, easting 500–600 km, northing 4200–4300 km).</summary>
    public const string Tile = "T47SNC";

    /// <summary>Folder of the products inside a Jiangcang data folder.</summary>
    public const string FolderName = "sentinel2";

    /// <summary>The acquisitions written, in date order (baselines as ESA processed them at the time: 02.14/03.01 before 2022, 04.00 and later after).</summary>
    public static IReadOnlyList<JiangcangS2Acquisition> Acquisitions { get; } =
    [
        new(2020, "S2B", new DateTime(2020, 8, 9, 4, 5, 49), 2.14, 47, 1.00, 3),
        new(2020, "S2A", new DateTime(2020, 8, 24, 4, 5, 51), 2.14, 47, 0.96, 4),
        new(2021, "S2A", new DateTime(2021, 8, 14, 4, 5, 41), 3.01, 47, 1.00, 0),
        new(2022, "S2B", new DateTime(2022, 8, 4, 4, 5, 49), 4.00, 47, 0.97, 3),
        new(2022, "S2A", new DateTime(2022, 8, 19, 4, 5, 51), 4.00, 47, 1.00, 3),
        new(2023, "S2B", new DateTime(2023, 8, 14, 4, 5, 49), 5.09, 47, 1.00, 0),
        new(2024, "S2A", new DateTime(2024, 8, 13, 4, 5, 51), 5.11, 47, 1.00, 4),
        new(2024, "S2B", new DateTime(2024, 8, 23, 4, 5, 49), 5.11, 47, 0.95, 2),
    ];

    /// <summary>Paths of the files written for every acquisition, relative to the data folder ('/' separated).</summary>
    public static IReadOnlyList<string> RelativeFileNames { get; } = Acquisitions.SelectMany(a => new[]
    {
        $"{FolderName}/{a.ProductName}/MTD_MSIL2A.xml", $"{FolderName}/{a.ProductName}/{a.BandFile("B04", 10)}",
        $"{FolderName}/{a.ProductName}/{a.BandFile("B08", 10)}", $"{FolderName}/{a.ProductName}/{a.BandFile("SCL", 20)}",
    }).ToList();

    private static readonly GeoTiffWriteOptions Tif = new() { Compression = GeoTiffCompression.Deflate, DeflateLevel = 9 };

    /// <summary>One acquisition in memory: B04 and B08 DNs on the 10 m grid, SCL on the 20 m grid.</summary>
    /// <param name="Acquisition">The acquisition.</param>
    /// <param name="Red">uint16 DN, 10 m.</param>
    /// <param name="Nir">uint16 DN, 10 m.</param>
    /// <param name="Scl">uint8 SCL classes, 20 m.</param>
    public sealed record Product(JiangcangS2Acquisition Acquisition, Raster Red, Raster Nir, Raster Scl);

    /// <summary>Builds every acquisition of <see cref="Acquisitions"/> from the sample NDVI (deterministic for <paramref name="options"/>.Seed).</summary>
    /// <exception cref="ArgumentException">The grid width or height is odd (the 20 m SCL grid must align), or an acquisition year has no NDVI.</exception>
    public static IReadOnlyList<Product> Generate(JiangcangNdviSample sample, JiangcangSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        var grid = options.Grid;
        int w = grid.Width, h = grid.Height, n = w * h;
        if (w % 2 != 0 || h % 2 != 0) throw new ArgumentException($"The grid must have an even width and height for the 20 m SCL (got {w} × {h}).", nameof(options));
        int w2 = w / 2, h2 = h / 2;
        var grid20 = RasterGrid.NorthUp(w2, h2, options.OriginX, options.OriginY, 2 * options.PixelSize, grid.Crs);
        var rng = new SeededRandom(unchecked(options.Seed * 31 + 2));
        var brightness = rng.SmoothField(w, h, 25);
        var result = new List<Product>();
        foreach (var year in Acquisitions.GroupBy(a => a.Year))
        {
            int t = sample.Years.ToList().IndexOf(year.Key);
            if (t < 0) throw new ArgumentException($"The sample has no NDVI for {year.Key}.", nameof(sample));
            var ndvi = sample.Ndvi[t].Band(0).ToDoubleArray();
            var taken = new bool[w2 * h2]; // masked on an earlier date of the year (with a 1-pixel margin)
            foreach (var a in year)
            {
                var scl = Clouds(a.Clouds, w2, h2, rng, taken);
                var red = new double[n];
                var nir = new double[n];
                for (int i = 0; i < n; i++)
                {
                    int c = i % w, r = i / w;
                    byte cls = scl[(r / 2) * w2 + c / 2];
                    double v = ndvi[i];
                    double pn = a.Brightness * (0.10 + 0.24 * Math.Clamp(v, 0, 1) + 0.015 * brightness[i]);
                    double pr = pn * (1 - v) / (1 + v);
                    switch (cls)
                    {
                        case 8 or 9:
                            pr = 0.30 + 0.15 * HashNoise.Uniform(options.Seed, i, a.SensingTime.DayOfYear);
                            pn = pr + 0.01;
                            break;
                        case 10: pr += 0.04; pn += 0.04; break;
                        case 3: pr *= 0.4; pn *= 0.4; break;
                    }
                    red[i] = Dn(pr, a.AddOffset);
                    nir[i] = Dn(pn, a.AddOffset);
                }
                for (int k = 0; k < scl.Length; k++) if (scl[k] == 0) scl[k] = ClearClassOf(ndvi, k / w2, k % w2, w);
                var sclRaster = Raster.Create(grid20, PixelType.UInt8, 1, 0);
                sclRaster.WriteWindow(0, new RasterWindow(0, 0, w2, h2), scl.Select(x => (double)x).ToArray());
                var redRaster = Raster.Create(grid, PixelType.UInt16, 1, 0);
                redRaster.WriteWindow(0, new RasterWindow(0, 0, w, h), red);
                var nirRaster = Raster.Create(grid, PixelType.UInt16, 1, 0);
                nirRaster.WriteWindow(0, new RasterWindow(0, 0, w, h), nir);
                result.Add(new Product(a, redRaster, nirRaster, sclRaster));
            }
        }
        return result;
    }

    /// <summary>Writes the products into <c><paramref name="folder"/>/sentinel2/</c>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, JiangcangNdviSample sample, JiangcangSampleOptions options)
    {
        var written = new List<string>();
        foreach (var p in Generate(sample, options))
        {
            var dir = Path.Combine(folder, FolderName, p.Acquisition.ProductName);
            Directory.CreateDirectory(dir);
            string P(string name) { var path = Path.Combine(dir, name); written.Add(path); return path; }
            AtomicFile.WriteAllText(P("MTD_MSIL2A.xml"), Metadata(p.Acquisition));
            GeoTiff.Write(p.Red, P(p.Acquisition.BandFile("B04", 10)), Tif);
            GeoTiff.Write(p.Nir, P(p.Acquisition.BandFile("B08", 10)), Tif);
            GeoTiff.Write(p.Scl, P(p.Acquisition.BandFile("SCL", 20)), Tif);
        }
        return written;
    }

    /// <summary>DN of a reflectance: round(ρ·10000 − BOA_ADD_OFFSET), kept within 1…65535 (0 is no data).</summary>
    public static double Dn(double reflectance, int addOffset) => Math.Clamp(Math.Round(reflectance * 10000 - addOffset, MidpointRounding.AwayFromZero), 1, 65535);

    /// <summary>The MTD_MSIL2A.xml of an acquisition (the elements the reader uses, in ESA's structure).</summary>
    public static string Metadata(JiangcangS2Acquisition a)
    {
        string offsets = a.AddOffset == 0 ? "" : "\n      <BOA_ADD_OFFSET_VALUES_LIST>\n"
            + string.Concat(Enumerable.Range(0, 13).Select(b => $"        <BOA_ADD_OFFSET band_id=\"{b}\">{a.AddOffset}</BOA_ADD_OFFSET>\n")) + "      </BOA_ADD_OFFSET_VALUES_LIST>";
        string baseline = a.ProcessingBaseline.ToString("00.00", CultureInfo.InvariantCulture);
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- SYNTHETIC: written by EcoNotebooks.Samples.Jiangcang.JiangcangSentinel2Generator, not an ESA product. -->
            <n1:Level-2A_User_Product xmlns:n1="https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-2A.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <n1:General_Info>
                <Product_Info>
                  <PRODUCT_START_TIME>{a.SensingTime:yyyy-MM-dd'T'HH:mm:ss}.024Z</PRODUCT_START_TIME>
                  <PRODUCT_STOP_TIME>{a.SensingTime:yyyy-MM-dd'T'HH:mm:ss}.024Z</PRODUCT_STOP_TIME>
                  <PRODUCT_URI>{a.ProductName}.SAFE</PRODUCT_URI>
                  <PROCESSING_LEVEL>Level-2A</PROCESSING_LEVEL>
                  <PRODUCT_TYPE>S2MSI2A</PRODUCT_TYPE>
                  <PROCESSING_BASELINE>{baseline}</PROCESSING_BASELINE>
                  <Datatake datatakeIdentifier="GS2{a.Satellite[2]}_{a.SensingTime:yyyyMMdd'T'HHmmss}_000000_N{baseline}">
                    <SPACECRAFT_NAME>Sentinel-2{a.Satellite[2]}</SPACECRAFT_NAME>
                    <SENSING_ORBIT_NUMBER>{a.RelativeOrbit}</SENSING_ORBIT_NUMBER>
                  </Datatake>
                </Product_Info>
                <Product_Image_Characteristics>
                  <QUANTIFICATION_VALUES_LIST>
                    <BOA_QUANTIFICATION_VALUE unit="none">10000</BOA_QUANTIFICATION_VALUE>
                    <AOT_QUANTIFICATION_VALUE unit="none">1000.0</AOT_QUANTIFICATION_VALUE>
                    <WVP_QUANTIFICATION_VALUE unit="cm">1000.0</WVP_QUANTIFICATION_VALUE>
                  </QUANTIFICATION_VALUES_LIST>{offsets}
                </Product_Image_Characteristics>
              </n1:General_Info>
            </n1:Level-2A_User_Product>

            """;
    }

    /// <summary>SCL of a clear 20 m pixel: 4 vegetation when the mean NDVI of its four 10 m pixels is ≥ 0.25, else 5.</summary>
    private static byte ClearClassOf(double[] ndvi, int r2, int c2, int w)
    {
        int i = 2 * r2 * w + 2 * c2;
        double m = (ndvi[i] + ndvi[i + 1] + ndvi[i + w] + ndvi[i + w + 1]) / 4;
        return m >= 0.25 ? (byte)4 : (byte)5;
    }

    /// <summary>
    /// SCL of the cloud part on the 20 m grid (0 = clear, filled in later): <paramref name="count"/> blobs of cloud
    /// (9 core, 8 medium, 10 cirrus rim) with a shadow (3) displaced to the north-west, none touching a pixel already
    /// masked on an earlier date of the year (<paramref name="taken"/>, updated).
    /// </summary>
    private static byte[] Clouds(int count, int w2, int h2, SeededRandom rng, bool[] taken)
    {
        var scl = new byte[w2 * h2];
        int placed = 0;
        for (int attempt = 0; placed < count && attempt < 500; attempt++)
        {
            double cx = rng.Uniform(0.05, 0.95) * w2, cy = rng.Uniform(0.05, 0.95) * h2, rad = rng.Uniform(5, 14);
            double sx = -rng.Uniform(4, 9), sy = -rng.Uniform(3, 7); // shadow offset (sun in the south-east in the morning)
            var blob = new Dictionary<int, byte>();
            int x0 = (int)Math.Floor(cx + sx - 1.3 * rad), x1 = (int)Math.Ceiling(cx + 1.3 * rad), y0 = (int)Math.Floor(cy + sy - 1.3 * rad), y1 = (int)Math.Ceiling(cy + 1.3 * rad);
            double phase = rng.Uniform(0, 2 * Math.PI);
            for (int y = Math.Max(0, y0); y <= Math.Min(h2 - 1, y1); y++)
                for (int x = Math.Max(0, x0); x <= Math.Min(w2 - 1, x1); x++)
                {
                    double Rel(double px, double py) { double dx = px - cx, dy = py - cy; return Math.Sqrt(dx * dx + dy * dy) / (rad * (1 + 0.25 * Math.Sin(3 * Math.Atan2(dy, dx) + phase))); }
                    double d = Rel(x, y), ds = Rel(x - sx, y - sy);
                    byte cls = d < 0.6 ? (byte)9 : d < 0.9 ? (byte)8 : d < 1.1 ? (byte)10 : ds < 0.95 ? (byte)3 : (byte)0;
                    if (cls != 0) blob[y * w2 + x] = cls;
                }
            if (blob.Count == 0 || blob.Keys.Any(k => Near(taken, k, w2, h2) || scl[k] != 0)) continue;
            foreach (var (k, v) in blob) scl[k] = v;
            placed++;
        }
        if (placed < count) throw new InvalidOperationException($"Could place only {placed} of {count} clouds without overlapping an earlier date's clouds.");
        for (int k = 0; k < scl.Length; k++) if (scl[k] != 0) taken[k] = true;
        return scl;
    }

    private static bool Near(bool[] taken, int k, int w2, int h2)
    {
        int x = k % w2, y = k / w2;
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
                int xx = x + dx, yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < w2 && yy < h2 && taken[yy * w2 + xx]) return true;
            }
        return false;
    }
}
