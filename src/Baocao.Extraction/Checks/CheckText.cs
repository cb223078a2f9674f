using System.Text.RegularExpressions;
using Baocao.Mapping;
using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>
/// A finding in words for people: Vietnamese by default, from the finding's own fields (its rule and column keys named by
/// the form catalog's labels, <see cref="Labels"/>), or the record's English message with <c>english</c> (<c>--lang en</c>).
/// The record keeps the English message the checks wrote (docs/record-format.md), so a stored index needs no
/// re-extraction; the Vietnamese is written from the same facts when shown. The few facts only the English message holds
/// (the text as read, a formula as OCR read it, a table's stated dates) are taken from it by their fixed wording. Pure.
/// </summary>
public static partial class CheckText
{
    /// <summary>"Cột công thức (6)=(7)+(8)+(9): số in 7, số cần có 0, chênh lệch 7"; the English message with <paramref name="english"/>.</summary>
    public static string Message(Check c, bool english = false)
    {
        if (english) return c.Message + (c.Reviewed is { } rv ? $"; it rests on a reviewer's decision: {rv}" : "");
        var rule = Labels.Rule(c.Rule);
        if (c.Rule == CheckRule.TablePeriod && TablePeriod().Match(c.Message) is { Success: true } tp)
            return $"{rule}: biểu ghi từ {PeriodText.Date(tp.Groups[1].Value)} đến {PeriodText.Date(tp.Groups[2].Value)}, " +
                   $"báo cáo ghi từ {PeriodText.Date(tp.Groups[3].Value)} đến {PeriodText.Date(tp.Groups[4].Value)}";
        var read = ReadAs().Match(c.Message) is { Success: true } ra ? ra.Groups[1].Value : null;
        if (c.Rule == CheckRule.Misreading)
            return $"{rule}: đọc là «{read ?? Num(c.Printed)}»" + (c.Proposed is { } p ? $"; {Num(p)} thỏa mọi kiểm tra có giá trị này" : "") +
                   (c.Relation is { } rel ? $" ({RelationText(rel)})" : "");
        var pct = c.Message.Contains("%, expected", StringComparison.Ordinal) ? "%" : "";
        var text = rule;
        if (c.Relation is { } relation) text += ": " + RelationText(relation);
        if (c.Printed is { } printed && c.Expected is { } expected)
            text += c.Severity == Severity.Info || printed == expected
                ? $": số in {Num(printed)}{pct}, khớp"
                : $": số in {Num(printed)}{pct}, số cần có {Num(expected)}{pct}, chênh lệch {Num(printed - expected)}";
        if (c.Cause == Cause.Reading)
        {
            text += "; nghi vấn do đọc" + (read is not null ? $" (giá trị đọc là «{read}»)" : "");
            if (c.Proposed is { } p) text += $", có lẽ đọc đúng là {Num(p)}";
        }
        if (FormulaRead().Match(c.Message) is { Success: true } fr)
            text += fr.Groups[2].Value == ", repaired"
                ? $"; công thức OCR đọc là «{fr.Groups[1].Value}», đã sửa vì các dòng khác đều đúng theo công thức sửa"
                : $"; công thức OCR đọc là «{fr.Groups[1].Value}» và đã sửa, chưa dòng nào khác xác nhận";
        // The finding was re-run with values a reviewer corrected (→) or confirmed (✓): said, so nobody takes it for the print's.
        if (c.Reviewed is { } reviewed) text += $"; dựa trên hiệu đính của người duyệt: {reviewed}";
        return text;
    }

    /// <summary>"trang 3, bảng 1, dòng «Tổng cộng», cột Đã giải quyết – Trước hạn (7)": tables from 1; English "p.3, table 1, row …, column resolved.early (7)".</summary>
    public static string Where(Check c, bool english = false)
    {
        var parts = new List<string>();
        if (c.Page is { } page) parts.Add(english ? $"p.{page}" : $"trang {page}");
        if (c.Table is { } t) parts.Add(english ? $"table {t + 1}" : $"bảng {t + 1}");
        else if (c.Rule.StartsWith("prose.", StringComparison.Ordinal) || c.Rule.StartsWith("reports.", StringComparison.Ordinal)) parts.Add(english ? "prose" : "lời văn");
        if (c.Row is { } row) parts.Add(english ? $"row «{row}»" : $"dòng «{row}»");
        if (c.Column is { } col)
        {
            var name = english ? col : Labels.Knows(col) ? Labels.Key(col) : col;
            parts.Add((english ? "column " : "cột ") + name + (c.ColumnNumber is { } n ? $" ({n})" : ""));
        }
        return string.Join(", ", parts);
    }

    /// <summary>
    /// A relation as the checks state it, in Vietnamese: keys by their labels, and the fixed English wordings of the checks'
    /// statements (TableRules, ProseRules, CrossReportChecker) in words; a table named 0-based in a statement ("of table 0")
    /// is numbered from 1, as everywhere people read it. A wording not listed here stays as written.
    /// </summary>
    public static string RelationText(string relation)
    {
        var s = Labels.Relation(relation);
        s = TableOf().Replace(s, m => "của bảng " + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        s = GroupOf().Replace(s, m => "của nhóm " + m.Groups[1].Value + " = tổng các dòng con");
        s = PeriodSum().Replace(s, m => "tổng của " + m.Groups[1].Value + " báo cáo " + PeriodText.Kind(m.Groups[2].Value) + " (các kỳ con)");
        s = SameDate().Replace(s, m => "của báo cáo " + PeriodText.Kind(m.Groups[1].Value) + " cùng ngày " + (m.Groups[2].Value == "start" ? "đầu kỳ" : m.Groups[2].Value == "end" ? "cuối kỳ" : m.Groups[2].Value));
        foreach (var (en, vi) in Phrases) s = s.Replace(en, vi, StringComparison.Ordinal);
        return s;
    }

    /// <summary>The fixed wordings of the statements, longest first (one may contain another).</summary>
    private static readonly (string En, string Vi)[] Phrases =
    [
        (" of the totals row = sum of the rows, each group counted once", " của dòng tổng cộng = tổng các dòng, mỗi nhóm tính một lần"),
        (" of the totals row = sum of the rows", " của dòng tổng cộng = tổng các dòng"),
        (" of the totals row", " của dòng tổng cộng"),
        (" of the previous period", " của kỳ trước"),
        (" in the prose", " trong lời văn"),
        ("table period = report period", "kỳ của biểu = kỳ báo cáo"),
        (" or ", " hoặc "),
    ];

    private static string Num(decimal? v) => v is { } x ? Relation.Num(x) : "?";

    [GeneratedRegex(@"of table (\d+)")]
    private static partial Regex TableOf();

    [GeneratedRegex(@"of group (\S+) = sum of its rows")]
    private static partial Regex GroupOf();

    [GeneratedRegex(@"sum over the (\d+) (\w+) reports")]
    private static partial Regex PeriodSum();

    [GeneratedRegex(@"of the (\w+) report with the same (\w+) date")]
    private static partial Regex SameDate();

    [GeneratedRegex(@"the table states the period (\S+) to (\S+), the report (\S+) to (\S+)")]
    private static partial Regex TablePeriod();

    [GeneratedRegex(@"read as «([^»]*)»")]
    private static partial Regex ReadAs();

    [GeneratedRegex(@"the formula was read «([^»]*)»(, repaired| and repaired)")]
    private static partial Regex FormulaRead();
}
