using System.CommandLine;
using Baocao.Mapping;

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
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DebugCommand.Create());
        root.Subcommands.Add(TrainMapperCommand.Create());
        try { return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }); }
        catch (ModelLoadException e)
        {
            // Extraction loads the column-mapper model at start: without it no file can be mapped, so one line and stop.
            Console.Error.WriteLine($"error: {e.FilePath}: {e.Reason}");
            return 1;
        }
    }
}
