using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Baocao.Output;

/// <summary>
/// How an export is shaped. <paramref name="Kinds"/>: the row kinds kept (item rows only by default, so a column sums
/// without counting a total, a group or a percentage twice; null keeps every row). <paramref name="Keys"/>: the canonical
/// keys as headers instead of the Vietnamese labels. <paramref name="English"/>: English headers and words.
/// <paramref name="AllColumns"/>: a column for every key the index knows, even when no exported row has a value under it.
/// </summary>
public sealed record ExportOptions(IReadOnlySet<string>? Kinds, bool Keys = false, bool English = false, bool AllColumns = false)
{
    public static readonly IReadOnlyList<string> RowKinds = ["item", "group", "total", "percent"];

    /// <summary>Item rows only, Vietnamese headers, no empty value columns.</summary>
    public static readonly ExportOptions Default = new(new HashSet<string>(StringComparer.Ordinal) { "item" });

    /// <summary>"item" (default), "all", or kinds separated by commas ("item,total"); a bad kind throws <see cref="ArgumentException"/> naming the valid ones.</summary>
    public static IReadOnlySet<string>? ParseRows(string? rows)
    {
        if (string.IsNullOrWhiteSpace(rows)) return Default.Kinds;
        if (rows.Trim() == "all") return null;
        var kinds = rows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (kinds.FirstOrDefault(k => !RowKinds.Contains(k)) is { } bad)
            throw new ArgumentException($"rows '{bad}' is not a row kind (valid: all, or {string.Join(", ", RowKinds)} separated by commas)");
        return kinds;
    }

    public bool Keeps(string kind) => Kinds is null || Kinds.Contains(kind);
}

