using System.Diagnostics;
using Baocao.Ingest;

namespace Baocao.Tests.Ingest;

/// <summary>When a worker's file is stopped: by work done or time idle, not by the wall clock of a loaded machine.</summary>
public class WorkWatchTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_starved_worker_that_keeps_working_is_not_stopped_at_the_limit_of_wall_time()
    {
        var w = new WorkWatch(S(60));
        Assert.Null(w.Observe(S(0), S(5)));
        // 10 s of processor time over 4 min of wall time (load 40): slow, but working the whole time.
        for (var t = 1; t <= 240; t++) Assert.Null(w.Observe(S(t), S(5 + t / 24.0)));
    }

    [Fact]
    public void An_endless_loop_is_stopped_once_its_work_passes_the_limit()
    {
        var w = new WorkWatch(S(30));
        Assert.Null(w.Observe(S(0), S(100)));
        Assert.Null(w.Observe(S(20), S(120)));
        Assert.Null(w.Observe(S(30), S(130)));
        Assert.Equal("did not finish within 30 s of work and was stopped", w.Observe(S(31), S(130.5)));
    }

    [Fact]
    public void A_blocked_worker_is_stopped_after_the_limit_with_no_work_and_any_work_restarts_the_count()
    {
        var w = new WorkWatch(S(30));
        Assert.Null(w.Observe(S(0), S(1)));
        Assert.Null(w.Observe(S(25), S(1)));
        Assert.Null(w.Observe(S(26), S(1.01))); // it moved: idle counts from here
        Assert.Null(w.Observe(S(56), S(1.01)));
        Assert.Equal("did not finish: no work done for 30 s (blocked) and was stopped", w.Observe(S(56.5), S(1.01)));
    }

    [Fact]
    public void The_tree_s_processor_time_counts_a_busy_child_the_parent_waits_on()
    {
        if (!OperatingSystem.IsLinux()) return;
        // sh waits (no work of its own) while a child burns processor time: as the worker waits on pdftoppm or soffice.
        using var p = Process.Start(new ProcessStartInfo("sh", ["-c", "timeout 3 sh -c 'while :; do :; done'; sleep 30"]) { UseShellExecute = false })!;
        try
        {
            var before = ProcessTreeCpu.Of(p);
            Thread.Sleep(1500);
            var during = ProcessTreeCpu.Of(p);
            Assert.True(during - before > TimeSpan.FromMilliseconds(100), $"tree processor time {before} → {during}");
            Assert.True(p.TotalProcessorTime < TimeSpan.FromMilliseconds(100), "the parent itself only waits");
        }
        finally { p.Kill(entireProcessTree: true); p.WaitForExit(); }
    }
}
