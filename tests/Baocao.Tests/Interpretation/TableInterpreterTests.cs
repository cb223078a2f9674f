using Baocao.Interpretation;
using Baocao.Mapping;
using Baocao.Tables;

namespace Baocao.Tests.Interpretation;

public class TableInterpreterTests
{
    private static readonly string[] Keys06a =
    [
        "received.total", "received.online", "received.direct", "received.carried_over",
        "resolved.total", "resolved.early", "resolved.on_time", "resolved.late",
        "pending.total", "pending.on_time", "pending.late",
    ];

    // Form II.06a as seed 000 prints it (three header rows, then the column numbers).
    internal static CellGrid Form06a() => TestGrids.Build(
        ["STT", "Lĩnh vực giải quyết", "Số lượng hồ sơ tiếp nhận", "<", "<", "<", "Số lượng hồ sơ đã giải quyết", "<", "<", "<", "Số lượng hồ sơ đang giải quyết", "<", "<"],
        ["^", "^", "Tổng số", "Trong kỳ", "<", "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Đúng hạn", "Quá hạn"],
        ["^", "^", "^", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "^", "^", "^", "^", "^", "^", "^", "^"],
        ["(1)", "(2)", "(3)=(4) +(5)+(6)", "(4)", "(5)", "(6)", "(7)=(8) +(9)+(10)", "(8)", "(9)", "(10)", "(11)= (12)+(13)", "(12)", "(13)"],
        ["1", "Lĩnh vực xuất bản, in và phát hành", "58", "56", "01", "01", "57", "57", "0", "0", "01", "01", "0"],
        ["2", "Lĩnh vực báo chí", "", "", "", "", "", "", "", "", "", "", ""],
        ["TỔNG CỘNG", "<", "61", "59", "01", "01", "60", "60", "0", "0", "01", "01", "0"]);

    private static TableInterpreter Interpreter() => new(new RuleTableColumnMapper());

    [Fact]
    public void Header_paths_numbers_and_formulas_are_resolved()
    {
        var t = Interpreter().Interpret(0, Form06a(), TableContext.None with { Form = "II.06a" });
        Assert.Equal(13, t.Columns.Count);
        Assert.Equal("Số lượng hồ sơ tiếp nhận › Trong kỳ › Trực tuyến", t.Columns[3].Header);
        Assert.Equal("Số lượng hồ sơ tiếp nhận › Tổng số", t.Columns[2].Header);
        Assert.Equal(3, t.Columns[2].Number);
        Assert.Equal("(3)=(4)+(5)+(6)", t.Columns[2].Formula);
        Assert.Equal("(11)=(12)+(13)", t.Columns[10].Formula);
        Assert.Null(t.Columns[3].Formula);
        Assert.Equal("STT", t.Columns[0].Header);
    }

    [Fact]
    public void Form_06a_columns_map_onto_the_canonical_keys()
    {
        var t = Interpreter().Interpret(0, Form06a(), TableContext.None with { Form = "II.06a" });
        Assert.Equal(Keys06a, t.Columns.Skip(2).Select(c => c.Key));
        Assert.Null(t.Columns[0].Key);
        Assert.Null(t.Columns[1].Key);
        Assert.False(t.NeedsReview);
    }

    [Fact]
    public void Rows_are_typed_and_classified()
    {
        var t = Interpreter().Interpret(0, Form06a(), TableContext.None);
        Assert.Equal(3, t.Rows.Count);
        var item = t.Rows[0];
        Assert.Equal(("1", "Lĩnh vực xuất bản, in và phát hành", "item"), (item.Stt, item.Label, item.Kind));
        Assert.Equal(58m, item.Values["received.total"]);
        Assert.Equal(1m, item.Values["received.direct"]); // "01"
        Assert.Equal("01", item.Cells[4].Raw);
        var blank = t.Rows[1];
        Assert.Null(blank.Values["received.total"]);
        Assert.Equal("blank", blank.Cells[2].Kind);
        var total = t.Rows[2];
        Assert.Equal(("", "TỔNG CỘNG", "total"), (total.Stt, total.Label, total.Kind));
        Assert.Equal(61m, total.Values["received.total"]);
    }

