namespace Baocao.Index;

/// <summary>
/// The search's meaning for one report and its rows, in memory: which rows a query selects and whether the report
/// matches. The Elasticsearch engine uses it to pick the rows of the reports Elasticsearch returned; the tests use it as
/// the reference the SQLite engine must agree with. Pure.
/// </summary>
public sealed class RowFilter
{
    private readonly SearchQuery q;
    private readonly TextQuery text;
    private readonly IReadOnlyList<string>? formKeys;

    /// <param name="text">The query's words as the engine resolved them (<see cref="TextQuery.Resolve"/>); parsed from the query when null.</param>
    public RowFilter(SearchQuery query, TextQuery? text = null)
    {
        q = query;
        this.text = text ?? TextQuery.Parse(query.Text);
        formKeys = query.Form is { } f ? SearchQuery.FormKeys(f) : null;
    }

    /// <summary>Whether the report's header text (agency, title, captions, prose figures) holds every word.</summary>
    public bool HeadMatches(IndexedReport doc) => !text.HasPositive || text.MatchesPositive(doc.AgencyText + " | " + doc.HeadText);

    /// <summary>The rows the query selects in this report (none when it selects no rows).</summary>
    public IEnumerable<IndexedRow> Rows(IndexedReport doc) =>
        q.SelectsRows ? Select(doc.Rows, q.Conditions.Count > 0 && !text.IsEmpty && HeadMatches(doc)) : [];

    /// <summary>
    /// The rows that meet the conditions and the form filter and hold the words themselves, or (with --where) belong to a
    /// report whose header holds them (<paramref name="headMatches"/>).
    /// </summary>
    public IEnumerable<IndexedRow> Select(IEnumerable<IndexedRow> rows, bool headMatches) =>
        rows.Where(r =>
            q.Conditions.All(c => r.Values.TryGetValue(c.Key, out var v) && c.Holds(v))
            && (formKeys is null || (r.Form is { } f && formKeys.Contains(SearchQuery.FormKey(f))))
            && (!text.HasPositive || (q.Conditions.Count > 0 && headMatches) || text.MatchesPositive(r.Text)));

    /// <summary>Whether the report matches the whole query (report filters, then words or rows).</summary>
    public bool Matches(IndexedReport doc)
    {
        var h = doc.Record.Header;
        if (q.Province is { } p && (Header.Provinces.Lookup(p) is not { } canon || Header.Provinces.Key(canon) != doc.ProvinceKey)) return false;
        if (q.Agency is { } a && !new TextQuery([TextQuery.Words(a)]).Matches(doc.AgencyText)) return false;
        if (q.Year is { } y && doc.Year != y) return false;
        if (q.Period is { } per)
        {
            if (per.Quarter is null && per.Month is null && per.Half is null) { if (doc.Year != per.Year) return false; }
            else if (!per.Contains(h.Period?.Year, h.Period?.Quarter, h.Period?.Month, h.Period?.Half)) return false;
        }
        if (!IndexedReport.Overlaps(IndexedReport.PeriodDays(h), q.From, q.To)) return false;
        if (formKeys is not null && !doc.Forms.Any(f => formKeys.Contains(SearchQuery.FormKey(f)))) return false;
        if (q.Field is { } field && !ReportCopies.Fields(doc.Record).Any(f => SearchQuery.FieldMatches(field, f.Key, f.Name))) return false;
        if (q.Errors is not null || q.Review is not null)
        {
            // As the index's notes count them: errors among the findings; a reading that needs review.
            var note = ReviewNote.Of(doc.Record, doc.Record.Source.Path);
            if (q.Errors is { } e && note.Errors > 0 != e) return false;
            if (q.Review is { } rv && note.NeedsReview != rv) return false;
        }
        // An excluded phrase anywhere in the report drops it (a row's own text never escapes its report's exclusion).
        if (text.Excluded.Count > 0 && text.Excludes(doc.AgencyText + " | " + doc.HeadText + " | " + string.Join(" | ", doc.Rows.Select(r => r.Text)))) return false;
        if (q.Conditions.Count > 0) return Rows(doc).Any();
        return !text.HasPositive || HeadMatches(doc) || doc.Rows.Any(r => text.MatchesPositive(r.Text))
               || text.MatchesPositive(doc.AgencyText + " | " + doc.HeadText + " | " + string.Join(" | ", doc.Rows.Select(r => r.Text)));
    }
}
