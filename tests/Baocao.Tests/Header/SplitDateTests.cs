using Baocao.Documents;
using Baocao.Header;

namespace Baocao.Tests.Header;

/// <summary>The PDF reader splits the date line at each blank the drafter left (day, month).</summary>
public class SplitDateTests
{
    private static TextBlock B(string text, Side side, double x0, double y) => new(text, 1, new BBox(x0, y, x0 + 5 * text.Length, y + 15), side, false, false);

    private static List<Block> Header(params TextBlock[] dateParts) =>
    [
        B("UBND TỈNH LONG AN", Side.Left, 107, 57),
        B("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Side.Full, 275, 57),
        B("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", Side.Left, 110, 71),
        B("Độc lập - Tự do - Hạnh phúc", Side.Right, 320, 70),
        .. dateParts,
        B("Số: 215/BC-STNMT", Side.Left, 120, 103),
        new TextBlock("BÁO CÁO", 1, new BBox(280, 150, 344, 169), Side.Full, true, false),
        new TextBlock("Kết quả kiểm soát TTHC 6 tháng đầu năm 2022", 1, new BBox(180, 170, 420, 186), Side.Full, true, false),
    ];

    [Fact]
    public void Blank_day_and_month_leave_three_pieces_that_are_one_date()
    {
        var h = HeaderParser.Parse(Header(B("Long An, ngày", Side.Full, 293, 101), B("tháng", Side.Right, 396, 101), B("năm 2022", Side.Right, 449, 101)));
        Assert.Equal("Long An", h.Place);
        Assert.Equal("2022", h.Date);
        Assert.Equal("215/BC-STNMT", h.Number);
    }

    [Fact]
    public void Blank_day_only_leaves_two_pieces()
    {
        var h = HeaderParser.Parse(Header(B("Long An, ngày", Side.Full, 293, 101), B("tháng 6 năm 2022", Side.Right, 410, 101)));
        Assert.Equal("2022-06", h.Date);
    }
}
