using Baocao.Header;
using Baocao.Repairs;
using Baocao.Reports;

namespace Baocao.Tests.Ocr;

/// <summary>Quarter numerals OCR garbled in a title: read only when the report's date supports them, and always said so.</summary>
public class OcrQuarterTests
{
    [Theory]
    [InlineData("điện tử Quý IH năm 2021", 3, 2021, "Quý IH năm 2021")]
    [InlineData("môi trường điện tử quý I1/2021", 2, 2021, "quý I1/2021")]
    [InlineData("QUÝ Il", 2, null, "QUÝ Il")]
    [InlineData("quý H năm 2022", 2, 2022, "quý H năm 2022")]
    public void Garbled_numerals_count_their_strokes(string title, int quarter, int? year, string printed) =>
        Assert.Equal((quarter, year, printed), PeriodParser.GarbledQuarter(title));

    [Theory]
    [InlineData("Quý III năm 2021")]     // legible: the ordinary parser reads it
    [InlineData("quý 2/2021")]
    [InlineData("Quý HH năm 2021")]      // four strokes: no quarter
    [InlineData("quý I")]
    [InlineData("kết quả Hội nghị")]
    public void Legible_or_impossible_numerals_are_not_guessed(string title) => Assert.Null(PeriodParser.GarbledQuarter(title));

    private static ReportHeader Header(string title, string? date) =>
        new(null, null, "BC", "SỞ NGOẠI VỤ", null, "Quảng Ngãi", "Quảng Ngãi", date, title, PeriodParser.Parse(title), null, [], [], []);

    [Theory]
    [InlineData("2021-09")]
    [InlineData("2021-10-05")]   // the month after the quarter
    public void A_date_in_or_just_after_the_quarter_supports_the_reading(string date)
    {
        var (h, warning) = OcrQuarter.Repair(Header("Công tác kiểm soát thủ tục hành chính Quý IH năm 2021", date));
        Assert.Equal(PeriodParser.ForQuarter(2021, 3), h.Period);
        Assert.Equal("Công tác kiểm soát thủ tục hành chính Quý IH năm 2021", h.Title);   // the text stays as read
        Assert.Contains("«Quý IH năm 2021» is not legible (OCR); read as quarter 3 of 2021", warning);
    }

    [Theory]
    [InlineData("2021-06")]
    [InlineData(null)]
    public void Without_a_supporting_date_the_period_is_left_unread_and_flagged(string? date)
    {
        var before = Header("điện tử Quý IH năm 2021", date);
        Assert.Equal("year", before.Period?.Kind);   // what the title's "năm 2021" alone says: not this report's period
        var (h, warning) = OcrQuarter.Repair(before);
        Assert.Null(h.Period);
        Assert.Contains("the period is left unread", warning);
    }

    [Fact]
    public void A_legible_quarter_the_date_contradicts_is_flagged_not_changed()
    {
        var before = Header("điện tử Quý II năm 2021", "2021-09");
        var (h, warning) = OcrQuarter.Repair(before);
        Assert.Same(before, h);
        Assert.Contains("quarter 2 of 2021 does not fit the report's date 2021-09", warning);
        Assert.Null(OcrQuarter.Repair(Header("điện tử Quý II năm 2021", "2021-06-20")).Warning);
        Assert.Null(OcrQuarter.Repair(Header("điện tử năm 2021", "2021-12-20")).Warning);
    }
}
