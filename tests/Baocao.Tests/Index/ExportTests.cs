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
