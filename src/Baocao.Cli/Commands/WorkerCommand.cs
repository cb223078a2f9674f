using System.CommandLine;
using System.Text;
using Baocao.Ingest;
using Baocao.Pipeline;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao worker</c> (hidden): the extraction worker that <c>ingest</c> starts, one per core. Reads one request per
/// line on standard input (<see cref="WorkerProtocol"/>), extracts the file, answers with the record or the reason on
/// standard output; ends when its input ends. Anything else the program prints goes to standard error, so the
/// answers stay clean.
/// </summary>
public static class WorkerCommand
{
    public const string Name = "worker";

    /// <summary>
    /// Test hook: faults to inject, "crash:NAME,hang:NAME,oom:NAME" — the worker crashes natively (SIGSEGV), hangs, or
    /// allocates without end on a file whose name contains NAME, as a broken native parser would. The isolation tests use it.
    /// </summary>
    public const string FaultVariable = "BAOCAO_TEST_WORKER_FAULT";

    public static Command Create()
    {
        // One OCR engine by default: the ingest runs one worker per core. `extract` of several files runs one worker with
        // an engine per core, as it would read in-process.
        var ocr = new Option<int>("--ocr-workers") { Description = "OCR engines (pages read at once)", DefaultValueFactory = _ => 1 };
        var cmd = new Command(Name, "Extraction worker for ingest and extract (reads requests on stdin)") { ocr };
        cmd.Hidden = true;
        cmd.SetAction(p =>
        {
            try { return Run(Math.Max(1, p.GetValue(ocr))); }
            finally { Native.LibreOfficeConverter.RemoveProfile(); }
        });
        return cmd;
    }

    private static int Run(int ocrWorkers)
    {
        var stdout = Console.OpenStandardOutput();
        var answers = new BufferedStream(stdout, 1 << 16);
        Console.SetOut(Console.Error);
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var extractor = new InProcessExtractor(Extractor.CreateDefault(ocrWorkers: ocrWorkers));
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            string? failure = null;
            Baocao.Reports.ReportRecord? record = null;
            try
            {
                var (path, readFrom) = WorkerProtocol.ParseRequest(line);
                InjectFault(path);
                var o = extractor.Extract(path, readFrom);
                if (o.Record is { } r) record = r;
                else failure = o.Reason ?? "could not be extracted";
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                failure = $"bad request ({e.Message.Split('\n')[0]})";
            }
            try
            {
                // The record goes out as it is written (no string of it: a 100,000-row table's is hundreds of MB).
                if (record is not null) WorkerProtocol.WriteSuccess(answers, record);
                else answers.Write(Encoding.UTF8.GetBytes(WorkerProtocol.Failure(failure!)));
                answers.WriteByte((byte)'\n');
                answers.Flush();
            }
            catch (IOException) { return 0; } // the ingest is gone
        }
        return 0;
    }

    private static void InjectFault(string path)
    {
        if (Environment.GetEnvironmentVariable(FaultVariable) is not { Length: > 0 } spec) return;
        foreach (var f in spec.Split(','))
        {
            var (kind, name) = (f.Split(':')[0], f.Split(':').ElementAtOrDefault(1) ?? "");
            if (name.Length == 0 || !Path.GetFileName(path).Contains(name, StringComparison.Ordinal)) continue;
            switch (kind)
            {
                case "crash":
                    // A native fault, as in a C decoder: no .NET handler can catch it.
                    System.Runtime.InteropServices.Marshal.WriteInt32(IntPtr.Zero, 1);
                    break;
                case "hang":
                    Thread.Sleep(Timeout.Infinite);
                    break;
                case "oom":
                    var hog = new List<byte[]>();
                    while (true)
                    {
                        var b = new byte[64 << 20];
                        Array.Fill(b, (byte)1); // touched, so it is resident
                        hog.Add(b);
                    }
            }
        }
    }

    /// <summary>How to start this program in worker mode: the same executable (through dotnet when it runs as a .dll).</summary>
    public static IReadOnlyList<string> SelfCommand() => SelfCommand([Name]);

    /// <summary>How to start this program with other arguments (the resume bench runs <c>ingest</c> this way).</summary>
    public static IReadOnlyList<string> SelfCommand(string[] args)
    {
        var exe = Environment.ProcessPath ?? "dotnet";
        var dll = typeof(App).Assembly.Location;
        return Path.GetFileNameWithoutExtension(exe) == "dotnet" ? [exe, dll, .. args] : [exe, .. args];
    }
}
