using System.Globalization;
using Baocao.Header;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Baocao.Index;

/// <summary>
/// One search over the embedded index, with the meaning <see cref="RowFilter"/> states (shared with the Elasticsearch
/// engine): report filters narrow the reports; words match a report holding them anywhere and a row holding them in its
/// own text; <c>--where</c> conditions hold on one row, and then a report matches through such rows (with words too, a
/// row qualifies by its own text or by its report's header text); a form filter also limits rows to tables of that form.
/// <para>
/// How it stays fast: SQLite finds the candidates through its indexes, each read as one stream of ids: the text
/// index gives report ids; with <c>--where</c>, a value index gives row ids, which carry their report's id
/// (<see cref="RowIds"/>). Everything else per report (report filters, facet counts, newest first) is done
/// on <see cref="DocumentColumns"/>, the reports' columns held in memory, by array lookups. The rows shown for the first
/// reports are read by id range and picked in memory by <see cref="RowFilter"/>'s rules.
/// </para>
/// </summary>
internal sealed class SqliteSearch
{
    private readonly SqliteConnection conn;
    private readonly SearchQuery q;
    private TextQuery text;
    private RowFilter filter;
    private readonly TextQuery typed;        // the words as parsed, before splitting runs and correcting
    private readonly Func<bool, DocumentColumns> columnsOf;
    private readonly RowIds rowIds;
    private readonly List<(string Name, object Value)> args = [];
    private readonly string rowConds;        // --where and --form on rows r, without the words
    private readonly string? provinceKey;
    private readonly string? agencyWords;    // an FTS5 query on the agency column
    private readonly IReadOnlyList<string>? formKeys;

    public SqliteSearch(SqliteConnection conn, SearchQuery query, Func<bool, DocumentColumns> columnsOf, RowIds rowIds)
    {
        this.conn = conn;
        this.rowIds = rowIds;
        this.columnsOf = columnsOf;
        q = query;
        typed = TextQuery.Parse(q.Text);
        text = typed.Resolve(Held);
        filter = new RowFilter(q, text);
        if (q.Province is { } prov)
        {
            var canonical = Provinces.Lookup(prov)
                ?? throw new QueryException($"--province '{prov}' is not a province (valid, with or without diacritics: {string.Join(", ", Provinces.All)})");
            provinceKey = Provinces.Key(canonical);
        }
        if (q.Agency is { } agency)
        {
            var words = TextQuery.Words(agency);
            if (words.Count == 0) throw new QueryException($"--agency '{agency}' has no words");
            agencyWords = new TextQuery([words]).ToFts5("agency");
        }
        if (q.Form is { } form) formKeys = SearchQuery.FormKeys(form);

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

    /// <summary>Whether some report holds the folded words as consecutive words (one FTS5 phrase query, stopped at the first).</summary>
    private bool Held(IReadOnlyList<string> words)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM doc_fts WHERE doc_fts MATCH $p)";
        cmd.Parameters.AddWithValue("$p", TextQuery.Fts5Phrase(words));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Whether the index has the text index of marked words (indexes before it order by the folded match only).</summary>
    private bool HasMarked => hasMarked ??= Scalar($"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.MarkedKey}'") > 0
                                            && Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'doc_mfts'") > 0;

    private bool? hasMarked;

    /// <summary>
    /// A corrected query when some syllable of the words is in no report: each such syllable replaced by the nearest of the
    /// index's vocabulary (FTS5's own list of terms, through an fts5vocab table), shown with the marks it is most often
    /// printed with when the index keeps marked words. Null when every syllable is held or nothing is near.
    /// </summary>
    private TextQuery? Suggestion()
    {
        if (!typed.HasPositive) return null;
        Exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.q_vocab USING fts5vocab(main, doc_fts, row)");
        bool HeldWord(string w) => Scalar($"SELECT count(*) FROM temp.q_vocab WHERE term = {Arg(w)}") > 0;
        IEnumerable<(string, long)> Vocabulary()
        {
            using var cmd = Command("SELECT term, doc FROM temp.q_vocab");
            using var r = cmd.ExecuteReader();
            while (r.Read()) yield return (r.GetString(0), r.GetInt64(1));
        }
        Func<string, string?>? printed = null;
        if (HasMarked)
        {
            Exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.q_mvocab USING fts5vocab(main, doc_mfts, row)");
            printed = folded =>
            {
                // The marked forms of a syllable fold to it; the one most reports print wins.
                using var cmd = Command("SELECT term, doc FROM temp.q_mvocab");
                using var r = cmd.ExecuteReader();
                string? best = null;
                long most = -1;
                while (r.Read())
                    if (r.GetInt64(1) > most && Text.VietText.Fold(r.GetString(0)) == folded) (best, most) = (r.GetString(0), r.GetInt64(1));
                return best;
            };
        }
        // Corrected on the query as typed, then split again: "ho tihc" becomes the phrase "ho tich", not "ho" and "tich".
        return typed.Suggest(HeldWord, Vocabulary(), printed, Held)?.Resolve(Held);
    }

