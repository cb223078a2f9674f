using System.Globalization;
using System.Text;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;
using static Baocao.Web.Html;

namespace Baocao.Web;

/// <summary>
/// The document page: the header metadata; each table with its columns under their canonical names (the printed header
/// beside); the source page image beside the tables, where clicking a value outlines its box (app.js); the checks'
/// findings on the cells they name; low-confidence values marked. Values are shown as printed, never altered. Pure.
/// </summary>
public static class DocumentPage
{
    /// <summary>Why there is no page image: null when there is one.</summary>
    public static string? NoImageReason(ReportRecord r, bool sourceKept) =>
        !string.Equals(r.Source.Format, "pdf", StringComparison.OrdinalIgnoreCase)
            ? "Nguồn DOCX không có hình trang và tọa độ (DOCX has no page geometry): bảng được hiển thị không kèm ảnh trang."
            : !sourceKept
                ? "Bản sao PDF nguồn không có trong thư mục dữ liệu (indexed before source copies were kept): chạy lại ./baocao ingest để hiển thị trang."
                : null;

    /// <param name="copies">Every file of the same report, best first, with its record (this one included); empty when the report has one file.</param>
    /// <summary>
    /// The files of one report (DOCX, PDF, scans): the best copy supplies the report in search; each other copy is listed
    /// with what it reads differently (a scan that read another figure is worth a look), or "reads the same".
    /// </summary>
    private static void Copies(StringBuilder sb, long id, IReadOnlyList<(long Id, ReportRecord Record)> copies)
    {
        var best = copies[0].Record;
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"copies\" id=\"copies\"><h2>{copies.Count} tệp của cùng báo cáo</h2><ul>");
        foreach (var (cid, rec) in copies)
        {
            var name = E(Path.GetFileName(rec.Source.Path)) + " (" + (rec.Source.Ocr ? "scan" : E(rec.Source.Format)) + ")";
            var link = cid == id ? "<b>" + name + "</b>" : "<a href=\"/documents/" + cid.ToString(CultureInfo.InvariantCulture) + "\">" + name + "</a>";
            if (cid == copies[0].Id) { sb.Append("<li class=\"best\">" + link + " — bản tốt nhất (best copy)</li>"); continue; }
            var diff = ReportCopies.Differences(best, rec);
            sb.Append("<li>" + link + (diff.Count == 0 ? " — đọc giống bản tốt nhất (reads the same)" : "<ul class=\"differences\">" + string.Concat(diff.Select(x => "<li>" + E(x) + "</li>")) + "</ul>") + "</li>");
        }
        sb.Append("</ul></section>");
    }

    /// <param name="sourceFile">Whether the data folder keeps the source file itself (then the page links to it).</param>
    public static string Render(long id, ReportRecord r, bool sourceKept, int dpi, IReadOnlyList<(long Id, ReportRecord Record)>? copies = null, bool sourceFile = false)
    {
        var h = r.Header;
        var sb = new StringBuilder();
        var fileName = Path.GetFileName(r.Source.Path);
        // Ways on from here (issue 18 item 5: the page was a dead end): back to the search, the source file, the record as JSON, the checks, its review page.
        sb.Append(CultureInfo.InvariantCulture, $"""<nav class="doc-nav"><a id="back-to-search" href="/">← Tìm kiếm</a> · {(sourceFile ? $"<a id=\"source-file\" href=\"/api/documents/{id}/source\" download>Tệp nguồn ({E(fileName)})</a>" : "<span id=\"source-file\" class=\"note\">Tệp nguồn chưa được lưu trong thư mục dữ liệu (chạy lại ./baocao ingest)</span>")} · <a id="record-json" href="/api/documents/{id}">Bản ghi JSON</a> · <a href="/checks">Kiểm tra số liệu</a> · <a id="review-link" href="/review/{id}">Duyệt, hiệu đính số liệu</a></nav>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<h1 id="doc-title" data-id="{id}">{E(h.Title ?? fileName)}</h1>""");
        Header(sb, r, fileName);
        if (copies is { Count: > 1 }) Copies(sb, id, copies);

        // Each finding goes to the cell it names; one naming a row (or table) but no cell marks the row; the rest are listed.
        var placed = new Dictionary<Check, string>(ReferenceEqualityComparer.Instance);
        var cellChecks = new Dictionary<(int table, int row, string col), List<Check>>();
        var rowChecks = new Dictionary<(int table, int row), List<Check>>();
        foreach (var c in r.Checks)
        {
            if (Place(r, c) is not { } at) continue;
            if (at.Column is { } col) Add(cellChecks, (at.Table, at.Row, col), c);
            else Add(rowChecks, (at.Table, at.Row), c);
            placed[c] = at.Anchor;
        }
        Checks(sb, r, placed);

        var noImage = NoImageReason(r, sourceKept);
        sb.Append("<div class=\"doc-layout\"><div class=\"tables\">");
        if (noImage is not null) sb.Append(CultureInfo.InvariantCulture, $"""<p class="note" id="no-image">{E(noImage)}</p>""");
        foreach (var t in r.Tables) Table(sb, t, cellChecks, rowChecks, noImage is null);
        if (r.Tables.Count == 0) sb.Append("<p class=\"note\">Không có bảng nào được nhận diện trong văn bản này.</p>");
        Figures(sb, r);
        sb.Append("</div>");
        if (noImage is null)
        {
            var first = r.Tables.FirstOrDefault()?.Page ?? 1;
            var options = string.Concat(Enumerable.Range(1, Math.Max(1, r.Source.Pages)).Select(n => $"<option value=\"{n}\"{(n == first ? " selected" : "")}>{n}</option>"));
            sb.Append(CultureInfo.InvariantCulture, $"""
                <aside class="page-view" id="page-view" data-doc="{id}" data-dpi="{dpi}">
                  <div class="page-nav">Trang <select id="page-select">{options}</select> / {r.Source.Pages}
                    <span class="zoom"><button type="button" id="zoom-out" title="Thu nhỏ">−</button> <span id="zoom-level">100%</span> <button type="button" id="zoom-in" title="Phóng to">+</button> <button type="button" id="zoom-fit">Vừa khung</button> <button type="button" id="wide-tables" title="Ẩn trang nguồn; bấm vào một giá trị để hiện lại">Bảng toàn chiều rộng</button></span>
                    <span class="hint">Bấm vào một giá trị để thấy vị trí của nó trên trang nguồn.</span></div>
                  <div class="page-frame" id="page-frame"><img id="page-img" alt="Trang nguồn" src="/api/documents/{id}/pages/{first}.png"><div id="box" class="box" hidden></div></div>
                </aside>
                """);
        }
        sb.Append("</div>");
        return Html.Page(h.Title ?? fileName, sb.ToString());
    }

    /// <summary>Where a finding sits in the tables: its cell (the element id "t0-r5-c3" this page gives it), or its row when it names no cell of it; null when it names neither.</summary>
    public sealed record Placement(int Table, int Row, string? Column)
    {
        public string Anchor => Column is null ? $"t{Table}-r{Row}" : $"t{Table}-r{Row}-{Column}";
    }

    /// <summary>The cell (or row) a finding names, as this page lays the tables out.</summary>
    public static Placement? Place(ReportRecord r, Check c)
    {
        if (c.Table is not { } ti || r.Tables.FirstOrDefault(t => t.Index == ti) is not { } t) return null;
        var row = c.RowIndex is { } ri ? t.Rows.FirstOrDefault(x => x.Index == ri) : t.Rows.FirstOrDefault(x => x.Label == c.Row || x.Stt == c.Row);
        if (row is null) return null;
        var col = t.Columns.FirstOrDefault(x => c.Column is not null && (x.Key == c.Column || x.Id == c.Column))
                  ?? (c.ColumnNumber is { } n ? t.Columns.FirstOrDefault(x => x.Number == n) : null);
        return new Placement(t.Index, row.Index, col is not null && row.Cells.Any(x => x.Column == col.Id) ? col.Id : null);
    }

    private static void Add<TK>(Dictionary<TK, List<Check>> d, TK k, Check c) where TK : notnull
    {
        if (!d.TryGetValue(k, out var l)) d[k] = l = [];
        l.Add(c);
    }

    private static void Header(StringBuilder sb, ReportRecord r, string fileName)
    {
        var h = r.Header;
        var p = h.Period;
        // "Quý III/2022 (15/06/2022 – 14/09/2022)": the period as a Vietnamese reader writes it, then its days.
        var period = p is null ? null : string.Join(" ", new[]
        {
            PeriodText.Name(p), p.From is null || p.To is null || p.Kind == "custom" ? null : $"({PeriodText.Date(p.From)} – {PeriodText.Date(p.To)})",
        }.Where(s => s is not null));
        var items = new (string label, string? value)[]
        {
            ("Tệp nguồn", $"{fileName} ({r.Source.Format}, {r.Source.Pages} trang{(r.Source.Ocr ? ", OCR" : "")})"),
            ("Số", h.Number), ("Cơ quan", h.Agency), ("Cơ quan chủ quản", h.ParentAgency), ("Tỉnh", h.Province),
            ("Nơi, ngày", string.Join(", ", new[] { h.Place, h.Date }.Where(s => s is not null))), ("Kỳ báo cáo", period),
            ("Người ký", h.Signer is null ? null : string.Join(" ", new[] { h.Signer.Authority, h.Signer.Title, h.Signer.Name }.Where(s => s is not null))),
            ("Biểu mẫu", string.Join(", ", h.Forms)), ("Văn bản dẫn chiếu", string.Join(", ", h.References)),
            ("Nơi nhận", string.Join("; ", h.Recipients)), ("SHA-256", r.Source.Sha256),
        };
        sb.Append("<dl class=\"header\" id=\"header\">");
        foreach (var (label, value) in items)
            if (!string.IsNullOrWhiteSpace(value)) sb.Append(CultureInfo.InvariantCulture, $"<div><dt>{E(label)}</dt><dd>{E(value)}</dd></div>");
        sb.Append("</dl>");
    }

    private static void Checks(StringBuilder sb, ReportRecord r, Dictionary<Check, string> placed)
    {
        if (r.Checks.All(c => c.Severity == Baocao.Checks.Severity.Info) && r.Warnings.Count == 0)
        {
            sb.Append("<p class=\"checks-ok\" id=\"checks\">Kiểm tra số liệu: không phát hiện sai lệch.</p>");
            return;
        }
        // Info findings note a relation that holds (difference 0): not listed, as check leaves them out by default.
        var shown = r.Checks.Where(c => c.Severity != Baocao.Checks.Severity.Info).ToList();
        var bySeverity = shown.GroupBy(c => c.Severity).Select(g => $"{g.Count()} {Findings.SeverityLabel(g.Key)}");
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"checks\" id=\"checks\"><h2>Kiểm tra số liệu: {E(string.Join(", ", bySeverity))}</h2><ol>");
        foreach (var c in shown)
        {
            // A finding placed in a table links to its cell: the link outlines it on the source page (app.js).
            var where = placed.TryGetValue(c, out var anchor) ? $""" — <a class="to-cell" href="#{A(anchor)}">xem ô trong bảng</a>""" : "";
            var table = Findings.TableNumber(c) is { } tn ? $", bảng {tn}" : "";
            var likely = c.Severity == Baocao.Checks.Severity.Doubt && Findings.LikelyReading(c) is { } l ? $" <span class=\"proposed\">{E(l)}</span>" : "";
            sb.Append(CultureInfo.InvariantCulture, $"""<li class="check {A(c.Severity)}" data-rule="{A(c.Rule)}" data-cause="{A(c.Cause)}"><b>{E(Findings.SeverityLabel(c.Severity))}</b> <i class="cause">{E(Findings.CauseLabel(c))}</i> <span title="{A(c.Rule)}">{E(Findings.Message(c))}</span>{likely}{(c.Page is { } pg ? $" — trang {pg}" : "")}{E(table)}{where}</li>""");
        }
        sb.Append("</ol><ul>");
        foreach (var w in r.Warnings) sb.Append(CultureInfo.InvariantCulture, $"<li class=\"check warning\">{E(w)}</li>");
        sb.Append("</ul></section>");
    }

    private static void Table(StringBuilder sb, ReportTable t, Dictionary<(int, int, string), List<Check>> cellChecks,
        Dictionary<(int, int), List<Check>> rowChecks, bool boxes)
    {
        // The value columns: those the rows have cells in (the STT and label columns are the row's own fields).
        // A column without a key whose every cell repeats the row's STT or label is shown once, as the row's own field.
        var used = t.Rows.SelectMany(r => r.Cells).Select(c => c.Column).ToHashSet();
        bool OwnField(TableColumn c) => c.Key is null && t.Rows.All(r => r.Cells.Where(x => x.Column == c.Id)
            .All(x => string.IsNullOrWhiteSpace(x.Raw) || x.Raw == r.Stt || x.Raw == r.Label));
        var cols = t.Columns.Where(c => used.Contains(c.Id) && !OwnField(c)).ToList();
        var caption = string.Join(" · ", new[] { t.Form is null ? null : "Biểu " + t.Form, t.Section, t.Unit is null ? null : "Đơn vị tính: " + t.Unit, $"trang {t.Page}" }
            .Where(s => s is not null));
        sb.Append(CultureInfo.InvariantCulture, $"""<section class="table" id="t{t.Index}"><h2>{E(t.Title ?? $"Bảng {t.Index + 1}")}</h2><p class="caption">{E(caption)}""");
        if (t.NeedsReview) sb.Append(" <span class=\"badge review\">cần rà soát</span>");
        sb.Append(CultureInfo.InvariantCulture, $"</p><div class=\"scroll\"><table class=\"data\" data-table=\"{t.Index}\"><thead><tr><th>STT</th><th>Dòng</th>");
        foreach (var c in cols)
        {
            var printed = c.Header + (c.Number is { } n ? $" ({n})" : "") + (c.Formula is { } f ? $" {f}" : "");
            // The canonical column by its catalog label ("Tiếp nhận – Tổng số"); the key in the tooltip and data-key, for those who type it.
            var name = c.Key is null ? "—" : Labels.Key(c.Key);
            var conf = c.Key is null ? "" : $" · {c.Key} · {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}";
            sb.Append(CultureInfo.InvariantCulture, $"""<th class="{(c.Key is null ? "unmapped" : "key")}" data-column="{A(c.Id)}" data-key="{A(c.Key)}" title="{A(printed + conf)}">{E(name)}<small>{E(printed)}</small></th>""");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            var rc = rowChecks.GetValueOrDefault((t.Index, row.Index));
            var rowClass = row.Kind + (rc is null ? "" : " has-check " + Worst(rc));
            sb.Append(CultureInfo.InvariantCulture, $"""<tr id="t{t.Index}-r{row.Index}" class="{A(rowClass)}"{(rc is null ? "" : $" title=\"{A(string.Join("\n", rc.Select(c => Findings.Message(c))))}\"")}><td>{E(row.Stt)}</td><td class="label">{E(row.Label)}</td>""");
            var cells = row.Cells.GroupBy(c => c.Column).ToDictionary(g => g.Key, g => g.First());
            foreach (var col in cols)
            {
                if (!cells.TryGetValue(col.Id, out var cell))
                {
                    sb.Append("<td></td>");
                    continue;
                }
                var classes = new List<string> { "cell", cell.Kind };
                var notes = new List<string>();
                if (cell.Flags.Contains("low-confidence") || cell.Confidence < 0.8)
                {
                    classes.Add("low");
                    notes.Add($"độ tin cậy thấp (OCR {cell.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}): giữ nguyên như đọc được, cần kiểm tra");
                }
                foreach (var fl in cell.Flags.Where(x => x != "low-confidence")) notes.Add(fl);
                if (cellChecks.GetValueOrDefault((t.Index, row.Index, col.Id)) is { } cc)
                {
                    classes.Add("has-check");
                    classes.Add(Worst(cc));
                    notes.AddRange(cc.Select(c => $"{c.Rule}: {Findings.Message(c)}"));
                }
                var box = boxes && cell.Box is { } b
                    ? $" data-page=\"{cell.Page}\" data-box=\"{F(b.X0)},{F(b.Y0)},{F(b.X1)},{F(b.Y1)}\"" : "";
                var title = notes.Count == 0 ? "" : $" title=\"{A(string.Join("\n", notes))}\"";
                sb.Append(CultureInfo.InvariantCulture, $"""<td id="t{t.Index}-r{row.Index}-{A(col.Id)}" class="{A(string.Join(" ", classes))}" data-key="{A(col.Key)}"{box}{title}>{E(cell.Raw)}</td>""");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div></section>");
    }

    private static string Worst(IEnumerable<Check> checks) =>
        checks.Any(c => c.Severity == "error") ? "error" : checks.Any(c => c.Severity == "warning") ? "warning" : checks.Any(c => c.Severity == "doubt") ? "doubt" : "info";

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Figures(StringBuilder sb, ReportRecord r)
    {
        if (r.Figures.Count == 0) return;
        sb.Append("<section class=\"prose\" id=\"figures\"><h2>Số liệu trong phần lời văn</h2><table class=\"data\"><thead><tr><th>Chỉ tiêu</th><th>Giá trị</th><th>Phạm vi</th><th>Trang</th><th>Câu</th></tr></thead><tbody>");
        foreach (var f in r.Figures)
        {
            var low = f.Confidence < 0.8;
            sb.Append(CultureInfo.InvariantCulture, $"""<tr><td title="{A(f.Key)}">{E(Labels.Key(f.Key))}</td><td class="num{(low ? " low" : "")}">{Num(f.Value)}</td><td>{E(f.Scope)}</td><td>{f.Page}</td><td>{E(f.Text)}</td></tr>""");
        }
        sb.Append("</tbody></table></section>");
    }
}
