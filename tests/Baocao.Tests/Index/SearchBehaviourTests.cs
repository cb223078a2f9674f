using Baocao.Index;
using Baocao.Reports;

namespace Baocao.Tests.Index;

/// <summary>Issue 17 on the SQLite engine: phrases, tone-mark ranking, exclusions, nesting periods, date ranges, sort, paging, and the schema-4 upgrade.</summary>
public class SearchBehaviourTests
{
    private static ReportRecord WithPeriod(ReportRecord r, Period p, string? date = null) =>
        r with { Header = r.Header with { Period = p, Date = date ?? r.Header.Date } };

    private static Period Month(int y, int m) => Baocao.Header.PeriodParser.ForMonth(y, m);
    private static Period Quarter(int y, int q) => Baocao.Header.PeriodParser.ForQuarter(y, q);

    /// <summary>Reports of one year at every level: a year, two halves, four quarters, twelve months; each with its own late count.</summary>
    private static List<ReportRecord> Year2022()
    {
        var list = new List<ReportRecord>();
        var n = 0;
        ReportRecord Make(string name, Period p, string date) =>
            WithPeriod(Records.Make($"/a/{name}.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2022, null, ("Hộ tịch", [("resolved.late", ++n), ("received.total", 100 - n)])), p, date);
        list.Add(Make("y", Baocao.Header.PeriodParser.ForYear(2022), "2022-12-20"));
        for (var h = 1; h <= 2; h++) list.Add(Make($"h{h}", Baocao.Header.PeriodParser.ForHalf(2022, h), $"2022-{h * 6:00}-18"));
        for (var q = 1; q <= 4; q++) list.Add(Make($"q{q}", Quarter(2022, q), $"2022-{q * 3:00}-17"));
        for (var m = 1; m <= 12; m++) list.Add(Make($"m{m:00}", Month(2022, m), $"2022-{m:00}-16"));
        return list;
    }

    private static List<string> Names(SearchResult r) => r.Documents.Select(d => Path.GetFileNameWithoutExtension(d.FileName)).ToList();

    [Fact]
    public void Periods_nest_quarter_holds_its_months_half_its_quarters_year_everything()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(Year2022());
        using var r = tmp.Read();
        List<string> Of(string period) => Names(r.Search(new SearchQuery(Period: PeriodFilter.Parse(period), Limit: 100))).Order().ToList();
        Assert.Equal(["m04", "m05", "m06", "q2"], Of("2022-Q2"));
        Assert.Equal(["h1", "m01", "m02", "m03", "m04", "m05", "m06", "q1", "q2"], Of("2022-H1"));
        Assert.Equal(19, Of("2022").Count);
        Assert.Equal(["m05"], Of("2022-05"));
        // The in-memory meaning agrees.
        var f = new RowFilter(new SearchQuery(Period: PeriodFilter.Parse("2022-H1")));
        Assert.Equal(9, Year2022().Select(IndexedReport.From).Count(f.Matches));
    }

    [Fact]
    public void A_date_range_selects_the_reports_whose_period_overlaps_it()
    {
        using var tmp = new TempIndex();
        var reports = Year2022();
        // An explicit calendar period (seed 002's kind): 01/01/2023 to 20/11/2023.
        reports.Add(WithPeriod(Records.Make("/a/custom.docx", "Trà Vinh", "UBND", 2023, null), new Period("year", 2023, null, null, null, "2023-01-01", "2023-11-20", true)));
        using (var w = tmp.Write()) w.StoreAll(reports);
        using var r = tmp.Read();
        List<string> Of(string? from, string? to) => Names(r.Search(new SearchQuery(Limit: 100,
            From: from is null ? null : QueryDates.Parse("--from", from), To: to is null ? null : QueryDates.Parse("--to", to)))).Order().ToList();
        // Month 5 runs 15/4-14/5, month 6 15/5-14/6: a range inside May's second half touches month 6 (and Q2, H1, the year) only.
        Assert.Equal(["h1", "m06", "q2", "y"], Of("2022-05-20", "2022-05-25"));
        Assert.Equal(["custom"], Of("2022-12-15", null));
        Assert.Equal(["custom", "h2", "m12", "q4", "y"], Of("2022-12-01", "2023-01-05"));
        Assert.Equal(["h1", "m01", "q1", "y"], Of(null, "2022-01-01"));
        foreach (var (from, to) in new[] { ("2022-05-20", "2022-05-25"), ("2022-12-15", (string?)null) })
        {
            var q = new SearchQuery(Limit: 100, From: QueryDates.Parse("--from", from), To: to is null ? null : QueryDates.Parse("--to", to));
            Assert.Equal(reports.Select(IndexedReport.From).Where(new RowFilter(q).Matches).Select(d => Path.GetFileNameWithoutExtension(d.FileName)).Order(), Names(r.Search(q)).Order());
        }
        Assert.Throws<QueryException>(() => QueryDates.Parse("--from", "2022-13-01"));
    }

    [Fact]
    public void Sort_by_a_figure_or_date_and_pages_cover_every_result_once()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(Year2022());
        using var r = tmp.Read();
        var byLate = r.Search(new SearchQuery("hộ tịch", Limit: 5, Sort: SearchSort.Parse("resolved.late:desc")));
        // Late counts are 1..19 in the order made: m12 has 19.
        Assert.Equal(["m12", "m11", "m10", "m09", "m08"], Names(byLate));
        Assert.Equal(5, byLate.NextOffset);
        var asc = r.Search(new SearchQuery("hộ tịch", Limit: 3, Sort: SearchSort.Parse("resolved.late:asc")));
        Assert.Equal(["y", "h1", "h2"], Names(asc));
        var oldest = r.Search(new SearchQuery(Limit: 2, Sort: SearchSort.Parse("date:asc")));
        Assert.Equal(["m01", "m02"], Names(oldest));
        var seen = new List<string>();
        int? offset = 0;
        while (offset is { } o)
        {
            var page = r.Search(new SearchQuery("ho tich", Limit: 4, Offset: o, Sort: SearchSort.Parse("received.total:desc")));
            Assert.Equal(o, page.Offset);
            seen.AddRange(Names(page));
            offset = page.NextOffset;
        }
        Assert.Equal(19, seen.Count);
        Assert.Equal(19, seen.Distinct().Count());
        // received.total is 100 - n: the reverse of the late order.
        Assert.Equal("y", seen[0]);
        Assert.Empty(r.Search(new SearchQuery(Offset: 19)).Documents);
    }

