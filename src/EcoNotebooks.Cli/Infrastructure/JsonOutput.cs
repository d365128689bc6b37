using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoNotebooks.Cli.Infrastructure;

/// <summary>
/// The JSON contract of all <c>--json</c> outputs: property names as given (commands use snake_case records or
/// dictionaries), numbers as JSON numbers in round-trip precision, NaN/±∞ and undefined values as <c>null</c>,
/// indented, UTF-8, one document per run on standard output.
/// </summary>
public static class JsonOutput
{
    /// <summary>Serializer options used by every command.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        o.Converters.Add(new FiniteDoubleConverter());
        o.Converters.Add(new FiniteNullableDoubleConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>Serialises <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize(object? value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes <paramref name="value"/> to standard output followed by a newline.</summary>
    public static void Write(object? value, TextWriter? writer = null)
    {
        var w = writer ?? Console.Out;
        w.Write(Serialize(value));
        w.Write('\n');
        w.Flush();
    }

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value); else writer.WriteNullValue();
        }
    }

    private sealed class FiniteNullableDoubleConverter : JsonConverter<double?>
    {
        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is double v && double.IsFinite(v)) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}
