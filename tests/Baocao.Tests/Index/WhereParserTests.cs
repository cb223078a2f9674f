using Baocao.Index;
using Baocao.Reports;

namespace Baocao.Tests.Index;

public class WhereParserTests
{
    private static readonly IReadOnlyCollection<string> Keys = CanonicalKeys.Dossier;

    [Fact]
    public void Comparisons_joined_by_and_parse_into_conditions()
    {
        var c = WhereParser.Parse("resolved.late>10 AND received.total >= 100 and pending.late!=0 and returned<=2.5", Keys);
        Assert.Equal([new Condition("resolved.late", CompareOp.Greater, 10), new Condition("received.total", CompareOp.GreaterOrEqual, 100),
            new Condition("pending.late", CompareOp.NotEqual, 0), new Condition("returned", CompareOp.LessOrEqual, 2.5m)], c);
        Assert.True(c[0].Holds(11));
        Assert.False(c[0].Holds(10));
        Assert.False(c[2].Holds(null));
    }

    [Theory]
    [InlineData("resolved.late>>10", "needs a number after '>'")]
    [InlineData("resolved.late 10", "has no operator after 'resolved.late'")]
    [InlineData("resolved.late>ten", "needs a number after '>', not 'ten'")]
    [InlineData(">10", "does not start with a key")]
    [InlineData("resolved.late>10 and", "'and' needs a condition on both sides")]
    [InlineData("resolved.late>10 and and received.total>1", "'and' needs a condition on both sides")]
    [InlineData("  ", "it is empty")]
    [InlineData("resolved.late>\u0661\u0660", "needs a number after")]
    [InlineData("resolved.late>99999999999999999999999999999999", "the number '99999999999999999999999999999999' is too large")]
    public void Malformed_conditions_say_what_is_wrong_and_the_valid_form(string text, string why)
    {
        var e = Assert.Throws<QueryException>(() => WhereParser.Parse(text, Keys));
        Assert.Contains(why, e.Message);
        Assert.Contains("OP one of > >= < <= = !=", e.Message);
    }

    [Fact]
    public void An_unknown_key_lists_the_valid_keys()
    {
        var e = Assert.Throws<QueryException>(() => WhereParser.Parse("resolved.lately>1", Keys));
        Assert.Contains("unknown key 'resolved.lately'", e.Message);
        foreach (var k in CanonicalKeys.Dossier) Assert.Contains(k, e.Message);
    }
}
