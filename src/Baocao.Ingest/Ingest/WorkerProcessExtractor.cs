using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Baocao.Index;
using Baocao.Native;

namespace Baocao.Ingest;

/// <summary>How a worker process is started and held.</summary>
/// <param name="Command">The program and its arguments (baocao in its hidden worker mode).</param>
/// <param name="Timeout">Most work one file may take (processor time of the worker and its tools), and the longest the
/// worker may sit idle on it (see <see cref="WorkWatch"/>); the worker is then stopped and the file marked failed.</param>
/// <param name="MemoryLimitMiB">Largest resident memory of the worker; above it the worker is stopped and the file marked failed.</param>
/// <param name="SpillAboveBytes">An answer longer than this is written to a temp file as it arrives and handed on as a
/// <see cref="Index.SpilledRecord"/> (the ingest stores it from there, row by row); null keeps every answer in memory and
/// always gives a <see cref="FileOutcome.Record"/> (extract, check).</param>
public sealed record WorkerOptions(IReadOnlyList<string> Command, TimeSpan Timeout, int MemoryLimitMiB = 2048, long? SpillAboveBytes = null);

/// <summary>
/// Extraction in a child process: baocao itself in worker mode (<c>baocao worker</c>), which reads paths on its
/// standard input and answers with records (<see cref="WorkerProtocol"/>). Why a process and not a thread: OCR runs
/// Tesseract and Leptonica in-process through their C API, and a native crash (a segfault in a decoder), an endless
/// loop or a runaway allocation there cannot be caught in .NET; it would end the whole ingest. Here it ends the worker:
/// the file is marked failed with what happened (crash, timeout, memory), and the next file starts a fresh worker.
/// A worker is kept between files, so the start-up (runtime, the mapper model, Tesseract's model) is paid once.
/// </summary>
public sealed class WorkerProcessExtractor(WorkerOptions options) : IFileExtractor
{
    private Process? process;
    private readonly Queue<string> stderrTail = new();

    /// <summary>Workers started so far (1 + restarts after a crash, timeout or memory stop).</summary>
    public int Starts { get; private set; }

    /// <summary>The largest resident memory seen in this slot's workers, in bytes.</summary>
    public long PeakResidentBytes { get; private set; }

    public FileOutcome Extract(string path, string? readFrom = null)
    {
        var p = process is { HasExited: false } ? process : Start();
        lock (stderrTail) stderrTail.Clear();
        try
        {
            p.StandardInput.WriteLine(WorkerProtocol.Request(path, readFrom));
            p.StandardInput.Flush();
        }
        catch (IOException)
        {
            return Failed(path, Died(p));
        }
        var answer = answers!.Next();
        var clock = Stopwatch.StartNew();
        var watch = new WorkWatch(options.Timeout);
        watch.Observe(TimeSpan.Zero, ProcessTreeCpu.Of(p));
        while (!answer.Wait(TimeSpan.FromMilliseconds(200)))
        {
            var rss = Resident(p);
            PeakResidentBytes = Math.Max(PeakResidentBytes, rss);
            if (rss > (long)options.MemoryLimitMiB * 1024 * 1024)
                return Failed(path, Stop(p, $"out of memory: the extraction used more than {options.MemoryLimitMiB} MiB and was stopped"));
            if (watch.Observe(clock.Elapsed, ProcessTreeCpu.Of(p)) is { } tooLong)
                return Failed(path, Stop(p, tooLong));
        }
        Answer? line;
        try { line = answer.GetAwaiter().GetResult(); }
        catch (IOException) when (p.HasExited) { line = null; }
        catch (IOException e)
        {
            // MemoryStream's 2 GB, or no room for the temp file: a record this large could not be stored either.
            return Failed(path, Stop(p, $"the record is too large to take ({e.Message.Split('\n')[0].TrimEnd('.')})"));
        }
        if (line is null) return Failed(path, Died(p));
        try
        {
            if (line.File is { } file) return Spilled(path, file, line.Length);
            var (record, reason) = WorkerProtocol.ParseAnswer(line.Bytes);
            return new FileOutcome(path, record, reason);
        }
        catch (FormatException e)
        {
            return Failed(path, Stop(p, $"the extraction process answered nonsense ({e.Message})"));
        }
    }

    /// <summary>An answer in a temp file: a success's record is read from there (the bytes between the answer's fixed opening and its closing brace); anything else is small, and read whole.</summary>
    private static FileOutcome Spilled(string path, string file, long length)
    {
        var keep = false;
        try
        {
            var prefix = WorkerProtocol.SuccessPrefix;
            var head = new byte[prefix.Length];
            byte last;
            using (var f = File.OpenRead(file))
            {
                var n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                f.Position = length - 1;
                last = (byte)f.ReadByte();
                if (n < head.Length || !head.AsSpan().SequenceEqual(prefix) || last != (byte)'}')
                {
                    f.Position = 0;
                    var all = new byte[length];
                    f.ReadExactly(all);
                    var (record, reason) = WorkerProtocol.ParseAnswer(all);
                    return new FileOutcome(path, record, reason);
                }
            }
            var spilled = SpilledRecord.Open(file, prefix.Length, length - 1);
            keep = true;
            return new FileOutcome(path, null, null) { Spilled = spilled };
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not a worker answer ({e.Message.Split('\n')[0]})", e);
        }
        finally
        {
            if (!keep) File.Delete(file);
        }
    }

