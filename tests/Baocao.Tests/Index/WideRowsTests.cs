using System.Globalization;
using Baocao.Index;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Tests.Index;

/// <summary>
/// Issue 16 item 4: a report's rows are not capped by its row ids (schema 6: 32 bits for the row, <see cref="RowIds"/>),
/// and an index made with 16-bit row ids is searched as it is and rewritten at its first write.
/// </summary>
public class WideRowsTests
{
    /// <summary>A report of <paramref name="n"/> small rows: "Dòng i", received.total = i; the rows past the old cap of 65,536 also hold a key outside the vocabulary (an extra value).</summary>
    private static ReportRecord Huge(string path, int n)
    {
        var r = Records.Make(path, "Trà Vinh", "SỞ NỘI VỤ", 2022, 3, ("-", [("received.total", 0m)]));
        var t = r.Tables[0];
        var rows = new List<TableRow>(n);
        for (var i = 0; i < n; i++)
        {
            var values = new Dictionary<string, decimal?> { ["received.total"] = i };
            if (i >= 65_536) values["x.after_cap"] = i;
            var label = "Dòng " + i.ToString(CultureInfo.InvariantCulture);
            rows.Add(new TableRow(i, null, label, "item", values, [new TableCell("c2", label, "text", null, 2, null, i + 3, 1, [])], 2));
        }
        return r with { Tables = [t with { Rows = rows }] };
    }

    private static ReportRecord Small(string path) =>
        Records.Make(path, "Bến Tre", "SỞ TƯ PHÁP", 2021, 2, ("Hộ tịch", [("received.total", 70_000m), ("x.small", 3m)]), ("Chứng thực", [("received.total", 4m)]));

