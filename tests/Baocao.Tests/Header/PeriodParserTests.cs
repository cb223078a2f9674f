using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Tests.Header;

public class PeriodParserTests
{
    // ---- The rule of Nghị định 09/2019/NĐ-CP, every kind ----

    [Theory]
    [InlineData(1, "2021-12-15", "2022-01-14")]    // January starts in the previous year
    [InlineData(5, "2022-04-15", "2022-05-14")]
    [InlineData(10, "2022-09-15", "2022-10-14")]
    [InlineData(12, "2022-11-15", "2022-12-14")]
    public void MonthRule(int month, string from, string to)
    {
        Assert.Equal(new Period("month", 2022, null, month, null, from, to, false), PeriodParser.ForMonth(2022, month));
    }

    [Theory]
    [InlineData(1, "2020-12-15", "2021-03-14")]    // Q1 crosses the year boundary
    [InlineData(2, "2021-03-15", "2021-06-14")]
    [InlineData(3, "2021-06-15", "2021-09-14")]
    [InlineData(4, "2021-09-15", "2021-12-14")]
    public void QuarterRule(int quarter, string from, string to)
    {
        Assert.Equal(new Period("quarter", 2021, quarter, null, null, from, to, false), PeriodParser.ForQuarter(2021, quarter));
    }

    [Theory]
    [InlineData(1, "2021-12-15", "2022-06-14")]
    [InlineData(2, "2022-06-15", "2022-12-14")]
    public void HalfRule(int half, string from, string to)
    {
        Assert.Equal(new Period("half", 2022, null, null, half, from, to, false), PeriodParser.ForHalf(2022, half));
    }

    [Fact]
    public void YearRule_CrossesTheYearBoundary()
    {
        Assert.Equal(new Period("year", 2023, null, null, null, "2022-12-15", "2023-12-14", false), PeriodParser.ForYear(2023));
    }

    // ---- Period words ----

    [Theory]
    [InlineData("quý II/2021", 2, 2021)]
    [InlineData("Quý III năm 2021", 3, 2021)]
    [InlineData("quý 4 năm 2022", 4, 2022)]
    [InlineData("Kỳ báo cáo: Quý III/Năm 2021", 3, 2021)]
    [InlineData("QUÝ I/2020", 1, 2020)]
    [InlineData("Quý IV - 2019", 4, 2019)]
    [InlineData("quí 1 năm 2022", 1, 2022)]
    public void Quarter(string text, int quarter, int year)
    {
        var p = PeriodParser.Parse(text);
        Assert.Equal(PeriodParser.ForQuarter(year, quarter), p);
    }

    [Theory]
    [InlineData("tháng 10 năm 2019", 10, 2019)]
    [InlineData("tháng 5/2022", 5, 2022)]
    [InlineData("Tháng 01 năm 2023", 1, 2023)]
    [InlineData("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT CHỦ TỤC HÀNH CHÍNH THÁNG 10 NĂM 2019", 10, 2019)]
    public void Month(string text, int month, int year)
    {
        Assert.Equal(PeriodParser.ForMonth(year, month), PeriodParser.Parse(text));
    }

    [Theory]
    [InlineData("6 tháng đầu năm 2022", 1)]
    [InlineData("06 tháng đầu năm 2022", 1)]
    [InlineData("6 tháng cuối năm 2022", 2)]
    [InlineData("sáu tháng đầu năm 2022", 1)]
    [InlineData("Báo cáo 6 tháng năm 2022", 1)]
    public void Half(string text, int half)
    {
        Assert.Equal(PeriodParser.ForHalf(2022, half), PeriodParser.Parse(text));
    }

    [Fact]
    public void Half_WithoutYear_TakesTheDefaultYear()
    {
        Assert.Equal(PeriodParser.ForHalf(2021, 2), PeriodParser.Parse("kết quả 6 tháng cuối năm", null, defaultYear: 2021));
    }

    [Fact]
    public void Half_WithoutYearAndWithoutDefault_HasNoDates()
    {
        Assert.Equal(new Period("half", null, null, null, 2, null, null, false), PeriodParser.Parse("6 tháng cuối năm"));
    }

    [Fact]
    public void Year()
    {
        Assert.Equal(PeriodParser.ForYear(2023), PeriodParser.Parse("Kết quả thực hiện kiểm soát TTHC năm 2023"));
    }

    [Fact]
    public void NineMonths_IsCustomYearToDate()
    {
        Assert.Equal(new Period("custom", 2022, null, null, null, "2021-12-15", "2022-09-14", false), PeriodParser.Parse("9 tháng đầu năm 2022"));
    }

    [Fact]
    public void DurationInMonths_IsNotAPeriod()
    {
        Assert.Null(PeriodParser.Parse("giải quyết trong thời hạn 6 tháng kể từ ngày nhận hồ sơ"));
    }

    [Fact]
    public void MonthMissingItsYear_TakesTheNextPrintedYear()
    {
        var p = PeriodParser.Parse("báo cáo tháng 10 và phương hướng tháng 11 năm 2019");
        Assert.Equal(PeriodParser.ForMonth(2019, 10), p);
    }

