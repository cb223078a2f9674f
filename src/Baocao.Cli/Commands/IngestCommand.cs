using System.CommandLine;
using Baocao.Index;
using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao ingest PATH… [--index FILE]</c>: extracts files and folders (recursively: .pdf, .docx) and stores each
/// record in the index, replacing the record of a file indexed before. A bad file gets one line, <c>error: PATH:
/// reason</c>, and the rest goes on; a file that is not a baocao index is never written to.
/// </summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "report files (.docx, .pdf) or folders to walk", Arity = ArgumentArity.OneOrMore };
        var opts = new IndexOptions();
        var cmd = new Command("ingest", "Extract reports and store them in the index (the default index is in the data folder)") { paths, opts.Index };
        cmd.SetAction(p => IndexOptions.Guard(() => Run(p.GetValue(paths)!, IndexOptions.IndexPath(p, opts.Index))));
        return cmd;
    }

    private static int Run(string[] paths, string location)
    {
        var extractor = Extractor.CreateDefault();
        var (files, missing) = SourceFiles.Expand(paths, extractor.Extensions);
        foreach (var m in missing) Console.Error.WriteLine($"error: {m}: no such file or folder");
        using var index = IndexLocation.OpenWrite(location);
        // A copy of each PDF in the data folder, for the web interface's source page images (it opens nothing outside it).
        var sources = SourceStore.For(location);
        var (done, failed) = (0, missing.Count);
        foreach (var f in files)
        {
            try
            {
                var record = extractor.Extract(f);
                index.Store(record);
                sources.Keep(f, record.Source.Sha256);
                var rows = record.Tables.Sum(t => t.Rows.Count);
                Console.WriteLine($"indexed {f}  ({record.Tables.Count} table(s), {rows} row(s), {record.Figures.Count} figure(s))");
                done++;
            }
            catch (BadInputException e) { Fail(e.FilePath, e.Reason); }
            catch (ToolMissingException e) { Fail(f, e.Message); }
            catch (IndexException e) { Fail(f, $"not indexed: {e.Reason}"); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug or an input no check foresaw: one line for this file, the rest goes on.
                Fail(f, $"could not be extracted ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
            }
        }
        var s = index.Stats();
        Console.WriteLine($"{done} file(s) indexed, {failed} failed; {index.Location} holds {s.Documents} report(s), {s.Tables} table(s), {s.Rows} row(s)");
        return failed == 0 ? 0 : 1;

        void Fail(string path, string reason)
        {
            Console.Error.WriteLine($"error: {path}: {reason}");
            failed++;
        }
    }
}
