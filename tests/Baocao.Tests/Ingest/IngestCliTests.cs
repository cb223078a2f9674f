using System.Globalization;
using System.Diagnostics;
using System.Text.Json;
using Baocao.Cli;
using Baocao.Index;
using Baocao.Tests.Corpus;
using Baocao.Tests.Index;

namespace Baocao.Tests.Ingest;

/// <summary>
/// <c>ingest</c> as an archivist meets it, with its worker processes: a crash, a hang and a runaway allocation each
/// cost one file; a kill -9 at any write is resumed to the clean run's index; <c>stats</c> counts the failures.
/// </summary>
[Collection("console")]
public class IngestCliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-ingest-cli").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static (int code, string stdout, string stderr) Run(params string[] args) => CliRunner.Run(args);

    private string Copy(string sample, string? name = null)
    {
        var dest = Path.Combine(dir, name ?? sample);
        File.Copy(Path.Combine(CorpusTests.CorpusDir, sample), dest, true);
        return dest;
    }

    [Fact]
    public void A_crash_a_hang_and_a_memory_runaway_each_mark_only_their_file_failed()
    {
        Copy("06-stp-bentre-q4-2019.docx");
        Copy("07-ubnd-phucat-t5-2022.pdf");
        var crash = Copy("08-stnmt-longan-6t-2022.docx", "crash-08.docx");
        var hang = Copy("09-syt-dongthap-q1-2023.docx", "hang-09.docx");
        var oom = Copy("10-ubnd-ninhkieu-q4-2022.docx", "oom-10.docx");
        Copy("12-ptp-chauthanh-t11-2021.docx");
        using var t = new TempIndex();
        Environment.SetEnvironmentVariable(WorkerCommand.FaultVariable, "crash:crash-,hang:hang-,oom:oom-");
        (int code, string stdout, string stderr) r;
        // 30 s: the hang must be told from slow extraction on a loaded machine (at 8 s a busy CI box timed out healthy files).
        try { r = Run("ingest", dir, "--index", t.Path, "--timeout", "30", "--memory-limit", "400"); }
        finally { Environment.SetEnvironmentVariable(WorkerCommand.FaultVariable, null); }

        Assert.Equal(1, r.code);
        var errors = r.stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, l => l.StartsWith($"error: {crash}: the extraction process ", StringComparison.Ordinal));
        Assert.Contains($"error: {hang}: did not finish: no work done for 30 s (blocked) and was stopped", errors);
        Assert.Contains($"error: {oom}: out of memory: the extraction used more than 400 MiB and was stopped", errors);
        // Not a terminal: plain lines, the progress line at the end, the summary naming the failed files.
        Assert.Contains("progress: 6/6 file(s), ", r.stdout);
        Assert.Contains("3 failed", r.stdout);
        Assert.Contains($"failed files (3):", r.stdout);
        // The two stopped by a bound are told how to go through: the crash is not.
        Assert.Contains("  1 stopped at the memory limit: run again with a larger --memory-limit (MiB) and --retry-failed", r.stdout);
        Assert.Contains("  1 stopped as too long: run again with a larger --timeout (s) and --retry-failed", r.stdout);
        Assert.Contains($"  {hang}: did not finish: no work done for 30 s (blocked) and was stopped", r.stdout);

        using (var index = t.Read())
        {
            Assert.Equal(3, index.Stats().Documents);
            Assert.Equal([crash, hang, oom], index.Failures().Select(f => f.Path).Order());
        }
        var (code, json, _) = Run("stats", "--index", t.Path, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(3, doc.RootElement.GetProperty("documents").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("failed").GetInt64());
        Assert.True(doc.RootElement.GetProperty("rows").GetInt64() > 0);

        // The run report beside the index names them too.
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(t.Dir, "test.ingest-report.json"))).RootElement;
        Assert.Equal(3, report.GetProperty("failed").GetArrayLength());
        Assert.Contains(report.GetProperty("failed").EnumerateArray(), f => f.GetProperty("path").GetString() == hang && f.GetProperty("reason").GetString()!.Contains("did not finish"));
    }

    /// <summary>Runs the CLI in its own process (so it can be killed), with the kill hook set to a write number.</summary>
    private static int RunProcess(string folder, string index, int? killBeforeWrite)
    {
        var cmd = WorkerCommand.SelfCommand(["ingest", folder, "--index", index]);
        var psi = new ProcessStartInfo(cmd[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in cmd.Skip(1)) psi.ArgumentList.Add(a);
        if (killBeforeWrite is { } k) psi.Environment[IngestCommand.KillVariable] = k.ToString(CultureInfo.InvariantCulture);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)));
        return p.ExitCode;
    }

    [Fact]
    public void Killed_with_sigkill_at_five_points_and_resumed_gives_the_clean_runs_index()
    {
        foreach (var n in new[] { "01-stttt-travinh-q2-2021.pdf", "02-ubnd-tracu-2023.docx", "03-tthcc-soctrang-t10-2019.pdf", "05-ubnd-thuathienhue-2020.docx",
                     "11-ubnd-hatinh-2021.pdf", "13-ubnd-phucat-t6-2022.docx", "15-skhdt-vinhlong-q2-2022.pdf", "18-skhdt-vinhlong-2022.docx" })
            Copy(n);
        File.WriteAllText(Path.Combine(dir, "broken.pdf"), "%PDF-1.4 broken");
        using var clean = new TempIndex();
        Assert.Equal(1, RunProcess(dir, clean.Path, null)); // 1: broken.pdf

        using var resumed = new TempIndex();
        var killed = 0;
        foreach (var at in new[] { 2, 0, 3, 1, 2 })
        {
            var code = RunProcess(dir, resumed.Path, at);
            if (code == 137 || code == -1 || code > 128) killed++;
        }
        Assert.True(killed >= 4, $"only {killed} of the runs were killed");
        RunProcess(dir, resumed.Path, null);

        using var a = clean.Read();
        using var b = resumed.Read();
        Assert.Equal(8, b.Stats().Documents);
        Assert.Equal(1, b.Stats().Failed);
        Assert.Equal(a.ContentDigest(), b.ContentDigest());
    }
}
