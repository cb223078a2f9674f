using Baocao.Cli;

namespace Baocao.Tests;

/// <summary>
/// Runs the command line in-process and captures what it prints. It swaps the process-wide console, so its callers
/// belong to the "console" collection (never run in parallel).
/// </summary>
internal static class CliRunner
{
    public static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (App.Run(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
