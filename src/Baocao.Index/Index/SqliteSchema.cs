using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// The embedded index's tables (one SQLite file, WAL). Text is searched through two FTS5 tables holding folded text
/// (no tones, đ as d: folded by <see cref="Text.VietText.Fold"/> before indexing and querying, with
/// <c>unicode61 remove_diacritics 2</c> as a second guard); filters and numbers live in ordinary tables with indexes.
/// The FTS tables are contentless: the printed text is in <c>documents</c>, <c>rows</c> and the stored record, and
/// highlights are made from it, so the folded copy is never shown.
/// </summary>
internal static class SqliteSchema
{
    public const string Format = "baocao-index";
    public const int Version = 7;

    /// <summary>
    /// Schema 4 (issue 17) adds <c>doc_mfts</c>, the reports' text lower-cased with its marks kept (FTS5 without
    /// diacritic removal), so results holding the tone marks a user typed ("hộ tịch") rank above those that hold them only
    /// folded ("hồ tịch"); and each report's period days (<c>documents.period_from</c>, <c>period_to</c>, 20210315) for
    /// --from/--to. An older index gets both, from its stored records, the first time it is opened for writing
    /// (<see cref="MarkedKey"/> in meta says it is done); read-only, it is searched without them (folded order only,
    /// period days from the rule).
    /// </summary>
    public const string MarkedKey = "fts.marked";

    /// <summary>
    /// Schema 5 (issue 17 items 2 and 4): the copies of a report and the fields of its rows. Each report keeps its copy
    /// identity (<c>copy_key</c>, <see cref="ReportCopies.Key"/>), the number of its group of copies (<c>copy_group</c>:
    /// the files sharing a key share it) and its rank among them (<c>copy_rank</c>, lower is better,
    /// <see cref="ReportCopies.Rank"/>); the covering index <c>ix_documents_copies</c> lists each group best first, so a
    /// search reads one narrow index to count every report once. <c>doc_fields</c> holds the canonical fields (lĩnh vực)
    /// its rows name, as facet value ids. An older index gets both from its stored records the first time it is opened
    /// for writing (<see cref="CopiesKey"/> in meta says it is done); read-only, it is searched file by file as before.
    /// </summary>
    public const string CopiesKey = "copies.fields";

    /// <summary>The columns, table and indexes of schema 5, added to a new index and to an older one at its upgrade.</summary>
    public const string CopiesColumns = "ALTER TABLE documents ADD COLUMN copy_key TEXT; ALTER TABLE documents ADD COLUMN copy_group INTEGER; ALTER TABLE documents ADD COLUMN copy_rank INTEGER;";

    public const string CopiesTables = """
        CREATE TABLE IF NOT EXISTS doc_fields(doc_id INTEGER NOT NULL, field_fid INTEGER NOT NULL, PRIMARY KEY(doc_id, field_fid)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_documents_copy_key ON documents(copy_key);
        CREATE INDEX IF NOT EXISTS ix_documents_copies ON documents(copy_group, copy_rank, id);
        """;

    /// <summary>The rows' folded text (rowid = the row's id), made again by the schema-6 upgrade.</summary>
    public const string RowFtsTable = "CREATE VIRTUAL TABLE row_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');";

    public const string MarkedTable = "CREATE VIRTUAL TABLE IF NOT EXISTS doc_mfts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');";

    /// <summary>
    /// Schema 3 keeps each report's period as its facet value id in <c>documents.period_fid</c>, inside the covering
    /// indexes, so the period facet is counted from the same narrow index entries as the others (it was a separate
    /// table, joined per report: a fifth of the time of a faceted search).
    /// Schema 2 adds the ingest ledger: files that failed (path, content hash, extractor version, reason) and each report's
    /// review note. Created when absent, so a schema-1 index is upgraded when it is opened for writing.
    /// </summary>
    public const string Ledger = """
CREATE TABLE IF NOT EXISTS failed(path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, extractor TEXT, reason TEXT NOT NULL, failed_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_notes(doc_id INTEGER PRIMARY KEY, low_confidence INTEGER NOT NULL, review_tables INTEGER NOT NULL,
  errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL, reading INTEGER NOT NULL DEFAULT 0, doubts INTEGER NOT NULL DEFAULT 0);
""";

