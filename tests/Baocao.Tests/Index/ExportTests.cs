using System.Globalization;
using System.Text.Json;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Baocao.Tests.Index;

/// <summary>Exports read back: the same rows and values in CSV, XLSX and JSON lines.</summary>
public class ExportTests
{
    private static List<ExportRow> Rows()
    {
        var records = new[]
        {
            Records.Make("/x/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("received.total", 1958), ("resolved.late", 12)]), ("Hộ tịch, \"quốc tịch\"", [("received.total", 5)])),
            Records.Make("/x/b.pdf", "Đồng Tháp", "SỞ Y TẾ", 2023, 1, ("Dược phẩm", [("received.total", 68.75m)])),
        };
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        return index.Export(new SearchQuery()).ToList();
    }

    private static readonly IReadOnlyList<string> Keys = CanonicalKeys.Dossier;

    [Fact]
    public void Csv_reads_back_with_headers_diacritics_quotes_and_numbers()
    {
        var rows = Rows();
        using var ms = new MemoryStream();
        Assert.Equal(3, RowExport.Write("csv", ms, rows, Keys));
        ms.Position = 0;
        using var reader = new StreamReader(ms);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(RowExport.MetaColumns.Concat(Keys), csv.HeaderRecord!);
        var back = new List<(string label, string province, string total, string late)>();
        while (csv.Read()) back.Add((csv.GetField("label")!, csv.GetField("province")!, csv.GetField("received.total")!, csv.GetField("resolved.late")!));
        Assert.Equal([("Lý lịch tư pháp", "Trà Vinh", "1958", "12"), ("Hộ tịch, \"quốc tịch\"", "Trà Vinh", "5", ""), ("Dược phẩm", "Đồng Tháp", "68.75", "")], back);
    }

    private static List<ExportRow> HostileRows()
    {
        var records = new[]
        {
            Records.Make("/x/=cmd.docx", "Trà Vinh", "=cmd|' /C calc'!A0", 2021, 2,
                ("=HYPERLINK(\"http://x\",\"y\")", [("received.total", 7)]), ("+1+1", [("received.total", 1)]),
                ("-2+3", [("received.total", 2)]), ("@SUM(A1)", [("received.total", 3)]), ("Hộ tịch", [("received.total", 4)])),
        };
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        return index.Export(new SearchQuery()).ToList();
    }

    [Fact]
    public void Csv_text_that_would_start_a_formula_is_neutralised()
    {
        using var ms = new MemoryStream();
        Assert.Equal(5, RowExport.Write("csv", ms, HostileRows(), Keys));
        ms.Position = 0;
        using var reader = new StreamReader(ms);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var labels = new List<string>();
        while (csv.Read())
        {
            labels.Add(csv.GetField("label")!);
            Assert.Equal("'=cmd|' /C calc'!A0", csv.GetField("agency"));
            Assert.Equal("'=cmd.docx", csv.GetField("fileName"));
            // Figures stay plain numbers.
            Assert.Matches("^[0-9]+$", csv.GetField("received.total")!);
        }
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)", "Hộ tịch"], labels);
    }

    [Fact]
    public void Xlsx_text_that_looks_like_a_formula_is_a_string_cell()
    {
        var path = Path.Combine(Path.GetTempPath(), $"baocao-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var fs = File.Create(path)) Assert.Equal(5, RowExport.Write("xlsx", fs, HostileRows(), Keys));
            using var doc = SpreadsheetDocument.Open(path, false);
            var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
            Assert.DoesNotContain(cells, c => c.CellFormula is not null);
            var hyperlink = Assert.Single(cells, c => c.InnerText.StartsWith("=HYPERLINK", StringComparison.Ordinal));
            Assert.Equal(CellValues.InlineString, hyperlink.DataType!.Value);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Xlsx_reads_back_with_numeric_cells()
    {
        var rows = Rows();
        var path = Path.Combine(Path.GetTempPath(), $"baocao-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var fs = File.Create(path)) Assert.Equal(3, RowExport.Write("xlsx", fs, rows, Keys));
            using var doc = SpreadsheetDocument.Open(path, false);
            var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var table = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
            Assert.Equal(4, table.Count);
            var header = table[0].Select(c => c.InnerText).ToList();
            Assert.Equal(RowExport.MetaColumns.Concat(Keys), header);
            var label = header.IndexOf("label");
            var total = header.IndexOf("received.total");
            Assert.Equal("Lý lịch tư pháp", table[1][label].InnerText);
            Assert.Equal(CellValues.Number, table[1][total].DataType!.Value);
            Assert.Equal("1958", table[1][total].CellValue!.Text);
            Assert.Equal("68.75", table[3][total].CellValue!.Text);
            Assert.Equal("2021", table[1][header.IndexOf("year")].CellValue!.Text);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Json_lines_hold_one_object_per_row()
    {
        var rows = Rows();
        using var ms = new MemoryStream();
        Assert.Equal(3, RowExport.Write("jsonl", ms, rows, Keys));
        var lines = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Lý lịch tư pháp", first.RootElement.GetProperty("label").GetString());
        Assert.Equal(12, first.RootElement.GetProperty("values").GetProperty("resolved.late").GetDecimal());
        Assert.Equal("a.docx", first.RootElement.GetProperty("fileName").GetString());
    }
}
