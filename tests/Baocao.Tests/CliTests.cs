using Baocao.Cli;

namespace Baocao.Tests;

[CollectionDefinition("console", DisableParallelization = true)]
public class ConsoleCollection;

/// <summary>The command line as a user meets it: one line per bad file on stderr, a non-zero exit, the rest still done.</summary>
[Collection("console")]
public class CliTests
{
    private static (int code, string stdout, string stderr) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void A_bad_file_gets_one_line_and_the_good_one_is_still_extracted()
    {
        var missing = Path.Combine(Path.GetTempPath(), "baocao-no-such-file.pdf");
        var good = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.pdf");
        var (code, stdout, stderr) = Run("extract", missing, good);
        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: {missing}: no such file", Assert.Single(lines));
        Assert.Contains("tiny.pdf", stdout);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Fact]
    public void Extract_of_several_files_loses_none_when_one_kills_its_reader()
    {
        // The worker dies natively (SIGSEGV, as a C decoder would, or as a stack overflow ends .NET) on the middle file:
        // in-process it would have taken the other two files' output with it.
        var dir = Directory.CreateTempSubdirectory("baocao-extract-isolated").FullName;
        try
        {
            string Copy(string sample, string name)
            {
                File.Copy(Path.Combine(Corpus.CorpusTests.CorpusDir, sample), Path.Combine(dir, name));
                return Path.Combine(dir, name);
            }
            var (a, crash, b) = (Copy("07-ubnd-phucat-t5-2022.pdf", "a.pdf"), Copy("08-stnmt-longan-6t-2022.docx", "crash-08.docx"), Copy("06-stp-bentre-q4-2019.docx", "b.docx"));
            Environment.SetEnvironmentVariable(WorkerCommand.FaultVariable, "crash:crash-");
            (int code, string stdout, string stderr) r;
            try { r = Run("extract", a, crash, b, "--json"); }
            finally { Environment.SetEnvironmentVariable(WorkerCommand.FaultVariable, null); }
            Assert.Equal(1, r.code);
            Assert.StartsWith($"error: {crash}: the extraction process ", Assert.Single(r.stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            using var doc = System.Text.Json.JsonDocument.Parse(r.stdout);
            var records = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal([a, b], records.Select(x => x.GetProperty("source").GetProperty("path").GetString()));
            // The worker's records are those read in-process (through the record's JSON and back).
            foreach (var (rec, file) in records.Zip(new[] { a, b }))
            {
                var (_, alone, _) = Run("extract", file, "--json");
                using var one = System.Text.Json.JsonDocument.Parse(alone);
                foreach (var part in new[] { "source", "header", "tables", "figures", "warnings" })
                    Assert.Equal(one.RootElement.GetProperty(part).GetRawText(), rec.GetProperty(part).GetRawText());
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Json_output_has_the_documented_top_level_fields()
    {
        var good = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.pdf");
        var (code, stdout, _) = Run("extract", good, "--json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(["source", "header", "tables", "figures", "checks", "warnings"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pdf", doc.RootElement.GetProperty("source").GetProperty("format").GetString());
    }

    [Fact]
    public void Encrypted_pdf_exits_non_zero_with_the_reason()
    {
        var enc = Path.Combine(AppContext.BaseDirectory, "Fixtures", "encrypted.pdf");
        var (code, _, stderr) = Run("extract", enc);
        Assert.Equal(1, code);
        Assert.Equal($"error: {enc}: encrypted PDF: a password is required to open it", stderr.Trim());
    }
}

/// <summary><c>check</c> as a user meets it: each finding with rule, place, amounts and severity; the same findings as JSON and in <c>extract --json</c>.</summary>
[Collection("console")]
public class CheckCommandTests
{
    private static (int code, string stdout, string stderr) Run(params string[] args) => CliRunner.Run(args);

    // Sample 03 is seed 002, whose centre table prints resolved totals that are not early + on time + late.
    private static string Seed002 => Path.Combine(Corpus.CorpusTests.CorpusDir, "03-tthcc-soctrang-t10-2019.docx");

    [Fact]
    public void Check_prints_each_finding_numbered_from_1_with_rule_place_amounts_severity_and_cause_and_exits_1_on_printed_errors()
    {
        // In English (--lang en): the record's own messages, as before issue 18 made Vietnamese the default (below).
        var (code, stdout, stderr) = Run("check", Seed002, "--lang", "en");
        // Seed 002 prints arithmetic errors: the exit code says so (a script can stop on it).
        Assert.Equal(1, code);
        Assert.Equal("", stderr);
        Assert.Contains($"{Seed002}: 9 error, 1 warning, 0 doubt, 0 info", stdout);
        // Tables numbered from 1, as extract prints them (the record's index is 0).
        Assert.Contains("  #1    error   table.formula         p.2, table 1, row «Sở Thông tin và Truyền thông», column resolved.total (6): printed 7, expected 0, difference 7", stdout);
        Assert.Contains("        error printed in the report: (6)=(7)+(8)+(9): printed 7, expected 0 = 0 + 0 + 0", stdout);
        Assert.Contains("error   table.total           p.2, table 1, row «Tổng cộng», column resolved.early (7): printed 3794, expected 1559, difference 2235", stdout);
        Assert.Contains("#10   warning table.period", stdout);
        Assert.DoesNotContain("table 0", stdout);

        // Vietnamese by default: severities, places and messages in words, columns and rules by the catalog's labels.
        var vi = Run("check", Seed002);
        Assert.Equal(1, vi.code);
        Assert.Contains($"{Seed002}: 9 lỗi, 1 cảnh báo, 0 nghi vấn, 0 thông tin", vi.stdout);
        Assert.Contains("  #1    lỗi      table.formula         trang 2, bảng 1, dòng «Sở Thông tin và Truyền thông», cột Đã giải quyết – Tổng số (6): in 7, cần có 0, chênh lệch 7", vi.stdout);
        Assert.Contains("        lỗi trong báo cáo: Cột công thức: (6)=(7)+(8)+(9): số in 7, số cần có 0, chênh lệch 7", vi.stdout);
        Assert.Contains("cột Đã giải quyết – Trước hạn (7): in 3794, cần có 1559, chênh lệch 2235", vi.stdout);
        Assert.Contains("#10   cảnh báo table.period", vi.stdout);
        Assert.DoesNotContain("printed", vi.stdout);
        Assert.DoesNotContain("expected", vi.stdout);
        Assert.True(vi.stdout.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Check_filters_by_cause_severity_and_rule_and_exits_0_when_no_printed_error_is_listed()
    {
        // Only the warning: no printed error listed, so exit 0.
        var warning = Run("check", Seed002, "--severity", "warning");
        Assert.Equal(0, warning.code);
        Assert.Contains("#1    cảnh báo table.period", warning.stdout);
        Assert.DoesNotContain("table.formula", warning.stdout);
        // No reading doubts on a digital file.
        var reading = Run("check", Seed002, "--cause", "reading", "--json");
        Assert.Equal(0, reading.code);
        Assert.Equal("[]", reading.stdout.Trim());
        // A rule family: the totals row only.
        var totals = Run("check", Seed002, "--rule", "table.total", "--json");
        Assert.Equal(1, totals.code);
        Assert.All(System.Text.Json.JsonDocument.Parse(totals.stdout).RootElement.EnumerateArray(), f => Assert.Equal("table.total", f.GetProperty("rule").GetString()));
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(totals.stdout).RootElement.GetArrayLength());
        // Bad values name the valid ones.
        var bad = Run("check", Seed002, "--cause", "ocr");
        Assert.Equal(2, bad.code);
        Assert.Contains("report, reading", bad.stderr);
        var badRule = Run("check", Seed002, "--rule", "table.sums");
        Assert.Equal(2, badRule.code);
        Assert.Contains("table.formula", badRule.stderr);
    }

    [Fact]
    public void Check_writes_csv_with_vietnamese_headers_and_xlsx_with_numbers_as_numbers()
    {
        var csv = Run("check", Seed002, "--format", "csv");
        Assert.Equal(1, csv.code);
        var lines = csv.stdout.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("stt,tệp,cơ quan,kỳ báo cáo,quy tắc,mức độ,nguyên nhân,trang,bảng,", lines[0]);
        Assert.Equal(11, lines.Length);
        // Number 1, table 1, cause in words.
        Assert.Matches(@"^1,.*,table\.formula,lỗi,lỗi trong báo cáo,2,1,Sở Thông tin và Truyền thông,resolved\.total,6,7,0,7,", lines[1]);

        var english = Run("check", Seed002, "--format", "csv", "--lang", "en");
        Assert.StartsWith("number,file,agency,period,rule,severity,cause,", english.stdout.TrimStart('\uFEFF'));
        Assert.Contains(",error,error printed in the report,", english.stdout);
        Assert.Contains("        error printed in the report: (6)=(7)+(8)+(9)", Run("check", Seed002, "--lang", "en").stdout);

        var file = Path.Combine(Path.GetTempPath(), $"baocao-check-{Environment.ProcessId}.xlsx");
        try
        {
            var xlsx = Run("check", Seed002, "--format", "xlsx", "--out", file);
            Assert.Equal(1, xlsx.code);
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
            Assert.Equal(11, rows.Count);
            var first = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, first[0].DataType!.Value);
            Assert.Equal("1", first[0].CellValue!.Text);
            Assert.Equal("7", first[12].CellValue!.Text);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Check_json_is_an_array_of_findings_and_extract_json_carries_the_same()
    {
        var (code, stdout, _) = Run("check", Seed002, "--json");
        Assert.Equal(1, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var findings = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(10, findings.Count);
        var first = findings[0];
        // The record's fields, and the finding in words for people ("text", "where": Vietnamese, English with --lang en).
        Assert.Equal(["rule", "severity", "cause", "message", "text", "where", "file", "page", "table", "row", "rowIndex", "column", "columnNumber", "relation", "printed", "expected", "difference", "proposed", "related"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("table.formula", "error", 7m, 0m, 7m), (first.GetProperty("rule").GetString(), first.GetProperty("severity").GetString(),
            first.GetProperty("printed").GetDecimal(), first.GetProperty("expected").GetDecimal(), first.GetProperty("difference").GetDecimal()));
        Assert.Contains("số in 7, số cần có 0, chênh lệch 7", first.GetProperty("text").GetString());
        Assert.StartsWith("trang ", first.GetProperty("where").GetString());
        using (var en = System.Text.Json.JsonDocument.Parse(Run("check", Seed002, "--json", "--lang", "en").stdout))
        {
            var e = en.RootElement[0];
            Assert.Equal(e.GetProperty("message").GetString(), e.GetProperty("text").GetString());
            Assert.StartsWith("p.", e.GetProperty("where").GetString());
        }

        // Without the words, the same findings as the record's "checks".
        var options = new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var fields = System.Text.Json.JsonSerializer.Serialize(findings.Select(f => f.EnumerateObject().Where(p => p.Name is not ("text" or "where"))
            .ToDictionary(p => p.Name, p => p.Value)), options);
        var (_, extracted, _) = Run("extract", Seed002, "--json");
        using var record = System.Text.Json.JsonDocument.Parse(extracted);
        Assert.Equal(fields.Trim().Replace("\r", ""), System.Text.Json.JsonSerializer.Serialize(record.RootElement.GetProperty("checks"), options).Trim().Replace("\r", ""), ignoreWhiteSpaceDifferences: true);
    }

    [Fact]
    public void Check_goes_on_after_a_bad_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "baocao-no-such-file.docx");
        var (code, stdout, stderr) = Run("check", missing, Seed002);
        Assert.Equal(1, code);
        Assert.Equal($"error: {missing}: no such file", stderr.Trim());
        Assert.Contains("table.formula", stdout);
    }
}