    /// <summary>
    /// doc_notes.reading (the warnings of a report's reading) came after the first schema-3 indexes: added, as 0 for the
    /// reports already there, when such an index is opened for writing; read as 0 until then.
    /// </summary>
    public const string ReadingNotesUpgrade = "ALTER TABLE doc_notes ADD COLUMN reading INTEGER NOT NULL DEFAULT 0;";

    /// <summary>doc_notes.doubts (findings resting on a doubtful reading) came later still: added the same way, read as 0 until then.</summary>
    public const string DoubtNotesUpgrade = "ALTER TABLE doc_notes ADD COLUMN doubts INTEGER NOT NULL DEFAULT 0;";

    /// <summary>One typed numeric column per canonical key: <c>received.total</c> is <c>v_received_total</c>.</summary>
    public static string Column(string key) => "v_" + key.Replace('.', '_');

    /// <summary>
    /// Schema 6 (issue 16 item 4): row ids with 32 bits for the row (<see cref="RowIds.Wide"/>), so a report's rows are no
    /// longer capped at 65,536. An index made before keeps 16-bit row ids (<see cref="RowIds.Narrow"/>) until it is first
    /// opened for writing, when its row ids are rewritten and its row text index made again (this key in meta says it is
    /// done); read-only, it is searched with the ids it has.
    /// </summary>
    public const string WideRowsKey = "rows.wide";

    /// <summary>
    /// Schema 6 also keeps each report's key for the cross-report checks (<c>documents.cross_key</c>:
    /// <see cref="Checks.AgencyKey.Of"/> of its record, NULL for a report without an agency), so <c>check --all</c> groups
    /// the reports without reading their records first. The suffix is the key's version: a change to AgencyKey.Of must
    /// raise it, so that an index re-keys its reports from their records at its next write-open (and a read-only one
    /// reads the keys from the records meanwhile) rather than group by stale keys.
    /// </summary>
    public const string CrossKeyKey = "cross.key.1";

    public const string CrossKeyColumn = "ALTER TABLE documents ADD COLUMN cross_key TEXT;";

    /// <summary>
    /// Schema 7 (issue 18 item 2): reviewers' decisions on cells, beside the readings (<see cref="Correction"/>). Keyed by
    /// the file's content hash and the cell's place in the record (table and row index, column id), never by a report's
    /// or a row's id: a re-ingest of the same file replaces its report and rows, and its corrections stay. The value is
    /// kept as text (invariant, "181220", "2.02") so it is the decimal the reviewer typed, not a float near it; NULL
    /// value = confirmed as read. An older index gets the table at its first write-open (<see cref="CorrectionsKey"/>);
    /// read-only, it has no corrections.
    /// </summary>
    public const string CorrectionsKey = "review.corrections";

    public const string CorrectionsTable = """
        CREATE TABLE IF NOT EXISTS corrections(sha256 TEXT NOT NULL, table_idx INTEGER NOT NULL, row_idx INTEGER NOT NULL, column_id TEXT NOT NULL,
          key TEXT, row_label TEXT, read_raw TEXT NOT NULL, read_value TEXT, value TEXT, reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT,
          PRIMARY KEY(sha256, table_idx, row_idx, column_id)) WITHOUT ROWID;
        """;

    /// <summary>The row ids of an index: wide when meta holds <see cref="WideRowsKey"/>, else the 16-bit ids of schema 5 and before.</summary>
    public static RowIds RowIdsOf(Microsoft.Data.Sqlite.SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM meta WHERE key = '{WideRowsKey}'";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0 ? RowIds.Wide : RowIds.Narrow;
    }

