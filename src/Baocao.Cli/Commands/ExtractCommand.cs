using System.CommandLine;
using Baocao.Checks;
using Baocao.Output;
using Baocao.Reports;

namespace Baocao.Cli;

/// <summary><c>baocao extract FILE… [--json]</c>: one record per file; a bad file gets one line on stderr and the rest go on.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "DOCX or PDF report(s)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "print the record as JSON (docs/record-format.md)" };
        var cmd = new Command("extract", "Extract header, tables and key figures from DOCX or digital PDF reports") { files, json };
        cmd.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json)));
        return cmd;
    }

    private static int Run(string[] files, bool json)
    {
        IReadOnlyList<ReportRecord> records = BatchExtraction.ExtractAll(files, out var failed);
        // The files given together are also checked against each other (reports of one agency), as by `check`.
        records = CrossReportChecker.CreateDefault().Apply(records);
        if (json)
        {
            if (files.Length == 1 && records.Count == 1) Console.WriteLine(RecordJson.Serialize(records[0]));
            else if (records.Count > 0) Console.WriteLine("[" + string.Join(",\n", records.Select(r => RecordJson.Serialize(r))) + "]");
        }
        else foreach (var r in records) Console.Write(RecordSummary.Render(r));
        return failed == 0 ? 0 : 1;
    }
}
