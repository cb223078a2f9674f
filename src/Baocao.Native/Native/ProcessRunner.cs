using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Baocao.Native;

/// <summary>The outcome of running an external tool.</summary>
public sealed record ProcessResult(int ExitCode, string StdErr, bool TimedOut);

/// <summary>
/// Runs a native command-line tool in its own process, so a crash or hang inside a native parser on one bad file
/// costs that file only. Standard output is streamed to a callback; the process is killed at the timeout.
/// </summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> args, Action<StreamReader> readStdout, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new ToolMissingException(fileName);
        }
        catch (Win32Exception)
        {
            throw new ToolMissingException(fileName);
        }
        using (p)
        {
            var stderr = new StringBuilder();
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null && stderr.Length < 4000) stderr.AppendLine(e.Data); };
            p.BeginErrorReadLine();
            var reader = Task.Run(() =>
            {
                try { readStdout(p.StandardOutput); }
                catch
                {
                    // The callback gave up on the output (a parse error): the rest must still be drained, or the tool
                    // blocks on a full pipe and the file is lost to the timeout with the wrong reason.
                    p.StandardOutput.BaseStream.CopyTo(Stream.Null);
                    throw;
                }
            });
            var exited = p.WaitForExit(timeout);
            if (!exited)
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.WaitForExit();
                return new ProcessResult(-1, stderr.ToString(), true);
            }
            p.WaitForExit(); // flush the asynchronous stderr reader
            try { reader.GetAwaiter().GetResult(); }
            catch (Exception e) when (e is System.Xml.XmlException or FormatException or InvalidDataException)
            {
                throw new ToolOutputException(fileName, e);
            }
            return new ProcessResult(p.ExitCode, stderr.ToString(), false);
        }
    }
}

/// <summary>A tool's output could not be read (malformed XML, a number that is none).</summary>
public sealed class ToolOutputException(string tool, Exception inner)
    : Exception($"{tool} wrote output that could not be read ({inner.Message.Split('\n')[0].TrimEnd('.')})", inner)
{
    public string Tool { get; } = tool;
}

/// <summary>A required external tool is not installed.</summary>
public sealed class ToolMissingException(string tool)
    : Exception($"the '{tool}' tool is not installed (install poppler-utils and mupdf-tools: see README)")
{
    public string Tool { get; } = tool;
}
