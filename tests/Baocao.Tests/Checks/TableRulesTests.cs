using Baocao.Checks;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

public class TableRulesTests
{
    private static IReadOnlyList<Check> Run(params ReportTable[] tables) => ReportChecker.CreateDefault().Check(Record(tables: tables));

    private static IReadOnlyList<Check> Alarms(IReadOnlyList<Check> checks) => checks.Where(c => c.Severity != Severity.Info).ToList();

    // A consistent II.06a: every formula, total, and received = resolved + pending holds.
    private static Row[] Clean() =>
    [
        R06("1", "Hộ tịch", "143", "41", "96", "6", "136", "128", "7", "1", "7", "7", "0"),
        R06("2", "Chứng thực", "268", "16", "252", "0", "268", "268", "0", "0", "0", "0", "0"),
        R06("", "TỔNG CỘNG", "411", "57", "348", "6", "404", "396", "7", "1", "7", "7", "0"),
    ];

    [Fact]
    public void A_consistent_table_gives_no_finding()
    {
        Assert.Empty(Run(Table(0, Form06a(), Clean())));
    }

    [Fact]
    public void A_formula_column_that_does_not_add_up_is_an_error_with_place_and_amounts()
    {
        var rows = Clean();
        rows[0] = rows[0] with { Cells = ["143", "41", "96", "6", "163", "128", "7", "1", "7", "7", "0"] }; // (7) printed 163, (8)+(9)+(10) = 136
        var checks = Run(Table(0, Form06a(), rows));
        var f = Assert.Single(checks, c => c.Rule == CheckRule.Formula);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal((0, 0, "Hộ tịch", "resolved.total", 7), (f.Table!.Value, f.RowIndex!.Value, f.Row, f.Column, f.ColumnNumber!.Value));
        Assert.Equal((163m, 136m, 27m), (f.Printed!.Value, f.Expected!.Value, f.Difference!.Value));
        Assert.Equal("(7)=(8)+(9)+(10)", f.Relation);
        Assert.Equal("test.pdf", f.File);
        // The same misprint breaks the totals of column (7) and received = resolved + pending on its row.
        Assert.Contains(checks, c => c.Rule == CheckRule.Total && c.Column == "resolved.total" && c.Expected == 431);
        Assert.Contains(checks, c => c.Rule == CheckRule.Balance && c.Row == "Hộ tịch" && c.Severity == Severity.Warning);
    }

    [Fact]
    public void A_formula_written_like_seed_002_is_checked_on_its_own_columns()
    {
        // "10=(11+12)" is normalised by the interpreter to "(10)=(11)+(12)"; the STT column has no number.
        Col[] cols = [new(null, null, Header: "STT"), new(null, 2), new("pending.total", 10, "(10)=(11)+(12)"), new("pending.on_time", 11), new("pending.late", 12)];
        Assert.Empty(Run(Table(0, cols, new Row("1", "Sở Tư pháp", "228", "207", "21"))));
        var bad = Run(Table(0, cols, new Row("1", "Sở Tư pháp", "228", "207", "12")));
        Assert.Equal((228m, 219m), (bad.Single().Printed!.Value, bad.Single().Expected!.Value));
    }

    [Fact]
    public void Blank_cells_and_dashes_count_as_zero_but_are_never_checked_themselves()
    {
        var cols = Form06a();
        // Row 1: dashes for zero; row 2: blank totals with figures in the parts (nothing to compare); marks stop a relation.
        var t = Table(0, cols,
            R06("1", "Chứng thực", "552", "40", "512", "-", "552", "552", "-", "-", "-", "-", "-"),
            R06("2", "Đất đai", "", "12", "145", "63", "", "98", "41", "6", "", "71", "4"),
            R06("3", "Xây dựng", "21", "x", "14", "4", "17", "12", "4", "1", "4", "3", "1"));
        Assert.DoesNotContain(Run(t), c => c.Rule == CheckRule.Formula);
    }

