using System.Globalization;
using Baocao.Header;
using Microsoft.Data.Sqlite;

namespace Baocao.Index;

/// <summary>
/// One search over the embedded index, with the meaning <see cref="RowFilter"/> states (shared with the Elasticsearch
/// engine): report filters narrow the reports; words match a report holding them anywhere and a row holding them in its
/// own text; <c>--where</c> conditions hold on one row, and then a report matches through such rows (with words too, a
/// row qualifies by its own text or by its report's header text); a form filter also limits rows to tables of that form.
/// <para>
/// How it stays fast: the matching reports are gathered once, by one INSERT … SELECT inside SQLite, into a temporary
/// table holding their facet columns (read from narrow covering indexes, never the wide rows); totals and facets are
/// counted there. Row ids carry their report's id (<see cref="SqliteSchema.RowBits"/>), so rows found through the row
/// text index or a value index name their report without a lookup. The rows shown for the first reports are read by id
/// range and picked in memory by <see cref="RowFilter"/>'s rules.
/// </para>
/// </summary>
internal sealed class SqliteSearch
{
    private readonly SqliteConnection conn;
    private readonly SearchQuery q;
    private readonly TextQuery text;
    private readonly RowFilter filter;
    private readonly List<(string Name, object Value)> args = [];
    private readonly string docConds;        // report filters on documents d, without the words
    private readonly string rowConds;        // --where and --form on rows r, without the words
    private readonly bool hasDocFilters;
    private readonly IReadOnlyList<string>? formKeys;

    public SqliteSearch(SqliteConnection conn, SearchQuery query)
    {
        this.conn = conn;
        q = query;
        text = TextQuery.Parse(q.Text);
        filter = new RowFilter(q);
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
        if (q.Form is { } form)
        {
            formKeys = SearchQuery.FormKeys(form);
            docs.Add("d.formset_fid IN (SELECT id FROM facet_values WHERE facet = 'formset' AND (" +
                     string.Join(" OR ", formKeys.Select(k => $"instr(key, {Arg("," + k + ",")}) > 0")) + "))");
        }
        hasDocFilters = docs.Count > 0;
        docConds = docs.Count == 0 ? "1" : string.Join(" AND ", docs);

        var rows = new List<string>();
        // SQLite has no statistics on ranges, so it may walk the index of a condition most rows meet ("resolved.total > 100")
        // and test the selective one on each row. The condition that holds on the fewest rows (counted up to a cap on its
        // index) drives; the others are written with a unary + so their indexes are not used.
        var driver = q.Conditions.Where(c => SqliteSchema.ValueKeys.Contains(c.Key) && c.Op != CompareOp.NotEqual)
            .MinBy(c => EstimateRows(c));
        foreach (var c in q.Conditions)
        {
            var op = c.OpText;
            if (SqliteSchema.ValueKeys.Contains(c.Key))
                rows.Add($"{(c == driver || driver is null ? "" : "+")}r.{SqliteSchema.Column(c.Key)} {op} {Arg((double)c.Value)}");
            else rows.Add($"EXISTS (SELECT 1 FROM extra_values e WHERE e.row_id = r.id AND e.key = {Arg(c.Key)} AND e.value {op} {Arg((double)c.Value)})");
        }
        if (formKeys is not null) rows.Add($"r.form_key IN ({string.Join(", ", formKeys.Select(k => Arg(k)))})");
        rowConds = rows.Count == 0 ? "1" : string.Join(" AND ", rows);
    }

    /// <summary>Rows meeting one condition, counted on its index up to a cap (enough to rank conditions, cheap to get).</summary>
    private long EstimateRows(Condition c)
    {
        if (q.Conditions.Count < 2) return 0;
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM rows WHERE {SqliteSchema.Column(c.Key)} {c.OpText} $v LIMIT 20000)";
        cmd.Parameters.AddWithValue("$v", (double)c.Value);
        return Convert.ToInt64(cmd.ExecuteScalar());
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

