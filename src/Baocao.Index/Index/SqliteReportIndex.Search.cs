using System.Globalization;
using System.IO.Compression;
using System.Text;
using Baocao.Checks;
using Baocao.Header;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Index;

/// <summary>
/// Reading: searches and exports (<see cref="SqliteSearch"/>), statistics, the stored sources, keys and records, and
/// the canonical dump of the index's content.
/// </summary>
public sealed partial class SqliteReportIndex
{
    public SearchResult Search(SearchQuery query)
    {
        try { return new SqliteSearch(conn, query, Columns, rowIds).Run(); }
        catch (SqliteException e) { throw Explain(Location, e); }
    }

    private DocumentColumns? columns;
    private long columnsVersion = -1;

    /// <summary>
    /// The reports' columns in memory, loaded at the first search that needs them and again after the index changed:
    /// <c>PRAGMA data_version</c> moves when another connection commits, and this connection's own writes drop them.
    /// </summary>
    private DocumentColumns Columns(bool periodsCounted)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA data_version";
        var version = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (columns is null || version != columnsVersion || (columns.PeriodNames is null) != periodsCounted)
        {
            columns = null;
            columns = DocumentColumns.Load(conn, periodsCounted);
            columnsVersion = version;
        }
        return columns;
    }

    public IEnumerable<ExportRow> Export(SearchQuery query)
    {
        // Enumerated lazily; SQLite errors surface as IndexException at the row that met them.
        var e = new SqliteSearch(conn, query, Columns, rowIds).Export().GetEnumerator();
        while (true)
        {
            try { if (!e.MoveNext()) break; }
            catch (SqliteException ex) { throw Explain(Location, ex); }
            yield return e.Current;
        }
    }

    public IndexStats Stats()
    {
        try
        {
            using var cmd = conn.CreateCommand();
            long Count(string sql) { cmd.CommandText = sql; return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture); }
            var values = SqliteSchema.ValueKeys.Sum(k => Count($"SELECT count(*) FROM rows WHERE {SqliteSchema.Column(k)} IS NOT NULL")) + Count("SELECT count(*) FROM extra_values");
            var bytes = new FileInfo(Location).Length + (File.Exists(Location + "-wal") ? new FileInfo(Location + "-wal").Length : 0);
            return new IndexStats(Count("SELECT count(*) FROM documents"), Count("SELECT count(*) FROM tables"), Count("SELECT count(*) FROM rows"),
                values, Count("SELECT count(*) FROM figures"), bytes, HasTable("failed") ? Count("SELECT count(*) FROM failed") : 0);
        }
        catch (SqliteException e) { throw Explain(Location, e); }
    }

    public IReadOnlyCollection<string> ValueKeys()
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT key FROM extra_values";
        var keys = new List<string>();
        try
        {
            using var r = cmd.ExecuteReader();
            while (r.Read()) keys.Add(r.GetString(0));
        }
        catch (SqliteException e) { throw Explain(Location, e); }
        return keys;
    }

    public StoredSource? Find(string path)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT path, sha256, extractor, indexed_at FROM documents WHERE path=$p";
        cmd.Parameters.AddWithValue("$p", IndexedReport.PathKey(path));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new StoredSource(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)) : null;
    }

    public IEnumerable<StoredSource> Sources()
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT path, sha256, extractor, indexed_at FROM documents ORDER BY path";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new StoredSource(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3));
    }

    public long? IdOf(string path)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents WHERE path=$p";
        cmd.Parameters.AddWithValue("$p", IndexedReport.PathKey(path));
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    public IReadOnlyDictionary<string, string?>? CrossKeys()
    {
        if (!HasMeta(conn, SqliteSchema.CrossKeyKey)) return null;
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT path, cross_key FROM documents";
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var r = cmd.ExecuteReader();
            while (r.Read()) keys[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1);
        }
        catch (SqliteException e) { throw Explain(Location, e); }
        return keys;
    }

    public ReportRecord? Load(long id)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT json FROM records WHERE doc_id=$id";
        cmd.Parameters.AddWithValue("$id", id);
        try { return cmd.ExecuteScalar() is byte[] blob ? RecordJsonReader.Parse(Decompress(blob)) : null; }
        catch (SqliteException e) { throw Explain(Location, e); }
    }

    public ReportRecord? Load(string path)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT r.json FROM records r JOIN documents d ON d.id = r.doc_id WHERE d.path=$p";
        cmd.Parameters.AddWithValue("$p", IndexedReport.PathKey(path));
        return cmd.ExecuteScalar() is byte[] blob ? RecordJsonReader.Parse(Decompress(blob)) : null;
    }

    /// <summary>
    /// The index's content as canonical text, independent of the order reports were written in and of the time: every
    /// report (in path order) with its header columns, stored record, tables, rows and figures; the failures; the facet
    /// counts. Two indexes with the same dump hold the same things (what the resume test compares).
    /// </summary>
    public void DumpContent(TextWriter w)
    {
        using var cmd = conn.CreateCommand();
        void Dump(string title, string sql)
        {
            w.WriteLine($"## {title}");
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    if (i > 0) w.Write('\t');
                    w.Write(r.IsDBNull(i) ? "∅" : r.GetValue(i) is byte[] b ? Decompress(b) : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture));
                }
                w.WriteLine();
            }
        }
        var valueCols = string.Concat(SqliteSchema.ValueKeys.Select(k => ", r." + SqliteSchema.Column(k)));
        Dump("documents", "SELECT path, file_name, sha256, format, pages, ocr, extractor, number, agency, parent_agency, agency_key, province, province_key, place, date, year, " +
                          "period, period_kind, period_year, quarter, month, half, title, forms, form_keys, n_tables, n_rows FROM documents ORDER BY path");
        Dump("records", "SELECT d.path, r.json FROM records r JOIN documents d ON d.id = r.doc_id ORDER BY d.path");
        Dump("notes", "SELECT d.path, n.low_confidence, n.review_tables, n.errors, n.warnings, n.infos, n.reading FROM doc_notes n JOIN documents d ON d.id = n.doc_id ORDER BY d.path");
        Dump("tables", "SELECT d.path, t.idx, t.form, t.title, t.section, t.page, t.unit, t.needs_review FROM tables t JOIN documents d ON d.id = t.doc_id ORDER BY d.path, t.idx");
        Dump("rows", $"SELECT d.path, r.table_idx, r.idx, r.form, r.form_key, r.stt, r.label, r.kind, r.page, r.text{valueCols} FROM rows r JOIN documents d ON d.id = r.doc_id ORDER BY d.path, r.table_idx, r.idx");
        Dump("extra values", $"SELECT d.path, e.key, e.value, e.row_id - (d.id << {rowIds.Bits}) FROM extra_values e JOIN documents d ON d.id = e.doc_id ORDER BY d.path, e.row_id - (d.id << {rowIds.Bits}), e.key");
        Dump("figures", "SELECT d.path, f.key, f.value, f.page, f.scope, f.text FROM figures f JOIN documents d ON d.id = f.doc_id ORDER BY d.path, f.key, f.value, f.page, f.text");
        Dump("failed", "SELECT path, sha256, extractor, reason FROM failed ORDER BY path");
        Dump("facets", "SELECT facet, key, value, count FROM facet_values WHERE count > 0 ORDER BY facet, key");
        Dump("text index", $"SELECT d.path, (SELECT count(*) FROM row_fts WHERE rowid BETWEEN (d.id << {rowIds.Bits}) AND (d.id << {rowIds.Bits}) + {rowIds.MaxRows - 1}) FROM documents d ORDER BY d.path");
    }

    /// <summary>SHA-256 of <see cref="DumpContent"/>.</summary>
    public string ContentDigest()
    {
        using var sw = new StringWriter();
        DumpContent(sw);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sw.ToString())));
    }
}
