using System.Globalization;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Index;

/// <summary>
/// Schema 5 (issue 17 items 2 and 4): copies of one report grouped (<see cref="ReportCopies"/>), the fields of each
/// report's rows, and removing the reports of files that are gone. Kept apart from the write path of
/// <see cref="SqliteReportIndex"/>: the writer calls <see cref="Writer.WriteCopy"/> after a report is stored and
/// <see cref="Writer.DeleteCopy"/> before one is removed, both inside its transaction.
/// </summary>
public sealed partial class SqliteReportIndex
{
    /// <summary>
    /// An index made before schema 5 gets the copy columns and the fields, computed from each stored record as a write
    /// would, once, in one transaction (<see cref="SqliteSchema.CopiesKey"/>).
    /// </summary>
    private static void UpgradeCopies(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.CopiesKey}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) return;
        using var tx = conn.BeginTransaction();
        if (!HasColumn(conn, "documents", "copy_key")) Exec(conn, SqliteSchema.CopiesColumns, tx);
        Exec(conn, SqliteSchema.CopiesTables, tx);
        Exec(conn, "DELETE FROM doc_fields; UPDATE facet_values SET count = 0 WHERE facet = 'field';", tx);
        var reports = new List<(long id, string key, int rank, IReadOnlyList<(string Key, string Name)> fields)>();
        using (var read = conn.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT doc_id, json FROM records ORDER BY doc_id";
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                var record = RecordJsonReader.Parse(Decompress((byte[])r.GetValue(1)));
                reports.Add((r.GetInt64(0), ReportCopies.Key(record), ReportCopies.Rank(record, ReviewNote.Of(record, record.Source.Path)), ReportCopies.Fields(record)));
            }
        }
        using var upd = conn.CreateCommand();
        upd.Transaction = tx;
        upd.CommandText = "UPDATE documents SET copy_key = $k, copy_group = $g, copy_rank = $r WHERE id = $id";
        foreach (var n in new[] { "$k", "$g", "$r", "$id" }) upd.Parameters.Add(new SqliteParameter(n, null));
        using var up = conn.CreateCommand();
        up.Transaction = tx;
        up.CommandText = "INSERT INTO facet_values(facet, key, value, count) VALUES ('field', $k, $v, 1) ON CONFLICT(facet, key) DO UPDATE SET count=count+1 RETURNING id";
        up.Parameters.Add(new SqliteParameter("$k", ""));
        up.Parameters.Add(new SqliteParameter("$v", ""));
        using var ins = conn.CreateCommand();
        ins.Transaction = tx;
        ins.CommandText = "INSERT OR IGNORE INTO doc_fields(doc_id, field_fid) VALUES ($d, $f)";
        ins.Parameters.Add(new SqliteParameter("$d", 0L));
        ins.Parameters.Add(new SqliteParameter("$f", 0L));
        var groups = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, key, rank, fields) in reports)
        {
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = groups.Count + 1;
            (upd.Parameters[0].Value, upd.Parameters[1].Value, upd.Parameters[2].Value, upd.Parameters[3].Value) = (key, g, rank, id);
            upd.ExecuteNonQuery();
            foreach (var (k, v) in fields)
            {
                (up.Parameters[0].Value, up.Parameters[1].Value) = (k, v);
                ins.Parameters[0].Value = id;
                ins.Parameters[1].Value = (long)up.ExecuteScalar()!;
                ins.ExecuteNonQuery();
            }
        }
        Exec(conn, $"INSERT INTO meta(key, value) VALUES ('{SqliteSchema.CopiesKey}', '1') ON CONFLICT(key) DO NOTHING;", tx);
        Exec(conn, $"UPDATE meta SET value='{SqliteSchema.Version}' WHERE key='schema' AND CAST(value AS INTEGER) < {SqliteSchema.Version};", tx);
        tx.Commit();
    }

    /// <summary>Whether the index groups copies (schema 5, or an older index upgraded); read-only older indexes do not.</summary>
    internal static bool GroupsCopies(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.CopiesKey}'";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Every report as its files: each group of copies, best first (<see cref="ReportCopies.Rank"/>), in the path order
    /// of their best copies; a file without copies is a group of one. An index without copy groups gives every file alone.
    /// </summary>
    public IEnumerable<IReadOnlyList<StoredSource>> Reports()
    {
        if (!GroupsCopies(conn))
        {
            foreach (var s in Sources()) yield return [s];
            yield break;
        }
        var groups = new Dictionary<long, List<(int rank, long id, StoredSource s)>>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT id, path, sha256, extractor, indexed_at, coalesce(copy_group, -id), coalesce(copy_rank, 0) FROM documents";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var g = r.GetInt64(5);
                if (!groups.TryGetValue(g, out var list)) groups[g] = list = [];
                list.Add((r.GetInt32(6), r.GetInt64(0), new StoredSource(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4))));
            }
        }
        foreach (var g in groups.Values.Select(l => l.OrderBy(x => x.rank).ThenBy(x => x.id).Select(x => x.s).ToList()).OrderBy(l => l[0].Path, StringComparer.Ordinal))
            yield return g;
    }

    public IReadOnlyList<long> CopiesOf(long id)
    {
        if (!GroupsCopies(conn)) return [];
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents WHERE copy_group = (SELECT copy_group FROM documents WHERE id = $id) ORDER BY copy_rank, id";
        cmd.Parameters.AddWithValue("$id", id);
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    private sealed partial class Writer
    {
        private SqliteCommand? copyFind, copyNext, copyUpdate, fieldUp, fieldIns, fieldList, fieldDown, fieldDel;

        /// <summary>A stored report's copy identity, group and rank, and its fields; in the report's transaction.</summary>
        public void WriteCopy(SqliteTransaction tx, long id, ReportRecord r, ReviewNote note, IReadOnlyList<(string Key, string Name)> fields)
        {
            copyFind ??= Cmd("SELECT copy_group FROM documents WHERE copy_key = $k AND id <> $id AND copy_group IS NOT NULL LIMIT 1", "$k", "$id");
            copyNext ??= Cmd("SELECT coalesce(max(copy_group), 0) + 1 FROM documents");
            copyUpdate ??= Cmd("UPDATE documents SET copy_key = $k, copy_group = $g, copy_rank = $r WHERE id = $id", "$k", "$g", "$r", "$id");
            fieldUp ??= Cmd("INSERT INTO facet_values(facet, key, value, count) VALUES ('field', $k, $v, 1) ON CONFLICT(facet, key) DO UPDATE SET count=count+1 RETURNING id", "$k", "$v");
            fieldIns ??= Cmd("INSERT OR IGNORE INTO doc_fields(doc_id, field_fid) VALUES ($d, $f)", "$d", "$f");
            var key = ReportCopies.Key(r);
            // A new group takes a number never used (the largest plus one), so a replaced report that changed its identity
            // can never fall into the group its old number still labels.
            var group = Bind(copyFind, tx, key, id).ExecuteScalar() is long g ? g : (long)Bind(copyNext, tx).ExecuteScalar()!;
            Bind(copyUpdate, tx, key, group, ReportCopies.Rank(r, note), id).ExecuteNonQuery();
            foreach (var (k, v) in fields)
                Bind(fieldIns, tx, id, (long)Bind(fieldUp, tx, k, v).ExecuteScalar()!).ExecuteNonQuery();
        }

        /// <summary>Forgets a report's fields (their counts go down); its copy columns go with its row.</summary>
        public void DeleteCopy(SqliteTransaction tx, long id)
        {
            fieldList ??= Cmd("SELECT field_fid FROM doc_fields WHERE doc_id = $d", "$d");
            fieldDown ??= Cmd("UPDATE facet_values SET count = count - 1 WHERE id = $f", "$f");
            fieldDel ??= Cmd("DELETE FROM doc_fields WHERE doc_id = $d", "$d");
            var fids = new List<long>();
            using (var r = Bind(fieldList, tx, id).ExecuteReader()) while (r.Read()) fids.Add(r.GetInt64(0));
            foreach (var f in fids) Bind(fieldDown, tx, f).ExecuteNonQuery();
            Bind(fieldDel, tx, id).ExecuteNonQuery();
        }

        private void DisposeCopies()
        {
            foreach (var c in new[] { copyFind, copyNext, copyUpdate, fieldUp, fieldIns, fieldList, fieldDown, fieldDel }) c?.Dispose();
        }
    }
}