    [Fact]
    public void FirstPhraseWins_QuarterBeforeYear()
    {
        // The report's own period comes first; "năm 2021" later belongs to the plan, and the quarter is more specific.
        var p = PeriodParser.Parse("quý II/2021 và phương hướng nhiệm vụ năm 2021");
        Assert.Equal(PeriodParser.ForQuarter(2021, 2), p);
    }

    [Fact]
    public void DateIsNotAYearlyPeriod()
    {
        Assert.Null(PeriodParser.Parse("Trà Cú, ngày 21 tháng 11 năm 2023"));
    }

    [Fact]
    public void HalfYearPhrase_IsNotReadAsAYear()
    {
        var p = PeriodParser.Parse("6 tháng đầu năm 2022");
        Assert.Equal("half", p!.Kind);
    }

    // ---- Explicit ranges ----

    [Fact]
    public void ExplicitRangeInText_WinsOverTheRule()
    {
        var p = PeriodParser.Parse("năm 2023 (từ ngày 01/01/2023 đến ngày 20/11/2023)");
        Assert.Equal(new Period("year", 2023, null, null, null, "2023-01-01", "2023-11-20", true), p);
    }

    [Fact]
    public void CaptionWithSeparateRangeLine()
    {
        var p = PeriodParser.Parse("Kỳ báo cáo: Quý II/2021", "(Từ ngày 15/3/2021 đến ngày 14/6/2021)");
        Assert.Equal(new Period("quarter", 2021, 2, null, null, "2021-03-15", "2021-06-14", true), p);
    }

    [Fact]
    public void UpperCaseRangeWithoutSecondNgay()
    {
        var p = PeriodParser.Parse("THÁNG 10 NĂM 2019", "(TỪ NGÀY 01/10/2019 ĐẾN 15/10/2019)");
        Assert.Equal(new Period("month", 2019, null, 10, null, "2019-10-01", "2019-10-15", true), p);
    }

    [Fact]
    public void RangeOnly_IsCustom()
    {
        var p = PeriodParser.Parse("(Từ ngày 16/9/2019 đến ngày 15/10/2019)");
        Assert.Equal(new Period("custom", null, null, null, null, "2019-09-16", "2019-10-15", true), p);
    }

    [Fact]
    public void RangeInWords()
    {
        var r = PeriodParser.FindRange("từ ngày 16 tháng 9 năm 2019 đến ngày 15 tháng 10 năm 2019");
        Assert.Equal((new DateOnly(2019, 9, 16), new DateOnly(2019, 10, 15)), r);
    }

    [Fact]
    public void RangeStartWithoutYear_TakesThePreviousYearAcrossDecember()
    {
        var r = PeriodParser.FindRange("từ ngày 15/12 đến ngày 14/3/2023");
        Assert.Equal((new DateOnly(2022, 12, 15), new DateOnly(2023, 3, 14)), r);
    }

    [Fact]
    public void RangeWithDashAndNoDen()
    {
        var r = PeriodParser.FindRange("từ 15/3 - 14/6/2021");
        Assert.Equal((new DateOnly(2021, 3, 15), new DateOnly(2021, 6, 14)), r);
    }

    [Fact]
    public void ImpossibleRange_IsIgnored()
    {
        Assert.Null(PeriodParser.FindRange("từ ngày 32/13/2021 đến ngày 14/6/2021"));
        Assert.Null(PeriodParser.FindRange("từ ngày 15/6/2021 đến ngày 14/3/2021"));   // ends before it starts
    }

    [Fact]
    public void RangeMaskedFromYearWords()
    {
        // Only the range: "2023" inside it must not make a yearly period.
        Assert.Equal("custom", PeriodParser.Parse("từ ngày 01 tháng 01 năm 2023 đến ngày 20 tháng 11 năm 2023")!.Kind);
    }

    // ---- A range stated in the body ----

    [Fact]
    public void StatedRange_FollowsThePeriodWords()
    {
        var p = PeriodParser.ParseStatedRange("Trung tâm báo cáo tình hình kết quả giải quyết thủ tục hành chính (TTHC) tháng 10 năm 2019 (từ ngày 16/9/2019 đến ngày 15/10/2019) như sau:");
        Assert.Equal(new Period("month", 2019, null, 10, null, "2019-09-16", "2019-10-15", true), p);
    }

    [Fact]
    public void StatedRange_NotAdjacent_IsNotTaken()
    {
        Assert.Null(PeriodParser.ParseStatedRange("Kết quả quý III năm 2021 như sau. Kết quả giải quyết TTHC từ ngày 15/6/2021 đến ngày 14/9/2021."));
    }

    [Fact]
    public void NoPeriod_IsNull()
    {
        Assert.Null(PeriodParser.Parse("Công tác kiểm soát thủ tục hành chính"));
        Assert.Null(PeriodParser.Parse(null));
    }
}
