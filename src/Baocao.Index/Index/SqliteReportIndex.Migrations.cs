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
/// The upgrades of an older index, each run once at its first write-open (a meta key or a column says it is done):
/// schema 1's ledger, the period facet ids, the marked text and period days (schema 4), wide row ids and the
/// cross-report keys (schema 6), the reviewers' corrections (schema 7). The copies' upgrade (schema 5) is in SqliteReportIndex.Copies.cs.
/// </summary>
public sealed partial class SqliteReportIndex
{
    /// <summary>
    /// An index made before each report kept its period's facet id (schema 1 and 2) gets the column, the counts and the
    /// covering indexes, once, in one transaction.
    /// </summary>
    private static void UpgradePeriodFacet(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.PeriodFacetKey}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) return;
        var hasColumn = HasColumn(conn, "documents", "period_fid");
        using var tx = conn.BeginTransaction();
        if (!hasColumn) Exec(conn, "ALTER TABLE documents ADD COLUMN period_fid INTEGER;", tx);
        Exec(conn, SqliteSchema.PeriodFacetUpgrade, tx);
        tx.Commit();
    }

    /// <summary>
    /// An index made before schema 4 gets the marked text index and the period days, filled from each stored record, once,
    /// in one transaction (<see cref="SqliteSchema.MarkedKey"/>).
    /// </summary>
    private static void UpgradeMarked(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.MarkedKey}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) return;
        using var tx = conn.BeginTransaction();
        Exec(conn, SqliteSchema.MarkedTable, tx);
        if (!HasColumn(conn, "documents", "period_from")) Exec(conn, "ALTER TABLE documents ADD COLUMN period_from INTEGER; ALTER TABLE documents ADD COLUMN period_to INTEGER;", tx);
        using var read = conn.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT doc_id, json FROM records";
        using var ins = conn.CreateCommand();
        ins.Transaction = tx;
        ins.CommandText = "INSERT INTO doc_mfts(rowid, text) VALUES ($id, $text)";
        ins.Parameters.Add(new SqliteParameter("$id", 0L));
        ins.Parameters.Add(new SqliteParameter("$text", ""));
        using var days = conn.CreateCommand();
        days.Transaction = tx;
        days.CommandText = "UPDATE documents SET period_from = $f, period_to = $t WHERE id = $id";
        days.Parameters.Add(new SqliteParameter("$f", DBNull.Value));
        days.Parameters.Add(new SqliteParameter("$t", DBNull.Value));
        days.Parameters.Add(new SqliteParameter("$id", 0L));
        using (var r = read.ExecuteReader())
            while (r.Read())
            {
                var doc = IndexedReport.From(RecordJsonReader.Parse(Decompress((byte[])r.GetValue(1))));
                ins.Parameters[0].Value = r.GetInt64(0);
                ins.Parameters[1].Value = MarkedText(doc);
                ins.ExecuteNonQuery();
                var d = IndexedReport.PeriodDays(doc.Record.Header);
                days.Parameters[0].Value = d is { } x ? x.From : DBNull.Value;
                days.Parameters[1].Value = d is { } y ? y.To : DBNull.Value;
                days.Parameters[2].Value = r.GetInt64(0);
                days.ExecuteNonQuery();
            }
        Exec(conn, $"INSERT INTO meta(key, value) VALUES ('{SqliteSchema.MarkedKey}', '1') ON CONFLICT(key) DO NOTHING;", tx);
        Exec(conn, $"UPDATE meta SET value='{SqliteSchema.Version}' WHERE key='schema' AND CAST(value AS INTEGER) < {SqliteSchema.Version};", tx);
        tx.Commit();
    }

    /// <summary>
    /// An index made before schema 6 gets wide row ids (<see cref="RowIds"/>): each row's id, its extra values' and its
    /// text index entry's go from <c>doc &lt;&lt; 16 | n</c> to <c>doc &lt;&lt; 32 | n</c>, once, in one transaction
    /// (<see cref="SqliteSchema.WideRowsKey"/>). The ids pass through negative values on the way, since an UPDATE checks
    /// uniqueness row by row and a new id could meet an old one not yet moved (report d·65536's). The row text index is
    /// contentless (its text cannot be read back), so it is made again from the rows' text, folded as a write folds it.
    /// </summary>
    private static void UpgradeWideRows(SqliteConnection conn)
    {
        if (SqliteSchema.RowIdsOf(conn) == RowIds.Wide) return;
        var (n, w) = (RowIds.Narrow, RowIds.Wide);
        string Widen(string col) => $"((({col} >> {n.Bits}) << {w.Bits}) | ({col} & {n.MaxRows - 1}))";
        using var tx = conn.BeginTransaction();
        Exec(conn, $"UPDATE rows SET id = -{Widen("id")}; UPDATE rows SET id = -id;", tx);
        Exec(conn, $"UPDATE extra_values SET row_id = -{Widen("row_id")}; UPDATE extra_values SET row_id = -row_id;", tx);
        Exec(conn, "DROP TABLE row_fts; " + SqliteSchema.RowFtsTable, tx);
        using (var read = conn.CreateCommand())
        using (var ins = conn.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT id, text FROM rows";
            ins.Transaction = tx;
            ins.CommandText = "INSERT INTO row_fts(rowid, text) VALUES ($id, $text)";
            ins.Parameters.Add(new SqliteParameter("$id", 0L));
            ins.Parameters.Add(new SqliteParameter("$text", ""));
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                ins.Parameters[0].Value = r.GetInt64(0);
                ins.Parameters[1].Value = Text.VietText.Fold(r.GetString(1));
                ins.ExecuteNonQuery();
            }
        }
        Exec(conn, $"INSERT INTO meta(key, value) VALUES ('{SqliteSchema.WideRowsKey}', '1') ON CONFLICT(key) DO NOTHING;", tx);
        Exec(conn, $"UPDATE meta SET value='{SqliteSchema.Version}' WHERE key='schema' AND CAST(value AS INTEGER) < {SqliteSchema.Version};", tx);
        tx.Commit();
    }

    /// <summary>
    /// An index without the current cross-report keys (<see cref="SqliteSchema.CrossKeyKey"/>: made before schema 6, or
    /// keyed by an older AgencyKey.Of) gets them from its stored records, once, in one transaction.
    /// </summary>
    private static void UpgradeCrossKeys(SqliteConnection conn)
    {
        if (HasMeta(conn, SqliteSchema.CrossKeyKey)) return;
        using var tx = conn.BeginTransaction();
        if (!HasColumn(conn, "documents", "cross_key")) Exec(conn, SqliteSchema.CrossKeyColumn, tx);
        var keys = new List<(long id, string? key)>();
        using (var read = conn.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT doc_id, json FROM records";
            using var r = read.ExecuteReader();
            while (r.Read()) keys.Add((r.GetInt64(0), AgencyKey.Of(RecordJsonReader.Parse(Decompress((byte[])r.GetValue(1))))));
        }
        using (var upd = conn.CreateCommand())
        {
            upd.Transaction = tx;
            upd.CommandText = "UPDATE documents SET cross_key = $k WHERE id = $id";
            upd.Parameters.Add(new SqliteParameter("$k", DBNull.Value));
            upd.Parameters.Add(new SqliteParameter("$id", 0L));
            foreach (var (id, key) in keys)
            {
                (upd.Parameters[0].Value, upd.Parameters[1].Value) = ((object?)key ?? DBNull.Value, id);
                upd.ExecuteNonQuery();
            }
        }
        Exec(conn, $"DELETE FROM meta WHERE key LIKE 'cross.key.%'; INSERT INTO meta(key, value) VALUES ('{SqliteSchema.CrossKeyKey}', '1');", tx);
        Exec(conn, $"UPDATE meta SET value='{SqliteSchema.Version}' WHERE key='schema' AND CAST(value AS INTEGER) < {SqliteSchema.Version};", tx);
        tx.Commit();
    }

    /// <summary>An index made before schema 7 gets the corrections table, once (<see cref="SqliteSchema.CorrectionsKey"/>).</summary>
    private static void UpgradeCorrections(SqliteConnection conn)
    {
        if (HasMeta(conn, SqliteSchema.CorrectionsKey)) return;
        using var tx = conn.BeginTransaction();
        Exec(conn, SqliteSchema.CorrectionsTable, tx);
        Exec(conn, $"INSERT INTO meta(key, value) VALUES ('{SqliteSchema.CorrectionsKey}', '1') ON CONFLICT(key) DO NOTHING;", tx);
        Exec(conn, $"UPDATE meta SET value='{SqliteSchema.Version}' WHERE key='schema' AND CAST(value AS INTEGER) < {SqliteSchema.Version};", tx);
        tx.Commit();
    }
    private static bool HasMeta(SqliteConnection conn, string key)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>A report's text as the marked index holds it: lower case, NFC, marks kept (agency, header, rows).</summary>
    internal static string MarkedText(IndexedReport doc) =>
        TextQuery.Marks(doc.AgencyText) + " | " + TextQuery.Marks(doc.HeadText) + " | " + string.Join(" | ", doc.Rows.Select(r => TextQuery.Marks(r.Text)));

    /// <summary>Brings a schema-1 index up to the current schema (the ingest ledger's tables); idempotent.</summary>
    private static void Upgrade(SqliteConnection conn)
    {
        using var tx = conn.BeginTransaction();
        Exec(conn, SqliteSchema.Ledger, tx);
        if (!HasColumn(conn, "doc_notes", "reading")) Exec(conn, SqliteSchema.ReadingNotesUpgrade, tx);
        if (!HasColumn(conn, "doc_notes", "doubts")) Exec(conn, SqliteSchema.DoubtNotesUpgrade, tx);
        Exec(conn, $"UPDATE meta SET value='{SqliteSchema.Version}' WHERE key='schema' AND CAST(value AS INTEGER) < {SqliteSchema.Version};", tx);
        tx.Commit();
    }

    private static bool HasColumn(SqliteConnection conn, string table, string column)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = $c";
        cmd.Parameters.AddWithValue("$c", column);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
