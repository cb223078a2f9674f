namespace Baocao.Checks;

/// <summary>How serious a finding is.</summary>
public static class Severity
{
    /// <summary>The document contradicts a relation it declares itself: a formula column, its totals or percentage row, the parts it lists in a sentence.</summary>
    public const string Error = "error";

    /// <summary>A contradiction that rests on a reading: a prose figure's key, a relation between canonical keys the form does not print, another report, or a suspected OCR misreading.</summary>
    public const string Warning = "warning";

    /// <summary>
    /// A failing relation that rests on a doubtful reading (OCR confidence below the threshold, an ambiguous grouping
    /// such as "1,572", a decimal point) that no holding relation confirms: the reading is in doubt, not the document.
    /// Never an error; the finding names the reading that would make the relation hold when the arithmetic points to one.
    /// </summary>
    public const string Doubt = "doubt";

    /// <summary>Worth knowing, not a contradiction: e.g. "Số mới tiếp nhận" states the total including the carried-over dossiers.</summary>
    public const string Info = "info";

    /// <summary>Errors first: the order findings are listed and counted in.</summary>
    public static int Rank(string severity) => severity switch { Error => 0, Warning => 1, Doubt => 2, _ => 3 };
}

/// <summary>What a finding blames (<c>cause</c> in the record): the printed document, or how it was read.</summary>
public static class Cause
{
    /// <summary>The document as printed contradicts itself: every value the relation rests on is read with confidence (or confirmed by another relation).</summary>
    public const string Report = "report";

    /// <summary>The contradiction rests on a doubtful reading (severity <see cref="Severity.Doubt"/>, and every <c>ocr.misreading</c>).</summary>
    public const string Reading = "reading";
}

/// <summary>The rule names of the checks stage (stable: they are part of the record format, docs/record-format.md).</summary>
public static class CheckRule
{
    /// <summary>A declared formula column ("(3)=(4)+(5)+(6)", "10=(11+12)") on one row.</summary>
    public const string Formula = "table.formula";

    /// <summary>A canonical identity on one row where the form prints no formula (received.total = received.new + received.carried_over …).</summary>
    public const string Identity = "table.identity";

    /// <summary>received.total = resolved.total + pending.total on one row (returned dossiers may be counted apart).</summary>
    public const string Balance = "table.balance";

    /// <summary>The totals row against the item rows, column by column, each group counted once (the group or its children).</summary>
    public const string Total = "table.total";

    /// <summary>A group row ("1" above "1.1", "1.2"; "I", "A") against its own sub-rows.</summary>
    public const string Group = "table.group";

    /// <summary>A "Tỷ lệ %" row against the ratios of the totals row, at the document's own rounding.</summary>
    public const string Percent = "table.percent";

    /// <summary>A table's own stated period against the report's stated period.</summary>
    public const string TablePeriod = "table.period";

    /// <summary>The prose's own arithmetic: a total against the parts the same sentence lists; a province total against its levels.</summary>
    public const string ProseSum = "prose.sum";

    /// <summary>"quá hạn: 449 chiếm 2,02%": the stated share against the computed ratio, at the printed rounding.</summary>
    public const string ProsePercent = "prose.percent";

    /// <summary>A figure of the results section against the same canonical key in the table's totals row.</summary>
    public const string ProseTable = "prose.table";

    /// <summary>"Từ kỳ trước" of one period against "đang giải quyết" at the end of the previous period of the same agency.</summary>
    public const string CarriedOver = "reports.carried-over";

    /// <summary>The reports of the sub-periods (quarters of a year, months of a quarter) against the report of the whole period.</summary>
    public const string PeriodSum = "reports.period-sum";

    /// <summary>A stock stated by two reports for the same date: carried over at a common start, pending at a common end.</summary>
    public const string Stock = "reports.stock";

    /// <summary>A low-confidence OCR value that one changed character would reconcile with every check it takes part in.</summary>
    public const string Misreading = "ocr.misreading";
}
