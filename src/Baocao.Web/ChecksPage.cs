using System.Globalization;
using System.Text;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;
using Microsoft.AspNetCore.Http;
using static Baocao.Web.Html;

namespace Baocao.Web;

/// <summary>
/// The checks page (<c>/checks</c>): every finding of the index (each report's own and those across reports), filtered
/// by severity, cause, rule, agency and period as <c>check --all</c> filters them, numbered from 1, each saying whether it
/// is an error printed in the report or a doubt about a reading (with the likely reading), linked to its document;
/// export buttons for the same selection; and the review queue. Pure.
/// </summary>
public static class ChecksPage
{
    /// <summary>The filter a request names (the same parameters as the API); a bad value throws <see cref="QueryException"/>.</summary>
    public static FindingFilter Filter(IQueryCollection p) =>
        FindingFilter.Parse(p["severity"].LastOrDefault(), p["cause"].LastOrDefault(), p["rule"].LastOrDefault(), p["agency"].LastOrDefault(), p["period"].LastOrDefault());

    public static string Render(IQueryCollection p, FindingFilter filter, IReadOnlyList<ListedFinding> listed, int reports,
        Func<string, long?> idOf, IReadOnlyList<ReviewNote> queue)
    {
        string V(string name) => A(p[name].LastOrDefault());
        string Opt(string name, string value, string label) =>
            $"<option value=\"{A(value)}\"{(p[name].LastOrDefault() == value ? " selected" : "")}>{E(label)}</option>";
        var sb = new StringBuilder();
        var query = filter.ToQuery();
        var amp = query.Length > 0 ? "&" + query : "";
        sb.Append(CultureInfo.InvariantCulture, $"""
            <h1>Kiểm tra số liệu</h1>
            <form id="check-filters" class="search" method="get" action="/checks">
              <select name="severity">{Opt("severity", "", "Mọi mức độ (trừ thông tin)")}{Opt("severity", "error", "Lỗi")}{Opt("severity", "warning", "Cảnh báo")}{Opt("severity", "doubt", "Nghi vấn")}{Opt("severity", "info", "Thông tin")}</select>
              <select name="cause">{Opt("cause", "", "Mọi nguyên nhân")}{Opt("cause", "report", "Lỗi trong báo cáo")}{Opt("cause", "reading", "Nghi vấn do đọc")}</select>
              <input name="rule" type="text" value="{V("rule")}" placeholder="Quy tắc: table.formula, prose">
              <input name="agency" type="text" value="{V("agency")}" placeholder="Cơ quan: so tu phap">
              <input name="period" type="text" value="{V("period")}" placeholder="Kỳ: 2022-Q1" size="8">
              <button type="submit">Lọc</button>
            </form>
            <div class="summary"><span id="check-count">{listed.Count} phát hiện trong {reports} báo cáo: {listed.Count(f => Findings.IsReportError(f.Check))} lỗi trong báo cáo, {listed.Count(f => f.Check.Cause == Checks.Cause.Reading)} nghi vấn do đọc</span>
            <span class="exports">Tải về: <a class="button" href="{A("/api/checks?format=csv" + amp)}">CSV</a><a class="button" href="{A("/api/checks?format=xlsx" + amp)}">XLSX</a><a class="button" href="{A("/api/checks?format=json" + amp)}">JSON</a></span></div>
            """);
        if (listed.Count == 0)
            sb.Append("<p class=\"note\" id=\"no-findings\">Không có phát hiện nào khớp bộ lọc. Bỏ bớt điều kiện, hoặc chọn mức độ “Thông tin” để xem các ghi chú.</p>");
        else
        {
            sb.Append("<div class=\"scroll\"><table class=\"data findings\" id=\"findings\"><thead><tr><th>#</th><th>Báo cáo</th><th>Kỳ</th><th>Mức độ</th><th>Nguyên nhân</th><th>Quy tắc</th><th>Vị trí</th><th>Giá trị in</th><th>Cần có</th><th>Chênh lệch</th><th>Có lẽ đọc đúng là</th><th>Nội dung</th></tr></thead><tbody>");
            foreach (var f in listed)
            {
                var c = f.Check;
                var file = Path.GetFileName(c.File ?? f.Record.Source.Path);
                var id = idOf(f.Record.Source.Path);
                // The link opens the document at the finding's cell (outlined on its page) when it names one.
                var anchor = DocumentPage.Place(f.Record, c)?.Anchor ?? "checks";
                var doc = id is { } d ? $"<a class=\"doc-link\" href=\"/documents/{d}#{A(anchor)}\">{E(file)}</a>" : E(file);
                sb.Append(CultureInfo.InvariantCulture, $"""<tr class="check {A(c.Severity)}" data-cause="{A(c.Cause)}" data-rule="{A(c.Rule)}"><td class="num">{f.Number}</td><td>{doc}<br><small>{E(f.Record.Header.CanonicalAgency ?? f.Record.Header.Agency)}</small></td><td>{E(PeriodText.Name(f.Record.Header.Period))}</td><td>{E(Findings.SeverityLabel(c.Severity))}</td><td class="cause">{E(Findings.CauseLabel(c))}</td><td title="{A(c.Rule)}">{E(Labels.Rule(c.Rule))}</td><td>{E(Findings.Where(c))}</td><td class="num">{Num(c.Printed)}</td><td class="num">{Num(c.Expected)}</td><td class="num">{Num(c.Difference)}</td><td class="num proposed">{Num(c.Proposed)}</td><td>{E(Findings.Message(c))}{Related(c.Related, idOf)}</td></tr>""");
            }
            sb.Append("</tbody></table></div>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"review\">Hàng đợi rà soát ({queue.Count} báo cáo)</h2>");
        if (queue.Count == 0) sb.Append("<p class=\"note\">Không có báo cáo nào cần rà soát.</p>");
        else
        {
            sb.Append("<table class=\"data\" id=\"review-queue\"><thead><tr><th>Báo cáo</th><th>Lý do</th></tr></thead><tbody>");
            foreach (var n in queue)
            {
                var id = idOf(n.Path);
                var name = E(Path.GetFileName(n.Path));
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{(id is { } d ? $"<a href=\"/documents/{d}\">{name}</a> · <a class=\"review-link\" href=\"/review/{d}\">duyệt</a>" : name)}</td><td>{E(string.Join("; ", n.Reasons()))}</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        return Page("Kiểm tra số liệu", sb.ToString());
    }

    /// <summary>The reports a cross-report finding compared, each linked to its document, with its period's days.</summary>
    private static string Related(string? related, Func<string, long?> idOf)
    {
        var reports = Checks.CrossReportChecker.RelatedReports(related);
        if (reports.Count == 0) return related is null ? "" : $"<br><small>so với {E(related)}</small>";
        var links = reports.Select(x =>
        {
            var name = E(Path.GetFileName(x.Path));
            var days = $" ({PeriodText.Date(x.From)} – {PeriodText.Date(x.To)})";
            return (idOf(x.Path) is { } d ? $"<a class=\"related\" href=\"/documents/{d}\">{name}</a>" : name) + E(days);
        });
        return "<br><small>so với " + string.Join("; ", links) + "</small>";
    }
}
