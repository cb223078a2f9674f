using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Figures;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Tests.Figures;

/// <summary>
/// The seed reports' results sections, read as DOCX paragraphs and as wrapped PDF lines: the exact set of
/// (key, value, scope) each yields, nothing missing and nothing extra.
/// </summary>
public partial class ProseFigureSeedTests
{
    public static TheoryData<string, string> Arrangements()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in Seeds.Keys)
            foreach (var arrangement in new[] { "paragraphs", "lines" })
                data.Add(seed, arrangement);
        return data;
    }

    private static readonly Dictionary<string, string> Seeds = new()
    {
        ["000"] = SeedSections.Seed000,
        ["001"] = SeedSections.Seed001,
        ["002"] = SeedSections.Seed002,
        ["003"] = SeedSections.Seed003,
        ["004"] = SeedSections.Seed004,
    };

    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["000"] =
        [
            "received.new=61", "received.online=59", "received.direct=1", "received.postal=0", "received.carried_over=1",
            "resolved.total=60", "resolved.early=60", "resolved.on_time=0", "resolved.late=0",
            "pending.total=1", "pending.on_time=1", "pending.late=0",
        ],
        ["001"] =
        [
            "received.new=22278", "received.direct=6717", "received.online=15561", "received.online.pct=69.85",
            "received.carried_over=0",
            "resolved.total=22278", "resolved.early_or_on_time=21829", "resolved.early_or_on_time.pct=97.98",
            "resolved.late=449", "resolved.late.pct=2.02",
            "pending.total=0", "pending.on_time=0", "pending.late=0",
        ],
        ["002"] =
        [
            "received.total=5661", "received.carried_over=1194", "received.new=4467",
            "resolved.total=3892", "resolved.total.pct=68.75",
            "resolved.early_or_on_time=3880", "resolved.early_or_on_time.pct=99.69",
            "resolved.late=12", "resolved.late.pct=0.31",
            "pending.total=1769", "pending.total.pct=31.25", "pending.on_time=1747", "pending.on_time.pct=98.76",
            "pending.late=22", "pending.late.pct=1.24",
            "returned=4", "returned.pct=0.07",
            "received.online=578", "received.online.pct=10.21",
        ],
        ["003"] = ["received.total=2", "resolved.early=2"],
        ["004"] =
        [
            "received.total=535312", "received.online=41698", "received.direct=427147", "received.carried_over=66802",
            "resolved.total=521145", "resolved.total.pct=97", "resolved.early=74177", "resolved.on_time=433832",
            "resolved.late=13136", "resolved.late.pct=2.4",
            "pending.total=14502", "pending.on_time=10899", "pending.late=3609", "pending.late.pct=0.7",
            .. Level("Cấp tỉnh", 154348, 21285, 131757, 1306, 149615, 12903, 135774, 938, "0.6", 4733, 4089, 644, "0.4"),
            .. Level("Cấp huyện", 94030, 18103, 57220, 18707, 86700, 23321, 57744, 5635, "5.9", 7330, 5078, 2252, "2.4"),
            .. Level("Cấp xã", 287269, 2310, 238170, 46789, 284830, 37953, 240314, 6563, "2.3", 2439, 1732, 713, "0.2"),
        ],
    };

    /// <summary>Seed 004 states the same thirteen figures for each level of government.</summary>
    private static string[] Level(string scope, int newCount, int online, int direct, int carried, int resolved, int early,
        int onTime, int late, string latePct, int pending, int pendingOnTime, int pendingLate, string pendingLatePct) =>
    [
        $"received.new={newCount}@{scope}", $"received.online={online}@{scope}", $"received.direct={direct}@{scope}",
        $"received.carried_over={carried}@{scope}", $"resolved.total={resolved}@{scope}", $"resolved.early={early}@{scope}",
        $"resolved.on_time={onTime}@{scope}", $"resolved.late={late}@{scope}", $"resolved.late.pct={latePct}@{scope}",
        $"pending.total={pending}@{scope}", $"pending.on_time={pendingOnTime}@{scope}", $"pending.late={pendingLate}@{scope}",
        $"pending.late.pct={pendingLatePct}@{scope}",
    ];

    private static IReadOnlyList<Block> Arrange(string seed, string arrangement) => arrangement == "paragraphs"
        ? TestBlocks.Paragraphs(Seeds[seed])
        : TestBlocks.Wrapped(Seeds[seed]);

    internal static string Describe(Figure f) =>
        $"{f.Key}={f.Value.ToString("0.############", CultureInfo.InvariantCulture)}" + (f.Scope is null ? "" : "@" + f.Scope);

    [Theory]
    [MemberData(nameof(Arrangements))]
    public void Seed_yields_exactly_the_stated_figures(string seed, string arrangement)
    {
        var figures = ProseFigureExtractor.Extract(Arrange(seed, arrangement));

        Assert.Equal(Expected[seed].Order(StringComparer.Ordinal), figures.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Arrangements))]
    public void Every_figure_is_a_number_printed_in_its_text(string seed, string arrangement)
    {
        var figures = ProseFigureExtractor.Extract(Arrange(seed, arrangement));

        Assert.NotEmpty(figures);
        foreach (var f in figures)
        {
            var printed = PrintedNumber().Matches(f.Text)
                .Select(m => m.Value.StartsWith('K') || m.Value.StartsWith('k') ? 0m
                    : NumberParser.TryParseNumber(m.Value, out var v, out _) ? v : (decimal?)null);
            Assert.True(printed.Contains(f.Value), $"{Describe(f)} is not printed in \"{f.Text}\"");
            Assert.Equal(VietText.Clean(f.Text), f.Text);
            Assert.DoesNotMatch(@"^[-+•:;,. ]", f.Text);
            Assert.True(f.Page >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Arrangements))]
    public void No_key_is_reported_twice_in_one_scope(string seed, string arrangement)
    {
        var figures = ProseFigureExtractor.Extract(Arrange(seed, arrangement));

        var repeated = figures.GroupBy(f => (f.Key, f.Scope)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Wrapping_into_lines_changes_neither_the_figures_nor_their_sentences(string seed)
    {
        static (string, decimal, string, string?) Strip(Figure f) => (f.Key, f.Value, f.Text, f.Scope);

        var fromParagraphs = ProseFigureExtractor.Extract(Arrange(seed, "paragraphs")).Select(Strip);
        var fromLines = ProseFigureExtractor.Extract(Arrange(seed, "lines")).Select(Strip);

        Assert.Equal(fromParagraphs, fromLines);
    }

    [Fact]
    public void Seed000_figures_come_in_reading_order_with_their_sentence()
    {
        var figures = ProseFigureExtractor.Extract(TestBlocks.Paragraphs(SeedSections.Seed000));

        Assert.Equal(
            ["received.new", "received.online", "received.direct", "received.postal", "received.carried_over",
             "resolved.total", "resolved.early", "resolved.on_time", "resolved.late",
             "pending.total", "pending.on_time", "pending.late"],
            figures.Select(f => f.Key));
        Assert.Equal(
            "Số lượng hồ sơ đã giải quyết: 60 hồ sơ; trong đó, giải quyết trước hạn: 60 hồ sơ, đúng hạn: 0 hồ sơ, quá hạn: 0 hồ sơ.",
            figures.Single(f => f.Key == "resolved.total").Text);
        Assert.StartsWith("Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: Số mới tiếp nhận trong kỳ: 61 hồ sơ",
            figures.Single(f => f.Key == "received.postal").Text);
        Assert.All(figures, f => Assert.Null(f.Scope));
    }

    [Fact]
    public void Seed002_sentences_are_cut_at_the_full_stop()
    {
        var figures = ProseFigureExtractor.Extract(TestBlocks.Paragraphs(SeedSections.Seed002));

        Assert.Equal(
            "Có 578 hồ sơ tiếp nhận qua hình thức trực tuyến (chiếm 10,21 % trên tổng số 5.661 hồ sơ, tăng 3,11 % so với tháng trước).",
            figures.Single(f => f.Key == "received.online").Text);
        Assert.StartsWith("Có 04 hồ sơ bị trả lại (chiếm 0,07 %",
            figures.Single(f => f.Key == "returned.pct").Text);
    }

    [Fact]
    public void Seed004_levels_keep_their_scope_and_their_own_sentence()
    {
        var figures = ProseFigureExtractor.Extract(TestBlocks.Paragraphs(SeedSections.Seed004));

        var provincial = figures.Where(f => f.Scope == "Cấp tỉnh").ToList();
        Assert.Equal(13, provincial.Count);
        Assert.All(provincial, f => Assert.StartsWith("Cấp tỉnh: Tổng số hồ sơ mới tiếp nhận trong kỳ báo cáo là: 154.348 hồ sơ.", f.Text));
        // "Trong đó" opens a new sentence after "(đạt tỉ lệ 97%)."
        Assert.StartsWith("Trong đó, giải quyết trước hạn: 74.177 hồ sơ",
            figures.Single(f => f.Key == "resolved.early" && f.Scope is null).Text);
        Assert.Equal(0.7m, figures.Single(f => f.Key == "pending.late.pct" && f.Scope is null).Value);
    }

    [Fact]
    public void Seed004_figures_carry_the_page_of_the_line_that_prints_them()
    {
        // Five lines a page: the section spreads over many pages and sentences cross page breaks.
        var blocks = TestBlocks.Wrapped(SeedSections.Seed004, linesPerPage: 5);
        var lines = blocks.OfType<TextBlock>().ToList();
        var figures = ProseFigureExtractor.Extract(blocks);

        var checkedCount = 0;
        foreach (var f in figures.Where(f => !f.Key.EndsWith(".pct", StringComparison.Ordinal)))
        {
            var printed = f.Value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
            var holders = lines.Where(l => Regex.IsMatch(l.Text, $@"(?<![\d.]){Regex.Escape(printed)}(?![\d.]\d)")
                                        || Regex.IsMatch(l.Text, $@"(?<![\d.]){f.Value}(?![\d.]\d)")).ToList();
            if (holders.Count != 1) continue; // the number is printed more than once: no single page to compare
            Assert.True(holders[0].Page == f.Page, $"{Describe(f)}: page {f.Page}, printed on page {holders[0].Page}");
            checkedCount++;
        }
        Assert.True(checkedCount >= 40, $"only {checkedCount} figures had a unique printed number");
        Assert.True(figures.Select(f => f.Page).Distinct().Count() >= 5);
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*|[Kk]hông")]
    private static partial Regex PrintedNumber();
}
