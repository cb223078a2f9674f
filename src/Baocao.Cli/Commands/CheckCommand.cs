using System.Globalization;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Baocao.Checks;
using Baocao.Index;
using Baocao.Ingest;
using Baocao.Output;
using Baocao.Pipeline;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao check FILE… [filters] [--format text|json|csv|xlsx]</c> or <c>check --all [--index FILE] [filters]</c>:
/// checks the figures of each file (within the report) and the files against each other (reports of one agency), or
/// lists the findings of every indexed report with those across the index, and prints every finding: number, rule,
/// place (tables numbered from 1), printed and expected values, difference, severity and cause (an error printed in
/// the report, or a doubt about how a value was read, with the likely reading when the arithmetic points to one).
/// Exit code 1 when an error printed in a report is listed or a file cannot be read, else 0.
/// </summary>
public static class CheckCommand
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "csv", "xlsx"];

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "DOCX or PDF report(s); reports of one agency are also checked against each other", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "the same as --format json: the findings as one JSON array (the fields of a record's \"checks\", docs/record-format.md; \"table\" 0-based as in the record)" };
        var format = new Option<string?>("--format") { Description = "text (default), json, csv or xlsx (one line per finding, Vietnamese headers, tables numbered from 1)" };
        var output = new Option<string?>("--out") { Description = "write the findings to this file instead of standard output" };
        var all = new Option<bool>("--all") { Description = "check every report in the index instead of files, reports of one agency against each other included" };
        var index = new Option<string>("--index") { Description = $"the index for --all, and where check FILE looks for a stored record of an unchanged file (default {IndexLocation.FileName} in the data folder, ${IndexLocation.DataVariable} or ./data)" };
        var severity = new Option<string?>("--severity") { Description = "mức độ: error, warning, doubt, info (comma-separated); info findings (a relation that holds) are listed only when asked" };
        var cause = new Option<string?>("--cause") { Description = "nguyên nhân: report (lỗi in trong báo cáo) or reading (nghi vấn do đọc: OCR, cách nhóm số)" };
        var rule = new Option<string?>("--rule") { Description = "quy tắc: a rule (table.formula, prose.sum, reports.carried-over …) or a family (table, prose, reports, ocr); comma-separated" };
        var agency = new Option<string?>("--agency") { Description = "words of the agency (\"sở tư pháp\"), diacritics optional" };
        var period = new Option<string?>("--period") { Description = "reporting period, nesting: " + PeriodFilter.Forms };
        var lang = new Option<string?>("--lang") { Description = "vi (default): causes, likely readings and CSV/XLSX headers in Vietnamese; en: in English" };
        var cmd = new Command("check", "Cross-check the reported figures: formulas, totals, percentages, prose against tables, reports against each other")
        {
            files, json, format, output, all, index, severity, cause, rule, agency, period, lang,
        };
        cmd.SetAction(parse =>
        {
            var given = parse.GetValue(files) ?? [];
            var fmt = parse.GetValue(format) ?? (parse.GetValue(json) ? "json" : "text");
            if (!Formats.Contains(fmt)) { Console.Error.WriteLine($"error: check: --format '{LogText.Escape(fmt)}' is not one of {string.Join(", ", Formats)}"); return 2; }
            FindingFilter filter;
            try { filter = FindingFilter.Parse(parse.GetValue(severity), parse.GetValue(cause), parse.GetValue(rule), parse.GetValue(agency), parse.GetValue(period)); }
            catch (QueryException e) { Console.Error.WriteLine($"error: check: {LogText.Escape(e.Message)}"); return 2; }
            var language = parse.GetValue(lang) ?? "vi";
            if (language is not ("vi" or "en")) { Console.Error.WriteLine($"error: check: --lang '{LogText.Escape(language)}' is not vi or en"); return 2; }
            var to = new Output(fmt, parse.GetValue(output), language == "en");
            if (parse.GetValue(all))
            {
                if (given.Length > 0) { Console.Error.WriteLine("error: check: give FILE… or --all, not both"); return 2; }
                return RunAll(IndexOptions.IndexPath(parse, index), filter, to);
            }
            if (given.Length == 0) { Console.Error.WriteLine("error: check: give FILE… to check, or --all to check every indexed report"); return 2; }
            return Run(given, IndexOptions.IndexPath(parse, index), parse.GetValue(index) is { Length: > 0 }, filter, to);
        });
        return cmd;
    }

    /// <summary>Where and how the findings go.</summary>
    private sealed record Output(string Format, string? File, bool English);

    /// <summary>
    /// Every indexed report: its own findings (stored with it at ingest) and the findings across the reports of each
    /// agency, computed now over the whole index.
    /// </summary>
    private static int RunAll(string location, FindingFilter filter, Output to)
    {
        try
        {
            using var index = IndexLocation.OpenRead(location);
            var source = new IndexReportSource(index);
            var records = Findings.OfSource(source);
            var listed = Findings.List(records, filter);
            if (to.Format != "text") return Write(listed, to, 0);
            var sb = new StringBuilder();
            var byRecord = listed.ToLookup(f => f.Record);
            foreach (var r in records)
            {
                // Each report once (its best copy); its other files are listed when they read something differently.
                var copies = source.CopiesOf(r).Where(c => c.Differences.Count > 0).ToList();
                if (byRecord[r].Any()) sb.Append(Render(r, byRecord[r].ToList(), to.English));
                else if (copies.Count > 0) sb.Append(Render(r, [], to.English));
                foreach (var (path, diff) in copies)
                {
                    sb.AppendLine(to.English ? $"  copy {path} reads differently:" : $"  bản sao {path} đọc khác:");
                    foreach (var d in diff) sb.Append("    ").AppendLine(d);
                }
            }
            var shown = listed.Select(f => f.Check).ToList();
            if (source.Files > records.Count)
                sb.Append(source.Files).AppendLine(to.English ? " files indexed: copies of one report (DOCX, PDF, scans) are checked once, as their best copy"
                    : " tệp đã lập chỉ mục: các bản của cùng một báo cáo (DOCX, PDF, bản quét) được kiểm tra một lần, theo bản tốt nhất");
            int Shown(string severity) => shown.Count(c => c.Severity == severity);
            var across = shown.Count(c => c.Rule.StartsWith("reports.", StringComparison.Ordinal));
            var without = records.Count(r => !byRecord[r].Any());
            var hiddenInfo = records.Sum(r => r.Checks.Count(c => c.Severity == Severity.Info));
            sb.AppendLine(to.English
                ? $"{records.Count} reports checked: {Shown(Severity.Error)} error, {Shown(Severity.Warning)} warning, {Shown(Severity.Doubt)} doubt, {Shown(Severity.Info)} info listed " +
                  $"({across} across reports); {without} reports without findings listed" + (filter.Severities.Count == 0 ? $"; {hiddenInfo} info hidden (--severity info)" : "")
                : $"{records.Count} báo cáo đã kiểm tra: {Shown(Severity.Error)} lỗi, {Shown(Severity.Warning)} cảnh báo, {Shown(Severity.Doubt)} nghi vấn, {Shown(Severity.Info)} thông tin được liệt kê " +
                  $"({across} giữa các báo cáo); {without} báo cáo không có phát hiện nào được liệt kê" + (filter.Severities.Count == 0 ? $"; {hiddenInfo} thông tin ẩn (--severity info)" : ""));
            Emit(sb.ToString(), to);
            return ExitCode(listed, 0);
        }
        catch (IndexException e)
        {
            Console.Error.WriteLine($"error: {LogText.Escape(e.Location)}: {LogText.Escape(e.Reason)}");
            return 1;
        }
    }

    private static int Run(string[] files, string indexLocation, bool indexGiven, FindingFilter filter, Output to)
    {
        var (records, failed) = Records(files, indexLocation, indexGiven);
        records = CrossReportChecker.CreateDefault().Apply(records).ToList();
        var listed = Findings.List(records, filter);
        if (to.Format != "text") return Write(listed, to, failed);
        var sb = new StringBuilder();
        foreach (var r in records) sb.Append(Render(r, listed.Where(f => f.Record == r).ToList(), to.English));
        Emit(sb.ToString(), to);
        return ExitCode(listed, failed);
    }

    /// <summary>1 when a file could not be read or an error printed in a report is listed; doubts and warnings alone give 0.</summary>
    private static int ExitCode(IEnumerable<ListedFinding> listed, int failed) =>
        failed > 0 || listed.Any(f => Findings.IsReportError(f.Check)) ? 1 : 0;

    /// <summary>
    /// The record of each file: the one stored in the index when the file is indexed with the same content hash by the
    /// same extractor version (what <c>ingest</c> would skip: extracting it again would give the same record, and a scan
    /// takes half a minute), else extracted now. Said in one line on stderr when any came from the index.
    /// </summary>
    private static (List<ReportRecord> records, int failed) Records(string[] files, string indexLocation, bool indexGiven)
    {
        var stored = new Dictionary<string, ReportRecord>(StringComparer.Ordinal);
        IReadOnlyList<Correction> decisions = [];
        IReportIndex? index = null;
        try
        {
            // The default index is used when it is there; one named with --index must open.
            if (indexGiven || (!IndexLocation.IsUrl(indexLocation) && File.Exists(indexLocation))) index = IndexLocation.OpenRead(indexLocation);
        }
        catch (IndexException e)
        {
            if (indexGiven) Console.Error.WriteLine($"error: {LogText.Escape(e.Location)}: {LogText.Escape(e.Reason)}; every file is extracted");
        }
        using (index)
        {
            if (index is not null)
            {
                // Reviewers' decisions are keyed by content: they apply to a file read now as to its stored record.
                decisions = index.Corrections();
                var version = Extractor.DefaultVersion();
                foreach (var f in files.Distinct(StringComparer.Ordinal))
                {
                    if (!File.Exists(f)) continue;
                    var key = IndexedReport.PathKey(f);
                    var s = index.Find(key);
                    if (s is null || IngestDecision.Decide(Sha256(f), version, s, null) != IngestAction.Unchanged) continue;
                    if (index.Load(key) is { } r) stored[f] = r with { Checks = r.Checks.Where(c => !c.Rule.StartsWith("reports.", StringComparison.Ordinal)).ToList() };
                }
            }
        }
        if (stored.Count > 0)
            Console.Error.WriteLine($"check: {stored.Count} tệp đã có trong chỉ mục, không đổi (cùng mã băm, cùng phiên bản trích xuất): đọc bản ghi đã lưu thay vì trích xuất lại ({LogText.Escape(indexLocation)})");
        var rest = files.Where(f => !stored.ContainsKey(f)).ToList();
        var failed = 0;
        var extracted = rest.Count > 0 ? BatchExtraction.ExtractAll(rest, out failed) : [];
        // In the order given, whichever way each record came.
        var byFile = new Queue<ReportRecord>(extracted);
        var records = new List<ReportRecord>();
        foreach (var f in files)
        {
            if (stored.TryGetValue(f, out var r)) records.Add(r);
            else if (byFile.Count > 0 && rest.Contains(f) && SamePath(byFile.Peek(), f)) records.Add(byFile.Dequeue());
        }
        records.AddRange(byFile);
        if (decisions.Count > 0) records = records.Select(r => ReviewedRecord.Of(r, decisions).Record).ToList();
        return (records, failed);
    }

    private static bool SamePath(ReportRecord r, string f) =>
        string.Equals(IndexedReport.PathKey(r.Source.Path), IndexedReport.PathKey(f), StringComparison.Ordinal);

    private static string Sha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    /// <summary>JSON (the record's "checks" fields), CSV or XLSX (the export writers, Vietnamese headers, tables from 1).</summary>
    private static int Write(List<ListedFinding> listed, Output to, int failed)
    {
        if (to.Format == "json") Emit(RecordJson.SerializeChecks(listed.Select(f => f.Check), shown: to.English) + "\n", to);
        else
        {
            var headers = to.English ? Findings.ColumnsEnglish : Findings.Columns;
            var rows = listed.Select(f => Findings.Cells(f, to.English));
            if (to.File is { } path)
            {
                using var file = File.Create(path);
                RowExport.WriteTable(to.Format, file, "findings", headers, rows);
            }
            else if (to.Format == "csv")
            {
                // CSV is text: through Console.Out, so a caller that redirected it (a test, a host) gets it.
                using var ms = new MemoryStream();
                RowExport.WriteTable(to.Format, ms, "findings", headers, rows);
                Console.Out.Write(Encoding.UTF8.GetString(ms.ToArray()));
                Console.Out.Flush();
            }
            else
            {
                using var stdout = Console.OpenStandardOutput();
                RowExport.WriteTable(to.Format, stdout, "findings", headers, rows);
            }
        }
        return ExitCode(listed, failed);
    }

    private static void Emit(string text, Output to)
    {
        if (to.File is { } path) File.WriteAllText(path, text, new UTF8Encoding(false));
        else Console.Write(text);
    }

    /// <summary>
    /// The findings of one record as text: a count line, then each finding numbered as listed, with its cause; in Vietnamese
    /// (the catalog's labels for rules and columns), or as the record's English messages with <paramref name="english"/>.
    /// </summary>
    public static string Render(ReportRecord r, IReadOnlyList<ListedFinding> listed, bool english = false)
    {
        if (!english) return RenderVietnamese(r, listed);
        var sb = new StringBuilder();
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Doubt, Severity.Info }.Select(s => $"{r.Checks.Count(c => c.Severity == s)} {s}"));
        var hidden = r.Checks.Count - listed.Count;
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Source.Path}: {counts}{(hidden > 0 ? $" ({hidden} not listed)" : "")}");
        foreach (var f in listed)
        {
            var c = f.Check;
            var values = c.Printed is null ? "" : $": printed {Relation.Num(c.Printed.Value)}, expected {Relation.Num(c.Expected!.Value)}, difference {Relation.Num(c.Difference!.Value)}";
            if (c.Proposed is { } p) values += $", proposed {Relation.Num(p)}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  #{f.Number,-4} {c.Severity,-7} {c.Rule,-21} {Findings.Where(c, english: true)}{values}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"        {Findings.CauseLabel(c, english)}: {c.Message}");
            if (c.Severity == Severity.Doubt && Findings.LikelyReading(c, english) is { } likely) sb.AppendLine(CultureInfo.InvariantCulture, $"        {likely}");
            if (c.Related is { } rel) sb.AppendLine(CultureInfo.InvariantCulture, $"        against {rel}");
        }
        return sb.ToString();
    }

    /// <summary>"tệp: 9 lỗi, 1 cảnh báo …", then "#1 lỗi table.formula trang 2, bảng 1, … : in 7, cần có 0, chênh lệch 7" and the message in words.</summary>
    private static string RenderVietnamese(ReportRecord r, IReadOnlyList<ListedFinding> listed)
    {
        var sb = new StringBuilder();
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Doubt, Severity.Info }.Select(s => $"{r.Checks.Count(c => c.Severity == s)} {Findings.SeverityLabel(s)}"));
        var hidden = r.Checks.Count - listed.Count;
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Source.Path}: {counts}{(hidden > 0 ? $" ({hidden} không liệt kê)" : "")}");
        foreach (var f in listed)
        {
            var c = f.Check;
            var values = c.Printed is null ? "" : $": in {Relation.Num(c.Printed.Value)}, cần có {Relation.Num(c.Expected!.Value)}, chênh lệch {Relation.Num(c.Difference!.Value)}";
            if (c.Proposed is { } p) values += $", đề xuất {Relation.Num(p)}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  #{f.Number,-4} {Findings.SeverityLabel(c.Severity),-8} {c.Rule,-21} {Findings.Where(c)}{values}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"        {Findings.CauseLabel(c)}: {Findings.Message(c)}");
            if (c.Related is { } rel) sb.AppendLine(CultureInfo.InvariantCulture, $"        so với {rel}");
        }
        return sb.ToString();
    }
}
