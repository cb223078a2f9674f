using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Index;

namespace Baocao.Output;

/// <summary>The search result as JSON (<c>search --json</c>), field by field so the names stay stable (docs/index.md).</summary>
public static class SearchResultJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(SearchResult result)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("totalDocuments", result.TotalDocuments);
            w.WriteNumber("totalRows", result.TotalRows);
            w.WriteNumber("offset", result.Offset);
            // The next page's offset (null on the last page): pass it back as --offset, or as offset= to the API.
            if (result.NextOffset is { } next) w.WriteNumber("nextOffset", next); else w.WriteNull("nextOffset");
            if (result.Sort is { } sort) w.WriteString("sort", sort);
            if (result.Suggestion is { } suggestion)
            {
                w.WriteString("suggestion", suggestion);
                w.WriteBoolean("corrected", result.Corrected);
            }
            w.WriteStartArray("documents");
            foreach (var d in result.Documents)
            {
                w.WriteStartObject();
                w.WriteNumber("id", d.Id);
                w.WriteString("fileName", d.FileName);
                w.WriteString("path", d.Path);
                w.WriteString("sha256", d.Sha256);
                w.WriteString("number", d.Number);
                w.WriteString("agency", d.Agency);
                w.WriteString("province", d.Province);
                w.WriteString("date", d.Date);
                if (d.Year is { } y) w.WriteNumber("year", y); else w.WriteNull("year");
                w.WriteString("period", d.Period);
                w.WriteString("title", d.Title);
                w.WriteStartArray("forms");
                foreach (var f in d.Forms) w.WriteStringValue(f);
                w.WriteEndArray();
                // The report's other files (copies), best first: each with its own document id and record.
                w.WriteStartArray("copies");
                foreach (var c in d.Copies)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", c.Id);
                    w.WriteString("fileName", c.FileName);
                    w.WriteString("path", c.Path);
                    w.WriteString("format", c.Format);
                    w.WriteBoolean("ocr", c.Ocr);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("highlights");
                foreach (var h in d.Highlights)
                {
                    w.WriteStartObject();
                    w.WriteString("field", h.Field);
                    w.WriteString("text", h.Text);
                    if (h.Page is { } p) w.WriteNumber("page", p); else w.WriteNull("page");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("figures");
                foreach (var f in d.Figures)
                {
                    w.WriteStartObject();
                    w.WriteString("key", f.Key);
                    w.WriteNumber("value", f.Value);
                    w.WriteString("scope", f.Scope);
                    w.WriteNumber("page", f.Page);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("matchedRows", d.MatchedRows);
                w.WriteStartArray("rows");
                foreach (var r in d.Rows)
                {
                    w.WriteStartObject();
                    w.WriteNumber("table", r.Table);
                    w.WriteString("form", r.Form);
                    w.WriteString("tableTitle", r.TableTitle);
                    w.WriteNumber("row", r.Row);
                    w.WriteString("stt", r.Stt);
                    w.WriteString("label", r.Label);
                    w.WriteString("kind", r.Kind);
                    w.WriteNumber("page", r.Page);
                    w.WriteString("highlight", r.Highlight);
                    w.WriteStartObject("values");
                    foreach (var (k, v) in r.Values) { if (v is { } x) w.WriteNumber(k, x); else w.WriteNull(k); }
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (result.Facets is { } fc)
            {
                w.WriteStartObject("facets");
                foreach (var (name, list) in fc.All())
                {
                    w.WriteStartArray(name);
                    foreach (var x in list)
                    {
                        w.WriteStartObject();
                        w.WriteString("value", x.Value);
                        w.WriteNumber("count", x.Count);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
