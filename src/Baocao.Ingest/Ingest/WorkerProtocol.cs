using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baocao.Output;
using Baocao.Reports;

namespace Baocao.Ingest;

/// <summary>
/// The lines an extraction worker process reads and writes (one JSON object per line, UTF-8): a request
/// <c>{"path": …, "readFrom": …}</c> on its standard input (readFrom, when present, is a snapshot of the file's bytes); an answer <c>{"ok": true, "record": {…}}</c> (the record in the format of
/// docs/record-format.md) or <c>{"ok": false, "reason": "…"}</c> on its standard output. Pure.
/// </summary>
public static class WorkerProtocol
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A request: the file's path (named by the record), and where to read its bytes when that is a snapshot.</summary>
    public static string Request(string path, string? readFrom = null)
    {
        var o = new JsonObject { ["path"] = path };
        if (readFrom is not null) o["readFrom"] = readFrom;
        return o.ToJsonString(Options);
    }

    public static (string Path, string? ReadFrom) ParseRequest(string line)
    {
        var node = JsonNode.Parse(line);
        var path = node?["path"]?.GetValue<string>() ?? throw new FormatException("a worker request needs a path");
        return (path, node?["readFrom"]?.GetValue<string>());
    }

    public static string Success(ReportRecord record)
    {
        using var ms = new MemoryStream();
        WriteSuccess(ms, record);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>
    /// The success answer straight into the stream, without its newline (the same bytes as <see cref="Success"/>): the
    /// record of a huge table is never built as one string in the worker, nor read as one in the ingest (see the
    /// <see cref="ParseAnswer(ReadOnlyMemory{byte})"/> overload).
    /// </summary>
    public static void WriteSuccess(Stream output, ReportRecord record)
    {
        output.Write(SuccessPrefix);
        RecordJson.WriteCompact(output, record);
        output.Write("}"u8);
    }

    /// <summary>How every success answer begins; the record follows it, and one closing brace ends the answer.</summary>
    public static ReadOnlySpan<byte> SuccessPrefix => "{\"ok\":true,\"record\":"u8;

    public static string Failure(string reason) => new JsonObject { ["ok"] = false, ["reason"] = reason }.ToJsonString(Options);

    /// <summary>The record, or the reason it could not be extracted. Throws <see cref="FormatException"/> for a line that is no answer.</summary>
    public static (ReportRecord? Record, string? Reason) ParseAnswer(string line) =>
        ParseAnswer(System.Text.Encoding.UTF8.GetBytes(line));

    /// <summary>The answer from its UTF-8 bytes as read from the pipe (no string of it: see <see cref="WriteSuccess"/>).</summary>
    public static (ReportRecord? Record, string? Reason) ParseAnswer(ReadOnlyMemory<byte> line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("ok").GetBoolean()) return (RecordJsonReader.Read(root.GetProperty("record")), null);
            return (null, root.GetProperty("reason").GetString());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a worker answer ({e.Message.Split('\n')[0]})", e);
        }
    }
}
