using System.CommandLine;
using Baocao.Cli;

// The baocao command line. Each command lives in its own file under Commands/.
var root = new RootCommand("baocao: structured records from Vietnamese administrative-procedure reports (báo cáo)");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(DebugCommand.Create());
return root.Parse(args).Invoke();
