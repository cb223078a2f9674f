using Baocao.Documents;
using Baocao.Index;
using Baocao.Reports;
using Baocao.Web;

namespace Baocao.Tests.Web;

/// <summary>The pure parts of the web interface: escaping, highlights, the document page's marks, the charts' figures and SVG.</summary>
public class WebPagesTests
{
    [Fact]
    public void Document_text_is_escaped_and_highlights_become_marks()
    {
        Assert.Equal("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", Html.E("<script>alert(\"x\")</script>"));
        Assert.Equal("Lý lịch tư pháp", Html.E("Lý lịch tư pháp"));
        Assert.Equal("Sở <mark>Tư pháp</mark> &lt;b&gt;", Html.Marked("Sở «Tư pháp» <b>"));
        Assert.Equal("<mark>a &amp; b</mark>", Html.Marked("«a & b"));
        Assert.Equal("5.661", Html.Num(5661));
        Assert.Equal("68,75", Html.Num(68.75m));
    }

    private static ReportRecord Record(string format, string label, TableCell[] cells, Check[] checks, bool box = true)
    {
        var columns = new List<TableColumn>
        {
            new(0, "c1", null, "STT", 1, null, 1), new(1, "c2", null, "Lĩnh vực", 2, null, 1),
            new(2, "c3", "received.total", "Tổng số", 3, "(3)=(4)+(5)", 0.97), new(3, "c4", "received.online", "Trực tuyến", 4, null, 0.95),
        };
        var row = new TableRow(0, "1", label, "item", new Dictionary<string, decimal?> { ["received.total"] = 58 },
            [new TableCell("c1", "1", "text", null, 2, null, 3, 0, []), new TableCell("c2", label, "text", null, 2, null, 3, 1, []), .. cells], 2);
        var table = new ReportTable(0, "II.06a", "TÌNH HÌNH <i>", null, 2, "Số hồ sơ", null, null, null, columns, [row], true);
        var header = new ReportHeader("12/BC-X", "BC-X", "BC", "SỞ <b>TƯ PHÁP</b>", null, "Bến Tre", "Bến Tre", "2021-06-20", "Báo cáo <script>x</script>",
            null, null, [], [], ["II.06a"]);
        return new ReportRecord(new SourceInfo("/x/report." + format, new string('a', 64), format, 3, false), header, [table], [], checks, []);
    }

