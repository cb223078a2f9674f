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
/// The ingest ledger: files that failed, and each report's review note.
/// </summary>
public sealed partial class SqliteReportIndex
{
    public void RecordFailure(FailedSource f)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO failed(path, sha256, extractor, reason, failed_at) VALUES ($p, $s, $e, $r, $t)";
        cmd.Parameters.AddWithValue("$p", IndexedReport.PathKey(f.Path));
        cmd.Parameters.AddWithValue("$s", f.Sha256);
        cmd.Parameters.AddWithValue("$e", (object?)f.Extractor ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$r", f.Reason);
        cmd.Parameters.AddWithValue("$t", f.FailedAt);
        try { cmd.ExecuteNonQuery(); }
        catch (SqliteException e) { throw Explain(Location, e); }
    }

    public bool ClearFailure(string path)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "DELETE FROM failed WHERE path=$p";
        cmd.Parameters.AddWithValue("$p", IndexedReport.PathKey(path));
        try { return cmd.ExecuteNonQuery() > 0; }
        catch (SqliteException e) { throw Explain(Location, e); }
    }

    public IEnumerable<FailedSource> Failures()
    {
        if (!HasTable("failed")) yield break;
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT path, sha256, extractor, reason, failed_at FROM failed ORDER BY path";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new FailedSource(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4));
    }

    public IEnumerable<ReviewNote> ReviewNotes()
    {
        if (!HasTable("doc_notes")) yield break;
        var reading = HasColumn(conn, "doc_notes", "reading") ? "n.reading" : "0";
        var doubts = HasColumn(conn, "doc_notes", "doubts") ? "n.doubts" : "0";
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT d.path, n.low_confidence, n.review_tables, n.errors, n.warnings, n.infos, {reading}, {doubts} FROM doc_notes n JOIN documents d ON d.id = n.doc_id ORDER BY d.path";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new ReviewNote(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7));
    }
}
