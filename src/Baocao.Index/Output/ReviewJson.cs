using System.Text.Json;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;

namespace Baocao.Output;

/// <summary>
/// The review queue and its reports as JSON, one shape for <c>review list --json</c> and the web API
/// (<c>/api/review/{id}</c>): each cell to look at with its place (table and row from 1, the column as people name it),
/// the text as read, page and box, confidence, reasons, likely reading and decision; the decisions taken and those gone stale.
/// </summary>
public static class ReviewJson
{
    public static void WriteReport(Utf8JsonWriter w, ReviewReport r, long? id, string shownPath, bool english)
    {
        w.WriteStartObject();
        if (id is { } i) w.WriteNumber("documentId", i); else w.WriteNull("documentId");
        w.WriteString("fileName", Path.GetFileName(r.Path));
        w.WriteString("path", shownPath);
        w.WriteBoolean("open", r.Open);
        w.WriteStartArray("reasons");
        foreach (var reason in r.Note.Reasons()) w.WriteStringValue(reason);
        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var item in r.Items) WriteItem(w, item, english);
        w.WriteEndArray();
        w.WriteStartArray("decisions");
        foreach (var c in r.Decisions) WriteDecision(w, c, english, r.Stale.FirstOrDefault(s => s.Correction == c)?.Reason);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteItem(Utf8JsonWriter w, ReviewItem item, bool english)
    {
        w.WriteStartObject();
        w.WriteNumber("table", item.TableNumber);
        w.WriteNumber("row", item.RowNumber);
        w.WriteString("rowLabel", item.RowLabel);
        w.WriteString("column", item.ColumnRef);
        w.WriteString("columnLabel", item.Key is { } k ? Labels.Key(k, english) : item.ColumnRef);
        w.WriteString("read", item.Read);
        if (item.Value is { } v) w.WriteNumber("value", v); else w.WriteNull("value");
        w.WriteNumber("page", item.Page);
        if (item.Box is { } b)
        {
            w.WriteStartArray("box");
            foreach (var x in new[] { b.X0, b.Y0, b.X1, b.Y1 }) w.WriteNumberValue(Math.Round(x, 2));
            w.WriteEndArray();
        }
        else w.WriteNull("box");
        w.WriteNumber("confidence", Math.Round(item.Confidence, 3));
        w.WriteStartArray("reasons");
        foreach (var reason in item.Reasons) w.WriteStringValue(reason);
        w.WriteEndArray();
        if (item.Likely is { } l) w.WriteNumber("likely", l); else w.WriteNull("likely");
        if (item.Decision is { } d)
        {
            w.WritePropertyName("decision");
            WriteDecision(w, d, english, null);
        }
        else w.WriteNull("decision");
        w.WriteEndObject();
    }

    public static void WriteDecision(Utf8JsonWriter w, Correction c, bool english, string? stale)
    {
        w.WriteStartObject();
        w.WriteNumber("table", c.Table + 1);
        w.WriteNumber("row", c.Row + 1);
        w.WriteString("column", c.Key ?? c.Column);
        w.WriteString("rowLabel", c.RowLabel);
        w.WriteString("read", c.Read);
        if (c.ReadValue is { } rv) w.WriteNumber("readValue", rv); else w.WriteNull("readValue");
        w.WriteBoolean("confirmed", c.Confirmed);
        if (c.Value is { } v) w.WriteNumber("value", v); else w.WriteNull("value");
        w.WriteString("reviewer", c.Reviewer);
        w.WriteString("at", c.At);
        w.WriteString("note", c.Note);
        w.WriteString("text", ReviewDesk.Describe(c, english));
        w.WriteString("stale", stale);
        w.WriteEndObject();
    }
}