    [Fact]
    public void The_document_page_marks_checked_and_low_confidence_cells_and_escapes_the_text()
    {
        var cells = new[]
        {
            new TableCell("c3", "58", "number", 58, 2, new BBox(100, 200, 120, 210), 3, 2, []),
            new TableCell("c4", "7", "number", 7, 2, new BBox(130, 200, 140, 210), 3, 3, ["low-confidence"], 0.55),
        };
        var check = new Check("table.formula", "error", "(3)=(4)+(5): printed 58, expected 7", 2, 0, "<x>", "received.total", 58, 7) { RowIndex = 0 };
        var html = DocumentPage.Render(42, Record("pdf", "<img src=x onerror=alert(1)>", cells, [check]), sourceKept: true, dpi: 100);

        Assert.DoesNotContain("<script>x", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("SỞ &lt;b&gt;TƯ PHÁP&lt;/b&gt;", html);
        // The finding sits on the received.total cell, which keeps its printed text and its box.
        Assert.Matches("<td id=\"t0-r0-c3\" class=\"cell number has-check error\" data-key=\"received.total\" data-page=\"2\" data-box=\"100,200,120,210\" title=\"table.formula: [^\"]*\">58</td>", html);
        Assert.Matches("<td id=\"t0-r0-c4\" class=\"cell number low\"[^>]*>7</td>", html);
        // Canonical names head the value columns; the STT and label columns are not repeated as values.
        // The column by its catalog label, the key kept for those who type it.
        Assert.Matches("data-key=\"received.total\" title=\"Tổng số [^\"]* · received.total · 0.97\">Tiếp nhận – Tổng số<small>", html);
        Assert.DoesNotContain("id=\"t0-r0-c2\"", html);
        Assert.Contains("id=\"page-img\"", html);
        Assert.Contains("src=\"/api/documents/42/pages/2.png\"", html);
        // Not a dead end: back to the search, and this record as JSON.
        Assert.Contains("<a id=\"back-to-search\" href=\"/\">", html);
        Assert.Contains("<a id=\"record-json\" href=\"/api/documents/42\">", html);
    }

    [Fact]
    public void A_docx_or_an_uncopied_pdf_is_shown_without_the_page_image_saying_why()
    {
        var cells = new[] { new TableCell("c3", "58", "number", 58, 1, null, 3, 2, []) };
        var docx = DocumentPage.Render(1, Record("docx", "Hộ tịch", cells, []), sourceKept: false, dpi: 100);
        Assert.Contains("id=\"no-image\"", docx);
        Assert.Contains("DOCX", docx);
        Assert.DoesNotContain("id=\"page-img\"", docx);
        Assert.DoesNotContain("data-box", docx);

        var pdf = DocumentPage.Render(1, Record("pdf", "Hộ tịch", cells, []), sourceKept: false, dpi: 100);
        Assert.Contains("ingest", pdf);
        Assert.DoesNotContain("id=\"page-img\"", pdf);
    }

    private static ExportRow Row(string path, string agency, string province, string period, string kind, params (string k, decimal v)[] values) =>
        new(path, Path.GetFileName(path), "h", "1/BC", agency, null, province, null, 2022, period, "t", 0, "II.06a", null, 0, null, "Tổng cộng", kind, 2,
            values.ToDictionary(v => v.k, v => (decimal?)v.v));

    [Fact]
    public void Chart_figures_come_from_each_reports_totals_row_counting_copies_once()
    {
        var rows = new[]
        {
            Row("/a/q1.docx", "SỞ A", "Vĩnh Long", "2022-Q1", "total", ("received.total", 540), ("resolved.total", 485), ("resolved.late", 5), ("received.online", 300), ("received.direct", 200)),
            Row("/a/q1.pdf", "SỞ A", "Vĩnh Long", "2022-Q1", "total", ("received.total", 540), ("resolved.total", 485), ("resolved.late", 5), ("received.online", 300), ("received.direct", 200)),
            Row("/a/q2.pdf", "SỞ A", "Vĩnh Long", "2022-Q2", "item", ("received.total", 9999)),
            Row("/a/q2.pdf", "SỞ A", "Vĩnh Long", "2022-Q2", "total", ("received.total", 585), ("resolved.total", 523), ("resolved.late", 8), ("received.online", 100), ("received.new", 400)),
            Row("/b/x.pdf", "SỞ B", "Trà Vinh", "2021-Q2", "total", ("received.total", 61), ("received.online", 60), ("received.direct", 1)),
        };
        var data = ChartFigures.From(rows, maxReports: 100);
        Assert.Equal(4, data.Reports);
        Assert.False(data.Truncated);
        var a = data.Agencies.First();
        Assert.Equal(("SỞ A", "Vĩnh Long"), (a.Agency, a.Province));
        Assert.Equal(["2022-Q1", "2022-Q2"], a.Periods.Select(p => p.Period));
        Assert.Equal(new PeriodFigures("2022-Q2", 585, 523, 8), a.Periods[1]);
        // Vĩnh Long: (300 + 100) online over (300 + 200) + 400 new; the DOCX copy of Q1 is not counted twice.
        var vl = data.Provinces.Single(p => p.Province == "Vĩnh Long");
        Assert.Equal((400m, 900m, 2), (vl.Online, vl.Base, vl.Reports));
        Assert.Equal(44.4m, vl.Percent);
        Assert.Equal("Trà Vinh", data.Provinces[0].Province);

        Assert.True(ChartFigures.From(rows, maxReports: 2).Truncated);
    }

    [Fact]
    public void Charts_are_inline_svg_with_escaped_labels_and_one_bar_per_figure()
    {
        var svg = SvgCharts.AgencyPeriods(new AgencySeries("SỞ <A>", "Vĩnh Long", [new("2022-Q1", 540, 485, 5), new("2022-Q2", 585, null, 8)]));
        Assert.StartsWith("<svg", svg);
        Assert.Contains("SỞ &lt;A&gt; — Vĩnh Long", svg);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(svg, "<rect class=\"bar [a-z]+\" x=\"\\d+\" y=\"[\\d.]+\" width=\"\\d+\" height=\"[\\d.]+\" fill=\"#[0-9a-f]{6}\"><title>").Count);
        Assert.Contains("Quý II/2022: quá hạn 8", svg);
        Assert.DoesNotContain("http://www.w3.org/1999/xlink", svg);

        var shares = SvgCharts.OnlineShares([new OnlineShare("Trà Vinh", 60, 61, 1), new OnlineShare("Bến <Tre>", 1, 4, 1)]);
        Assert.Contains("98,4%", shares);
        Assert.Contains("Bến &lt;Tre&gt;", shares);
    }
}
