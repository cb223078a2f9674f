using System.CommandLine;
using Baocao.Mapping;
using Baocao.Tools.Bench;

namespace Baocao.Cli;

/// <summary>The baocao command line. Each command lives in its own file under Commands/.</summary>
public static class App
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("baocao: structured records from Vietnamese administrative-procedure reports (báo cáo)");
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(PruneCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(BenchCommand.Create(new BenchHost(WorkerCommand.SelfCommand, WorkerCommand.SelfCommand, IndexOptions.Guard)));
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DebugCommand.Create());
        root.Subcommands.Add(TrainMapperCommand.Create());
        try { return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }); }
        catch (ModelLoadException e)
        {
            // Extraction loads the column-mapper model at start: without it no file can be mapped, so one line and stop.
            Console.Error.WriteLine($"error: {Baocao.Text.LogText.Escape(e.FilePath)}: {Baocao.Text.LogText.Escape(e.Reason)}");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last guard: commands report bad input themselves, one line each; anything that still escapes is a fault
            // of the program, and a user gets one line saying so, not a stack trace (BAOCAO_DEBUG=1 prints it, for a report).
            Console.Error.WriteLine($"error: internal error ({e.GetType().Name}: {FirstLine(e.Message)}); run with BAOCAO_DEBUG=1 for the details");
            if (Environment.GetEnvironmentVariable("BAOCAO_DEBUG") is "1") Console.Error.WriteLine(e);
            return 70; // EX_SOFTWARE of sysexits.h
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
