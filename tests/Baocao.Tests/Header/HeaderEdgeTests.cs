using Baocao.Documents;
using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Tests.Header;

/// <summary>Header cases beyond the seeds, each in both arrangements unless the case only exists in one reader.</summary>
public class HeaderEdgeTests
{
    private const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto2 = "Độc lập - Tự do - Hạnh phúc";

    private static ReportHeader Parse(Layout layout, params Part[] parts) => HeaderParser.Parse(DocBuilder.Render(layout, parts));

    /// <summary>A minimal report around the parts under test.</summary>
    private static Part[] Report(Columns header, string title, Columns signature, params Part[] tail) =>
    [
        header,
        new Centre("BÁO CÁO"),
        new Centre(title),
        new Para("Thực hiện Kế hoạch kiểm soát thủ tục hành chính năm 2022, Sở báo cáo kết quả như sau:"),
        new Para("1. Tình hình, kết quả giải quyết TTHC", Bold: true),
        new Para("Trên đây là báo cáo của Sở./."),
        signature,
        .. tail,
    ];

    private static Columns BenTreHeader(string date = "Bến Tre, ngày 05 tháng 4 năm 2022", string number = "Số: 120/BC-STP") =>
        new(["UBND TỈNH BẾN TRE", "SỞ TƯ PHÁP", number], [Motto1, Motto2, date]);

