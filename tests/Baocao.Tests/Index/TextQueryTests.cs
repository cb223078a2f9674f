using Baocao.Index;

namespace Baocao.Tests.Index;

public class TextQueryTests
{
    [Theory]
    [InlineData("lý lịch tư pháp", "\"ly\" AND \"lich\" AND \"tu\" AND \"phap\"")]
    [InlineData("\"lý lịch\" Đồng Tháp", "\"ly lich\" AND \"dong\" AND \"thap\"")]
    [InlineData("II.06a; DROP TABLE", "\"ii\" AND \"06a\" AND \"drop\" AND \"table\"")]
    public void Words_are_folded_and_quoted_so_nothing_is_query_syntax(string input, string fts) =>
        Assert.Equal(fts, TextQuery.Parse(input).ToFts5());

    [Fact]
    public void Highlights_mark_the_printed_words_whatever_the_diacritics_of_the_query()
    {
        var terms = TextQuery.Parse("ly lich tu phap").Terms;
        Assert.Equal("Cấp Phiếu «lý lịch tư pháp» cho công dân", Highlighter.Mark("Cấp Phiếu lý lịch tư pháp cho công dân", terms));
        Assert.Equal("SỞ «ĐỒNG» VĂN", Highlighter.Mark("SỞ ĐỒNG VĂN", TextQuery.Parse("dong").Terms));
        Assert.Null(Highlighter.Mark("Hộ tịch", terms));
    }

    [Fact]
    public void Matches_needs_every_group_and_phrases_in_order()
    {
        var q = TextQuery.Parse("\"lý lịch\" pháp");
        Assert.True(q.Matches("Lý lịch tư pháp"));
        Assert.False(q.Matches("lịch lý tư pháp"));
        Assert.False(q.Matches("Lý lịch"));
    }

    [Theory]
    [InlineData("2021", 2021, null, null, null)]
    [InlineData("2021-Q3", 2021, 3, null, null)]
    [InlineData("2021-q1", 2021, 1, null, null)]
    [InlineData("2022-05", 2022, null, 5, null)]
    [InlineData("2022-H2", 2022, null, null, 2)]
    public void Periods_parse(string text, int year, int? quarter, int? month, int? half) =>
        Assert.Equal(new PeriodFilter(year, quarter, month, half), PeriodFilter.Parse(text));

    [Theory]
    [InlineData("2021-Q5")]
    [InlineData("2021-13")]
    [InlineData("21")]
    [InlineData("quý 3")]
    public void Bad_periods_say_what_is_accepted(string text)
    {
        var e = Assert.Throws<QueryException>(() => PeriodFilter.Parse(text));
        Assert.Contains(text, e.Message);
        Assert.Contains("YYYY-Qn", e.Message);
    }
}
