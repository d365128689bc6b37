using System.Globalization;
using System.Text;
using BitMiracle.LibTiff.Classic;

namespace EcoNotebooks.IO.GeoTiff;

/// <summary>
/// Process-wide set-up of BitMiracle.LibTiff.NET for GeoTIFF: registers the GeoTIFF and GDAL tags with a tag extender
/// (so they are read and written as typed arrays instead of anonymous fields) and replaces LibTiff's console error
/// printer by a handler that collects messages per thread, so a failing call can be turned into one
/// <see cref="FileFormatException"/> that repeats LibTiff's reason.
/// </summary>
/// <remarks>LibTiff.NET's handlers are static (library-wide); messages are kept in a [ThreadStatic] buffer because
/// every LibTiff call of a reader or writer happens synchronously on the calling thread.</remarks>
internal static class LibTiffRuntime
{
    /// <summary>ModelPixelScaleTag: (ScaleX, ScaleY, ScaleZ), DOUBLE.</summary>
    public const TiffTag ModelPixelScale = (TiffTag)33550;
    /// <summary>ModelTiepointTag: n × (I, J, K, X, Y, Z), DOUBLE.</summary>
    public const TiffTag ModelTiepoint = (TiffTag)33922;
    /// <summary>ModelTransformationTag: 4×4 row-major matrix, DOUBLE.</summary>
    public const TiffTag ModelTransformation = (TiffTag)34264;
    /// <summary>GeoKeyDirectoryTag, SHORT.</summary>
    public const TiffTag GeoKeyDirectory = (TiffTag)34735;
    /// <summary>GeoDoubleParamsTag, DOUBLE.</summary>
    public const TiffTag GeoDoubleParams = (TiffTag)34736;
    /// <summary>GeoAsciiParamsTag, ASCII.</summary>
    public const TiffTag GeoAsciiParams = (TiffTag)34737;
    /// <summary>GDAL_METADATA, ASCII XML.</summary>
    public const TiffTag GdalMetadata = (TiffTag)42112;
    /// <summary>GDAL_NODATA, ASCII number.</summary>
    public const TiffTag GdalNoData = (TiffTag)42113;

    private static readonly TiffFieldInfo[] Fields =
    [
        new(ModelPixelScale, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScale"),
        new(ModelTiepoint, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepoint"),
        new(ModelTransformation, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformation"),
        new(GeoKeyDirectory, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectory"),
        new(GeoDoubleParams, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "GeoDoubleParams"),
        new(GeoAsciiParams, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GeoAsciiParams"),
        new(GdalMetadata, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDALMetadata"),
        new(GdalNoData, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoDataValue"),
    ];

    private static readonly object Gate = new();
    private static bool _initialised;
    private static Tiff.TiffExtendProc? _parentExtender;

    [ThreadStatic] private static StringBuilder? _errors;

    /// <summary>Installs the tag extender and the error handler once per process.</summary>
    public static void EnsureInitialised()
    {
        if (Volatile.Read(ref _initialised)) return;
        lock (Gate)
        {
            if (_initialised) return;
            _parentExtender = Tiff.SetTagExtender(Extend);
            Tiff.SetErrorHandler(new CapturingErrorHandler());
            Volatile.Write(ref _initialised, true);
        }
    }

    private static void Extend(Tiff tif)
    {
        tif.MergeFieldInfo(Fields, Fields.Length);
        _parentExtender?.Invoke(tif);
    }

    /// <summary>Forgets messages collected so far on this thread.</summary>
    public static void ClearErrors() => _errors?.Clear();

    /// <summary>Messages LibTiff reported on this thread since the last <see cref="ClearErrors"/> (joined by "; "), or null.</summary>
    public static string? TakeErrors()
    {
        if (_errors is null || _errors.Length == 0) return null;
        string s = _errors.ToString();
        _errors.Clear();
        return s;
    }

    private sealed class CapturingErrorHandler : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) => Add(method, format, args);

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }

        private static void Add(string method, string format, object[] args)
        {
            string msg;
            try { msg = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format; }
            catch (FormatException) { msg = format; }
            msg = msg.ReplaceLineEndings(" ").Trim();
            var sb = _errors ??= new StringBuilder();
            if (sb.Length > 2000) return; // keep the first messages; later ones are usually consequences
            if (sb.Length > 0) sb.Append("; ");
            if (!string.IsNullOrEmpty(method)) sb.Append(method).Append(": ");
            sb.Append(msg);
        }
    }
}
