namespace EcoNotebooks.IO.GeoTiff;

/// <summary>Compression of a written GeoTIFF (GDAL creation option <c>COMPRESS</c>).</summary>
public enum GeoTiffCompression
{
    /// <summary>Uncompressed (COMPRESS=NONE).</summary>
    None,
    /// <summary>Lempel–Ziv–Welch, TIFF Compression = 5 (COMPRESS=LZW).</summary>
    Lzw,
    /// <summary>zlib/DEFLATE, TIFF Compression = 8 "Adobe deflate" (COMPRESS=DEFLATE).</summary>
    Deflate,
}

/// <summary>TIFF Predictor applied before compression (GDAL creation option <c>PREDICTOR</c>).</summary>
public enum GeoTiffPredictor
{
    /// <summary>Horizontal differencing for integer types, floating-point predictor for float types, when compressing; none when uncompressed.</summary>
    Auto,
    /// <summary>No predictor (PREDICTOR=1).</summary>
    None,
    /// <summary>Horizontal differencing (PREDICTOR=2); 8-, 16- and 32-bit samples only.</summary>
    Horizontal,
    /// <summary>Floating-point predictor (PREDICTOR=3); float32/float64 only.</summary>
    FloatingPoint,
}

/// <summary>Whether to write BigTIFF (64-bit offsets) instead of classic TIFF (GDAL creation option <c>BIGTIFF</c>).</summary>
public enum BigTiffMode
{
    /// <summary>BigTIFF when the uncompressed pixel data is estimated above 4 GB (BIGTIFF=IF_NEEDED).</summary>
    Auto,
    /// <summary>Always BigTIFF (BIGTIFF=YES).</summary>
    Always,
    /// <summary>Never BigTIFF (BIGTIFF=NO); writing fails if the file would exceed 4 GB.</summary>
    Never,
}

/// <summary>
/// How <see cref="GeoTiffWriter"/> lays out and compresses a GeoTIFF. The defaults (DEFLATE, stripped, automatic
/// predictor) match <c>gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=2|3</c>.
/// </summary>
public sealed record GeoTiffWriteOptions
{
    /// <summary>Default options.</summary>
    public static GeoTiffWriteOptions Default { get; } = new();

    /// <summary>Compression; default <see cref="GeoTiffCompression.Deflate"/>.</summary>
    public GeoTiffCompression Compression { get; init; } = GeoTiffCompression.Deflate;

    /// <summary>Write square tiles of <see cref="TileSize"/> pixels (GDAL TILED=YES) instead of full-width strips.</summary>
    public bool Tiled { get; init; }

    /// <summary>Tile width and height in pixels when <see cref="Tiled"/>; a multiple of 16 (TIFF rule), 16–4096; default 256 (GDAL BLOCKXSIZE/BLOCKYSIZE).</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>Rows per strip when not tiled; null chooses strips of about 256 KB of pixel data (at least 1 row).</summary>
    public int? RowsPerStrip { get; init; }

    /// <summary>Predictor; default <see cref="GeoTiffPredictor.Auto"/>.</summary>
    public GeoTiffPredictor Predictor { get; init; } = GeoTiffPredictor.Auto;

    /// <summary>DEFLATE level 1 (fast) – 9 (small); default 6 (GDAL ZLEVEL).</summary>
    public int DeflateLevel { get; init; } = 6;

    /// <summary>BigTIFF choice; default <see cref="BigTiffMode.Auto"/> (BigTIFF above 4 GB of estimated pixel data).</summary>
    public BigTiffMode BigTiff { get; init; } = BigTiffMode.Auto;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public GeoTiffWriteOptions Validate()
    {
        if (!Enum.IsDefined(Compression)) throw new ArgumentOutOfRangeException(nameof(Compression), Compression, "Unknown compression.");
        if (!Enum.IsDefined(Predictor)) throw new ArgumentOutOfRangeException(nameof(Predictor), Predictor, "Unknown predictor.");
        if (!Enum.IsDefined(BigTiff)) throw new ArgumentOutOfRangeException(nameof(BigTiff), BigTiff, "Unknown BigTIFF mode.");
        if (TileSize is < 16 or > 4096 || TileSize % 16 != 0)
            throw new ArgumentOutOfRangeException(nameof(TileSize), TileSize, "Tile size must be a multiple of 16 between 16 and 4096.");
        if (RowsPerStrip is int r && r < 1) throw new ArgumentOutOfRangeException(nameof(RowsPerStrip), r, "Rows per strip must be ≥ 1.");
        if (DeflateLevel is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(DeflateLevel), DeflateLevel, "DEFLATE level must be 1–9.");
        return this;
    }
}