    private int Exec(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Up to this many matching reports are ordered by relevance; beyond, by date.</summary>
    public const int RankLimit = 5000;

    private bool Unfiltered => !hasDocFilters && text.IsEmpty && q.Conditions.Count == 0;

    private string Words => Arg(text.ToFts5());
    private string HeadWords => Arg(text.ToFts5("agency head"));

    /// <summary>The rows' own words, or (with --where) their report's header words, from the sets gathered once.</summary>
    private string RowTextCond(string rowId) => q.Conditions.Count == 0
        ? $"{rowId} IN (SELECT rowid FROM row_fts WHERE row_fts MATCH {Words})"
        : $"({rowId} IN (SELECT id FROM q_rowtext) OR ({rowId} >> {SqliteSchema.RowBits}) IN (SELECT id FROM q_headdocs))";

    /// <summary>
    /// Fills the temporary table q_docs with the matching reports and their facet columns; returns how many. With --where,
    /// the selected rows are gathered first into q_rows (the words' row and header matches each looked up once), so the
    /// row count reads them instead of running the conditions again.
    /// </summary>
    private long GatherDocuments()
    {
        Exec($"CREATE TEMP TABLE IF NOT EXISTS q_docs(id INTEGER PRIMARY KEY{SqliteSchema.FacetColumns[2..]})");
        Exec("DELETE FROM q_docs");
        // An index not yet upgraded has no period_fid: its periods are grouped from documents instead (Facets).
        var cols = string.Join(", ", SqliteSchema.FacetColumns.Split(", ").Select(c => c == "period_fid" && !PeriodsCounted ? "NULL" : "d." + c));
        if (q.Conditions.Count > 0)
        {
            Exec("CREATE TEMP TABLE IF NOT EXISTS q_rows(id INTEGER PRIMARY KEY)");
            Exec("DELETE FROM q_rows");
            var rowText = "";
            if (!text.IsEmpty)
            {
                Exec("CREATE TEMP TABLE IF NOT EXISTS q_rowtext(id INTEGER PRIMARY KEY)");
                Exec("CREATE TEMP TABLE IF NOT EXISTS q_headdocs(id INTEGER PRIMARY KEY)");
                Exec("DELETE FROM q_rowtext");
                Exec("DELETE FROM q_headdocs");
                Exec($"INSERT INTO q_rowtext SELECT rowid FROM row_fts WHERE row_fts MATCH {Words}");
                Exec($"INSERT INTO q_headdocs SELECT rowid FROM doc_fts WHERE doc_fts MATCH {HeadWords}");
                rowText = " AND " + RowTextCond("r.id");
            }
            Exec($"INSERT INTO q_rows SELECT r.id FROM rows r WHERE {rowConds}{rowText}");
            return Exec($"INSERT INTO q_docs SELECT {cols} FROM documents d INDEXED BY ix_documents_facets " +
                        $"WHERE d.id IN (SELECT id >> {SqliteSchema.RowBits} FROM q_rows) AND {docConds}");
        }
        if (!text.IsEmpty)
            return Exec($"INSERT INTO q_docs SELECT {cols} FROM doc_fts f CROSS JOIN documents d INDEXED BY ix_documents_facets ON d.id = f.rowid " +
                        $"WHERE doc_fts MATCH {Words} AND {docConds}");
        return Exec($"INSERT INTO q_docs SELECT {cols} FROM documents d WHERE {docConds}");
    }

    /// <summary>Rows selected over all matching reports.</summary>
    private long CountRows()
    {
        if (q.Conditions.Count > 0)
            return Scalar(hasDocFilters ? $"SELECT count(*) FROM q_rows WHERE (id >> {SqliteSchema.RowBits}) IN (SELECT id FROM q_docs)" : "SELECT count(*) FROM q_rows");
        // Words alone: the row text index answers; rows are visited only for a form filter.
        if (formKeys is null)
            return Scalar($"SELECT count(*) FROM row_fts WHERE row_fts MATCH {Words}" + (hasDocFilters ? $" AND (rowid >> {SqliteSchema.RowBits}) IN (SELECT id FROM q_docs)" : ""));
        return Scalar($"SELECT count(*) FROM row_fts f CROSS JOIN rows r ON r.id = f.rowid WHERE row_fts MATCH {Words} AND {rowConds} AND (r.id >> {SqliteSchema.RowBits}) IN (SELECT id FROM q_docs)");
    }

    public SearchResult Run()
    {
        if (Streamable) return RunStreamed();
        // Words alone, without filters or facets: nothing needs the gathered table, so the text index answers directly.
        var direct = !text.IsEmpty && q.Conditions.Count == 0 && !hasDocFilters && !q.Facets;
        var totalDocs = Unfiltered ? Scalar("SELECT count(*) FROM documents")
            : direct ? Scalar($"SELECT count(*) FROM doc_fts WHERE doc_fts MATCH {Words}")
            : GatherDocuments();
        var totalRows = q.SelectsRows ? CountRows() : 0;

        var page = new List<long>();
        var limit = Arg(q.Limit);
        // With words, best first (bm25) when up to RankLimit reports match; bm25 is computed for every match, so for
        // more (a word most reports hold) newest first, which costs one sort of the matching reports' dates.
        var sql = !text.IsEmpty && totalDocs <= RankLimit
                ? $"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Words}{(direct ? "" : " AND +rowid IN (SELECT id FROM q_docs)")} ORDER BY rank, rowid LIMIT {limit}"
            : direct
                ? $"SELECT d.id FROM doc_fts f CROSS JOIN documents d INDEXED BY ix_documents_facets ON d.id = f.rowid WHERE doc_fts MATCH {Words} ORDER BY d.date DESC, d.id DESC LIMIT {limit}"
            : Unfiltered
                ? $"SELECT id FROM documents ORDER BY date DESC, id DESC LIMIT {limit}"
                : $"SELECT id FROM q_docs ORDER BY date DESC, id DESC LIMIT {limit}";
        using (var cmd = Command(sql))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) page.Add(r.GetInt64(0));

        return new SearchResult((int)totalDocs, (int)totalRows, Hits(page), q.Facets ? Facets() : null);
    }

