using System.Globalization;
using System.Text;
using Baocao.Index;
using Baocao.Reports;
using static Baocao.Web.Html;

namespace Baocao.Web;

/// <summary>One agency's figures for one period: received, resolved and late dossiers, from its report's totals row.</summary>
public sealed record PeriodFigures(string Period, decimal? Received, decimal? Resolved, decimal? Late);

/// <summary>
/// One agency (in its province) over its periods of one kind (<see cref="PeriodText.KindOfLabel"/>: quarters with
/// quarters, years with years), so that a year's total never shares an axis with its quarters and dwarfs them.
/// </summary>
public sealed record AgencySeries(string Agency, string? Province, IReadOnlyList<PeriodFigures> Periods, string? Kind = null)
{
    /// <summary>Late over resolved dossiers, in %, one decimal; null when either is missing or nothing was resolved.</summary>
    public static decimal? LateRate(PeriodFigures p) =>
        p is { Late: { } l, Resolved: { } r } && r > 0 ? Math.Round(100 * l / r, 1) : null;
}

/// <summary>A province's share of online dossiers: online over online + direct (or over the new dossiers), summed over its reports.</summary>
public sealed record OnlineShare(string Province, decimal Online, decimal Base, int Reports)
{
    public decimal Percent => Base == 0 ? 0 : Math.Round(100 * Online / Base, 1);
}

/// <summary>What the charts show, gathered from the rows a query exports, and how many reports that took.</summary>
public sealed record ChartData(IReadOnlyList<AgencySeries> Agencies, IReadOnlyList<OnlineShare> Provinces, int Reports, bool Truncated);

/// <summary>
/// The chart data, from each report's totals row (the first totals row of its tables that states the figure; a report's
/// DOCX and PDF copies are one report, and an agency's period counts once). Pure: rows in, figures out.
/// </summary>
public static class ChartFigures
{
    public static ChartData From(IEnumerable<ExportRow> rows, int maxReports)
    {
        var reports = new List<List<ExportRow>>();
        var truncated = false;
        foreach (var row in rows)
        {
            if (reports.Count == 0 || reports[^1][0].Path != row.Path)
            {
                if (reports.Count == maxReports) { truncated = true; break; }
                reports.Add([]);
            }
            reports[^1].Add(row);
        }
        static decimal? First(List<ExportRow> rs, string key) =>
            rs.Where(r => r.Kind == "total").Select(r => r.Values.GetValueOrDefault(key)).FirstOrDefault(v => v is not null);

        // Kinds in the order a reader expects them: the year's chart before its halves, quarters and months.
        static int KindRank(string? kind) => kind switch { "year" => 0, "half" => 1, "quarter" => 2, "month" => 3, _ => 4 };
        var agencies = reports
            .Where(rs => rs[0].Agency is not null && rs[0].Period is not null)
            .GroupBy(rs => (agency: rs[0].Agency!, province: rs[0].Province, kind: PeriodText.KindOfLabel(rs[0].Period!)))
            .Select(g => new AgencySeries(g.Key.agency, g.Key.province, g
                .GroupBy(rs => rs[0].Period!)
                .Select(p => p.Select(rs => new PeriodFigures(p.Key, First(rs, "received.total"), First(rs, "resolved.total"), First(rs, "resolved.late")))
                    .FirstOrDefault(f => f.Received is not null || f.Resolved is not null))
                .OfType<PeriodFigures>()
                .OrderBy(f => f.Period, StringComparer.Ordinal).ToList(), g.Key.kind))
            .Where(s => s.Periods.Count > 0)
            .OrderByDescending(s => s.Periods.Count).ThenBy(s => s.Agency, StringComparer.Ordinal)
            .ThenBy(s => s.Province, StringComparer.Ordinal).ThenBy(s => KindRank(s.Kind)).ToList();

        var provinces = new Dictionary<string, (decimal online, decimal @base, int n, HashSet<string> seen)>();
        foreach (var rs in reports)
        {
            if (rs[0].Province is not { } prov) continue;
            var total = rs.FirstOrDefault(r => r.Kind == "total" && r.Values.GetValueOrDefault("received.online") is not null);
            if (total is null) continue;
            var online = total.Values["received.online"]!.Value;
            var direct = total.Values.GetValueOrDefault("received.direct");
            var @base = direct is { } d ? online + d : total.Values.GetValueOrDefault("received.new");
            if (@base is not { } b || b <= 0) continue;
            // One report filed as DOCX and PDF is counted once: the same agency, number and period.
            var identity = $"{rs[0].Agency}|{rs[0].Number}|{rs[0].Period}|{rs[0].Title}";
            var acc = provinces.TryGetValue(prov, out var a) ? a : (online: 0m, @base: 0m, n: 0, seen: new HashSet<string>());
            if (!acc.seen.Add(identity)) continue;
            provinces[prov] = (acc.online + online, acc.@base + b, acc.n + 1, acc.seen);
        }
        var shares = provinces.Select(p => new OnlineShare(p.Key, p.Value.online, p.Value.@base, p.Value.n))
            .OrderByDescending(s => s.Percent).ThenBy(s => s.Province, StringComparer.Ordinal).ToList();
        return new ChartData(agencies, shares, reports.Count, truncated);
    }
}

