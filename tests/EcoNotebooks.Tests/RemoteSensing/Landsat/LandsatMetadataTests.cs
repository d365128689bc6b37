using EcoNotebooks.IO;
using EcoNotebooks.RemoteSensing;
using EcoNotebooks.RemoteSensing.Landsat;

namespace EcoNotebooks.Tests.RemoteSensing.Landsat;

/// <summary>Guards MTL parsing in all three USGS encodings, sensor recognition, band mapping, scale/offset and K1/K2.</summary>
public class LandsatMetadataTests
{
    private const string Id = "LC08_L2SP_125034_20200815_20200919_02_T1";

    [Theory]
    [InlineData("txt")]
    [InlineData("json")]
    [InlineData("xml")]
    public void AllThreeFormats_GiveTheSameFields(string format)
    {
        string text = format switch { "json" => LandsatFixture.MtlJson(Id, "20200815"), "xml" => LandsatFixture.MtlXml(Id, "20200815"), _ => LandsatFixture.MtlTxt(Id, "20200815") };
        var m = LandsatMetadata.Parse(text, format, $"{Id}_MTL.{format}");
        Assert.Equal(Id, m.ProductId);
        Assert.Equal(LandsatSensor.OliTirs, m.Sensor);
        Assert.Equal(new DateOnly(2020, 8, 15), m.DateAcquired);
        Assert.Equal(49, m.UtmZone);
        Assert.Equal("L2SP", m.ProcessingLevel);
        Assert.Equal((2.75e-5, -0.2), m.ReflectanceScale(4));
        Assert.Equal((0.00341802, 149.0), m.TemperatureScale());
        var (k1, k2, fromMtl) = m.ThermalConstants();
        Assert.True(fromMtl);
        Assert.Equal(774.8853, k1);
        Assert.Equal(1321.0789, k2);
        Assert.Equal($"{Id}_SR_B5.TIF", m.Get("FILE_NAME_BAND_5"));
        Assert.Equal("02", m.Get("COLLECTION_NUMBER"));
    }

    [Fact]
    public void MissingScaleAndThermalGroups_FallBackToDocumentedConstants()
    {
        var text = "GROUP = LANDSAT_METADATA_FILE\n  GROUP = IMAGE_ATTRIBUTES\n    SPACECRAFT_ID = \"LANDSAT_5\"\n    SENSOR_ID = \"TM\"\n  END_GROUP = IMAGE_ATTRIBUTES\nEND_GROUP = LANDSAT_METADATA_FILE\nEND\n";
        var m = LandsatMetadata.Parse(text, "txt");
        Assert.Equal(LandsatSensor.Tm, m.Sensor);
        Assert.Equal((2.75e-5, -0.2), m.ReflectanceScale(3));
        Assert.Equal((0.00341802, 149.0), m.TemperatureScale());
        Assert.Equal((607.76, 1260.56, false), m.ThermalConstants());
    }

    [Fact]
    public void Etm_ReadsVcid1ThermalConstants()
    {
        var text = "GROUP = LANDSAT_METADATA_FILE\n GROUP = IMAGE_ATTRIBUTES\n  SPACECRAFT_ID = \"LANDSAT_7\"\n  SENSOR_ID = \"ETM\"\n END_GROUP = IMAGE_ATTRIBUTES\n GROUP = LEVEL1_THERMAL_CONSTANTS\n  K1_CONSTANT_BAND_6_VCID_1 = 666.09\n  K2_CONSTANT_BAND_6_VCID_1 = 1282.71\n END_GROUP = LEVEL1_THERMAL_CONSTANTS\nEND_GROUP = LANDSAT_METADATA_FILE\nEND\n";
        var m = LandsatMetadata.Parse(text, "txt");
        Assert.Equal(LandsatSensor.Etm, m.Sensor);
        Assert.Equal((666.09, 1282.71, true), m.ThermalConstants());
    }

    [Theory]
    [InlineData(LandsatSensor.Tm, CommonBand.Blue, 1)]
    [InlineData(LandsatSensor.Tm, CommonBand.Swir2, 7)]
    [InlineData(LandsatSensor.Tm, CommonBand.Thermal, 6)]
    [InlineData(LandsatSensor.Etm, CommonBand.Nir, 4)]
    [InlineData(LandsatSensor.OliTirs, CommonBand.Blue, 2)]
    [InlineData(LandsatSensor.OliTirs, CommonBand.Nir, 5)]
    [InlineData(LandsatSensor.OliTirs, CommonBand.Swir1, 6)]
    [InlineData(LandsatSensor.OliTirs, CommonBand.Thermal, 10)]
    public void BandNumbers_FollowUsgsNaming(LandsatSensor sensor, CommonBand band, int number) =>
        Assert.Equal(number, LandsatBandMap.BandNumber(sensor, band));

    [Fact]
    public void UnknownSensor_IsOneLineNamingTheFile()
    {
        var text = LandsatFixture.MtlTxt(Id, "20200815", spacecraft: "SENTINEL_2A", sensor: "MSI");
        var e = Assert.Throws<FileFormatException>(() => LandsatMetadata.Parse(text, "txt", "scene/x_MTL.txt"));
        Assert.Contains("scene/x_MTL.txt", e.Message);
        Assert.Contains("SENTINEL_2A", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TruncatedOdl_NamesLine()
    {
        var text = LandsatFixture.MtlTxt(Id, "20200815");
        text = text[..text.IndexOf("END_GROUP = IMAGE_ATTRIBUTES", StringComparison.Ordinal)];
        var e = Assert.Throws<FileFormatException>(() => LandsatMetadata.Parse(text, "txt", "t_MTL.txt"));
        Assert.Contains("not closed", e.Message);
    }
}
