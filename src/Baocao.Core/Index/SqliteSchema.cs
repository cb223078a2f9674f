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
    public const int Version = 1;

    /// <summary>One typed numeric column per canonical key: <c>received.total</c> is <c>v_received_total</c>.</summary>
    public static string Column(string key) => "v_" + key.Replace('.', '_');

    public static readonly IReadOnlyList<string> ValueKeys = CanonicalKeys.Dossier;

    public static string Create()
    {
        var valueColumns = string.Concat(ValueKeys.Select(k => $",\n  {Column(k)} REAL"));
        // Each value index carries doc_id so a numeric filter finds its reports without visiting the rows.
        var valueIndexes = string.Concat(ValueKeys.Select(k => $"CREATE INDEX ix_rows_{Column(k)} ON rows({Column(k)}, doc_id) WHERE {Column(k)} IS NOT NULL;\n"));
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
  title TEXT, forms TEXT NOT NULL,
  n_tables INTEGER NOT NULL, n_rows INTEGER NOT NULL);
CREATE INDEX ix_documents_sha ON documents(sha256);
CREATE INDEX ix_documents_province ON documents(province_key, year);
CREATE INDEX ix_documents_year ON documents(year, province_key);
CREATE INDEX ix_documents_period ON documents(period_year, quarter, month, half);
CREATE INDEX ix_documents_date ON documents(date);
CREATE TABLE records(doc_id INTEGER PRIMARY KEY, json BLOB NOT NULL);
CREATE TABLE doc_forms(form_key TEXT NOT NULL, doc_id INTEGER NOT NULL, form TEXT NOT NULL, PRIMARY KEY(form_key, doc_id)) WITHOUT ROWID;
CREATE INDEX ix_doc_forms_doc ON doc_forms(doc_id);
CREATE TABLE tables(
  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, form TEXT, title TEXT, section TEXT,
  page INTEGER NOT NULL, unit TEXT, needs_review INTEGER NOT NULL);
CREATE INDEX ix_tables_doc ON tables(doc_id);
CREATE TABLE rows(
  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, table_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
  form TEXT, form_key TEXT, stt TEXT, label TEXT, kind TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL{valueColumns});
CREATE INDEX ix_rows_doc ON rows(doc_id);
{valueIndexes}CREATE TABLE extra_values(key TEXT NOT NULL, value REAL NOT NULL, row_id INTEGER NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY(key, value, row_id)) WITHOUT ROWID;
CREATE INDEX ix_extra_values_row ON extra_values(row_id);
CREATE INDEX ix_extra_values_doc ON extra_values(doc_id);
CREATE TABLE figures(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, key TEXT NOT NULL, value REAL NOT NULL, page INTEGER NOT NULL, scope TEXT, text TEXT NOT NULL);
CREATE INDEX ix_figures_doc ON figures(doc_id);
CREATE INDEX ix_figures_key ON figures(key, value);
CREATE TABLE facet_counts(facet TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY(facet, key)) WITHOUT ROWID;
CREATE VIRTUAL TABLE doc_fts USING fts5(agency, head, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE row_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
INSERT INTO meta(key, value) VALUES ('format', '{Format}'), ('schema', '{Version}');
""";
    }
}
