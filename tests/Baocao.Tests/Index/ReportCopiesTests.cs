using Baocao.Documents;
using Baocao.Index;
using Baocao.Reports;

namespace Baocao.Tests.Index;

/// <summary>Issue 17 item 2 (a report is one entry, whatever its files) and item 4 (facets by field, one agency spelling, form codes, errors, review).</summary>
public class ReportCopiesTests
{
    /// <summary>The same report as another file: its own path, hash, format and OCR flag.</summary>
    private static ReportRecord Copy(ReportRecord r, string path, string format, bool ocr, Func<ReportRecord, ReportRecord>? change = null)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)));
        var c = r with { Source = new SourceInfo(path, sha, format, r.Source.Pages, ocr) };
        return change is null ? c : change(c);
    }

    private static ReportRecord Base(string path = "/a/stp-q2.docx") =>
        Records.Make(path, "Bến Tre", "SỞ TƯ PHÁP", 2021, 2, ("Hộ tịch", [("received.total", 10m), ("resolved.late", 2m)]), ("Chứng thực", [("received.total", 4m)]));

    /// <summary>The docx, its pdf and a scan of one report, and another report.</summary>
    private static List<ReportRecord> Archive()
    {
        var docx = Base();
        return
        [
            docx,
            Copy(docx, "/a/stp-q2.scan200.pdf", "pdf", ocr: true),
            Copy(docx, "/a/stp-q2.pdf", "pdf", ocr: false),
            Records.Make("/a/other.docx", "Bến Tre", "SỞ TƯ PHÁP", 2021, 3, ("Hộ tịch", [("received.total", 7m)])),
        ];
    }

    [Fact]
    public void Copies_of_a_report_are_one_result_supplied_by_the_digital_pdf_with_the_others_listed_best_first()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(Archive());
        using var r = tmp.Read();
        var result = r.Search(new SearchQuery("hộ tịch", Facets: true));
        Assert.Equal(2, result.TotalDocuments);
        var hit = Assert.Single(result.Documents, d => d.Period == "2021-Q2");
        Assert.Equal("stp-q2.pdf", hit.FileName);
        Assert.Equal(["stp-q2.docx", "stp-q2.scan200.pdf"], hit.Copies.Select(c => c.FileName));
        Assert.True(hit.Copies[1].Ocr);
        Assert.Empty(Assert.Single(result.Documents, d => d.Period == "2021-Q3").Copies);
        // Facets count reports, not files.
        Assert.Equal(2, Assert.Single(result.Facets!.Province).Count);
        Assert.Equal(2, result.TotalRows);
        // Unfiltered, exported and grouped for the checks: once each.
        Assert.Equal(2, r.Search(new SearchQuery()).TotalDocuments);
        Assert.Equal(3, r.Export(new SearchQuery()).Count());
        var groups = r.Reports().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(["stp-q2.pdf", "stp-q2.docx", "stp-q2.scan200.pdf"], groups.Single(g => g.Count == 3).Select(s => Path.GetFileName(s.Path)));
        var id = hit.Copies[0].Id;
        Assert.Equal([hit.Id, id, hit.Copies[1].Id], r.CopiesOf(id));
    }

    [Fact]
    public void Removing_the_best_copy_makes_the_next_one_the_report_and_a_changed_identity_leaves_the_group()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write())
        {
            w.StoreAll(Archive());
            Assert.True(w.Remove("/a/stp-q2.pdf"));
        }
        using (var r = tmp.Read())
        {
            var hit = Assert.Single(r.Search(new SearchQuery(Period: PeriodFilter.Parse("2021-Q2"))).Documents);
            Assert.Equal("stp-q2.docx", hit.FileName);
            Assert.Equal("stp-q2.scan200.pdf", Assert.Single(hit.Copies).FileName);
        }
        // The scan re-read with another number is another report (never guessed to be the same).
        using (var w = tmp.Write())
            w.Store(Copy(Base(), "/a/stp-q2.scan200.pdf", "pdf", ocr: true, c => c with { Header = c.Header with { Number = "13/BC-X" } }));
        using (var r = tmp.Read()) Assert.Equal(2, r.Search(new SearchQuery(Period: PeriodFilter.Parse("2021-Q2"))).TotalDocuments);
    }

    [Fact]
    public void Files_with_the_same_content_are_one_report_even_without_a_number_and_different_numbers_are_two()
    {
        // Without a number, nor a title to tell drafts apart: the same content only.
        var bare = Base() with { Header = Base().Header with { Number = null, Title = null } };
        var same = bare with { Source = bare.Source with { Path = "/b/moved/stp-q2.docx" } };
        Assert.Equal(ReportCopies.Key(bare), ReportCopies.Key(same));
        Assert.StartsWith("h|", ReportCopies.Key(bare), StringComparison.Ordinal);
        Assert.NotEqual(ReportCopies.Key(bare), ReportCopies.Key(Copy(bare, "/a/x.docx", "docx", false)));
        // An archived draft ("Số: /BC-X", a partial date): its agency, symbol, date, period and whole title.
        var draft = Base() with { Header = Base().Header with { Number = null, Date = "2021-06" } };
        Assert.Equal(ReportCopies.Key(draft), ReportCopies.Key(Copy(draft, "/a/draft.pdf", "pdf", false)));
        Assert.StartsWith("d|", ReportCopies.Key(draft), StringComparison.Ordinal);
        Assert.NotEqual(ReportCopies.Key(draft), ReportCopies.Key(draft with { Header = draft.Header with { Title = draft.Header.Title + " (bổ sung)" } }));
        // Printed case and spacing of the agency and number do not matter; the number does.
        var upper = Base() with { Header = Base().Header with { Agency = "Sở Tư pháp", Number = Base().Header.Number!.Replace("/", " / ", StringComparison.Ordinal) } };
        Assert.Equal(ReportCopies.Key(Base()), ReportCopies.Key(upper));
        Assert.NotEqual(ReportCopies.Key(Base()), ReportCopies.Key(Base() with { Header = Base().Header with { Number = "99/BC-X" } }));
    }

    [Fact]
    public void The_best_copy_is_a_digital_pdf_then_a_word_file_then_the_scan_read_with_fewer_doubts()
    {
        var d = Base();
        var note = ReviewNote.Of(d, d.Source.Path);
        var pdf = ReportCopies.Rank(Copy(d, "/x.pdf", "pdf", false), note);
        var docx = ReportCopies.Rank(d, note);
        var scan = ReportCopies.Rank(Copy(d, "/x.scan.pdf", "pdf", true), note);
        var doubtful = ReportCopies.Rank(Copy(d, "/y.scan.pdf", "pdf", true), note with { LowConfidence = 3 });
        Assert.True(pdf < docx && docx < scan && scan < doubtful, $"{pdf} {docx} {scan} {doubtful}");
    }

    [Fact]
    public void A_copy_that_reads_another_figure_says_so_and_one_that_reads_the_same_has_no_differences()
    {
        var best = Base();
        Assert.Empty(ReportCopies.Differences(best, Copy(best, "/s.pdf", "pdf", true)));
        var misread = Copy(best, "/s.pdf", "pdf", true, c => c with
        {
            Figures = [c.Figures[0] with { Value = 67 }],
            Checks = [new Check("received-sum", "error", "(3) ≠ (4)+(5)+(6)", 2, 0, "Hộ tịch", "received.total", 67, 61)],
        });
        var diff = ReportCopies.Differences(best, misread);
        Assert.Contains(diff, x => x.StartsWith("figure received.new", StringComparison.Ordinal) && x.Contains("67 (best copy: 61)", StringComparison.Ordinal));
        Assert.Contains(diff, x => x.StartsWith("finding only in this copy: error received-sum", StringComparison.Ordinal));
    }

    [Fact]
    public void Facets_count_fields_one_agency_spelling_forms_by_regime_errors_and_review()
    {
        static ReportRecord WithFields(ReportRecord r, params (string key, string name)[] fields) => r with
        {
            Tables = [r.Tables[0] with { Rows = r.Tables[0].Rows.Select((row, i) => i < fields.Length ? row with { LabelKey = fields[i].key, CanonicalLabel = fields[i].name } : row).ToList() }],
        };
        var a = WithFields(Records.Make("/f/a.docx", "Bến Tre", "SỞ TƯ PHÁP", 2021, 2, ("Hộ tịch", [("received.total", 1m)]), ("Chứng thực", [("received.total", 1m)])),
            ("field:ho-tich", "Hộ tịch"), ("field:chung-thuc", "Chứng thực"));
        var b = WithFields(Records.Make("/f/b.docx", "Bến Tre", "STP", 2021, 3, ("Lĩnh vực hộ tịch", [("received.total", 1m)])), ("field:ho-tich", "Hộ tịch"));
        b = b with
        {
            Header = b.Header with { Forms = ["06a"] },
            Tables = [b.Tables[0] with { Form = "06a", NeedsReview = true }],
            Checks = [new Check("received-sum", "error", "x", 2, 0, null, null, 1, 2)],
        };
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([a, b]);
        using var r = tmp.Read();
        var f = r.Search(new SearchQuery(Facets: true)).Facets!;
        Assert.Equal([("Hộ tịch", 2), ("Chứng thực", 1)], f.Field.Select(x => (x.Value, x.Count)));
        Assert.Equal(("Sở Tư pháp", 2), (Assert.Single(f.Agency).Value, f.Agency[0].Count));
        Assert.Equal(["06a (TT 02/2017)", "II.06a (TT 01/2020)"], f.Form.Select(x => x.Value).Order(StringComparer.Ordinal));
        Assert.Equal([("yes", 1), ("no", 1)], f.Errors.Select(x => (x.Value, x.Count)));
        Assert.Equal([("yes", 1), ("no", 1)], f.Review.Select(x => (x.Value, x.Count)));
        // A facet value given back as a filter selects what it counted: the 2017 form only; the canonical agency its spellings.
        Assert.Equal(["b.docx"], r.Search(new SearchQuery(Form: "06a (TT 02/2017)")).Documents.Select(d => d.FileName));
        Assert.Equal(["a.docx"], r.Search(new SearchQuery(Form: "II.06a (TT 01/2020)")).Documents.Select(d => d.FileName));
        Assert.Equal(2, r.Search(new SearchQuery(Form: "06a")).TotalDocuments);
        Assert.Equal(2, r.Search(new SearchQuery(Agency: "Sở Tư pháp")).TotalDocuments);
        // Field, errors and review filter as their facets count (issue 17 item 4): by name with or without marks, or by
        // key; the in-memory reference (RowFilter, which the Elasticsearch engine's rows follow) agrees with SQLite.
        var cases = new (SearchQuery q, string[] files)[]
        {
            (new SearchQuery(Field: "chung thuc"), ["a.docx"]), (new SearchQuery(Field: "Hộ tịch"), ["a.docx", "b.docx"]),
            (new SearchQuery(Field: "field:chung-thuc"), ["a.docx"]), (new SearchQuery(Field: "đất đai"), []),
            (new SearchQuery(Errors: true), ["b.docx"]), (new SearchQuery(Errors: false), ["a.docx"]),
            (new SearchQuery(Review: true), ["b.docx"]), (new SearchQuery(Review: false, Field: "ho tich"), ["a.docx"]),
        };
        foreach (var (q, files) in cases)
        {
            Assert.Equal(files, r.Search(q).Documents.Select(d => d.FileName).Order(StringComparer.Ordinal));
            Assert.Equal(files, new[] { a, b }.Select(IndexedReport.From).Where(new RowFilter(q).Matches).Select(d => d.FileName).Order(StringComparer.Ordinal));
        }
        Assert.Equal(true, SearchQuery.YesNo("--errors", "có"));
        Assert.Equal(false, SearchQuery.YesNo("--errors", "no"));
        Assert.Throws<QueryException>(() => SearchQuery.YesNo("--errors", "maybe"));
        // Elasticsearch: the same filters as terms on the fields its documents carry.
        var es = Baocao.Index.Elastic.ElasticQuery.Query(new SearchQuery(Field: "Hộ tịch", Errors: true, Review: false)).ToJsonString();
        Assert.Contains("\"fieldNames\":\"ho tich\"", es);
        Assert.Contains("\"hasErrors\":true", es);
        Assert.Contains("\"needsReview\":false", es);
        var doc = Baocao.Index.Elastic.ElasticQuery.Document(IndexedReport.From(b), "{}", null).ToJsonString();
        Assert.Contains("\"fieldKeys\":[\"field:ho-tich\"]", doc);
        Assert.Contains("\"hasErrors\":true", doc);
        // Removing a report takes its fields' counts down.
        r.Dispose();
        using (var w = tmp.Write()) w.Remove("/f/a.docx");
        using var r2 = tmp.Read();
        Assert.Equal([("Hộ tịch", 1)], r2.Search(new SearchQuery(Facets: true)).Facets!.Field.Select(x => (x.Value, x.Count)));
    }

    [Fact]
    public void A_schema_4_index_is_searched_file_by_file_and_grouped_from_its_records_at_the_first_write()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(Archive());
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // As schema 4 left it: no copy columns, no fields, no meta key.
            cmd.CommandText = """
                DROP INDEX ix_documents_copies; DROP INDEX ix_documents_copy_key; DROP TABLE doc_fields;
                ALTER TABLE documents DROP COLUMN copy_key; ALTER TABLE documents DROP COLUMN copy_group; ALTER TABLE documents DROP COLUMN copy_rank;
                DELETE FROM facet_values WHERE facet = 'field'; DELETE FROM meta WHERE key = 'copies.fields'; UPDATE meta SET value = '4' WHERE key = 'schema';
                """;
            cmd.ExecuteNonQuery();
        }
        using (var r = tmp.Read())
        {
            Assert.Equal(4, r.Search(new SearchQuery("hộ tịch", Facets: true)).TotalDocuments);
            Assert.Equal(4, r.Reports().Count());
            Assert.Empty(r.CopiesOf(1));
        }
        using (tmp.Write()) { }
        using (var r = tmp.Read())
        {
            var result = r.Search(new SearchQuery("hộ tịch"));
            Assert.Equal(2, result.TotalDocuments);
            Assert.Equal("stp-q2.pdf", result.Documents.Single(d => d.Period == "2021-Q2").FileName);
        }
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Mode=ReadOnly;Pooling=false");
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
        Assert.Equal(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), q.ExecuteScalar());
        q.CommandText = "SELECT count(DISTINCT copy_group) FROM documents";
        Assert.Equal(2L, q.ExecuteScalar());
    }

    [Fact]
    public void Prune_removes_the_entries_and_failures_of_files_that_no_longer_exist_and_says_which()
    {
        using var tmp = new TempIndex();
        using var w = tmp.Write();
        w.StoreAll(Archive());
        w.RecordFailure(new FailedSource("/a/broken.pdf", "00", "x", "damaged", "2026-01-01T00:00:00Z"));
        w.RecordFailure(new FailedSource("/a/here.pdf", "01", "x", "damaged", "2026-01-01T00:00:00Z"));
        var present = new HashSet<string> { "/a/stp-q2.docx", "/a/other.docx", "/a/here.pdf" };
        Assert.Equal(["/a/broken.pdf", "/a/stp-q2.pdf", "/a/stp-q2.scan200.pdf"], ((IReportIndex)w).Prune(present.Contains));
        Assert.Equal(["/a/other.docx", "/a/stp-q2.docx"], w.Sources().Select(s => s.Path));
        Assert.Equal(["/a/here.pdf"], w.Failures().Select(f => f.Path));
        Assert.Empty(((IReportIndex)w).Prune(present.Contains));
    }
}
