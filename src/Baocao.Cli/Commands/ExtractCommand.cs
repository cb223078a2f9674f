using System.CommandLine;
using Baocao.Native;
using Baocao.Output;
using Baocao.Pipeline;
using Baocao.Readers;
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
        var extractor = Extractor.CreateDefault();
        var failed = 0;
        var records = new List<ReportRecord>();
        foreach (var f in files)
        {
            try
            {
                var r = extractor.Extract(f);
                if (json) records.Add(r);
                else Console.Write(RecordSummary.Render(r));
            }
            catch (BadInputException e)
            {
                Console.Error.WriteLine($"error: {e.FilePath}: {e.Reason}");
                failed++;
            }
            catch (ToolMissingException e)
            {
                Console.Error.WriteLine($"error: {f}: {e.Message}");
                failed++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug or an input no check foresaw: still one line for this file, and the rest go on.
                Console.Error.WriteLine($"error: {f}: could not be extracted ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
                failed++;
            }
        }
        if (json)
        {
            if (files.Length == 1 && records.Count == 1) Console.WriteLine(RecordJson.Serialize(records[0]));
            else if (records.Count > 0) Console.WriteLine("[" + string.Join(",\n", records.Select(r => RecordJson.Serialize(r))) + "]");
        }
        return failed == 0 ? 0 : 1;
    }
}
