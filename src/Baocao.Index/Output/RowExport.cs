using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Index;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Baocao.Output;

/// <summary>
/// Writes exported rows, one line (or sheet row) per table row with its report's metadata, then one column per value
/// key. Formats: CSV (CsvHelper, UTF-8 with a byte-order mark so spreadsheet programs read the diacritics), XLSX
/// and JSON lines. Rows are streamed: an export of the whole index never holds it in memory.
/// </summary>
public static class RowExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx", "jsonl"];

    /// <summary>The metadata columns, in order, before the value columns.</summary>
    public static readonly IReadOnlyList<string> MetaColumns =
    [
        "fileName", "path", "sha256", "number", "agency", "parentAgency", "province", "date", "year", "period", "title",
        "table", "form", "tableTitle", "row", "stt", "label", "kind", "page",
    ];

    private static IReadOnlyList<object?> Meta(ExportRow r) =>
    [
        r.FileName, r.Path, r.Sha256, r.Number, r.Agency, r.ParentAgency, r.Province, r.Date, r.Year, r.Period, r.Title,
        r.Table, r.Form, r.TableTitle, r.Row, r.Stt, r.Label, r.Kind, r.Page,
    ];

    /// <summary>Writes the rows; returns how many.</summary>
    /// <param name="valueKeys">The value columns: the canonical keys, then any other key the index holds.</param>
    public static int Write(string format, Stream output, IEnumerable<ExportRow> rows, IReadOnlyList<string> valueKeys) => format switch
    {
        "csv" => Csv(output, rows, valueKeys),
        "xlsx" => Xlsx(output, rows, valueKeys),
        "jsonl" => JsonLines(output, rows),
        _ => throw new ArgumentException($"unknown export format '{format}' (valid: {string.Join(", ", Formats)})"),
    };

    private static int Csv(Stream output, IEnumerable<ExportRow> rows, IReadOnlyList<string> valueKeys) =>
        CsvTable(output, [.. MetaColumns, .. valueKeys], rows.Select(r => Line(r, valueKeys)));

    /// <summary>One exported row: its metadata, then its value under each key (null when it has none).</summary>
    private static IReadOnlyList<object?> Line(ExportRow r, IReadOnlyList<string> valueKeys) =>
        [.. Meta(r), .. valueKeys.Select(k => r.Values.TryGetValue(k, out var v) ? (object?)v : null)];

    /// <summary>
    /// Any table as CSV or XLSX, written as the row export is (the check findings use it too): a header line, then one
    /// line per row; numbers as numbers, text neutralised in CSV, inline strings in XLSX. Returns how many rows.
    /// </summary>
    public static int WriteTable(string format, Stream output, string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) => format switch
    {
        "csv" => CsvTable(output, headers, rows),
        "xlsx" => XlsxTable(output, sheet, headers, rows),
        _ => throw new ArgumentException($"unknown table format '{format}' (valid: csv, xlsx)"),
    };

    private static int CsvTable(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var c in headers) csv.WriteField(c);
        csv.NextRecord();
        var n = 0;
        foreach (var r in rows)
        {
            foreach (var v in r) csv.WriteField(v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : NeutraliseFormula(v as string ?? ""));
            csv.NextRecord();
            n++;
        }
        return n;
    }

    /// <summary>
    /// CSV formula injection: a text cell starting with = + - @ (or a tab or carriage return, which some spreadsheet
    /// programs skip before such a sign) would be run as a formula when the file is opened ("=HYPERLINK(…)" in a row
    /// label). As OWASP advises, such text gets a leading apostrophe, which spreadsheets show as text. Only text columns
    /// are neutralised: a figure is written by the program as a plain number, never a formula. (CsvHelper's own
    /// InjectionOptions.Escape applies to every field, so it would also turn a negative figure into text.)
    /// </summary>
    internal static string NeutraliseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>
    /// XLSX through DocumentFormat.OpenXml's streaming writer. ClosedXML would be the usual choice, but the package mirror
    /// lacks its dependency ExcelNumberFormat, so it cannot be restored here; OpenXml is the library ClosedXML builds on.
    /// Numbers are numeric cells, text is inline strings (never formulas, whatever it starts with); the header row is frozen.
    /// </summary>
    private static int Xlsx(Stream output, IEnumerable<ExportRow> rows, IReadOnlyList<string> valueKeys) =>
        XlsxTable(output, "rows", [.. MetaColumns, .. valueKeys], rows.Select(r => Line(r, valueKeys)));

    private static int XlsxTable(Stream output, string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var n = 0;
        // The package needs a seekable stream: a file is written in place, anything else (stdout) through memory.
        using var ms = output.CanSeek ? null : new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms ?? output, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var ws = wb.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(ws))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetViews());
                w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                WriteRow(w, headers);
                foreach (var r in rows)
                {
                    WriteRow(w, r);
                    n++;
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            var sheets = new Sheets(new Sheet { Name = sheet, SheetId = 1, Id = wb.GetIdOfPart(ws) });
            wb.Workbook = new Workbook(sheets);
            wb.Workbook.Save();
        }
        if (ms is not null)
        {
            ms.Position = 0;
            ms.CopyTo(output);
        }
        return n;
    }

    private static void WriteRow(OpenXmlWriter w, IEnumerable<object?> values)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
        {
            switch (v)
            {
                case null:
                    w.WriteElement(new Cell());
                    break;
                case int or long or decimal or double:
                    w.WriteElement(new Cell
                    {
                        DataType = CellValues.Number,
                        CellValue = new CellValue(((IFormattable)v).ToString(null, CultureInfo.InvariantCulture)),
                    });
                    break;
                default:
                    w.WriteElement(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(v.ToString()!) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static int JsonLines(Stream output, IEnumerable<ExportRow> rows)
    {
        var opts = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var n = 0;
        foreach (var r in rows)
        {
            using (var w = new Utf8JsonWriter(output, opts))
            {
                w.WriteStartObject();
                var meta = Meta(r);
                for (var i = 0; i < MetaColumns.Count; i++)
                {
                    switch (meta[i])
                    {
                        case null: w.WriteNull(MetaColumns[i]); break;
                        case int x: w.WriteNumber(MetaColumns[i], x); break;
                        default: w.WriteString(MetaColumns[i], meta[i]!.ToString()); break;
                    }
                }
                w.WriteStartObject("values");
                foreach (var (k, v) in r.Values) { if (v is { } x) w.WriteNumber(k, x); else w.WriteNull(k); }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
            n++;
        }
        return n;
    }
}
