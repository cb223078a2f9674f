using System.Text.Json;
using Baocao.Output;
using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// A record too large to hold whole, kept as its compact JSON (docs/record-format.md) in a file, the bytes
/// [<c>start</c>, <c>end</c>) of it: the ingest writes a worker's huge answer there as it arrives. The index stores it
/// without ever materialising it: what it keeps in memory is the <see cref="Skeleton"/> (the record with every table's
/// rows left out: header, columns, figures, checks, warnings) and one row at a time (<see cref="ForEachRow"/>). A
/// 100,000-row table's record is some 370 MB of JSON; as .NET objects it was several times that in the ingest process.
/// Deleted on <see cref="Dispose"/> when it owns its file.
/// </summary>
public sealed class SpilledRecord : IDisposable
{
    private readonly long start, end;
    private readonly bool owned;
    private readonly int[] rowCounts;

    /// <summary>The file holding the record's JSON.</summary>
    public string File { get; }

    /// <summary>
    /// The record without its tables' rows and without its checks (every table is there, with its columns, and <c>Rows</c>
    /// empty; <c>Checks</c> empty): both grow with the rows (a 20,000-row table of bad sums has 80,000 checks, 36 MB of JSON).
    /// The index stores only the checks' counts (<see cref="Note"/>).
    /// </summary>
    public ReportRecord Skeleton { get; }

    /// <summary>Rows of the record (all tables).</summary>
    public int RowCount => rowCounts.Sum();

    /// <summary>Cells flagged "low-confidence" in the rows (what <see cref="ReviewNote.Of"/> counts from them).</summary>
    public int LowConfidenceCells { get; }

    private readonly CheckCounts checks;

    private SpilledRecord(string file, long start, long end, bool owned, ReportRecord skeleton, int[] rowCounts, int lowConfidence, CheckCounts checks)
    {
        (File, this.start, this.end, this.owned, Skeleton, this.rowCounts, LowConfidenceCells, this.checks) = (file, start, end, owned, skeleton, rowCounts, lowConfidence, checks);
    }

    /// <summary>
    /// Reads the record in <paramref name="file"/> from <paramref name="start"/> to <paramref name="end"/> once, for its
    /// skeleton and row counts. <paramref name="owned"/>: the file is deleted with this object. Throws
    /// <see cref="JsonException"/> for bytes that are no record.
    /// </summary>
    public static SpilledRecord Open(string file, long start, long end, bool owned = true)
    {
        var counts = new List<int>();
        var low = 0;
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var checks = new CheckCounts();
        using var skeleton = new MemoryStream();
        using (var w = new Utf8JsonWriter(skeleton))
            Walk(file, start, end, w, (table, row) =>
            {
                while (counts.Count <= table) counts.Add(0);
                counts[table]++;
                if (row.TryGetProperty("cells", out var cells) && cells.ValueKind == JsonValueKind.Array)
                    foreach (var c in cells.EnumerateArray())
                        if (c.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Array &&
                            flags.EnumerateArray().Any(f => f.ValueKind == JsonValueKind.String && f.ValueEquals(ReviewNote.LowConfidenceFlag)))
                            low++;
                // the report's fields (lĩnh vực) as ReportCopies.Fields finds them on whole records
                if (row.TryGetProperty("labelKey", out var lk) && lk.ValueKind == JsonValueKind.String && lk.GetString() is { } key &&
                    key.StartsWith("field:", StringComparison.Ordinal) &&
                    row.TryGetProperty("canonicalLabel", out var cl) && cl.ValueKind == JsonValueKind.String)
                    fields.TryAdd(key, cl.GetString()!);
            }, check =>
            {
                static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                checks.Add(Text(check, "severity"), Text(check, "cause"));
            });
        var record = RecordJsonReader.Parse(System.Text.Encoding.UTF8.GetString(skeleton.GetBuffer(), 0, (int)skeleton.Length));
        while (counts.Count < record.Tables.Count) counts.Add(0);
        return new SpilledRecord(file, start, end, owned, record, [.. counts], low, checks) { Fields = [.. fields.Select(f => (f.Key, f.Value))] };
    }

    /// <summary>Every row in order, with its table (from the skeleton), one at a time: none is kept after its call.</summary>
    public void ForEachRow(Action<ReportTable, TableRow> action) =>
        Walk(File, start, end, null, (table, row) => action(Skeleton.Tables[table], RecordJsonReader.Row(row)), _ => { });