    /// <summary>The columns gathered for every matching report (and covered by the report indexes below).</summary>
    public const string FacetColumns = "id, province_fid, agency_fid, year, date, formset_fid, period_fid";

    public static readonly IReadOnlyList<string> ValueKeys = CanonicalKeys.Dossier;

    /// <summary>A report's form keys as one column, each between commas (",ii.05a,ii.06a,"), so a form filter is a substring test.</summary>
    public static string FormKeys(IEnumerable<string> forms) => "," + string.Join(",", forms.Select(SearchQuery.FormKey).Distinct()) + ",";

    /// <summary>
    /// The meta key saying facet_values counts reports by period and each report holds its period's id in
    /// <c>period_fid</c> (indexes made before that have neither; the first write upgrades them, <see cref="PeriodFacetUpgrade"/>,
    /// and until then searches group the periods themselves).
    /// </summary>
    public const string PeriodFacetKey = "facets.period_fid";

    /// <summary>The covering indexes of the facet columns (dropped and made again by the upgrade, which adds period_fid).</summary>
    public const string DocumentFacetIndexes = """
        CREATE INDEX ix_documents_facets ON documents(id, province_fid, agency_fid, year, date, formset_fid, period_fid);
        CREATE INDEX ix_documents_province ON documents(province_key, year, province_fid, agency_fid, date, formset_fid, period_fid);
        CREATE INDEX ix_documents_year ON documents(year, province_fid, agency_fid, date, formset_fid, period_fid);
        """;

    /// <summary>Run once on an index without <see cref="PeriodFacetKey"/>, after <c>documents.period_fid</c> exists.</summary>
    public const string PeriodFacetUpgrade = $$"""
        UPDATE facet_values SET count = 0 WHERE facet = 'period';
        INSERT INTO facet_values(facet, key, value, count) SELECT 'period', period, period, count(*) FROM documents WHERE period IS NOT NULL GROUP BY period
          ON CONFLICT(facet, key) DO UPDATE SET count = excluded.count;
        UPDATE documents SET period_fid = (SELECT f.id FROM facet_values f WHERE f.facet = 'period' AND f.key = documents.period);
        DROP INDEX IF EXISTS ix_documents_facets;
        DROP INDEX IF EXISTS ix_documents_province;
        DROP INDEX IF EXISTS ix_documents_year;
        {{DocumentFacetIndexes}}
        DROP TABLE IF EXISTS doc_periods;
        INSERT INTO meta(key, value) VALUES ('{{PeriodFacetKey}}', '1') ON CONFLICT(key) DO NOTHING;
        """;