    private FileOutcome Failed(string path, string reason) => new(path, null, reason);

    private AnswerReader? answers;

    /// <summary>A worker's answer line: its bytes in memory, or (<see cref="File"/>) in a temp file of <see cref="Length"/> bytes.</summary>
    private sealed record Answer(ReadOnlyMemory<byte> Bytes, string? File, long Length);

    /// <summary>
    /// A worker's answer lines as UTF-8 bytes (one reader per worker process: a read left running on a stopped worker
    /// cannot touch the next one's). Read as bytes, not as a string: a huge table's record is hundreds of MB, which as a
    /// line of .NET text (two bytes a character, and the builder's copies) cost the ingest process several times that;
    /// the bytes are parsed where they lie. A line longer than <paramref name="spillAbove"/> goes on into a temp file
    /// from there, so the ingest process holds none of it.
    /// </summary>
    private sealed class AnswerReader(Stream output, long? spillAbove)
    {
        private readonly byte[] buffer = new byte[1 << 16];
        private int start, end;

        /// <summary>The next line, or null when the output ended first.</summary>
        public async Task<Answer?> Next()
        {
            var line = new MemoryStream();
            FileStream? spill = null;
            try
            {
                Stream to = line;
                while (true)
                {
                    if (start == end)
                    {
                        start = 0;
                        end = await output.ReadAsync(buffer).ConfigureAwait(false);
                        if (end == 0) return null;
                    }
                    var nl = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                    var take = (nl >= 0 ? nl : end) - start;
                    if (spill is null && spillAbove is { } limit && line.Length + take > limit)
                    {
                        spill = new FileStream(Path.Combine(Path.GetTempPath(), $"baocao-answer-{Guid.NewGuid():N}.json"), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
                        line.Position = 0;
                        line.CopyTo(spill);
                        line = new MemoryStream();
                        to = spill;
                    }
                    to.Write(buffer, start, take);
                    start += take;
                    if (nl < 0) continue;
                    start = nl + 1;
                    if (spill is null) return new Answer(line.GetBuffer().AsMemory(0, (int)line.Length), null, line.Length);
                    var file = spill.Name;
                    var length = spill.Length;
                    await spill.DisposeAsync().ConfigureAwait(false);
                    spill = null;
                    return new Answer(default, file, length);
                }
            }
            finally
            {
                if (spill is not null)
                {
                    // The output ended or failed mid-line: the partial file goes.
                    var name = spill.Name;
                    await spill.DisposeAsync().ConfigureAwait(false);
                    File.Delete(name);
                }
            }
        }
    }

    private Process Start()
    {
        Discard();
        var psi = new ProcessStartInfo(options.Command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in options.Command.Skip(1)) psi.ArgumentList.Add(a);
        // One Tesseract engine per worker: the workers are the parallelism.
        psi.Environment["OMP_THREAD_LIMIT"] = "1";
        Process p;
        try { p = Process.Start(psi) ?? throw new ToolMissingException(options.Command[0]); }
        catch (Win32Exception) { throw new ToolMissingException(options.Command[0]); }
        lock (stderrTail) stderrTail.Clear();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            // The first lines the worker printed for the current file: a runtime names its fatal error there.
            lock (stderrTail) if (stderrTail.Count < 20) stderrTail.Enqueue(e.Data);
        };
        p.BeginErrorReadLine();
        Starts++;
        answers = new AnswerReader(p.StandardOutput.BaseStream, options.SpillAboveBytes);
        return process = p;
    }

    /// <summary>Why the worker ended on its own: a signal (crash), the runtime's out-of-memory, or its exit code.</summary>
    private string Died(Process p)
    {
        p.WaitForExit(5000);
        var code = p.HasExited ? p.ExitCode : -1;
        string[] tail;
        lock (stderrTail) tail = stderrTail.ToArray();
        Discard();
        var oom = tail.Any(l => l.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || l.Contains("out of memory", StringComparison.OrdinalIgnoreCase));
        if (oom) return "out of memory: the extraction process ran out of memory and ended";
        var last = (tail.FirstOrDefault(l => l.Contains("Exception") || l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("fault", StringComparison.OrdinalIgnoreCase))
                    ?? tail.FirstOrDefault(l => l.Trim().Length > 0))?.Trim();
        var signal = code > 128 ? code - 128 : 0;
        var how = signal switch
        {
            6 => "aborted (SIGABRT)",
            9 => "was killed (SIGKILL, e.g. by the system's out-of-memory killer)",
            11 => "crashed (segmentation fault)",
            _ when signal > 0 => $"ended by signal {signal}",
            _ => $"ended unexpectedly (exit code {code})",
        };
        return $"the extraction process {how}" + (last is null ? "" : $": {Truncate(last, 160)}");
    }

    private string Stop(Process p, string reason)
    {
        Discard();
        return reason;
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    private static long Resident(Process p)
    {
        try
        {
            p.Refresh();
            return p.HasExited ? 0 : p.WorkingSet64;
        }
        catch (InvalidOperationException) { return 0; }
    }

    private void Discard()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
        process.Dispose();
        process = null;
    }

    public void Dispose()
    {
        if (process is { HasExited: false } p)
        {
            // A clean end: closing its input makes the worker exit; stop it if it does not.
            try { p.StandardInput.Close(); } catch (IOException) { }
            if (!p.WaitForExit(3000)) Discard();
        }
        Discard();
    }
}
