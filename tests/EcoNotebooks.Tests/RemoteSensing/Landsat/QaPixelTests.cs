using EcoNotebooks.Rasters;
using EcoNotebooks.RemoteSensing.Landsat;

namespace EcoNotebooks.Tests.RemoteSensing.Landsat;

/// <summary>Guards QA_PIXEL bit decoding on words taken from real Landsat 8 C2 files.</summary>
public class QaPixelTests
{
    [Fact]
    public void Bits_DecodeAsDocumented()
    {
        Assert.True(QaPixel.HasAny(LandsatFixture.QaClear, QaPixelFlags.Clear));
        Assert.False(QaPixel.HasAny(LandsatFixture.QaClear, QaPixel.DefaultCloudMask));
        Assert.True(QaPixel.HasAny(LandsatFixture.QaWater, QaPixelFlags.Water));
        Assert.True(QaPixel.HasAny(LandsatFixture.QaCloud, QaPixelFlags.Cloud));
        Assert.Equal(QaConfidence.High, QaPixel.Confidence(LandsatFixture.QaCloud, QaConfidenceField.Cloud));
        Assert.Equal(QaConfidence.Low, QaPixel.Confidence(LandsatFixture.QaClear, QaConfidenceField.Cloud));
        Assert.True(QaPixel.HasAny(LandsatFixture.QaShadow, QaPixelFlags.CloudShadow));
        Assert.Equal(QaConfidence.High, QaPixel.Confidence(LandsatFixture.QaShadow, QaConfidenceField.CloudShadow));
        Assert.True(QaPixel.HasAny(LandsatFixture.QaSnow, QaPixelFlags.Snow));
        Assert.Equal(QaConfidence.High, QaPixel.Confidence(LandsatFixture.QaSnow, QaConfidenceField.SnowIce));
        Assert.True(QaPixel.HasAny(LandsatFixture.QaDilated, QaPixelFlags.DilatedCloud));
        Assert.True(QaPixel.HasAny(LandsatFixture.QaFill, QaPixelFlags.Fill));
        Assert.True(QaPixel.HasAny(1 << 2, QaPixelFlags.Cirrus));
        Assert.Equal(QaConfidence.High, QaPixel.Confidence(3 << 14, QaConfidenceField.Cirrus));
    }

    [Fact]
    public void ClearMask_MasksCloudShadowDilatedFillButKeepsSnowAndWater()
    {
        int[] words = [LandsatFixture.QaClear, LandsatFixture.QaWater, LandsatFixture.QaCloud, LandsatFixture.QaShadow, LandsatFixture.QaDilated, LandsatFixture.QaSnow, LandsatFixture.QaFill, 1 << 2];
        var grid = RasterGrid.NorthUp(words.Length, 1, 0, 0, 30, SpatialReference.Utm(49));
        var qa = Raster.Create(grid, PixelType.UInt16);
        for (int i = 0; i < words.Length; i++) qa.Band(0)[i, 0] = words[i];
        var clear = QaPixel.ClearMask(qa).Band(0).ToDoubleArray();
        Assert.Equal([1, 1, 0, 0, 0, 1, 0, 0], clear);
        var noSnow = QaPixel.ClearMask(qa, QaPixel.DefaultCloudMask | QaPixelFlags.Snow).Band(0).ToDoubleArray();
        Assert.Equal(0, noSnow[5]);
        var water = QaPixel.FlagMask(qa, QaPixelFlags.Water).Band(0).ToDoubleArray();
        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 0], water);
        // a cloud-confidence threshold masks a pixel whose cloud bit is not set but confidence is medium
        Assert.True(QaPixel.IsMasked(LandsatFixture.QaClear | (2 << 8), QaPixelFlags.None, QaConfidence.Medium));
    }
}
