using Baocao.Text;

namespace Baocao.Tests.Text;

public class NumberParserTests
{
    [Theory]
    [InlineData("5.661", 5661)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("68,75", 68.75)]
    [InlineData("01", 1)]
    [InlineData("00", 0)]
    [InlineData("100,00", 100.00)]
    [InlineData("2,7", 2.7)]
    [InlineData("1.234,5", 1234.5)]
    public void Reads_vietnamese_numbers(string raw, double expected)
    {
        var v = NumberParser.ParseCell(raw);
        Assert.Equal(ValueKind.Number, v.Kind);
        Assert.Equal((decimal)expected, v.Value);
        Assert.Empty(v.Flags);
    }

    [Fact]
    public void Percent_sign_is_kept_as_a_kind()
    {
        var v = NumberParser.ParseCell("18,92%");
        Assert.Equal(ValueKind.Percent, v.Kind);
        Assert.Equal(18.92m, v.Value);
    }

    [Theory]
    [InlineData("", ValueKind.Blank)]
    [InlineData("   ", ValueKind.Blank)]
    [InlineData("-", ValueKind.Dash)]
    [InlineData("x", ValueKind.Mark)]
    [InlineData("X", ValueKind.Mark)]
    [InlineData("Lĩnh vực báo chí", ValueKind.Text)]
    public void Non_numbers_are_typed_not_guessed(string raw, ValueKind kind)
    {
        var v = NumberParser.ParseCell(raw);
        Assert.Equal(kind, v.Kind);
        Assert.Null(v.Value);
    }

    [Fact]
    public void A_decimal_point_is_read_but_flagged()
    {
        var v = NumberParser.ParseCell("0.7");
        Assert.Equal(0.7m, v.Value);
        Assert.Contains(NumberParser.FlagDecimalPoint, v.Flags);
    }

    [Fact]
    public void A_comma_before_three_digits_is_flagged_as_ambiguous()
    {
        var v = NumberParser.ParseCell("1,234");
        Assert.Equal(1.234m, v.Value);
        Assert.Contains(NumberParser.FlagAmbiguousGrouping, v.Flags);
    }

    [Fact]
    public void Blank_is_not_zero()
    {
        Assert.NotEqual(NumberParser.ParseCell("0").Kind, NumberParser.ParseCell("").Kind);
        Assert.Equal(0m, NumberParser.ParseCell("0").Value);
    }
}
