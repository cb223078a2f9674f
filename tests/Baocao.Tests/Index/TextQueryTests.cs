using Baocao.Index;

namespace Baocao.Tests.Index;

public class TextQueryTests
{
    [Theory]
    [InlineData("lý lịch tư pháp", "\"ly lich tu phap\"")]
    [InlineData("\"lý lịch\" Đồng Tháp", "\"ly lich\" AND \"dong thap\"")]
    [InlineData("II.06a; DROP TABLE", "\"ii 06a\" AND \"drop table\"")]
    [InlineData("hộ tịch OR chứng thực, đất đai", "(\"ho tich\" OR \"chung thuc\") AND \"dat dai\"")]
    [InlineData("NEAR(a b) * ^x", "\"near\" AND \"a b\" AND \"x\"")]
    public void Adjacent_syllables_are_one_phrase_folded_and_quoted_so_nothing_is_query_syntax(string input, string fts) =>
        Assert.Equal(fts, TextQuery.Parse(input).ToFts5());

    [Fact]
    public void A_minus_leaves_out_the_phrase_after_it_and_or_joins_two_phrases()
    {
        var q = TextQuery.Parse("đất đai -phù cát");
        Assert.Equal("\"dat dai\"", q.ToFts5());
        Assert.Equal("\"phu cat\"", q.ExcludedFts5());
        Assert.True(q.Matches("Đất đai · huyện Trà Cú"));
        Assert.False(q.Matches("Đất đai · huyện Phù Cát"));
        Assert.True(q.Matches("Đất đai · phù hợp, cát tường"));
        var or = TextQuery.Parse("hộ tịch OR chứng thực");
        Assert.True(or.Matches("Chứng thực"));
        Assert.True(or.Matches("Hộ tịch"));
        Assert.False(or.Matches("Hồ sơ, tịch thu"));
        // "or" in lower case is a syllable of the phrase, not the operator.
        Assert.Single(TextQuery.Parse("a or b").Clauses);
    }

    [Fact]
    public void Syllables_match_as_a_phrase_not_one_by_one()
    {
        var q = TextQuery.Parse("ho tich");
        Assert.True(q.Matches("Hộ tịch (có yếu tố nước ngoài)"));
        // Issue 17: every "hồ sơ" used to count as "hồ".
        Assert.False(q.Matches("Số hồ sơ tiếp nhận; quốc tịch"));
        Assert.False(TextQuery.Parse("chứng thực").Matches("Chung cư, hình thức trực tuyến"));
    }

    [Fact]
    public void Runs_are_split_where_the_index_never_holds_them_together()
    {
        var held = new HashSet<string> { "ho tich", "phu cat", "ly lich tu phap" };
        bool Held(IReadOnlyList<string> w) => held.Contains(string.Join(' ', w));
        Assert.Equal("\"ho tich\" AND \"phu cat\"", TextQuery.Parse("hộ tịch phù cát").Resolve(Held).ToFts5());
        Assert.Equal("\"ly lich tu phap\"", TextQuery.Parse("lý lịch tư pháp").Resolve(Held).ToFts5());
        // Quoted phrases stay whole.
        Assert.Equal("\"ho tich phu cat\"", TextQuery.Parse("\"hộ tịch phù cát\"").Resolve(Held).ToFts5());
    }

    [Fact]
    public void Typed_marks_are_kept_for_ranking_and_only_the_marked_syllables_are_asked_of_the_marked_text()
    {
        Assert.Null(TextQuery.Parse("ho tich").MarkedFts5());
        Assert.Equal("\"hộ tịch\"", TextQuery.Parse("HỘ TỊCH").MarkedFts5());
        Assert.Equal("\"tịch\"", TextQuery.Parse("ho tịch").MarkedFts5());
        Assert.True(TextQuery.Parse("Hộ tịch").Marked);
    }

    [Fact]
    public void A_misspelt_syllable_gets_the_nearest_word_of_the_vocabulary()
    {
        var vocab = new (string, long)[] { ("ho", 30), ("tich", 8), ("tinh", 40), ("chung", 9), ("thuc", 9), ("phap", 5) };
        bool Held(string w) => vocab.Any(v => v.Item1 == w);
        Assert.Equal("ho tich", TextQuery.Parse("ho tihc").Suggest(Held, vocab)!.Describe());
        Assert.Equal("chung thuc", TextQuery.Parse("chung thucc").Suggest(Held, vocab)!.Describe());
        // Shown with the marks the index prints it with.
        Assert.Equal("ho tịch", TextQuery.Parse("ho tihc").Suggest(Held, vocab, w => w == "tich" ? "tịch" : null)!.Describe());
        Assert.Null(TextQuery.Parse("ho tich").Suggest(Held, vocab));
        // Of two syllables as near, the one that makes a phrase the index holds, though the other is commoner.
        var withTthc = vocab.Append(("tthc", 99)).ToArray();
        Assert.Equal("ho tthc", TextQuery.Parse("ho tihc").Suggest(w => withTthc.Any(v => v.Item1 == w), withTthc)!.Describe());
        Assert.Equal("ho tich", TextQuery.Parse("ho tihc").Suggest(w => withTthc.Any(v => v.Item1 == w), withTthc, phraseHeld: p => string.Join(' ', p) == "ho tich")!.Describe());
        Assert.Null(TextQuery.Parse("xyzzyq").Suggest(Held, vocab));
        Assert.Equal(1, TextQuery.Distance("tihc", "tich"));
        Assert.Equal(3, TextQuery.Distance("kitten", "sitting"));
    }

