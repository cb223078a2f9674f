using Baocao.Documents;
using Baocao.Figures;
using Baocao.Reports;
using Baocao.Tables;

namespace Baocao.Tests.Figures;

/// <summary>Small cases around the seed grammar: zero as words, label order, wrapping, section bounds and non-figures.</summary>
public class ProseFigureEdgeTests
{
    private const string Heading = "6. Tình hình, kết quả giải quyết TTHC";

    private static IReadOnlyList<Figure> Read(string text) => ProseFigureExtractor.Extract(TestBlocks.Paragraphs(text));

    private static string[] Described(IReadOnlyList<Figure> figures) =>
        figures.Select(ProseFigureSeedTests.Describe).Order(StringComparer.Ordinal).ToArray();

    private static void AssertFigures(IReadOnlyList<Figure> figures, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), Described(figures));

    [Fact]
    public void Khong_co_as_the_whole_value_is_zero()
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đã giải quyết: 12 hồ sơ; trong đó, trước hạn: 12 hồ sơ, đúng hạn: Không, quá hạn: Không có.
            - Số lượng hồ sơ đang giải quyết: Không có.
            """);

        AssertFigures(figures, "resolved.total=12", "resolved.early=12", "resolved.on_time=0", "resolved.late=0", "pending.total=0");
        Assert.Contains("đúng hạn: Không,", figures.Single(f => f.Key == "resolved.on_time").Text);
    }

    [Fact]
    public void Khong_co_inside_a_sentence_is_not_a_value()
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đang giải quyết: không có hồ sơ quá hạn, không có hồ sơ bị trả lại.
            - Trả lại: không có trường hợp nào.
            """);

        Assert.Empty(figures);
    }

    [Fact]
    public void A_number_before_its_label_is_named_by_the_words_after_it()
    {
        var figures = Read($"""
            {Heading}
            - Trung tâm đã tiếp nhận 120 hồ sơ (45 trực tuyến, 75 trực tiếp); 3 hồ sơ bị trả lại.
            - Kết quả: 100 hồ sơ đã giải quyết đúng hạn, 20 hồ sơ đang giải quyết.
            """);

        AssertFigures(figures, "received.total=120", "received.online=45", "received.direct=75", "returned=3",
            "resolved.on_time=100", "pending.total=20");
    }

    [Fact]
    public void A_sentence_wrapped_across_lines_and_pages_gives_each_figure_the_page_of_its_number()
    {
        // Printed lines as a PDF reader gives them: the sentence breaks inside the clause "trước hạn: | 58 hồ sơ" and the
        // second line is on the next page.
        TextBlock Line(string text, int page, double right) => new(text, page, new BBox(56, 700, right, 712), Side.Full, false, false);
        var blocks = new List<Block>
        {
            Line(Heading, 1, 260),
            Line("- Số lượng hồ sơ đã giải quyết: 60 hồ sơ; trong đó, giải quyết trước hạn:", 1, 540),
            Line("58 hồ sơ, đúng hạn: 2 hồ sơ, quá", 2, 540),
            Line("hạn: 0 hồ sơ.", 2, 130),
        };

        var figures = ProseFigureExtractor.Extract(blocks);

        AssertFigures(figures, "resolved.total=60", "resolved.early=58", "resolved.on_time=2", "resolved.late=0");
        Assert.Equal(1, figures.Single(f => f.Key == "resolved.total").Page);
        Assert.Equal(2, figures.Single(f => f.Key == "resolved.early").Page);
        Assert.Equal(2, figures.Single(f => f.Key == "resolved.late").Page);
        Assert.All(figures, f => Assert.Equal(
            "Số lượng hồ sơ đã giải quyết: 60 hồ sơ; trong đó, giải quyết trước hạn: 58 hồ sơ, đúng hạn: 2 hồ sơ, quá hạn: 0 hồ sơ.", f.Text));
    }

    [Fact]
    public void Docx_paragraphs_carry_their_own_page()
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            {TestBlocks.PageBreak}
            - Số lượng hồ sơ đang giải quyết: 5 hồ sơ.
            """);

        Assert.Equal(1, figures.Single(f => f.Key == "resolved.total").Page);
        Assert.Equal(2, figures.Single(f => f.Key == "pending.total").Page);
    }

    [Fact]
    public void No_results_section_gives_no_figures()
    {
        // Figures worded like the results, but under other headings: the one-stop section has no "kết quả".
        var figures = Read("""
            5. Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, TTHC
            - Số phản ánh, kiến nghị đã xử lý: 3; đang xử lý: 1
            7. Tình hình tiếp nhận, giải quyết TTHC theo cơ chế một cửa, một cửa liên thông: Đã giải quyết 40 hồ sơ.
            """);

        Assert.Empty(figures);
        Assert.Empty(ProseFigureExtractor.Extract([]));
        Assert.Empty(Read(Heading)); // the heading is the last block: an empty section
        Assert.Throws<ArgumentNullException>(() => ProseFigureExtractor.Extract(null!));
    }

    [Fact]
    public void Changes_against_an_earlier_period_are_not_figures()
    {
        var figures = Read($"""
            {Heading}
            - Trung tâm đã tiếp nhận 5.661 hồ sơ TTHC (tăng 96 hồ sơ so với tháng trước), trong đó:
            - Số hồ sơ đã giải quyết tăng 25 hồ sơ so với cùng kỳ; số hồ sơ quá hạn giảm 3 hồ sơ.
            - Số lượng hồ sơ đang giải quyết: 7 hồ sơ (giảm 2,5 % so với quý trước).
            """);

        AssertFigures(figures, "received.total=5661", "pending.total=7");
    }

    [Fact]
    public void Back_references_to_the_total_are_not_figures()
    {
        var figures = Read($"""
            {Heading}
            - Đã giải quyết 3.892 hồ sơ (chiếm 68,75 % trên tổng số 5.661 hồ sơ đã tiếp nhận), trong đó quá hạn 12 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=3892", "resolved.total.pct=68.75", "resolved.late=12");
    }

    [Fact]
    public void Years_dates_document_numbers_and_other_units_are_not_figures()
    {
        var figures = Read($"""
            {Heading}
            - Năm 2023 (từ ngày 01/01/2023 đến ngày 20/11/2023), theo Quyết định số 1216/QĐ-UBND và Nghị định 61/2018/NĐ-CP, Trung tâm đã tiếp nhận 1.200 hồ sơ.
            - Đã giải quyết 12 trường hợp; đã tiếp nhận 35 TTHC; đang giải quyết 4 thủ tục.
            - Tiếp nhận hồ sơ trực tuyến mức độ 3, 4 theo Điều 9.
            - Có 817 ý kiến đánh giá (chiếm 20,99 % hồ sơ đã giải quyết).
            """);

        AssertFigures(figures, "received.total=1200");
    }

    [Fact]
    public void A_share_attaches_only_to_the_figure_read_just_before_it()
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đã giải quyết: 200 hồ sơ; trong đó, quá hạn: 10 hồ sơ, nguyên nhân 4 trường hợp (chiếm 2 %).
            - Đã giải quyết trước hạn: 150 hồ sơ, tỷ lệ trễ hạn 5%.
            """);

        // "(chiếm 2 %)" follows "4 trường hợp", not a figure; "tỷ lệ trễ hạn 5%" is labelled for itself.
        AssertFigures(figures, "resolved.total=200", "resolved.late=10", "resolved.early=150");
    }

    [Fact]
    public void A_repeated_key_keeps_its_first_statement()
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            - Như vậy, đã giải quyết 61 hồ sơ (chiếm 90%).
            """);

        AssertFigures(figures, "resolved.total=60");
        Assert.StartsWith("Số lượng hồ sơ đã giải quyết: 60", figures.Single().Text);
    }

    [Fact]
    public void Timeliness_takes_its_group_from_the_nearest_lead()
    {
        var figures = Read($"""
            {Heading}
            - Hồ sơ đã giải quyết: 50 hồ sơ, trong đó:
            + Trước hạn: 30 hồ sơ;
            + Đúng hạn: 15 hồ sơ;
            + Quá hạn: 5 hồ sơ.
            - Hồ sơ đang giải quyết: 9 hồ sơ, trong đó:
            + Đúng hạn: 8 hồ sơ;
            + Quá hạn: 1 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=50", "resolved.early=30", "resolved.on_time=15", "resolved.late=5",
            "pending.total=9", "pending.on_time=8", "pending.late=1");
    }

    [Fact]
    public void Timeliness_without_a_group_is_not_guessed()
    {
        var figures = Read($"""
            {Heading}
            - Trước hạn: 30 hồ sơ; quá hạn: 5 hồ sơ.
            - Số hồ sơ tiếp nhận: 40 hồ sơ; trong hạn: 40 hồ sơ.
            """);

        // "trong hạn" after received has no canonical key either.
        AssertFigures(figures, "received.total=40");
    }

    [Fact]
    public void Postal_alone_is_its_own_key_but_with_direct_it_is_direct()
    {
        var figures = Read($"""
            {Heading}
            - Số mới tiếp nhận trong kỳ: 10 hồ sơ (trực tiếp: 4 hồ sơ và qua dịch vụ bưu chính: 2 hồ sơ).
            + Cấp xã: trực tiếp và qua dịch vụ bưu chính công ích: 7 hồ sơ.
            """);

        AssertFigures(figures, "received.new=10", "received.direct=4", "received.postal=2", "received.direct=7@Cấp xã");
    }

    [Fact]
    public void A_scope_heading_covers_the_items_below_it_until_its_next_sibling()
    {
        var figures = Read($"""
            {Heading}
            a) Cấp tỉnh:
            - Số lượng hồ sơ đã giải quyết: 50 hồ sơ.
            - Số lượng hồ sơ đang giải quyết: 5 hồ sơ.
            b) Cấp huyện:
            - Số lượng hồ sơ đã giải quyết: 40 hồ sơ.
            c) Nhận xét chung:
            - Số lượng hồ sơ đã giải quyết: 90 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=50@Cấp tỉnh", "pending.total=5@Cấp tỉnh", "resolved.total=40@Cấp huyện",
            "resolved.total=90");
    }

    [Fact]
    public void An_inline_scope_covers_only_its_own_paragraph()
    {
        var figures = Read($"""
            {Heading}
            + Cấp tỉnh: Số lượng hồ sơ đã giải quyết: 50 hồ sơ.
            + Số lượng hồ sơ đang giải quyết: 5 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=50@Cấp tỉnh", "pending.total=5");
    }

    [Theory]
    [InlineData("6. Tình hình và kết quả giải quyết thủ tục hành chính: Kết quả từ ngày 15/6/2021 đến ngày 14/9/2021:")]
    [InlineData("1. Tình hình kết quả giải quyết TTHC:")]
    [InlineData("6. Tinh hinh, ket qua giai quyet TTHC")]
    [InlineData("6. TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC")]
    [InlineData("6.Tình hình, kết quả giải quyết TTHC")]
    [InlineData("#### **6. Tình hình, kết quả giải quyết TTHC**")]
    public void Heading_variants_are_found(string heading)
    {
        var figures = Read($"""
            {heading}
            - Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=60");
    }

    [Fact]
    public void A_heading_wrapped_onto_a_second_printed_line_is_found()
    {
        var blocks = TestBlocks.Wrapped("""
            6. Tình hình, kết quả giải quyết thủ tục hành chính trong kỳ báo cáo của các cơ quan, đơn vị trên địa bàn tỉnh
            - Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            """, width: 40);

        Assert.Equal("6. Tình hình, kết quả giải quyết thủ tục", ((TextBlock)blocks[0]).Text);
        AssertFigures(ProseFigureExtractor.Extract(blocks), "resolved.total=60");
    }

    [Theory]
    [InlineData("7. Triển khai cơ chế một cửa trong giải quyết TTHC")]
    [InlineData("II. ĐÁNH GIÁ CHUNG")]
    [InlineData("Nơi nhận:")]
    [InlineData("8. Thực hiện TTHC trên môi trường điện tử")]
    public void The_section_ends_at_the_next_heading(string next)
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            {next}
            - Số lượng hồ sơ đang giải quyết: 5 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=60");
    }

    [Fact]
    public void An_inner_list_does_not_end_the_section()
    {
        var figures = Read($"""
            {Heading}
            1. Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            2. Số lượng hồ sơ đang giải quyết: 5 hồ sơ.
            """);

        // "1." and "2." restart below 6: items of the section, and their item numbers are not figures.
        AssertFigures(figures, "resolved.total=60", "pending.total=5");
    }

    [Fact]
    public void A_printed_line_starting_with_a_number_inside_a_sentence_does_not_end_the_section()
    {
        TextBlock Line(string text, double right) => new(text, 1, new BBox(56, 700, right, 712), Side.Full, false, false);
        var blocks = new List<Block>
        {
            Line("1. Tình hình kết quả giải quyết TTHC:", 260),
            Line("- Trung tâm đã tiếp nhận 5.661 hồ sơ, trong đó có 600 hồ sơ trực tuyến mức độ", 540),
            Line("2. Số hồ sơ đang giải quyết là 1.769 hồ sơ.", 300),
        };

        // "2. Số …" would be the next heading after "1.", but the line above did not close its paragraph.
        AssertFigures(ProseFigureExtractor.Extract(blocks), "received.total=5661", "received.online=600", "pending.total=1769");
    }

    [Fact]
    public void Tables_inside_the_section_are_ignored()
    {
        var grid = new CellGrid(1, 1, [new GridCell(0, 0, 1, 1, "Số lượng hồ sơ đã giải quyết: 999 hồ sơ", 1, null)], 1, null, "docx");
        var blocks = new List<Block>
        {
            new TextBlock(Heading, 1, null, Side.Full, false, false),
            new TableBlock(grid),
            new TextBlock("- Số lượng hồ sơ đang giải quyết: 5 hồ sơ.", 1, null, Side.Full, false, false),
        };

        AssertFigures(ProseFigureExtractor.Extract(blocks), "pending.total=5");
    }

    [Fact]
    public void Only_the_first_results_section_is_read()
    {
        var figures = Read($"""
            {Heading}
            - Số lượng hồ sơ đã giải quyết: 60 hồ sơ.
            7. Triển khai cơ chế một cửa
            {Heading}
            - Số lượng hồ sơ đang giải quyết: 5 hồ sơ.
            """);

        AssertFigures(figures, "resolved.total=60");
    }

    [Fact]
    public void Direct_and_postal_named_together_with_a_comma_are_one_column()
    {
        var figures = Read($"""
            {Heading}
            - Số mới tiếp nhận trong kỳ: 6.709 hồ sơ (trực tuyến: 3.028 hồ sơ; trực tiếp, qua dịch vụ bưu chính: 3.681 hồ sơ); số từ kỳ trước chuyển qua: 492 hồ sơ.
            """);
        AssertFigures(figures, "received.new=6709", "received.online=3028", "received.direct=3681", "received.carried_over=492");
    }

    [Fact]
    public void Chua_den_han_is_pending_on_time()
    {
        var figures = Read($"""
            {Heading}
            - Số hồ sơ đang giải quyết: 186 hồ sơ (chưa đến hạn: 178 hồ sơ; quá hạn: 8 hồ sơ).
            """);
        AssertFigures(figures, "pending.total=186", "pending.on_time=178", "pending.late=8");
    }
}
