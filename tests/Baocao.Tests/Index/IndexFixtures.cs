using System.Globalization;
using Baocao.Documents;
using Baocao.Index;
using Baocao.Reports;

namespace Baocao.Tests.Index;

/// <summary>Small records built in code, and temporary index files that clean up after themselves.</summary>
internal static class Records
{
    /// <summary>A report with one II.06a table whose rows are (label, values).</summary>
    public static ReportRecord Make(string path, string province, string agency, int year, int? quarter, params (string label, (string key, decimal v)[] values)[] rows)
    {
        var period = new Period(quarter is null ? "year" : "quarter", year, quarter, null, null, null, null, false);
        // Each path its own number: reports with the same agency, number, date and period are copies of one report (ReportCopies).
        var number = $"{Convert.ToInt64(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))[..12], 16) % 1_000_000}/BC-X";
        var header = new ReportHeader(number, "BC-X", "BC", agency, $"UBND TỈNH {province.ToUpperInvariant()}", province, province, $"{year}-06-20",
            $"Báo cáo kết quả kiểm soát thủ tục hành chính năm {year}", period, null, [], [], ["II.06a"]);
        var tableRows = rows.Select((r, i) => new TableRow(i, (i + 1).ToString(CultureInfo.InvariantCulture), r.label, "item",
            r.values.ToDictionary(v => v.key, v => (decimal?)v.v),
            [new TableCell("c2", r.label, "text", null, 2, null, i + 3, 1, []), .. r.values.Select((v, k) => new TableCell($"c{k + 3}", v.v.ToString(CultureInfo.InvariantCulture), "number", v.v, 2, null, i + 3, k + 2, []))],
            2)).ToList();
        var table = new ReportTable(0, "II.06a", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC", null, 2, "Số hồ sơ", null, null, null, [], tableRows, false);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)));
        return new ReportRecord(new SourceInfo(path, sha, "docx", 3, false), header, rows.Length == 0 ? [] : [table],
            [new Figure("received.new", 61, "Số mới tiếp nhận trong kỳ: 61 hồ sơ", 1, null)], [], []);
    }
}

/// <summary>A fresh index file path in a temporary folder, removed (with its WAL files) on dispose.</summary>
public sealed class TempIndex : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("baocao-index-test").FullName;
    public string Path => System.IO.Path.Combine(Dir, "test.db");

    public SqliteReportIndex Write() => SqliteReportIndex.OpenWrite(Path);
    public SqliteReportIndex Read() => SqliteReportIndex.OpenRead(Path);

    /// <summary>The index's content as <see cref="SqliteReportIndex.DumpContent"/> writes it (to compare two indexes).</summary>
    public string Dump()
    {
        using var ix = Read();
        using var w = new StringWriter();
        ix.DumpContent(w);
        return w.ToString();
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}
