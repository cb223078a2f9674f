using Baocao.Interpretation;
using Baocao.Mapping;

namespace Baocao.Tests.Mapping;

public class RuleTableColumnMapperTests
{
    private static string[] Keys(string? form, params string[] headers) =>
        new RuleTableColumnMapper().Map(TableContext.None with { Form = form },
            headers.Select((h, i) => new ColumnFeatures(i, h, i + 1, null, [])).ToList()).Select(m => m.Key ?? "(none)").ToArray();

    [Fact]
    public void Wording_variants_of_the_same_measure_map_alike()
    {
        Assert.Equal(
            ["resolved.early", "resolved.on_time", "resolved.late", "pending.on_time", "pending.late"],
            Keys("II.06a",
                "Kết quả giải quyết › Số hồ sơ đã giải quyết › Trả trước hạn",
                "Kết quả giải quyết › Số hồ sơ đã giải quyết › Trả đúng thời hạn",
                "Kết quả giải quyết › Số hồ sơ đã giải quyết › Trả quá hạn",
                "Kết quả giải quyết › Số hồ sơ đang giải quyết › Chưa đến hạn",
                "Kết quả giải quyết › Số hồ sơ đang giải quyết › Quá hạn"));
    }

    [Fact]
    public void Words_broken_by_a_narrow_pdf_cell_still_match()
    {
        Assert.Equal(["received.online", "received.carried_over"],
            Keys("II.06a", "Số lượng hồ sơ tiếp nhận › Trong kỳ › Trự c tuy ến", "Số lượng hồ sơ tiếp nhận › Từ kỳ trư ớc"));
    }

    [Fact]
    public void Two_columns_claiming_one_key_are_both_doubtful()
    {
        var maps = new RuleTableColumnMapper().Map(TableContext.None with { Form = "II.06a" },
            [new ColumnFeatures(0, "Số hồ sơ tiếp nhận › Tổng số", 3, null, []), new ColumnFeatures(1, "Hồ sơ tiếp nhận › Tổng số", 4, null, [])]);
        Assert.All(maps, m => Assert.True(m.Confidence < new RuleTableColumnMapper().ReviewThreshold));
    }

    [Fact]
    public void A_formula_column_that_reads_as_a_part_is_doubtful()
    {
        var maps = new RuleTableColumnMapper().Map(TableContext.None with { Form = "II.06a" },
            [new ColumnFeatures(0, "Số lượng hồ sơ tiếp nhận › Trực tuyến", 3, "(3)=(4)+(5)", [])]);
        Assert.True(maps[0].Confidence < 0.5);
    }
}
