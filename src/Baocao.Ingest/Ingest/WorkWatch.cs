using System.Diagnostics;
using System.Globalization;

namespace Baocao.Ingest;

/// <summary>
/// Decides when a worker's file has taken too long, by the work done rather than the time on the wall. A file is stopped
/// when its worker (with the tools it runs: pdftoppm, soffice) has used <see cref="Limit"/> of processor time on it — an
/// endless loop — or has used none at all for <see cref="Limit"/> of wall time — blocked, waiting on something that never
/// comes. Why not the wall clock alone: on a loaded machine (an archivist's ingest beside other work, or CI) a damaged
/// PDF whose text layer is unreadable is OCR'd page by page, 10 s of processor time that took 60 s of wall time at load
/// 40 and was reported as a hang (bench fuzz, seed 1, mutant 201). Pure: fed samples, it answers; tests drive it directly.
/// </summary>
public sealed class WorkWatch(TimeSpan limit)
{
    public TimeSpan Limit { get; } = limit;

    private TimeSpan? startCpu;
    private TimeSpan lastCpu;
    private TimeSpan lastMove;

    /// <summary>
    /// One sample: wall time since the file was handed over, and the worker tree's processor time so far (any origin;
    /// only differences count). Null while the file may go on, else the reason it is stopped.
    /// </summary>
    public string? Observe(TimeSpan wall, TimeSpan cpu)
    {
        if (startCpu is null) { startCpu = cpu; lastCpu = cpu; lastMove = wall; return null; }
        if (cpu > lastCpu) { lastCpu = cpu; lastMove = wall; }
        var seconds = Limit.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        if (cpu - startCpu.Value > Limit) return $"did not finish within {seconds} s of work and was stopped";
        if (wall - lastMove > Limit) return $"did not finish: no work done for {seconds} s (blocked) and was stopped";
        return null;
    }
}

/// <summary>Processor time of a process and of its descendants, live and finished.</summary>
public static class ProcessTreeCpu
{
    /// <summary>
    /// On Linux from /proc: each live process's utime+stime plus the cutime+cstime of children it has waited for, walking
    /// the tree through <c>/proc/PID/task/TID/children</c>. .NET's <see cref="Process.TotalProcessorTime"/> counts the
    /// process alone, and a worker waiting on pdftoppm or soffice would look idle. Elsewhere, that process alone.
    /// </summary>
    public static TimeSpan Of(Process p)
    {
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists($"/proc/{p.Id}/stat")) return TimeSpan.FromSeconds(Ticks(p.Id, 0) / TicksPerSecond);
            p.Refresh();
            return p.HasExited ? TimeSpan.Zero : p.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    // USER_HZ: the unit of /proc's times, 100 on every Linux architecture .NET runs on (sysconf(_SC_CLK_TCK) is not
    // exposed by .NET; a P/Invoke for one constant that the kernel ABI fixes is not worth it).
    private const double TicksPerSecond = 100;

    private static double Ticks(int pid, int depth)
    {
        if (depth > 16) return 0; // a runaway fork chain: what was counted is enough to see work
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return 0; } // exited between listing and reading
        // Fields after the command name, which is in parentheses and may contain spaces or ')'.
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // rest[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17.
        double total = 0;
        for (var f = 14; f <= 17; f++)
            if (double.TryParse(rest[f - 3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) total += v;
        foreach (var child in Children(pid)) total += Ticks(child, depth + 1);
        return total;
    }

    /// <summary>A process's child processes, from <c>/proc/PID/task/TID/children</c> (Linux; none elsewhere or once it has ended).</summary>
    public static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try { tasks = Directory.GetDirectories($"/proc/{pid}/task"); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }
        foreach (var task in tasks)
        {
            string list;
            try { list = File.ReadAllText(Path.Combine(task, "children")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var c in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) yield return id;
        }
    }
}
