using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>
/// The checks stage for one report: every rule's relations over the record, evaluated into findings, with suspected
/// OCR misreadings; plus the table periods against the report's. Pure: the record is read, never changed (the
/// caller attaches the findings to its <c>checks</c>).
/// </summary>
public sealed class ReportChecker(CheckOptions options, IReadOnlyList<ICheckRule> rules)
{
    public static ReportChecker CreateDefault(CheckOptions? options = null) => new(options ?? CheckOptions.Default, [new TableRules(), new ProseRules()]);

    public CheckOptions Options => options;

    public IReadOnlyList<Check> Check(ReportRecord record)
    {
        var view = new RecordView(record);
        var relations = rules.SelectMany(r => r.Relations(view)).ToList();
        var checks = RelationEvaluator.Evaluate(relations, options, proposeMisreadings: true);
        checks.AddRange(TablePeriods(record));
        return checks;
    }

    /// <summary>The record with its findings in <c>checks</c>.</summary>
    public ReportRecord Apply(ReportRecord record) => record with { Checks = Check(record) };

    /// <summary>
    /// A table stating its own period ("(TỪ NGÀY 01/10/2019 ĐẾN 15/10/2019)") that differs from the period the report
    /// states for itself: one of them is wrong, or the table covers only part of the report. Only stated periods are
    /// compared: a period derived by the rule of Nghị định 09/2019 is a guess that agencies often do not follow.
    /// </summary>
    private static IEnumerable<Check> TablePeriods(ReportRecord record)
    {
        if (record.Header.Period is not { Explicit: true, From: { } from, To: { } to }) yield break;
        foreach (var t in record.Tables)
        {
            if (t.Period is not { Explicit: true, From: { } tf, To: { } tt } || (tf == from && tt == to)) continue;
            yield return new Check(CheckRule.TablePeriod, Severity.Warning,
                $"the table states the period {tf} to {tt}, the report {from} to {to}", t.Page, t.Index, null, null, null, null)
            {
                File = record.Source.Path, Relation = "table period = report period", Cause = Cause.Report,
            };
        }
    }
}