    [Fact]
    public void Seed_002_agency_table_maps_without_a_form_code()
    {
        var grid = TestGrids.Build(
            ["STT", "Đơn vị", "Số hồ sơ nhận giải quyết", "<", "<", "Kết quả giải quyết", "<", "<", "<", "<", "<", "<", "Hồ sơ bị trả lại", "Hồ sơ nhận qua trực tuyến"],
            ["^", "^", "Tổng số", "Trong đó", "<", "Số hồ sơ đã giải quyết", "<", "<", "<", "Số hồ sơ đang giải quyết", "<", "<", "^", "^"],
            ["^", "^", "^", "Kỳ trước", "Số mới tiếp nhận", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Còn hạn", "Quá hạn", "^", "^"],
            ["", "2", "3=(4+5)", "4", "5", "6=(7+8+9)", "7", "8", "9", "10=(11+12)", "11", "12", "13", "14"],
            ["1", "Sở Thông tin và Truyền thông", "10", "1", "9", "7", "0", "0", "0", "3", "3", "0", "0", "0"],
            ["", "Tổng cộng", "5.661", "1.194", "4.467", "3.892", "3.794", "86", "12", "1.769", "1.747", "22", "4", "578"],
            ["", "Tỷ lệ %", "100,00", "21,09", "78,91", "68,75", "97,48", "2,21", "0,31", "31,25", "98,76", "1,24", "0,07", "10,21"]);
        var t = Interpreter().Interpret(0, grid, TableContext.None);
        Assert.Equal(
            ["received.total", "received.carried_over", "received.new", "resolved.total", "resolved.early", "resolved.on_time", "resolved.late",
             "pending.total", "pending.on_time", "pending.late", "returned", "received.online"],
            t.Columns.Skip(2).Select(c => c.Key));
        Assert.Equal("(3)=(4)+(5)", t.Columns[2].Formula);
        Assert.Equal("(10)=(11)+(12)", t.Columns[9].Formula);
        Assert.Equal(["item", "total", "percent"], t.Rows.Select(r => r.Kind));
        Assert.Equal(5661m, t.Rows[1].Values["received.total"]);
        Assert.Equal(68.75m, t.Rows[2].Values["resolved.total"]);
        Assert.Equal(7m, t.Rows[0].Values["resolved.total"]); // printed as is, even though 0+0+0 != 7
    }

    [Fact]
    public void Group_rows_are_recognised_by_roman_letters_and_sub_numbering()
    {
        var grid = TestGrids.Build(
            ["STT", "Lĩnh vực", "Được giao", "Đã triển khai"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["A", "DVCTT DO SỞ CHỦ ĐỘNG TRIỂN KHAI", "", ""],
            ["I", "CẤP TỈNH", "", ""],
            ["1", "Lĩnh vực xuất bản", "", "1"],
            ["1.1", "Thủ tục đăng ký hoạt động cơ sở in", "", "x"],
            ["2", "Lĩnh vực báo chí", "", "0"],
            ["", "TỔNG CỘNG", "", "1"]);
        var t = Interpreter().Interpret(0, grid, TableContext.None with { Form = "II.08" });
        Assert.Equal(["group", "group", "group", "item", "item", "total"], t.Rows.Select(r => r.Kind));
        Assert.Equal("mark", t.Rows[3].Cells[3].Kind);
        Assert.All(t.Columns, c => Assert.Null(c.Key)); // II.08 is not a dossier table
    }

    [Fact]
    public void A_list_table_with_one_dossier_like_column_is_not_mapped()
    {
        var grid = TestGrids.Build(
            ["STT", "Tên đơn vị đề xuất", "Tên thủ tục hành chính", "Số liệu 09 tháng", "<"],
            ["^", "^", "^", "Tổng số hồ sơ tiếp nhận của đơn vị", "Số lượng hồ sơ theo thủ tục"],
            ["1", "Sở Công Thương", "Thông báo hoạt động khuyến mãi", "1.999", "218"]);
        var t = Interpreter().Interpret(0, grid, TableContext.None);
        Assert.All(t.Columns, c => Assert.Null(c.Key));
        Assert.Equal(1999m, t.Rows[0].Cells[3].Value);
    }

    [Theory]
    [InlineData("(3)=(4) +(5)+(6)", 3, "(3)=(4)+(5)+(6)")]
    [InlineData("3=(4+5)", 3, "(3)=(4)+(5)")]
    [InlineData("(11) =(1 2)+( 13)", 11, "(11)=(12)+(13)")]
    [InlineData("(2)", 2, null)]
    [InlineData("14", 14, null)]
    [InlineData("(5)=(6)-(7)", 5, "(5)=(6)-(7)")]
    public void Column_numbers_and_formulas_parse(string text, int number, string? formula)
    {
        var (n, f) = ColumnNumberRow.Parse(text);
        Assert.Equal(number, n);
        Assert.Equal(formula, f);
    }

    [Fact]
    public void Data_rows_are_not_mistaken_for_the_number_row()
    {
        var grid = TestGrids.Build(["STT", "Tổng", "Khác"], ["1", "2", "3"], ["2", "5", "7"]);
        // "1 2 3" increases but so would any small data row: it is accepted only as the first such row, and the
        // row after it must then be data. Here the header has text, so row 1 is the number row.
        Assert.Equal(1, ColumnNumberRow.Find(grid));
        var noNumbers = TestGrids.Build(["STT", "Lĩnh vực", "Tổng"], ["1", "Hộ tịch", "5"]);
        Assert.Null(ColumnNumberRow.Find(noNumbers));
    }

    /// <summary>The one-pass group test answers as asking every later row did (the quadratic definition, kept here as the oracle).</summary>
    [Fact]
    public void Numbered_children_are_found_as_by_asking_every_later_row()
    {
        var rng = new Random(16);
        string[] parts = ["1", "2", "3", "10", "a", "I", ".", "", " "];
        var dotty = new string('.', 40);
        for (var round = 0; round < 300; round++)
        {
            var stts = Enumerable.Range(0, rng.Next(0, 40)).Select(_ =>
            {
                if (rng.Next(20) == 0) return dotty + (rng.Next(2) == 0 ? "" : "1.");
                var n = rng.Next(0, 4);
                var s = string.Join(rng.Next(4) == 0 ? "" : ".", Enumerable.Range(0, n).Select(_ => parts[rng.Next(parts.Length)]));
                return rng.Next(3) == 0 ? s + "." : s;
            }).ToList();
            var oracle = stts.Select((stt, i) => stt.Length > 0 && stts.Skip(i + 1).Any(s => s.StartsWith(stt.TrimEnd('.') + ".", StringComparison.Ordinal))).ToArray();
            Assert.Equal(oracle, TableInterpreter.HasNumberedChild(stts));
        }
        Assert.Equal([true, true, false, false, false], TableInterpreter.HasNumberedChild(["1", "1.", "1.2", "2", ""]));
    }

    [Fact]
    public void A_numbered_parent_is_a_group_row()
    {
        var grid = TestGrids.Build(["STT", "Lĩnh vực", "Tổng"], ["(1)", "(2)", "(3)"], ["1", "Hộ tịch", "5"], ["1.1", "Khai sinh", "3"], ["2", "Chứng thực", "4"]);
        var t = Interpreter().Interpret(0, grid, TableContext.None);
        Assert.Equal(["group", "item", "item"], t.Rows.Select(r => r.Kind));
    }
}
