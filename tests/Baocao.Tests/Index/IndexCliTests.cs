using System.Globalization;
using System.Text.Json;
using Baocao.Cli;
using Baocao.Index;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Index;

/// <summary>The corpus ingested once through the command line, shared by the end-to-end tests.</summary>
public sealed class IngestedCorpus : IDisposable
{
    public TempIndex Index { get; } = new();
    public (int code, string stdout, string stderr) Ingest { get; }
    public IReadOnlyList<string> Files { get; }

    public IngestedCorpus()
    {
        // The digital samples (DOCX and PDF); the scanned variants are left out to keep the suite quick (OCR is covered elsewhere).
        Files = Directory.GetFiles(CorpusTests.CorpusDir).Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".pdf", StringComparison.Ordinal)).Order().ToList();
        Ingest = IndexCliTests.Run(["ingest", .. Files, "--index", Index.Path]);
    }

    public void Dispose() => Index.Dispose();
}

/// <summary>ingest, search and export as a user runs them, on the corpus; and their messages for bad input.</summary>
[Collection("console")]
public class IndexCliTests(IngestedCorpus corpus) : IClassFixture<IngestedCorpus>
{
    internal static (int code, string stdout, string stderr) Run(params string[] args) => CliRunner.Run(args);

    private JsonElement Search(params string[] args)
    {
        var (code, stdout, stderr) = Run(["search", .. args, "--json", "--index", corpus.Index.Path]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Every_corpus_sample_is_ingested()
    {
        Assert.True(corpus.Ingest.code == 0, corpus.Ingest.stderr);
        Assert.Equal(2 * Directory.GetFiles(CorpusTests.CorpusDir, "*.truth.json").Length, corpus.Files.Count);
        using var index = corpus.Index.Read();
        Assert.Equal(corpus.Files.Count, index.Stats().Documents);
        Assert.Contains($"{corpus.Files.Count} file(s) indexed, 0 failed", corpus.Ingest.stdout);
    }

    [Theory]
    [InlineData("lý lịch tư pháp")]
    [InlineData("ly lich tu phap")]
    public void A_procedure_finds_its_rows_and_numbers_in_every_report_listing_it(string words)
    {
        var r = Search(words);
        var files = r.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()).Order().ToList();
        // One entry per report: the digital PDF, with its DOCX as a copy (issue 17 item 2).
        Assert.Equal(["03-tthcc-soctrang-t10-2019.pdf", "06-stp-bentre-q4-2019.pdf"], files);
        foreach (var d in r.GetProperty("documents").EnumerateArray())
        {
            Assert.Equal(d.GetProperty("fileName").GetString()![..^4] + ".docx", Assert.Single(d.GetProperty("copies").EnumerateArray()).GetProperty("fileName").GetString());
            var rows = d.GetProperty("rows").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Contains("«", row.GetProperty("highlight").GetString()));
            Assert.All(rows, row => Assert.True(row.GetProperty("page").GetInt32() >= 1));
        }
        // Sample 06 lists the field in its II.06a table with its figures (truth: 1.958 received, 12 late).
        var bentre = r.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("fileName").GetString() == "06-stp-bentre-q4-2019.pdf");
        var row = bentre.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal("«Lý lịch tư pháp»", row.GetProperty("highlight").GetString());
        Assert.Equal(1958, row.GetProperty("values").GetProperty("received.total").GetInt32());
        Assert.Equal(12, row.GetProperty("values").GetProperty("resolved.late").GetInt32());
        Assert.EndsWith("corpus-samples/06-stp-bentre-q4-2019.pdf", bentre.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("Tra Vinh", new[] { "01-stttt-travinh-q2-2021", "02-ubnd-tracu-2023" })]
    [InlineData("Dong Thap", new[] { "09-syt-dongthap-q1-2023" })]
    public void Provinces_are_found_without_diacritics(string province, string[] stems)
    {
        var expected = stems.Select(s => s + ".pdf").Order().ToList();
        foreach (var args in new[] { new[] { province }, new[] { "--province", province } })
        {
            var r = Search(args);
            Assert.Equal(expected, r.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()!).Order().ToList());
        }
    }

    [Fact]
    public void Facets_filters_and_numeric_conditions_work_together()
    {
        var all = Search("--facets", "--limit", "100");
        // Each sample's DOCX and PDF are one report.
        Assert.Equal(Directory.GetFiles(CorpusTests.CorpusDir, "*.truth.json").Length, all.GetProperty("totalDocuments").GetInt32());
        var years = all.GetProperty("facets").GetProperty("year").EnumerateArray().ToDictionary(x => x.GetProperty("value").GetString()!, x => x.GetProperty("count").GetInt32());
        using (var index = corpus.Index.Read())
        {
            var docs = index.Reports().Select(g => IndexedReport.From(index.Load(g[0].Path)!)).ToList();
            Assert.Equal(docs.Where(d => d.Year is not null).GroupBy(d => d.Year!.Value.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()), years);
        }
        var provinces = all.GetProperty("facets").GetProperty("province").EnumerateArray().ToDictionary(x => x.GetProperty("value").GetString()!, x => x.GetProperty("count").GetInt32());
        Assert.Equal(2, provinces["Trà Vinh"]);

        var late = Search("--where", "resolved.late>10", "--limit", "100");
        Assert.True(late.GetProperty("totalRows").GetInt32() > 0);
        foreach (var d in late.GetProperty("documents").EnumerateArray())
            foreach (var row in d.GetProperty("rows").EnumerateArray())
                Assert.True(row.GetProperty("values").GetProperty("resolved.late").GetDecimal() > 10);

        var q2 = Search("--period", "2021-Q2", "--form", "II.06a");
        Assert.Equal(["01-stttt-travinh-q2-2021.pdf"], q2.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()).Order());
    }

    [Fact]
    public void The_text_output_names_file_path_page_and_figures()
    {
        var (code, stdout, _) = Run("search", "lý lịch tư pháp", "--index", corpus.Index.Path);
        Assert.Equal(0, code);
        Assert.Contains("2 report(s), ", stdout);
        Assert.Contains("06-stp-bentre-q4-2019.pdf", stdout);
        Assert.Contains("2 files of this report; also: 06-stp-bentre-q4-2019.docx (docx, id ", stdout);
        Assert.Contains("«Lý lịch tư pháp»", stdout);
        Assert.Contains("received.total=1958", stdout);
        Assert.Matches(@"row 1, p\.\d+: «Lý lịch tư pháp»", stdout);
    }

    [Fact]
    public void Export_of_the_whole_index_has_every_table_row_once()
    {
        using var index = corpus.Index.Read();
        // Every row of every report once (--rows all: group, total and percentage rows too): from its best copy.
        var expected = index.Reports().Sum(g => index.Load(g[0].Path)!.Tables.Sum(t => t.Rows.Count));
        var outFile = Path.Combine(corpus.Index.Dir, "all.csv");
        var (code, _, stderr) = Run("export", "--rows", "all", "--out", outFile, "--index", corpus.Index.Path);
        Assert.Equal(0, code);
        Assert.Contains($"exported {expected} row(s) as csv", stderr);
        using var reader = new StreamReader(outFile);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var n = 0;
        while (csv.Read()) n++;
        Assert.Equal(expected, n);
    }

    /// <summary>The sum of each figure's column over an export, by its key header (empty cells count 0), and the row count.</summary>
    private (Dictionary<string, decimal> sums, int rows) ExportSums(params string[] args)
    {
        var outFile = Path.Combine(corpus.Index.Dir, $"sums-{Guid.NewGuid():N}.csv");
        var (code, _, stderr) = Run(["export", .. args, "--keys", "--out", outFile, "--index", corpus.Index.Path]);
        Assert.True(code == 0, stderr);
        using var reader = new StreamReader(outFile);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var sums = new Dictionary<string, decimal>();
        var n = 0;
        while (csv.Read())
        {
            n++;
            for (var i = 0; i < header.Length; i++)
                if (header[i].Contains('.') && csv.GetField(i) is { Length: > 0 } v)
                    sums[header[i]] = sums.GetValueOrDefault(header[i]) + decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture);
        }
        File.Delete(outFile);
        return (sums, n);
    }

    [Fact]
    public void The_default_export_sums_to_the_item_rows_of_the_stored_records()
    {
        // Issue 18: a researcher sums a column of the default export; it must equal the item rows of the stored records (each
        // report once, its best copy), with no totals, groups or percentages counted again.
        using var index = corpus.Index.Read();
        var items = index.Reports().SelectMany(g => index.Load(g[0].Path)!.Tables.SelectMany(t => t.Rows)).Where(r => r.Kind == "item").ToList();
        var (sums, rows) = ExportSums();
        Assert.Equal(items.Count, rows);
        foreach (var key in new[] { "received.total", "resolved.total", "resolved.late", "pending.total" })
        {
            var expected = items.Sum(r => r.Values.GetValueOrDefault(key) ?? 0);
            Assert.True(expected > 0, key);
            Assert.Equal(expected, sums.GetValueOrDefault(key));
        }
        // With every row the same column counts the totals again: the reason items are the default.
        var (all, allRows) = ExportSums("--rows", "all");
        Assert.True(allRows > rows);
        Assert.True(all["received.total"] > sums["received.total"]);
        // A percentage row's values never land in a count column.
        var percentRows = index.Reports().SelectMany(g => index.Load(g[0].Path)!.Tables.SelectMany(t => t.Rows)).Where(r => r.Kind == "percent").ToList();
        Assert.NotEmpty(percentRows);
        foreach (var key in percentRows.SelectMany(r => r.Values.Where(v => v.Value is not null).Select(v => v.Key)).Distinct().Where(k => !Baocao.Mapping.Labels.IsPercentage(k)))
            Assert.Equal(percentRows.Sum(r => r.Values.GetValueOrDefault(key) ?? 0), all.GetValueOrDefault(key + ".pct"));
    }

    [Fact]
    public void Records_load_back_from_the_index_as_extracted()
    {
        using var index = corpus.Index.Read();
        var extractor = Baocao.Pipeline.Extractor.CreateDefault(ocrWorkers: 0);
        var file = corpus.Files.First(f => f.EndsWith("03-tthcc-soctrang-t10-2019.docx", StringComparison.Ordinal));
        Assert.Equal(Baocao.Output.RecordJson.Serialize(extractor.Extract(file)), Baocao.Output.RecordJson.Serialize(index.Load(file)!));
    }

    [Fact]
    public void Bad_where_unknown_key_and_unknown_flag_say_what_is_valid()
    {
        var (code, _, stderr) = Run("search", "--where", "resolved.late>>10", "--index", corpus.Index.Path);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --where 'resolved.late>>10' is malformed", stderr);
        Assert.Contains("OP one of > >= < <= = !=", stderr);

        (code, _, stderr) = Run("search", "--where", "late>10", "--index", corpus.Index.Path);
        Assert.Equal(2, code);
        Assert.Contains("unknown key 'late' (valid keys: received.total, ", stderr);

        (code, var stdout, stderr) = Run("search", "hộ tịch", "--provinse", "Trà Vinh", "--index", corpus.Index.Path);
        Assert.NotEqual(0, code);
        Assert.Contains("--provinse", stderr);
        Assert.Contains("--province", stdout + stderr);

        (code, _, stderr) = Run("export", "--format", "pdf", "--index", corpus.Index.Path);
        Assert.NotEqual(0, code);
        Assert.Contains("csv", stderr);
        Assert.Contains("xlsx", stderr);
    }

    [Fact]
    public void Search_on_a_missing_index_creates_nothing_and_ingest_refuses_a_foreign_file()
    {
        using var tmp = new TempIndex();
        var (code, _, stderr) = Run("search", "hộ tịch", "--index", tmp.Path);
        Assert.Equal(2, code);
        Assert.Equal($"error: {tmp.Path}: no index here (create one with: ./baocao ingest PATH… --index {tmp.Path})", stderr.Trim());
        Assert.False(File.Exists(tmp.Path));

        File.WriteAllText(tmp.Path, "my notes");
        (code, _, stderr) = Run("ingest", corpus.Files[0], "--index", tmp.Path);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {tmp.Path}: not a baocao index (not an SQLite database)", stderr);
        Assert.Equal("my notes", File.ReadAllText(tmp.Path));
    }

    [Fact]
    public void Ingest_reports_a_bad_file_in_one_line_and_indexes_the_rest()
    {
        using var tmp = new TempIndex();
        var folder = Path.Combine(tmp.Dir, "in");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.Copy(corpus.Files.First(f => f.EndsWith("07-ubnd-phucat-t5-2022.docx", StringComparison.Ordinal)), Path.Combine(folder, "sub", "good.docx"));
        File.WriteAllText(Path.Combine(folder, "broken.docx"), "not a zip");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "ignored: not a report type");
        var (code, stdout, stderr) = Run("ingest", folder, Path.Combine(tmp.Dir, "missing.pdf"), "--index", tmp.Path);
        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"error: {Path.Combine(folder, "broken.docx")}: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == $"error: {Path.Combine(tmp.Dir, "missing.pdf")}: no such file or folder");
        Assert.Contains("1 file(s) indexed, 2 failed", stdout);
        using var index = tmp.Read();
        Assert.EndsWith("good.docx", Assert.Single(index.Sources()).Path);
    }

    [Fact]
    public void Check_all_runs_the_cross_report_checks_over_the_whole_index()
    {
        var (code, stdout, stderr) = Run("check", "--all", "--json", "--index", corpus.Index.Path);
        // The corpus prints errors (seed 002, the planted ones): exit 1.
        Assert.True(code == 1, stderr);
        var findings = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        // Planted in sample 13 (June): 88 carried over, where May's report (sample 07) ends with 90 pending.
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "reports.carried-over"
            && f.GetProperty("file").GetString()!.EndsWith("13-ubnd-phucat-t6-2022.pdf", StringComparison.Ordinal) && f.GetProperty("printed").GetDecimal() == 88);
        // The findings stored with each report at ingest are there too (seed 002's formula errors, sample 03).
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "table.formula" && f.GetProperty("file").GetString()!.Contains("03-tthcc-soctrang"));
    }

    /// <summary>
    /// Issue 15 item 6: the key the cross-report checks group by is stored per report at write time, so check --all reads
    /// each record once; grouped by it, the findings are those of an index without it (keys read from the records).
    /// </summary>
    [Fact]
    public void The_cross_report_keys_stored_at_write_time_group_the_reports_as_their_records_do()
    {
        var copy = Path.Combine(corpus.Index.Dir, "unkeyed.db");
        File.Copy(corpus.Index.Path, copy, overwrite: true);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DELETE FROM meta WHERE key LIKE 'cross.key.%'; UPDATE documents SET cross_key = NULL;";
            cmd.ExecuteNonQuery();
        }
        static string Listing(IReportIndex i) => string.Join("\n", Findings.OfIndex(i).SelectMany(r => r.Checks.Select(c => $"{r.Source.Path} {c.Rule} {c.Severity} {c.Printed} {c.Message}")));
        IReadOnlyDictionary<string, string?> keys;
        string keyed;
        using (var ix = corpus.Index.Read())
        {
            keys = ix.CrossKeys()!;
            Assert.NotNull(keys);
            Assert.Equal(ix.Sources().Select(s => s.Path).Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, key) in keys) Assert.Equal(Baocao.Checks.AgencyKey.Of(ix.Load(path)!), key);
            Assert.Contains("13-ubnd-phucat-t6-2022.pdf reports.carried-over", keyed = Listing(ix), StringComparison.Ordinal);
        }
        using (var old = SqliteReportIndex.OpenRead(copy))
        {
            Assert.Null(old.CrossKeys());
            Assert.Equal(keyed, Listing(old));
        }
        // A write-open keys the reports again from their records.
        using (SqliteReportIndex.OpenWrite(copy)) { }
        using (var again = SqliteReportIndex.OpenRead(copy)) Assert.Equal(keys.OrderBy(k => k.Key, StringComparer.Ordinal), again.CrossKeys()!.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Check_all_filters_by_rule_agency_and_period_and_numbers_tables_from_1()
    {
        // Across reports, for Phù Cát's agency in 2022-H1: the planted carried-over finding of sample 13 (June) only.
        var (code, stdout, stderr) = Run("check", "--all", "--json", "--index", corpus.Index.Path, "--rule", "reports", "--agency", "phu cat", "--period", "2022-H1");
        Assert.True(code is 0 or 1, stderr);
        var findings = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("reports.", f.GetProperty("rule").GetString()));
        Assert.Contains(findings, f => f.GetProperty("file").GetString()!.EndsWith("13-ubnd-phucat-t6-2022.pdf", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.GetProperty("file").GetString()!.Contains("soctrang"));
        // Another year: none of them.
        var other = Run("check", "--all", "--json", "--index", corpus.Index.Path, "--rule", "reports", "--agency", "phu cat", "--period", "2019");
        Assert.Equal("[]", other.stdout.Trim());
        Assert.Equal(0, other.code);

        // Text: numbered from 1, tables from 1, the summary names the hidden info findings.
        var text = Run("check", "--all", "--index", corpus.Index.Path, "--agency", "soc trang");
        Assert.Contains("#1 ", text.stdout);
        Assert.Contains("bảng 1, dòng «Sở Thông tin và Truyền thông»", text.stdout);
        Assert.DoesNotContain("bảng 0", text.stdout);
        Assert.Contains("thông tin ẩn (--severity info)", text.stdout);
        // The same in English with --lang en.
        var english = Run("check", "--all", "--index", corpus.Index.Path, "--agency", "soc trang", "--lang", "en");
        Assert.Contains("table 1, row «Sở Thông tin và Truyền thông»", english.stdout);
        Assert.DoesNotContain("table 0", english.stdout);
        Assert.Contains("info hidden (--severity info)", english.stdout);
        var bad = Run("check", "--all", "--index", corpus.Index.Path, "--period", "2022-Q5");
        Assert.Equal(2, bad.code);
        Assert.Contains("YYYY-Qn", bad.stderr);
    }

    [Fact]
    public void Check_file_reads_the_stored_record_of_an_indexed_unchanged_file_and_extracts_a_changed_one()
    {
        using var tmp = new TempIndex();
        var file = Path.Combine(tmp.Dir, "03-tthcc-soctrang-t10-2019.pdf");
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "03-tthcc-soctrang-t10-2019.pdf"), file);
        Assert.Equal(0, Run("ingest", file, "--index", tmp.Path).code);

        var stored = Run("check", file, "--json", "--index", tmp.Path);
        Assert.Equal(1, stored.code);
        var line = Assert.Single(stored.stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("check: 1 tệp đã có trong chỉ mục, không đổi", line);
        var fromIndex = JsonDocument.Parse(stored.stdout).RootElement.EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("printed").ToString())).ToList();
        Assert.Equal(10, fromIndex.Count);

        // The same bytes plus a comment at the end: another content hash, so extracted again, silently, to the same findings.
        File.AppendAllText(file, "\n% changed\n");
        var changed = Run("check", file, "--json", "--index", tmp.Path);
        Assert.Equal("", changed.stderr);
        Assert.Equal(fromIndex, JsonDocument.Parse(changed.stdout).RootElement.EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("printed").ToString())).ToList());
    }

    [Fact]
    public void Check_wants_files_or_all_and_names_a_missing_index()
    {
        var none = Run("check");
        Assert.Equal(2, none.code);
        Assert.Contains("--all", none.stderr);
        var missing = Run("check", "--all", "--index", Path.Combine(Path.GetTempPath(), "baocao-no-such-index.db"));
        Assert.Equal(1, missing.code);
        Assert.Contains("baocao-no-such-index.db", missing.stderr);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "baocao-no-such-index.db")));
    }

    [Fact]
    public void Search_pages_sorts_selects_by_nesting_period_and_range_and_corrects_a_misspelt_word()
    {
        // 2022-H1 holds Q1, Q2 and the months 01-06 (samples 07, 08, 13, 14, 15: each as DOCX and PDF).
        var h1 = Search("--period", "2022-H1", "--limit", "100");
        var files = h1.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()![..2]).Distinct().Order().ToList();
        Assert.Equal(["07", "08", "13", "14", "15"], files);
        // Q2 2022 runs 15/3-14/6: a range inside it overlaps Q2, H1 (08), month 6 (13), the year (18); not month 5, which ends 14/5.
        var range = Search("--from", "2022-05-20", "--to", "2022-05-25", "--limit", "100");
        Assert.Equal(["08", "13", "15", "18"], range.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()![..2]).Distinct().Order());
        // Pages of three, sorted by a figure: every report once, largest first.
        var seen = new List<(string file, double? late)>();
        var offset = 0;
        while (true)
        {
            var page = Search("hộ tịch", "--sort", "resolved.late:desc", "--limit", "3", "--offset", offset.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(offset, page.GetProperty("offset").GetInt32());
            seen.AddRange(page.GetProperty("documents").EnumerateArray().Select(d => (d.GetProperty("fileName").GetString()!,
                d.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("values").TryGetProperty("resolved.late", out var v) ? v.GetDouble() : (double?)null).Max())));
            if (page.GetProperty("nextOffset").ValueKind == JsonValueKind.Null) break;
            offset = page.GetProperty("nextOffset").GetInt32();
        }
        Assert.Equal(seen.Count, seen.Select(x => x.file).Distinct().Count());
        Assert.Equal(Search("hộ tịch", "--limit", "100").GetProperty("totalDocuments").GetInt32(), seen.Count);
        var lates = seen.Select(x => x.late ?? -1).ToList();
        Assert.Equal(lates.OrderDescending(), lates);
        // A misspelt syllable: corrected from the index's words, said first in Vietnamese.
        var (code, stdout, _) = Run(["search", "ho tihc", "--index", corpus.Index.Path]);
        Assert.Equal(0, code);
        Assert.StartsWith("Không có báo cáo nào chứa \"ho tihc\"; kết quả cho \"ho tịch\"", stdout);
        var bad = Run(["search", "x", "--sort", "resolved.lat", "--index", corpus.Index.Path]);
        Assert.Equal(2, bad.code);
        Assert.StartsWith("error: --sort 'resolved.lat' không hợp lệ", bad.stderr);
    }
}
