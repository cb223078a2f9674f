using System.Globalization;
using Baocao.Header;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Index;

/// <summary>
/// One search over the embedded index. The meaning, shared with the Elasticsearch engine:
/// <list type="bullet">
/// <item>report filters (province, agency, year, period, form) narrow the reports;</item>
/// <item>words match a report when its text (header, table captions, prose figures, row texts) holds them all, and
/// a row when its own text (label and text cells) holds them all;</item>
/// <item>numeric conditions (<c>--where</c>) must all hold on the same row, and then a report matches only through
/// such rows; with words as well, a row qualifies by its own text or by its report's header text, so
/// "Trà Vinh" --where "resolved.late>10" finds the late rows of reports about Trà Vinh;</item>
/// <item>a form filter also limits the rows to tables of that form.</item>
/// </list>
/// The matching reports are gathered once into a temporary table; counts, the first page and facets read it.
/// </summary>
internal sealed class SqliteSearch
{
    private readonly SqliteConnection conn;
    private readonly SearchQuery q;
    private readonly TextQuery text;
    private readonly List<(string Name, object Value)> args = [];
    private readonly string docConds;       // on documents d, without the words when rows carry them
    private readonly string rowConds;       // on rows r
    private readonly bool hasDocFilters;

    public SqliteSearch(SqliteConnection conn, SearchQuery query)
    {
        this.conn = conn;
        q = query;
        text = TextQuery.Parse(q.Text);
        var docs = new List<string>();
        if (q.Province is { } prov)
        {
            var canonical = Provinces.Lookup(prov)
                ?? throw new QueryException($"--province '{prov}' is not a province (valid, with or without diacritics: {string.Join(", ", Provinces.All)})");
            docs.Add($"d.province_key = {Arg(Provinces.Key(canonical))}");
        }
        if (q.Agency is { } agency)
        {
            var words = TextQuery.Words(agency);
            if (words.Count == 0) throw new QueryException($"--agency '{agency}' has no words");
            docs.Add($"d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Arg(new TextQuery([words]).ToFts5("agency"))})");
        }
        if (q.Year is { } y) docs.Add($"d.year = {Arg(y)}");
        if (q.Period is { } p)
        {
            if (p.Quarter is null && p.Month is null && p.Half is null) docs.Add($"d.year = {Arg(p.Year)}");
            else
            {
                docs.Add($"d.period_year = {Arg(p.Year)}");
                if (p.Quarter is { } qu) docs.Add($"d.quarter = {Arg(qu)}");
                if (p.Month is { } m) docs.Add($"d.month = {Arg(m)}");
                if (p.Half is { } h) docs.Add($"d.half = {Arg(h)}");
            }
        }
        string? formIn = null;
        if (q.Form is { } form)
        {
            formIn = string.Join(", ", SearchQuery.FormKeys(form).Select(k => Arg(k)));
            docs.Add($"d.id IN (SELECT doc_id FROM doc_forms WHERE form_key IN ({formIn}))");
        }
        hasDocFilters = docs.Count > 0;
        // Without numeric conditions the words pick the reports directly.
        if (!text.IsEmpty && q.Conditions.Count == 0) docs.Add($"d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Arg(text.ToFts5())})");
        docConds = docs.Count == 0 ? "1" : string.Join(" AND ", docs);

        var rows = new List<string>();
        foreach (var c in q.Conditions)
        {
            var op = c.OpText;
            if (SqliteSchema.ValueKeys.Contains(c.Key)) rows.Add($"r.{SqliteSchema.Column(c.Key)} {op} {Arg((double)c.Value)}");
            else rows.Add($"EXISTS (SELECT 1 FROM extra_values e WHERE e.row_id = r.id AND e.key = {Arg(c.Key)} AND e.value {op} {Arg((double)c.Value)})");
        }
        if (formIn is not null) rows.Add($"r.form_key IN ({formIn})");
        if (!text.IsEmpty)
        {
            var own = $"r.id IN (SELECT rowid FROM row_fts WHERE row_fts MATCH {Arg(text.ToFts5())})";
            rows.Add(q.Conditions.Count == 0 ? own
                : $"({own} OR r.doc_id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Arg(text.ToFts5("agency head"))}))");
        }
        rowConds = rows.Count == 0 ? "1" : string.Join(" AND ", rows);
    }

