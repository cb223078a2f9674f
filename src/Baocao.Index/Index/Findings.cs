using System.Globalization;
using Baocao.Checks;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Index;

/// <summary>
/// Which findings to list (<c>check --all</c>, <c>GET /api/checks</c>, the checks page): by severity, cause, rule,
/// agency and period. Empty criteria let everything through, except info findings: they note a relation that holds
/// (difference 0: "Số mới tiếp nhận" states the total with the carried-over dossiers), so they are listed only when
/// asked for by severity. Pure.
/// </summary>
public sealed record FindingFilter(
    IReadOnlyList<string> Severities, IReadOnlyList<string> Causes, IReadOnlyList<string> Rules, string? Agency, PeriodFilter? Period)
{
    public static readonly FindingFilter None = new([], [], [], null, null);

    public static readonly IReadOnlyList<string> SeverityNames = [Severity.Error, Severity.Warning, Severity.Doubt, Severity.Info];
    public static readonly IReadOnlyList<string> CauseNames = [Cause.Report, Cause.Reading];

    /// <summary>
    /// Parses the criteria as typed: comma-separated lists of severities, causes and rules (a rule by its name,
    /// "table.formula", or its family, "table" / "prose" / "reports" / "ocr"); an agency as words (diacritics optional);
    /// a period as search takes it (2021, 2021-Q3, 2021-H1, 2021-05). A bad value throws <see cref="QueryException"/>
    /// with the accepted values.
    /// </summary>
    public static FindingFilter Parse(string? severity, string? cause, string? rule, string? agency, string? period)
    {
        var severities = List(severity);
        if (severities.FirstOrDefault(s => !SeverityNames.Contains(s)) is { } badS)
            throw new QueryException($"severity '{badS}' is not one of {string.Join(", ", SeverityNames)}");
        var causes = List(cause);
        if (causes.FirstOrDefault(c => !CauseNames.Contains(c)) is { } badC)
            throw new QueryException($"cause '{badC}' is not one of {string.Join(", ", CauseNames)} (report: an error printed in the report; reading: a doubt about how it was read)");
        var rules = List(rule);
        if (rules.FirstOrDefault(r => !KnownRule(r)) is { } badR)
            throw new QueryException($"rule '{badR}' is not a check rule: use a name ({string.Join(", ", RuleNames)}) or a family (table, prose, reports, ocr)");
        return new FindingFilter(severities, causes, rules, string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(),
            string.IsNullOrWhiteSpace(period) ? null : PeriodFilter.Parse(period));
    }

    /// <summary>Every rule name of the checks stage (<see cref="CheckRule"/>).</summary>
    public static readonly IReadOnlyList<string> RuleNames = typeof(CheckRule).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

    private static bool KnownRule(string r) => RuleNames.Contains(r) || RuleNames.Any(n => n.StartsWith(r + ".", StringComparison.Ordinal));

    private static List<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct().ToList();

    public bool IsEmpty => Severities.Count == 0 && Causes.Count == 0 && Rules.Count == 0 && Agency is null && Period is null;

    /// <summary>Whether a finding of a report passes.</summary>
    public bool Matches(ReportRecord r, Check c)
    {
        if (Severities.Count > 0 ? !Severities.Contains(c.Severity) : c.Severity == Severity.Info) return false;
        if (Causes.Count > 0 && (c.Cause is null || !Causes.Contains(c.Cause))) return false;
        if (Rules.Count > 0 && !Rules.Any(x => c.Rule == x || c.Rule.StartsWith(x + ".", StringComparison.Ordinal))) return false;
        if (Agency is { } a && !AgencyMatches(r.Header, a)) return false;
        if (Period is { } p && !(r.Header.Period is { } rp && p.Contains(IndexedReport.YearOf(r.Header), rp.Quarter, rp.Month, rp.Half))) return false;
        return true;
    }

    /// <summary>Every folded word of the filter in the agency as printed, its parent, or its name on the canonical list.</summary>
    private static bool AgencyMatches(ReportHeader h, string agency)
    {
        var hay = VietText.Fold(string.Join(" | ", new[] { h.Agency, h.ParentAgency, h.CanonicalAgency, h.AgencyKey }.Where(s => s is not null)));
        return VietText.Fold(agency).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => hay.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The criteria as a query string (for links and export buttons of the checks page).</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (Severities.Count > 0) parts.Add("severity=" + Uri.EscapeDataString(string.Join(',', Severities)));
        if (Causes.Count > 0) parts.Add("cause=" + Uri.EscapeDataString(string.Join(',', Causes)));
        if (Rules.Count > 0) parts.Add("rule=" + Uri.EscapeDataString(string.Join(',', Rules)));
        if (Agency is not null) parts.Add("agency=" + Uri.EscapeDataString(Agency));
        if (Period is not null) parts.Add("period=" + Uri.EscapeDataString(Period.ToString()));
        return string.Join('&', parts);
    }
}

/// <summary>One listed finding: its number in the listing (from 1) and the report it belongs to.</summary>
public sealed record ListedFinding(int Number, ReportRecord Record, Check Check);

