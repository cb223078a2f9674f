using System.CommandLine;
using Baocao.Index;
using Baocao.Text;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao prune [--index FILE]</c>: removes the entries of indexed files that no longer exist (moved, renamed or
/// deleted; a moved file indexed again under its new path is a new entry), and their recorded failures; one line per
/// removed file, then the count. <c>ingest --prune</c> runs it after an ingest.
/// </summary>
public static class PruneCommand
{
    public static Command Create()
    {
        var opts = new IndexOptions();
        var cmd = new Command("prune", "Remove the index entries of files that no longer exist (each removed path is printed)") { opts.Index };
        cmd.SetAction(p => IndexOptions.Guard(() => Run(IndexOptions.IndexPath(p, opts.Index))));
        return cmd;
    }

    public static int Run(string location)
    {
        try
        {
            using var index = IndexLocation.OpenWrite(location);
            var gone = index.Prune();
            foreach (var path in gone) Console.WriteLine($"removed {LogText.Escape(path)} (no longer exists)");
            Console.WriteLine($"prune: {gone.Count} entr{(gone.Count == 1 ? "y" : "ies")} of missing files removed; {index.Location} holds {index.Stats().Documents} file(s)");
            return 0;
        }
        catch (IndexException e)
        {
            Console.Error.WriteLine($"error: {LogText.Escape(e.Location)}: {LogText.Escape(e.Reason)}");
            return 1;
        }
    }
}