    /// <summary>A report's rows, read by id range, as the index holds them (values from the typed columns and extra values).</summary>
    private sealed class RowReader : IDisposable
    {
        private readonly SqliteCommand rows, extra;
        private readonly bool hasExtra;

        public RowReader(SqliteConnection conn)
        {
            rows = conn.CreateCommand();
            rows.CommandText = $"SELECT {AllRowColumns} FROM rows r WHERE r.id BETWEEN $lo AND $hi ORDER BY r.id";
            rows.Parameters.Add(new SqliteParameter("$lo", 0L));
            rows.Parameters.Add(new SqliteParameter("$hi", 0L));
            extra = conn.CreateCommand();
            extra.CommandText = "SELECT row_id, key, value FROM extra_values WHERE doc_id = $doc";
            extra.Parameters.Add(new SqliteParameter("$doc", 0L));
            using var any = conn.CreateCommand();
            any.CommandText = "SELECT EXISTS (SELECT 1 FROM extra_values)";
            hasExtra = Convert.ToInt64(any.ExecuteScalar()) == 1;
        }

        public List<IndexedRow> Read(long doc)
        {
            rows.Parameters[0].Value = SqliteSchema.FirstRow(doc);
            rows.Parameters[1].Value = SqliteSchema.LastRow(doc);
            var list = new List<(long id, IndexedRow row)>();
            using (var r = rows.ExecuteReader())
                while (r.Read())
                {
                    var values = new Dictionary<string, decimal?>();
                    for (var i = 0; i < SqliteSchema.ValueKeys.Count; i++)
                        if (!r.IsDBNull(9 + i)) values[SqliteSchema.ValueKeys[i]] = Dec(r.GetDouble(9 + i));
                    list.Add((r.GetInt64(0), new IndexedRow(r.GetInt32(1), r.GetInt32(2), S(r, 3), S(r, 4), S(r, 5), r.GetString(6), r.GetInt32(7), r.GetString(8), values)));
                }
            if (hasExtra)
            {
                extra.Parameters[0].Value = doc;
                var byId = list.ToDictionary(x => x.id, x => (Dictionary<string, decimal?>)x.row.Values);
                using var e = extra.ExecuteReader();
                while (e.Read())
                    if (byId.TryGetValue(e.GetInt64(0), out var v)) v[e.GetString(1)] = Dec(e.GetDouble(2));
            }
            return list.Select(x => x.row).ToList();
        }

