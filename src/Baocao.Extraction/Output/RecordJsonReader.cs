using System.Text.Json;
using Baocao.Documents;
using Baocao.Reports;

namespace Baocao.Output;

/// <summary>
/// Reads a record back from the JSON <see cref="RecordJson"/> writes (docs/record-format.md): the index stores each
/// report's record this way, and later stages (cross-checks over the whole index) load it from there. Missing fields
/// take their empty value, so records written before a field was added still load. Field flags that the writer derives
/// (a figure's "low-confidence") are derived again, not read; a figure's parser flags are read.
/// </summary>
public static class RecordJsonReader
{
    public static ReportRecord Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    public static ReportRecord Read(JsonElement e)
    {
        var s = e.GetProperty("source");
        var source = new SourceInfo(Str(s, "path") ?? "", Str(s, "sha256") ?? "", Str(s, "format") ?? "", Int(s, "pages") ?? 0, Bool(s, "ocr"));
        var header = e.TryGetProperty("header", out var h) && h.ValueKind == JsonValueKind.Object ? Header(h) : ReportHeader.Empty;
        var tables = Arr(e, "tables").Select(Table).ToList();
        var figures = Arr(e, "figures").Select(f => new Figure(Str(f, "key")!, Dec(f, "value") ?? 0, Str(f, "text") ?? "", Int(f, "page") ?? 0,
            Str(f, "scope"), Dbl(f, "confidence") ?? 1.0)
        {
            Raw = Str(f, "raw"),
            Flags = Strings(f, "flags").Where(x => x != Interpretation.TableInterpreter.FlagLowConfidence).ToList(),
        }).ToList();
        var checks = Arr(e, "checks").Select(c => new Check(Str(c, "rule") ?? "", Str(c, "severity") ?? "", Str(c, "message") ?? "", Int(c, "page"),
            Int(c, "table"), Str(c, "row"), Str(c, "column"), Dec(c, "printed"), Dec(c, "expected"))
        {
            File = Str(c, "file"), RowIndex = Int(c, "rowIndex"), ColumnNumber = Int(c, "columnNumber"), Relation = Str(c, "relation"),
            Proposed = Dec(c, "proposed"), Related = Str(c, "related"), Cause = Str(c, "cause"),
            Reviewed = Str(c, "reviewed"),
        }).ToList();
        var warnings = Arr(e, "warnings").Select(w => w.GetString() ?? "").ToList();
        return new ReportRecord(source, header, tables, figures, checks, warnings);
    }

    private static ReportHeader Header(JsonElement h)
    {
        Signer? signer = h.TryGetProperty("signer", out var s) && s.ValueKind == JsonValueKind.Object
            ? new Signer(Str(s, "name"), Str(s, "title"), Str(s, "authority")) : null;
        return new ReportHeader(Str(h, "number"), Str(h, "symbol"), Str(h, "docType"), Str(h, "agency"), Str(h, "parentAgency"), Str(h, "province"),
            Str(h, "place"), Str(h, "date"), Str(h, "title"), Period(h, "period"), signer, Strings(h, "recipients"), Strings(h, "references"), Strings(h, "forms"),
            Str(h, "agencyKey"), Str(h, "canonicalAgency"));
    }

    private static ReportTable Table(JsonElement t)
    {
        var columns = Arr(t, "columns").Select(c => new TableColumn(Int(c, "index") ?? 0, Str(c, "id") ?? "", Str(c, "key"), Str(c, "header") ?? "",
            Int(c, "number"), Str(c, "formula"), Dbl(c, "confidence") ?? 1.0) { FormulaAsRead = Str(c, "formulaAsRead") }).ToList();
        var rows = Arr(t, "rows").Select(Row).ToList();
        return new ReportTable(Int(t, "index") ?? 0, Str(t, "form"), Str(t, "title"), Str(t, "section"), Int(t, "page") ?? 0, Str(t, "unit"),
            Period(t, "period"), Str(t, "reportingUnit"), Str(t, "receivingUnit"), columns, rows, Bool(t, "needsReview"));
    }

    /// <summary>One table row (an element of a table's "rows"): the index reads a huge table's rows one at a time (SpilledRecord).</summary>
    public static TableRow Row(JsonElement r)
    {
        var values = new Dictionary<string, decimal?>();
        if (r.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object)
            foreach (var p in v.EnumerateObject()) values[p.Name] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDecimal() : null;
        var cells = Arr(r, "cells").Select(c =>
        {
            BBox? box = null;
            if (c.TryGetProperty("box", out var b) && b.ValueKind == JsonValueKind.Array && b.GetArrayLength() == 4)
                box = new BBox(b[0].GetDouble(), b[1].GetDouble(), b[2].GetDouble(), b[3].GetDouble());
            return new TableCell(Str(c, "column") ?? "", Str(c, "raw") ?? "", Str(c, "kind") ?? "", Dec(c, "value"), Int(c, "page") ?? 0, box,
                Int(c, "row") ?? 0, Int(c, "col") ?? 0, Strings(c, "flags"), Dbl(c, "confidence") ?? 1.0);
        }).ToList();
        return new TableRow(Int(r, "index") ?? 0, Str(r, "stt"), Str(r, "label"), Str(r, "kind") ?? "item", values, cells, Int(r, "page") ?? 0,
            Str(r, "labelKey"), Str(r, "canonicalLabel"));
    }

    private static Period? Period(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object
            ? new Period(Str(p, "kind") ?? "", Int(p, "year"), Int(p, "quarter"), Int(p, "month"), Int(p, "half"), Str(p, "from"), Str(p, "to"), Bool(p, "explicit"))
            : null;

    private static IEnumerable<JsonElement> Arr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static IReadOnlyList<string> Strings(JsonElement e, string name) => Arr(e, name).Select(x => x.GetString() ?? "").ToList();

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static decimal? Dec(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static double? Dbl(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
