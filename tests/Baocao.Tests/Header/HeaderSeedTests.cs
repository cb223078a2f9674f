using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Tests.Header;

/// <summary>The five seed reports, each in both block arrangements (DOCX flattened, PDF interleaved lines).</summary>
public class HeaderSeedTests
{
    private static ReportHeader Parse(Layout layout, Part[] parts) => HeaderParser.Parse(DocBuilder.Render(layout, parts));

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Seed000_BlankNumberAndDay_QuarterByRule(Layout layout)
    {
        var h = Parse(layout, Seeds.S000);

        Assert.Null(h.Number);
        Assert.Equal("BC-STTTT", h.Symbol);
        Assert.Equal("BC", h.DocType);
        Assert.Equal("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", h.Agency);
        Assert.Equal("UBND TỈNH TRÀ VINH", h.ParentAgency);
        Assert.Equal("Trà Vinh", h.Province);
        Assert.Equal("Trà Vinh", h.Place);
        Assert.Equal("2021-06", h.Date);
        Assert.Equal("Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa và thực hiện thủ tục hành chính trên môi trường điện tử quý II/2021", h.Title);
        Assert.Equal(new Period("quarter", 2021, 2, null, null, "2021-03-15", "2021-06-14", false), h.Period);
        Assert.Equal(new Signer("Nguyễn Văn Này", "GIÁM ĐỐC", null), h.Signer);
        Assert.Equal(["VP UBND tỉnh (b/c)", "BGĐ Sở", "Lưu: VT, VP"], h.Recipients);
        Assert.Equal(["61/2018/NĐ-CP", "45/2020/NĐ-CP"], h.References);
        Assert.Equal(["II.05a", "II.06a", "II.07b", "II.08"], h.Forms);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Seed001_WrappedAgency_TitleRange_KtSigner(Layout layout)
    {
        var h = Parse(layout, Seeds.S001);

        Assert.Equal("533/BC-UBND", h.Number);
        Assert.Equal("BC-UBND", h.Symbol);
        Assert.Equal("BC", h.DocType);
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN TRÀ CÚ", h.Agency);
        Assert.Null(h.ParentAgency);
        Assert.Equal("Trà Vinh", h.Province);              // not in the agency nor the place: "tỉnh Trà Vinh" in the body
        Assert.Equal("Trà Cú", h.Place);
        Assert.Equal("2023-11-21", h.Date);
        Assert.Equal("Kết quả thực hiện kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử năm 2023 (từ ngày 01/01/2023 đến ngày 20/11/2023)", h.Title);
        Assert.Equal(new Period("year", 2023, null, null, null, "2023-01-01", "2023-11-20", true), h.Period);
        Assert.Equal(new Signer("Tăng Thị Thắm", "PHÓ CHỦ TỊCH", "KT."), h.Signer);
        Assert.Equal(["Như trên", "CT, các PCT. UBND huyện", "Các phòng, ban ngành trực thuộc", "UBND các xã, thị trấn", "LĐVP", "Lưu: VT"], h.Recipients);
        Assert.Equal(["01/2020/TT-VPCP", "07/2018/QĐ-UBND", "61/2018/NĐ-CP", "45/2016/QĐ-TTg", "45/2020/NĐ-CP", "107/2021/NĐ-CP"], h.References);
        Assert.Equal(["05a", "06b"], h.Forms);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Seed002_ThreeLevelAgency_MonthRangeFromBody(Layout layout)
    {
        var h = Parse(layout, Seeds.S002);

        Assert.Equal("06/BC-TTHC", h.Number);
        Assert.Equal("BC-TTHC", h.Symbol);
        Assert.Equal("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", h.Agency);
        Assert.Equal("VĂN PHÒNG UBND TỈNH", h.ParentAgency);
        Assert.Equal("Sóc Trăng", h.Province);             // from the top organ, "UBND TỈNH SÓC TRĂNG"
        Assert.Equal("Sóc Trăng", h.Place);
        Assert.Equal("2019-10-24", h.Date);
        Assert.Equal("Tình hình kết quả giải quyết thủ tục hành chính tháng 10 năm 2019", h.Title);
        Assert.Equal(new Period("month", 2019, null, 10, null, "2019-09-16", "2019-10-15", true), h.Period);
        Assert.Equal(new Signer("Phạm Thị Trinh", "GIÁM ĐỐC", null), h.Signer);
        Assert.Equal(
            ["Như trên", "Chủ tịch, các PCT. UBND tỉnh (để b/c)", "CVP, các PCVP. UBND (để b/c)", "Các Sở, ngành tỉnh", "Công chức Sở, ngành làm việc tại TT", "Lưu: VT, TTHC"],
            h.Recipients);
        Assert.Equal(["61/2018/NĐ-CP", "01/2018/TT-VPCP"], h.References);
        Assert.Empty(h.Forms);                              // "Phụ lục I/II/III" are the agency's own annexes
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Seed003_MixedCaseSymbol_QuarterWordsNotBodyRange(Layout layout)
    {
        var h = Parse(layout, Seeds.S003);

        Assert.Null(h.Number);
        Assert.Equal("BC-SNgV", h.Symbol);
        Assert.Equal("BC", h.DocType);
        Assert.Equal("SỞ NGOẠI VỤ", h.Agency);
        Assert.Equal("UBND TỈNH QUẢNG NGÃI", h.ParentAgency);
        Assert.Equal("Quảng Ngãi", h.Province);
        Assert.Equal("Quảng Ngãi", h.Place);
        Assert.Equal("2021-09", h.Date);
        Assert.Equal("Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử Quý III năm 2021", h.Title);
        // Section 6's "từ ngày 15/6/2021 đến ngày 14/9/2021" is deep in the body: the dates come from the rule.
        Assert.Equal(new Period("quarter", 2021, 3, null, null, "2021-06-15", "2021-09-14", false), h.Period);
        Assert.Equal(new Signer("Nguyễn Việt Vy", "GIÁM ĐỐC", null), h.Signer);
        Assert.Equal(["VPUBND tỉnh", "Sở Nội vụ", "SNgV: GD, PGD, VP, LTLSCB, HTQT", "Lưu: VT, TH"], h.Recipients);
        Assert.Equal(["09/2020/NĐ-CP", "01/2020/TT-VPCP", "45/2020/NĐ-CP"], h.References);
        Assert.Equal(["II.05a", "II.06a"], h.Forms);
    }

    [Theory]
    [InlineData(Layout.Docx)]
    [InlineData(Layout.Pdf)]
    public void Seed004_NewsPage_NoHeaderButCitations(Layout layout)
    {
        var h = Parse(layout, Seeds.S004);

        Assert.Null(h.Number);
        Assert.Null(h.Agency);
        Assert.Null(h.Date);                                // "Ngày cập nhật 12/03/2021" is not a document date
        Assert.Null(h.Title);
        Assert.Null(h.Period);
        Assert.Null(h.Signer);                              // a by-line with no title is not a signer
        Assert.Empty(h.Recipients);
        Assert.Equal("Thừa Thiên Huế", h.Province);
        Assert.Equal(["63/2008/NĐ-CP", "02/2017/TT-VPCP", "43/2018/QĐ-UBND", "30/2019/QĐ-UBND", "61/2018/NĐ-CP"], h.References);
        Assert.Equal(["II.02c", "II.03b", "II.04", "II.05b", "II.06c", "II.07b", "II.08"], h.Forms);
    }
}