    private static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_report_of_more_than_65536_rows_is_stored_searched_replaced_and_removed_whole()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write())
        {
            w.Store(Huge("/big/huge.docx", 70_000));
            // Stored after it: under 16-bit ids its rows' ids would be the huge report's rows 65,536 on.
            w.Store(Small("/big/small.docx"));
        }
        using (var r = tmp.Read())
        {
            Assert.Equal(70_002, r.Stats().Rows);
            var top = r.Search(new SearchQuery(Where: [new Condition("received.total", CompareOp.Greater, 69_990)], RowsPerDocument: 20));
            // the huge report's last 9 rows and the small report's 70,000 row: each report names its own rows
            Assert.Equal(2, top.TotalDocuments);
            Assert.Equal(10, top.TotalRows);
            var huge = top.Documents.Single(d => d.FileName == "huge.docx");
            Assert.Equal(Enumerable.Range(69_991, 9).Select(i => "Dòng " + i.ToString(CultureInfo.InvariantCulture)), huge.Rows.Select(x => x.Label));
            Assert.Equal(["Hộ tịch"], top.Documents.Single(d => d.FileName == "small.docx").Rows.Select(x => x.Label));
            // an extra value past the old cap is found and read back on its own row
            var after = r.Search(new SearchQuery(Where: [new Condition("x.after_cap", CompareOp.GreaterOrEqual, 69_999)]));
            Assert.Equal((1, 1), (after.TotalDocuments, after.TotalRows));
            Assert.Equal(69_999m, after.Documents[0].Rows.Single().Values["x.after_cap"]);
            // words in a row past the old cap, through the row text index
            var word = r.Search(new SearchQuery(Text: "69999"));
            Assert.Equal(("huge.docx", 1), (word.Documents.Single().FileName, word.TotalRows));
        }
        using (var w = tmp.Write()) w.Store(Huge("/big/huge.docx", 66_000));
        using (var r = tmp.Read())
        {
            Assert.Equal(66_002, r.Stats().Rows);
            Assert.Equal(0, r.Search(new SearchQuery(Text: "69999")).TotalRows);
            Assert.Equal(0, r.Search(new SearchQuery(Where: [new Condition("x.after_cap", CompareOp.GreaterOrEqual, 66_000)])).TotalRows);
            Assert.Equal(464, r.Search(new SearchQuery(Where: [new Condition("x.after_cap", CompareOp.GreaterOrEqual, 0)])).TotalRows);
        }
        Assert.Equal(66_002, Scalar(tmp.Path, "SELECT count(*) FROM row_fts"));
        using (var w = tmp.Write()) Assert.True(w.Remove("/big/huge.docx"));
        using (var r = tmp.Read())
        {
            Assert.Equal(2, r.Stats().Rows);
            Assert.Equal(new[] { "x.small" }, r.ValueKeys());
            Assert.Equal(0, r.Search(new SearchQuery(Text: "dòng")).TotalDocuments);
        }
        Assert.Equal(2, Scalar(tmp.Path, "SELECT count(*) FROM row_fts"));
        Assert.Equal(1, Scalar(tmp.Path, "SELECT count(*) FROM extra_values"));
    }

    [Fact]
    public void A_schema_5_index_with_16_bit_row_ids_is_searched_as_it_is_and_widened_at_the_first_write()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write())
        {
            w.Store(Small("/a/one.docx"));
            w.Store(Huge("/a/two.docx", 300));
            w.Store(Small("/a/three.docx"));
        }
        var dump = tmp.Dump();
        var where = new SearchQuery(Where: [new Condition("received.total", CompareOp.GreaterOrEqual, 4)], RowsPerDocument: 500);
        var words = new SearchQuery(Text: "hộ tịch");
        string Results(SqliteReportIndex ix) => string.Join("\n", new[] { where, words }.Select(q => ix.Search(q)).SelectMany(res =>
            res.Documents.Select(d => $"{d.Path}: {d.MatchedRows} {string.Join(",", d.Rows.Select(x => $"{x.Row}={x.Label}:{x.Values.GetValueOrDefault("x.small")}"))}")
                .Append($"{res.TotalDocuments} {res.TotalRows}")));
        string expected;
        using (var r = tmp.Read()) expected = Results(r);
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // As schema 5 left it: row ids doc << 16 | n, in the rows, the extra values and the row text index; no meta key.
            cmd.CommandText = """
                UPDATE rows SET id = -(((id >> 32) << 16) | (id & 4294967295)); UPDATE rows SET id = -id;
                UPDATE extra_values SET row_id = -(((row_id >> 32) << 16) | (row_id & 4294967295)); UPDATE extra_values SET row_id = -row_id;
                DROP TABLE row_fts; CREATE VIRTUAL TABLE row_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
                DELETE FROM meta WHERE key = 'rows.wide'; UPDATE meta SET value = '5' WHERE key = 'schema';
                """;
            cmd.ExecuteNonQuery();
            cmd.CommandText = "SELECT id, text FROM rows";
            var texts = new List<(long, string)>();
            using (var rd = cmd.ExecuteReader()) while (rd.Read()) texts.Add((rd.GetInt64(0), rd.GetString(1)));
            cmd.CommandText = "INSERT INTO row_fts(rowid, text) VALUES ($id, $t)";
            foreach (var (id, text) in texts)
            {
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$t", Baocao.Text.VietText.Fold(text));
                cmd.ExecuteNonQuery();
            }
        }
        Assert.Equal((2L << 16) + 299, Scalar(tmp.Path, "SELECT max(id) FROM rows WHERE doc_id = 2"));
        // Read-only, searched with the ids it has.
        using (var r = tmp.Read()) Assert.Equal(expected, Results(r));
        Assert.Equal(dump, tmp.Dump());
        using (tmp.Write()) { }
        Assert.Equal(SqliteSchema.Version, Scalar(tmp.Path, "SELECT value FROM meta WHERE key = 'schema'"));
        Assert.Equal(1, Scalar(tmp.Path, "SELECT count(*) FROM meta WHERE key = 'rows.wide'"));
        Assert.Equal((2L << 32) + 299, Scalar(tmp.Path, "SELECT max(id) FROM rows WHERE doc_id = 2"));
        Assert.Equal(0, Scalar(tmp.Path, "SELECT count(*) FROM rows WHERE id >> 32 != doc_id"));
        Assert.Equal(0, Scalar(tmp.Path, "SELECT count(*) FROM extra_values WHERE row_id >> 32 != doc_id"));
        Assert.Equal(Scalar(tmp.Path, "SELECT count(*) FROM rows"), Scalar(tmp.Path, "SELECT count(*) FROM row_fts"));
        using (var r = tmp.Read()) Assert.Equal(expected, Results(r));
        Assert.Equal(dump, tmp.Dump());
        // and written on as a schema-6 index
        using (var w = tmp.Write()) Assert.True(w.Remove("/a/two.docx"));
        using (var r = tmp.Read()) Assert.Equal(0, r.Search(new SearchQuery(Text: "dòng")).TotalDocuments);
    }
}
