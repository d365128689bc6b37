using EcoNotebooks.Rasters;

namespace EcoNotebooks.RemoteSensing.Landsat;

/// <summary>Single-bit flags of the Collection 2 QA_PIXEL band (USGS Landsat 8–9 C2 L2 Science Product Guide, Table 6-3; same bits for TM/ETM+, where bit 2 is unused).</summary>
[Flags]
public enum QaPixelFlags
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>Bit 0: fill (no data).</summary>
    Fill = 1 << 0,
    /// <summary>Bit 1: dilated cloud.</summary>
    DilatedCloud = 1 << 1,
    /// <summary>Bit 2: cirrus (high confidence; OLI only).</summary>
    Cirrus = 1 << 2,
    /// <summary>Bit 3: cloud.</summary>
    Cloud = 1 << 3,
    /// <summary>Bit 4: cloud shadow.</summary>
    CloudShadow = 1 << 4,
    /// <summary>Bit 5: snow.</summary>
    Snow = 1 << 5,
    /// <summary>Bit 6: clear (none of cloud and dilated cloud set).</summary>
    Clear = 1 << 6,
    /// <summary>Bit 7: water.</summary>
    Water = 1 << 7,
}

/// <summary>Two-bit confidence fields of QA_PIXEL (bits 8–9 cloud, 10–11 cloud shadow, 12–13 snow/ice, 14–15 cirrus).</summary>
public enum QaConfidenceField
{
    /// <summary>Bits 8–9.</summary>
    Cloud = 8,
    /// <summary>Bits 10–11.</summary>
    CloudShadow = 10,
    /// <summary>Bits 12–13.</summary>
    SnowIce = 12,
    /// <summary>Bits 14–15.</summary>
    Cirrus = 14,
}

/// <summary>Confidence levels of the two-bit fields: 0 none (not set), 1 low, 2 medium (reserved for cloud shadow/snow/cirrus), 3 high.</summary>
public enum QaConfidence
{
    /// <summary>0: none / not determined.</summary>
    None = 0,
    /// <summary>1: low.</summary>
    Low = 1,
    /// <summary>2: medium (cloud) or reserved.</summary>
    Medium = 2,
    /// <summary>3: high.</summary>
    High = 3,
}

/// <summary>
/// Decoding of the Landsat Collection 2 QA_PIXEL band (uint16) into masks. A pixel is masked when any of the chosen
/// single-bit flags is set, or when a chosen confidence field reaches its threshold.
/// Python equivalent: <c>(qa &amp; (1 &lt;&lt; bit)) != 0</c>; Google Earth Engine: <c>qa.bitwiseAnd(1 &lt;&lt; 3)</c>.
/// </summary>
public static class QaPixel
{
    /// <summary>The default "not clear" set: fill, dilated cloud, cirrus, cloud and cloud shadow (snow and water stay usable).</summary>
    public const QaPixelFlags DefaultCloudMask = QaPixelFlags.Fill | QaPixelFlags.DilatedCloud | QaPixelFlags.Cirrus | QaPixelFlags.Cloud | QaPixelFlags.CloudShadow;

    /// <summary>True when any of <paramref name="flags"/> is set in the QA word <paramref name="qa"/>.</summary>
    public static bool HasAny(int qa, QaPixelFlags flags) => (qa & (int)flags) != 0;

    /// <summary>The two-bit confidence of <paramref name="field"/> in the QA word.</summary>
    public static QaConfidence Confidence(int qa, QaConfidenceField field) => (QaConfidence)((qa >> (int)field) & 3);

    /// <summary>True if the QA word <paramref name="qa"/> is masked: any of <paramref name="flags"/> set, or the cloud confidence ≥ <paramref name="minCloudConfidence"/> (when given).</summary>
    public static bool IsMasked(int qa, QaPixelFlags flags, QaConfidence? minCloudConfidence = null) =>
        HasAny(qa, flags) || (minCloudConfidence is QaConfidence c && c != QaConfidence.None && Confidence(qa, QaConfidenceField.Cloud) >= c);

    /// <summary>
    /// A uint8 raster on the QA grid: 1 where the pixel is clear (no flag of <paramref name="maskFlags"/> set), 0 where
    /// masked. Missing QA pixels (NaN or the file's nodata) count as fill, hence masked.
    /// </summary>
    public static Raster ClearMask(IRasterSource qa, QaPixelFlags maskFlags = DefaultCloudMask, QaConfidence? minCloudConfidence = null)
    {
        ArgumentNullException.ThrowIfNull(qa);
        var result = Raster.Create(qa.Grid, PixelType.UInt8);
        var (bw, bh) = (qa.Grid.Width, Math.Max(1, Math.Min(qa.Grid.Height, (1 << 18) / qa.Grid.Width)));
        var buf = new double[(long)bw * bh];
        var outBuf = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(qa.Grid.Width, qa.Grid.Height, bw, bh))
        {
            int n = (int)w.PixelCount;
            qa.ReadWindow(0, w, buf.AsSpan(0, n));
            for (int i = 0; i < n; i++)
                outBuf[i] = NoData.IsMissing(buf[i], qa.NoData) || IsMasked((int)buf[i], maskFlags | QaPixelFlags.Fill, minCloudConfidence) ? 0 : 1;
            result.WriteWindow(0, w, outBuf.AsSpan(0, n));
        }
        return result;
    }

    /// <summary>A uint8 raster: 1 where any of <paramref name="flags"/> is set (e.g. <see cref="QaPixelFlags.Water"/> for a water mask), else 0.</summary>
    public static Raster FlagMask(IRasterSource qa, QaPixelFlags flags)
    {
        ArgumentNullException.ThrowIfNull(qa);
        var all = Raster.Load(qa).Band(0).ToDoubleArray(missingAsNaN: false);
        var v = new double[all.Length];
        for (int i = 0; i < v.Length; i++) v[i] = HasAny((int)all[i], flags) ? 1 : 0;
        var r = Raster.Create(qa.Grid, PixelType.UInt8);
        r.WriteWindow(0, new RasterWindow(0, 0, qa.Grid.Width, qa.Grid.Height), v);
        return r;
    }
}
