using System.Globalization;
using EcoNotebooks.IO.GeoTiff;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Tests.RemoteSensing.Landsat;

/// <summary>
/// Writes small Landsat Collection 2 Level-2 scenes laid out as USGS delivers them: one GeoTIFF per band named
/// {product id}_SR_B{n}.TIF / _ST_B10.TIF / _ST_TRAD.TIF / _QA_PIXEL.TIF (uint16 with nodata 0 for SR/ST, int16 −9999 for
/// ST_TRAD, uint16 QA with fill 1) and the MTL metadata in ODL text, JSON and XML with the groups and keys of real
/// C2 L2SP files (values modelled on LC08_L2SP_125034_20200815_20200919_02_T1).
/// </summary>
internal static class LandsatFixture
{
    public const int Width = 40, Height = 30;
    public const double OriginX = 600_000, OriginY = 4_000_020, Pixel = 30;
    public static RasterGrid Grid => RasterGrid.NorthUp(Width, Height, OriginX, OriginY, Pixel, SpatialReference.Utm(49));

    /// <summary>QA words seen in real L8 C2 files.</summary>
    public const int QaClear = 21824;            // bits 6 clear, 8/10/12/14 low confidences
    public const int QaWater = 21952;            // clear + bit 7 water
    public const int QaCloud = 22280;            // bit 3 cloud, cloud confidence high (bits 8-9 = 3), bit 10 and 12 low
    public const int QaShadow = 23888;           // bit 4 cloud shadow, shadow confidence high (bits 10-11 = 3), cloud conf low
    public const int QaDilated = 21826;          // bit 1 dilated cloud on a low-confidence pixel
    public const int QaSnow = 30048;             // bit 5 snow, bit 6 clear, snow confidence high (bits 12-13 = 3)
    public const int QaFill = 1;

    public static double ReflectanceToDn(double rho) => Math.Round((rho + 0.2) / 2.75e-5);

    /// <summary>Reflectance of band <paramref name="oliBand"/> at (c, r) in scene <paramref name="seed"/>, exactly representable after DN rounding.</summary>
    public static double Rho(int oliBand, int c, int r, int seed) => ReflectanceToDn(0.02 * oliBand + 0.004 * c + 0.003 * r + 0.01 * seed) * 2.75e-5 - 0.2;

    public static string ProductId(string date, string spacecraft = "LC08") => $"{spacecraft}_L2SP_125034_{date}_20200919_02_T1";