/// <summary>
/// Writes exported rows as a researcher reads and sums them: one line (or sheet row) per table row, the columns in the order
/// of issue 18 — province, normalised agency, agency as printed, report number, date, period (in words, kind, first and last
/// day), form (one code), field (lĩnh vực, canonical), STT and row label as printed, row kind — then the figures under their
/// Vietnamese labels (the catalog's, <see cref="Labels"/>; keys with <see cref="ExportOptions.Keys"/>), then the provenance
/// (file, page, table, path). Item rows only by default; a "Tỷ lệ %" row's values go under their own ".pct" keys, never in a
/// count column. Formats: CSV (CsvHelper, UTF-8 with a byte-order mark so spreadsheet programs read the diacritics), XLSX
/// (frozen header, autofilter, column widths, numbers as numbers and dates as dates) and JSON lines. Rows are streamed: the
/// index is read twice (once for the value columns that have values, once to write), and one record at a time is loaded
/// for its metadata, so an export of the whole index never holds it in memory.
/// </summary>
public static class RowExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx", "jsonl"];

    private enum Kind { Text, Number, Date }

    private sealed record Column(string Key, string Vi, string En, Kind Type, double Width, Func<ExportLine, object?> Get);

    /// <summary>One exported row: the index's row, its report's header, and its values with percentages under ".pct" keys.</summary>
    private sealed record ExportLine(ExportRow Row, ReportHeader Header, TableRow? Source, IReadOnlyDictionary<string, decimal?> Values, string ShownPath, bool English)
    {
        /// <summary>The reviewers' decisions applied to this row's values (none for most rows).</summary>
        public IReadOnlyList<Correction> Reviewed { get; init; } = [];
    }

    /// <summary>
    /// The review columns, after the figures, when the index holds any decision (issue 18 item 2): whether a value of the row
    /// was corrected (its figure column then holds the reviewer's value) or confirmed, and each such value as read.
    /// </summary>
    private static readonly Column[] ReviewColumns =
    [
        new("reviewed", "Hiệu đính", "Reviewed", Kind.Text, 12,
            l => l.Reviewed.Count == 0 ? null : l.Reviewed.Any(c => !c.Confirmed) ? (l.English ? "corrected" : "đã sửa") : (l.English ? "confirmed" : "đã xác nhận")),
        new("asRead", "Giá trị như đọc", "As read", Kind.Text, 30,
            l => l.Reviewed.Count == 0 ? null : string.Join("; ", l.Reviewed.Select(c =>
                $"{(c.Key is { } k ? Labels.Key(k, l.English) : c.Column)}: {c.Read}" +
                (c.Confirmed ? (l.English ? " (confirmed)" : " (đã xác nhận)") : $" → {c.Value!.Value.ToString(CultureInfo.InvariantCulture)}")))),
    ];

    /// <summary>The columns before the figures, in order.</summary>
    private static readonly Column[] Head =
    [
        new("province", "Tỉnh", "Province", Kind.Text, 14, l => l.Header.Province),
        new("agency", "Cơ quan (chuẩn hoá)", "Agency (normalised)", Kind.Text, 28,
            l => l.Header.CanonicalAgency ?? (l.Header.Agency is { } a ? ReportCopies.AgencyName(a) : null)),
        new("agencyPrinted", "Cơ quan (như in)", "Agency (as printed)", Kind.Text, 28, l => l.Header.Agency),
        new("number", "Số báo cáo", "Report number", Kind.Text, 14, l => l.Header.Number),
        new("date", "Ngày báo cáo", "Date", Kind.Date, 12, l => DateValue(l.Header.Date)),
        new("period", "Kỳ báo cáo", "Period", Kind.Text, 18,
            l => l.English ? IndexedReport.PeriodLabelOf(l.Header.Period) : PeriodText.Name(l.Header.Period)),
        new("periodKind", "Loại kỳ", "Period kind", Kind.Text, 9, l => l.Header.Period is { } p ? PeriodText.Kind(p.Kind, l.English) : null),
        new("periodFrom", "Từ ngày", "From", Kind.Date, 12, l => DateValue(PeriodDay(l.Header, first: true))),
        new("periodTo", "Đến ngày", "To", Kind.Date, 12, l => DateValue(PeriodDay(l.Header, first: false))),
        new("form", "Biểu mẫu", "Form", Kind.Text, 18, l => l.Row.Form is { } f ? ReportCopies.FormLabel(f) : null),
        new("field", "Lĩnh vực", "Field", Kind.Text, 24,
            l => l.Source is { LabelKey: { } k, CanonicalLabel: { } c } && k.StartsWith("field:", StringComparison.Ordinal) ? c : null),
        new("stt", "STT", "No.", Kind.Text, 6, l => l.Row.Stt),
        new("label", "Dòng (như in)", "Row (as printed)", Kind.Text, 40, l => l.Row.Label),
        new("kind", "Loại dòng", "Row kind", Kind.Text, 10, l => RowKind(l.Row.Kind, l.English)),
    ];

    /// <summary>The provenance columns, last.</summary>
    private static readonly Column[] Tail =
    [
        new("fileName", "Tệp", "File", Kind.Text, 30, l => l.Row.FileName),
        new("page", "Trang", "Page", Kind.Number, 7, l => l.Row.Page),
        new("table", "Bảng", "Table", Kind.Number, 7, l => l.Row.Table + 1),
        new("path", "Đường dẫn", "Path", Kind.Text, 50, l => l.ShownPath),
    ];

    /// <summary>The keys of the columns before the figures, then those after (with <see cref="ExportOptions.Keys"/>, the headers).</summary>
    public static IReadOnlyList<string> HeadKeys => Head.Select(c => c.Key).ToList();

    public static IReadOnlyList<string> TailKeys => Tail.Select(c => c.Key).ToList();

    /// <summary>The row kind in words: mục, nhóm, tổng cộng, tỷ lệ %.</summary>
    public static string RowKind(string kind, bool english = false) => english ? kind : kind switch
    {
        "item" => "mục",
        "group" => "nhóm",
        "total" => "tổng cộng",
        "percent" => "tỷ lệ %",
        _ => kind,
    };

    /// <summary>
    /// A row's values as exported: on a percentage row each count key becomes its ".pct" key (a catalog field that is itself a
    /// percentage keeps its key), so a count column never holds a percentage.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> ExportValues(string kind, IReadOnlyDictionary<string, decimal?> values) =>
        kind != "percent" ? values
            : values.ToDictionary(v => Labels.IsPercentage(v.Key) ? v.Key : v.Key + Labels.PctSuffix, v => v.Value, StringComparer.Ordinal);

    /// <summary>
    /// Writes the rows the query selects (every row of the matching reports when it selects none) that the options keep;
    /// returns how many. <paramref name="showPath"/> turns a stored path into the one shown (the web interface's relative paths).
    /// </summary>
    public static int Write(string format, Stream output, IReportIndex index, SearchQuery query, ExportOptions options, Func<string, string>? showPath = null)
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"unknown export format '{format}' (valid: {string.Join(", ", Formats)})");
        var valueKeys = ValueColumns(index, query, options);
        var reviewed = index.Corrections().Count > 0;
        var columns = Head.Concat(valueKeys.Select(k => new Column(k, Labels.Key(k), Labels.Key(k, english: true), Kind.Number, Math.Clamp(Labels.Key(k).Length * 0.9, 10, 24),
            l => l.Values.TryGetValue(k, out var v) ? v : null))).Concat(reviewed ? ReviewColumns : []).Concat(Tail).ToList();
        var lines = Lines(index, query, options, showPath ?? (p => p));
        return format switch
        {
            "csv" => CsvTable(output, Headers(columns, options), lines.Select(l => Cells(columns, l))),
            "xlsx" => XlsxTable(output, "rows", columns.Select(c => new Spec(Header(c, options), c.Type, c.Width)).ToList(), lines.Select(l => Cells(columns, l))),
            _ => JsonLines(output, columns, valueKeys, lines),
        };
    }

    private static List<string> Headers(IEnumerable<Column> columns, ExportOptions o) => columns.Select(c => Header(c, o)).ToList();

    private static string Header(Column c, ExportOptions o) => o.Keys ? c.Key : o.English ? c.En : c.Vi;

    private static IReadOnlyList<object?> Cells(IReadOnlyList<Column> columns, ExportLine l) => columns.Select(c => c.Get(l)).ToList();

    /// <summary>
    /// The value columns, in the catalog's order (the dossier keys first), then the ".pct" keys in the same order, then keys
    /// the catalog does not know: those that hold a value in a kept row (a first pass over the index's rows), or every key the
    /// index knows with <see cref="ExportOptions.AllColumns"/>.
    /// </summary>
    private static List<string> ValueColumns(IReportIndex index, SearchQuery query, ExportOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in index.Export(query))
            if (options.Keeps(r.Kind))
                foreach (var (k, v) in ExportValues(r.Kind, r.Values))
                    if (v is not null) seen.Add(k);
        if (options.AllColumns) seen.UnionWith(CanonicalKeys.Dossier.Concat(index.ValueKeys()));
        var order = CanonicalKeys.Dossier.Concat(Labels.AllFields.Select(f => f.Key)).Distinct().ToList();
        var ordered = order.Where(seen.Contains)
            .Concat(order.Select(k => k + Labels.PctSuffix).Where(seen.Contains))
            .ToList();
        ordered.AddRange(seen.Except(ordered).Order(StringComparer.Ordinal));
        return ordered;
    }

    /// <summary>The kept rows with their report's header and their printed row, loading one record at a time.</summary>
    private static IEnumerable<ExportLine> Lines(IReportIndex index, SearchQuery query, ExportOptions options, Func<string, string> showPath)
    {
        string? path = null;
        ReportRecord? record = null;
        var corrections = index.Corrections().ToLookup(c => c.Sha256, StringComparer.OrdinalIgnoreCase);
        ILookup<(int, int), Correction> applied = Array.Empty<Correction>().ToLookup(c => (c.Table, c.Row));
        foreach (var r in index.Export(query))
        {
            if (!options.Keeps(r.Kind)) continue;
            if (!string.Equals(path, r.Path, StringComparison.Ordinal))
            {
                path = r.Path;
                record = index.Load(r.Path);
                // The decisions that fit the record as it reads now (a stale one is not exported as if it applied).
                var mine = corrections[r.Sha256].ToList();
                var stale = record is null || mine.Count == 0 ? new HashSet<Correction>() : Review.Apply(record, mine).Stale.Select(x => x.Correction).ToHashSet();
                applied = mine.Where(c => record is not null && !stale.Contains(c)).ToLookup(c => (c.Table, c.Row));
            }
            var header = record?.Header ?? new ReportHeader(r.Number, null, null, r.Agency, r.ParentAgency, r.Province, null, r.Date, r.Title, null, null, [], [], []);
            var row = record?.Tables.FirstOrDefault(t => t.Index == r.Table)?.Rows.FirstOrDefault(x => x.Index == r.Row);
            var mineHere = applied[(r.Table, r.Row)].ToList();
            var values = r.Values;
            if (mineHere.Any(c => !c.Confirmed && c.Key is not null))
            {
                // The reviewer's value in the figure column; the value as read goes to the "as read" column.
                var corrected = new Dictionary<string, decimal?>(values, StringComparer.Ordinal);
                foreach (var c in mineHere.Where(c => !c.Confirmed && c.Key is not null)) corrected[c.Key!] = c.Value;
                values = corrected;
            }
            yield return new ExportLine(r, header, row, ExportValues(r.Kind, values), showPath(r.Path), options.English) { Reviewed = mineHere };
        }
    }

    /// <summary>"2021-06-14" as a date; a partial date ("2021-06") stays text, as printed.</summary>
    private static object? DateValue(string? iso) =>
        iso is { Length: 10 } && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : iso;

    /// <summary>
    /// The period's first or last day: as the record states it, else by the rule of Nghị định 09/2019 for its kind
    /// (<see cref="IndexedReport.PeriodDays"/>); null without a period (the report's date alone is no period).
    /// </summary>
    private static string? PeriodDay(ReportHeader h, bool first)
    {
        if (h.Period is null) return null;
        if ((first ? h.Period.From : h.Period.To) is { } stated) return stated;
        return IndexedReport.PeriodDays(h) is { } d ? Iso(first ? d.From : d.To) : null;
    }

    private static string Iso(int day) => $"{day / 10000:0000}-{day / 100 % 100:00}-{day % 100:00}";

    /// <summary>
    /// Any table as CSV or XLSX, written as the row export is (the check findings use it too): a header line, then one
    /// line per row; numbers as numbers, text neutralised in CSV, inline strings in XLSX. Returns how many rows.
    /// </summary>
    public static int WriteTable(string format, Stream output, string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) => format switch
    {
        "csv" => CsvTable(output, headers, rows),
        "xlsx" => XlsxTable(output, sheet, headers.Select(h => new Spec(h, Kind.Text, Math.Clamp(h.Length + 4, 8, 40))).ToList(), rows),
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
            foreach (var v in r)
                csv.WriteField(v switch
                {
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => NeutraliseFormula(v as string ?? ""),
                });
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

    /// <summary>A sheet column: its header, what it holds, its width in characters.</summary>
    private sealed record Spec(string Header, Kind Type, double Width);

    // Cell styles of the workbook's style sheet, by index: 0 plain, 1 a date (dd/mm/yyyy, as Vietnamese dates are written), 2 a header (bold).
    private const uint DateStyle = 1, HeaderStyle = 2;

    /// <summary>
    /// XLSX through DocumentFormat.OpenXml's streaming writer. ClosedXML would be the usual choice, but the package mirror
    /// lacks its dependency ExcelNumberFormat, so it cannot be restored here; OpenXml is the library ClosedXML builds on, so
    /// what ClosedXML would do is written here by hand: a style sheet (a date format, a bold font), the frozen header row,
    /// column widths, and an autofilter over the header with its hidden defined name (_xlnm._FilterDatabase, which Excel
    /// writes beside every autofilter). Numbers are numeric cells, dates are date serials with the date style, text is
    /// inline strings (never formulas, whatever it starts with).
    /// </summary>
    private static int XlsxTable(Stream output, string sheet, IReadOnlyList<Spec> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var n = 0;
        // The package needs a seekable stream: a file is written in place, anything else (stdout, an HTTP response) through memory.
        using var ms = output.CanSeek ? null : new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms ?? output, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
            var ws = wb.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(ws))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetViews());
                w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement(new Columns());
                for (var i = 0; i < columns.Count; i++)
                    w.WriteElement(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Round(columns[i].Width, 1), CustomWidth = true });
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                WriteRow(w, columns.Select(c => (object?)c.Header), HeaderStyle);
                foreach (var r in rows)
                {
                    WriteRow(w, r, null);
                    n++;
                }
                w.WriteEndElement();
                w.WriteElement(new AutoFilter { Reference = FilterRange(columns.Count, n) });
                w.WriteEndElement();
            }
            var sheets = new Sheets(new Sheet { Name = sheet, SheetId = 1, Id = wb.GetIdOfPart(ws) });
            var names = new DefinedNames(new DefinedName($"'{sheet}'!{Absolute(FilterRange(columns.Count, n))}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true });
            wb.Workbook = new Workbook(sheets, names);
            wb.Workbook.Save();
        }
        if (ms is not null)
        {
            ms.Position = 0;
            ms.CopyTo(output);
        }
        return n;
    }

    /// <summary>"A1:T58": the header and every row.</summary>
    private static string FilterRange(int columns, int rows) => $"A1:{ColumnName(Math.Max(columns, 1))}{rows + 1}";

    private static string Absolute(string range) => string.Join(':', range.Split(':').Select(a =>
    {
        var digits = a.AsSpan().IndexOfAnyInRange('0', '9');
        return "$" + a[..digits] + "$" + a[digits..];
    }));

    /// <summary>1 is A, 27 is AA.</summary>
    internal static string ColumnName(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    private static void WriteRow(OpenXmlWriter w, IEnumerable<object?> values, uint? style)
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
                case DateOnly d:
                    // A date is its serial number (days since 1899-12-30) shown through the date style.
                    w.WriteElement(new Cell
                    {
                        CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                        StyleIndex = DateStyle,
                    });
                    break;
                default:
                    var cell = new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(v.ToString()!) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
                    if (style is { } s) cell.StyleIndex = s;
                    w.WriteElement(cell);
                    break;
            }
        }
        w.WriteEndElement();
    }

    /// <summary>One object per row: the columns by key (dates as ISO text), the figures in "values" by key.</summary>
    private static int JsonLines(Stream output, IReadOnlyList<Column> columns, IReadOnlyList<string> valueKeys, IEnumerable<ExportLine> lines)
    {
        var opts = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var keys = valueKeys.ToHashSet(StringComparer.Ordinal);
        var n = 0;
        foreach (var l in lines)
        {
            using (var w = new Utf8JsonWriter(output, opts))
            {
                w.WriteStartObject();
                foreach (var c in columns)
                {
                    if (keys.Contains(c.Key)) continue;
                    switch (c.Get(l))
                    {
                        case null: w.WriteNull(c.Key); break;
                        case int x: w.WriteNumber(c.Key, x); break;
                        case DateOnly d: w.WriteString(c.Key, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                        case var v: w.WriteString(c.Key, v.ToString()); break;
                    }
                }
                w.WriteStartObject("values");
                foreach (var k in valueKeys)
                    if (l.Values.TryGetValue(k, out var v) && v is { } x) w.WriteNumber(k, x);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
            n++;
        }
        return n;
    }
}
