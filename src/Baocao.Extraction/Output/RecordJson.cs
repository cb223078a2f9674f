using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Checks;
using Baocao.Reports;

namespace Baocao.Output;

/// <summary>
/// Writes a record as the stable JSON documented in docs/record-format.md. Written field by field (not by
/// reflection) so that renaming a C# property can never silently change the public format.
/// </summary>
public static class RecordJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keep Vietnamese readable in the output instead of \u escapes; the output is UTF-8 JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReportRecord r, bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, indented ? Options : Options with { Indented = false })) Write(w, r);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The record as compact UTF-8 JSON straight into <paramref name="output"/> (the same text as <c>Serialize(r, indented: false)</c>), never held whole as a string: a record of a 100,000-row table is hundreds of MB of text.</summary>
    public static void WriteCompact(Stream output, ReportRecord r)
    {
        using var w = new Utf8JsonWriter(output, Options with { Indented = false });
        Write(w, r);
    }

    public static void Write(Utf8JsonWriter w, ReportRecord r)
    {
        w.WriteStartObject();
        w.WriteStartObject("source");
        w.WriteString("path", r.Source.Path);
        w.WriteString("sha256", r.Source.Sha256);
        w.WriteString("format", r.Source.Format);
        w.WriteNumber("pages", r.Source.Pages);
        w.WriteBoolean("ocr", r.Source.Ocr);
        w.WriteEndObject();
        WriteHeader(w, r.Header);
        w.WriteStartArray("tables");
        foreach (var t in r.Tables) WriteTable(w, t);
        w.WriteEndArray();
        w.WriteStartArray("figures");
        foreach (var f in r.Figures)
        {
            w.WriteStartObject();
            w.WriteString("key", f.Key);
            w.WriteNumber("value", f.Value);
            w.WriteString("text", f.Text);
            w.WriteNumber("page", f.Page);
            w.WriteString("scope", f.Scope);
            w.WriteNumber("confidence", f.Confidence);
            if (f.Raw is not null) w.WriteString("raw", f.Raw);
            // Flagged for review, never altered: the same threshold as table cells; beside the parser's own flags.
            StringArray(w, "flags", f.Confidence < Interpretation.TableInterpreter.LowConfidence ? [.. f.Flags, Interpretation.TableInterpreter.FlagLowConfidence] : f.Flags);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("checks");
        foreach (var c in r.Checks) WriteCheck(w, c);
        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var s in r.Warnings) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The findings alone, as one JSON array (<c>check --json</c>).</summary>
    /// <param name="shown">When given, each finding also carries "text" and "where", the finding in words for people
    /// (<see cref="CheckText"/>: Vietnamese, or English), beside the record's fields.</param>
    public static string SerializeChecks(IEnumerable<Check> checks, bool? shown = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartArray();
            foreach (var c in checks) WriteCheck(w, c, shown);
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>One finding of the checks stage (docs/record-format.md, "checks").</summary>
    /// <param name="english">Null: the record's fields only (the record format). False or true: also "text" and "where",
    /// the finding in Vietnamese or English words (<see cref="CheckText"/>), for people reading check output.</param>
    public static void WriteCheck(Utf8JsonWriter w, Check c, bool? english = null)
    {
        w.WriteStartObject();
        w.WriteString("rule", c.Rule);
        w.WriteString("severity", c.Severity);
        w.WriteString("cause", c.Cause);
        w.WriteString("message", c.Message);
        if (english is { } en)
        {
            w.WriteString("text", CheckText.Message(c, en));
            w.WriteString("where", CheckText.Where(c, en));
        }
        w.WriteString("file", c.File);
        NullableNumber(w, "page", c.Page);
        NullableNumber(w, "table", c.Table);
        w.WriteString("row", c.Row);
        NullableNumber(w, "rowIndex", c.RowIndex);
        w.WriteString("column", c.Column);
        NullableNumber(w, "columnNumber", c.ColumnNumber);
        w.WriteString("relation", c.Relation);
        NullableNumber(w, "printed", c.Printed);
        NullableNumber(w, "expected", c.Expected);
        NullableNumber(w, "difference", c.Difference);
        NullableNumber(w, "proposed", c.Proposed);
        w.WriteString("related", c.Related);
        // Only on findings re-run with reviewers' corrections (check --all, the web checks): an extraction never writes it.
        if (c.Reviewed is { } reviewed) w.WriteString("reviewed", reviewed);
        w.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter w, ReportHeader h)
    {
        w.WriteStartObject("header");
        w.WriteString("number", h.Number);
        w.WriteString("symbol", h.Symbol);
        w.WriteString("docType", h.DocType);
        w.WriteString("agency", h.Agency);
        w.WriteString("agencyKey", h.AgencyKey);
        w.WriteString("canonicalAgency", h.CanonicalAgency);
        w.WriteString("parentAgency", h.ParentAgency);
        w.WriteString("province", h.Province);
        w.WriteString("place", h.Place);
        w.WriteString("date", h.Date);
        w.WriteString("title", h.Title);
        WritePeriod(w, "period", h.Period);
        if (h.Signer is { } s)
        {
            w.WriteStartObject("signer");
            w.WriteString("name", s.Name);
            w.WriteString("title", s.Title);
            w.WriteString("authority", s.Authority);
            w.WriteEndObject();
        }
        else w.WriteNull("signer");
        StringArray(w, "recipients", h.Recipients);
        StringArray(w, "references", h.References);
        StringArray(w, "forms", h.Forms);
        w.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter w, string name, Period? p)
    {
        if (p is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("kind", p.Kind);
        NullableNumber(w, "year", p.Year);
        NullableNumber(w, "quarter", p.Quarter);
        NullableNumber(w, "month", p.Month);
        NullableNumber(w, "half", p.Half);
        w.WriteString("from", p.From);
        w.WriteString("to", p.To);
        w.WriteBoolean("explicit", p.Explicit);
        w.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter w, ReportTable t)
    {
        w.WriteStartObject();
        w.WriteNumber("index", t.Index);
        w.WriteString("form", t.Form);
        w.WriteString("title", t.Title);
        w.WriteString("section", t.Section);
        w.WriteNumber("page", t.Page);
        w.WriteString("unit", t.Unit);
        WritePeriod(w, "period", t.Period);
        w.WriteString("reportingUnit", t.ReportingUnit);
        w.WriteString("receivingUnit", t.ReceivingUnit);
        w.WriteBoolean("needsReview", t.NeedsReview);
        w.WriteStartArray("columns");
        foreach (var c in t.Columns)
        {
            w.WriteStartObject();
            w.WriteNumber("index", c.Index);
            w.WriteString("id", c.Id);
            w.WriteString("key", c.Key);
            w.WriteString("header", c.Header);
            NullableNumber(w, "number", c.Number);
            w.WriteString("formula", c.Formula);
            // Only where OCR's reading of the formula was repaired: the text as read (record-format.md).
            if (c.FormulaAsRead is { } asRead) w.WriteString("formulaAsRead", asRead);
            w.WriteNumber("confidence", c.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var r in t.Rows)
        {
            w.WriteStartObject();
            w.WriteNumber("index", r.Index);
            w.WriteString("stt", r.Stt);
            w.WriteString("label", r.Label);
            w.WriteString("labelKey", r.LabelKey);
            w.WriteString("canonicalLabel", r.CanonicalLabel);
            w.WriteString("kind", r.Kind);
            w.WriteStartObject("values");
            foreach (var (k, v) in r.Values) NullableNumber(w, k, v);
            w.WriteEndObject();
            w.WriteNumber("page", r.Page);
            w.WriteStartArray("cells");
            foreach (var c in r.Cells)
            {
                w.WriteStartObject();
                w.WriteString("column", c.Column);
                w.WriteString("raw", c.Raw);
                w.WriteString("kind", c.Kind);
                NullableNumber(w, "value", c.Value);
                w.WriteNumber("page", c.Page);
                if (c.Box is { } b)
                {
                    w.WriteStartArray("box");
                    foreach (var x in b.ToArray()) w.WriteNumberValue(x);
                    w.WriteEndArray();
                }
                else w.WriteNull("box");
                w.WriteNumber("confidence", c.Confidence);
                w.WriteNumber("row", c.GridRow);
                w.WriteNumber("col", c.GridCol);
                StringArray(w, "flags", c.Flags);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void StringArray(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var s in items) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, decimal? v)
    {
        if (v is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }
}