    [Fact]
    public void The_totals_row_is_compared_with_the_item_rows_column_by_column()
    {
        var rows = Clean();
        rows[2] = rows[2] with { Cells = ["411", "57", "348", "6", "404", "386", "17", "1", "7", "7", "0"] }; // early 386 / on time 17: the row still adds up
        var checks = Alarms(Run(Table(0, Form06a(), rows)));
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal((CheckRule.Total, Severity.Error, "TỔNG CỘNG"), (c.Rule, c.Severity, c.Row)));
        Assert.Equal([("resolved.early", -10m), ("resolved.on_time", 10m)], checks.Select(c => (c.Column!, c.Difference!.Value)));
    }

    // A table with group rows: "1" above "1.1" and "1.2" prints its own sums; "2" prints none (its children count).
    private static Row[] Grouped(string group1Early = "30", string child12Early = "20") =>
    [
        R06("1", "Cấp huyện", "40", "10", "25", "5", "35", group1Early, "5", "0", "5", "5", "0"),
        R06("1.1", "Hộ tịch", "15", "5", "8", "2", "13", "10", "3", "0", "2", "2", "0"),
        R06("1.2", "Đất đai", "25", "5", "17", "3", "22", child12Early, "2", "0", "3", "3", "0"),
        R06("2", "Cấp xã", "", "", "", "", "", "", "", "", "", "", ""),
        R06("2.1", "Chứng thực", "60", "20", "40", "0", "60", "60", "0", "0", "0", "0", "0"),
        R06("", "Tổng cộng", "100", "30", "65", "5", "95", "90", "5", "0", "5", "5", "0"),
    ];

    [Fact]
    public void A_group_is_counted_once_either_itself_or_its_children()
    {
        // Counting the group "1" and its rows 1.1 and 1.2 would give 140 received; once, it is 100 as printed.
        var checks = Run(Table(0, Form06a(), Grouped()));
        Assert.Empty(checks);
    }

    [Fact]
    public void A_group_row_that_disagrees_with_its_children_is_reported_on_the_group()
    {
        // Group 1 prints 30 early, its rows 10 + 19: only the group check fails (the total counts the group once: 30 + 60 = 90).
        var checks = Alarms(Run(Table(0, Form06a(), Grouped(child12Early: "19"))));
        Assert.Contains(checks, c => c.Rule == CheckRule.Group && c.Row == "Cấp huyện" && c.Column == "resolved.early" && c.Printed == 30 && c.Expected == 29);
        Assert.DoesNotContain(checks, c => c.Rule == CheckRule.Total);
    }

    [Fact]
    public void Row_tree_levels_follow_the_stt_outline()
    {
        Assert.Equal([0, 1, 2, 3, 4, 8, 9, null], new[] { "A", "II.", "3", "3.1", "3.1.2", "a)", "-", "" }.Select(RowTree.Level));
        var t = Table(0, Form06a(), Grouped());
        var roots = RowTree.Build(t.Rows);
        Assert.Equal(["1", "2"], roots.Select(r => r.Row.Stt));
        Assert.Equal(["1.1", "1.2"], roots[0].Children.Select(c => c.Row.Stt));
    }

    // Seed 002's centre table, totals and "Tỷ lệ %" rows (columns (3)..(14)); its shares mix two bases.
    private static ReportTable Seed002Totals(string earlyShare = "97,48", string onlineShare = "10,21")
    {
        Col[] cols =
        [
            new(null, null, Header: "STT"), new(null, 2, Header: "Đơn vị"),
            new("received.total", 3, "(3)=(4)+(5)"), new("received.carried_over", 4), new("received.new", 5),
            new("resolved.total", 6, "(6)=(7)+(8)+(9)"), new("resolved.early", 7), new("resolved.on_time", 8), new("resolved.late", 9),
            new("pending.total", 10, "(10)=(11)+(12)"), new("pending.on_time", 11), new("pending.late", 12), new("returned", 13), new("received.online", 14),
        ];
        return Table(0, cols,
            new Row("", "Tổng cộng", "5.661", "1.194", "4.467", "3.892", "3.794", "86", "12", "1.769", "1.747", "22", "4", "578"),
            new Row("", "Tỷ lệ %", "100,00", "21,09", "78,91", "68,75", earlyShare, "2,21", "0,31", "31,25", "98,76", "1,24", "0,07", onlineShare));
    }

    [Fact]
    public void A_percentage_row_is_checked_against_its_own_bases_at_the_printed_decimals()
    {
        Assert.Empty(Run(Seed002Totals()));
        var checks = Run(Seed002Totals(earlyShare: "97,84"));
        var p = Assert.Single(checks);
        Assert.Equal((CheckRule.Percent, Severity.Error, "resolved.early", 97.84m, 97.48m), (p.Rule, p.Severity, p.Column, p.Printed!.Value, p.Expected!.Value));
        // A column with no total of its own ((14), online) is a share of the grand total (3): 578 / 5.661 = 10,21%.
        Assert.Equal(10.10m, Run(Seed002Totals(onlineShare: "10,10")).Single().Printed);
    }

    [Theory]
    [InlineData(2.7027, "2,7", true)]     // one decimal printed, trailing zero dropped
    [InlineData(2.7027, "2,70", true)]
    [InlineData(2.4539, "2,4", true)]     // cut rather than rounded (seed 004)
    [InlineData(2.4539, "2,5", true)]
    [InlineData(97.3535, "97", true)]     // "đạt tỉ lệ 97%"
    [InlineData(2.0154, "2,02", true)]
    [InlineData(2.0154, "2,01", true)]    // cut
    [InlineData(2.0154, "2,12", false)]
    [InlineData(2.0154, "2,0", true)]
    [InlineData(2.0154, "2,03", false)]
    public void Shares_match_at_the_document_s_own_rounding(double ratio, string printed, bool matches)
    {
        Assert.True(Baocao.Text.NumberParser.TryParseNumber(printed, out var p, out _));
        Assert.Equal(matches, Relation.Matches(p, (decimal)ratio, Operand.Scale(p)));
    }

    [Fact]
    public void Shares_in_a_ratio_column_are_not_summed_but_rounded_shares_are_tolerated_in_a_sum()
    {
        // II.07b "4 tại chỗ": a "Tỷ lệ" column; 8,11 + 2,7 + 2,7 + 5,4 = 18,91 against a printed 18,92%.
        Col[] cols = [new(null, 1), new(null, 2), new(null, 3, Header: "Cấp tỉnh › Số lượng TTHC"), new(null, 4, Header: "Cấp tỉnh › Tỷ lệ")];
        var t = Table(0, cols,
            new Row("1", "Xuất bản", "3", "8,11"), new Row("2", "Phát thanh", "1", "2,7"), new Row("3", "Báo chí", "1", "2,7"), new Row("4", "Bưu chính", "2", "5,4"),
            new Row("", "TỔNG CỘNG", "7", "18,92%"));
        Assert.Empty(Run(t));
        Assert.True(TableRules.IsRatioColumn(t, t.Columns[3]));
    }

    [Fact]
    public void A_table_without_formulas_is_checked_by_its_canonical_keys_as_a_warning()
    {
        // Thông tư 02/2017 form: carried over before new, no formula in the number row.
        Col[] cols = [new(null, 1), new(null, 2), new("received.total", 3), new("received.carried_over", 4), new("received.new", 5)];
        Assert.Empty(Run(Table(0, cols, new Row("1", "Lý lịch tư pháp", "1.958", "112", "1.846"))));
        var c = Run(Table(0, cols, new Row("1", "Lý lịch tư pháp", "1.958", "121", "1.846"))).Single();
        Assert.Equal((CheckRule.Identity, Severity.Warning, 1958m, 1967m), (c.Rule, c.Severity, c.Printed!.Value, c.Expected!.Value));
    }

    [Fact]
    public void Received_equals_resolved_plus_pending_unless_returned_dossiers_make_up_the_difference()
    {
        Col[] cols = [new(null, 1), new(null, 2), new("received.total", 3), new("resolved.total", 7), new("pending.total", 11), new("returned", 14)];
        Assert.Empty(Run(Table(0, cols, new Row("1", "Đất đai", "100", "90", "6", "4"))));
        var c = Run(Table(0, cols, new Row("1", "Đất đai", "100", "90", "6", "3"))).Single();
        Assert.Equal((CheckRule.Balance, Severity.Warning, 100m, 96m), (c.Rule, c.Severity, c.Printed!.Value, c.Expected!.Value));
    }

    [Fact]
    public void A_table_period_that_contradicts_the_report_period_is_a_warning()
    {
        var t = Table(0, Form06a(), Clean()) with { Period = Custom("2019-10-01", "2019-10-15") };
        var r = Record(period: Custom("2019-09-16", "2019-10-15"), tables: [t]);
        var c = ReportChecker.CreateDefault().Check(r).Single();
        Assert.Equal((CheckRule.TablePeriod, Severity.Warning, 0), (c.Rule, c.Severity, c.Table!.Value));
        // The same dates, or a report period derived by rule only: nothing to say.
        Assert.Empty(ReportChecker.CreateDefault().Check(r with { Header = r.Header with { Period = Custom("2019-10-01", "2019-10-15") } }));
        Assert.Empty(ReportChecker.CreateDefault().Check(r with { Header = r.Header with { Period = Quarter(2019, 4) } }));
    }
}
