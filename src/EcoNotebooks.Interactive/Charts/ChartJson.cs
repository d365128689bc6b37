using System.Text.Json.Nodes;

namespace EcoNotebooks.Interactive.Charts;

/// <summary>Small helpers that build plotly.js JSON (axis objects, arrays) for the chart builders of this namespace.</summary>
internal static class ChartJson
{
    public static JsonObject Axis(string title, JsonObject? extra = null)
    {
        var a = new JsonObject { ["title"] = new JsonObject { ["text"] = title }, ["automargin"] = true };
        if (extra is not null) foreach (var kv in extra) a[kv.Key] = kv.Value?.DeepClone();
        return a;
    }

    public static JsonObject Title(string? text) => new() { ["text"] = text ?? "" };

    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null).ToArray<JsonNode?>());

    public static JsonArray Numbers(IEnumerable<double?> values) => new(values.Select(v => v is double d && double.IsFinite(d) ? JsonValue.Create(d) : null).ToArray<JsonNode?>());

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static void RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"Every chart needs a {name}; got an empty one.", name);
    }
}