    private string Arg(object value)
    {
        var name = "$a" + args.Count;
        args.Add((name, value));
        return name;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        // Unused parameters are ignored by SQLite, so every argument goes with every statement.
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return cmd;
    }

    private long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private void Exec(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private bool Unfiltered => !hasDocFilters && text.IsEmpty && q.Conditions.Count == 0;

    /// <summary>Fills the temporary table q_docs with the matching reports; returns how many.</summary>
    private long GatherDocuments()
    {
        Exec("CREATE TEMP TABLE IF NOT EXISTS q_docs(id INTEGER PRIMARY KEY)");
        Exec("DELETE FROM q_docs");
        if (q.Conditions.Count > 0)
        {
            var join = hasDocFilters ? "JOIN documents d ON d.id = r.doc_id" : "";
            Exec($"INSERT INTO q_docs(id) SELECT DISTINCT r.doc_id FROM rows r {join} WHERE {rowConds} AND {docConds}");
        }
        else Exec($"INSERT INTO q_docs(id) SELECT d.id FROM documents d WHERE {docConds}");
        return Scalar("SELECT count(*) FROM q_docs");
    }

    private string InDocs => Unfiltered ? "1" : "d.id IN (SELECT id FROM q_docs)";

    public SearchResult Run()
    {
        var totalDocs = Unfiltered ? Scalar("SELECT count(*) FROM documents") : GatherDocuments();
        var totalRows = q.SelectsRows ? Scalar($"SELECT count(*) FROM rows r WHERE r.doc_id IN (SELECT id FROM q_docs) AND {rowConds}") : 0;

        var page = new List<long>();
        var limit = Arg(q.Limit);
        var sql = !text.IsEmpty
            ? $"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Arg(text.ToFts5())} AND +rowid IN (SELECT id FROM q_docs) ORDER BY rank LIMIT {limit}"
            : $"SELECT d.id FROM documents d WHERE {InDocs} ORDER BY d.date DESC, d.id DESC LIMIT {limit}";
        using (var cmd = Command(sql))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) page.Add(r.GetInt64(0));

        var hits = Hits(page);
        return new SearchResult((int)totalDocs, (int)totalRows, hits, q.Facets ? Facets() : null);
    }

