using Baocao.Documents;
using Baocao.Interpretation;
using Baocao.Reports;

namespace Baocao.Tests.Interpretation;

public class TableContextReaderTests
{
    private static TextBlock T(string s) => new(s, 3, null, Side.Full, false, false);

    private static Period? FakePeriod(string p, string? r) => new("quarter", 2021, 2, null, null, r is null ? null : "2021-03-15", null, r is not null);

    [Fact]
    public void The_caption_above_a_form_gives_code_title_period_units()
    {
        var grid = TestGrids.Build(["STT", "Tổng"], ["1", "2"]);
        var blocks = new List<Block>
        {
            T("Trên đây là báo cáo công tác kiểm soát TTHC quý II/2021 của Sở."),
            T("GIÁM ĐỐC"),
            T("Biểu số II.06a/VPCP/KSTT"),
            T("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
            T("TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
            T("Kỳ báo cáo: Quý II/2021"),
            T("(Từ ngày 15/3/2021 đến ngày 14/6/2021)"),
            T("- Đơn vị báo cáo:"),
            T("Sở Ngoại vụ Quảng Ngãi"),
            T("- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh"),
            T("Đơn vị tính: Số hồ sơ TTHC."),
            new TableBlock(grid),
            T("II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP"),
            T("TỈNH"),
            new TableBlock(grid),
        };
        var ctx = TableContextReader.Read(blocks, FakePeriod);
        Assert.Equal(2, ctx.Count);
        var a = ctx[0];
        Assert.Equal("II.06a", a.Form);
        Assert.Equal("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG", a.Title);
        Assert.Equal("Số hồ sơ TTHC", a.Unit);
        Assert.Equal("Sở Ngoại vụ Quảng Ngãi", a.ReportingUnit);
        Assert.Equal("Văn phòng UBND tỉnh", a.ReceivingUnit);
        Assert.True(a.Period!.Explicit);
        Assert.Null(a.Section);
        // The second table has only a section heading: it inherits the form's caption.
        var b = ctx[1];
        Assert.Equal("II.06a", b.Form);
        Assert.Equal(a.Title, b.Title);
        Assert.Equal("II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH", b.Section);
    }

    [Fact]
    public void Codes_of_the_2017_circular_and_an_agency_table_without_code()
    {
        var grid = TestGrids.Build(["STT", "Tổng"], ["1", "2"]);
        var blocks = new List<Block>
        {
            T("Biểu số 06a/VPCP/KSTT"), T("TÌNH HÌNH GIẢI QUYẾT TTHC"), new TableBlock(grid),
            T("Phụ lục III"), T("BẢNG TỔNG HỢP DANH MỤC TTHC ĐỀ XUẤT"),
            T("(Ban hành kèm theo Báo cáo số 06/BC-TTHC ngày 24/10/2019"), T("của Trung tâm Phục vụ hành chính công)"),
            new TableBlock(grid),
        };
        var ctx = TableContextReader.Read(blocks, FakePeriod);
        Assert.Equal("06a", ctx[0].Form);
        Assert.Null(ctx[1].Form);
        Assert.Equal("BẢNG TỔNG HỢP DANH MỤC TTHC ĐỀ XUẤT", ctx[1].Title);
        Assert.Null(ctx[1].Period);
    }

    [Fact]
    public void The_report_body_is_not_read_as_a_caption()
    {
        var grid = TestGrids.Build(["STT", "Tổng"], ["1", "2"]);
        var blocks = new List<Block> { T("BÁO CÁO"), T("Công tác kiểm soát thủ tục hành chính quý II/2021"), T("1. Đánh giá tác động TTHC: Không có"), new TableBlock(grid) };
        var ctx = TableContextReader.Read(blocks, FakePeriod).Single();
        Assert.Null(ctx.Title);
        Assert.Null(ctx.Form);
    }
}
