using Baocao.Checks;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

public class ProseRulesTests
{
    private static IReadOnlyList<Check> Run(IReadOnlyList<Figure> figures, params ReportTable[] tables) =>
        ReportChecker.CreateDefault().Check(Record(figures: figures, tables: tables));

    // Seed 001's results section: "Số mới tiếp nhận trong kỳ: 22.278 (6.717 trực tiếp, 15.561 trực tuyến, tỷ lệ 69,85% …);
    // số từ kỳ trước chuyển qua: 00. Số lượng hồ sơ đã giải quyết: 22.278; trong đó, giải quyết trước và đúng hạn: 21.829
    // chiếm 97,98%, quá hạn: 449 chiếm 2,02%."
    private static List<Figure> Seed001(string late = "449", string latePct = "2,02") =>
    [
        Fig("received.new", "22.278"), Fig("received.direct", "6.717"), Fig("received.online", "15.561"), Fig("received.online.pct", "69,85"),
        Fig("received.carried_over", "00"), Fig("resolved.total", "22.278"), Fig("resolved.early_or_on_time", "21.829"),
        Fig("resolved.early_or_on_time.pct", "97,98"), Fig("resolved.late", late), Fig("resolved.late.pct", latePct),
        Fig("pending.total", "00"), Fig("pending.on_time", "00"), Fig("pending.late", "00"),
    ];

    [Fact]
    public void The_prose_s_own_arithmetic_holds_in_seed_001()
    {
        Assert.Empty(Run(Seed001()));
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_its_stated_parts_is_an_error()
    {
        var checks = Run(Seed001(late: "494", latePct: "2,22"));
        var sum = Assert.Single(checks, c => c.Rule == CheckRule.ProseSum);
        Assert.Equal((Severity.Error, "resolved.total", 22278m, 22323m), (sum.Severity, sum.Column, sum.Printed!.Value, sum.Expected!.Value));
        Assert.Equal("resolved.total = resolved.early_or_on_time + resolved.late", sum.Relation);
        Assert.Null(sum.Table);
    }

    [Fact]
    public void A_stated_share_is_checked_against_the_ratio_at_its_printed_decimals()
    {
        var checks = Run(Seed001(latePct: "2,12"));
        var pct = Assert.Single(checks);
        Assert.Equal((CheckRule.ProsePercent, Severity.Warning, "resolved.late.pct", 2.12m, 2.02m), (pct.Rule, pct.Severity, pct.Column, pct.Printed!.Value, pct.Expected!.Value));
        Assert.Equal(0.10m, pct.Difference);
    }

    [Fact]
    public void A_new_figure_that_includes_the_carried_over_dossiers_is_said_but_is_no_alarm()
    {
        // Seed 000: "Số mới tiếp nhận trong kỳ: 61 hồ sơ (trực tuyến: 59; trực tiếp: 01 và qua dịch vụ bưu chính: 00); số từ kỳ trước chuyển qua: 01".
        var figures = new List<Figure> { Fig("received.new", "61"), Fig("received.online", "59"), Fig("received.direct", "01"), Fig("received.postal", "00"), Fig("received.carried_over", "01") };
        var table = Table(0, Form06a(), R06("", "TỔNG CỘNG", "61", "59", "01", "01", "60", "60", "0", "0", "01", "01", "0"));
        var checks = Run(figures, table);
        Assert.All(checks, c => Assert.Equal(Severity.Info, c.Severity));
        Assert.Contains(checks, c => c.Rule == CheckRule.ProseSum && c.Message.Contains("includes the carried-over"));
        Assert.Contains(checks, c => c.Rule == CheckRule.ProseTable && c.Column == "received.new" && c.Row == "TỔNG CỘNG");
    }

    [Fact]
    public void A_figure_that_disagrees_with_the_total_row_is_reported_with_both_places()
    {
        var table = Table(0, Form06a(), R06("", "TỔNG CỘNG", "61", "59", "01", "01", "60", "60", "0", "0", "01", "01", "0"));
        Assert.Empty(Run([Fig("resolved.total", "60"), Fig("pending.total", "01")], table));
        var c = Run([Fig("resolved.total", "66"), Fig("pending.total", "01")], table).Single(x => x.Rule == CheckRule.ProseTable);
        Assert.Equal((Severity.Error, 0, "TỔNG CỘNG", "resolved.total", 7, 66m, 60m), (c.Severity, c.Table!.Value, c.Row, c.Column, c.ColumnNumber!.Value, c.Printed!.Value, c.Expected!.Value));
        // Made of parts in the table ((4)+(5) for received.new), a disagreement is only a warning.
        var n = Run([Fig("received.new", "58")], table).Single(x => x.Rule == CheckRule.ProseTable);
        Assert.Equal((Severity.Warning, 60m), (n.Severity, n.Expected!.Value));
    }

    [Fact]
    public void A_scoped_figure_is_compared_with_the_row_of_its_level()
    {
        var table = Table(0, Form06a(),
            R06("1", "Cấp tỉnh", "112.506", "48.215", "61.377", "2.914", "108.382", "93.218", "14.026", "1.138", "4.124", "3.897", "227"),
            R06("2", "Cấp huyện", "71.788", "21.904", "44.651", "5.233", "67.534", "52.407", "13.112", "2.015", "4.254", "3.611", "643"),
            R06("", "Tổng cộng", "184.294", "70.119", "106.028", "8.147", "175.916", "145.625", "27.138", "3.153", "8.378", "7.508", "870"));
        Assert.Empty(Run([Fig("received.total", "112.506", "Cấp tỉnh"), Fig("pending.total", "4.254", "Cấp huyện")], table));
        var c = Run([Fig("received.online", "21.094", "Cấp huyện")], table).Single();
        Assert.Equal(("Cấp huyện", 21904m), (c.Row, c.Expected!.Value));
    }

    [Fact]
    public void A_province_total_is_the_sum_of_its_three_levels()
    {
        List<Figure> Levels(string total) =>
        [
            Fig("resolved.total", total), Fig("resolved.total", "149.615", "Cấp tỉnh"), Fig("resolved.total", "86.700", "Cấp huyện"), Fig("resolved.total", "284.830", "Cấp xã"),
        ];
        Assert.Empty(Run(Levels("521.145")));
        var c = Run(Levels("521.154")).Single();
        Assert.Equal((CheckRule.ProseSum, 521145m), (c.Rule, c.Expected!.Value));
        Assert.Equal("resolved.total = Cấp tỉnh + Cấp huyện + Cấp xã", c.Relation);
    }

    [Fact]
    public void The_post_stated_apart_is_added_to_direct_before_comparing_with_the_table()
    {
        // Sample 12: prose "trực tiếp 350, qua dịch vụ bưu chính 05"; the table's (5) "Trực tiếp, dịch vụ bưu chính" 355.
        var table = Table(0, Form06a(), R06("", "TỔNG CỘNG", "421", "57", "355", "09", "410", "399", "10", "01", "11", "10", "01"));
        Assert.Empty(Run([Fig("received.direct", "350"), Fig("received.postal", "05")], table));
    }
}