    private List<DocumentHit> Hits(List<long> ids)
    {
        if (ids.Count == 0) return [];
        var idList = string.Join(",", ids);
        var terms = text.Terms;
        var docs = new Dictionary<long, (string path, string file, string sha, string? number, string? agency, string? parent, string? province, string? place, string? date, int? year, string? period, string? title, string forms)>();
        using (var cmd = Command($"SELECT id, path, file_name, sha256, number, agency, parent_agency, province, place, date, year, period, title, forms FROM documents WHERE id IN ({idList})"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                docs[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetString(3), S(r, 4), S(r, 5), S(r, 6), S(r, 7), S(r, 8), S(r, 9), r.IsDBNull(10) ? null : r.GetInt32(10), S(r, 11), S(r, 12), r.GetString(13));

        var figures = ids.ToDictionary(i => i, _ => new List<(FigureHit hit, string text)>());
        using (var cmd = Command($"SELECT doc_id, key, value, scope, page, text FROM figures WHERE doc_id IN ({idList}) ORDER BY id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) figures[r.GetInt64(0)].Add((new FigureHit(r.GetString(1), Dec(r.GetDouble(2)), S(r, 3), r.GetInt32(4)), r.GetString(5)));

        var tableTitles = ids.ToDictionary(i => i, _ => new List<(int idx, string? title, string? form, int page)>());
        using (var cmd = Command($"SELECT doc_id, idx, title, form, page FROM tables WHERE doc_id IN ({idList}) ORDER BY doc_id, idx"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) tableTitles[r.GetInt64(0)].Add((r.GetInt32(1), S(r, 2), S(r, 3), r.GetInt32(4)));

        var rows = ids.ToDictionary(i => i, _ => new List<RowHit>());
        var matched = ids.ToDictionary(i => i, _ => 0);
        if (q.SelectsRows)
        {
            using var cmd = Command($"SELECT r.doc_id, {RowColumns} FROM rows r WHERE r.doc_id IN ({idList}) AND {rowConds} ORDER BY r.doc_id, r.table_idx, r.idx");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var doc = r.GetInt64(0);
                matched[doc]++;
                if (rows[doc].Count >= q.RowsPerDocument) continue;
                var (row, rowText) = ReadRow(r, 1);
                var t = tableTitles[doc].FirstOrDefault(x => x.idx == row.Table);
                rows[doc].Add(row with { TableTitle = t.title, Highlight = Highlighter.Mark(rowText, terms) ?? rowText });
            }
        }
        AddExtraValues(rows.Values.SelectMany(x => x).ToList(), ids);

        var list = new List<DocumentHit>();
        foreach (var id in ids)
        {
            var d = docs[id];
            var highlights = new List<Highlight>();
            if (terms.Count > 0)
            {
                void Try(string field, string? s, int? pageNo)
                {
                    if (highlights.Count < 6 && Highlighter.Mark(s, terms) is { } m) highlights.Add(new Highlight(field, Highlighter.Window(m), pageNo));
                }
                Try("title", d.title, 1);
                Try("agency", d.agency, 1);
                Try("parentAgency", d.parent, 1);
                Try("number", d.number, 1);
                Try("place", d.place, 1);
                Try("province", d.province, 1);
                foreach (var t in tableTitles[id]) Try($"tables[{t.idx}].title", t.title, t.page);
                foreach (var (f, ftext) in figures[id].DistinctBy(x => x.text)) Try($"figure {f.Key}", ftext, f.Page);
            }
            list.Add(new DocumentHit(d.path, d.file, d.sha, d.number, d.agency, d.province, d.date, d.year, d.period, d.title,
                d.forms.Length == 0 ? [] : d.forms.Split(", "), highlights, figures[id].Select(x => x.hit).ToList(), rows[id], matched[id]));
        }
        return list;
    }

    private static readonly string RowColumns =
        "r.id, r.table_idx, r.idx, r.form, r.stt, r.label, r.kind, r.page, r.text" + string.Concat(SqliteSchema.ValueKeys.Select(k => ", r." + SqliteSchema.Column(k)));

    private static (RowHit row, string text) ReadRow(SqliteDataReader r, int at)
    {
        var values = new Dictionary<string, decimal?>();
        for (var i = 0; i < SqliteSchema.ValueKeys.Count; i++)
            if (!r.IsDBNull(at + 9 + i)) values[SqliteSchema.ValueKeys[i]] = Dec(r.GetDouble(at + 9 + i));
        var rowText = r.GetString(at + 8);
        // The row's database id rides in Row's place until AddExtraValues has used it; see below.
        return (new RowHit(r.GetInt32(at + 1), S(r, at + 3), null, r.GetInt32(at + 2), S(r, at + 4), S(r, at + 5), r.GetString(at + 6), r.GetInt32(at + 7), null,
            new RowValues(values, r.GetInt64(at))), rowText);
    }

    /// <summary>A row's values plus its database id, so keys outside the canonical columns can be added afterwards.</summary>
    private sealed class RowValues(Dictionary<string, decimal?> values, long rowId) : Dictionary<string, decimal?>(values)
    {
        public long RowId { get; } = rowId;
    }

    /// <summary>Values under keys beyond the canonical vocabulary (rare: newer mappers), added to their rows.</summary>
    private void AddExtraValues(IReadOnlyList<RowHit> rows, IReadOnlyList<long> docIds)
    {
        if (rows.Count == 0) return;
        var byId = rows.Select(x => (RowValues)x.Values).ToDictionary(v => v.RowId);
        using var cmd = Command($"SELECT row_id, key, value FROM extra_values WHERE doc_id IN ({string.Join(",", docIds)})");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (byId.TryGetValue(r.GetInt64(0), out var v)) v[r.GetString(1)] = Dec(r.GetDouble(2));
    }

    private Facets Facets()
    {
        if (Unfiltered)
        {
            var all = new Dictionary<string, List<FacetCount>> { ["province"] = [], ["agency"] = [], ["year"] = [], ["form"] = [] };
            using var cmd = Command("SELECT facet, value, count FROM facet_counts WHERE count > 0");
            using var r = cmd.ExecuteReader();
            while (r.Read()) all[r.GetString(0)].Add(new FacetCount(r.GetString(1), r.GetInt32(2)));
            return new Facets(Order(all["province"]), Order(all["agency"]), Order(all["year"], byValue: true), Order(all["form"]));
        }
        var province = new Dictionary<string, (string value, int n)>();
        var agency = new Dictionary<string, (string value, int n)>();
        var year = new Dictionary<string, (string value, int n)>();
        var forms = new Dictionary<string, (string value, int n)>();
        static void Count(Dictionary<string, (string value, int n)> d, string key, string value) =>
            d[key] = d.TryGetValue(key, out var x) ? (x.value, x.n + 1) : (value, 1);
        using (var cmd = Command("SELECT d.province_key, d.province, d.agency_key, d.agency, d.year FROM q_docs q JOIN documents d ON d.id = q.id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (!r.IsDBNull(0)) Count(province, r.GetString(0), r.GetString(1));
                if (!r.IsDBNull(2)) Count(agency, r.GetString(2), r.GetString(3));
                if (!r.IsDBNull(4)) { var y = r.GetInt32(4).ToString(CultureInfo.InvariantCulture); Count(year, y, y); }
            }
        using (var cmd = Command("SELECT f.form_key, f.form FROM q_docs q JOIN doc_forms f ON f.doc_id = q.id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) Count(forms, r.GetString(0), r.GetString(1));
        static List<FacetCount> L(Dictionary<string, (string value, int n)> d) => d.Values.Select(x => new FacetCount(x.value, x.n)).ToList();
        return new Facets(Order(L(province)), Order(L(agency)), Order(L(year), byValue: true), Order(L(forms)));
    }

    /// <summary>Most frequent first (years newest first), ties by name.</summary>
    private static List<FacetCount> Order(List<FacetCount> list, bool byValue = false) => byValue
        ? list.OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList()
        : list.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    /// <summary>Every selected row (every row of the matching reports when the query selects no rows), report by report.</summary>
    public IEnumerable<ExportRow> Export()
    {
        if (!Unfiltered) GatherDocuments();
        var where = q.SelectsRows ? $"r.doc_id IN (SELECT id FROM q_docs) AND {rowConds}" : Unfiltered ? "1" : "r.doc_id IN (SELECT id FROM q_docs)";
        var hasExtra = Scalar("SELECT EXISTS (SELECT 1 FROM extra_values)") == 1;
        using var extraCmd = Command("SELECT key, value FROM extra_values WHERE row_id = $row");
        extraCmd.Parameters.Add(new SqliteParameter("$row", 0L));
        using var cmd = Command($"""
            SELECT {RowColumns}, d.path, d.file_name, d.sha256, d.number, d.agency, d.parent_agency, d.province, d.date, d.year, d.period, d.title, t.title
            FROM rows r JOIN documents d ON d.id = r.doc_id LEFT JOIN tables t ON t.doc_id = r.doc_id AND t.idx = r.table_idx
            WHERE {where} ORDER BY d.path, r.table_idx, r.idx
            """);
        using var r = cmd.ExecuteReader();
        var at = 9 + SqliteSchema.ValueKeys.Count;
        while (r.Read())
        {
            var (row, _) = ReadRow(r, 0);
            var values = new Dictionary<string, decimal?>(row.Values);
            if (hasExtra)
            {
                extraCmd.Parameters[0].Value = ((RowValues)row.Values).RowId;
                using var e = extraCmd.ExecuteReader();
                while (e.Read()) values[e.GetString(0)] = Dec(e.GetDouble(1));
            }
            yield return new ExportRow(r.GetString(at), r.GetString(at + 1), r.GetString(at + 2), S(r, at + 3), S(r, at + 4), S(r, at + 5), S(r, at + 6),
                S(r, at + 7), r.IsDBNull(at + 8) ? null : r.GetInt32(at + 8), S(r, at + 9), S(r, at + 10),
                row.Table, row.Form, S(r, at + 11), row.Row, row.Stt, row.Label, row.Kind, row.Page, values);
        }
    }

    private static string? S(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Values are stored as REAL; back as the decimal that was printed (15 significant digits round-trip exactly).</summary>
    private static decimal Dec(double v) => (decimal)v;
}
