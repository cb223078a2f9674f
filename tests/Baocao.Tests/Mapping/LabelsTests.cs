using System.Text;
using Baocao.Checks;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Reports;

namespace Baocao.Tests.Mapping;

/// <summary>
/// Vietnamese first (issue 18 item 4): the form catalog labels every canonical key and every check rule, in Vietnamese and
/// in English; periods are written the Vietnamese way; a finding's message is written in Vietnamese from its fields.
/// </summary>
public class LabelsTests
{
    [Fact]
    public void The_catalog_labels_every_canonical_key_and_every_check_rule_in_both_languages()
    {
        var catalog = FormCatalog.Load(FormCatalogTests.CatalogPath);
        foreach (var f in catalog.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Label), f.Key);
            Assert.False(string.IsNullOrWhiteSpace(f.LabelEn), f.Key);
            Assert.True(f.Label!.IsNormalized(NormalizationForm.FormC), f.Key);
        }
        // Two keys never read the same: a column head names one figure.
        Assert.Equal(catalog.Fields.Count, catalog.Fields.Select(f => f.Label).Distinct().Count());
        Assert.Equal(catalog.Fields.Count, catalog.Fields.Select(f => f.LabelEn).Distinct().Count());
        foreach (var key in CanonicalKeys.Dossier) Assert.NotEqual(key, Labels.Key(key));
        Assert.Equal(FindingFilter.RuleNames.Order(StringComparer.Ordinal), catalog.Rules.Select(r => r.Rule).Order(StringComparer.Ordinal));
        foreach (var rule in FindingFilter.RuleNames) Assert.NotEqual(rule, Labels.Rule(rule));
        // The program reads the same catalog it embeds.
        Assert.Equal(catalog.Fields.Select(f => (f.Key, f.Label)), Labels.AllFields.Select(f => (f.Key, f.Label)));
    }

    [Fact]
    public void Keys_rules_and_relations_read_as_labels()
    {
        Assert.Equal("Tiếp nhận – Tổng số", Labels.Key("received.total"));
        Assert.Equal("Đã giải quyết – Quá hạn", Labels.Key("resolved.late"));
        Assert.Equal("Resolved – late", Labels.Key("resolved.late", english: true));
        Assert.Equal("Tiếp nhận – Tổng số (tỷ lệ %)", Labels.Key("received.total.pct"));
        Assert.Equal("TTHC một cửa – Tỷ lệ %", Labels.Key("onestop.pct"));
        Assert.True(Labels.IsPercentage("onestop.pct"));
        Assert.False(Labels.IsPercentage("received.total"));
        Assert.Equal("no.such.key", Labels.Key("no.such.key"));
        Assert.Equal("Dòng tổng cộng = tổng các dòng", Labels.Rule("table.total"));
        Assert.Equal("Tiếp nhận – Tổng số = Tiếp nhận – Mới trong kỳ + Tiếp nhận – Từ kỳ trước",
            Labels.Relation("received.total = received.new + received.carried_over"));
        Assert.Equal("(7)=(8)+(9)+(10)", Labels.Relation("(7)=(8)+(9)+(10)"));
    }

    [Theory]
    [InlineData("quarter", 2022, 3, null, null, "Quý III/2022")]
    [InlineData("month", 2020, null, 5, null, "Tháng 5/2020")]
    [InlineData("half", 2021, null, null, 1, "6 tháng đầu năm 2021")]
    [InlineData("half", 2021, null, null, 2, "6 tháng cuối năm 2021")]
    [InlineData("year", 2021, null, null, null, "Năm 2021")]
    public void Periods_are_written_the_vietnamese_way(string kind, int year, int? quarter, int? month, int? half, string expected)
    {
        Assert.Equal(expected, PeriodText.Name(new Period(kind, year, quarter, month, half, null, null, false)));
        var label = IndexedReport.PeriodLabelOf(new Period(kind, year, quarter, month, half, null, null, false))!;
        Assert.Equal(expected, PeriodText.FromLabel(label));
    }

    [Fact]
    public void A_stated_range_is_written_as_its_dates()
    {
        Assert.Equal("01/01/2023 – 20/11/2023", PeriodText.Name(new Period("custom", 2023, null, null, null, "2023-01-01", "2023-11-20", true)));
        Assert.Equal("01/01/2023 – 20/11/2023", PeriodText.FromLabel("2023-01-01..2023-11-20"));
        Assert.Equal("quý", PeriodText.Kind("quarter"));
    }

    [Fact]
    public void A_finding_reads_in_vietnamese_by_default_and_as_recorded_in_english()
    {
        var c = new Check(CheckRule.Formula, Severity.Error, "(3)=(4)+(5)+(6): printed 504, expected 540 = 300 + 200 + 40", 2, 0, "Tổng cộng", "received.total", 504, 540)
        {
            Relation = "(3)=(4)+(5)+(6)", ColumnNumber = 3, Cause = Cause.Report,
        };
        Assert.Equal("Cột công thức: (3)=(4)+(5)+(6): số in 504, số cần có 540, chênh lệch -36", CheckText.Message(c));
        Assert.Equal(c.Message, CheckText.Message(c, english: true));
        Assert.Equal("trang 2, bảng 1, dòng «Tổng cộng», cột Tiếp nhận – Tổng số (3)", CheckText.Where(c));
        Assert.Equal("p.2, table 1, row «Tổng cộng», column received.total (3)", CheckText.Where(c, english: true));

        var doubt = c with
        {
            Severity = Severity.Doubt, Cause = Cause.Reading, Proposed = 540, Relation = "received.total = received.new + received.carried_over",
            Message = "received.total = received.new + received.carried_over: printed 504, expected 540 = 500 + 40; it rests on received.total read as «504» with OCR confidence 0.55, which would be 540 for the relation to hold",
        };
        Assert.Equal("Cột công thức: Tiếp nhận – Tổng số = Tiếp nhận – Mới trong kỳ + Tiếp nhận – Từ kỳ trước: số in 504, số cần có 540, chênh lệch -36; " +
                     "nghi vấn do đọc (giá trị đọc là «504»), có lẽ đọc đúng là 540", CheckText.Message(doubt));

        // The checks' fixed English wordings read in Vietnamese; a statement's 0-based table is numbered from 1.
        Assert.Equal("(7) của dòng tổng cộng = tổng các dòng, mỗi nhóm tính một lần", CheckText.RelationText("(7) of the totals row = sum of the rows, each group counted once"));
        Assert.Equal("Đang giải quyết – Tổng số trong lời văn = (11) của bảng 1", CheckText.RelationText("pending.total in the prose = (11) of table 0"));
        Assert.Equal("Tiếp nhận – Từ kỳ trước = Đang giải quyết – Tổng số của kỳ trước", CheckText.RelationText("received.carried_over = pending.total of the previous period"));
        Assert.Equal("(5) của nhóm I = tổng các dòng con", CheckText.RelationText("(5) of group I = sum of its rows"));

        var period = new Check(CheckRule.TablePeriod, Severity.Warning, "the table states the period 2019-09-15 to 2019-10-14, the report 2019-10-15 to 2019-11-14", 2, 0, null, null, null, null);
        Assert.Equal("Kỳ của biểu so với kỳ báo cáo: biểu ghi từ 15/09/2019 đến 14/10/2019, báo cáo ghi từ 15/10/2019 đến 14/11/2019", CheckText.Message(period));
    }
}
