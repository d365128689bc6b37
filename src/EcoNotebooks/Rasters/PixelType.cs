namespace EcoNotebooks.Rasters;

/// <summary>Storage type of raster pixels. Names follow GDAL's data types (Byte, Int16, UInt16, Int32, Float32, Float64).</summary>
public enum PixelType
{
    /// <summary>Unsigned 8-bit integer, 0–255 (GDAL Byte).</summary>
    UInt8,
    /// <summary>Signed 16-bit integer, −32768–32767 (GDAL Int16).</summary>
    Int16,
    /// <summary>Unsigned 16-bit integer, 0–65535 (GDAL UInt16).</summary>
    UInt16,
    /// <summary>Signed 32-bit integer (GDAL Int32).</summary>
    Int32,
    /// <summary>IEEE 754 single precision (GDAL Float32).</summary>
    Float32,
    /// <summary>IEEE 754 double precision (GDAL Float64).</summary>
    Float64,
}

/// <summary>Helpers for <see cref="PixelType"/>.</summary>
public static class PixelTypes
{
    /// <summary>Bytes per pixel of one band.</summary>
    public static int SizeInBytes(this PixelType type) => type switch
    {
        PixelType.UInt8 => 1,
        PixelType.Int16 or PixelType.UInt16 => 2,
        PixelType.Int32 or PixelType.Float32 => 4,
        PixelType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
    };

    /// <summary>True for Float32 and Float64.</summary>
    public static bool IsFloatingPoint(this PixelType type) => type is PixelType.Float32 or PixelType.Float64;

    /// <summary>Lower-case name as printed by <c>econb raster info</c>: uint8, int16, uint16, int32, float32, float64.</summary>
    public static string ToName(this PixelType type) => type switch
    {
        PixelType.UInt8 => "uint8",
        PixelType.Int16 => "int16",
        PixelType.UInt16 => "uint16",
        PixelType.Int32 => "int32",
        PixelType.Float32 => "float32",
        PixelType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
    };

    /// <summary>Parses a name produced by <see cref="ToName"/> (also accepts GDAL's "Byte").</summary>
    public static PixelType Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "uint8" or "byte" => PixelType.UInt8,
        "int16" => PixelType.Int16,
        "uint16" => PixelType.UInt16,
        "int32" => PixelType.Int32,
        "float32" or "float" => PixelType.Float32,
        "float64" or "double" => PixelType.Float64,
        _ => throw new ArgumentException($"Unknown pixel type '{name}'; expected uint8, int16, uint16, int32, float32 or float64.", nameof(name)),
    };

    /// <summary>The pixel type that stores values of CLR type <typeparamref name="T"/>.</summary>
    public static PixelType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(byte)) return PixelType.UInt8;
        if (typeof(T) == typeof(short)) return PixelType.Int16;
        if (typeof(T) == typeof(ushort)) return PixelType.UInt16;
        if (typeof(T) == typeof(int)) return PixelType.Int32;
        if (typeof(T) == typeof(float)) return PixelType.Float32;
        if (typeof(T) == typeof(double)) return PixelType.Float64;
        throw new NotSupportedException($"Pixel storage of type {typeof(T).Name} is not supported; use byte, short, ushort, int, float or double.");
    }

    /// <summary>Converts a double to the nearest representable value of the type (integers rounded half away from zero and clamped; NaN becomes 0 for integer types).</summary>
    public static double Clamp(this PixelType type, double value)
    {
        if (type.IsFloatingPoint()) return type == PixelType.Float32 ? (float)value : value;
        if (double.IsNaN(value)) return 0;
        double r = Math.Round(value, MidpointRounding.AwayFromZero);
        return type switch
        {
            PixelType.UInt8 => Math.Clamp(r, byte.MinValue, byte.MaxValue),
            PixelType.Int16 => Math.Clamp(r, short.MinValue, short.MaxValue),
            PixelType.UInt16 => Math.Clamp(r, ushort.MinValue, ushort.MaxValue),
            PixelType.Int32 => Math.Clamp(r, int.MinValue, int.MaxValue),
            _ => r,
        };
    }
}