    private static Columns Signature(params string?[] right) =>
        new(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], right, CenterCells: false);

    // ---- Signer authorities ----

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_TmThenKt_NearestPrefixWins(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", null, null, "Lê Văn Hòa")));
        Assert.Equal(new Signer("Lê Văn Hòa", "PHÓ CHỦ TỊCH", "KT."), h.Signer);
        Assert.Equal(["Như trên", "Lưu: VT"], h.Recipients);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_TmChairman(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null, null, "Trần Ngọc Tam")));
        Assert.Equal(new Signer("Trần Ngọc Tam", "CHỦ TỊCH", "TM."), h.Signer);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_Tl(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", null, null, "Võ Thị Mai")));
        Assert.Equal(new Signer("Võ Thị Mai", "CHÁNH VĂN PHÒNG", "TL."), h.Signer);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_ActingHead_TitleIsTheOfficeHeld(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("Q. GIÁM ĐỐC", null, null, null, "Đặng Văn Nam")));
        Assert.Equal(new Signer("Đặng Văn Nam", "GIÁM ĐỐC", "Q."), h.Signer);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_SignedMarkAndNameInCapitals(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", null, "NGUYỄN THỊ LAN")));
        Assert.Equal(new Signer("NGUYỄN THỊ LAN", "PHÓ GIÁM ĐỐC", "KT."), h.Signer);
    }

    [Theory]
    [InlineData(Layout.Docx)]   // one paragraph with a soft line break, as seed 001 prints it
    [InlineData(Layout.Pdf)]    // a reader that ran the two lines together
    public void Signer_PrefixAndTitleInOneParagraph(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", null, null, null, "Tăng Thị Thắm")));
        Assert.Equal(new Signer("Tăng Thị Thắm", "PHÓ CHỦ TỊCH", "KT."), h.Signer);
    }

    [Fact]
    public void Signer_WholeCellRunTogether()
    {
        var h = Parse(Layout.Docx, Report(BenTreHeader(), "Kết quả quý I năm 2022",
            Signature("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tăng Thị Thắm")));
        Assert.Equal(new Signer("Tăng Thị Thắm", "PHÓ CHỦ TỊCH", "KT."), h.Signer);
    }

    [Fact]
    public void Signer_OcrGarbledNoiNhan_LevelWithAnAuthorityLine_AndAMisreadCaptionEndsTheRecipients()
    {
        // Sample 02 at 200 dpi: the bold italic "Nơi" read as "Mại"; the next page's "Biểu số" read as "Biếu số".
        var blocks = DocBuilder.Pdf(BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"),
            new Para("Trên đây là báo cáo của Sở./."));
        TextBlock L(string t, Side s, double y, int page = 1) => new(t, page, new BBox(s == Side.Left ? 60 : 320, y, s == Side.Left ? 200 : 500, y + 11), s, false, false);
        blocks.AddRange([
            L("Mạinhận:", Side.Left, 400), L("KT. CHU TỊCH", Side.Right, 401), L("- Như trên;", Side.Left, 414), L("PHÓ CHỦ TỊCH", Side.Right, 415),
            L("- Lưu: VT.", Side.Left, 429), L("Tăng Thị Thắm", Side.Right, 470), L("Biếu số II.06a/VPCP/KSTT", Side.Left, 60, page: 2),
        ]);
        var h = HeaderParser.Parse(blocks);
        Assert.Equal(new Signer("Tăng Thị Thắm", "PHÓ CHỦ TỊCH", "KT."), h.Signer);
        Assert.Equal(["Như trên", "Lưu: VT"], h.Recipients);
    }

    [Fact]
    public void Signer_ShortLeftLineEndingInNhan_WithoutAnAuthorityBeside_IsBodyText()
    {
        var blocks = DocBuilder.Pdf(BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"),
            new Para("Trên đây là báo cáo của Sở./."));
        TextBlock L(string t, Side s, double y) => new(t, 1, new BBox(s == Side.Left ? 60 : 320, y, s == Side.Left ? 200 : 500, y + 11), s, false, false);
        // No "Nơi nhận" at all: the recipients are unknown, and "Tiếp nhận:" with its list is not taken for them.
        blocks.AddRange([
            L("Tiếp nhận:", Side.Left, 300), L("- Trực tuyến: 12 hồ sơ;", Side.Left, 314),
            L("KT. GIÁM ĐỐC", Side.Right, 400), L("PHÓ GIÁM ĐỐC", Side.Right, 414), L("Lê Thị Hoa", Side.Right, 470),
        ]);
        var h = HeaderParser.Parse(blocks);
        Assert.Empty(h.Recipients);
        Assert.Equal(new Signer("Lê Thị Hoa", "PHÓ GIÁM ĐỐC", "KT."), h.Signer);
    }

    [Theory]
    [InlineData("IM. UY BAN NHAN DAN", "CHỦ TỊCH", "TM.")]        // sample 07 at 300 dpi: the bold T read as I
    [InlineData("'TL. GLAM ĐOC", "CHÁNH VĂN PHÒNG", "TL.")]       // sample 09: a stray quote before the prefix
    public void Signer_OcrNoiseOnTheAuthorityPrefix(string authorityLine, string title, string authority)
    {
        var h = Parse(Layout.Pdf, Report(BenTreHeader(), "Kết quả quý I năm 2022", Signature(authorityLine, title, null, null, "Đặng Văn Hải")));
        Assert.Equal(new Signer("Đặng Văn Hải", title, authority), h.Signer);
    }

    [Fact]
    public void Signer_PdfPrefixSortedJustAboveNoiNhan()
    {
        // The signer's first line is a point higher than "Nơi nhận:", so the reader emits it first.
        var blocks = DocBuilder.Pdf(BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"),
            new Para("Trên đây là báo cáo của Sở./."));
        var page = 1;
        TextBlock L(string t, Side s, double y) => new(t, page, new BBox(s == Side.Left ? 60 : 320, y, s == Side.Left ? 200 : 500, y + 11), s, false, false);
        blocks.AddRange([
            L("KT. GIÁM ĐỐC", Side.Right, 400), L("Nơi nhận:", Side.Left, 401), L("PHÓ GIÁM ĐỐC", Side.Right, 414),
            L("- Như trên;", Side.Left, 415), L("- Lưu: VT.", Side.Left, 429), L("Lê Thị Hoa", Side.Right, 470),
        ]);
        var h = HeaderParser.Parse(blocks);
        Assert.Equal(new Signer("Lê Thị Hoa", "PHÓ GIÁM ĐỐC", "KT."), h.Signer);
        Assert.Equal(["Như trên", "Lưu: VT"], h.Recipients);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_WithoutNoiNhan_FoundBeforeTheFirstForm(Layout layout)
    {
        var h = Parse(layout,
            BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"),
            new Para("Thực hiện Kế hoạch kiểm soát thủ tục hành chính năm 2022, Sở báo cáo kết quả như sau:"),
            new Para("Trên đây là báo cáo của Sở Tư pháp (đính kèm Biểu số 06a/VPCP/KSTT)./."),
            new Columns([], ["GIÁM ĐỐC", null, null, "Huỳnh Văn Be"]),
            new PageBreak(),
            new Raw("Biểu số 06a/VPCP/KSTT"),
            new Centre("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
            new Tbl(),
            new Para("NGƯỜI LẬP BIỂU"),
            new Para("Nguyễn Văn Lập"));
        Assert.Equal(new Signer("Huỳnh Văn Be", "GIÁM ĐỐC", null), h.Signer);
        Assert.Empty(h.Recipients);
        Assert.Equal(["06a"], h.Forms);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Signer_WithoutNoiNhan_PlainCentredParagraphsBeforeAnnex(Layout layout)
    {
        var h = Parse(layout,
            BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"),
            new Para("Trên đây là báo cáo của Sở Tư pháp./."),
            new Centre("TM. ỦY BAN NHÂN DÂN"), new Centre("CHỦ TỊCH"), new Centre("(Đã ký)", Bold: false), new Centre("Trần Văn Một"),
            new Raw("PHỤ LỤC I"), new Tbl());
        Assert.Equal(new Signer("Trần Văn Một", "CHỦ TỊCH", "TM."), h.Signer);
    }

    // ---- Agencies ----

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Agency_ThreeLevels_LastIsAgency(Layout layout)
    {
        var h = Parse(layout, Report(
            new Columns(["UBND TỈNH SÓC TRĂNG", "VĂN PHÒNG UBND TỈNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 06 /BC-TTHC"],
                [Motto1, Motto2, null, "Sóc Trăng, ngày 24 tháng 10 năm 2019"]),
            "Tình hình giải quyết TTHC tháng 10 năm 2019", Signature("GIÁM ĐỐC", null, "Phạm Thị Trinh")));
        Assert.Equal("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", h.Agency);
        Assert.Equal("VĂN PHÒNG UBND TỈNH", h.ParentAgency);
        Assert.Equal("Sóc Trăng", h.Province);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Agency_WrappedNamesJoin(Layout layout)
    {
        // In the DOCX the wrap is two paragraphs in the cell; in the PDF two printed lines. Either way one organ.
        var h = Parse(layout, Report(
            new Columns(["ỦY BAN NHÂN DÂN", "TỈNH BẾN TRE", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 33/BC-SLĐTBXH"],
                [Motto1, Motto2, null, null, "Bến Tre, ngày 5 tháng 4 năm 2022"]),
            "Kết quả quý I năm 2022", Signature("GIÁM ĐỐC", null, "Lê Văn Năm")));
        Assert.Equal("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", h.Agency);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH BẾN TRE", h.ParentAgency);
        Assert.Equal("Bến Tre", h.Province);
        Assert.Equal("33/BC-SLĐTBXH", h.Number);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Agency_DecorationsAndDraftMarkIgnored(Layout layout)
    {
        var h = Parse(layout,
        [
            new Raw("DỰ THẢO"),
            ..Report(
                new Columns(["UBND TỈNH BẾN TRE", "SỞ TƯ PHÁP", "-------", "Số: 120/BC-STP"],
                    [Motto1, Motto2, "________________", "Bến Tre, ngày 05 tháng 4 năm 2022"]),
                "Kết quả quý I năm 2022", Signature("GIÁM ĐỐC", null, "Lê Văn Năm")),
        ]);
        Assert.Equal("SỞ TƯ PHÁP", h.Agency);
        Assert.Equal("UBND TỈNH BẾN TRE", h.ParentAgency);
        Assert.Equal("120/BC-STP", h.Number);
        Assert.Equal("2022-04-05", h.Date);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Header_AsPlainParagraphs(Layout layout)
    {
        var h = Parse(layout,
            new Raw("UBND TỈNH BẾN TRE"), new Raw("SỞ TƯ PHÁP", Bold: true),
            new Raw(Motto1, Centered: true), new Raw(Motto2, Centered: true),
            new Raw("Số:  120 /BC-STP"), new Raw("Bến Tre, ngày  05  tháng 4 năm 2022"),
            new Centre("BÁO CÁO"), new Centre("Kết quả công tác kiểm soát TTHC quý I năm 2022"),
            new Para("Thực hiện Kế hoạch năm 2022, Sở báo cáo như sau:"),
            new Raw("Nơi nhận:"), new Raw("- Như trên;"), new Raw("- Lưu: VT."),
            new Raw("GIÁM ĐỐC", Centered: true), new Raw("Lê Văn Năm", Centered: true));
        Assert.Equal("SỞ TƯ PHÁP", h.Agency);
        Assert.Equal("UBND TỈNH BẾN TRE", h.ParentAgency);
        Assert.Equal("120/BC-STP", h.Number);
        Assert.Equal("Bến Tre", h.Place);
        Assert.Equal("2022-04-05", h.Date);
        Assert.Equal("Kết quả công tác kiểm soát TTHC quý I năm 2022", h.Title);
        Assert.Equal(PeriodParser.ForQuarter(2022, 1), h.Period);
        Assert.Equal(new Signer("Lê Văn Năm", "GIÁM ĐỐC", null), h.Signer);
        Assert.Equal(["Như trên", "Lưu: VT"], h.Recipients);
    }

    [Fact]
    public void Header_PlainParagraphsLaidOutWithTabs()
    {
        var h = Parse(Layout.Docx,
            new Raw("UBND TỈNH BẾN TRE\t\t" + Motto1), new Raw("SỞ TƯ PHÁP\t\t" + Motto2),
            new Raw("Số: 120/BC-STP\t\tBến Tre, ngày 05 tháng 4 năm 2022"),
            new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"),
            new Para("\tThực hiện Kế hoạch năm 2022, Sở báo cáo như sau:"),
            new Raw("Nơi nhận:\t\tKT. GIÁM ĐỐC"), new Raw("- Như trên;\t\tPHÓ GIÁM ĐỐC"), new Raw("- Lưu: VT."),
            new Raw("\t\tLê Văn Năm"));
        Assert.Equal("SỞ TƯ PHÁP", h.Agency);
        Assert.Equal("UBND TỈNH BẾN TRE", h.ParentAgency);
        Assert.Equal("120/BC-STP", h.Number);
        Assert.Equal("Bến Tre", h.Place);
        Assert.Equal(new Signer("Lê Văn Năm", "PHÓ GIÁM ĐỐC", "KT."), h.Signer);
        Assert.Equal(["Như trên", "Lưu: VT"], h.Recipients);
    }

    [Fact]
    public void Header_PdfLinesWithoutColumnsJoinedWithTheMotto()
    {
        // A PDF reader that did not split the header columns: both columns on one line each.
        var h = Parse(Layout.Pdf,
            new Raw("UBND TỈNH BẾN TRE " + Motto1), new Raw("SỞ TƯ PHÁP " + Motto2),
            new Raw("Số: 120/BC-STP Bến Tre, ngày 05 tháng 4 năm 2022"),
            new Centre("BÁO CÁO"), new Centre("Kết quả quý I năm 2022"));
        Assert.Equal("SỞ TƯ PHÁP", h.Agency);
        Assert.Equal("UBND TỈNH BẾN TRE", h.ParentAgency);
        Assert.Equal("120/BC-STP", h.Number);
        Assert.Equal("Bến Tre", h.Place);
        Assert.Equal("2022-04-05", h.Date);
    }

    // ---- Number and date ----

    [Fact]
    public void Pdf_NumberAndDaySplitAtTheirBlanks()
    {
        var blocks = new List<Block>();
        var y = 50.0;
        void Add(string t, Side s) => blocks.Add(new TextBlock(t, 1, new BBox(s == Side.Left ? 60 : 320, y, 500, y + 11), s, false, false));
        Add("UBND TỈNH TRÀ VINH", Side.Left); Add(Motto1, Side.Right); y += 14;
        Add("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", Side.Left); Add(Motto2, Side.Right); y += 14;
        Add("Số:", Side.Left); Add("/BC-STTTT", Side.Left); Add("Trà Vinh, ngày", Side.Right); Add("tháng 6 năm 2021", Side.Right);
        var h = HeaderParser.Parse(blocks);
        Assert.Null(h.Number);
        Assert.Equal("BC-STTTT", h.Symbol);
        Assert.Equal("Trà Vinh", h.Place);
        Assert.Equal("2021-06", h.Date);
        Assert.Equal("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", h.Agency);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Date_BlankDayAndMonth(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader("Bến Tre, ngày      tháng      năm 2022"), "Kết quả năm 2022", Signature("GIÁM ĐỐC", "Lê Văn Năm")));
        Assert.Equal("2022", h.Date);
        Assert.Equal("Bến Tre", h.Place);
        Assert.Equal(PeriodParser.ForYear(2022), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Date_NumericForm(Layout layout)
    {
        var h = Parse(layout, Report(BenTreHeader("Bến Tre, ngày 05/12/2022"), "Kết quả tháng 12 năm 2022", Signature("GIÁM ĐỐC", "Lê Văn Năm")));
        Assert.Equal("2022-12-05", h.Date);
        Assert.Equal(PeriodParser.ForMonth(2022, 12), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Place_CityWithUnitWord_ProvinceFromAgency(Layout layout)
    {
        var h = Parse(layout, Report(
            new Columns(["UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ TƯ PHÁP", "Số: 77/BC-STP"], [Motto1, Motto2, "Thành phố Hồ Chí Minh, ngày 3 tháng 7 năm 2022"]),
            "Kết quả 6 tháng đầu năm 2022", Signature("GIÁM ĐỐC", "Lê Văn Năm")));
        Assert.Equal("Thành phố Hồ Chí Minh", h.Place);
        Assert.Equal("Hồ Chí Minh", h.Province);
        Assert.Equal(PeriodParser.ForHalf(2022, 1), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Province_FromThePlaceWhenTheAgencyDoesNotSay(Layout layout)
    {
        var h = Parse(layout, Report(
            new Columns(["SỞ Y TẾ", "Số: 15/BC-SYT"], [Motto1, Motto2, "Cần Thơ, ngày 3 tháng 7 năm 2022"]),
            "Kết quả quý II năm 2022", Signature("GIÁM ĐỐC", "Lê Văn Năm")));
        Assert.Equal("SỞ Y TẾ", h.Agency);
        Assert.Null(h.ParentAgency);
        Assert.Equal("Cần Thơ", h.Province);
    }

    // ---- Title ----

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Title_SpacedBaoCao_StopsAtKinhGui(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(), new Centre("B Á O   C Á O"),
            new Centre("Tình hình thực hiện cơ chế một cửa, một cửa liên thông|quý 4 năm 2022"),
            new Centre("Kính gửi: Văn phòng UBND tỉnh Bến Tre", Bold: false),
            new Para("Thực hiện Kế hoạch năm 2022, Sở báo cáo như sau:"));
        Assert.Equal("Tình hình thực hiện cơ chế một cửa, một cửa liên thông quý 4 năm 2022", h.Title);
        Assert.Equal(PeriodParser.ForQuarter(2022, 4), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Title_WithoutAlignmentInformation(Layout layout)
    {
        // A reader that could not tell alignment: DOCX takes the one paragraph, PDF the lines up to the body's opening.
        var blocks = DocBuilder.Render(layout, BenTreHeader(), new Para("BÁO CÁO"),
            new Para("Kết quả kiểm soát thủ tục hành chính, triển khai cơ chế một cửa|quý I năm 2022"),
            new Para("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, Sở Tư pháp báo cáo kết quả như sau:"));
        var h = HeaderParser.Parse(blocks);
        Assert.Equal("Kết quả kiểm soát thủ tục hành chính, triển khai cơ chế một cửa quý I năm 2022", h.Title);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Title_CentredBaoCaoOverUnmarkedTitle(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(), new Centre("BÁO CÁO"),
            new Para("Kết quả kiểm soát thủ tục hành chính, triển khai cơ chế một cửa|6 tháng cuối năm 2022"),
            new Para("Căn cứ Kế hoạch số 12/KH-UBND của UBND tỉnh, Sở Tư pháp báo cáo kết quả như sau:"));
        Assert.Equal("Kết quả kiểm soát thủ tục hành chính, triển khai cơ chế một cửa 6 tháng cuối năm 2022", h.Title);
        Assert.Equal(PeriodParser.ForHalf(2022, 2), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Title_OnTheBaoCaoLine(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(), new Centre("BÁO CÁO KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH|QUÝ II NĂM 2022"),
            new Para("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, Sở Tư pháp báo cáo kết quả như sau:"));
        Assert.Equal("KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH QUÝ II NĂM 2022", h.Title);
        Assert.Equal(PeriodParser.ForQuarter(2022, 2), h.Period);
        Assert.Equal("SỞ TƯ PHÁP", h.Agency);
    }

    // ---- Period from the body ----

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Period_BodyRangeForOtherWords_IsNotTaken(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Kết quả giải quyết TTHC tháng 10 năm 2019"),
            new Para("So với tháng 9 năm 2019 (từ ngày 16/8/2019 đến ngày 15/9/2019), số hồ sơ tăng."));
        Assert.Equal(PeriodParser.ForMonth(2019, 10), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Period_TitleRangeWinsOverBodyRange(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(), new Centre("BÁO CÁO"),
            new Centre("Kết quả năm 2023 (từ ngày 01/01/2023 đến ngày 20/11/2023)"),
            new Para("Sở báo cáo kết quả năm 2023 (từ ngày 15/12/2022 đến ngày 14/12/2023) như sau:"));
        Assert.Equal(new Period("year", 2023, null, null, null, "2023-01-01", "2023-11-20", true), h.Period);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Period_TitleWithoutPeriod_TakesTheStatedOne(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(), new Centre("BÁO CÁO"), new Centre("Công tác kiểm soát thủ tục hành chính"),
            new Para("Sở Tư pháp báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính quý I năm 2022 (từ ngày 15/12/2021 đến ngày 14/3/2022) như sau:"));
        Assert.Equal(new Period("quarter", 2022, 1, null, null, "2021-12-15", "2022-03-14", true), h.Period);
    }

    // ---- Citations through the parser ----

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Citations_OwnNumberExcluded_AcrossPdfLineWrap(Layout layout)
    {
        var h = Parse(layout, BenTreHeader(number: "Số: 05/2022/BC-UBND"), new Centre("BÁO CÁO"), new Centre("Kết quả năm 2022"),
            new Para("Theo Nghị định số 61/2018/NĐ-|CP và Báo cáo số 05/2022/BC-UBND, đính kèm Biểu số|II.06a/VPCP/KSTT."));
        Assert.Equal("05/2022/BC-UBND", h.Number);
        Assert.Equal("BC-UBND", h.Symbol);
        Assert.Equal(["61/2018/NĐ-CP"], h.References);
        Assert.Equal(["II.06a"], h.Forms);
    }

    [Fact]
    public void EmptyDocument_GivesAnEmptyHeader()
    {
        var h = HeaderParser.Parse([]);
        Assert.Equal(
            ReportHeader.Empty with { Recipients = [], References = [], Forms = [] },
            h with { Recipients = [], References = [], Forms = [] },
            (a, b) => a.ToString() == b.ToString());
        Assert.Empty(h.Recipients);
        Assert.Empty(h.References);
        Assert.Empty(h.Forms);
    }

    [Fact]
    public void TablesOnly_GiveAnEmptyHeader()
    {
        var h = HeaderParser.Parse(DocBuilder.Docx(new Tbl(), new Tbl()));
        Assert.Null(h.Number);
        Assert.Null(h.Agency);
        Assert.Null(h.Title);
        Assert.Null(h.Signer);
    }
}
