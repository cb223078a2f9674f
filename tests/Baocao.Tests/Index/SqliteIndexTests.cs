using System.Globalization;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.Data.Sqlite;
using Baocao.Tools.Synthetic;

namespace Baocao.Tests.Index;

/// <summary>The embedded engine: folding, one transaction per report, replacement, facets, and its agreement with the reference meaning.</summary>
public class SqliteIndexTests
{
    private static ReportRecord TraVinh => Records.Make("/a/travinh.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2,
        ("Lý lịch tư pháp", [("received.total", 120), ("resolved.late", 12)]),
        ("Hộ tịch", [("received.total", 40), ("resolved.late", 0)]));

    private static ReportRecord DongThap => Records.Make("/a/dongthap.pdf", "Đồng Tháp", "SỞ Y TẾ", 2023, 1,
        ("Dược phẩm", [("received.total", 300), ("resolved.late", 30)]),
        ("Đăng ký đất đai", [("received.total", 5), ("resolved.late", 1)]));

    [Theory]
    [InlineData("Tra Vinh", "travinh.docx")]
    [InlineData("TRÀ VINH", "travinh.docx")]
    [InlineData("Dong Thap", "dongthap.pdf")]
    [InlineData("đồng tháp", "dongthap.pdf")]
    [InlineData("duoc pham", "dongthap.pdf")]
    [InlineData("dang ky dat dai", "dongthap.pdf")]
    public void Words_without_or_with_diacritics_find_the_report(string words, string file)
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([TraVinh, DongThap]);
        using var index = tmp.Read();
        var r = index.Search(new SearchQuery(Text: words));
        Assert.Equal(file, Assert.Single(r.Documents).FileName);
    }

    [Fact]
    public void Province_filter_folds_too_and_an_unknown_province_lists_the_valid_ones()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([TraVinh, DongThap]);
        using var index = tmp.Read();
        Assert.Equal("dongthap.pdf", Assert.Single(index.Search(new SearchQuery(Province: "dong thap")).Documents).FileName);
        Assert.Equal("travinh.docx", Assert.Single(index.Search(new SearchQuery(Province: "TRA VINH")).Documents).FileName);
        var e = Assert.Throws<QueryException>(() => index.Search(new SearchQuery(Province: "Atlantis")));
        Assert.Contains("'Atlantis' is not a province", e.Message);
        Assert.Contains("Đồng Tháp", e.Message);
    }

    [Fact]
    public void A_procedure_search_returns_its_rows_with_their_figures_highlights_and_page()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([TraVinh, DongThap]);
        using var index = tmp.Read();
        var r = index.Search(new SearchQuery(Text: "ly lich tu phap"));
        Assert.Equal(1, r.TotalRows);
        var doc = Assert.Single(r.Documents);
        var row = Assert.Single(doc.Rows);
        Assert.Equal("«Lý lịch tư pháp»", row.Highlight);
        Assert.Equal(120, row.Values["received.total"]);
        Assert.Equal(12, row.Values["resolved.late"]);
        Assert.Equal(2, row.Page);
        Assert.Equal(Path.GetFullPath("/a/travinh.docx"), doc.Path);
        Assert.Equal(61, Assert.Single(doc.Figures).Value);
    }

    [Fact]
    public void Where_conditions_hold_on_the_same_row_and_words_from_the_header_count_for_its_rows()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([TraVinh, DongThap]);
        using var index = tmp.Read();
        var late = index.Search(new SearchQuery(Where: [new Condition("resolved.late", CompareOp.Greater, 10)]));
        Assert.Equal(2, late.TotalDocuments);
        Assert.Equal(2, late.TotalRows);
        // No single row has both received.total > 100 and resolved.late < 5.
        Assert.Equal(0, index.Search(new SearchQuery(Where: [new Condition("received.total", CompareOp.Greater, 100), new Condition("resolved.late", CompareOp.Less, 5)])).TotalDocuments);
        var tv = index.Search(new SearchQuery(Text: "Tra Vinh", Where: [new Condition("resolved.late", CompareOp.GreaterOrEqual, 0)]));
        Assert.Equal(2, tv.TotalRows);
        Assert.Equal(["Lý lịch tư pháp", "Hộ tịch"], Assert.Single(tv.Documents).Rows.Select(x => x.Label));
    }

    [Fact]
    public void A_failure_part_way_through_a_report_leaves_nothing_of_it_and_keeps_the_previous_version()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.Store(TraVinh);
        // Make the third row of the next report fail inside SQLite, after its document, table and first rows were written.
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER boom BEFORE INSERT ON rows WHEN NEW.label = 'BOOM' BEGIN SELECT RAISE(ABORT, 'injected failure'); END";
            cmd.ExecuteNonQuery();
        }
        var before = Counts(tmp.Path);
        var bad = Records.Make("/a/bad.docx", "Cà Mau", "SỞ Y TẾ", 2022, 3, ("Dược phẩm", [("received.total", 1)]), ("Khám bệnh", [("received.total", 2)]), ("BOOM", [("received.total", 3)]));
        var replacement = Records.Make("/a/travinh.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Quốc tịch", [("received.total", 9)]), ("BOOM", []));
        using (var w = tmp.Write())
        {
            var e = Assert.Throws<IndexException>(() => w.Store(bad));
            Assert.Contains("bad.docx was not indexed", e.Reason);
            Assert.Contains("injected failure", e.Reason);
            Assert.Throws<IndexException>(() => w.Store(replacement));
        }
        Assert.Equal(before, Counts(tmp.Path));
        using var index = tmp.Read();
        Assert.Empty(index.Search(new SearchQuery(Text: "duoc pham")).Documents);
        Assert.Empty(index.Search(new SearchQuery(Text: "quoc tich")).Documents);
        Assert.Equal(1, index.Search(new SearchQuery(Text: "ly lich tu phap")).TotalRows);
        Assert.Equal("Lý lịch tư pháp", index.Search(new SearchQuery(Text: "ly lich")).Documents.Single().Rows.Single().Label);
        Assert.Null(index.Find("/a/bad.docx"));
        var facets = index.Search(new SearchQuery(Facets: true)).Facets!;
        Assert.Equal([new FacetCount("Trà Vinh", 1)], facets.Province);
    }

    [Fact]
    public void In_a_batch_a_failing_report_is_left_out_and_the_others_are_stored()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) { }
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER boom BEFORE INSERT ON rows WHEN NEW.label = 'BOOM' BEGIN SELECT RAISE(ABORT, 'injected failure'); END";
            cmd.ExecuteNonQuery();
        }
        var bad = Records.Make("/a/bad.docx", "Cà Mau", "SỞ Y TẾ", 2022, 3, ("Dược phẩm", [("received.total", 1)]), ("BOOM", [("received.total", 3)]));
        using (var w = tmp.Write())
        {
            var e = Assert.Throws<IndexException>(() => w.StoreAll([TraVinh, bad, DongThap]));
            Assert.Contains("bad.docx", e.Reason);
        }
        using var index = tmp.Read();
        Assert.Equal([Path.GetFullPath("/a/dongthap.pdf"), Path.GetFullPath("/a/travinh.docx")], index.Sources().Select(s => s.Path));
        Assert.Equal(4, index.Stats().Rows);
    }

    private static (long docs, long tables, long rows, long fts, long rowFts, long figures, long forms, long records, string facets) Counts(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        long N(string sql) { cmd.CommandText = sql; return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture); }
        cmd.CommandText = "SELECT group_concat(facet || ':' || key || '=' || count, ';') FROM (SELECT * FROM facet_values ORDER BY facet, key)";
        var facets = cmd.ExecuteScalar() as string ?? "";
        // The FTS tables are contentless: count their entries through a match on every indexed word.
        return (N("SELECT count(*) FROM documents"), N("SELECT count(*) FROM tables"), N("SELECT count(*) FROM rows"),
            N("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'bao OR duoc OR quoc'"), N("SELECT count(*) FROM row_fts WHERE row_fts MATCH 'ly OR ho OR duoc OR kham OR boom OR quoc'"),
            N("SELECT count(*) FROM figures"), N("SELECT count(*) FROM extra_values"), N("SELECT count(*) FROM records"), facets);
    }

    [Fact]
    public void Storing_a_path_again_replaces_its_report_everywhere()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write())
        {
            w.Store(TraVinh);
            w.Store(Records.Make("/a/travinh.docx", "Sóc Trăng", "SỞ NỘI VỤ", 2020, null, ("Thi đua khen thưởng", [("received.total", 7)])));
        }
        using var index = tmp.Read();
        var s = index.Stats();
        Assert.Equal((1, 1, 1), (s.Documents, s.Tables, s.Rows));
        Assert.Empty(index.Search(new SearchQuery(Text: "ly lich tu phap")).Documents);
        Assert.Empty(index.Search(new SearchQuery(Province: "Trà Vinh")).Documents);
        Assert.Single(index.Search(new SearchQuery(Text: "thi dua")).Documents);
        var f = index.Search(new SearchQuery(Facets: true)).Facets!;
        Assert.Equal([new FacetCount("Sóc Trăng", 1)], f.Province);
        // One spelling: the canonical list's.
        Assert.Equal([new FacetCount("Sở Nội vụ", 1)], f.Agency);
        Assert.Equal([new FacetCount("2020", 1)], f.Year);
        Assert.Equal("Sóc Trăng", index.Load("/a/travinh.docx")!.Header.Province);
    }

    [Fact]
    public void Facets_count_reports_by_province_agency_year_and_form()
    {
        var records = new SyntheticReports(5).Generate(400).ToList();
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        var docs = records.Select(IndexedReport.From).ToList();
        void Check(SearchQuery q)
        {
            var filter = new RowFilter(q);
            var matching = docs.Where(filter.Matches).ToList();
            var f = index.Search(q with { Facets = true }).Facets!;
            Assert.Equal(matching.GroupBy(d => d.Record.Header.Province!).ToDictionary(g => g.Key, g => g.Count()), f.Province.ToDictionary(x => x.Value, x => x.Count));
            Assert.Equal(matching.GroupBy(d => d.Year!.Value.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()), f.Year.ToDictionary(x => x.Value, x => x.Count));
            // Agencies by their canonical spelling, forms by their code and regime ("II.06a (TT 01/2020)").
            Assert.Equal(matching.GroupBy(d => ReportCopies.AgencyName(d.Record.Header.Agency!)).ToDictionary(g => g.Key, g => g.Count()), f.Agency.ToDictionary(x => x.Value, x => x.Count));
            Assert.Equal(matching.SelectMany(d => d.Forms).GroupBy(ReportCopies.FormLabel).ToDictionary(g => g.Key, g => g.Count()), f.Form.ToDictionary(x => x.Value, x => x.Count));
            Assert.Equal(f.Year.Select(x => x.Value).OrderDescending(), f.Year.Select(x => x.Value));
            Assert.True(f.Province.Zip(f.Province.Skip(1)).All(p => p.First.Count >= p.Second.Count), "provinces most frequent first");
        }
        Check(new SearchQuery());                       // from the maintained counts
        Check(new SearchQuery(Year: 2021));             // counted over the matching reports
        Check(new SearchQuery(Text: "hộ tịch"));
        Check(new SearchQuery(Where: [new Condition("resolved.late", CompareOp.Greater, 20)]));
    }

    /// <summary>
    /// Asking for facets must not change the page: with facets, matching reports are read as one stream (newest kept on the
    /// way) rather than gathered, and the two paths must give the same totals and the same reports in the same order.
    /// </summary>
    [Fact]
    public void Facets_do_not_change_the_results_or_their_order()
    {
        var records = new SyntheticReports(17).Generate(600).ToList();
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        string[] words = ["hộ tịch", "ly lich tu phap", "Trà Vinh", "quý II", "tong cong", "bao cao"];
        var rnd = new Random(5);
        for (var i = 0; i < 60; i++)
        {
            var q = new SearchQuery(
                Text: rnd.Next(2) == 0 ? words[rnd.Next(words.Length)] : null,
                Province: rnd.Next(3) == 0 ? Baocao.Header.Provinces.All[rnd.Next(63)] : null,
                Year: rnd.Next(3) == 0 ? 2019 + rnd.Next(6) : null,
                Limit: 1 + rnd.Next(12));
            var plain = index.Search(q);
            var faceted = index.Search(q with { Facets = true });
            Assert.Equal(plain.TotalDocuments, faceted.TotalDocuments);
            Assert.Equal(plain.TotalRows, faceted.TotalRows);
            Assert.True(plain.Documents.Select(d => d.Path).SequenceEqual(faceted.Documents.Select(d => d.Path)),
                $"{q}: {string.Join(", ", plain.Documents.Select(d => d.Path))} against {string.Join(", ", faceted.Documents.Select(d => d.Path))}");
            Assert.Equal(faceted.TotalDocuments, faceted.Facets!.Year.Sum(y => y.Count));
        }
    }

    [Fact]
    public void Without_words_the_newest_come_first_and_filters_keep_the_order_of_the_words()
    {
        // Undated reports and a date not written the ISO way, which must still sort as SQLite sorts the text.
        var records = new SyntheticReports(23).Generate(300).Select((r, i) => i % 37 == 5 ? r with { Header = r.Header with { Date = null } }
            : i == 100 ? r with { Header = r.Header with { Date = "2021-6-3" } } : r).ToList();
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        var stored = records.Select((r, i) => (r.Source.Path, r.Header.Date, Order: i)).ToList();

        // int.MaxValue: --limit 2147483647 once overflowed the newest-first heap's capacity.
        foreach (var q in new[] { new SearchQuery(Limit: 1000), new SearchQuery(Year: 2021, Limit: int.MaxValue), new SearchQuery(Province: "Trà Vinh", Facets: true, Limit: 7) })
        {
            var filter = new RowFilter(q);
            var matching = records.Select(IndexedReport.From).Where(filter.Matches).Select(d => d.Path).ToHashSet();
            var expected = stored.Where(s => matching.Contains(s.Path))
                .OrderByDescending(s => s.Date is not null).ThenByDescending(s => s.Date, StringComparer.Ordinal).ThenByDescending(s => s.Order)
                .Take(q.Limit).Select(s => s.Path).ToList();
            Assert.True(expected.Count > 0, $"{q} matches nothing: the test would prove little");
            Assert.Equal(expected, index.Search(q).Documents.Select(d => d.Path).ToList());
        }

        // Words held by few reports order by relevance, not by date; a filter leaves that order as it was.
        var byDate = stored.OrderByDescending(s => s.Date is not null).ThenByDescending(s => s.Date, StringComparer.Ordinal).ThenByDescending(s => s.Order)
            .Select(s => s.Path).ToList();
        foreach (var words in new[] { "hộ tịch", "ly lich tu phap", "đất đai" })
        {
            var all = index.Search(new SearchQuery(Text: words, Limit: 1000)).Documents.Select(d => d.Path).ToList();
            Assert.NotEqual(byDate.Where(all.Contains).ToList(), all);
            var narrowed = index.Search(new SearchQuery(Text: words, Where: [new Condition("received.total", CompareOp.Greater, 50)], Limit: 1000))
                .Documents.Select(d => d.Path).ToList();
            Assert.True(narrowed.Count > 1 && narrowed.Count < all.Count, $"{words}: {narrowed.Count} of {all.Count}");
            Assert.Equal(all.Where(narrowed.Contains).ToList(), narrowed);
        }
    }

    [Fact]
    public void A_reader_sees_what_is_stored_or_removed_after_its_first_search()
    {
        using var tmp = new TempIndex();
        using var writer = tmp.Write();
        writer.StoreAll([TraVinh]);
        using var reader = tmp.Read();
        Assert.Equal(["Trà Vinh"], reader.Search(new SearchQuery(Facets: true)).Facets!.Province.Select(f => f.Value));
        Assert.Equal(0, writer.Search(new SearchQuery(Province: "dong thap")).TotalDocuments);

        // Another connection's commit, and this connection's own.
        writer.Store(DongThap);
        Assert.Equal("dongthap.pdf", Assert.Single(reader.Search(new SearchQuery(Province: "dong thap")).Documents).FileName);
        Assert.Equal("dongthap.pdf", Assert.Single(writer.Search(new SearchQuery(Province: "dong thap", Facets: true)).Documents).FileName);
        Assert.Equal(["Trà Vinh", "Đồng Tháp"], reader.Search(new SearchQuery(Facets: true)).Facets!.Province.Select(f => f.Value).Order(StringComparer.Ordinal));

        Assert.True(writer.Remove("/a/travinh.docx"));
        var left = reader.Search(new SearchQuery(Year: 2021, Facets: true));
        Assert.Equal(0, left.TotalDocuments);
        Assert.Empty(left.Facets!.Province);
        Assert.Equal(1, writer.Search(new SearchQuery(Facets: true)).TotalDocuments);
    }

    /// <summary>Random queries on synthetic reports: the SQL must select exactly what the reference meaning (RowFilter) selects.</summary>
    [Fact]
    public void Searches_agree_with_the_reference_meaning_on_synthetic_reports()
    {
        var records = new SyntheticReports(11).Generate(500).ToList();
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        using var index = tmp.Read();
        var docs = records.Select(IndexedReport.From).ToList();
        string[] words = ["hộ tịch", "ly lich tu phap", "Trà Vinh", "so tu phap", "dat dai", "quý II", "nuôi con nuôi", "tong cong", "2021"];
        string[] keys = ["resolved.late", "received.total", "pending.late", "resolved.early"];
        var rnd = new Random(3);
        var nonEmpty = 0;
        for (var i = 0; i < 150; i++)
        {
            var q = new SearchQuery(
                Text: rnd.Next(3) > 0 ? words[rnd.Next(words.Length)] : null,
                Province: rnd.Next(4) == 0 ? Baocao.Header.Provinces.All[rnd.Next(63)] : null,
                Year: rnd.Next(4) == 0 ? 2019 + rnd.Next(6) : null,
                Period: rnd.Next(6) == 0 ? new PeriodFilter(2019 + rnd.Next(6), Quarter: 1 + rnd.Next(4)) : null,
                Form: rnd.Next(6) == 0 ? "06a" : null,
                Agency: rnd.Next(6) == 0 ? "sở y tế" : null,
                Where: rnd.Next(2) == 0 ? [new Condition(keys[rnd.Next(keys.Length)], (CompareOp)rnd.Next(6), rnd.Next(40))] : null,
                Limit: 1000, RowsPerDocument: 1000);
            var filter = new RowFilter(q);
            var expected = docs.Where(filter.Matches).ToList();
            var r = index.Search(q);
            Assert.True(expected.Count == r.TotalDocuments, $"{q}: expected {expected.Count} reports, got {r.TotalDocuments}");
            Assert.Equal(expected.Select(d => d.Path).Order(), r.Documents.Select(d => d.Path).Order());
            var expectedRows = expected.Sum(d => filter.Rows(d).Count());
            Assert.True(expectedRows == r.TotalRows, $"{q}: expected {expectedRows} rows, got {r.TotalRows}");
            foreach (var d in r.Documents)
                Assert.Equal(filter.Rows(docs.First(x => x.Path == d.Path)).Select(x => (x.Table, x.Row)), d.Rows.Select(x => (x.Table, x.Row)));
            if (r.TotalDocuments > 0) nonEmpty++;
        }
        Assert.True(nonEmpty > 50, $"only {nonEmpty} of 150 random queries matched anything: the test would prove little");
    }

    [Fact]
    public void Export_without_filters_gives_every_row_with_its_report()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([TraVinh, DongThap]);
        using var index = tmp.Read();
        var rows = index.Export(new SearchQuery()).ToList();
        Assert.Equal(4, rows.Count);
        var r = rows.Single(x => x.Label == "Dược phẩm");
        Assert.Equal(("Đồng Tháp", "SỞ Y TẾ", 2023, "2023-Q1", "II.06a"), (r.Province, r.Agency, r.Year, r.Period, r.Form));
        Assert.Equal(300, r.Values["received.total"]);
        Assert.Equal(["Lý lịch tư pháp"], index.Export(new SearchQuery(Text: "lý lịch")).Select(x => x.Label));
    }

    [Fact]
    public void A_stored_record_loads_back_as_it_was_written()
    {
        using var tmp = new TempIndex();
        var record = new SyntheticReports(9).Next();
        using (var w = tmp.Write()) w.Store(record);
        using var index = tmp.Read();
        Assert.Equal(RecordJson.Serialize(record), RecordJson.Serialize(index.Load(record.Source.Path)!));
        Assert.Equal(record.Source.Sha256, index.Find(record.Source.Path)!.Sha256);
    }
}