        public void Dispose()
        {
            rows.Dispose();
            extra.Dispose();
        }
    }

    private const string RowColumns = "r.id, r.table_idx, r.idx, r.form, r.stt, r.label, r.kind, r.page, r.text";
    private static readonly string AllRowColumns = RowColumns + string.Concat(SqliteSchema.ValueKeys.Select(k => ", r." + SqliteSchema.Column(k)));

    /// <summary>Whether the report's header (agency, title, captions, figures) holds the words (gathered in q_headdocs).</summary>
    private bool HeadMatches(long doc)
    {
        if (text.IsEmpty || q.Conditions.Count == 0) return false;
        return Scalar($"SELECT count(*) FROM q_headdocs WHERE id = {Arg(doc)}") > 0;
    }

    /// <summary>The rows the query selects in a report, by the rules of <see cref="RowFilter"/>.</summary>
    private List<IndexedRow> Selected(RowReader reader, long doc) =>
        q.SelectsRows ? filter.Select(reader.Read(doc), HeadMatches(doc)).ToList() : [];

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

        var tables = ids.ToDictionary(i => i, _ => new List<(int idx, string? title, int page)>());
        using (var cmd = Command($"SELECT doc_id, idx, title, page FROM tables WHERE doc_id IN ({idList}) ORDER BY doc_id, idx"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) tables[r.GetInt64(0)].Add((r.GetInt32(1), S(r, 2), r.GetInt32(3)));

        using var reader = new RowReader(conn);
        var list = new List<DocumentHit>();
        foreach (var id in ids)
        {
            var d = docs[id];
            var selected = Selected(reader, id);
            var rows = selected.Take(q.RowsPerDocument).Select(x => new RowHit(x.Table, x.Form, tables[id].FirstOrDefault(t => t.idx == x.Table).title, x.Row,
                x.Stt, x.Label, x.Kind, x.Page, Highlighter.Mark(x.Text, terms) ?? x.Text, x.Values)).ToList();
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
                foreach (var t in tables[id]) Try($"tables[{t.idx}].title", t.title, t.page);
                foreach (var (f, ftext) in figures[id].DistinctBy(x => x.text)) Try($"figure {f.Key}", ftext, f.Page);
            }
            list.Add(new DocumentHit(id, d.path, d.file, d.sha, d.number, d.agency, d.province, d.date, d.year, d.period, d.title,
                d.forms.Length == 0 ? [] : d.forms.Split(", "), highlights, figures[id].Select(x => x.hit).ToList(), rows, selected.Count));
        }
        return list;
    }

    private Facets Facets()
    {
        var values = FacetValues();
        List<FacetCount> Maintained(string facet) =>
            values.Values.Where(v => v.facet == facet).Select(v => new FacetCount(v.value, v.count)).ToList();
        if (Unfiltered)
            return new Facets(Order(Maintained("province")), Order(Maintained("agency")), Order(Maintained("year"), byValue: true), Order(Maintained("form")),
                PeriodsCounted
                    ? Order(Maintained("period"), byValue: true)
                    // An index written before periods were counted in facet_values: grouped here instead.
                    : Periods("SELECT period, count(*) FROM documents WHERE period IS NOT NULL GROUP BY period"));

        // One pass over the gathered reports' facet ids (small integers), counted here.
        var counts = new FacetTally();
        using (var cmd = Command("SELECT province_fid, agency_fid, year, formset_fid, period_fid FROM q_docs"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) counts.Add(r, 0, 4);
        return Named(values, counts,
            PeriodsCounted ? null : Periods("SELECT d.period, count(*) FROM q_docs q JOIN documents d ON d.id = q.id WHERE d.period IS NOT NULL GROUP BY d.period"));
    }

    /// <summary>Facet value ids counted over a set of reports (small integers; named at the end).</summary>
    private sealed class FacetTally
    {
        public readonly Dictionary<long, int> Province = [], Agency = [], Year = [], Formset = [], Period = [];

        private static void Count(Dictionary<long, int> d, long k) => d[k] = d.GetValueOrDefault(k) + 1;

        /// <summary>Counts one report from the reader's columns province_fid, agency_fid, year, formset_fid at <paramref name="at"/> (and period_fid at <paramref name="period"/>).</summary>
        public void Add(SqliteDataReader r, int at, int? period)
        {
            if (!r.IsDBNull(at)) Count(Province, r.GetInt64(at));
            if (!r.IsDBNull(at + 1)) Count(Agency, r.GetInt64(at + 1));
            if (!r.IsDBNull(at + 2)) Count(Year, r.GetInt64(at + 2));
            Count(Formset, r.GetInt64(at + 3));
            if (period is { } p && !r.IsDBNull(p)) Count(Period, r.GetInt64(p));
        }
    }

    private Dictionary<long, (string facet, string key, string value, int count)> FacetValues()
    {
        var values = new Dictionary<long, (string facet, string key, string value, int count)>();
        using var cmd = Command("SELECT id, facet, key, value, count FROM facet_values WHERE count > 0");
        using var r = cmd.ExecuteReader();
        while (r.Read()) values[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4));
        return values;
    }

    /// <summary>The counted facet ids as names, each facet ordered; <paramref name="periods"/> replaces the period counts when given.</summary>
    private static Facets Named(Dictionary<long, (string facet, string key, string value, int count)> values, FacetTally t, List<FacetCount>? periods)
    {
        List<FacetCount> ByName(Dictionary<long, int> d) => d.Select(x => new FacetCount(values.TryGetValue(x.Key, out var v) ? v.value : "?", x.Value)).ToList();
        var formNames = values.Values.Where(v => v.facet == "form").ToDictionary(v => v.key, v => v.value);
        var forms = new Dictionary<string, int>();
        foreach (var (fid, n) in t.Formset)
            if (values.TryGetValue(fid, out var set))
                foreach (var k in set.key.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    forms[k] = forms.GetValueOrDefault(k) + n;
        return new Facets(Order(ByName(t.Province)), Order(ByName(t.Agency)),
            Order(t.Year.Select(x => new FacetCount(x.Key.ToString(CultureInfo.InvariantCulture), x.Value)).ToList(), byValue: true),
            Order(forms.Select(f => new FacetCount(formNames.GetValueOrDefault(f.Key, f.Key), f.Value)).ToList()),
            periods ?? Order(ByName(t.Period), byValue: true));
    }

    /// <summary>
    /// Facets without row conditions, and without words together with report filters: the matching reports are read once,
    /// as a stream, counting their facets and keeping the newest on the way, instead of being gathered into q_docs and read
    /// again (the gathering's inserts were most of the time of a broad word with facets).
    /// </summary>
    private bool Streamable => q.Facets && q.Conditions.Count == 0 && !Unfiltered && (text.IsEmpty || !hasDocFilters) && PeriodsCounted;

    private SearchResult RunStreamed()
    {
        var from = text.IsEmpty
            ? $"FROM documents d WHERE {docConds}"
            : $"FROM doc_fts f CROSS JOIN documents d INDEXED BY ix_documents_facets ON d.id = f.rowid WHERE doc_fts MATCH {Words}";
        var tally = new FacetTally();
        // The newest reports, kept while streaming: a bounded heap ordered oldest first, so the oldest is dropped.
        var newest = new PriorityQueue<long, (string date, long id)>(Comparer<(string date, long id)>.Create((a, b) =>
            string.CompareOrdinal(a.date, b.date) is var c && c != 0 ? c : a.id.CompareTo(b.id)));
        long totalDocs = 0;
        using (var cmd = Command($"SELECT d.id, d.date, d.province_fid, d.agency_fid, d.year, d.formset_fid, d.period_fid {from}"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                totalDocs++;
                tally.Add(r, 2, 6);
                var key = (r.IsDBNull(1) ? "" : r.GetString(1), r.GetInt64(0));
                if (newest.Count < q.Limit) newest.Enqueue(key.Item2, key);
                else if (q.Limit > 0 && newest.TryPeek(out _, out var oldest) && newest.Comparer.Compare(key, oldest) > 0) newest.EnqueueDequeue(key.Item2, key);
            }
        var totalRows = q.SelectsRows ? CountRows() : 0;

        var page = new List<long>();
        if (!text.IsEmpty && totalDocs <= RankLimit)
        {
            using var cmd = Command($"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Words} ORDER BY rank, rowid LIMIT {Arg(q.Limit)}");
            using var r = cmd.ExecuteReader();
            while (r.Read()) page.Add(r.GetInt64(0));
        }
        else
        {
            // Same order as the gathered path: date descending (NULL dates last, as SQLite sorts them), then id descending.
            while (newest.TryDequeue(out var id, out _)) page.Add(id);
            page.Reverse();
        }
        return new SearchResult((int)totalDocs, (int)totalRows, Hits(page), Named(FacetValues(), tally, null));
    }

    /// <summary>Whether the index counts periods in facet_values and documents.period_fid (indexes written before that group them here); asked once per search.</summary>
    private bool PeriodsCounted => periodsCounted ??= Scalar($"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.PeriodFacetKey}'") > 0;

    private bool? periodsCounted;

    /// <summary>The period facet of the gathered reports, newest first (their period is not among the gathered columns: joined here).</summary>
    private List<FacetCount> Periods(string sql)
    {
        var list = new List<FacetCount>();
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new FacetCount(r.GetString(0), r.GetInt32(1)));
        return Order(list, byValue: true);
    }

    /// <summary>Most frequent first (years newest first), ties by name.</summary>
    private static List<FacetCount> Order(List<FacetCount> list, bool byValue = false) => byValue
        ? list.OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList()
        : list.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    /// <summary>Every selected row (every row of the matching reports when the query selects no rows), report by report in path order.</summary>
    public IEnumerable<ExportRow> Export()
    {
        if (!Unfiltered) GatherDocuments();
        var docs = new List<(long id, string path, string file, string sha, string? number, string? agency, string? parent, string? province, string? date, int? year, string? period, string? title)>();
        using (var cmd = Command("SELECT d.id, d.path, d.file_name, d.sha256, d.number, d.agency, d.parent_agency, d.province, d.date, d.year, d.period, d.title FROM documents d" +
                                 (Unfiltered ? "" : " WHERE d.id IN (SELECT id FROM q_docs)") + " ORDER BY d.path"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                docs.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), S(r, 4), S(r, 5), S(r, 6), S(r, 7), S(r, 8), r.IsDBNull(9) ? null : r.GetInt32(9), S(r, 10), S(r, 11)));
        using var reader = new RowReader(conn);
        using var titles = Command("SELECT idx, title FROM tables WHERE doc_id = $doc");
        titles.Parameters.AddWithValue("$doc", 0L);
        foreach (var d in docs)
        {
            var rows = q.SelectsRows ? Selected(reader, d.id) : reader.Read(d.id);
            if (rows.Count == 0) continue;
            titles.Parameters["$doc"].Value = d.id;
            var tableTitles = new Dictionary<int, string?>();
            using (var t = titles.ExecuteReader()) while (t.Read()) tableTitles[t.GetInt32(0)] = S(t, 1);
            foreach (var x in rows)
                yield return new ExportRow(d.path, d.file, d.sha, d.number, d.agency, d.parent, d.province, d.date, d.year, d.period, d.title,
                    x.Table, x.Form, tableTitles.GetValueOrDefault(x.Table), x.Row, x.Stt, x.Label, x.Kind, x.Page, x.Values);
        }
    }

    private static string? S(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Values are stored as REAL; back as the decimal that was printed (15 significant digits round-trip exactly).</summary>
    private static decimal Dec(double v) => (decimal)v;
}
