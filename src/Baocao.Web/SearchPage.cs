using System.Globalization;
using System.Text;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;
using Microsoft.AspNetCore.Http;
using static Baocao.Web.Html;

namespace Baocao.Web;

/// <summary>
/// The search page: the query box (diacritics optional), the numeric filter, facets for province, agency, year, period
/// and form (each a link that adds or removes the filter), the results with their highlights, key figures and rows, and
/// the export buttons for the same query. Pure: built from the request's parameters and the index's answer.
/// </summary>
public static class SearchPage
{
    /// <summary>The key figures shown for each report, in this order, when stated.</summary>
    private static readonly string[] KeyFigures = ["received.total", "received.new", "received.online", "resolved.total", "resolved.late", "pending.total"];

    /// <summary>The columns of matching rows.</summary>
    private static readonly string[] RowKeys = ["received.total", "received.online", "resolved.total", "resolved.late", "pending.total"];

    public static string Render(IQueryCollection p, SearchQuery q, SearchResult r)
    {
        var sb = new StringBuilder();
        string V(string name) => A(p[name].LastOrDefault());
        sb.Append(CultureInfo.InvariantCulture, $"""
            <form id="search" class="search" method="get" action="/">
              <input id="q" name="q" type="search" value="{V("q")}" placeholder="Từ khóa, có dấu hoặc không: ly lich tu phap" autofocus>
              <input id="where" name="where" type="text" value="{V("where")}" placeholder="Lọc số: resolved.late>10 and received.total>=100" title="KEY OP NUMBER [and …]; OP: &gt; &gt;= &lt; &lt;= = !=">
            """);
        // The numeric filter built from the catalog's Vietnamese labels: a key, a comparison and a number, added to the typed filter.
        sb.Append("""<span class="where-builder"><select id="wk" name="wk" title="Lọc theo chỉ tiêu"><option value="">Chỉ tiêu…</option>""");
        foreach (var key in CanonicalKeys.Dossier)
            sb.Append(CultureInfo.InvariantCulture, $"""<option value="{A(key)}">{E(Labels.Key(key))}</option>""");
        sb.Append("""</select><select id="wo" name="wo" title="Phép so sánh">""");
        foreach (var op in WebQuery.Comparisons) sb.Append(CultureInfo.InvariantCulture, $"""<option value="{A(op)}">{E(op)}</option>""");
        sb.Append("""</select><input id="wv" name="wv" type="text" inputmode="decimal" size="6" placeholder="số" title="Số (vd. 10)"></span>""");
        // The order: relevance with words, else newest; or a date or a key figure either way.
        var sort = p["sort"].LastOrDefault() ?? "";
        sb.Append("""<select id="sort" name="sort" title="Sắp xếp">""");
        foreach (var (value, label) in new[] { ("", "Phù hợp nhất / mới nhất"), ("date:desc", "Mới nhất"), ("date:asc", "Cũ nhất"), ("resolved.late:desc", "Nhiều hồ sơ quá hạn nhất"),
                     ("received.total:desc", "Nhiều hồ sơ tiếp nhận nhất"), ("pending.late:desc", "Nhiều hồ sơ tồn quá hạn nhất") })
            sb.Append(CultureInfo.InvariantCulture, $"""<option value="{A(value)}"{(value == sort ? " selected" : "")}>{E(label)}</option>""");
        sb.Append("</select>");
        foreach (var name in new[] { "province", "agency", "year", "period", "from", "to", "form" })
            if (!string.IsNullOrWhiteSpace(p[name].LastOrDefault())) sb.Append(CultureInfo.InvariantCulture, $"""<input type="hidden" name="{name}" value="{V(name)}">""");
        sb.Append("""<button id="go" type="submit">Tìm</button></form>""");

        sb.Append("<div class=\"columns\"><aside class=\"facets\" id=\"facets\">");
        if (r.Facets is { } f)
        {
            Facet(sb, p, "province", "Tỉnh", f.Province);
            Facet(sb, p, "agency", "Cơ quan", f.Agency);
            Facet(sb, p, "field", "Lĩnh vực", f.Field);
            Facet(sb, p, "year", "Năm", f.Year);
            PeriodFacet(sb, p, f);
            Facet(sb, p, "form", "Biểu mẫu", f.Form);
            Facet(sb, p, "errors", "Có lỗi số liệu", f.Errors);
            Facet(sb, p, "review", "Cần xem lại", f.Review);
        }
        sb.Append("</aside><section class=\"results\">");
        var qs = WebQuery.QueryString(p, ("limit", null));
        sb.Append(CultureInfo.InvariantCulture, $"""
            <div class="summary"><span><span id="total">{r.TotalDocuments}</span> báo cáo, <span id="total-rows">{r.TotalRows}</span> dòng bảng</span>
            <span class="exports" title="Các dòng mục (không gồm dòng tổng, nhóm, tỷ lệ): cộng một cột không tính trùng">Xuất kết quả:
              <a id="export-csv" class="button" href="/api/export?{A(Join(qs, "format=csv"))}" download>CSV</a>
              <a id="export-xlsx" class="button" href="/api/export?{A(Join(qs, "format=xlsx"))}" download>XLSX</a>
              <a id="export-xlsx-all" class="button" href="/api/export?{A(Join(qs, "format=xlsx&rows=all"))}" download title="Cả dòng nhóm, tổng cộng và tỷ lệ % (cột tỷ lệ riêng)">XLSX, mọi dòng</a></span></div>
            """);
        if (r.Suggestion is { } suggestion)
            sb.Append(r.Corrected
                ? $"""<p class="suggestion" id="suggestion">Không có báo cáo nào chứa «{E(q.Text)}»; kết quả cho «<a href="/?{A(WebQuery.QueryString(p, ("q", suggestion)))}">{E(suggestion)}</a>».</p>"""
                : $"""<p class="suggestion" id="suggestion">Có phải bạn muốn tìm «<a href="/?{A(WebQuery.QueryString(p, ("q", suggestion)))}">{E(suggestion)}</a>»?</p>""");
        if (r.TotalDocuments == 0 && r.Suggestion is null) Empty(sb, p);
        foreach (var d in r.Documents) Result(sb, d, q);
        // Pages through every result: the previous and next pages keep the query, the order and the page size.
        if (r.Offset > 0 || r.NextOffset is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<p class="more pages">Báo cáo {r.Offset + 1}–{r.Offset + r.Documents.Count} / {r.TotalDocuments} """);
            if (r.Offset > 0)
                sb.Append(CultureInfo.InvariantCulture, $"""<a id="prev" href="/?{A(WebQuery.QueryString(p, ("offset", Math.Max(0, r.Offset - q.Limit) is var po and > 0 ? po.ToString(CultureInfo.InvariantCulture) : null)))}">← Trang trước</a> """);
            if (r.NextOffset is { } next)
                sb.Append(CultureInfo.InvariantCulture, $"""<a id="more" href="/?{A(WebQuery.QueryString(p, ("offset", next.ToString(CultureInfo.InvariantCulture))))}">Trang sau → ({r.TotalDocuments - next} báo cáo nữa)</a>""");
            sb.Append("</p>");
        }
        sb.Append("</section></div>");
        return Html.Page(string.IsNullOrWhiteSpace(q.Text) ? "Tìm kiếm" : q.Text, sb.ToString());
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "&" + b;

    private static readonly (string Name, string Label)[] Conditions =
        [("q", "từ khóa"), ("where", "điều kiện số"), ("province", "tỉnh"), ("agency", "cơ quan"), ("year", "năm"), ("period", "kỳ"),
         ("from", "từ ngày"), ("to", "đến ngày"), ("form", "biểu mẫu"), ("field", "lĩnh vực"), ("errors", "có lỗi số liệu"), ("review", "cần xem lại")];

    /// <summary>
    /// An empty result says what to change (issue 18 item 5: it was a blank page): one link per condition that drops it,
    /// keeping the others, and one that drops them all; with no condition at all the index is empty, and says how to fill it.
    /// </summary>
    private static void Empty(StringBuilder sb, IQueryCollection p)
    {
        var active = Conditions.Where(c => !string.IsNullOrWhiteSpace(p[c.Name].LastOrDefault())).ToList();
        if (active.Count == 0)
        {
            sb.Append("""<div class="empty" id="empty"><p>Chỉ mục chưa có báo cáo nào: nạp một thư mục bằng <code>./baocao ingest THƯ_MỤC</code>.</p></div>""");
            return;
        }
        sb.Append("""<div class="empty" id="empty"><p>Không có báo cáo nào khớp mọi điều kiện. Thử bỏ một điều kiện:</p><ul>""");
        foreach (var (name, label) in active)
            sb.Append(CultureInfo.InvariantCulture, $"""<li><a href="/?{A(WebQuery.QueryString(p, (name, null)))}">bỏ {E(label)} «{E(p[name].LastOrDefault()!.Trim())}»</a></li>""");
        if (active.Count > 1) sb.Append("""<li><a href="/">bỏ mọi điều kiện</a></li>""");
        sb.Append("</ul><p class=\"note\">Từ khóa tìm cả khi gõ không dấu («ly lich tu phap»); các từ liền nhau được tìm như một cụm: bớt từ sẽ rộng hơn.</p></div>");
    }

    /// <summary>Values shown per facet; the rest are in a fold that opens in place (no reload, the page keeps its scroll).</summary>
    public const int FacetsShown = 12;

    /// <param name="filters">Whether a value is a link adding it as a filter.</param>
    private static void Facet(StringBuilder sb, IQueryCollection p, string name, string title, IReadOnlyList<FacetCount> values, bool filters = true)
    {
        var current = filters ? p[name].LastOrDefault() : null;
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"facet\" data-facet=\"{name}\"><h3>{E(title)}</h3><ul>");
        if (!string.IsNullOrWhiteSpace(current))
            sb.Append(CultureInfo.InvariantCulture, $"""<li class="active"><a href="/?{A(WebQuery.QueryString(p, (name, null)))}" title="Bỏ lọc">✕ {E(Label(name, current))}</a></li>""");
        var shown = values.Where(v => v.Value != current).ToList();
        void Item(FacetCount v)
        {
            if (filters)
                sb.Append(CultureInfo.InvariantCulture, $"""<li><a href="/?{A(WebQuery.QueryString(p, (name, v.Value)))}">{E(Label(name, v.Value))}</a> <span class="count">{v.Count}</span></li>""");
            else sb.Append(CultureInfo.InvariantCulture, $"""<li>{E(Label(name, v.Value))} <span class="count">{v.Count}</span></li>""");
        }
        foreach (var v in shown.Take(FacetsShown)) Item(v);
        sb.Append("</ul>");
        if (shown.Count > FacetsShown)
        {
            // Open from the start when the address asks for it (more=NAME, as the earlier "see all" links did).
            sb.Append(CultureInfo.InvariantCulture, $"""<details class="more-values"{(p["more"].Contains(name) ? " open" : "")}><summary>… {shown.Count - FacetsShown} nữa</summary><ul>""");
            foreach (var v in shown.Skip(FacetsShown)) Item(v);
            sb.Append("</ul></details>");
        }
        sb.Append("</div>");
    }

    private static string Label(string facet, string value) => facet is "errors" or "review" ? value switch { "yes" => "Có", "no" => "Không", _ => value } : value;

    /// <summary>
    /// The period facet as a drill-down: years, then a year's halves, a half's quarters, a quarter's months (each with the
    /// number of matching reports within it, as --period nests), with a link back up.
    /// </summary>
    private static void PeriodFacet(StringBuilder sb, IQueryCollection p, Facets f)
    {
        var currentText = p["period"].LastOrDefault();
        var current = string.IsNullOrWhiteSpace(currentText) ? null : PeriodFilter.TryParse(currentText);
        sb.Append("<div class=\"facet\" data-facet=\"period\"><h3>Kỳ báo cáo</h3><ul>");
        if (current is null)
            foreach (var y in f.Year.OrderByDescending(y => y.Value, StringComparer.Ordinal).Take(12))
                sb.Append(CultureInfo.InvariantCulture, $"""<li><a href="/?{A(WebQuery.QueryString(p, ("period", y.Value), ("year", null)))}">{E(y.Value)}</a> <span class="count">{y.Count}</span></li>""");
        else
        {
            var up = current.Parent();
            sb.Append(CultureInfo.InvariantCulture, $"""<li class="active"><a href="/?{A(WebQuery.QueryString(p, ("period", up?.ToString())))}" title="{(up is null ? "Bỏ lọc" : "Lên " + up)}">{(up is null ? "✕" : "↑")} {E(current.ToString())}</a></li>""");
            foreach (var child in current.Children())
                if (child.CountIn(f.Periods) is var n and > 0)
                    sb.Append(CultureInfo.InvariantCulture, $"""<li class="child"><a href="/?{A(WebQuery.QueryString(p, ("period", child.ToString())))}">{E(PeriodName(child))}</a> <span class="count">{n}</span></li>""");
        }
        sb.Append("</ul></div>");
    }

    /// <summary>A period as a Vietnamese reader names it: "6 tháng đầu năm 2022", "Quý II/2022", "Tháng 5/2022".</summary>
    private static string PeriodName(PeriodFilter x) => PeriodText.Name(x.Year, x.Quarter, x.Month, x.Half);

    private static void Result(StringBuilder sb, DocumentHit d, SearchQuery q)
    {
        sb.Append(CultureInfo.InvariantCulture, $"""<article class="result" data-id="{d.Id}"><h2><a class="doc-link" href="/documents/{d.Id}">{E(d.Title ?? d.FileName)}</a></h2>""");
        var meta = new[] { d.Agency, d.Province, d.Number is null ? null : "Số " + d.Number, d.Date, d.Period is null ? null : PeriodText.FromLabel(d.Period), string.Join(", ", d.Forms) }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(E);
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="meta"><span class="file">{E(d.FileName)}</span> · {string.Join(" · ", meta)}</p>""");
        // One report, several files: the best copy is the result, the others are linked (each page shows its own reading).
        if (d.Copies.Count > 0)
        {
            var links = d.Copies.Select(c => "<a href=\"/documents/" + c.Id.ToString(CultureInfo.InvariantCulture) + "\">" + E(c.FileName) + "</a> (" + E(Output.SearchResultText.CopyKind(c)) + ")");
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"copies\">{d.Copies.Count + 1} tệp của cùng báo cáo; bản khác: {string.Join(", ", links)}</p>");
        }
        foreach (var h in d.Highlights) sb.Append(CultureInfo.InvariantCulture, $"""<p class="highlight">{Marked(h.Text)}</p>""");
        var figures = KeyFigures.Select(k => d.Figures.FirstOrDefault(f => f.Key == k && f.Scope is null)).OfType<FigureHit>().ToList();
        if (figures.Count > 0)
            sb.Append("<dl class=\"figures\">" + string.Concat(figures.Select(f => $"<div><dt title=\"{A(f.Key)}\">{E(Labels.Key(f.Key))}</dt><dd>{Num(f.Value)}</dd></div>")) + "</dl>");
        if (d.Rows.Count > 0)
        {
            sb.Append("<table class=\"rows\"><thead><tr><th>Biểu</th><th>STT</th><th>Dòng</th>");
            foreach (var k in RowKeys) sb.Append(CultureInfo.InvariantCulture, $"<th data-key=\"{A(k)}\" title=\"{A(k)}\">{E(Labels.Key(k))}</th>");
            sb.Append("</tr></thead><tbody>");
            foreach (var row in d.Rows)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(row.Form)}</td><td>{E(row.Stt)}</td><td><a href="/documents/{d.Id}#t{row.Table}-r{row.Row}">{Marked(row.Highlight ?? row.Label)}</a></td>""");
                foreach (var k in RowKeys) sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Num(row.Values.GetValueOrDefault(k))}</td>");
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table>");
            if (d.MatchedRows > d.Rows.Count) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"count\">… {d.MatchedRows - d.Rows.Count} dòng khác</p>");
        }
        sb.Append("</article>");
    }
}
