using Baocao.Documents;
using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Tests.Header;

/// <summary>
/// The header from the strongest evidence (issue 14, item 5): a web system's printout without "Số:", title or issuing
/// block; a form's "Kỳ báo cáo" with its dates over a scanned title numeral; place and date only from an
/// administrative date line, never from a period's range.
/// </summary>
public class HeaderEvidenceTests
{
    private const string Stated = "Kỳ báo cáo: Quý III/2022 (Từ ngày 15/6/2022 đến ngày 14/9/2022)";

    /// <summary>A one-stop web system's report: unit lines at the right, a table title, the period line, the table, a signer.</summary>
    private static Part[] WebReport(string periodLine = Stated) =>
    [
        new Columns([], ["- Đơn vị báo cáo: UBND huyện Châu Thành", "- Đơn vị nhận báo cáo: UBND tỉnh Tiền Giang"]),
        new Centre("TỔNG HỢP TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC"),
        new Centre(periodLine, Bold: false),
        new Tbl(),
        new Columns([], ["Châu Thành, ngày 20 tháng 9 năm 2022", "Người làm báo cáo", null, "Nguyễn Văn Bình"], CenterCells: false),
        new Para("In từ Hệ thống thông tin giải quyết TTHC lúc 10:15 ngày 20/9/2022"),
    ];

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void WebPrintout_AgencyFromUnitLine_PlaceDateFromDateLine_NoNumber(Layout layout)
    {
        var h = HeaderParser.Parse(DocBuilder.Render(layout, WebReport()));
        Assert.Null(h.Number);
        Assert.Equal("UBND huyện Châu Thành", h.Agency);           // not the table's title
        Assert.Null(h.ParentAgency);
        Assert.Equal("Châu Thành", h.Place);                       // not "Từ"
        Assert.Equal("2022-09-20", h.Date);                        // not the range's 15/6/2022
        Assert.Equal(new Signer("Nguyễn Văn Bình", "Người làm báo cáo", null), h.Signer);   // under the table, with no "Nơi nhận"
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void WebPrintout_FormCodeAtTheLeft_RangeOnItsOwnLine(Layout layout)
    {
        // The form's code where an issuing block would stand, the range below the period words: neither is an agency,
        // a place or a date.
        var blocks = DocBuilder.Render(layout,
            new Columns(["Biểu số II.06a/VPCP/KSTT"], ["- Đơn vị báo cáo: Sở Tư pháp tỉnh Nghệ An", "- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh Nghệ An"]),
            new Centre("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI SỞ TƯ PHÁP TỈNH NGHỆ AN"),
            new Centre("Kỳ báo cáo: Tháng 5/2021", Bold: false),
            new Centre("(Từ ngày 15/4/2021 đến ngày 14/5/2021)", Bold: false),
            new Tbl(),
            new Columns([], ["Nghệ An, ngày 17 tháng 5 năm 2021", "Người làm báo cáo", null, null, "Lê Văn Phương"], CenterCells: false),
            new Para("In từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Nghệ An lúc 9:05 ngày 18/05/2021, người in: Lê Văn Phương"));
        var (h, warning) = StatedPeriod.Reconcile(HeaderParser.Parse(blocks), blocks, ocr: false);
        Assert.Null(warning);
        Assert.Null(h.Number);
        Assert.Null(h.Title);
        Assert.Equal("Sở Tư pháp tỉnh Nghệ An", h.Agency);
        Assert.Equal("Nghệ An", h.Province);
        Assert.Equal(("Nghệ An", "2021-05-17"), (h.Place, h.Date));
        Assert.Equal(new Period("month", 2021, null, 5, null, "2021-04-15", "2021-05-14", true), h.Period);
        Assert.Equal(new Signer("Lê Văn Phương", "Người làm báo cáo", null), h.Signer);
        Assert.Equal(["II.06a"], h.Forms);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void WebPrintout_UpperCaseJunkAboveTheTableTitle_IsNoAgency(Layout layout)
    {
        // On a scan the form's code came out as "SẠP", an upper-case line the table's title then continued: with no
        // title, number or motto on the page there is no issuing block, and the unit line names the agency.
        var h = HeaderParser.Parse(DocBuilder.Render(layout,
            new Raw("SẠP"),
            new Columns([], ["- Đơn vị báo cáo: Sở Tư pháp tỉnh Nghệ An", "- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh Nghệ An"]),
            new Centre("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI SỞ TƯ PHÁP TỈNH NGHỆ AN"),
            new Centre(Stated, Bold: false),
            new Tbl(),
            new Columns([], ["Nghệ An, ngày 17 tháng 9 năm 2022", "Người làm báo cáo", null, "Lê Văn Phương"], CenterCells: false)));
        Assert.Equal("Sở Tư pháp tỉnh Nghệ An", h.Agency);
        Assert.Null(h.ParentAgency);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Report_WithoutSigner_DoesNotTakeItsFormsPreparer(Layout layout)
    {
        // A titled report left unsigned: the "Người lập biểu" under its annexed form prepared the form, not the report.
        var h = HeaderParser.Parse(DocBuilder.Render(layout,
            new Columns(["UBND TỈNH BẾN TRE", "SỞ TƯ PHÁP"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bến Tre, ngày 05 tháng 4 năm 2022"]),
            new Centre("BÁO CÁO"),
            new Centre("Kết quả quý I năm 2022"),
            new Para("Thực hiện Kế hoạch năm 2022, Sở báo cáo kết quả như sau:"),
            new PageBreak(),
            new Raw("Biểu số II.06a/VPCP/KSTT"),
            new Tbl(),
            new Columns([], ["Người lập biểu", null, "Nguyễn Văn Lập"], CenterCells: false)));
        Assert.Null(h.Signer);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void WebPrintout_PeriodFromStatedLine(Layout layout)
    {
        var blocks = DocBuilder.Render(layout, WebReport());
        var (h, warning) = StatedPeriod.Reconcile(HeaderParser.Parse(blocks), blocks, ocr: false);
        Assert.Equal(new Period("quarter", 2022, 3, null, null, "2022-06-15", "2022-09-14", true), h.Period);
        Assert.Null(warning);
    }

    [Fact]
    public void RangeDate_IsNeverAPlaceDate()
    {
        Assert.Null(DateParser.ParsePlaceDate(Stated));
        Assert.Null(DateParser.ParsePlaceDate("(Từ ngày 15/6/2022 đến ngày 14/9/2022)"));
        Assert.Null(DateParser.ParsePlaceDate("tính đến ngày 14 tháng 9 năm 2022"));
        Assert.Equal("Châu Thành", DateParser.ParsePlaceDate("Châu Thành, ngày 20 tháng 9 năm 2022")!.Place);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void IssuingBlock_BeatsUnitLine(Layout layout)
    {
        var blocks = DocBuilder.Render(layout,
            new Columns(["UBND TỈNH BẾN TRE", "SỞ TƯ PHÁP"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bến Tre, ngày 05 tháng 4 năm 2022"]),
            new Centre("BÁO CÁO"),
            new Centre("Kết quả quý I năm 2022"),
            new Para("- Đơn vị báo cáo: Phòng Hành chính"),
            new Para("1. Tình hình chung"));
        var h = HeaderParser.Parse(blocks);
        Assert.Equal("SỞ TƯ PHÁP", h.Agency);
        Assert.Equal("UBND TỈNH BẾN TRE", h.ParentAgency);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void WrappedAgency_WithResultWords_StaysAnAgency(Layout layout)
    {
        var blocks = DocBuilder.Render(layout,
            new Columns(["UBND HUYỆN TRÀ CÚ", "BỘ PHẬN TIẾP NHẬN", "VÀ TRẢ KẾT QUẢ", "Số: 12/BC-BPMC"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Trà Cú, ngày 05 tháng 4 năm 2022"]),
            new Centre("BÁO CÁO"),
            new Centre("Kết quả quý I năm 2022"),
            new Para("1. Tình hình chung"));
        var h = HeaderParser.Parse(blocks);
        Assert.Equal("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", h.Agency);
    }

    /// <summary>A scanned report whose title numeral lost a stroke, with the form's period line on its table page.</summary>
    private static List<Block> ScannedReport(string titleQuarter, Layout layout = Layout.Pdf) => DocBuilder.Render(layout,
        new Columns(["UBND TỈNH TIỀN GIANG", "SỞ TƯ PHÁP", "Số: 88/BC-STP"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tiền Giang, ngày 20 tháng 9 năm 2022"]),
        new Centre("BÁO CÁO"),
        new Centre($"Kết quả kiểm soát thủ tục hành chính {titleQuarter}"),
        new Para("1. Tình hình chung"),
        new PageBreak(),
        new Centre("Biểu số II.06a/VPCP/KSTT"),
        new Para("Kỳ báo cáo: Quý III/2022"),
        new Para("(Từ ngày 15/6/2022 đến ngày 14/9/2022)"),
        new Tbl());

    [Theory]
    [InlineData("quý II năm 2022")]   // a stroke lost
    [InlineData("quý I năm 2022")]    // two lost
    public void Scan_StatedPeriodBeatsTitleNumeralThatLostStrokes(string titleQuarter)
    {
        var blocks = ScannedReport(titleQuarter);
        var parsed = HeaderParser.Parse(blocks);
        Assert.NotEqual(3, parsed.Period!.Quarter);
        var (h, warning) = StatedPeriod.Reconcile(parsed, blocks, ocr: true);
        // The title's words corrected, as the digital original's title gives them (its dates by the rule).
        Assert.Equal(new Period("quarter", 2022, 3, null, null, "2022-06-15", "2022-09-14", false), h.Period);
        Assert.Contains("lost a stroke", warning);
    }

    [Fact]
    public void Scan_GarbledNumeral_TakesStatedPeriod()
    {
        var blocks = ScannedReport("Quý IH năm 2022");
        var parsed = HeaderParser.Parse(blocks);
        Assert.Equal("year", parsed.Period!.Kind);
        var (h, warning) = StatedPeriod.Reconcile(parsed, blocks, ocr: true);
        Assert.Equal(3, h.Period!.Quarter);
        Assert.NotNull(warning);
    }

    [Fact]
    public void Scan_IllegibleNumeralWithoutYear_TakesTheStatedQuarterDatedByTheRule()
    {
        // "Quý IH" with no year gives the title no period at all.
        var blocks = ScannedReport("Quý IH");
        var parsed = HeaderParser.Parse(blocks);
        var (h, warning) = StatedPeriod.Reconcile(parsed with { Period = null }, blocks, ocr: true);
        Assert.Equal(new Period("quarter", 2022, 3, null, null, "2022-06-15", "2022-09-14", false), h.Period);
        Assert.Contains("not legible", warning);
    }

    [Fact]
    public void Scan_TitleNumeralNotAStrokeLoss_IsKeptAndFlagged()
    {
        // IV is not III with strokes lost: the disagreement is real, for a person to decide.
        var blocks = ScannedReport("quý IV năm 2022");
        var (h, warning) = StatedPeriod.Reconcile(HeaderParser.Parse(blocks), blocks, ocr: true);
        Assert.Equal(4, h.Period!.Quarter);
        Assert.Contains("kept", warning);
    }

    [Fact]
    public void Digital_TitleIsKept()
    {
        var blocks = ScannedReport("quý II năm 2022", Layout.Docx);
        var (h, warning) = StatedPeriod.Reconcile(HeaderParser.Parse(blocks), blocks, ocr: false);
        Assert.Equal(2, h.Period!.Quarter);
        Assert.Null(warning);
    }

    [Fact]
    public void StatedLine_WhoseWordsContradictItsDates_IsNoEvidence()
    {
        var blocks = DocBuilder.Pdf(new Para("Kỳ báo cáo: Quý III/2022 (Từ ngày 15/3/2022 đến ngày 14/6/2022)"), new Tbl());
        Assert.Null(StatedPeriod.Find(blocks));
    }

    [Fact]
    public void StatedLines_ThatDisagree_AreNoEvidence()
    {
        var blocks = DocBuilder.Pdf(
            new Para(Stated), new Tbl(),
            new Para("Kỳ báo cáo: Quý II/2022 (Từ ngày 15/3/2022 đến ngày 14/6/2022)"), new Tbl());
        Assert.Null(StatedPeriod.Find(blocks));
        Assert.NotNull(StatedPeriod.Find(blocks.Take(2).ToList()));
    }
}
