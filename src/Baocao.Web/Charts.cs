using System.Globalization;
using System.Text;
using Baocao.Index;
using Baocao.Reports;
using static Baocao.Web.Html;

namespace Baocao.Web;

/// <summary>One agency's figures for one period: received, resolved and late dossiers, from its report's totals row.</summary>
public sealed record PeriodFigures(string Period, decimal? Received, decimal? Resolved, decimal? Late);

/// <summary>One agency (in its province) over its periods.</summary>
public sealed record AgencySeries(string Agency, string? Province, IReadOnlyList<PeriodFigures> Periods);

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

        var agencies = reports
            .Where(rs => rs[0].Agency is not null && rs[0].Period is not null)
            .GroupBy(rs => (agency: rs[0].Agency!, province: rs[0].Province))
            .Select(g => new AgencySeries(g.Key.agency, g.Key.province, g
                .GroupBy(rs => rs[0].Period!)
                .Select(p => p.Select(rs => new PeriodFigures(p.Key, First(rs, "received.total"), First(rs, "resolved.total"), First(rs, "resolved.late")))
                    .FirstOrDefault(f => f.Received is not null || f.Resolved is not null))
                .OfType<PeriodFigures>()
                .OrderBy(f => f.Period, StringComparer.Ordinal).ToList()))
            .Where(s => s.Periods.Count > 0)
            .OrderByDescending(s => s.Periods.Count).ThenBy(s => s.Agency, StringComparer.Ordinal).ToList();

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
/// encoded; each bar carries a &lt;title&gt; with its exact value. Pure.
/// </summary>
public static class SvgCharts
{
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Grouped bars per period: received, resolved and late, on one scale.</summary>
    public static string AgencyPeriods(AgencySeries s)
    {
        const int left = 60, top = 30, height = 220, groupGap = 18, bar = 16;
        var n = s.Periods.Count;
        var width = left + n * (3 * bar + groupGap) + 20;
        var max = s.Periods.SelectMany(p => new[] { p.Received, p.Resolved, p.Late }).Max(v => v ?? 0);
        var scale = max <= 0 ? 0 : height / (double)max;
        var title = s.Agency + (s.Province is null ? "" : " — " + s.Province);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg class="chart agency-chart" xmlns="http://www.w3.org/2000/svg" width="{Math.Max(width, 460)}" height="{top + height + 60}" role="img" aria-label="{A(title)}">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="16" class="chart-title">{E(title)}</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{top + height}" x2="{width - 10}" y2="{top + height}" class="axis"/>""");
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            var y = top + height - (double)v * scale;
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{width - 10}" y1="{F(y)}" y2="{F(y)}" class="grid"/><text x="{left - 6}" y="{F(y + 4)}" class="tick" text-anchor="end">{E(Num(Math.Round(v)))}</text>""");
        }
        for (var i = 0; i < n; i++)
        {
            var p = s.Periods[i];
            // Ordered by the index's label ("2022-Q1"), shown the Vietnamese way ("Quý I/2022").
            var period = PeriodText.FromLabel(p.Period);
            var x0 = left + 8 + i * (3 * bar + groupGap);
            var series = new (string cls, string name, decimal? v)[] { ("received", "tiếp nhận", p.Received), ("resolved", "đã giải quyết", p.Resolved), ("late", "quá hạn", p.Late) };
            for (var j = 0; j < 3; j++)
            {
                if (series[j].v is not { } v) continue;
                var h = (double)v * scale;
                sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar {series[j].cls}" x="{x0 + j * bar}" y="{F(top + height - h)}" width="{bar - 2}" height="{F(h)}"><title>{E($"{period}: {series[j].name} {Num(v)}")}</title></rect>""");
            }
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{F(x0 + 1.5 * bar)}" y="{top + height + 16}" text-anchor="middle">{E(period)}</text>""");
        }
        var ly = top + height + 40;
        sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar received" x="{left}" y="{ly - 10}" width="10" height="10"/><text x="{left + 14}" y="{ly}" class="tick">tiếp nhận</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar resolved" x="{left + 90}" y="{ly - 10}" width="10" height="10"/><text x="{left + 104}" y="{ly}" class="tick">đã giải quyết</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar late" x="{left + 200}" y="{ly - 10}" width="10" height="10"/><text x="{left + 214}" y="{ly}" class="tick">quá hạn</text>""");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Horizontal bars: each province's share of online dossiers, 0-100 %.</summary>
    public static string OnlineShares(IReadOnlyList<OnlineShare> shares)
    {
        const int left = 150, top = 10, row = 22, width = 420;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg class="chart online-chart" xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{top + shares.Count * row + 30}" role="img" aria-label="Tỷ lệ hồ sơ trực tuyến theo tỉnh">""");
        for (var i = 0; i <= 4; i++)
        {
            var x = left + width * i / 4;
            sb.Append(CultureInfo.InvariantCulture, $"""<line class="grid" x1="{x}" x2="{x}" y1="{top}" y2="{top + shares.Count * row}"/><text class="tick" x="{x}" y="{top + shares.Count * row + 16}" text-anchor="middle">{i * 25}%</text>""");
        }
        for (var i = 0; i < shares.Count; i++)
        {
            var s = shares[i];
            var y = top + i * row;
            var w = (double)Math.Clamp(s.Percent, 0, 100) / 100 * width;
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{left - 8}" y="{y + 15}" text-anchor="end">{E(s.Province)}</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect class="bar online" x="{left}" y="{y + 3}" width="{F(w)}" height="{row - 6}"><title>{E($"{s.Province}: {Num(s.Online)} / {Num(s.Base)} hồ sơ trực tuyến ({Num(s.Percent)}%), {s.Reports} báo cáo")}</title></rect>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="tick value" x="{F(left + w + 6)}" y="{y + 15}">{E(Num(s.Percent))}%</text>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}

/// <summary>The charts page: the filters of the search (a form), one agency chart per agency and the online shares by province.</summary>
public static class ChartsPage
{
    public static string Render(Microsoft.AspNetCore.Http.IQueryCollection p, ChartData data)
    {
        string V(string name) => A(p[name].LastOrDefault());
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <h1>Biểu đồ</h1>
            <form id="chart-filters" class="search" method="get" action="/charts">
              <input name="q" type="search" value="{V("q")}" placeholder="Từ khóa">
              <input name="agency" type="text" value="{V("agency")}" placeholder="Cơ quan: so ke hoach">
              <input name="province" type="text" value="{V("province")}" placeholder="Tỉnh: Vinh Long">
              <input name="year" type="text" value="{V("year")}" placeholder="Năm" size="5">
              <input name="period" type="text" value="{V("period")}" placeholder="Kỳ: 2022-Q1" size="8">
              <button type="submit">Vẽ</button>
            </form>
            <p class="note">Từ dòng tổng cộng của mỗi báo cáo ({data.Reports} báo cáo{(data.Truncated ? ", chỉ những báo cáo đầu tiên: thu hẹp bằng bộ lọc" : "")}).</p>
            <h2>Tỷ lệ hồ sơ trực tuyến theo tỉnh</h2>
            """);
        sb.Append(data.Provinces.Count == 0 ? "<p class=\"note\">Không có báo cáo nào nêu số hồ sơ trực tuyến.</p>" : SvgCharts.OnlineShares(data.Provinces));
        sb.Append("<h2>Số liệu của từng cơ quan theo kỳ: tiếp nhận, đã giải quyết, quá hạn</h2>");
        if (data.Agencies.Count == 0) sb.Append("<p class=\"note\">Không có báo cáo nào có dòng tổng cộng.</p>");
        foreach (var s in data.Agencies.Take(8)) sb.Append("<div class=\"chart-box\">").Append(SvgCharts.AgencyPeriods(s)).Append("</div>");
        if (data.Agencies.Count > 8) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">… {data.Agencies.Count - 8} cơ quan khác: chọn một cơ quan hoặc một tỉnh.</p>");
        return Html.Page("Biểu đồ", sb.ToString());
    }
}
