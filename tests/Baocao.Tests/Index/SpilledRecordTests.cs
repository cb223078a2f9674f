using System.Globalization;
using Baocao.Documents;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Tests.Index;

/// <summary>A record stored from a file row by row (<see cref="SpilledRecord"/>) is stored exactly as the same record held whole.</summary>
public class SpilledRecordTests
{
    /// <summary>
    /// Two tables (one empty), 3,000 rows (the JSON spans many of the reader's 64 KiB pieces), one row longer than a piece
    /// (the buffer must grow), low-confidence cells, quotes and backslashes, a value key outside the vocabulary (extra values).
    /// </summary>
    private static ReportRecord Big()
    {
        var baseRecord = Records.Make("/data/lớn \"bảng\".docx", "Vĩnh Long", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", 2022, 1);
        var rows = Enumerable.Range(0, 3000).Select(i =>
        {
            var label = i == 1234 ? "Dòng rất dài " + new string('x', 150_000) : $"Lĩnh vực \\ \"{i}\" đăng ký";
            var low = i % 97 == 0;
            IReadOnlyList<string> flags = low ? ["low-confidence"] : [];
            return new TableRow(i, (i % 10 == 0 ? $"{i / 10}" : $"{i / 10}.{i % 10}"), label, i % 10 == 0 ? "group" : "item",
                new Dictionary<string, decimal?> { ["received.total"] = i, ["resolved.late"] = i % 3 == 0 ? null : 1.50m, ["x.new_key"] = 7 },
                [new TableCell("c2", label, "text", null, 2, new BBox(1.25, 2, 3, 4.5), i + 3, 1, []),
                 new TableCell("c3", i.ToString(CultureInfo.InvariantCulture), "number", i, 2, null, i + 3, 2, flags, low ? 0.5 : 1.0)],
                2 + i / 1000, (i % 4) switch { 0 => "label:k", 1 => "field:ho_tich", 3 => "field:chung_thuc", _ => null },
                (i % 4) switch { 0 => "Nhãn", 1 => "Hộ tịch", 3 => "Chứng thực", _ => null });
        }).ToList();
        var columns = new List<TableColumn> { new(0, "c2", null, "Lĩnh vực", 2, null, 1), new(1, "c3", "received.total", "Tổng số", 3, "(3)=(4)+(5)", 0.9) };
        var big = new ReportTable(0, "II.06a", "BẢNG LỚN", "Phần I", 2, "Số hồ sơ", null, "Sở", "UBND", columns, rows, true);
        var empty = new ReportTable(1, "II.06b", "BẢNG RỖNG", null, 5, null, null, null, null, columns, [], false);
        return baseRecord with
        {
            Tables = [big, empty],
            Checks = [.. Enumerable.Range(0, 500).Select(i => new Check("sum", (i % 7) switch { 0 => "warning", 1 => "info", _ => "error" }, $"Tổng \"sai\" {i}", 2, 0, "1", "c3", 10, 12)),
                      // findings resting on a doubtful reading: counted as doubts in the review note, spilled or whole
                      .. Enumerable.Range(0, 5).Select(i => new Check("sum", "doubt", $"Nghi vấn {i}", 2, 0, "1", "c3", 10, 12) { Cause = "reading" })],
            Warnings = ["a warning with \\ and \""],
        };
    }

    /// <summary>The record's JSON in a file between other bytes (as in a worker's answer), opened as a spilled record.</summary>
    private static SpilledRecord Spill(ReportRecord r, string dir)
    {
        var file = Path.Combine(dir, "answer.json");
        using (var f = File.Create(file))
        {
            f.Write("{\"ok\":true,\"record\":"u8);
            RecordJson.WriteCompact(f, r);
            f.Write("}"u8);
        }
        return SpilledRecord.Open(file, "{\"ok\":true,\"record\":".Length, new FileInfo(file).Length - 1);
    }

    [Fact]
    public void A_spilled_record_is_stored_as_the_record_held_whole()
    {
        var r = Big();
        using var whole = new TempIndex();
        using var streamed = new TempIndex();
        using (var ix = whole.Write()) ix.Store(r, "x13");
        using (var spilled = Spill(r, streamed.Dir))
        {
            Assert.Equal(3000, spilled.RowCount);
            Assert.Equal(r.Tables.Count, spilled.Skeleton.Tables.Count);
            Assert.All(spilled.Skeleton.Tables, t => Assert.Empty(t.Rows));
            Assert.Empty(spilled.Skeleton.Checks); // counted, not held (they grow with the rows)
            Assert.Equal((r.Checks.Count(c => c.Severity == "error"), 72, 72), (spilled.Note("/p").Errors, spilled.Note("/p").Warnings, spilled.Note("/p").Infos));
            Assert.Equal(ReviewNote.Of(r, "/p"), spilled.Note("/p"));
            Assert.Equal(5, spilled.Note("/p").Doubts);
            // the report's fields (lĩnh vực) for the copy tables and the field facet, as a whole record gives them
            Assert.Equal([("field:chung_thuc", "Chứng thực"), ("field:ho_tich", "Hộ tịch")], spilled.Fields);
            Assert.Equal(ReportCopies.Fields(r), spilled.Fields);
            Assert.Equal(RecordJson.Serialize(r), RecordJson.Serialize(spilled.Load()));
            using var ix = streamed.Write();
            ix.Store(spilled, "x13");
            Assert.True(File.Exists(spilled.File));
        }
        Assert.False(File.Exists(Path.Combine(streamed.Dir, "answer.json")));

        var dump = whole.Dump();
        Assert.Contains("x.new_key", dump);
        Assert.Contains("field:ho_tich", dump);
        Assert.Equal(dump, streamed.Dump());
        // The text indexes (not in the dump): the same words find the report, row and marked text alike.
        Assert.Equal(Texts(whole.Path), Texts(streamed.Path));
        using var read = streamed.Read();
        Assert.Equal(1, read.Search(new SearchQuery(Text: "dang ky")).TotalDocuments);
    }

    [Fact]
    public void Replacing_a_report_by_a_spilled_one_leaves_one_report()
    {
        var r = Big();
        using var t = new TempIndex();
        using (var ix = t.Write())
        {
            ix.Store(r with { Tables = [r.Tables[1]] }, "x12");
            using var spilled = Spill(r, t.Dir);
            ix.Store(spilled, "x13");
            var s = ix.Stats();
            Assert.Equal((1, 3000), (s.Documents, (int)s.Rows));
            Assert.Equal("x13", ix.Find(r.Source.Path)!.Extractor);
        }
    }

    [Fact]
    public void Bytes_that_are_no_record_are_refused()
    {
        using var t = new TempIndex();
        var file = Path.Combine(t.Dir, "bad.json");
        File.WriteAllText(file, "{\"source\":{\"path\":\"a\"},\"tables\":[{\"rows\":[{\"index\":");
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SpilledRecord.Open(file, 0, new FileInfo(file).Length));
    }

    /// <summary>What the FTS5 tables hold for each report, through their own vocabulary (the tables keep no content).</summary>
    private static List<string> Texts(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        c.Open();
        var found = new List<string>();
        foreach (var (table, q) in new[] { ("doc_fts", "dang"), ("doc_fts", "vinh"), ("doc_mfts", "đăng"), ("row_fts", "dang"), ("row_fts", "xxxxxxxx") })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM {table} WHERE {table} MATCH $q";
            cmd.Parameters.AddWithValue("$q", q + "*");
            found.Add($"{table} {q}: {cmd.ExecuteScalar()}");
        }
        return found;
    }
}