    /// <summary>Writes a scene folder; <paramref name="qa"/> gives the QA word per pixel.</summary>
    public static string WriteScene(string root, string date, Func<int, int, int> qa, int seed, string mtlFormat = "txt",
        string spacecraft = "LANDSAT_8", string sensor = "OLI_TIRS", int[]? skipBands = null, bool writeK = true)
    {
        string id = ProductId(date);
        string folder = Path.Combine(root, id);
        Directory.CreateDirectory(folder);
        var g = Grid;
        foreach (int b in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            if (skipBands?.Contains(b) == true) continue;
            var r = Raster.Create(g, PixelType.UInt16, 1, 0);
            for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++)
                r.Band(0)[x, y] = qa(x, y) == QaFill ? 0 : ReflectanceToDn(Rho(b, x, y, seed));
            GeoTiff.Write(r, Path.Combine(folder, $"{id}_SR_B{b}.TIF"));
        }
        var st = Raster.Create(g, PixelType.UInt16, 1, 0);
        var trad = Raster.Create(g, PixelType.Int16, 1, -9999);
        var qaR = Raster.Create(g, PixelType.UInt16, 1, 1);
        for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++)
        {
            bool fill = qa(x, y) == QaFill;
            st.Band(0)[x, y] = fill ? 0 : 44_000 + 10 * x + seed;       // ≈ 299.4 K
            trad.Band(0)[x, y] = fill ? -9999 : 9_000 + 5 * y + seed;   // ≈ 9.0 W m-2 sr-1 um-1
            qaR.Band(0)[x, y] = qa(x, y);
        }
        GeoTiff.Write(st, Path.Combine(folder, $"{id}_ST_B10.TIF"));
        GeoTiff.Write(trad, Path.Combine(folder, $"{id}_ST_TRAD.TIF"));
        GeoTiff.Write(qaR, Path.Combine(folder, $"{id}_QA_PIXEL.TIF"));
        string ext = mtlFormat;
        string text = mtlFormat switch { "json" => MtlJson(id, date, spacecraft, sensor, writeK), "xml" => MtlXml(id, date, spacecraft, sensor, writeK), _ => MtlTxt(id, date, spacecraft, sensor, writeK) };
        File.WriteAllText(Path.Combine(folder, $"{id}_MTL.{ext}"), text);
        return folder;
    }

    private static string Iso(string yyyymmdd) => DateOnly.ParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MtlTxt(string id, string date, string spacecraft = "LANDSAT_8", string sensor = "OLI_TIRS", bool writeK = true)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"""
GROUP = LANDSAT_METADATA_FILE
  GROUP = PRODUCT_CONTENTS
    ORIGIN = "Image courtesy of the U.S. Geological Survey"
    DIGITAL_OBJECT_IDENTIFIER = "https://doi.org/10.5066/P9OGBGM6"
    LANDSAT_PRODUCT_ID = "{id}"
    PROCESSING_LEVEL = "L2SP"
    COLLECTION_NUMBER = 02
    COLLECTION_CATEGORY = "T1"
    OUTPUT_FORMAT = "GEOTIFF"
    FILE_NAME_BAND_1 = "{id}_SR_B1.TIF"
    FILE_NAME_BAND_2 = "{id}_SR_B2.TIF"
    FILE_NAME_BAND_3 = "{id}_SR_B3.TIF"
    FILE_NAME_BAND_4 = "{id}_SR_B4.TIF"
    FILE_NAME_BAND_5 = "{id}_SR_B5.TIF"
    FILE_NAME_BAND_6 = "{id}_SR_B6.TIF"
    FILE_NAME_BAND_7 = "{id}_SR_B7.TIF"
    FILE_NAME_BAND_ST_B10 = "{id}_ST_B10.TIF"
    FILE_NAME_THERMAL_RADIANCE = "{id}_ST_TRAD.TIF"
    FILE_NAME_UPWELL_RADIANCE = "{id}_ST_URAD.TIF"
    FILE_NAME_DOWNWELL_RADIANCE = "{id}_ST_DRAD.TIF"
    FILE_NAME_ATMOSPHERIC_TRANSMITTANCE = "{id}_ST_ATRAN.TIF"
    FILE_NAME_EMISSIVITY = "{id}_ST_EMIS.TIF"
    FILE_NAME_EMISSIVITY_STDEV = "{id}_ST_EMSD.TIF"
    FILE_NAME_CLOUD_DISTANCE = "{id}_ST_CDIST.TIF"
    FILE_NAME_QUALITY_L2_AEROSOL = "{id}_SR_QA_AEROSOL.TIF"
    FILE_NAME_QUALITY_L2_SURFACE_TEMPERATURE = "{id}_ST_QA.TIF"
    FILE_NAME_QUALITY_L1_PIXEL = "{id}_QA_PIXEL.TIF"
    FILE_NAME_QUALITY_L1_RADIOMETRIC_SATURATION = "{id}_QA_RADSAT.TIF"
    FILE_NAME_ANGLE_COEFFICIENT = "{id}_ANG.txt"
    FILE_NAME_METADATA_ODL = "{id}_MTL.txt"
    FILE_NAME_METADATA_XML = "{id}_MTL.xml"
    DATA_TYPE_BAND_1 = "UINT16"
    DATA_TYPE_BAND_ST_B10 = "UINT16"
    DATA_TYPE_QUALITY_L1_PIXEL = "UINT16"
  END_GROUP = PRODUCT_CONTENTS
  GROUP = IMAGE_ATTRIBUTES
    SPACECRAFT_ID = "{spacecraft}"
    SENSOR_ID = "{sensor}"
    WRS_TYPE = 2
    WRS_PATH = 125
    WRS_ROW = 34
    NADIR_OFFNADIR = "NADIR"
    TARGET_WRS_PATH = 125
    TARGET_WRS_ROW = 34
    DATE_ACQUIRED = {Iso(date)}
    SCENE_CENTER_TIME = "03:14:58.6394930Z"
    STATION_ID = "LGN"
    CLOUD_COVER = 12.34
    CLOUD_COVER_LAND = 12.34
    IMAGE_QUALITY_OLI = 9
    IMAGE_QUALITY_TIRS = 9
    SUN_AZIMUTH = 134.58162387
    SUN_ELEVATION = 58.72631702
    EARTH_SUN_DISTANCE = 1.0128046
  END_GROUP = IMAGE_ATTRIBUTES
  GROUP = PROJECTION_ATTRIBUTES
    MAP_PROJECTION = "UTM"
    DATUM = "WGS84"
    ELLIPSOID = "WGS84"
    UTM_ZONE = 49
    GRID_CELL_SIZE_REFLECTIVE = 30.00
    GRID_CELL_SIZE_THERMAL = 30.00
    REFLECTIVE_LINES = {Height}
    REFLECTIVE_SAMPLES = {Width}
    ORIENTATION = "NORTH_UP"
    CORNER_UL_PROJECTION_X_PRODUCT = {OriginX:F3}
    CORNER_UL_PROJECTION_Y_PRODUCT = {OriginY:F3}
  END_GROUP = PROJECTION_ATTRIBUTES
  GROUP = LEVEL2_PROCESSING_RECORD
    ORIGIN = "Image courtesy of the U.S. Geological Survey"
    PROCESSING_SOFTWARE_VERSION_LEVEL2 = "LPGS_15.3.1c"
    ALGORITHM_SOURCE_SURFACE_REFLECTANCE = "LaSRC_1.5.0"
  END_GROUP = LEVEL2_PROCESSING_RECORD
  GROUP = LEVEL2_SURFACE_REFLECTANCE_PARAMETERS

""");
        for (int b = 1; b <= 7; b++)
            sb.Append($"    REFLECTANCE_MAXIMUM_BAND_{b} = 1.602213\n    REFLECTANCE_MINIMUM_BAND_{b} = -0.199972\n    QUANTIZE_CAL_MAX_BAND_{b} = 65535\n    QUANTIZE_CAL_MIN_BAND_{b} = 1\n");
        for (int b = 1; b <= 7; b++)
            sb.Append($"    REFLECTANCE_MULT_BAND_{b} = 2.75e-05\n    REFLECTANCE_ADD_BAND_{b} = -0.2\n");
        sb.Append("""
  END_GROUP = LEVEL2_SURFACE_REFLECTANCE_PARAMETERS
  GROUP = LEVEL2_SURFACE_TEMPERATURE_PARAMETERS
    TEMPERATURE_MAXIMUM_BAND_ST_B10 = 372.999941
    TEMPERATURE_MINIMUM_BAND_ST_B10 = 149.003418
    QUANTIZE_CAL_MAXIMUM_BAND_ST_B10 = 65535
    QUANTIZE_CAL_MINIMUM_BAND_ST_B10 = 1
    TEMPERATURE_MULT_BAND_ST_B10 = 0.00341802
    TEMPERATURE_ADD_BAND_ST_B10 = 149.0
  END_GROUP = LEVEL2_SURFACE_TEMPERATURE_PARAMETERS
  GROUP = LEVEL1_RADIOMETRIC_RESCALING
    RADIANCE_MULT_BAND_10 = 3.3420E-04
    RADIANCE_ADD_BAND_10 = 0.10000
  END_GROUP = LEVEL1_RADIOMETRIC_RESCALING

""");
        if (writeK)
            sb.Append("""
  GROUP = LEVEL1_THERMAL_CONSTANTS
    K1_CONSTANT_BAND_10 = 774.8853
    K2_CONSTANT_BAND_10 = 1321.0789
    K1_CONSTANT_BAND_11 = 480.8883
    K2_CONSTANT_BAND_11 = 1201.1442
  END_GROUP = LEVEL1_THERMAL_CONSTANTS

""");
        sb.Append("END_GROUP = LANDSAT_METADATA_FILE\nEND\n");
        return sb.ToString();
    }

    public static string MtlJson(string id, string date, string spacecraft = "LANDSAT_8", string sensor = "OLI_TIRS", bool writeK = true)
    {
        var refl = string.Join(",\n", Enumerable.Range(1, 7).Select(b => $"      \"REFLECTANCE_MULT_BAND_{b}\": \"2.75e-05\",\n      \"REFLECTANCE_ADD_BAND_{b}\": \"-0.2\""));
        var files = string.Join(",\n", Enumerable.Range(1, 7).Select(b => $"      \"FILE_NAME_BAND_{b}\": \"{id}_SR_B{b}.TIF\""));
        var k = writeK ? $",\n    \"LEVEL1_THERMAL_CONSTANTS\": {{\n      \"K1_CONSTANT_BAND_10\": \"774.8853\",\n      \"K2_CONSTANT_BAND_10\": \"1321.0789\",\n      \"K1_CONSTANT_BAND_11\": \"480.8883\",\n      \"K2_CONSTANT_BAND_11\": \"1201.1442\"\n    }}" : "";
        return $$"""
{
  "LANDSAT_METADATA_FILE": {
    "PRODUCT_CONTENTS": {
      "ORIGIN": "Image courtesy of the U.S. Geological Survey",
      "DIGITAL_OBJECT_IDENTIFIER": "https://doi.org/10.5066/P9OGBGM6",
      "LANDSAT_PRODUCT_ID": "{{id}}",
      "PROCESSING_LEVEL": "L2SP",
      "COLLECTION_NUMBER": "02",
      "COLLECTION_CATEGORY": "T1",
      "OUTPUT_FORMAT": "GEOTIFF",
{{files}},
      "FILE_NAME_BAND_ST_B10": "{{id}}_ST_B10.TIF",
      "FILE_NAME_THERMAL_RADIANCE": "{{id}}_ST_TRAD.TIF",
      "FILE_NAME_QUALITY_L1_PIXEL": "{{id}}_QA_PIXEL.TIF"
    },
    "IMAGE_ATTRIBUTES": {
      "SPACECRAFT_ID": "{{spacecraft}}",
      "SENSOR_ID": "{{sensor}}",
      "WRS_TYPE": "2",
      "WRS_PATH": "125",
      "WRS_ROW": "34",
      "DATE_ACQUIRED": "{{Iso(date)}}",
      "SCENE_CENTER_TIME": "03:14:58.6394930Z",
      "CLOUD_COVER": "12.34"
    },
    "PROJECTION_ATTRIBUTES": {
      "MAP_PROJECTION": "UTM",
      "DATUM": "WGS84",
      "UTM_ZONE": "49",
      "GRID_CELL_SIZE_REFLECTIVE": "30.00"
    },
    "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS": {
{{refl}}
    },
    "LEVEL2_SURFACE_TEMPERATURE_PARAMETERS": {
      "TEMPERATURE_MULT_BAND_ST_B10": "0.00341802",
      "TEMPERATURE_ADD_BAND_ST_B10": "149.0"
    }{{k}}
  }
}
""";
    }

    public static string MtlXml(string id, string date, string spacecraft = "LANDSAT_8", string sensor = "OLI_TIRS", bool writeK = true)
    {
        var refl = string.Concat(Enumerable.Range(1, 7).Select(b => $"    <REFLECTANCE_MULT_BAND_{b}>2.75e-05</REFLECTANCE_MULT_BAND_{b}>\n    <REFLECTANCE_ADD_BAND_{b}>-0.2</REFLECTANCE_ADD_BAND_{b}>\n"));
        var files = string.Concat(Enumerable.Range(1, 7).Select(b => $"    <FILE_NAME_BAND_{b}>{id}_SR_B{b}.TIF</FILE_NAME_BAND_{b}>\n"));
        var k = writeK ? "  <LEVEL1_THERMAL_CONSTANTS>\n    <K1_CONSTANT_BAND_10>774.8853</K1_CONSTANT_BAND_10>\n    <K2_CONSTANT_BAND_10>1321.0789</K2_CONSTANT_BAND_10>\n  </LEVEL1_THERMAL_CONSTANTS>\n" : "";
        return $"""
<?xml version="1.0" encoding="UTF-8"?>
<LANDSAT_METADATA_FILE>
  <PRODUCT_CONTENTS>
    <ORIGIN>Image courtesy of the U.S. Geological Survey</ORIGIN>
    <LANDSAT_PRODUCT_ID>{id}</LANDSAT_PRODUCT_ID>
    <PROCESSING_LEVEL>L2SP</PROCESSING_LEVEL>
    <COLLECTION_NUMBER>02</COLLECTION_NUMBER>
{files}    <FILE_NAME_BAND_ST_B10>{id}_ST_B10.TIF</FILE_NAME_BAND_ST_B10>
    <FILE_NAME_THERMAL_RADIANCE>{id}_ST_TRAD.TIF</FILE_NAME_THERMAL_RADIANCE>
    <FILE_NAME_QUALITY_L1_PIXEL>{id}_QA_PIXEL.TIF</FILE_NAME_QUALITY_L1_PIXEL>
  </PRODUCT_CONTENTS>
  <IMAGE_ATTRIBUTES>
    <SPACECRAFT_ID>{spacecraft}</SPACECRAFT_ID>
    <SENSOR_ID>{sensor}</SENSOR_ID>
    <DATE_ACQUIRED>{Iso(date)}</DATE_ACQUIRED>
    <CLOUD_COVER>12.34</CLOUD_COVER>
  </IMAGE_ATTRIBUTES>
  <PROJECTION_ATTRIBUTES>
    <MAP_PROJECTION>UTM</MAP_PROJECTION>
    <UTM_ZONE>49</UTM_ZONE>
  </PROJECTION_ATTRIBUTES>
  <LEVEL2_SURFACE_REFLECTANCE_PARAMETERS>
{refl}  </LEVEL2_SURFACE_REFLECTANCE_PARAMETERS>
  <LEVEL2_SURFACE_TEMPERATURE_PARAMETERS>
    <TEMPERATURE_MULT_BAND_ST_B10>0.00341802</TEMPERATURE_MULT_BAND_ST_B10>
    <TEMPERATURE_ADD_BAND_ST_B10>149.0</TEMPERATURE_ADD_BAND_ST_B10>
  </LEVEL2_SURFACE_TEMPERATURE_PARAMETERS>
{k}</LANDSAT_METADATA_FILE>
""";
    }
}
