using System.Globalization;
using System.Text.Json;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Baocao.Tests.Index;

/// <summary>
/// Exports read back: the same rows and values in CSV, XLSX and JSON lines; the column order a researcher sums by
/// (issue 18 item 3); item rows only by default, percentages under their own ".pct" keys; formula-safe text.
/// </summary>
public class ExportTests
{
    private static ReportRecord[] Reports() =>
    [
        Records.Make("/x/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("received.total", 1958), ("resolved.late", 12)]), ("Hộ tịch, \"quốc tịch\"", [("received.total", 5)])),
        Records.Make("/x/b.pdf", "Đồng Tháp", "SỞ Y TẾ", 2023, 1, ("Dược phẩm", [("received.total", 68.75m)])),
    ];

    /// <summary>Writes the records into a fresh index and exports it with the options.</summary>
    private static byte[] Export(string format, ExportOptions options, params ReportRecord[] records)
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        using var ms = new MemoryStream();
        RowExport.Write(format, ms, index, new SearchQuery(), options);
        return ms.ToArray();
    }

    private static (string[] header, List<Dictionary<string, string>> rows) ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.Select((h, i) => (h, v: csv.GetField(i)!)).ToDictionary(x => x.h, x => x.v));
        return (header, rows);
    }

    private static readonly ExportOptions Keys = ExportOptions.Default with { Keys = true };

    [Fact]
    public void Csv_reads_back_with_headers_diacritics_quotes_and_numbers()
    {
        var (header, rows) = ReadCsv(Export("csv", Keys, Reports()));
        // Only the value columns that hold a value: no empty columns.
        Assert.Equal(RowExport.HeadKeys.Concat(["received.total", "resolved.late"]).Concat(RowExport.TailKeys), header);
        Assert.Equal([("Lý lịch tư pháp", "Trà Vinh", "1958", "12"), ("Hộ tịch, \"quốc tịch\"", "Trà Vinh", "5", ""), ("Dược phẩm", "Đồng Tháp", "68.75", "")],
            rows.Select(r => (r["label"], r["province"], r["received.total"], r["resolved.late"])));
        Assert.Equal("2021-06-20", rows[0]["date"]);
        Assert.Equal("Quý II/2021", rows[0]["period"]);
        Assert.Equal(("quý", "2021-03-15", "2021-06-14"), (rows[0]["periodKind"], rows[0]["periodFrom"], rows[0]["periodTo"]));
        Assert.Equal("II.06a (TT 01/2020)", rows[0]["form"]);
        Assert.Equal(("mục", "2", "1", "a.docx"), (rows[0]["kind"], rows[0]["page"], rows[0]["table"], rows[0]["fileName"]));
    }

    [Fact]
    public void Columns_go_from_place_and_report_to_row_then_figures_under_vietnamese_labels_then_provenance()
    {
        var (header, _) = ReadCsv(Export("csv", ExportOptions.Default, Reports()));
        Assert.Equal(
        [
            "Tỉnh", "Cơ quan (chuẩn hoá)", "Cơ quan (như in)", "Số báo cáo", "Ngày báo cáo", "Kỳ báo cáo", "Loại kỳ", "Từ ngày", "Đến ngày",
            "Biểu mẫu", "Lĩnh vực", "STT", "Dòng (như in)", "Loại dòng", "Tiếp nhận – Tổng số", "Đã giải quyết – Quá hạn", "Tệp", "Trang", "Bảng", "Đường dẫn",
        ], header);
        Assert.All(header, h => Assert.True(h.IsNormalized(System.Text.NormalizationForm.FormC), h));
        var (english, _) = ReadCsv(Export("csv", ExportOptions.Default with { English = true }, Reports()));
        Assert.Contains("Received – total", english);
        Assert.Equal("Province", english[0]);
        // Asked for, every canonical key gets its column, empty or not.
        var (all, _) = ReadCsv(Export("csv", Keys with { AllColumns = true }, Reports()));
        Assert.Equal(RowExport.HeadKeys.Count + CanonicalKeys.Dossier.Count + RowExport.TailKeys.Count, all.Length);
    }

    /// <summary>A table with items, a group above two of them, a totals row and a "Tỷ lệ %" row.</summary>
    private static ReportRecord Mixed()
    {
        var r = Records.Make("/x/mixed.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2,
            ("Hộ tịch", [("received.total", 10), ("resolved.late", 1)]),
            ("Lý lịch tư pháp", [("received.total", 30), ("resolved.late", 3)]),
            ("Chứng thực", [("received.total", 60), ("resolved.late", 0)]),
            ("Tổng cộng", [("received.total", 100), ("resolved.late", 4)]),
            ("Tỷ lệ %", [("received.total", 100), ("resolved.late", 4)]));
        var t = r.Tables[0];
        string[] kinds = ["item", "item", "group", "total", "percent"];
        return r with { Tables = [t with { Rows = t.Rows.Select((row, i) => row with { Kind = kinds[i] }).ToList() }] };
    }

    [Fact]
    public void Item_rows_only_by_default_and_all_rows_with_percentages_under_their_own_keys()
    {
        var (header, items) = ReadCsv(Export("csv", Keys, Mixed()));
        Assert.Equal(["Hộ tịch", "Lý lịch tư pháp"], items.Select(r => r["label"]));
        Assert.Equal(40, items.Sum(r => decimal.Parse(r["received.total"], CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("received.total.pct", header);

        var (allHeader, all) = ReadCsv(Export("csv", Keys with { Kinds = ExportOptions.ParseRows("all") }, Mixed()));
        Assert.Equal(["mục", "mục", "nhóm", "tổng cộng", "tỷ lệ %"], all.Select(r => r["kind"]));
        // The percentage row's values are under received.total.pct and resolved.late.pct, its count columns empty.
        var pct = all[4];
        Assert.Equal(("", "", "100", "4"), (pct["received.total"], pct["resolved.late"], pct["received.total.pct"], pct["resolved.late.pct"]));
        Assert.Equal(200, all.Where(r => r["received.total"].Length > 0).Sum(r => decimal.Parse(r["received.total"], CultureInfo.InvariantCulture)));
        Assert.True(allHeader.ToList().IndexOf("received.total.pct") > allHeader.ToList().IndexOf("resolved.late"));
        var (viHeader, _) = ReadCsv(Export("csv", ExportOptions.Default with { Kinds = null }, Mixed()));
        Assert.Contains("Tiếp nhận – Tổng số (tỷ lệ %)", viHeader);

        var (_, some) = ReadCsv(Export("csv", Keys with { Kinds = ExportOptions.ParseRows("item,total") }, Mixed()));
        Assert.Equal(["mục", "mục", "tổng cộng"], some.Select(r => r["kind"]));
        Assert.Contains("valid: all", Assert.Throws<ArgumentException>(() => ExportOptions.ParseRows("items")).Message);
    }

    private static ReportRecord Hostile() =>
        Records.Make("/x/=cmd.docx", "Trà Vinh", "=cmd|' /C calc'!A0", 2021, 2,
            ("=HYPERLINK(\"http://x\",\"y\")", [("received.total", 7)]), ("+1+1", [("received.total", 1)]),
            ("-2+3", [("received.total", 2)]), ("@SUM(A1)", [("received.total", 3)]), ("Hộ tịch", [("received.total", 4)]));

    [Fact]
    public void Csv_text_that_would_start_a_formula_is_neutralised()
    {
        var (_, rows) = ReadCsv(Export("csv", Keys, Hostile()));
        Assert.Equal(5, rows.Count);
        foreach (var r in rows)
        {
            Assert.Equal("'=cmd|' /C calc'!A0", r["agencyPrinted"]);
            Assert.Equal("'=cmd|' /C calc'!A0", r["agency"]);
            Assert.Equal("'=cmd.docx", r["fileName"]);
            // Figures stay plain numbers.
            Assert.Matches("^[0-9]+$", r["received.total"]);
        }
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)", "Hộ tịch"], rows.Select(r => r["label"]));
    }

    private static T WithXlsx<T>(byte[] bytes, Func<SpreadsheetDocument, T> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"baocao-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            File.WriteAllBytes(path, bytes);
            using var doc = SpreadsheetDocument.Open(path, false);
            return read(doc);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Xlsx_text_that_looks_like_a_formula_is_a_string_cell()
    {
        WithXlsx(Export("xlsx", Keys, Hostile()), doc =>
        {
            var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
            Assert.DoesNotContain(cells, c => c.CellFormula is not null);
            var hyperlink = Assert.Single(cells, c => c.InnerText.StartsWith("=HYPERLINK", StringComparison.Ordinal));
            Assert.Equal(CellValues.InlineString, hyperlink.DataType!.Value);
            return 0;
        });
    }

    [Fact]
    public void Xlsx_has_numbers_dates_a_frozen_header_an_autofilter_and_widths()
    {
        WithXlsx(Export("xlsx", ExportOptions.Default, Reports()), doc =>
        {
            var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var table = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
            Assert.Equal(4, table.Count);
            var header = table[0].Select(c => c.InnerText).ToList();
            var label = header.IndexOf("Dòng (như in)");
            var total = header.IndexOf("Tiếp nhận – Tổng số");
            Assert.Equal("Lý lịch tư pháp", table[1][label].InnerText);
            Assert.Equal(CellValues.Number, table[1][total].DataType!.Value);
            Assert.Equal("1958", table[1][total].CellValue!.Text);
            Assert.Equal("68.75", table[3][total].CellValue!.Text);
            // A date is a serial number in the date style: 2021-06-20 is day 44367.
            var date = table[1][header.IndexOf("Ngày báo cáo")];
            Assert.Equal("44367", date.CellValue!.Text);
            var style = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)date.StyleIndex!.Value);
            Assert.Equal("dd/mm/yyyy", doc.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
                .Single(f => f.NumberFormatId!.Value == style.NumberFormatId!.Value).FormatCode!.Value);
            Assert.Equal("2", table[1][header.IndexOf("Trang")].CellValue!.Text);
            Assert.Equal(CellValues.Number, table[1][header.IndexOf("Trang")].DataType!.Value);
            Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
            Assert.Equal($"A1:{RowExport.ColumnName(header.Count)}4", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
            Assert.Equal(header.Count, sheet.Descendants<Column>().Count());
            Assert.True(sheet.Descendants<Column>().ElementAt(label).Width!.Value >= 30);
            return 0;
        });
    }

    [Fact]
    public void Json_lines_hold_one_object_per_row()
    {
        var lines = System.Text.Encoding.UTF8.GetString(Export("jsonl", ExportOptions.Default, Reports())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Lý lịch tư pháp", first.RootElement.GetProperty("label").GetString());
        Assert.Equal(12, first.RootElement.GetProperty("values").GetProperty("resolved.late").GetDecimal());
        Assert.Equal("a.docx", first.RootElement.GetProperty("fileName").GetString());
        Assert.Equal("2021-06-20", first.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public void Column_names_count_as_spreadsheets_do() =>
        Assert.Equal(["A", "Z", "AA", "AZ", "BA"], new[] { 1, 26, 27, 52, 53 }.Select(RowExport.ColumnName));
}
