using Baocao.Documents;
using Baocao.Figures;
using Baocao.Reports;
using Baocao.Tables;

namespace Baocao.Tests.Figures;

/// <summary>Prose figures in reports without numbered headings (issue 14, item 7), in both reader shapes.</summary>
public class ProseWithoutHeadingTests
{
    private const string Report = """
        UBND HUYỆN CHÂU THÀNH
        BÁO CÁO
        Kết quả giải quyết thủ tục hành chính quý III năm 2022
        Thực hiện chỉ đạo của UBND tỉnh, UBND huyện báo cáo kết quả giải quyết thủ tục hành chính quý III năm 2022 như sau:
        - Tổng số hồ sơ tiếp nhận: 1.234 hồ sơ (trực tuyến: 1.000 hồ sơ; trực tiếp: 234 hồ sơ).
        - Số hồ sơ đã giải quyết: 1.200 hồ sơ, trong đó trước hạn: 1.100 hồ sơ, đúng hạn: 95 hồ sơ, quá hạn: 5 hồ sơ.
        - Số hồ sơ đang giải quyết: 34 hồ sơ.
        Nhìn chung công tác tiếp nhận và giải quyết hồ sơ được thực hiện đúng quy định, tuy nhiên còn 5 hồ sơ trễ hạn do phải xác minh.
        Trên đây là báo cáo của UBND huyện Châu Thành.
        Nơi nhận:
        - UBND tỉnh;
        """;

    private static readonly string[] Expected =
    [
        "pending.total=34", "received.direct=234", "received.online=1000", "received.total=1234",
        "resolved.early=1100", "resolved.late=5", "resolved.on_time=95", "resolved.total=1200",
    ];

    private static string[] Described(IReadOnlyList<Figure> figures) =>
        figures.Select(ProseFigureSeedTests.Describe).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void DashParagraphs_UnderTheIntroduction_Docx() =>
        Assert.Equal(Expected, Described(ProseFigureExtractor.Extract(TestBlocks.Paragraphs(Report))));

    [Fact]
    public void DashParagraphs_UnderTheIntroduction_Pdf() =>
        Assert.Equal(Expected, Described(ProseFigureExtractor.Extract(TestBlocks.Wrapped(Report))));

    /// <summary>Seed 002's wording, with no heading above it: who received the dossiers comes first.</summary>
    private const string ReceivedByTheCentre = """
        Thực hiện chỉ đạo của UBND tỉnh, Trung tâm báo cáo tình hình kết quả giải quyết thủ tục hành chính tháng 10 năm 2019 như sau:
        - Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 5.661 hồ sơ TTHC, trong đó:
        + Kỳ trước chuyển sang: 1.194 hồ sơ, tiếp nhận mới: 4.467 hồ sơ;
        + Đã giải quyết 3.892 hồ sơ (chiếm 68,75 % trên tổng số 5.661 hồ sơ); trong đó, trả hồ sơ trước hạn và đúng hạn là 3.880 hồ sơ, chiếm 99,69 %; số hồ sơ đã giải quyết trễ hạn 12 hồ sơ (chiếm 0,31 %).
        + Đang giải quyết 1.769 hồ sơ (chiếm 31,25 % trên tổng số 5.661 hồ sơ).
        - Tiếp tục hướng dẫn tổ chức, cá nhân nộp hồ sơ trực tuyến.
        Nơi nhận:
        """;

    [Fact]
    public void WhoReceivedFirst_WithoutHeadings_Docx() =>
        Assert.Equal(ReceivedByTheCentreFigures.Order(StringComparer.Ordinal), Described(ProseFigureExtractor.Extract(TestBlocks.Paragraphs(ReceivedByTheCentre))));

    [Fact]
    public void WhoReceivedFirst_WithoutHeadings_Pdf() =>
        Assert.Equal(ReceivedByTheCentreFigures.Order(StringComparer.Ordinal), Described(ProseFigureExtractor.Extract(TestBlocks.Wrapped(ReceivedByTheCentre))));

    private static readonly string[] ReceivedByTheCentreFigures =
    [
        "pending.total=1769", "pending.total.pct=31.25", "received.carried_over=1194", "received.new=4467", "received.total=5661",
        "resolved.early_or_on_time=3880", "resolved.early_or_on_time.pct=99.69", "resolved.late=12", "resolved.late.pct=0.31",
        "resolved.total=3892", "resolved.total.pct=68.75",
    ];

    [Fact]
    public void FirstPrintedLine_WithoutAFigure_StillOpensTheSection()
    {
        // A PDF wraps the paragraph's opening words onto a line of their own: its figures come on the next line.
        const string text = """
            Thực hiện chỉ đạo của UBND tỉnh, UBND huyện báo cáo như sau:
            - Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: số mới tiếp nhận trong kỳ: 1.234 hồ sơ (trực tuyến: 1.000 hồ sơ; trực tiếp: 234 hồ sơ); số từ kỳ trước chuyển qua: 16 hồ sơ.
            - Số lượng hồ sơ đã giải quyết: 1.200 hồ sơ.
            Nơi nhận:
            """;
        var blocks = TestBlocks.Wrapped(text, width: 60);
        // The precondition this test is about: the paragraph's first printed line holds no digit.
        Assert.Contains(blocks.OfType<TextBlock>(), b => b.Text.StartsWith("- Tổng số hồ sơ", StringComparison.Ordinal) && !b.Text.Any(char.IsAsciiDigit));
        Assert.Equal(
            ["received.carried_over=16", "received.direct=234", "received.new=1234", "received.online=1000", "resolved.total=1200"],
            Described(ProseFigureExtractor.Extract(blocks)));
    }

    [Fact]
    public void UnnumberedHeading_OpensTheSection()
    {
        var figures = ProseFigureExtractor.Extract(TestBlocks.Paragraphs("""
            Thực hiện chỉ đạo của UBND tỉnh, Sở báo cáo như sau:
            Tình hình, kết quả giải quyết TTHC:
            Số mới tiếp nhận trong kỳ: 61 hồ sơ; đã giải quyết 60 hồ sơ, đang giải quyết 1 hồ sơ.
            Nơi nhận:
            """));
        Assert.Equal(["pending.total=1", "received.new=61", "resolved.total=60"], Described(figures));
    }

    [Fact]
    public void TheSection_EndsAtATable()
    {
        var blocks = TestBlocks.Paragraphs("""
            - Tổng số hồ sơ tiếp nhận: 120 hồ sơ.
            """).ToList();
        blocks.Add(new TableBlock(new CellGrid(1, 1, [new GridCell(0, 0, 1, 1, "1", 1, null)], 1, null, "test")));
        blocks.AddRange(TestBlocks.Paragraphs("- Số hồ sơ đã giải quyết: 7 hồ sơ."));
        Assert.Equal(["received.total=120"], Described(ProseFigureExtractor.Extract(blocks)));
    }

    [Fact]
    public void A_report_that_counts_no_dossiers_gives_no_figures() =>
        Assert.Empty(ProseFigureExtractor.Extract(TestBlocks.Paragraphs("""
            Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2022, UBND huyện báo cáo như sau:
            - Đã tổ chức 3 hội nghị tập huấn cho 120 cán bộ.
            Nơi nhận:
            """)));
}
