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
/// The embedded default engine: one SQLite file (schema in <see cref="SqliteSchema"/>), WAL journal. Each report is
/// written in one transaction, so it is indexed whole or not at all; storing a source path again replaces its report.
/// A file that is missing (when reading) or is not a baocao index is never created or overwritten: opening it fails
/// with an <see cref="IndexException"/> that says why.
/// </summary>
public sealed partial class SqliteReportIndex : IReportIndex
{
    private readonly SqliteConnection conn;
    private readonly bool readOnly;
    private readonly RowIds rowIds;
    private Writer? writer;

    public string Location { get; }

    private SqliteReportIndex(string path, SqliteConnection conn, bool readOnly)
    {
        Location = path;
        this.conn = conn;
        this.readOnly = readOnly;
        rowIds = SqliteSchema.RowIdsOf(conn);
    }

    /// <summary>Opens an existing index for searching; never creates a file.</summary>
    public static SqliteReportIndex OpenRead(string path) => Open(path, create: false, readOnly: true);

    /// <summary>Opens an index for writing, creating it (and its folder) when the file does not exist; refuses any other file.</summary>
    public static SqliteReportIndex OpenWrite(string path) => Open(path, create: true, readOnly: false);

    private static SqliteReportIndex Open(string path, bool create, bool readOnly)
    {
        if (Directory.Exists(path)) throw new IndexException(path, "is a folder, not an index file");
        var exists = File.Exists(path);
        if (!exists && !create)
            throw new IndexException(path, "no index here (create one with: ./baocao ingest PATH… --index " + path + ")");
        if (exists && new FileInfo(path).Length == 0)
            throw new IndexException(path, "not a baocao index (an empty file); it is left as it is: choose another --index or remove it");
        if (!exists)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
        }
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var conn = new SqliteConnection(cs);
        try
        {
            conn.Open();
            if (exists)
            {
                Validate(conn, path);
                if (!readOnly)
                {
                    Upgrade(conn);
                    UpgradePeriodFacet(conn);
                    UpgradeMarked(conn);
                    UpgradeCopies(conn);
                    UpgradeWideRows(conn);
                    UpgradeCrossKeys(conn);
                }
            }
            else
            {
                Exec(conn, "PRAGMA journal_mode=WAL;");
                using var tx = conn.BeginTransaction();
                Exec(conn, SqliteSchema.Create(), tx);
                tx.Commit();
            }
            Exec(conn, "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;");
            return new SqliteReportIndex(path, conn, readOnly);
        }
        catch (SqliteException e)
        {
            conn.Dispose();
            throw Explain(path, e);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    private static void Validate(SqliteConnection conn, string path)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            throw new IndexException(path, "not a baocao index (an SQLite database without baocao's tables); it is left as it is: choose another --index");
        cmd.CommandText = "SELECT key, value FROM meta";
        var meta = new Dictionary<string, string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) meta[r.GetString(0)] = r.GetString(1);
        if (meta.GetValueOrDefault("format") != SqliteSchema.Format)
            throw new IndexException(path, "not a baocao index (its meta table names another format); it is left as it is");
        if (!int.TryParse(meta.GetValueOrDefault("schema"), out var v) || v > SqliteSchema.Version)
            throw new IndexException(path, $"made by a newer baocao (index schema {meta.GetValueOrDefault("schema")}, this program reads {SqliteSchema.Version})");
    }

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

    private bool HasTable(string name)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=$n";
        cmd.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>SQLite's complaint as the one-line reason a person can act on.</summary>
    internal static IndexException Explain(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        26 => new IndexException(path, "not a baocao index (not an SQLite database); it is left as it is: choose another --index", e),
        11 => new IndexException(path, "the index is damaged (SQLite: database disk image is malformed); re-create it with ./baocao ingest into a new file", e),
        14 => new IndexException(path, "cannot open the index file (permission or folder problem)", e),
        5 or 6 => new IndexException(path, "the index is locked by another program; try again when it is done", e),
        8 => new IndexException(path, "the index is read-only here", e),
        _ => new IndexException(path, $"cannot use the index (SQLite: {e.Message.Split('\n')[0]})", e),
    };

    private static void Exec(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A larger page cache for bulk loading (the bench); in MiB.</summary>
    public void SetCacheSize(int mib) => Exec(conn, $"PRAGMA cache_size=-{mib * 1024};");

    public void Dispose()
    {
        writer?.Dispose();
        try
        {
            // Fold the WAL back into the file, so the index is one file again when the program ends.
            if (!readOnly) Exec(conn, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException) { /* another reader holds it: the WAL is folded in later */ }
        conn.Dispose();
    }

    // ---------------------------------------------------------------- writing

    public void Store(ReportRecord record, string? extractor = null) => StoreAll([record], extractor);

    /// <summary>
    /// One transaction for the batch and a savepoint for each report: a report that fails is rolled back to its savepoint
    /// (absent, as if never stored) and the others are committed together, which is what makes bulk loading fast (one WAL
    /// commit per batch instead of per report). A crash before the commit loses the batch whole; no report is ever half there.
    /// </summary>
    public void StoreAll(IEnumerable<ReportRecord> records, string? extractor = null)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        writer ??= new Writer(conn, rowIds);
        var failed = new List<(string path, string reason)>();
        using (var tx = conn.BeginTransaction())
        {
            foreach (var r in records)
            {
                var doc = IndexedReport.From(r);
                var json = Compress(r);
                tx.Save("report");
                try
                {
                    writer.Write(tx, doc, json, extractor, ReviewNote.Of(r, doc.Path));
                    tx.Release("report");
                }
                catch (Exception e) when (e is SqliteException or IndexException)
                {
                    tx.Rollback("report");
                    tx.Release("report");
                    failed.Add((doc.Path, e is IndexException ie ? ie.Reason : $"SQLite: {e.Message.Split('\n')[0]}"));
                }
            }
            tx.Commit();
            columns = null;
        }
        if (failed.Count > 0)
            throw new IndexException(Location, $"{failed[0].path} was not indexed ({failed[0].reason}); the index holds it as before" +
                (failed.Count > 1 ? $", and {failed.Count - 1} other report(s) failed likewise" : ""));
    }

    /// <summary>
    /// Stores a record held in a file (<see cref="SpilledRecord"/>) as <see cref="Store(ReportRecord, string?)"/> stores the
    /// same record, with its rows read and written one at a time and its JSON gzip'd from the file into the record's blob
    /// (through a temp file beside it, then SQLite's incremental blob I/O): no part of this process holds the whole record.
    /// </summary>
    public void Store(SpilledRecord record, string? extractor = null)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        writer ??= new Writer(conn, rowIds);
        var doc = IndexedReport.From(record.Skeleton);
        var gz = record.File + ".gz";
        try
        {
            using (var f = new FileStream(gz, FileMode.Create, FileAccess.Write))
            using (var z = new GZipStream(f, CompressionLevel.Fastest)) record.CopyTo(z);
            string? failure = null;
            using (var tx = conn.BeginTransaction())
            {
                tx.Save("report");
                try
                {
                    writer.Write(tx, doc, record.RowCount, record.Note(doc.Path), record.Fields, id => writer.WriteRecordBlob(tx, id, gz), each => record.ForEachRow((t, row) => each(new IndexedRow(t.Index, row.Index, t.Form, row.Stt, row.Label, row.Kind, row.Page, IndexedReport.RowText(row), row.Values))), extractor);
                    tx.Release("report");
                }
                catch (Exception e) when (e is SqliteException or IndexException)
                {
                    tx.Rollback("report");
                    tx.Release("report");
                    failure = e is IndexException ie ? ie.Reason : $"SQLite: {e.Message.Split('\n')[0]}";
                }
                tx.Commit();
                columns = null;
            }
            if (failure is not null) throw new IndexException(Location, $"{doc.Path} was not indexed ({failure}); the index holds it as before");
        }
        finally { File.Delete(gz); }
    }

    public bool Remove(string path)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        writer ??= new Writer(conn, rowIds);
        using var tx = conn.BeginTransaction();
        var removed = writer.Delete(tx, IndexedReport.PathKey(path));
        tx.Commit();
        columns = null;
        return removed;
    }

    /// <summary>The record's compact JSON, gzip'd as it is written: no string of the whole record (twice its UTF-8 size) and no byte copy of it.</summary>
    private static byte[] Compress(ReportRecord r)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) RecordJson.WriteCompact(gz, r);
        return ms.ToArray();
    }

    private static string Decompress(byte[] data)
    {
        using var gz = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var sr = new StreamReader(gz, Encoding.UTF8);
        return sr.ReadToEnd();
    }

    /// <summary>The prepared statements of one connection's writes (preparing them once is most of the bulk speed).</summary>
    private sealed partial class Writer : IDisposable
    {
        private readonly SqliteConnection conn;
        private readonly RowIds rowIds;
        private readonly SqliteCommand findDoc, delNotes, insNotes, delFailed, delFts, delRowFts, delRows, delTables, delFigures, delExtra, delRecord, delDoc, facetDown,
            insDoc, insRecord, insRecordBlob, insTable, insRow, insRowFts, insExtra, insFigure, insDocFts, facetUp, delMarked, insMarked;

        public Writer(SqliteConnection conn, RowIds rowIds)
        {
            this.conn = conn;
            this.rowIds = rowIds;
            findDoc = Cmd("SELECT id, province_key, province, agency_key, agency, year, form_keys, forms, period FROM documents WHERE path=$path", "$path");
            delFts = Cmd("DELETE FROM doc_fts WHERE rowid=$id", "$id");
            delMarked = Cmd("DELETE FROM doc_mfts WHERE rowid=$id", "$id");
            insMarked = Cmd("INSERT INTO doc_mfts(rowid, text) VALUES ($id, $text)", "$id", "$text");
            delNotes = Cmd("DELETE FROM doc_notes WHERE doc_id=$id", "$id");
            delFailed = Cmd("DELETE FROM failed WHERE path=$path", "$path");
            insNotes = Cmd("INSERT INTO doc_notes(doc_id, low_confidence, review_tables, errors, warnings, infos, reading, doubts) VALUES ($id, $l, $t, $e, $w, $i, $r, $d)",
                "$id", "$l", "$t", "$e", "$w", "$i", "$r", "$d");
            delRowFts = Cmd("DELETE FROM row_fts WHERE rowid IN (SELECT id FROM rows WHERE id BETWEEN $lo AND $hi)", "$lo", "$hi");
            delRows = Cmd("DELETE FROM rows WHERE id BETWEEN $lo AND $hi", "$lo", "$hi");
            delTables = Cmd("DELETE FROM tables WHERE doc_id=$id", "$id");
            delFigures = Cmd("DELETE FROM figures WHERE doc_id=$id", "$id");
            delExtra = Cmd("DELETE FROM extra_values WHERE doc_id=$id", "$id");
            delRecord = Cmd("DELETE FROM records WHERE doc_id=$id", "$id");
            delDoc = Cmd("DELETE FROM documents WHERE id=$id", "$id");
            facetDown = Cmd("UPDATE facet_values SET count=count-1 WHERE facet=$f AND key=$k", "$f", "$k");
            facetUp = Cmd("INSERT INTO facet_values(facet, key, value, count) VALUES ($f, $k, $v, 1) ON CONFLICT(facet, key) DO UPDATE SET count=count+1 RETURNING id", "$f", "$k", "$v");
            insDoc = Cmd("""
                INSERT INTO documents(id, path, file_name, sha256, format, pages, ocr, extractor, indexed_at, number, agency, parent_agency, agency_key,
                  province, province_key, place, date, year, period, period_kind, period_year, quarter, month, half, title, forms, form_keys,
                  province_fid, agency_fid, formset_fid, period_fid, n_tables, n_rows, period_from, period_to, cross_key)
                VALUES ($docid, $path, $file, $sha, $format, $pages, $ocr, $extractor, $at, $number, $agency, $parent, $agency_key,
                  $province, $province_key, $place, $date, $year, $period, $kind, $pyear, $quarter, $month, $half, $title, $forms, $form_keys,
                  $pfid, $afid, $ffid, $perfid, $ntables, $nrows, $pfrom, $pto, $cross)
                RETURNING id
                """, "$docid", "$path", "$file", "$sha", "$format", "$pages", "$ocr", "$extractor", "$at", "$number", "$agency", "$parent", "$agency_key",
                "$province", "$province_key", "$place", "$date", "$year", "$period", "$kind", "$pyear", "$quarter", "$month", "$half", "$title", "$forms", "$form_keys",
                "$pfid", "$afid", "$ffid", "$perfid", "$ntables", "$nrows", "$pfrom", "$pto", "$cross");
            insRecord = Cmd("INSERT INTO records(doc_id, json) VALUES ($id, $json)", "$id", "$json");
            insRecordBlob = Cmd("INSERT INTO records(doc_id, json) VALUES ($id, zeroblob($n))", "$id", "$n");
            insTable = Cmd("INSERT INTO tables(doc_id, idx, form, title, section, page, unit, needs_review) VALUES ($id, $idx, $form, $title, $section, $page, $unit, $review)",
                "$id", "$idx", "$form", "$title", "$section", "$page", "$unit", "$review");
            var cols = SqliteSchema.ValueKeys.Select(SqliteSchema.Column).ToList();
            insRow = Cmd($"INSERT INTO rows(id, doc_id, table_idx, idx, form, form_key, stt, label, kind, page, text{string.Concat(cols.Select(c => ", " + c))}) " +
                         $"VALUES ($rid, $id, $t, $idx, $form, $fk, $stt, $label, $kind, $page, $text{string.Concat(cols.Select(c => ", $" + c))})",
                ["$rid", "$id", "$t", "$idx", "$form", "$fk", "$stt", "$label", "$kind", "$page", "$text", .. cols.Select(c => "$" + c)]);
            insRowFts = Cmd("INSERT INTO row_fts(rowid, text) VALUES ($id, $text)", "$id", "$text");
            insExtra = Cmd("INSERT OR REPLACE INTO extra_values(key, value, row_id, doc_id) VALUES ($k, $v, $row, $id)", "$k", "$v", "$row", "$id");
            insFigure = Cmd("INSERT INTO figures(doc_id, key, value, page, scope, text) VALUES ($id, $k, $v, $page, $scope, $text)", "$id", "$k", "$v", "$page", "$scope", "$text");
            insDocFts = Cmd("INSERT INTO doc_fts(rowid, agency, head, body) VALUES ($id, $agency, $head, $body)", "$id", "$agency", "$head", "$body");
        }

        private SqliteCommand Cmd(string sql, params string[] names)
        {
            var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, null));
            return cmd;
        }

        private static SqliteCommand Bind(SqliteCommand cmd, SqliteTransaction tx, params object?[] values)
        {
            cmd.Transaction = tx;
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            return cmd;
        }

        public bool Delete(SqliteTransaction tx, string path) => DeleteReturningId(tx, path) is not null;

        /// <summary>Removes a report; its id when there was one (a replacement reuses it, so document ids stay stable).</summary>
        private long? DeleteReturningId(SqliteTransaction tx, string path)
        {
            long id;
            var facets = new List<(string, string)>();
            using (var r = Bind(findDoc, tx, path).ExecuteReader())
            {
                if (!r.Read()) return null;
                id = r.GetInt64(0);
                if (!r.IsDBNull(1)) facets.Add(("province", r.GetString(1)));
                if (!r.IsDBNull(3)) facets.Add(("agency", r.GetString(3)));
                if (!r.IsDBNull(5)) facets.Add(("year", r.GetInt32(5).ToString(CultureInfo.InvariantCulture)));
                facets.AddRange(r.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => ("form", k)));
                facets.Add(("formset", r.GetString(6)));
                if (!r.IsDBNull(8)) facets.Add(("period", r.GetString(8)));
            }
            foreach (var (f, k) in facets) Bind(facetDown, tx, f, k).ExecuteNonQuery();
            DeleteCopy(tx, id);
            Bind(delRowFts, tx, rowIds.First(id), rowIds.Last(id)).ExecuteNonQuery();
            Bind(delRows, tx, rowIds.First(id), rowIds.Last(id)).ExecuteNonQuery();
            foreach (var c in new[] { delNotes, delFts, delMarked, delTables, delFigures, delExtra, delRecord, delDoc }) Bind(c, tx, id).ExecuteNonQuery();
            return id;
        }

        public void Write(SqliteTransaction tx, IndexedReport doc, byte[] json, string? extractor, ReviewNote note) =>
            Write(tx, doc, doc.Rows.Count, note, ReportCopies.Fields(doc.Record), id => Bind(insRecord, tx, id, json).ExecuteNonQuery(), each => { foreach (var row in doc.Rows) each(row); }, extractor);

        /// <summary>A gzip'd record JSON in a file into the record's blob, in pieces (SQLite's incremental blob I/O).</summary>
        public void WriteRecordBlob(SqliteTransaction tx, long id, string gz)
        {
            Bind(insRecordBlob, tx, id, new FileInfo(gz).Length).ExecuteNonQuery();
            using var blob = new SqliteBlob(conn, "records", "json", id);
            using var f = File.OpenRead(gz);
            f.CopyTo(blob, 1 << 16);
        }

        /// <summary>
        /// Writes a report: <paramref name="doc"/> gives its document-level fields (its <c>Rows</c> are not read here), the
        /// rows come one at a time from <paramref name="rows"/> (<paramref name="rowCount"/> of them), and
        /// <paramref name="writeRecord"/> stores the record's JSON under the report's id. A record held whole and one read
        /// from a file (<see cref="SpilledRecord"/>) go through here alike, so both store the same things.
        /// </summary>
        public void Write(SqliteTransaction tx, IndexedReport doc, int rowCount, ReviewNote note, IReadOnlyList<(string Key, string Name)> fields, Action<long> writeRecord, Action<Action<IndexedRow>> rows, string? extractor)
        {
            var oldId = DeleteReturningId(tx, doc.Path);
            var r = doc.Record;
            var h = r.Header;
            var p = h.Period;
            // Facet counts first: the report row stores the ids of its facet values.
            long? Up(string facet, string? key, string? value) => key is null ? null : (long)Bind(facetUp, tx, facet, key, value ?? key).ExecuteScalar()!;
            var formKeys = SqliteSchema.FormKeys(doc.Forms);
            var pfid = Up("province", doc.ProvinceKey, h.Province);
            var afid = Up("agency", doc.AgencyKey, h.Agency);
            Up("year", doc.Year?.ToString(CultureInfo.InvariantCulture), doc.Year?.ToString(CultureInfo.InvariantCulture));
            var periodFid = Up("period", doc.PeriodLabel, doc.PeriodLabel);
            foreach (var f in doc.Forms.DistinctBy(SearchQuery.FormKey)) Up("form", SearchQuery.FormKey(f), f);
            var ffid = Up("formset", formKeys, formKeys);
            var days = IndexedReport.PeriodDays(h);
            // A new report takes the next free id (NULL lets SQLite choose); a replaced one keeps its own.
            var id = (long)Bind(insDoc, tx, oldId, doc.Path, doc.FileName, r.Source.Sha256, r.Source.Format, r.Source.Pages, r.Source.Ocr ? 1 : 0, extractor,
                DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), h.Number, h.Agency, h.ParentAgency, doc.AgencyKey, h.Province, doc.ProvinceKey,
                h.Place, h.Date, doc.Year, doc.PeriodLabel, p?.Kind, p?.Year, p?.Quarter, p?.Month, p?.Half, h.Title, string.Join(", ", doc.Forms),
                formKeys, pfid, afid, ffid, periodFid, r.Tables.Count, rowCount, days?.From, days?.To, AgencyKey.Of(r)).ExecuteScalar()!;
            // The real limits of row ids (RowIds): neither is met by any record the readers accept, but a row id out of
            // range would name another report, so they are refused, cleanly, rather than trusted.
            if (rowCount > rowIds.MaxRows)
                throw new IndexException(doc.Path, $"has {rowCount} table rows; an index report holds at most {rowIds.MaxRows}");
            if (id > rowIds.MaxDoc)
                throw new IndexException(doc.Path, $"the index holds its most reports ({rowIds.MaxDoc}); write into a new index");
            writeRecord(id);
            // A file extracted at last is no longer failed: in the same transaction, so a kill can never leave both.
            Bind(delFailed, tx, doc.Path).ExecuteNonQuery();
            Bind(insNotes, tx, id, note.LowConfidence, note.ReviewTables, note.Errors, note.Warnings, note.Infos, note.Reading, note.Doubts).ExecuteNonQuery();
            foreach (var t in r.Tables)
                Bind(insTable, tx, id, t.Index, t.Form, t.Title, t.Section, t.Page, t.Unit, t.NeedsReview ? 1 : 0).ExecuteNonQuery();
            var body = new StringBuilder();
            // The marked text as MarkedText(doc) makes it, built as the rows pass.
            var marked = new StringBuilder().Append(TextQuery.Marks(doc.AgencyText)).Append(" | ").Append(TextQuery.Marks(doc.HeadText)).Append(" | ");
            var rowId = rowIds.First(id);
            var first = true;
            rows(row =>
            {
                if (!first) marked.Append(" | ");
                first = false;
                marked.Append(TextQuery.Marks(row.Text));
                var args = new List<object?> { rowId, id, row.Table, row.Row, row.Form, row.Form is null ? null : SearchQuery.FormKey(row.Form), row.Stt, row.Label, row.Kind, row.Page, row.Text };
                foreach (var k in SqliteSchema.ValueKeys) args.Add(row.Values.TryGetValue(k, out var v) && v is { } d ? (double)d : null);
                Bind(insRow, tx, [.. args]).ExecuteNonQuery();
                var folded = row.Folded;
                Bind(insRowFts, tx, rowId, folded).ExecuteNonQuery();
                body.Append(folded).Append(" | ");
                foreach (var (k, v) in row.Values)
                    if (v is { } d && !CanonicalKeys.IsKnown(k)) Bind(insExtra, tx, k, (double)d, rowId, id).ExecuteNonQuery();
                rowId++;
            });
            foreach (var f in r.Figures) Bind(insFigure, tx, id, f.Key, (double)f.Value, f.Page, f.Scope, f.Text).ExecuteNonQuery();
            Bind(insDocFts, tx, id, Text.VietText.Fold(doc.AgencyText), Text.VietText.Fold(doc.HeadText), body.ToString()).ExecuteNonQuery();
            Bind(insMarked, tx, id, marked.ToString()).ExecuteNonQuery();
            WriteCopy(tx, id, r, note, fields);
        }

        public void Dispose()
        {
            foreach (var c in new[] { findDoc, delNotes, insNotes, delFailed, delFts, delRowFts, delRows, delTables, delFigures, delExtra, delRecord, delDoc, facetDown,
                         insDoc, insRecord, insRecordBlob, insTable, insRow, insRowFts, insExtra, insFigure, insDocFts, facetUp, delMarked, insMarked })
                c.Dispose();
            DisposeCopies();
        }
    }

    // ---------------------------------------------------------------- reading

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

    // ---------------------------------------------------------------- the ingest ledger

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

    /// <summary>Valid --province values, for the message when one is not recognised.</summary>
    internal static string ProvinceList => string.Join(", ", Provinces.All);
}
