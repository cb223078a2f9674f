using Baocao.Index;
using Baocao.Ingest;
using Baocao.Native;

namespace Baocao.Tools.Fuzz;

/// <summary>What one mutant did: a record, a clean one-line error, or one of the outcomes a user must never meet.</summary>
public enum FuzzOutcome { Ok, CleanError, Unforeseen, StackTrace, Crash, Hang, Memory }

public sealed record FuzzResult(Mutant Mutant, FuzzOutcome Outcome, string? Reason);

/// <summary>
/// Runs mutants through extraction as ingest does (worker processes, so a crash or hang is seen, not suffered) and
/// sorts what each did. A reason "could not be extracted (SomeException: …)" is one clean line for the user, but it
/// means an input no check foresaw: it is counted apart (Unforeseen) so such holes show.
/// </summary>
public static class FuzzRunner
{
    public static FuzzOutcome Classify(FileOutcome o)
    {
        if (o.Ok) return FuzzOutcome.Ok;
        var r = o.Reason ?? "";
        if (r.Contains('\n') || r.Contains("   at ", StringComparison.Ordinal)) return FuzzOutcome.StackTrace;
        if (r.StartsWith("the extraction process", StringComparison.Ordinal)) return FuzzOutcome.Crash;
        if (r.StartsWith("did not finish", StringComparison.Ordinal)) return FuzzOutcome.Hang; // by work done or blocked (WorkWatch)
        if (r.StartsWith("out of memory", StringComparison.Ordinal)) return FuzzOutcome.Memory;
        if (r.StartsWith("could not be extracted (", StringComparison.Ordinal)) return FuzzOutcome.Unforeseen;
        return FuzzOutcome.CleanError;
    }

    /// <summary>Each mutant through a worker process, <paramref name="workers"/> at once; results in the mutants' order.</summary>
    public static IReadOnlyList<FuzzResult> Extract(IReadOnlyList<Mutant> mutants, WorkerOptions options, int workers)
    {
        var results = new FuzzResult[mutants.Count];
        var next = -1;
        var threads = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Factory.StartNew(() =>
        {
            using var extractor = new WorkerProcessExtractor(options);
            int i;
            while ((i = Interlocked.Increment(ref next)) < mutants.Count)
            {
                var o = extractor.Extract(mutants[i].Path);
                results[i] = new FuzzResult(mutants[i], Classify(o), o.Reason);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(threads);
        return results;
    }

    /// <summary>
    /// All mutants through one ingest into a new index: true when it ended and every mutant is either indexed or in the
    /// failure ledger (nothing lost, no half-written report).
    /// </summary>
    public static (bool Whole, long Indexed, int Failed) Ingest(IReadOnlyList<Mutant> mutants, string indexPath, WorkerOptions options, int workers, string version)
    {
        using var index = IndexLocation.OpenWrite(indexPath);
        var outcome = new ArchiveIngest(index, () => new WorkerProcessExtractor(options), new IngestOptions(workers, version)).Run(mutants.Select(m => m.Path).ToList());
        var indexed = index.Stats().Documents;
        var failed = index.Failures().Count();
        return (indexed + failed == mutants.Count && outcome.Files.Count == mutants.Count, indexed, failed);
    }
}
