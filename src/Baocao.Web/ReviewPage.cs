using System.Globalization;
using System.Text;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;
using static Baocao.Web.Html;

namespace Baocao.Web;

/// <summary>
/// The review pages (issue 18 item 2): the queue of reports to review, and one report's cells to look at, each shown on
/// its source page (a crop of the page image around the cell's box, drawn as an SVG view of the page image, so no
/// script or inline style is needed under the pages' content policy) beside the value read, with a form to confirm or
/// correct it. Decisions are stored beside the reading; the page says what each rests on. Pure.
/// </summary>
public static class ReviewPage
{
    public static string RenderQueue(IReadOnlyList<(ReviewReport Report, long? Id)> queue, Func<string, string> showPath, bool readOnly)
    {
        var sb = new StringBuilder();
        var open = queue.Count(q => q.Report.Open);
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Duyệt và hiệu đính</h1><p class=\"note\" id=\"review-summary\">{open} báo cáo cần duyệt, {queue.Sum(q => q.Report.Decisions.Count)} hiệu đính đã làm.");
        if (readOnly) sb.Append(" Máy chủ chỉ đọc (serve --read-only): chỉ xem, không sửa được.");
        sb.Append("</p>");
        if (queue.Count == 0)
        {
            sb.Append("<p class=\"note\">Không có báo cáo nào cần duyệt.</p>");
            return Page("Duyệt", sb.ToString());
        }
        sb.Append("<table class=\"data\" id=\"review-list\"><thead><tr><th>Báo cáo</th><th>Lý do</th><th>Ô cần xem</th><th>Hiệu đính</th></tr></thead><tbody>");
        foreach (var (r, id) in queue)
        {
            var name = E(Path.GetFileName(r.Path));
            var link = id is { } d ? $"<a href=\"/review/{d}\">{name}</a>" : name;
            var reasons = r.Open ? string.Join("; ", r.Note.Reasons()) : "đã duyệt";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{link}<br><small>{E(showPath(r.Path))}</small></td><td>{E(reasons)}</td><td class=\"num\">{r.Items.Count(i => i.Decision is null)}</td><td class=\"num\">{r.Decisions.Count}{(r.Stale.Count > 0 ? $" ({r.Stale.Count} không áp dụng)" : "")}</td></tr>");
        }
        sb.Append("</tbody></table>");
        return Page("Duyệt", sb.ToString());
    }

    public static string Render(long id, ReviewReport r, string shownPath, string? noImage, int dpi, bool readOnly, string? done)
    {
        var sb = new StringBuilder();
        var h = r.Record.Header;
        sb.Append(CultureInfo.InvariantCulture, $"""
            <p class="crumbs"><a href="/review">← Hàng đợi duyệt</a> · <a href="/documents/{id}">Trang tài liệu</a> · <a href="/api/review/{id}">JSON</a></p>
            <h1>Duyệt: {E(Path.GetFileName(r.Path))}</h1>
            <p class="meta">{E(h.CanonicalAgency ?? h.Agency)} · {E(PeriodText.Name(h.Period))} · <span class="file">{E(shownPath)}</span></p>
            """);
        if (done is not null) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"done\" id=\"done\">Đã lưu: {E(done)}</p>");
        sb.Append(r.Open
            ? $"<p class=\"note\">{E(string.Join("; ", r.Note.Reasons()))}</p>"
            : "<p class=\"note\">Báo cáo không còn gì cần duyệt.</p>");
        if (readOnly) sb.Append("<p class=\"note\">Máy chủ chỉ đọc (serve --read-only): không sửa được.</p>");
        else sb.Append("""
            <p class="token"><label>Mã ghi (token) <input type="password" id="review-token" autocomplete="off" placeholder="mã mà ./baocao serve in ra"></label>
            <small>giữ trong trình duyệt này, gửi kèm mỗi hiệu đính</small></p>
            """);
        if (noImage is not null) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(noImage)}</p>");
        var stale = r.Stale.Select(s => s.Correction).ToHashSet();
        foreach (var s in r.Stale)
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"stale\">Hiệu đính không áp dụng được: bảng {s.Correction.Table + 1}, dòng {s.Correction.Row + 1}, cột {E(s.Correction.Key ?? s.Correction.Column)}: {E(ReviewDesk.Describe(s.Correction))} — {E(s.Reason)}</p>");
        if (r.Items.Count == 0) sb.Append("<p class=\"note\" id=\"no-items\">Không có ô nào cần xem.</p>");
        foreach (var item in r.Items) Item(sb, id, item, noImage is null, dpi, readOnly);
        return Page("Duyệt " + Path.GetFileName(r.Path), sb.ToString());
    }

    private static void Item(StringBuilder sb, long id, ReviewItem item, bool images, int dpi, bool readOnly)
    {
        var anchor = $"item-t{item.Table}-r{item.Row}-{item.Column}";
        var column = item.Key is { } k ? $"{Labels.Key(k)}{(item.ColumnNumber is { } n ? $" ({n})" : "")}" : item.ColumnRef;
        sb.Append(CultureInfo.InvariantCulture, $"""
            <section class="review-item{(item.Decision is null ? "" : " decided")}" id="{A(anchor)}" data-table="{item.TableNumber}" data-row="{item.RowNumber}" data-column="{A(item.ColumnRef)}">
            <h2>Bảng {item.TableNumber}, dòng {item.RowNumber} «{E(item.RowLabel)}», cột {E(column)} <small>trang {item.Page} · <a href="/documents/{id}#t{item.Table}-r{item.Row}-{A(item.Column)}">xem trên trang tài liệu</a></small></h2>
            <div class="review-cell">
            """);
        sb.Append(Crop(id, item, images, dpi));
        sb.Append("<div class=\"review-side\"><dl class=\"figures\">");
        sb.Append(CultureInfo.InvariantCulture, $"<div><dt>Giá trị đọc</dt><dd class=\"read\">{E(item.Read)}</dd></div>");
        if (item.Confidence < 1) sb.Append(CultureInfo.InvariantCulture, $"<div><dt>Độ tin cậy OCR</dt><dd>{item.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}</dd></div>");
        if (item.Likely is { } l) sb.Append(CultureInfo.InvariantCulture, $"<div><dt>Có lẽ đọc đúng là</dt><dd class=\"likely\">{Num(l)}</dd></div>");
        sb.Append("</dl>");
        if (item.Reasons.Count > 0) sb.Append("<ul class=\"reasons\">" + string.Concat(item.Reasons.Select(x => $"<li>{E(x)}</li>")) + "</ul>");
        if (item.Decision is { } d)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"decision\">{(d.Confirmed ? "Đã xác nhận" : "Đã sửa")}: {E(ReviewDesk.Describe(d))}</p>");
            if (!readOnly) sb.Append(Form(id, item, "undo", "Bỏ hiệu đính", withValue: false));
        }
        else if (!readOnly)
            sb.Append(Form(id, item, null, null, withValue: true));
        sb.Append("</div></div></section>");
    }

    /// <summary>The form of one cell: the value (the likely reading filled in), reviewer, note, token; buttons to correct or confirm (or undo).</summary>
    private static string Form(long id, ReviewItem item, string? action, string? label, bool withValue)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/review/{id}" class="review-form">
            <input type="hidden" name="table" value="{item.TableNumber}"><input type="hidden" name="row" value="{item.RowNumber}"><input type="hidden" name="column" value="{A(item.ColumnRef)}">
            <input type="hidden" name="token" class="token-field" value="">
            """);
        if (withValue)
            sb.Append(CultureInfo.InvariantCulture, $"""
                <label>Giá trị đúng <input name="value" class="value" inputmode="decimal" value="{A(item.Likely is { } l ? Num(l) : "")}" placeholder="như in: 181.220"></label>
                <label>Người duyệt <input name="reviewer" class="reviewer" required></label>
                <label>Ghi chú <input name="note" class="note-field"></label>
                <button type="submit" name="action" value="set" class="set">Sửa</button>
                <button type="submit" name="action" value="confirm" class="confirm" formnovalidate>Xác nhận đúng như đọc</button>
                """);
        else
            sb.Append(CultureInfo.InvariantCulture, $"""<input type="hidden" name="reviewer" class="reviewer" value="-"><button type="submit" name="action" value="{A(action)}" class="undo">{E(label)}</button>""");
        sb.Append("</form>");
        return sb.ToString();
    }

    /// <summary>
    /// The cell on its page: an SVG whose view box is the cell's box (PDF points, top-left origin, as the record keeps it)
    /// widened by a margin and scaled to the page image's pixels (rendered at <paramref name="dpi"/>), over the whole page
    /// image, with the box outlined. Without a box (DOCX) or page images, a line saying so.
    /// </summary>
    private static string Crop(long id, ReviewItem item, bool images, int dpi)
    {
        if (!images || item.Box is not { } b) return "<p class=\"crop-missing\">Không có hình của ô này (DOCX hoặc không có ảnh trang).</p>";
        var s = dpi / 72.0;
        const double mx = 60, my = 22;
        var (x, y) = (Math.Max(0, b.X0 - mx) * s, Math.Max(0, b.Y0 - my) * s);
        var (w, h) = ((b.X1 + mx) * s - x, (b.Y1 + my) * s - y);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        return $"""<svg class="crop" viewBox="{F(x)} {F(y)} {F(w)} {F(h)}" width="{F(w)}" height="{F(h)}" role="img" aria-label="ô trên trang {item.Page}"><image href="/api/documents/{id}/pages/{item.Page}.png" x="0" y="0"/><rect class="cell-box" x="{F(b.X0 * s - 3)}" y="{F(b.Y0 * s - 3)}" width="{F(b.Width * s + 6)}" height="{F(b.Height * s + 6)}" fill="none" stroke="#d00" stroke-width="3"/></svg>""";
    }
}
