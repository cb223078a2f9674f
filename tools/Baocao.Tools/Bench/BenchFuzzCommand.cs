using System.CommandLine;
using System.Diagnostics;
using Baocao.Tools.Fuzz;
using Baocao.Ingest;
using Baocao.Native;
using Baocao.Pipeline;

namespace Baocao.Tools.Bench;

/// <summary>
/// <c>baocao bench fuzz [--count N] [--seed S]</c>: damaged variants of the samples (see <see cref="Mutator"/>) through
/// extraction in worker processes and then through one ingest, counting ok / clean error / unforeseen / stack trace /
/// crash / hang / memory; the mutants that did anything but ok or a clean error are kept for replay.
/// </summary>
public static class BenchFuzzCommand
{
    public static void AddTo(Command bench, BenchHost host)
    {
        var count = new Option<int>("--count") { Description = "mutants to make", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "the mutants are the same for the same seed", DefaultValueFactory = _ => 1 };
        var dir = new Option<string>("--dir") { Description = "folder of sample reports to mutate", DefaultValueFactory = _ => "corpus-samples" };
        var keep = new Option<string>("--keep") { Description = "folder for the mutants that failed badly (for replay)", DefaultValueFactory = _ => "fuzz-failures" };
        var timeout = new Option<int>("--timeout") { Description = "seconds one mutant may take", DefaultValueFactory = _ => 60 };
        var workers = new Option<int>("--workers") { Description = "worker processes at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("fuzz", "Damaged variants of the samples through extract and ingest: ok / clean error / crash / hang / stack trace") { count, seed, dir, keep, timeout, workers };
        cmd.SetAction(p => Run(p.GetValue(count), p.GetValue(seed), p.GetValue(dir)!, p.GetValue(keep)!, p.GetValue(timeout), Math.Max(1, p.GetValue(workers)), host));
        bench.Subcommands.Add(cmd);
    }

    private static int Run(int count, int seed, string dir, string keep, int timeout, int workers, BenchHost host)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        var samples = Directory.GetFiles(dir, "*.docx").Concat(Directory.GetFiles(dir, "*.pdf")).Order(StringComparer.Ordinal).ToList();
        if (samples.Count == 0) { Console.Error.WriteLine($"error: {dir}: no DOCX or PDF files"); return 1; }
        var work = Directory.CreateTempSubdirectory("baocao-fuzz").FullName;
        try
        {
            var mutator = new Mutator(seed);
            var pick = new Random(seed);
            var mutants = Enumerable.Range(0, Math.Max(1, count)).Select(i => mutator.Make(samples[pick.Next(samples.Count)], work, i)).ToList();
            var options = new WorkerOptions(host.Worker(), TimeSpan.FromSeconds(Math.Max(1, timeout)), 2048);
            var clock = Stopwatch.StartNew();
            var results = FuzzRunner.Extract(mutants, options, workers);
            var extractTime = clock.Elapsed;
            Console.WriteLine($"fuzz: {mutants.Count} mutants of {samples.Count} samples (seed {seed}), extracted in worker processes in {extractTime.TotalSeconds:0.0} s");
            foreach (var g in Enum.GetValues<FuzzOutcome>())
                Console.WriteLine($"  {Label(g),-12} {results.Count(r => r.Outcome == g),6}");
            Console.WriteLine("  by kind (ok / clean error / other):");
            foreach (var k in results.GroupBy(r => r.Mutant.Kind).OrderBy(k => k.Key, StringComparer.Ordinal))
                Console.WriteLine($"    {k.Key,-18} {k.Count(r => r.Outcome == FuzzOutcome.Ok),5} / {k.Count(r => r.Outcome == FuzzOutcome.CleanError),5} / {k.Count(r => r.Outcome > FuzzOutcome.CleanError),5}");

            clock.Restart();
            var (whole, indexed, failed) = FuzzRunner.Ingest(mutants, Path.Combine(work, "fuzz.db"), options, workers, Extractor.DefaultVersion());
            Console.WriteLine($"ingest of all mutants: {indexed} indexed, {failed} failed, {(whole ? "nothing lost" : "MUTANTS LOST")} ({clock.Elapsed.TotalSeconds:0.0} s)");

            var bad = results.Where(r => r.Outcome > FuzzOutcome.CleanError).ToList();
            if (bad.Count > 0)
            {
                Directory.CreateDirectory(keep);
                foreach (var r in bad)
                {
                    var kept = Path.Combine(keep, Path.GetFileName(r.Mutant.Path));
                    File.Copy(r.Mutant.Path, kept, true);
                    Console.WriteLine($"  {Label(r.Outcome)}: {kept} ({r.Mutant.Kind} of {r.Mutant.Sample}): {Text.LogText.Escape(r.Reason)}");
                }
                Console.WriteLine($"replay one with: ./baocao extract FILE (kept in {Path.GetFullPath(keep)})");
            }
            return bad.Any(r => r.Outcome is FuzzOutcome.Crash or FuzzOutcome.Hang or FuzzOutcome.StackTrace) || !whole ? 1 : 0;
        }
        finally { Directory.Delete(work, true); }
    }

    internal static string Label(FuzzOutcome o) => o switch
    {
        FuzzOutcome.Ok => "ok",
        FuzzOutcome.CleanError => "clean error",
        FuzzOutcome.Unforeseen => "unforeseen",
        FuzzOutcome.StackTrace => "stack trace",
        FuzzOutcome.Crash => "crash",
        FuzzOutcome.Hang => "hang",
        _ => "memory",
    };
}