    /// <summary>The record's JSON bytes as they are in the file.</summary>
    public void CopyTo(Stream output)
    {
        using var input = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        input.Position = start;
        var buffer = new byte[1 << 16];
        for (var left = end - start; left > 0;)
        {
            var n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n == 0) throw new EndOfStreamException($"{File} ended before the record did");
            output.Write(buffer, 0, n);
            left -= n;
        }
    }

    /// <summary>The whole record as objects (an engine that cannot take rows one at a time: Elasticsearch).</summary>
    public ReportRecord Load()
    {
        using var ms = new MemoryStream();
        CopyTo(ms);
        using var doc = JsonDocument.Parse(ms.GetBuffer().AsMemory(0, (int)ms.Length));
        return RecordJsonReader.Read(doc.RootElement);
    }

    /// <summary>The report's fields (lĩnh vực: canonical row labels keyed "field:…"), in key order, as <see cref="ReportCopies.Fields"/> gives them for a whole record.</summary>
    public IReadOnlyList<(string Key, string Name)> Fields { get; private init; } = [];

    /// <summary>The review note of the whole record (the skeleton's, with the rows' low-confidence cells and the checks' counts).</summary>
    public ReviewNote Note(string path) => ReviewNote.Of(Skeleton, path, checks, LowConfidenceCells);

    public void Dispose()
    {
        if (!owned) return;
        try { System.IO.File.Delete(File); }
        catch (IOException) { } // a temp file left behind: nothing else depends on it
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Reads the record's JSON in 64 KiB pieces (System.Text.Json has no pull reader over a stream, so the refill loop is
    /// written here by hand, as its documentation shows): each element of a table's <c>rows</c> is parsed alone and handed
    /// to <paramref name="onRow"/> with its table's position, and each element of <c>checks</c> to <paramref name="onCheck"/>;
    /// every other token is copied to <paramref name="skeleton"/> (so those arrays come out empty). Depths, with the record's
    /// object at 0: <c>tables</c> and <c>checks</c> at 1, a table or a check at 2, a table's <c>rows</c> at 3, a row at 4.
    /// </summary>
    private static void Walk(string file, long start, long end, Utf8JsonWriter? skeleton, Action<int, JsonElement> onRow, Action<JsonElement> onCheck)
    {
        using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        input.Position = start;
        var left = end - start;
        var buffer = new byte[1 << 16];
        var length = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        string? property = null;
        bool inTables = false, inRows = false, inChecks = false;
        var table = -1;
        while (true)
        {
            // Fill the buffer after what the last pass left; a row larger than the buffer doubles it.
            if (!final)
            {
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                while (length < buffer.Length && left > 0)
                {
                    var n = input.Read(buffer, length, (int)Math.Min(buffer.Length - length, left));
                    if (n == 0) break;
                    length += n;
                    left -= n;
                }
                final = left <= 0 || input.Position >= input.Length;
            }
            var consumed = Pass(buffer.AsSpan(0, length), final, ref state);
            if (final && consumed == length) return;
            if (final && consumed == 0) throw new JsonException("the record ends in the middle of a value");
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }

        int Pass(ReadOnlySpan<byte> data, bool isFinal, ref JsonReaderState st)
        {
            var reader = new Utf8JsonReader(data, isFinal, st);
            while (true)
            {
                var before = reader;
                if (!reader.Read()) break;
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when (inRows && depth == 4) || (inChecks && depth == 2):
                        if (!JsonDocument.TryParseValue(ref reader, out var element))
                        {
                            // The row goes on past the buffer: read again from its start with more bytes.
                            reader = before;
                            st = reader.CurrentState;
                            return (int)reader.BytesConsumed;
                        }
                        using (element)
                        {
                            if (depth == 4) onRow(table, element.RootElement);
                            else onCheck(element.RootElement);
                        }
                        continue;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        skeleton?.WritePropertyName(property!);
                        continue;
                    case JsonTokenType.StartArray:
                        if (depth == 1 && property == "tables") inTables = true;
                        else if (depth == 1 && property == "checks") inChecks = true;
                        else if (depth == 3 && inTables && property == "rows") inRows = true;
                        skeleton?.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        if (depth == 1) inTables = inChecks = false;
                        else if (depth == 3) inRows = false;
                        skeleton?.WriteEndArray();
                        break;
                    case JsonTokenType.StartObject:
                        if (inTables && depth == 2) table++;
                        skeleton?.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        skeleton?.WriteEndObject();
                        break;
                    case JsonTokenType.String:
                        skeleton?.WriteStringValue(reader.GetString());
                        break;
                    case JsonTokenType.Number:
                        skeleton?.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        skeleton?.WriteBooleanValue(reader.GetBoolean());
                        break;
                    case JsonTokenType.Null:
                        skeleton?.WriteNullValue();
                        break;
                }
                property = null;
            }
            st = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }
    }
}
