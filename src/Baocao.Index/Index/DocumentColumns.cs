using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Baocao.Index;

/// <summary>
/// The reports' filter and facet columns held in memory, one array per column indexed by report id (what Lucene calls
/// doc values): a search finds its candidate reports in SQLite (text index, value indexes) and then filters them,
/// counts their facets and picks the newest here, by array lookups, instead of one B-tree lookup per matching report
/// (about 3 µs each: 120 ms for a word held by 40,000 reports). SQLite has no column store or bitmap index to do this
/// inside the database.
/// <para>
/// Loaded once per connection from two narrow covering indexes (about 0.1 s for 100,000 reports when the operating
/// system has the index file cached, several times that from a cold disk) and dropped when the index changes
/// (<see cref="SqliteReportIndex"/> checks <c>PRAGMA data_version</c> and its own writes). Memory: ten ints per report
/// slot, 4 MB per 100,000 reports.
/// </para>
/// </summary>
internal sealed class DocumentColumns
{
    /// <summary>Report ids run 1..<see cref="MaxId"/> (gaps where reports were replaced or removed; their Formset is 0).</summary>
    public readonly int MaxId;

    /// <summary>Facet value ids (0 for none); a report's form set id is never 0, so 0 marks an absent id.</summary>
    public readonly int[] Province, Agency, Formset, Period;

    /// <summary>Year, the period's parts (0 for none), and the rank of the date among the distinct dates (0 for none).</summary>
    public readonly int[] Year, PeriodYear, Quarter, Month, Half, DateRank;

    /// <summary>
    /// The reporting period's first and last day of each report (20210315; 0 for none), for --from/--to: read at the first
    /// search with a range (<see cref="Days"/>), not with the other columns, since most searches never ask.
    /// </summary>
    private int[]? periodFrom, periodTo;

    /// <summary>Present report ids, ascending.</summary>
    public int[] Ids { get; private set; } = [];

    /// <summary>The facet values by id (facet, key, printed value), for naming counted ids.</summary>
    public readonly IReadOnlyDictionary<int, (string Facet, string Key, string Value)> FacetValues;

    /// <summary>Periods by their own number when the index predates period facet ids (<see cref="SqliteSchema.PeriodFacetKey"/>); null otherwise.</summary>
    public IReadOnlyList<string>? PeriodNames { get; private set; }

    private DocumentColumns(int maxId, IReadOnlyDictionary<int, (string, string, string)> facetValues)
    {
        MaxId = maxId;
        FacetValues = facetValues;
        int[] New() => new int[maxId + 1];
        Province = New(); Agency = New(); Formset = New(); Period = New();
        Year = New(); PeriodYear = New(); Quarter = New(); Month = New(); Half = New(); DateRank = New();
    }

    /// <summary>
    /// Whether a report id is searched: stored, and the best of its copies (the other copies of a report are listed under
    /// it, never counted or matched themselves: issue 17 item 2).
    /// </summary>
    public bool Present(long id) => id > 0 && id <= MaxId && Formset[id] != 0 && (copyOf is null || copyOf[id] == 0);

    /// <summary>For each copy that is not its report's best, the best copy's id (0 for the best and for files without copies); null when the index holds no copies.</summary>
    private int[]? copyOf;

    /// <summary>The other copies of each report that has some (best copy's id → the others, best first).</summary>
    public IReadOnlyDictionary<int, List<int>> Copies { get; private set; } = new Dictionary<int, List<int>>();

    /// <summary>
    /// Reads the copy groups from their covering index (group, rank, id): within a group the first id is the best copy.
    /// One pass over two small integers per report.
    /// </summary>
    private void LoadCopies(SqliteConnection conn)
    {
        if (!SqliteReportIndex.GroupsCopies(conn)) return;
        var copies = new Dictionary<int, List<int>>();
        int[]? of = null;
        long group = long.MinValue;
        var best = 0;
        SqliteRaw.Each(conn, "SELECT copy_group, id FROM documents INDEXED BY ix_documents_copies WHERE copy_group IS NOT NULL", [], st =>
        {
            var g = raw.sqlite3_column_int64(st, 0);
            var id = (int)raw.sqlite3_column_int64(st, 1);
            if (id <= 0 || id > MaxId) return;
            if (g != group) { (group, best) = (g, id); return; }
            (of ??= new int[MaxId + 1])[id] = best;
            if (!copies.TryGetValue(best, out var list)) copies[best] = list = [];
            list.Add(id);
        });
        if (of is null) return;
        copyOf = of;
        Copies = copies;
        Ids = Ids.Where(id => of[id] == 0).ToArray();
    }

