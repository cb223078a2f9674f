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
/// Writing: storing a report (whole or spilled) in one transaction or savepoint, and removing one; the prepared
/// statements of the writes (<see cref="Writer"/>).
/// </summary>
public sealed partial class SqliteReportIndex
{
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
}
