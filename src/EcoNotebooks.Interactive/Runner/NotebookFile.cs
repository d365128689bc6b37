using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoNotebooks.IO;

namespace EcoNotebooks.Interactive.Runner;

/// <summary>
/// Reads and writes notebooks as .ipynb (Jupyter nbformat 4; written as 4.5 with cell ids) and .dib (.NET Interactive
/// text format: an optional <c>#!meta</c> block, then cells each starting with a <c>#!&lt;kernel&gt;</c> line).
/// </summary>
public static class NotebookFile
{
    private static readonly HashSet<string> DibKernels = new(StringComparer.Ordinal)
    { "csharp", "fsharp", "pwsh", "powershell", "javascript", "html", "sql", "kql", "mermaid", "value", "markdown", "md", "http" };

    /// <summary>Format from the file extension (.ipynb or .dib).</summary>
    public static NotebookFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ipynb" => NotebookFormat.Ipynb,
        ".dib" => NotebookFormat.Dib,
        var e => throw new ArgumentException($"{path}: unknown notebook extension '{e}'; expected .ipynb or .dib.", nameof(path)),
    };

    /// <summary>Reads a notebook; errors name the file.</summary>
    public static NotebookDocument Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        var text = File.ReadAllText(path);
        return FormatOf(path) == NotebookFormat.Ipynb ? ParseIpynb(text, path) : ParseDib(text);
    }

    /// <summary>Writes <paramref name="doc"/> in the format of <paramref name="path"/>'s extension, atomically.</summary>
    public static void Write(NotebookDocument doc, string path) =>
        AtomicFile.WriteAllText(path, FormatOf(path) == NotebookFormat.Ipynb ? ToIpynb(doc) : ToDib(doc));

    /// <summary>Parses nbformat 4 JSON.</summary>
    public static NotebookDocument ParseIpynb(string json, string sourceName = "notebook")
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new FileFormatException(sourceName, "not valid notebook JSON: " + ex.Message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, ex); }
        if (root is not JsonObject obj || obj["cells"] is not JsonArray cells)
            throw new FileFormatException(sourceName, "not a Jupyter notebook (no \"cells\" array).");
        if (obj["nbformat"]?.GetValue<int>() is int major && major != 4)
            throw new FileFormatException(sourceName, $"nbformat {major} is not supported; expected 4.");
        var doc = new NotebookDocument { Metadata = obj["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : new JsonObject() };
        var defaultKernel = doc.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(defaultKernel)) doc.DefaultKernel = defaultKernel;
        foreach (var c in cells.OfType<JsonObject>())
        {
            string type = c["cell_type"]?.GetValue<string>() ?? "code";
            var kind = type switch { "markdown" => CellKind.Markdown, "raw" => CellKind.Raw, _ => CellKind.Code };
            var meta = c["metadata"] as JsonObject is { } cm ? (JsonObject)cm.DeepClone() : new JsonObject();
            string lang = kind == CellKind.Markdown ? "markdown" : meta["dotnet_interactive"]?["language"]?.GetValue<string>()
                ?? meta["polyglot_notebook"]?["kernelName"]?.GetValue<string>() ?? doc.DefaultKernel;
            var cell = new NotebookCell(kind, JoinSource(c["source"]), lang) { Metadata = meta };
            if (c["id"]?.GetValue<string>() is string id && id.Length > 0) cell.Id = id;
            if (meta["tags"] is JsonArray tags) cell.Tags.AddRange(tags.Select(t => t?.GetValue<string>() ?? "").Where(t => t.Length > 0));
            meta.Remove("tags");
            if (kind == CellKind.Code)
            {
                if (c["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var n)) cell.ExecutionCount = n;
                if (c["outputs"] is JsonArray outputs) cell.Outputs.AddRange(outputs.OfType<JsonObject>().Select(ParseOutput));
            }
            doc.Cells.Add(cell);
        }
        return doc;
    }

    private static CellOutput ParseOutput(JsonObject o)
    {
        string type = o["output_type"]?.GetValue<string>() ?? "display_data";
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (o["data"] is JsonObject d)
            foreach (var (mime, value) in d)
                data[mime] = value is JsonArray or JsonValue { } && value is not JsonObject ? JoinSource(value) : value?.ToJsonString() ?? "";
        return new CellOutput(type)
        {
            Name = o["name"]?.GetValue<string>(), Text = o["text"] is { } t ? JoinSource(t) : null, Data = data,
            EName = o["ename"]?.GetValue<string>(), EValue = o["evalue"]?.GetValue<string>(),
        };
    }

    /// <summary>Parses the .dib text format.</summary>
    public static NotebookDocument ParseDib(string text)
    {
        var doc = new NotebookDocument();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string? kernel = null; var buf = new List<string>();
        void Flush()
        {
            if (kernel is null) { if (buf.Any(l => l.Trim().Length > 0)) AddCell(doc, doc.DefaultKernel, buf); }
            else if (kernel == "meta")
            {
                var json = string.Join('\n', buf).Trim();
                if (json.Length > 0 && JsonNode.Parse(json) is JsonObject meta)
                {
                    if (meta["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() is string dk) doc.DefaultKernel = dk;
                    doc.Metadata["polyglot_notebook"] = meta.DeepClone();
                }
            }
            else AddCell(doc, kernel, buf);
            buf.Clear();
        }
        foreach (var line in lines)
        {
            var t = line.TrimEnd();
            if (t.StartsWith("#!", StringComparison.Ordinal) && (t[2..] == "meta" || DibKernels.Contains(t[2..])))
            {
                Flush(); kernel = t[2..]; continue;
            }
            buf.Add(line);
        }
        Flush();
        return doc;
    }

    private static void AddCell(NotebookDocument doc, string kernel, List<string> lines)
    {
        int start = 0, end = lines.Count;
        while (start < end && lines[start].Trim().Length == 0) start++;
        while (end > start && lines[end - 1].Trim().Length == 0) end--;
        var source = string.Join('\n', lines.Skip(start).Take(end - start));
        bool md = kernel is "markdown" or "md";
        var cell = new NotebookCell(md ? CellKind.Markdown : CellKind.Code, source, md ? "markdown" : kernel);
        if (!md && NotebookParameters.HasParametersComment(source)) cell.Tags.Add(NotebookParameters.Tag);
        doc.Cells.Add(cell);
    }

    /// <summary>The .dib text of a notebook (outputs are not part of .dib).</summary>
    public static string ToDib(NotebookDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("#!meta\n\n").Append(KernelInfo(doc).ToJsonString()).Append("\n\n");
        foreach (var c in doc.Cells)
        {
            if (c.Kind == CellKind.Raw) continue;
            sb.Append(c.Kind == CellKind.Markdown ? "#!markdown" : "#!" + c.Language).Append("\n\n");
            string src = c.Source;
            if (c.Kind == CellKind.Code && c.Tags.Contains(NotebookParameters.Tag) && !NotebookParameters.HasParametersComment(src))
                src = NotebookParameters.Comment + "\n" + src;
            sb.Append(src).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>nbformat 4.5 JSON, outputs included.</summary>
    public static string ToIpynb(NotebookDocument doc)
    {
        var meta = (JsonObject)doc.Metadata.DeepClone();
        meta["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        meta["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        meta["polyglot_notebook"] = KernelInfo(doc);
        var cells = new JsonArray();
        var ids = new HashSet<string>();
        foreach (var c in doc.Cells)
        {
            while (!ids.Add(c.Id)) c.Id = Guid.NewGuid().ToString("N")[..8];
            var cm = (JsonObject)c.Metadata.DeepClone();
            if (c.Tags.Count > 0) cm["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode?)t).ToArray());
            var cell = new JsonObject { ["cell_type"] = c.Kind switch { CellKind.Markdown => "markdown", CellKind.Raw => "raw", _ => "code" }, ["id"] = c.Id };
            if (c.Kind == CellKind.Code)
            {
                cm["dotnet_interactive"] = new JsonObject { ["language"] = c.Language };
                cm["polyglot_notebook"] = new JsonObject { ["kernelName"] = c.Language };
                cell["execution_count"] = c.ExecutionCount is int n ? n : null;
                cell["metadata"] = cm;
                cell["outputs"] = new JsonArray(c.Outputs.Select(o => (JsonNode?)OutputJson(o, c.ExecutionCount)).ToArray());
            }
            else cell["metadata"] = cm;
            cell["source"] = SplitSource(c.Source);
            cells.Add(cell);
        }
        var root = new JsonObject { ["cells"] = cells, ["metadata"] = meta, ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject KernelInfo(NotebookDocument doc)
    {
        var langs = doc.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.Language).Append(doc.DefaultKernel).Distinct().ToArray();
        return new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = doc.DefaultKernel,
                ["items"] = new JsonArray(langs.Select(l => (JsonNode?)new JsonObject { ["aliases"] = new JsonArray(), ["name"] = l }).ToArray()),
            },
        };
    }

    private static JsonObject OutputJson(CellOutput o, int? count)
    {
        var j = new JsonObject { ["output_type"] = o.OutputType };
        switch (o.OutputType)
        {
            case "stream":
                j["name"] = o.Name ?? "stdout"; j["text"] = SplitSource(o.Text ?? ""); break;
            case "error":
                j["ename"] = o.EName ?? "Error"; j["evalue"] = o.EValue ?? ""; j["traceback"] = new JsonArray((JsonNode?)(o.EValue ?? "")); break;
            default:
                var data = new JsonObject();
                foreach (var (mime, value) in o.Data) data[mime] = mime.EndsWith("json", StringComparison.Ordinal) && TryJson(value) is { } node ? node : SplitSource(value);
                j["data"] = data; j["metadata"] = new JsonObject();
                if (o.OutputType == "execute_result") j["execution_count"] = count;
                break;
        }
        return j;
    }

    private static JsonNode? TryJson(string s) { try { return JsonNode.Parse(s); } catch (JsonException) { return null; } }

    private static string JoinSource(JsonNode? source) => source switch
    {
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>nbformat multiline string: list of lines each keeping its "\n".</summary>
    private static JsonArray SplitSource(string s)
    {
        var a = new JsonArray();
        int start = 0;
        for (int i = 0; i < s.Length; i++)
            if (s[i] == '\n') { a.Add(JsonValue.Create(s[start..(i + 1)])); start = i + 1; }
        if (start < s.Length) a.Add(JsonValue.Create(s[start..]));
        return a;
    }
}