    private int[]? fieldStart, fieldIds;
    private byte[]? notes;

    /// <summary>
    /// Each report's fields (lĩnh vực) as facet value ids, read at the first search that counts facets (schema 5;
    /// none before): <c>fields[start[id]..start[id + 1]]</c>.
    /// </summary>
    public (int[] Start, int[] Fids) Fields(SqliteConnection conn)
    {
        if (fieldStart is not null) return (fieldStart, fieldIds!);
        var start = new int[MaxId + 2];
        var fids = new List<int>();
        if (SqliteReportIndex.GroupsCopies(conn))
        {
            var pairs = new List<(int doc, int fid)>();
            SqliteRaw.Each(conn, "SELECT doc_id, field_fid FROM doc_fields", [], st =>
            {
                var id = (int)raw.sqlite3_column_int64(st, 0);
                if (id > 0 && id <= MaxId) pairs.Add((id, (int)raw.sqlite3_column_int64(st, 1)));
            });
            // The primary key orders them by report already; counted per report, then laid out.
            foreach (var (doc, _) in pairs) start[doc + 1]++;
            for (var i = 1; i < start.Length; i++) start[i] += start[i - 1];
            fids.AddRange(pairs.Select(p => p.fid));
        }
        (fieldStart, fieldIds) = (start, fids.ToArray());
        return (fieldStart, fieldIds);
    }