    [Fact]
    public void Highlights_mark_the_phrase_whatever_the_diacritics_of_the_query()
    {
        var phrases = TextQuery.Parse("ly lich tu phap").Phrases;
        Assert.Equal("Cấp Phiếu «lý lịch tư pháp» cho công dân", Highlighter.Mark("Cấp Phiếu lý lịch tư pháp cho công dân", phrases));
        Assert.Equal("SỞ «ĐỒNG» VĂN", Highlighter.Mark("SỞ ĐỒNG VĂN", TextQuery.Parse("dong").Phrases));
        Assert.Null(Highlighter.Mark("Hộ tịch", phrases));
        // The phrase, not each syllable: "hồ" of "hồ sơ" is not marked for "hộ tịch".
        Assert.Equal("Số hồ sơ «hộ tịch»: 12", Highlighter.Mark("Số hồ sơ hộ tịch: 12", TextQuery.Parse("hộ tịch").Phrases));
        Assert.Null(Highlighter.Mark("Số hồ sơ, quốc tịch", TextQuery.Parse("hộ tịch").Phrases));
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
    [InlineData("2022-Q2", 2022, null, 5, null, true)]
    [InlineData("2022-Q2", 2022, null, 4, null, true)]
    [InlineData("2022-Q2", 2022, null, 7, null, false)]
    [InlineData("2022-Q2", 2022, 2, null, null, true)]
    [InlineData("2022-H1", 2022, 1, null, null, true)]
    [InlineData("2022-H1", 2022, 2, null, null, true)]
    [InlineData("2022-H1", 2022, 3, null, null, false)]
    [InlineData("2022-H1", 2022, null, 6, null, true)]
    [InlineData("2022-H1", 2022, null, null, 1, true)]
    [InlineData("2022-H2", 2022, null, 6, null, false)]
    [InlineData("2022", 2022, null, 11, null, true)]
    [InlineData("2022-05", 2022, 2, null, null, false)]
    [InlineData("2022-Q2", 2021, 2, null, null, false)]
    public void Periods_nest(string filter, int year, int? quarter, int? month, int? half, bool within) =>
        Assert.Equal(within, PeriodFilter.Parse(filter).Contains(year, quarter, month, half));

    [Fact]
    public void Period_drill_down_goes_year_half_quarter_month_and_counts_what_lies_within()
    {
        Assert.Equal(["2022-H1", "2022-H2"], PeriodFilter.Parse("2022").Children().Select(p => p.ToString()));
        Assert.Equal(["2022-Q3", "2022-Q4"], PeriodFilter.Parse("2022-H2").Children().Select(p => p.ToString()));
        Assert.Equal(["2022-04", "2022-05", "2022-06"], PeriodFilter.Parse("2022-Q2").Children().Select(p => p.ToString()));
        Assert.Equal("2022-Q2", PeriodFilter.Parse("2022-05").Parent()!.ToString());
        FacetCount[] facet = [new("2022-Q2", 3), new("2022-05", 2), new("2022-H1", 1), new("2022-Q3", 4), new("2021-Q2", 7), new("2022", 1)];
        Assert.Equal(6, PeriodFilter.Parse("2022-H1").CountIn(facet));
        Assert.Equal(5, PeriodFilter.Parse("2022-Q2").CountIn(facet));
        Assert.Equal(11, PeriodFilter.Parse("2022").CountIn(facet));
    }

    [Theory]
    [InlineData("resolved.late:desc", "resolved.late", true)]
    [InlineData("received.total:asc", "received.total", false)]
    [InlineData("date", "date", true)]
    [InlineData("DATE:ASC", "date", false)]
    [InlineData("relevance", "relevance", true)]
    public void Sorts_parse(string text, string key, bool descending) =>
        Assert.Equal(new SearchSort(key, descending), SearchSort.Parse(text));

    [Theory]
    [InlineData("resolved.lat")]
    [InlineData("date:up")]
    public void Bad_sorts_say_what_is_accepted_in_vietnamese_first(string text)
    {
        var e = Assert.Throws<QueryException>(() => SearchSort.Parse(text));
        Assert.Contains(text, e.Message);
        Assert.Contains("asc", e.Message);
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
