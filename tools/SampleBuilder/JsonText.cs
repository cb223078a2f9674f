using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SampleBuilder;

/// <summary>
/// Writes truth JSON for people to read line by line: one column, row or figure per line, short objects on one
/// line, Vietnamese text unescaped, numbers without trailing zeros ("100,00" is written 100). Same input, same bytes.
/// </summary>
public static class JsonText
{
    static readonly HashSet<string> OnePerLine = ["columns", "rows", "figures", "checks"];
    const int Width = 140;

    public static string Write(JsonNode root)
    {
        var sb = new StringBuilder();
        Write(sb, root, 0, null, false);
        sb.Append('\n');
        return sb.ToString();
    }

    static void Write(StringBuilder sb, JsonNode? node, int indent, string? key, bool inline)
    {
        var compact = Compact(node);
        if (inline || node is not (JsonObject or JsonArray) || (indent + compact.Length <= Width && !HasObjectArray(node)))
        {
            sb.Append(compact);
            return;
        }
        var pad = new string(' ', indent + 2);
        if (node is JsonObject o)
        {
            sb.Append("{\n");
            var i = 0;
            foreach (var (k, v) in o)
            {
                sb.Append(pad).Append(Str(k)).Append(": ");
                Write(sb, v, indent + 2, k, false);
                sb.Append(++i < o.Count ? ",\n" : "\n");
            }
            sb.Append(' ', indent).Append('}');
        }
        else
        {
            var a = (JsonArray)node;
            sb.Append("[\n");
            for (var i = 0; i < a.Count; i++)
            {
                sb.Append(pad);
                Write(sb, a[i], indent + 2, null, key is not null && OnePerLine.Contains(key));
                sb.Append(i + 1 < a.Count ? ",\n" : "\n");
            }
            sb.Append(' ', indent).Append(']');
        }
    }

    static bool HasObjectArray(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(kv => HasObjectArray(kv.Value)),
        JsonArray a => a.Any(x => x is JsonObject || HasObjectArray(x)),
        _ => false,
    };

    static string Compact(JsonNode? node)
    {
        switch (node)
        {
            case null: return "null";
            case JsonObject o: return "{" + string.Join(", ", o.Select(kv => Str(kv.Key) + ": " + Compact(kv.Value))) + "}";
            case JsonArray a: return "[" + string.Join(", ", a.Select(Compact)) + "]";
            case JsonValue v:
                if (v.TryGetValue<string>(out var s)) return Str(s);
                if (v.TryGetValue<bool>(out var b)) return b ? "true" : "false";
                if (v.TryGetValue<decimal>(out var d)) return d.ToString("0.############", CultureInfo.InvariantCulture);
                if (v.TryGetValue<int>(out var n)) return n.ToString(CultureInfo.InvariantCulture);
                if (v.TryGetValue<double>(out var x)) return ((decimal)x).ToString("0.############", CultureInfo.InvariantCulture);
                // Values parsed from a spec file are JsonElement-backed: go through their text.
                var raw = v.ToJsonString();
                if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var rd))
                    return rd.ToString("0.############", CultureInfo.InvariantCulture);
                return raw;
        }
        throw new InvalidOperationException();
    }

    static string Str(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append($"\\u{(int)c:x4}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