    /// <summary>Bit 1: the report has errors among its findings; bit 2: it needs review (<see cref="ReviewNote.NeedsReview"/>: low-confidence values, tables to review, reading warnings, reading doubts); bit 4: a note is stored.</summary>
    public byte[] Notes(SqliteConnection conn)
    {
        if (notes is not null) return notes;
        var n = new byte[MaxId + 1];
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'doc_notes'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
        {
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info('doc_notes') WHERE name = 'reading'";
            var reading = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0 ? " + reading" : "";
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info('doc_notes') WHERE name = 'doubts'";
            if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) reading += " + doubts";
            SqliteRaw.Each(conn, $"SELECT doc_id, errors, low_confidence + review_tables{reading} FROM doc_notes", [], st =>
            {
                var id = raw.sqlite3_column_int64(st, 0);
                if (id <= 0 || id > MaxId) return;
                n[id] = (byte)(4 | (raw.sqlite3_column_int64(st, 1) > 0 ? 1 : 0) | (raw.sqlite3_column_int64(st, 2) > 0 ? 2 : 0));
            });
        }
        return notes = n;
    }

    public static DocumentColumns Load(SqliteConnection conn, bool periodsCounted)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT coalesce(max(id), 0) FROM documents";
        var maxId = checked((int)Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
        var facetValues = new Dictionary<int, (string, string, string)>();
        cmd.CommandText = "SELECT id, facet, key, value FROM facet_values WHERE count > 0";
        using (var r = cmd.ExecuteReader())
            while (r.Read()) facetValues[checked((int)r.GetInt64(0))] = (r.GetString(1), r.GetString(2), r.GetString(3));

        var ids = new List<int>();
        var c = new DocumentColumns(maxId, facetValues);
        // Dates as numbers (20210630) when every date is ISO, which keeps SQLite's order of the text; otherwise ranked as text.
        string?[]? dates = null;
        string?[]? periods = periodsCounted ? null : new string?[maxId + 1];
        // The facet columns from their covering index (an index written before period ids has no period_fid: its
        // period text comes from the table instead, a slower read made only until the index is next written).
        SqliteRaw.Each(conn, periodsCounted
            ? "SELECT id, province_fid, agency_fid, year, formset_fid, period_fid, date FROM documents INDEXED BY ix_documents_facets"
            : "SELECT id, province_fid, agency_fid, year, formset_fid, 0, date, period FROM documents", [], st =>
        {
            var id = (int)raw.sqlite3_column_int64(st, 0);
            if (id <= 0 || id > maxId) return;
            ids.Add(id);
            c.Province[id] = (int)raw.sqlite3_column_int64(st, 1);
            c.Agency[id] = (int)raw.sqlite3_column_int64(st, 2);
            c.Year[id] = (int)raw.sqlite3_column_int64(st, 3);
            c.Formset[id] = (int)raw.sqlite3_column_int64(st, 4);
            c.Period[id] = (int)raw.sqlite3_column_int64(st, 5);
            if (raw.sqlite3_column_type(st, 6) != raw.SQLITE_NULL)
            {
                var date = raw.sqlite3_column_blob(st, 6);
                if (dates is null && IsoDate(date) is { } d) c.DateRank[id] = d;
                else (dates ??= TextsSoFar(c, ids))[id] = System.Text.Encoding.UTF8.GetString(date);
            }
            if (periods is not null && raw.sqlite3_column_type(st, 7) != raw.SQLITE_NULL) periods[id] = raw.sqlite3_column_text(st, 7).utf8_to_string();
        });
        ids.Sort();
        c.Ids = ids.ToArray();
        SqliteRaw.Each(conn, "SELECT id, period_year, quarter, month, half FROM documents INDEXED BY ix_documents_period", [], st =>
        {
            var id = (int)raw.sqlite3_column_int64(st, 0);
            if (id <= 0 || id > maxId) return;
            c.PeriodYear[id] = (int)raw.sqlite3_column_int64(st, 1);
            c.Quarter[id] = (int)raw.sqlite3_column_int64(st, 2);
            c.Month[id] = (int)raw.sqlite3_column_int64(st, 3);
            c.Half[id] = (int)raw.sqlite3_column_int64(st, 4);
        });
        if (dates is not null) Rank(dates, c.DateRank);
        if (periods is not null) c.PeriodNames = Rank(periods, c.Period);
        c.LoadCopies(conn);
        return c;
    }

    /// <summary>
    /// Each report's period days (<see cref="IndexedReport.PeriodDays"/>), loaded once: from documents.period_from/period_to,
    /// or, in an index written before those columns (schema 3, opened read-only), from the period's parts and the date by
    /// the rule of Nghị định 09/2019 (an explicit range such an index does not keep is then unknown: the rule's dates stand).
    /// </summary>
    public (int[] From, int[] To) Days(SqliteConnection conn)
    {
        if (periodFrom is not null) return (periodFrom, periodTo!);
        var from = new int[MaxId + 1];
        var to = new int[MaxId + 1];
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'period_from'";
        var stored = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        cmd.CommandText = stored
            ? "SELECT id, period_from, period_to FROM documents"
            : "SELECT id, period_kind, period_year, quarter, month, half, date FROM documents";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            if (id <= 0 || id > MaxId) continue;
            if (stored)
            {
                if (!r.IsDBNull(1) && !r.IsDBNull(2)) (from[id], to[id]) = (r.GetInt32(1), r.GetInt32(2));
                continue;
            }
            int? I(int k) => r.IsDBNull(k) ? null : r.GetInt32(k);
            var period = r.IsDBNull(1) ? null : new Reports.Period(r.GetString(1), I(2), I(3), I(4), I(5), null, null, false);
            var header = new Reports.ReportHeader(null, null, null, null, null, null, null, r.IsDBNull(6) ? null : r.GetString(6), null, period, null, [], [], []);
            if (IndexedReport.PeriodDays(header) is { } d) (from[id], to[id]) = d;
        }
        (periodFrom, periodTo) = (from, to);
        return (from, to);
    }

    /// <summary>"2021-06-30" as 20210630 (ordered as the text is); null for any other text.</summary>
    private static int? IsoDate(ReadOnlySpan<byte> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return null;
        var n = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7) continue;
            if (s[i] is < (byte)'0' or > (byte)'9') return null;
            n = n * 10 + (s[i] - '0');
        }
        return n;
    }

    /// <summary>On the first date that is not ISO, the dates read so far as text, to be ranked with the rest.</summary>
    private static string?[] TextsSoFar(DocumentColumns c, List<int> ids)
    {
        var texts = new string?[c.MaxId + 1];
        foreach (var id in ids)
            if (c.DateRank[id] is var d and > 0) texts[id] = $"{d / 10000:0000}-{d / 100 % 100:00}-{d % 100:00}";
        return texts;
    }

    /// <summary>Each text's rank among the distinct texts (1 = first in UTF-8 byte order, SQLite's; 0 for none) into <paramref name="ranks"/>; returns the texts by rank - 1.</summary>
    private static List<string> Rank(string?[] texts, int[] ranks)
    {
        // Ordinal order of UTF-16 is UTF-8 byte order except around surrogates, which dates and period codes never hold.
        var distinct = texts.Where(t => t is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rankOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++) rankOf[distinct[i]!] = i + 1;
        for (var id = 0; id < texts.Length; id++) ranks[id] = texts[id] is { } t ? rankOf[t] : 0;
        return distinct!;
    }
}