    public static string Create()
    {
        var valueColumns = string.Concat(ValueKeys.Select(k => $",\n  {Column(k)} REAL"));
        // A value index entry holds the row id, which holds the report's: a numeric filter finds reports without visiting rows.
        var valueIndexes = string.Concat(ValueKeys.Select(k => $"CREATE INDEX ix_rows_{Column(k)} ON rows({Column(k)}) WHERE {Column(k)} IS NOT NULL;\n"));
        return $"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT, pages INTEGER, ocr INTEGER,
  extractor TEXT, indexed_at TEXT NOT NULL,
  number TEXT, agency TEXT, parent_agency TEXT, agency_key TEXT, province TEXT, province_key TEXT, place TEXT,
  date TEXT, year INTEGER, period TEXT, period_kind TEXT, period_year INTEGER, quarter INTEGER, month INTEGER, half INTEGER,
  title TEXT, forms TEXT NOT NULL, form_keys TEXT NOT NULL,
  province_fid INTEGER, agency_fid INTEGER, formset_fid INTEGER NOT NULL, period_fid INTEGER,
  n_tables INTEGER NOT NULL, n_rows INTEGER NOT NULL, period_from INTEGER, period_to INTEGER);
-- Narrow covering indexes of small integers (facet value ids): gathering the matching reports and counting their
-- facets read these, never the wide rows.
{DocumentFacetIndexes}CREATE INDEX ix_documents_period ON documents(period_year, quarter, month, half);
CREATE INDEX ix_documents_sha ON documents(sha256);
CREATE TABLE records(doc_id INTEGER PRIMARY KEY, json BLOB NOT NULL);
CREATE TABLE tables(
  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, form TEXT, title TEXT, section TEXT,
  page INTEGER NOT NULL, unit TEXT, needs_review INTEGER NOT NULL);
CREATE INDEX ix_tables_doc ON tables(doc_id);
CREATE TABLE rows(
  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, table_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
  form TEXT, form_key TEXT, stt TEXT, label TEXT, kind TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL{valueColumns});
{valueIndexes}CREATE TABLE extra_values(key TEXT NOT NULL, value REAL NOT NULL, row_id INTEGER NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY(key, value, row_id)) WITHOUT ROWID;
CREATE INDEX ix_extra_values_row ON extra_values(row_id);
CREATE INDEX ix_extra_values_doc ON extra_values(doc_id);
CREATE TABLE figures(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, key TEXT NOT NULL, value REAL NOT NULL, page INTEGER NOT NULL, scope TEXT, text TEXT NOT NULL);
CREATE INDEX ix_figures_doc ON figures(doc_id);
CREATE INDEX ix_figures_key ON figures(key, value);
-- Facet values (province, agency, year, form, and each report's set of forms "formset") with their report counts, kept
-- with every write: the unfiltered facets read it directly, filtered ones map the gathered ids back to names.
CREATE TABLE facet_values(id INTEGER PRIMARY KEY, facet TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL, UNIQUE(facet, key));
CREATE VIRTUAL TABLE doc_fts USING fts5(agency, head, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
{MarkedTable}
{RowFtsTable}
{Ledger}
{CopiesColumns}
{CopiesTables}
{CrossKeyColumn}
{CorrectionsTable}
INSERT INTO meta(key, value) VALUES ('format', '{Format}'), ('schema', '{Version}'), ('{PeriodFacetKey}', '1'), ('{MarkedKey}', '1'), ('{CopiesKey}', '1'), ('{WideRowsKey}', '1'), ('{CrossKeyKey}', '1'), ('{CorrectionsKey}', '1');
""";
    }
}

/// <summary>
/// A row's id carries its report's: <c>doc_id &lt;&lt; Bits | n</c>, n counting the report's rows from 0. So a row found
/// through the row text index or a value index names its report by a shift, without a lookup (what keeps <c>--where</c>
/// and word searches over rows fast: <see cref="SqliteSearch"/> marks reports from streams of row ids), and a report's
/// rows are one id range (read and deleted by range).
/// <para>
/// Why a wider shift and not a row table with its own ids and a doc_id column: then every row id from the text index
/// or a value index would need a lookup (or a doc_id in every index entry) to name its report. With 32 bits for the row
/// and 31 for the report (ids stay positive in SQLite's 63 bits), a report holds up to 4,294,967,296 rows, beyond any
/// record the readers accept, and an index up to 2,147,483,647 reports (the int range the in-memory columns index by).
/// The cost is size: a row id takes 2 more bytes in each index entry that holds it.
/// </para>
/// </summary>
internal readonly record struct RowIds(int Bits)
{
    /// <summary>Schema 6 on.</summary>
    public static readonly RowIds Wide = new(32);

    /// <summary>Schema 5 and before (65,536 rows per report).</summary>
    public static readonly RowIds Narrow = new(16);

    /// <summary>The most rows a report can hold.</summary>
    public long MaxRows => 1L << Bits;

    /// <summary>The largest report id whose rows' ids stay within 63 bits.</summary>
    public long MaxDoc => (1L << (63 - Bits)) - 1;

    public long First(long doc) => doc << Bits;

    public long Last(long doc) => (doc << Bits) | ((1L << Bits) - 1);

    public long Doc(long row) => row >> Bits;
}