/// <summary>
/// The findings of a set of reports as people read them: numbered from 1, tables numbered from 1 (as <c>extract</c>
/// prints them; the record keeps its 0-based index), each with what it blames in words. Pure.
/// </summary>
public static class Findings
{
    /// <summary>
    /// Every indexed report with its stored findings and those across the reports of its agency (computed now over the
    /// whole index), in path order.
    /// </summary>
    public static List<ReportRecord> OfIndex(IReportIndex index) => OfSource(new IndexReportSource(index));

    /// <summary>As <see cref="OfIndex"/>, over a source the caller keeps (to list each report's other copies).</summary>
    public static List<ReportRecord> OfSource(IndexReportSource source)
    {
        var across = CrossReportChecker.CreateDefault().Check(source).ToLookup(c => c.File);
        return source.All().Select(r => across[r.Source.Path].Any() ? r with { Checks = [.. r.Checks, .. across[r.Source.Path]] } : r).ToList();
    }

    /// <summary>The findings of the records that pass the filter, numbered from 1 in the records' order.</summary>
    public static List<ListedFinding> List(IEnumerable<ReportRecord> records, FindingFilter filter)
    {
        var list = new List<ListedFinding>();
        foreach (var r in records)
            foreach (var c in r.Checks)
                if (filter.Matches(r, c)) list.Add(new ListedFinding(list.Count + 1, r, c));
        return list;
    }

    /// <summary>An error printed in the report (severity error, cause report): what makes <c>check</c> exit with 1.</summary>
    public static bool IsReportError(Check c) => c.Severity == Severity.Error && c.Cause != Cause.Reading;

    /// <summary>The table as people number it (from 1); null for a finding about the prose or another report.</summary>
    public static int? TableNumber(Check c) => c.Table + 1;

    /// <summary>What a finding blames, in words (Vietnamese; English with <paramref name="english"/>).</summary>
    public static string CauseLabel(Check c, bool english = false) => (c.Cause, c.Severity) switch
    {
        (Cause.Reading, _) => english ? "reading doubt" : "nghi vấn do đọc (OCR, cách nhóm số)",
        (Cause.Report, _) => english ? "error printed in the report" : "lỗi trong báo cáo",
        (_, Severity.Info) => english ? "note" : "ghi chú",
        _ => english ? "error printed in the report" : "lỗi trong báo cáo",
    };

    /// <summary>The severity in words (Vietnamese; English with <paramref name="english"/>).</summary>
    public static string SeverityLabel(string severity, bool english = false) => english ? severity : severity switch
    {
        Severity.Error => "lỗi",
        Severity.Warning => "cảnh báo",
        Severity.Doubt => "nghi vấn",
        Severity.Info => "thông tin",
        _ => severity,
    };

    /// <summary>
    /// For a doubt: the reading the arithmetic points to ("có lẽ đọc đúng là 181.220"), null when it points to none.
    /// The value as read is never replaced: this is shown beside it.
    /// </summary>
    public static string? LikelyReading(Check c, bool english = false) =>
        c.Proposed is { } p ? (english ? $"likely reading: {Num(p)}" : $"có lẽ đọc đúng là {Num(p)}") : null;

    /// <summary>
    /// "trang 3, bảng 1, dòng «Tổng cộng», cột Đã giải quyết – Trước hạn (7)": the table numbered from 1, the column by its
    /// catalog label; English ("p.3, table 1, row «Tổng cộng», column resolved.early (7)") with <paramref name="english"/>.
    /// </summary>
    public static string Where(Check c, bool english = false) => CheckText.Where(c, english);

    /// <summary>The finding's message in words: Vietnamese from its fields and the catalog's labels, or the record's English one.</summary>
    public static string Message(Check c, bool english = false) => CheckText.Message(c, english);

    private static string Num(decimal v) => Relation.Num(v);

    /// <summary>The columns of a findings export, Vietnamese (the record's field names in the JSON form).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "stt", "tệp", "cơ quan", "kỳ báo cáo", "quy tắc", "mức độ", "nguyên nhân", "trang", "bảng", "dòng", "cột", "số cột",
        "giá trị in", "giá trị cần có", "chênh lệch", "có lẽ đọc đúng là", "quan hệ", "nội dung", "so với",
    ];

    /// <summary>The same columns in English (<c>check --lang en</c>).</summary>
    public static readonly IReadOnlyList<string> ColumnsEnglish =
    [
        "number", "file", "agency", "period", "rule", "severity", "cause", "page", "table", "row", "column", "columnNumber",
        "printed", "expected", "difference", "likelyReading", "relation", "message", "related",
    ];

    /// <summary>One export line: figures as numbers, everything else as text.</summary>
    public static IReadOnlyList<object?> Cells(ListedFinding f) => Cells(f, english: false);

    /// <summary>One export line, its words in English with <paramref name="english"/>.</summary>
    public static IReadOnlyList<object?> Cells(ListedFinding f, bool english)
    {
        var c = f.Check;
        var h = f.Record.Header;
        return
        [
            f.Number, c.File ?? f.Record.Source.Path, h.CanonicalAgency ?? h.Agency, english ? IndexedReport.PeriodLabelOf(h.Period) : PeriodText.Name(h.Period), c.Rule,
            SeverityLabel(c.Severity, english), CauseLabel(c, english), c.Page, TableNumber(c), c.Row, c.Column, c.ColumnNumber,
            c.Printed, c.Expected, c.Difference, c.Proposed, c.Relation, Message(c, english), c.Related,
        ];
    }
}