    private static List<ReportRecord> Tones() =>
    [
        // Folded, both hold "ho tich"; the one printed "Hồ tịch" holds it twice (bm25 prefers it), the other "Hộ tịch".
        Records.Make("/t/ho-huyen.docx", "Trà Vinh", "UBND", 2022, 1, ("Hồ tịch", [("received.total", 1m)]), ("Hồ tịch, hồ tịch", [("received.total", 2m)])),
        Records.Make("/t/ho-tich.docx", "Trà Vinh", "UBND", 2022, 2, ("Hộ tịch", [("received.total", 3m)])),
        Records.Make("/t/ho-so.docx", "Trà Vinh", "UBND", 2022, 3, ("Số hồ sơ quốc tịch", [("received.total", 4m)])),
    ];

    [Fact]
    public void Results_holding_the_typed_tone_marks_rank_above_those_matching_only_folded()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(Tones());
        using var r = tmp.Read();
        Assert.Equal(["ho-huyen", "ho-tich"], Names(r.Search(new SearchQuery("ho tich"))));
        Assert.Equal(["ho-tich", "ho-huyen"], Names(r.Search(new SearchQuery("hộ tịch"))));
        Assert.Equal(["ho-huyen", "ho-tich"], Names(r.Search(new SearchQuery("hồ tịch"))));
        // Not "hồ sơ … quốc tịch": the syllables are a phrase; and the highlight marks the phrase.
        var hit = r.Search(new SearchQuery("hộ tịch")).Documents[0];
        Assert.Equal("«Hộ tịch»", hit.Rows.Single().Highlight);
        Assert.Equal(["ho-huyen", "ho-so", "ho-tich"], Names(r.Search(new SearchQuery("ho"))).Order());
        Assert.Equal(["ho-huyen", "ho-tich"], Names(r.Search(new SearchQuery("ho -quoc tich"))).Order());
        Assert.Empty(Names(r.Search(new SearchQuery("ho -tich"))));
        Assert.Equal(["ho-huyen", "ho-tich"], Names(r.Search(new SearchQuery("ho tich -quoc"))).Order());
        Assert.Equal(["ho-huyen", "ho-so", "ho-tich"], Names(r.Search(new SearchQuery("\"quoc tich\" OR \"ho tich\""))).Order());
    }

    [Fact]
    public void A_word_in_no_report_is_corrected_from_the_vocabulary_and_said_so()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(Tones());
        using var r = tmp.Read();
        var res = r.Search(new SearchQuery("ho tihc"));
        Assert.True(res.Corrected);
        // The corrected syllable as the index prints it; the rest as typed.
        Assert.Equal("ho tịch", res.Suggestion);
        Assert.Equal(2, res.TotalDocuments);
        Assert.Null(r.Search(new SearchQuery("ho tich")).Suggestion);
        var none = r.Search(new SearchQuery("zzzzqqq"));
        Assert.Equal(0, none.TotalDocuments);
        Assert.Null(none.Suggestion);
    }

    [Fact]
    public void A_schema_3_index_is_searched_as_it_is_and_upgraded_from_its_records_at_the_first_write()
    {
        using var tmp = new TempIndex();
        var reports = Tones().Append(WithPeriod(Records.Make("/t/custom.docx", "Trà Vinh", "UBND", 2023, null, ("Hộ tịch", [("received.total", 5m)])),
            new Period("year", 2023, null, null, null, "2023-01-01", "2023-11-20", true))).ToList();
        using (var w = tmp.Write()) w.StoreAll(reports);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // As schema 3 left it: no marked text index, no period days, no meta key.
            cmd.CommandText = """
                DROP TABLE doc_mfts; ALTER TABLE documents DROP COLUMN period_from; ALTER TABLE documents DROP COLUMN period_to;
                DELETE FROM meta WHERE key = 'fts.marked'; UPDATE meta SET value = '3' WHERE key = 'schema';
                """;
            cmd.ExecuteNonQuery();
        }
        using (var r = tmp.Read())
        {
            // Read as it is: folded order only, period days from the rule (the custom range unknown: its year's rule dates).
            Assert.Equal(["ho-huyen", "ho-tich", "custom"], Names(r.Search(new SearchQuery("hộ tịch"))));
            Assert.Contains("custom", Names(r.Search(new SearchQuery(From: new DateOnly(2022, 12, 20), To: new DateOnly(2022, 12, 31)))));
        }
        using (tmp.Write()) { }
        using (var r = tmp.Read())
        {
            Assert.Equal("ho-tich", Names(r.Search(new SearchQuery("hộ tịch")))[0]);
            // The stated range 01/01-20/11/2023 now stands.
            Assert.DoesNotContain("custom", Names(r.Search(new SearchQuery(From: new DateOnly(2022, 12, 20), To: new DateOnly(2022, 12, 31)))));
        }
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Mode=ReadOnly;Pooling=false");
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
        Assert.Equal(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), q.ExecuteScalar());
        q.CommandText = "SELECT count(*) FROM documents WHERE period_from IS NULL";
        Assert.Equal(0L, q.ExecuteScalar());
    }
}
