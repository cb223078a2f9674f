using System.Globalization;
using System.CommandLine;
using System.Text;
using Baocao.Checks;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao check FILE… [--json]</c> or <c>check --all [--index FILE]</c>: extracts each file (or loads every indexed report), checks its figures (within the report) and the files
/// against each other (reports of one agency), and prints every finding: rule, place, printed and expected values,
/// difference, severity. A bad file gets one line on stderr and the rest go on (exit code 1); findings alone do not
/// change the exit code.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "DOCX or PDF report(s); reports of one agency are also checked against each other", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "print the findings as one JSON array (the fields of a record's \"checks\", docs/record-format.md)" };
        var all = new Option<bool>("--all") { Description = "check every report in the index instead of files, reports of one agency against each other included" };
        var index = new Option<string>("--index") { Description = $"the index for --all (default {IndexLocation.FileName} in the data folder, ${IndexLocation.DataVariable} or ./data)" };
        var cmd = new Command("check", "Cross-check the reported figures: formulas, totals, percentages, prose against tables, reports against each other") { files, json, all, index };
        cmd.SetAction(parse =>
        {
            var given = parse.GetValue(files) ?? [];
            if (parse.GetValue(all))
            {
                if (given.Length > 0) { Console.Error.WriteLine("error: check: give FILE… or --all, not both"); return 2; }
                return RunAll(IndexOptions.IndexPath(parse, index), parse.GetValue(json));
            }
            if (given.Length == 0) { Console.Error.WriteLine("error: check: give FILE… to check, or --all to check every indexed report"); return 2; }
            return Run(given, parse.GetValue(json));
        });
        return cmd;
    }

    /// <summary>
    /// Every indexed report: its own findings (stored with it at ingest) and the findings across the reports of each
    /// agency, computed now over the whole index.
    /// </summary>
    private static int RunAll(string location, bool json)
    {
        try
        {
            using var index = IndexLocation.OpenRead(location);
            var source = new IndexReportSource(index);
            var across = CrossReportChecker.CreateDefault().Check(source).ToLookup(c => c.File);
            var records = source.All().Select(r => across[r.Source.Path].Any() ? r with { Checks = [.. r.Checks, .. across[r.Source.Path]] } : r).ToList();
            if (json) Console.WriteLine(RecordJson.SerializeChecks(records.SelectMany(r => r.Checks)));
            else
            {
                foreach (var r in records)
                {
                    // Each report once (its best copy); its other files are listed when they read something differently.
                    var copies = source.CopiesOf(r).Where(c => c.Differences.Count > 0).ToList();
                    if (r.Checks.Count > 0 || copies.Count > 0) Console.Write(Render(r));
                    foreach (var (path, diff) in copies)
                    {
                        Console.WriteLine($"  copy {path} reads differently:");
                        foreach (var d in diff) Console.WriteLine($"    {d}");
                    }
                }
                var all = records.SelectMany(r => r.Checks).ToList();
                if (source.Files > records.Count) Console.WriteLine($"{source.Files} files indexed: copies of one report (DOCX, PDF, scans) are checked once, as their best copy");
                Console.WriteLine($"{records.Count} reports checked: {all.Count(c => c.Severity == Severity.Error)} error, {all.Count(c => c.Severity == Severity.Warning)} warning, {all.Count(c => c.Severity == Severity.Doubt)} doubt, {all.Count(c => c.Severity == Severity.Info)} info ({across.Sum(g => g.Count())} across reports); {records.Count(r => r.Checks.Count == 0)} reports without findings");
            }
            return 0;
        }
        catch (IndexException e)
        {
            Console.Error.WriteLine($"error: {LogText.Escape(e.Location)}: {LogText.Escape(e.Reason)}");
            return 1;
        }
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
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Doubt, Severity.Info }.Select(s => $"{r.Checks.Count(c => c.Severity == s)} {s}"));
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Source.Path}: {counts}");
        foreach (var c in r.Checks)
        {
            var values = c.Printed is null ? "" : $": printed {Relation.Num(c.Printed.Value)}, expected {Relation.Num(c.Expected!.Value)}, difference {Relation.Num(c.Difference!.Value)}";
            if (c.Proposed is { } p) values += $", proposed {Relation.Num(p)}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {c.Severity,-7} {c.Rule,-21} {Where(c)}{values}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"          {c.Message}");
            if (c.Related is { } rel) sb.AppendLine(CultureInfo.InvariantCulture, $"          against {rel}");
        }
        return sb.ToString();
    }

    /// <summary>"p.3, table 0, row «Tổng cộng», column resolved.early (7)".</summary>
    public static string Where(Check c)
    {
        var parts = new List<string>();
        if (c.Page is { } page) parts.Add($"p.{page}");
        if (c.Table is { } t) parts.Add($"table {t}");
        else if (c.Rule.StartsWith("prose.", StringComparison.Ordinal) || c.Rule.StartsWith("reports.", StringComparison.Ordinal)) parts.Add("prose");
        if (c.Row is { } row) parts.Add($"row «{row}»");
        if (c.Column is { } col) parts.Add($"column {col}{(c.ColumnNumber is { } n ? $" ({n})" : "")}");
        return string.Join(", ", parts);
    }
}
