using System.Globalization;
using System.Net;
using System.Text;
using SampleBuilder;

namespace Variations;

/// <summary>
/// Writes a <see cref="DocSpec"/> as one HTML page, the way a one-stop web system or a typist's HTML export would
/// print it: the header and signature blocks as borderless tables, the data tables as HTML tables with CSS rules.
/// Tab-aligned lines (no tabs in HTML) become borderless tables whose cells are centred on the tab stops.
/// Footnotes are printed right under their paragraph (HTML has no page-bottom notes).
/// </summary>
public static class HtmlWriter
{
    static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    // LibreOffice's HTML import ignores an empty div's page break; a paragraph carrying it works in both producers.
    const string Break = "<p style=\"page-break-before: always; break-before: page; margin: 0; font-size: 1pt\">&nbsp;</p>\n";

    // LibreOffice's HTML import reads widths and borders from the HTML attributes, not from CSS: give both.
    static string Px(double cm) => ((int)Math.Round(cm / 2.54 * 96)).ToString(CultureInfo.InvariantCulture);

    public static string Write(DocSpec spec, TableStyle style, bool landscapeAll)
    {
        var sb = new StringBuilder();
        var rule = $"{F(style.RuleWidth)}pt solid #000";
        sb.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>báo cáo</title><style>\n");
        sb.Append($"@page {{ size: A4 {(landscapeAll ? "landscape" : "portrait")}; margin: 2cm 2cm 2cm {(landscapeAll ? 2 : 3)}cm; }}\n");
        // Chromium honours named pages: the landscape sections of the DOCX get landscape pages there.
        sb.Append("@page land { size: A4 landscape; margin: 2cm; }\n.land { page: land; }\n");
        sb.Append($"body {{ font-family: '{spec.Font}', 'Liberation Serif', serif; font-size: {F(spec.Size)}pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}\n");
        sb.Append("p { margin: 0; }\n");
        sb.Append("table.frame, table.tabs { border-collapse: collapse; margin: 0 auto; }\n table.frame td, table.tabs td { border: none; vertical-align: top; padding: 0; }\n");
        sb.Append($"table.data {{ border-collapse: collapse; margin: 0 auto; table-layout: fixed; border: {rule}; }}\n");
        sb.Append($"table.data td {{ border: {rule}; padding: 0 1mm; vertical-align: middle; }}\n");
        if (!style.InnerVertical) sb.Append("table.data td { border-left: none; border-right: none; }\n table.data tr > td:first-child { border-left: " + rule + "; }\n table.data tr > td:last-child { border-right: " + rule + "; }\n");
        if (style.ShadedHeader) sb.Append("table.data thead td, table.data td.head { background: #d9d9d9; }\n");
        sb.Append("</style></head><body>\n");
        var inLand = false;
        foreach (var block in spec.Blocks)
        {
            switch (block)
            {
                case ParaBlock p:
                    sb.Append(Para(p.Para, "justify", spec.Size, 1.0, 6));
                    break;
                case PageBreakBlock:
                    sb.Append(Break);
                    break;
                case SectionBlock s:
                    if (inLand) sb.Append("</div>\n");
                    inLand = s.Landscape && !landscapeAll;
                    sb.Append(inLand ? "<div class=\"land\">" + Break : Break);
                    break;
                case FrameBlock f:
                    sb.Append($"<table class=\"frame\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" width=\"{Px(f.Frame.Widths.Sum())}\"><tr>");
                    for (var i = 0; i < f.Frame.Columns.Count; i++)
                    {
                        sb.Append($"<td width=\"{Px(f.Frame.Widths[i])}\" style=\"width: {F(f.Frame.Widths[i])}cm\">");
                        foreach (var p in f.Frame.Columns[i]) sb.Append(Para(p, "center", 13, 0, 0));
                        sb.Append("</td>");
                    }
                    sb.Append("</tr></table>\n");
                    break;
                case TableBlock t:
                    sb.Append(Table(t.Table, spec.TableSize, style));
                    sb.Append("<p style=\"margin-bottom: 6pt\"></p>\n");
                    break;
            }
        }
        if (inLand) sb.Append("</div>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    static string Runs(ParaSpec p, bool? forceBold, List<List<ParaSpec>> notes)
    {
        var sb = new StringBuilder();
        foreach (var r in p.Runs)
        {
            if (r.Footnote is not null)
            {
                notes.Add(r.Footnote);
                sb.Append($"<sup>{notes.Count}</sup>");
                continue;
            }
            var text = WebUtility.HtmlEncode(r.Text).Replace("\n", "<br>");
            if (r.Superscript) text = $"<sup>{text}</sup>";
            if (r.Underline || (p.Underline ?? false)) text = $"<u>{text}</u>";
            if (r.Italic || (p.Italic ?? false)) text = $"<i>{text}</i>";
            if (r.Bold || (forceBold ?? p.Bold ?? false)) text = $"<b>{text}</b>";
            sb.Append(text);
        }
        return sb.ToString();
    }

    static string Para(ParaSpec p, string defaultAlign, double defaultSize, double defaultIndent, double defaultAfter, bool? forceBold = null, string? alignOverride = null)
    {
        var align = alignOverride ?? p.Align ?? defaultAlign;
        if (align == "both") align = "justify";
        var size = p.Size ?? defaultSize;
        var indent = align is "center" or "right" ? p.Indent ?? 0 : p.Indent ?? defaultIndent;
        var css = $"text-align: {align}; font-size: {F(size)}pt; margin: {F(p.Before ?? 0)}pt 0 {F(p.After ?? defaultAfter)}pt {F(p.IndentLeft ?? 0)}cm;" +
                  (indent != 0 ? $" text-indent: {F(indent)}cm;" : "");
        var notes = new List<List<ParaSpec>>();
        if (p.Tabs.Count > 0 && p.Runs.Any(r => r.Text.Contains('\t')))
            return TabLine(p, size, notes);
        var html = $"<p style=\"{css}\">{Runs(p, forceBold, notes)}</p>\n";
        var n = 0;
        foreach (var note in notes)
        {
            n++;
            var text = string.Join(" ", note.Select(x => WebUtility.HtmlEncode(x.PlainText)));
            html += $"<p style=\"font-size: 11pt; margin: 0 0 3pt 0\"><sup>{n}</sup> {text}</p>\n";
        }
        return html;
    }

    // A line laid out with tab stops: one borderless cell per tab stop, centred on it as Word's centre tab would.
    static string TabLine(ParaSpec p, double size, List<List<ParaSpec>> notes)
    {
        var segments = new List<StringBuilder> { new() };
        foreach (var r in p.Runs)
        {
            var parts = r.Text.Split('\t');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) segments.Add(new StringBuilder());
                var text = WebUtility.HtmlEncode(parts[i]);
                if (text.Length == 0) continue;
                if (r.Italic || (p.Italic ?? false)) text = $"<i>{text}</i>";
                if (r.Bold || (p.Bold ?? false)) text = $"<b>{text}</b>";
                segments[^1].Append(text);
            }
        }
        var sb = new StringBuilder($"<table class=\"tabs\" style=\"margin: 0; font-size: {F(size)}pt\"><tr>");
        var x = 0.0;
        for (var i = 1; i < segments.Count && i - 1 < p.Tabs.Count; i++)
        {
            var w = Math.Max(1, 2 * (p.Tabs[i - 1].Pos - x));
            sb.Append($"<td width=\"{Px(w)}\" style=\"width: {F(w)}cm; text-align: center\">{segments[i]}</td>");
            x += w;
        }
        sb.Append("</tr></table>\n");
        return sb.ToString();
    }