    /// <summary>Rows meeting one condition, counted on its index up to a cap (enough to rank conditions, cheap to get).</summary>
    private long EstimateRows(Condition c)
    {
        if (q.Conditions.Count < 2) return 0;
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM rows WHERE {SqliteSchema.Column(c.Key)} {c.OpText} $v LIMIT 20000)";
        cmd.Parameters.AddWithValue("$v", (double)c.Value);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
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
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private int Exec(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Reads a query's first column as ids, in the order SQLite gives them (through the raw API: these run to tens of thousands).</summary>
    private void Ids(string sql, Action<long> each) => SqliteRaw.Each(conn, sql, args, st => each(raw.sqlite3_column_int64(st, 0)));

    /// <summary>Words held by up to this many reports order the results by relevance; held by more, by date (<see cref="Ranked"/>).</summary>
    public const int RankLimit = 5000;

    private bool Unfiltered => provinceKey is null && agencyWords is null && q.Year is null && q.Period is null && formKeys is null
                               && text.IsEmpty && q.Conditions.Count == 0 && q.From is null && q.To is null
                               && q.Field is null && q.Errors is null && q.Review is null;

    private string Words => Arg(text.ToFts5());
    private string HeadWords => Arg(text.ToFts5("agency head"));

    /// <summary>Whether the index counts periods in facet_values and documents.period_fid (indexes written before that are grouped by their text); asked once per search.</summary>
    private bool PeriodsCounted => periodsCounted ??= Scalar($"SELECT count(*) FROM meta WHERE key = '{SqliteSchema.PeriodFacetKey}'") > 0;

    private bool? periodsCounted;

    /// <summary>The matching reports (ascending ids), the rows selected in them, and how many reports hold the words (-1 when not counted).</summary>
    private sealed record Matches(List<int> Docs, long Rows, int TextMatches, bool[] Member);

    /// <summary>
    /// The report filters as a test on a report id, over the columns in memory; null when there are none. The agency's
    /// words are looked up once in the text index.
    /// </summary>
    private Func<int, bool>? ReportFilter(DocumentColumns cols)
    {
        var tests = new List<Func<int, bool>>();
        if (provinceKey is not null)
        {
            var fid = cols.FacetValues.Where(v => v.Value.Facet == "province" && v.Value.Key == provinceKey).Select(v => v.Key).FirstOrDefault(-1);
            tests.Add(id => cols.Province[id] == fid);
        }
        if (agencyWords is not null)
        {
            var member = new bool[cols.MaxId + 1];
            Ids($"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Arg(agencyWords)}", id => { if (cols.Present(id)) member[id] = true; });
            // The agency facet shows the canonical spelling ("Ủy ban nhân dân huyện Trà Cú" for "UBND HUYỆN TRÀ CÚ"): a filter
            // naming it also takes the reports whose printed agency has that canonical name.
            var folded = Text.VietText.Fold(q.Agency!.Trim());
            var canonical = cols.FacetValues.Where(v => v.Value.Facet == "agency" && Text.VietText.Fold(AgencyName(v.Value.Value)) == folded)
                .Select(v => v.Key).ToHashSet();
            tests.Add(canonical.Count == 0 ? id => member[id] : id => member[id] || canonical.Contains(cols.Agency[id]));
        }
        if (q.Year is { } y) tests.Add(id => cols.Year[id] == y);
        if (q.Period is { } p)
        {
            if (p.Quarter is null && p.Month is null && p.Half is null) tests.Add(id => cols.Year[id] == p.Year);
            // Periods nest: a quarter holds its months, a half its quarters and months (PeriodFilter.Contains).
            else tests.Add(id => p.Contains(cols.PeriodYear[id], Z(cols.Quarter[id]), Z(cols.Month[id]), Z(cols.Half[id])));
        }
        if (q.From is not null || q.To is not null)
        {
            var (from, to) = cols.Days(conn);
            tests.Add(id => IndexedReport.Overlaps(from[id] == 0 ? null : (from[id], to[id]), q.From, q.To));
        }
        if (text.ExcludedFts5() is { } excluded)
        {
            var dropped = new bool[cols.MaxId + 1];
            Ids($"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Arg(excluded)}", id => { if (cols.Present(id)) dropped[id] = true; });
            tests.Add(id => !dropped[id]);
        }
        if (formKeys is not null)
        {
            var sets = cols.FacetValues.Where(v => v.Value.Facet == "formset" && formKeys.Any(k => v.Value.Key.Contains("," + k + ",", StringComparison.Ordinal)))
                .Select(v => v.Key).ToHashSet();
            tests.Add(id => sets.Contains(cols.Formset[id]));
        }
        if (q.Field is { } field)
        {
            var fids = cols.FacetValues.Where(v => v.Value.Facet == "field" && SearchQuery.FieldMatches(field, v.Value.Key, v.Value.Value))
                .Select(v => v.Key).ToHashSet();
            var (start, ids) = cols.Fields(conn);
            tests.Add(id => { for (var i = start[id]; i < start[id + 1]; i++) if (fids.Contains(ids[i])) return true; return false; });
        }
        // The bits the errors and review facets count (DocumentColumns.Notes); a report without a stored note has neither answer.
        if (q.Errors is { } errors)
        {
            var notes = cols.Notes(conn);
            tests.Add(id => (notes[id] & 4) != 0 && ((notes[id] & 1) != 0) == errors);
        }
        if (q.Review is { } review)
        {
            var notes = cols.Notes(conn);
            tests.Add(id => (notes[id] & 4) != 0 && ((notes[id] & 2) != 0) == review);
        }
        return tests.Count switch
        {
            0 => null,
            1 => tests[0],
            _ => id => tests.TrueForAll(t => t(id)),
        };
    }

    private static int? Z(int v) => v == 0 ? null : v;

    /// <summary>
    /// The matching reports and the rows selected in them. With --where, the rows meeting the conditions (and, with words,
    /// holding them or belonging to a report whose header does: both looked up once, into q_rowtext and q_headdocs) name
    /// their reports; otherwise the words' reports, or every report, pass the report filters.
    /// </summary>
    private Matches Match(DocumentColumns cols)
    {
        var pass = ReportFilter(cols);
        var member = new bool[cols.MaxId + 1];
        var docs = new List<int>();
        long rows = 0;
        var textMatches = -1;
        if (q.Conditions.Count > 0)
        {
            var rowText = "";
            if (text.HasPositive)
            {
                Exec("CREATE TEMP TABLE IF NOT EXISTS q_rowtext(id INTEGER PRIMARY KEY)");
                Exec("CREATE TEMP TABLE IF NOT EXISTS q_headdocs(id INTEGER PRIMARY KEY)");
                Exec("DELETE FROM q_rowtext");
                Exec("DELETE FROM q_headdocs");
                Exec($"INSERT INTO q_rowtext SELECT rowid FROM row_fts WHERE row_fts MATCH {Words}");
                Exec($"INSERT INTO q_headdocs SELECT rowid FROM doc_fts WHERE doc_fts MATCH {HeadWords}");
                rowText = $" AND (r.id IN (SELECT id FROM q_rowtext) OR (r.id >> {rowIds.Bits}) IN (SELECT id FROM q_headdocs))";
            }
            // Rows come in the driving value index's order, not by id: reports are marked, then listed in id order.
            Ids($"SELECT r.id FROM rows r WHERE {rowConds}{rowText}", row =>
            {
                var doc = (int)rowIds.Doc(row);
                if (!cols.Present(doc) || (pass is not null && !pass(doc))) return;
                rows++;
                member[doc] = true;
            });
            foreach (var id in cols.Ids) if (member[id]) docs.Add(id);
            return new Matches(docs, rows, textMatches, member);
        }
        if (text.HasPositive)
        {
            textMatches = 0;
            Ids($"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Words}", id =>
            {
                if (!cols.Present(id)) return;
                textMatches++;
                if (pass is not null && !pass((int)id)) return;
                docs.Add((int)id);
                member[id] = true;
            });
            // The rows holding the words (of the matching reports, in tables of the form when one is asked).
            if (pass is null && formKeys is null && cols.Copies.Count == 0) rows = Scalar($"SELECT count(*) FROM row_fts WHERE row_fts MATCH {Words}");
            else
                Ids(formKeys is null
                        ? $"SELECT rowid FROM row_fts WHERE row_fts MATCH {Words}"
                        : $"SELECT r.id FROM row_fts f CROSS JOIN rows r ON r.id = f.rowid WHERE row_fts MATCH {Words} AND {rowConds}",
                    row => { if (member[rowIds.Doc(row)]) rows++; });
            return new Matches(docs, rows, textMatches, member);
        }
        foreach (var id in cols.Ids)
            if (pass is null || pass(id))
            {
                docs.Add(id);
                member[id] = true;
            }
        return new Matches(docs, 0, textMatches, member);
    }

    public SearchResult Run()
    {
        var cols = columnsOf(PeriodsCounted);
        var m = Match(cols);
        string? suggestion = null;
        var corrected = false;
        if (m.Docs.Count == 0 && Suggestion() is { } s)
        {
            // Nothing matched as typed and a word is in no report: search the nearest words instead, and say so.
            suggestion = s.Describe();
            text = s;
            filter = new RowFilter(q, text);
            m = Match(cols);
            corrected = true;
        }
        var page = Order(cols, m);
        var next = q.Offset + page.Count < m.Docs.Count && page.Count > 0 ? q.Offset + page.Count : (int?)null;
        return new SearchResult(m.Docs.Count, (int)m.Rows, Hits(page, cols), q.Facets ? Facets(cols, m.Docs) : null)
        {
            Suggestion = suggestion, Corrected = corrected, Offset = q.Offset, NextOffset = next, Sort = SortOf().ToString(),
        };
    }

    /// <summary>The order asked for, or the default: relevance with words (phrases looked for), else newest first.</summary>
    private SearchSort SortOf() => q.Sort ?? (text.HasPositive ? new SearchSort(SearchSort.Relevance) : new SearchSort(SearchSort.Date));

    /// <summary>The page of reports (ids) in the order asked for, after skipping Offset.</summary>
    private List<long> Order(DocumentColumns cols, Matches m)
    {
        var sort = SortOf();
        var want = (long)q.Offset + q.Limit;
        if (q.Limit <= 0 || q.Offset >= m.Docs.Count) return [];
        var tier = MarkedDocs(cols);
        List<long>? all = null;
        if (sort.Key == SearchSort.Relevance && text.HasPositive) all = Ranked(m, tier, (int)Math.Min(want, int.MaxValue));
        if (all is null)
        {
            Func<int, (int, double, int, int)> key;
            if (sort.IsFigure)
            {
                var values = FigureValues(cols, m, sort.Key);
                // Largest first (or smallest, ascending); reports without the figure last either way; then newest, then id.
                key = id => (Tier(tier, id), values.TryGetValue(id, out var v) ? (sort.Descending ? v : -v) : double.NegativeInfinity, cols.DateRank[id], id);
            }
            else
            {
                // Newest first (undated last, then the later stored), or oldest first (undated still last, then the earlier stored).
                key = sort.Descending
                    ? id => (Tier(tier, id), 0, cols.DateRank[id], id)
                    : id => (Tier(tier, id), 0, cols.DateRank[id] == 0 ? int.MinValue : -cols.DateRank[id], -id);
            }
            all = Top(m.Docs, key, (int)Math.Min(want, int.MaxValue));
        }
        return all.Skip(q.Offset).Take(q.Limit).ToList();
    }

    private static int Tier(bool[]? tier, int id) => tier is not null && id < tier.Length && tier[id] ? 1 : 0;

    /// <summary>
    /// The reports holding what was typed with marks as typed (the marked text index), which rank before those that match
    /// only folded; null when nothing was typed with marks or the index predates the marked text (schema 3).
    /// </summary>
    private bool[]? MarkedDocs(DocumentColumns cols)
    {
        if (text.MarkedFts5() is not { } expr || !HasMarked) return null;
        var tier = new bool[cols.MaxId + 1];
        Ids($"SELECT rowid FROM doc_mfts WHERE doc_mfts MATCH {Arg(expr)}", id => { if (id > 0 && id <= cols.MaxId) tier[id] = true; });
        return tier;
    }

    /// <summary>The first <paramref name="k"/> reports by a key, largest first (a bounded heap: the capacity only, never k up front).</summary>
    private static List<long> Top(List<int> docs, Func<int, (int, double, int, int)> key, int k)
    {
        var heap = new PriorityQueue<int, (int, double, int, int)>(Math.Min(k, 4096) + 1);
        foreach (var id in docs)
        {
            var kk = key(id);
            if (heap.Count < k) heap.Enqueue(id, kk);
            else if (heap.TryPeek(out _, out var least) && kk.CompareTo(least) > 0) heap.EnqueueDequeue(id, kk);
        }
        var page = new List<long>(heap.Count);
        while (heap.TryDequeue(out var id, out _)) page.Add(id);
        page.Reverse();
        return page;
    }

    /// <summary>
    /// Each matching report's value of a canonical figure for --sort: when the query selects rows (words or --where), the
    /// largest value among its selected rows; otherwise the largest on its totals rows ("TỔNG CỘNG"). Reports without one are
    /// absent (listed last).
    /// </summary>
    private Dictionary<int, double> FigureValues(DocumentColumns cols, Matches m, string key)
    {
        var col = SqliteSchema.Column(key);
        var values = new Dictionary<int, double>();
        string sql;
        if (q.Conditions.Count > 0)
            sql = $"SELECT r.id, r.{col} FROM rows r WHERE {rowConds} AND r.{col} IS NOT NULL" +
                  (text.HasPositive ? $" AND (r.id IN (SELECT id FROM q_rowtext) OR (r.id >> {rowIds.Bits}) IN (SELECT id FROM q_headdocs))" : "");
        else if (text.HasPositive)
            sql = $"SELECT r.id, r.{col} FROM row_fts f CROSS JOIN rows r ON r.id = f.rowid WHERE row_fts MATCH {Words} AND {rowConds} AND r.{col} IS NOT NULL";
        else
            sql = $"SELECT r.id, r.{col} FROM rows r WHERE r.kind = 'total' AND r.{col} IS NOT NULL";
        SqliteRaw.Each(conn, sql, args, st =>
        {
            var doc = (int)rowIds.Doc(raw.sqlite3_column_int64(st, 0));
            if (doc >= m.Member.Length || !m.Member[doc]) return;
            var v = raw.sqlite3_column_double(st, 1);
            if (!values.TryGetValue(doc, out var old) || v > old) values[doc] = v;
        });
        return values;
    }

    /// <summary>
    /// With words held by at most RankLimit reports, the first <paramref name="want"/> matching reports by relevance:
    /// those holding what was typed with its marks first (<paramref name="tier"/>), then bm25, then id; null for words held
    /// by more, which are listed newest first. bm25 weighs a word by how many reports hold it, so scoring costs a pass over
    /// all of them whatever the filters leave: for a common word ("quý II", in 40% of reports) that pass is most of a
    /// search's time, and relevance says little. So the order of two reports never depends on the filters.
    /// </summary>
    private List<long>? Ranked(Matches m, bool[]? tier, int want)
    {
        var held = m.TextMatches >= 0 ? m.TextMatches
            : Scalar($"SELECT count(*) FROM (SELECT 1 FROM doc_fts WHERE doc_fts MATCH {Words} LIMIT {RankLimit + 1})");
        if (held > RankLimit) return null;
        var first = new List<long>();
        var rest = new List<long>();
        using var cmd = Command($"SELECT rowid FROM doc_fts WHERE doc_fts MATCH {Words} ORDER BY rank, rowid");
        using var r = cmd.ExecuteReader();
        // Without marks to rank by, the first `want` in bm25 order are the page; with them, every match is read (at most RankLimit).
        while ((tier is not null || first.Count < want) && r.Read())
            if (r.GetInt64(0) is var id && id < m.Member.Length && m.Member[id])
                (tier is not null && !tier[id] ? rest : first).Add(id);
        first.AddRange(rest);
        return first.Take(want).ToList();
    }

    /// <summary>The matching reports into the temporary table q_docs (one statement: the ids as a JSON array).</summary>
    private void FillMatched(List<int> docs)
    {
        Exec("CREATE TEMP TABLE IF NOT EXISTS q_docs(id INTEGER PRIMARY KEY)");
        Exec("DELETE FROM q_docs");
        Exec($"INSERT INTO q_docs SELECT value FROM json_each({Arg("[" + string.Join(",", docs) + "]")})");
    }

    /// <summary>A report's rows, read by id range, as the index holds them (values from the typed columns and extra values).</summary>
    private sealed class RowReader : IDisposable
    {
        private readonly SqliteCommand rows, extra;
        private readonly bool hasExtra;
        private readonly RowIds rowIds;

        public RowReader(SqliteConnection conn, RowIds rowIds)
        {
            this.rowIds = rowIds;
            rows = conn.CreateCommand();
            rows.CommandText = $"SELECT {AllRowColumns} FROM rows r WHERE r.id BETWEEN $lo AND $hi ORDER BY r.id";
            rows.Parameters.Add(new SqliteParameter("$lo", 0L));
            rows.Parameters.Add(new SqliteParameter("$hi", 0L));
            extra = conn.CreateCommand();
            extra.CommandText = "SELECT row_id, key, value FROM extra_values WHERE doc_id = $doc";
            extra.Parameters.Add(new SqliteParameter("$doc", 0L));
            using var any = conn.CreateCommand();
            any.CommandText = "SELECT EXISTS (SELECT 1 FROM extra_values)";
            hasExtra = Convert.ToInt64(any.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }

        public List<IndexedRow> Read(long doc)
        {
            rows.Parameters[0].Value = rowIds.First(doc);
            rows.Parameters[1].Value = rowIds.Last(doc);
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

    private List<DocumentHit> Hits(List<long> ids, DocumentColumns cols)
    {
        if (ids.Count == 0) return [];
        var copies = CopiesOf(ids, cols);
        var idList = string.Join(",", ids);
        var terms = text.Phrases;
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

        using var reader = new RowReader(conn, rowIds);
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
                d.forms.Length == 0 ? [] : d.forms.Split(", "), highlights, figures[id].Select(x => x.hit).ToList(), rows, selected.Count)
            {
                Copies = copies.GetValueOrDefault(id) ?? [],
            });
        }
        return list;
    }

    /// <summary>The other files of the page's reports (their copies), best first.</summary>
    private Dictionary<long, List<CopyHit>> CopiesOf(List<long> ids, DocumentColumns cols)
    {
        var result = new Dictionary<long, List<CopyHit>>();
        var wanted = ids.Where(id => cols.Copies.ContainsKey((int)id)).ToList();
        if (wanted.Count == 0) return result;
        var all = wanted.SelectMany(id => cols.Copies[(int)id]).ToList();
        var byId = new Dictionary<long, CopyHit>();
        using (var cmd = Command($"SELECT id, path, file_name, format, ocr FROM documents WHERE id IN ({string.Join(",", all)})"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) byId[r.GetInt64(0)] = new CopyHit(r.GetInt64(0), r.GetString(1), r.GetString(2), S(r, 3), !r.IsDBNull(4) && r.GetInt64(4) != 0);
        foreach (var id in wanted) result[id] = cols.Copies[(int)id].Where(c => byId.ContainsKey(c)).Select(c => byId[c]).ToList();
        return result;
    }

    /// <summary>
    /// The matching reports counted by province, agency (one spelling: the canonical list's), field, year, period, form
    /// (one code, named with its regime), errors and review, from the columns in memory (fields and notes read once, at the
    /// first faceted search). Every value is returned; the renderers show the first ones and say how many more there are.
    /// </summary>
    private Facets Facets(DocumentColumns cols, List<int> docs)
    {
        var province = new Dictionary<int, int>();
        var agency = new Dictionary<int, int>();
        var year = new Dictionary<int, int>();
        var formset = new Dictionary<int, int>();
        var period = new Dictionary<int, int>();
        var field = new Dictionary<int, int>();
        var (fieldStart, fieldIds) = cols.Fields(conn);
        var notes = cols.Notes(conn);
        int errors = 0, clean = 0, review = 0, fine = 0;
        static void Count(Dictionary<int, int> d, int k)
        {
            if (k == 0) return;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(d, k, out _)++;
        }
        foreach (var id in docs)
        {
            Count(province, cols.Province[id]);
            Count(agency, cols.Agency[id]);
            Count(year, cols.Year[id]);
            Count(formset, cols.Formset[id]);
            Count(period, cols.Period[id]);
            for (var i = fieldStart[id]; i < fieldStart[id + 1]; i++) Count(field, fieldIds[i]);
            var n = notes[id];
            if ((n & 4) == 0) continue;
            if ((n & 1) != 0) errors++; else clean++;
            if ((n & 2) != 0) review++; else fine++;
        }
        string Name(int fid) => cols.FacetValues.TryGetValue(fid, out var v) ? v.Value : "?";
        List<FacetCount> ByName(Dictionary<int, int> d) => d.Select(x => new FacetCount(Name(x.Key), x.Value)).ToList();
        // Spellings of one agency ("SỞ TƯ PHÁP", "Sở Tư pháp", "STP") are one value, named as the canonical list names it.
        List<FacetCount> Merged(List<FacetCount> list) =>
            list.GroupBy(f => AgencyName(f.Value), StringComparer.Ordinal).Select(g => new FacetCount(g.Key, g.Sum(f => f.Count))).ToList();
        var forms = new Dictionary<string, int>();
        foreach (var (fid, n) in formset)
            if (cols.FacetValues.TryGetValue(fid, out var set))
                foreach (var k in set.Key.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    forms[k] = forms.GetValueOrDefault(k) + n;
        var periods = cols.PeriodNames is { } names
            ? period.Select(x => new FacetCount(names[x.Key - 1], x.Value)).ToList()
            : ByName(period);
        static List<FacetCount> YesNo(int yes, int no) =>
            [.. new[] { new FacetCount("yes", yes), new FacetCount("no", no) }.Where(f => f.Count > 0)];
        return new Facets(Order(ByName(province)), Order(Merged(ByName(agency))),
            Order(year.Select(x => new FacetCount(x.Key.ToString(CultureInfo.InvariantCulture), x.Value)).ToList(), byValue: true),
            Order(forms.Select(f => new FacetCount(ReportCopies.FormLabel(f.Key), f.Value)).ToList()),
            Order(periods, byValue: true))
        {
            Field = Order(ByName(field)),
            Errors = YesNo(errors, clean),
            Review = YesNo(review, fine),
        };
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> AgencyNames = new(StringComparer.Ordinal);

    /// <summary>An agency facet value's canonical spelling, remembered (a few hundred agencies, looked up at every faceted search).</summary>
    internal static string AgencyName(string printed) => AgencyNames.GetOrAdd(printed, ReportCopies.AgencyName);

    /// <summary>Most frequent first (years newest first), ties by name.</summary>
    private static List<FacetCount> Order(List<FacetCount> list, bool byValue = false) => byValue
        ? list.OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList()
        : list.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    /// <summary>Every selected row (every row of the matching reports when the query selects no rows), report by report in path order.</summary>
    public IEnumerable<ExportRow> Export()
    {
        var cols = columnsOf(PeriodsCounted);
        if (!Unfiltered) FillMatched(Match(cols).Docs);
        var docs = new List<(long id, string path, string file, string sha, string? number, string? agency, string? parent, string? province, string? date, int? year, string? period, string? title)>();
        using (var cmd = Command("SELECT d.id, d.path, d.file_name, d.sha256, d.number, d.agency, d.parent_agency, d.province, d.date, d.year, d.period, d.title FROM documents d" +
                                 (Unfiltered ? "" : " WHERE d.id IN (SELECT id FROM q_docs)") + " ORDER BY d.path"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                docs.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), S(r, 4), S(r, 5), S(r, 6), S(r, 7), S(r, 8), r.IsDBNull(9) ? null : r.GetInt32(9), S(r, 10), S(r, 11)));
        using var reader = new RowReader(conn, rowIds);
        using var titles = Command("SELECT idx, title FROM tables WHERE doc_id = $doc");
        titles.Parameters.AddWithValue("$doc", 0L);
        foreach (var d in docs)
        {
            // A report is exported once, from its best copy.
            if (!cols.Present(d.id)) continue;
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