/// <summary>
/// Charts as inline SVG, drawn here (no chart library or external service: the pages work offline). Every label is
/// encoded; each bar carries a &lt;title&gt; with its exact value. Colours and fonts are presentation attributes, not
/// a style sheet, so a chart saved alone (SVG or PNG) looks as it does on the page, and the page's content policy (no
/// inline styles) holds. Pure.
/// </summary>
public static class SvgCharts
{
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public const string ReceivedColor = "#4c78a8", ResolvedColor = "#54a24b", LateColor = "#e45756", RateColor = "#7b3f98";
    private const string Font = "font-family=\"sans-serif\" font-size=\"11\" fill=\"#555\"";

    /// <summary>A bar of a value above zero is never thinner than this (pixels): late dossiers beside thousands received stay visible; its title holds the exact value.</summary>
    public const double MinBarHeight = 2;

    /// <summary>
    /// An axis from 0 to a round top with a round step (1, 2 or 5 times a power of ten), at most about
    /// <paramref name="ticks"/> steps; whole steps for counts, so that an axis never reads "2, 2, 1, 0, 0".
    /// </summary>
    public static (decimal Top, decimal Step) NiceScale(decimal max, int ticks = 4, bool whole = true)
    {
        if (max <= 0) return (1, 1);
        var raw = (double)max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(c => c >= raw * (1 - 1e-12)));
        step = Math.Round(step, 10);
        if (whole) step = Math.Max(1, Math.Round(step));
        return (Math.Ceiling(max / step) * step, step);
    }

    /// <summary>
    /// Grouped bars per period (received, resolved, late) on one scale from zero, and the late rate (late over
    /// resolved, %) as a line on its own axis at the right.
    /// </summary>
    public static string AgencyPeriods(AgencySeries s)
    {
        const int left = 60, top = 30, height = 220, groupGap = 18, bar = 16, right = 56;
        var n = s.Periods.Count;
        var plotRight = left + n * (3 * bar + groupGap) + 10;
        var width = Math.Max(plotRight + right, 560);
        plotRight = width - right;
        var max = s.Periods.SelectMany(p => new[] { p.Received, p.Resolved, p.Late }).Max(v => v ?? 0);
        var (axisTop, step) = NiceScale(max);
        var scale = height / (double)axisTop;
        var rates = s.Periods.Select(AgencySeries.LateRate).ToList();
        var (rateTop, rateStep) = NiceScale(rates.Max(r => r ?? 0), whole: false);
        var rateScale = height / (double)rateTop;
        var kind = s.Kind is null ? "" : " — theo " + PeriodText.Kind(s.Kind);
        var title = s.Agency + (s.Province is null ? "" : " — " + s.Province) + kind;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg class="chart agency-chart" data-kind="{A(s.Kind)}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + height + 60}" viewBox="0 0 {width} {top + height + 60}" role="img" aria-label="{A(title)}">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect class="background" x="0" y="0" width="{width}" height="{top + height + 60}" fill="#fff"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="16" class="chart-title" font-family="sans-serif" font-size="13" font-weight="600" fill="#222">{E(title)}</text>""");
        for (var v = 0m; v <= axisTop; v += step)
        {
            var y = top + height - (double)v * scale;
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{plotRight}" y1="{F(y)}" y2="{F(y)}" class="grid" stroke="#ddd"/><text x="{left - 6}" y="{F(y + 4)}" class="tick" text-anchor="end" {Font}>{E(Num(v))}</text>""");
        }
        sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{top + height}" x2="{plotRight}" y2="{top + height}" class="axis" stroke="#222"/>""");
        var hasRate = rates.Any(r => r is not null);
        if (hasRate)
            for (var v = 0m; v <= rateTop; v += rateStep)
            {
                var y = top + height - (double)v * rateScale;
                sb.Append(CultureInfo.InvariantCulture, $"""<text x="{plotRight + 6}" y="{F(y + 4)}" class="tick rate-tick" {Font}>{E(Num(v))}%</text>""");
            }
        var points = new List<(double x, double y, string label)>();
        for (var i = 0; i < n; i++)
        {
            var p = s.Periods[i];
            // Ordered by the index's label ("2022-Q1"), shown the Vietnamese way ("Quý I/2022").
            var period = PeriodText.FromLabel(p.Period);
            var x0 = left + 8 + i * (3 * bar + groupGap);
            var series = new (string cls, string name, string color, decimal? v)[]
            {
                ("received", "tiếp nhận", ReceivedColor, p.Received), ("resolved", "đã giải quyết", ResolvedColor, p.Resolved), ("late", "quá hạn", LateColor, p.Late),
            };
            for (var j = 0; j < 3; j++)
            {
                if (series[j].v is not { } v) continue;
                var h = v > 0 ? Math.Max(MinBarHeight, (double)v * scale) : 0;
                sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar {series[j].cls}" x="{x0 + j * bar}" y="{F(top + height - h)}" width="{bar - 2}" height="{F(h)}" fill="{series[j].color}"><title>{E($"{period}: {series[j].name} {Num(v)}")}</title></rect>""");
            }
            if (rates[i] is { } rate)
                points.Add((x0 + 1.5 * bar, top + height - (double)rate * rateScale, $"{period}: tỷ lệ quá hạn {Num(rate)}% ({Num(p.Late)} / {Num(p.Resolved)})"));
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{F(x0 + 1.5 * bar)}" y="{top + height + 16}" text-anchor="middle" {Font}>{E(period)}</text>""");
        }
        if (points.Count > 1)
            sb.Append(CultureInfo.InvariantCulture, $"""<polyline class="rate-line" fill="none" stroke="{RateColor}" stroke-width="2" points="{string.Join(' ', points.Select(q => $"{F(q.x)},{F(q.y)}"))}"/>""");
        foreach (var q in points)
            sb.Append(CultureInfo.InvariantCulture, $"""<circle class="rate" cx="{F(q.x)}" cy="{F(q.y)}" r="3.5" fill="{RateColor}"><title>{E(q.label)}</title></circle>""");
        var ly = top + height + 40;
        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{left}" y="{ly - 10}" width="10" height="10" fill="{ReceivedColor}"/><text x="{left + 14}" y="{ly}" class="tick" {Font}>tiếp nhận</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{left + 80}" y="{ly - 10}" width="10" height="10" fill="{ResolvedColor}"/><text x="{left + 94}" y="{ly}" class="tick" {Font}>đã giải quyết</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{left + 185}" y="{ly - 10}" width="10" height="10" fill="{LateColor}"/><text x="{left + 199}" y="{ly}" class="tick" {Font}>quá hạn</text>""");
        if (hasRate)
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{left + 260}" x2="{left + 276}" y1="{ly - 4}" y2="{ly - 4}" stroke="{RateColor}" stroke-width="2"/><text x="{left + 280}" y="{ly}" class="tick" {Font}>tỷ lệ quá hạn, % (trục phải)</text>""");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Horizontal bars: each province's share of online dossiers, 0-100 %.</summary>
    public static string OnlineShares(IReadOnlyList<OnlineShare> shares)
    {
        const int left = 150, top = 10, row = 22, width = 420;
        var sb = new StringBuilder();
        var h = top + shares.Count * row + 30;
        sb.Append(CultureInfo.InvariantCulture, $"""<svg class="chart online-chart" xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{h}" viewBox="0 0 {left + width + 80} {h}" role="img" aria-label="Tỷ lệ hồ sơ trực tuyến theo tỉnh">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect class="background" x="0" y="0" width="{left + width + 80}" height="{h}" fill="#fff"/>""");
        for (var i = 0; i <= 4; i++)
        {
            var x = left + width * i / 4;
            sb.Append(CultureInfo.InvariantCulture, $"""<line class="grid" x1="{x}" x2="{x}" y1="{top}" y2="{top + shares.Count * row}" stroke="#ddd"/><text class="tick" x="{x}" y="{top + shares.Count * row + 16}" text-anchor="middle" {Font}>{i * 25}%</text>""");
        }
        for (var i = 0; i < shares.Count; i++)
        {
            var s = shares[i];
            var y = top + i * row;
            var w = (double)Math.Clamp(s.Percent, 0, 100) / 100 * width;
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{left - 8}" y="{y + 15}" text-anchor="end" {Font}>{E(s.Province)}</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar online" x="{left}" y="{y + 3}" width="{F(w)}" height="{row - 6}" fill="{ReceivedColor}"><title>{E($"{s.Province}: {Num(s.Online)} / {Num(s.Base)} hồ sơ trực tuyến ({Num(s.Percent)}%), {s.Reports} báo cáo")}</title></rect>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="tick value" x="{F(left + w + 6)}" y="{y + 15}" {Font}>{E(Num(s.Percent))}%</text>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}

/// <summary>
/// The charts page: the filters of the search (a form), the online shares by province, and one chart per agency and
/// period kind, <see cref="PerPage"/> to a page with links to the others; every agency is listed (and offered in the
/// agency field) so that none is out of reach. Each chart can be saved as SVG or PNG (charts.js).
/// </summary>
public static class ChartsPage
{
    public const int PerPage = 8;

    public static string Render(Microsoft.AspNetCore.Http.IQueryCollection p, ChartData data)
    {
        string V(string name) => A(p[name].LastOrDefault());
        var pages = Math.Max(1, (data.Agencies.Count + PerPage - 1) / PerPage);
        var page = int.TryParse(p["page"].LastOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, pages) : 1;
        var agencies = data.Agencies.Select(a => (a.Agency, a.Province)).Distinct().OrderBy(a => a.Agency, StringComparer.Ordinal).ThenBy(a => a.Province, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <h1>Biểu đồ</h1>
            <form id="chart-filters" class="search" method="get" action="/charts">
              <input name="q" type="search" value="{V("q")}" placeholder="Từ khóa">
              <input name="agency" type="text" value="{V("agency")}" placeholder="Cơ quan: so ke hoach" list="agency-list">
              <input name="province" type="text" value="{V("province")}" placeholder="Tỉnh: Vinh Long">
              <input name="year" type="text" value="{V("year")}" placeholder="Năm" size="5">
              <input name="period" type="text" value="{V("period")}" placeholder="Kỳ: 2022-Q1" size="8">
              <button type="submit">Vẽ</button>
            </form>
            <datalist id="agency-list">{string.Concat(agencies.Select(a => a.Agency).Distinct().Select(a => $"<option value=\"{A(a)}\">"))}</datalist>
            <p class="note">Từ dòng tổng cộng của mỗi báo cáo ({data.Reports} báo cáo{(data.Truncated ? ", chỉ những báo cáo đầu tiên: thu hẹp bằng bộ lọc" : "")}).</p>
            <h2>Tỷ lệ hồ sơ trực tuyến theo tỉnh</h2>
            """);
        sb.Append(data.Provinces.Count == 0 ? "<p class=\"note\">Không có báo cáo nào nêu số hồ sơ trực tuyến.</p>" : Box(SvgCharts.OnlineShares(data.Provinces), "ty-le-truc-tuyen"));
        sb.Append("<h2>Số liệu của từng cơ quan theo kỳ: tiếp nhận, đã giải quyết, quá hạn, tỷ lệ quá hạn</h2>");
        if (data.Agencies.Count == 0) sb.Append("<p class=\"note\">Không có báo cáo nào có dòng tổng cộng.</p>");
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<p class="note" id="chart-range">Biểu đồ {(page - 1) * PerPage + 1}–{Math.Min(page * PerPage, data.Agencies.Count)} trong {data.Agencies.Count} (mỗi cơ quan một biểu đồ cho mỗi loại kỳ: năm, 6 tháng, quý, tháng).</p>""");
            foreach (var s in data.Agencies.Skip((page - 1) * PerPage).Take(PerPage))
                sb.Append(Box(SvgCharts.AgencyPeriods(s), $"bieu-do-{Slug(s.Agency)}-{Slug(s.Province ?? "")}-{s.Kind ?? "ky"}"));
            if (pages > 1)
            {
                sb.Append("<nav class=\"pager\" id=\"chart-pages\">");
                if (page > 1) sb.Append(CultureInfo.InvariantCulture, $"""<a rel="prev" href="{A(Link(p, page - 1))}">← Trang trước</a> """);
                for (var i = 1; i <= pages; i++)
                    sb.Append(i == page ? $"<strong>{i}</strong> " : $"<a href=\"{A(Link(p, i))}\">{i}</a> ");
                if (page < pages) sb.Append(CultureInfo.InvariantCulture, $"""<a rel="next" href="{A(Link(p, page + 1))}">Trang sau →</a>""");
                sb.Append("</nav>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"""<details id="all-agencies"><summary>Tất cả {agencies.Count} cơ quan</summary><ul>""");
            foreach (var (agency, province) in agencies)
                sb.Append(CultureInfo.InvariantCulture, $"""<li><a href="/charts?agency={Uri.EscapeDataString(agency)}{(province is null ? "" : "&amp;province=" + Uri.EscapeDataString(province))}">{E(agency)}</a>{(province is null ? "" : " — " + E(province))}</li>""");
            sb.Append("</ul></details>");
        }
        return Html.Page("Biểu đồ", sb.ToString(), script: "charts.js");
    }

    private static string Box(string svg, string file) =>
        $"""<div class="chart-box" data-file="{A(file)}">{svg}<p class="chart-save"><button type="button" data-save="svg">Lưu SVG</button> <button type="button" data-save="png">Lưu PNG</button></p></div>""";

    /// <summary>A file name from a label: folded to ASCII (đ → d), lower case, words joined by hyphens.</summary>
    internal static string Slug(string text)
    {
        var folded = Baocao.Text.VietText.Fold(text);
        var sb = new StringBuilder();
        foreach (var c in folded)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        return sb.ToString().Trim('-');
    }

    /// <summary>This page's query with another page number.</summary>
    private static string Link(Microsoft.AspNetCore.Http.IQueryCollection p, int page)
    {
        var parts = p.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(v ?? "")));
        return "/charts?" + string.Join("&", parts.Append("page=" + page.ToString(CultureInfo.InvariantCulture)));
    }
}