    static string Table(TableSpec t, double tableSize, TableStyle style)
    {
        var size = t.Size ?? tableSize;
        var headRows = t.HeaderRows + (t.NumberRow ? 1 : 0);
        // Row spans from the "^" continuations below each cell.
        var spans = new Dictionary<(int row, int col), int>();
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var col = 0;
            foreach (var c in t.Rows[r].Cells)
            {
                if (!c.MergeUp)
                {
                    var n = 1;
                    while (r + n < t.Rows.Count && SpecReader.CellAt(t.Rows[r + n], col) is { MergeUp: true }) n++;
                    spans[(r, col)] = n;
                }
                col += c.Span;
            }
        }
        var border = style.RuleWidth >= 1 ? 2 : 1;
        var sb = new StringBuilder($"<table class=\"data\" border=\"{border}\" cellspacing=\"0\" cellpadding=\"2\"{(style.InnerVertical ? "" : " rules=\"rows\" frame=\"box\"")} width=\"{Px(t.Widths.Sum())}\" style=\"font-size: {F(size)}pt; width: {F(t.Widths.Sum())}cm\"><colgroup>");
        foreach (var w in t.Widths) sb.Append($"<col width=\"{Px(w)}\" style=\"width: {F(w)}cm\">");
        sb.Append("</colgroup>\n");
        // Header rows go in <thead> when they repeat on each page (browsers and LibreOffice repeat a thead).
        var useHead = t.Repeat && headRows > 0;
        if (useHead) sb.Append("<thead>\n");
        for (var r = 0; r < t.Rows.Count; r++)
        {
            if (useHead && r == headRows) sb.Append("</thead><tbody>\n");
            else if (!useHead && r == 0) sb.Append("<tbody>\n");
            var rs = t.Rows[r];
            var isHeader = r < t.HeaderRows;
            var isNumber = t.NumberRow && r == t.HeaderRows;
            sb.Append("<tr>");
            var col = 0;
            foreach (var c in rs.Cells)
            {
                if (c.MergeUp) { col += c.Span; continue; }
                string align;
                bool? bold;
                if (isHeader || isNumber) { align = "center"; bold = isHeader ? c.Bold ?? true : c.Bold; }
                else
                {
                    var a = col < t.ColumnAlign.Count ? t.ColumnAlign[col] : (col == 1 ? "l" : "c");
                    align = a switch { "l" => "left", "r" => "right", _ => "center" };
                    var head = string.Join(" ", rs.Cells.Take(2).Select(x => x.Text)).Trim();
                    bold = c.Bold ?? rs.Bold ?? (Truth.IsTotalText(head) ? true : null);
                }
                align = c.Align ?? align;
                var attrs = "";
                if (c.Span > 1) attrs += $" colspan=\"{c.Span}\"";
                if (spans.TryGetValue((r, col), out var rowspan) && rowspan > 1) attrs += $" rowspan=\"{rowspan}\"";
                var cls = r < headRows && style.ShadedHeader && !useHead ? " class=\"head\"" : "";
                var shade = r < headRows && style.ShadedHeader ? " bgcolor=\"#d9d9d9\"" : "";
                sb.Append($"<td{attrs}{cls}{shade} align=\"{align}\" style=\"text-align: {align}\">");
                var notes = new List<List<ParaSpec>>();
                // The cell's paragraphs as lines (<br>): paragraphs in cells get LibreOffice's paragraph spacing.
                var lines = c.Paras.Select(p => Runs(p, bold, notes)).ToList();
                var inner = string.Join("<br>", lines);
                if (c.Italic == true) inner = $"<i>{inner}</i>";
                sb.Append(inner);
                sb.Append("</td>");
                col += c.Span;
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
        return sb.ToString();
    }
}
