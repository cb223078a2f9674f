using System.CommandLine;
using System.Text;
using Baocao.Checks;
using Baocao.Output;
using Baocao.Reports;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao check FILE… [--json]</c>: extracts each file, checks its figures (within the report) and the files
/// against each other (reports of one agency), and prints every finding: rule, place, printed and expected values,
/// difference, severity. A bad file gets one line on stderr and the rest go on (exit code 1); findings alone do not
/// change the exit code.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "DOCX or PDF report(s); reports of one agency are also checked against each other", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "print the findings as one JSON array (the fields of a record's \"checks\", docs/record-format.md)" };
        var cmd = new Command("check", "Cross-check the reported figures: formulas, totals, percentages, prose against tables, reports against each other") { files, json };
        cmd.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json)));
        return cmd;
    }

    private static int Run(string[] files, bool json)
    {
        IReadOnlyList<ReportRecord> records = BatchExtraction.ExtractAll(files, out var failed);
        records = CrossReportChecker.CreateDefault().Apply(records);
        if (json) Console.WriteLine(RecordJson.SerializeChecks(records.SelectMany(r => r.Checks)));
        else foreach (var r in records) Console.Write(Render(r));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The findings of one record as text: a count line, then two lines per finding.</summary>
    public static string Render(ReportRecord r)
    {
        var sb = new StringBuilder();
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Info }.Select(s => $"{r.Checks.Count(c => c.Severity == s)} {s}"));
        sb.AppendLine($"{r.Source.Path}: {counts}");
        foreach (var c in r.Checks)
        {
            var values = c.Printed is null ? "" : $": printed {Relation.Num(c.Printed.Value)}, expected {Relation.Num(c.Expected!.Value)}, difference {Relation.Num(c.Difference!.Value)}";
            if (c.Proposed is { } p) values += $", proposed {Relation.Num(p)}";
            sb.AppendLine($"  {c.Severity,-7} {c.Rule,-21} {Where(c)}{values}");
            sb.AppendLine($"          {c.Message}");
            if (c.Related is { } rel) sb.AppendLine($"          against {rel}");
        }
        return sb.ToString();
    }

    /// <summary>"p.3, table 0, row «Tổng cộng», column resolved.early (7)".</summary>
    public static string Where(Check c)
    {
        var parts = new List<string>();
        if (c.Page is { } page) parts.Add($"p.{page}");
        if (c.Table is { } t) parts.Add($"table {t}");
        else if (c.Rule.StartsWith("prose.") || c.Rule.StartsWith("reports.")) parts.Add("prose");
        if (c.Row is { } row) parts.Add($"row «{row}»");
        if (c.Column is { } col) parts.Add($"column {col}{(c.ColumnNumber is { } n ? $" ({n})" : "")}");
        return string.Join(", ", parts);
    }
}
