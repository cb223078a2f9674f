using System.Globalization;
using System.Text.Json;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Reports;
using Baocao.Text;
using Variations;

namespace Baocao.Tools.Evaluation;

/// <summary>
/// The two seed ranges of the sweep. Tuning seeds may be opened, kept and looked at while the extractor is worked on;
/// held-out seeds are only ever measured: their files are deleted and only aggregates are printed, so that the
/// figures they give stay a measure of documents nobody tuned to.
/// </summary>
public static class SweepSeeds
{
    public const int TuningFirst = 1, TuningLast = 999, HeldOutFirst = 100000, HeldOutLast = 100999;

    public static bool IsHeldOut(int seed) => seed is >= HeldOutFirst and <= HeldOutLast;

    /// <summary>Null when seeds <paramref name="seed"/> .. seed+count-1 may be run (with --keep when asked), else why not.</summary>
    public static string? Refusal(int seed, int count, bool keep)
    {
        if (count < 1) return "--count must be at least 1";
        var last = (long)seed + count - 1;
        var tuning = seed >= TuningFirst && last <= TuningLast;
        var heldOut = seed >= HeldOutFirst && last <= HeldOutLast;
        if (!tuning && !heldOut)
            return $"seeds {seed}..{last} are not inside one range: tuning {TuningFirst}-{TuningLast} or held-out {HeldOutFirst}-{HeldOutLast}";
        if (heldOut && keep) return "--keep is refused for held-out seeds (100000-100999): their files are never looked at";
        return null;
    }
}

/// <summary>One generated variant, scored (or not: generation or extraction failed).</summary>
public sealed record SweepItem(int Seed, string Bucket, string Plan, Comparison? Comparison, string? Error, IReadOnlyList<string>? Factors = null)
{
    /// <summary>The file's own score: the mean of its header, cell and figure accuracy (0 when it failed).</summary>
    public double Score => Comparison is not { } c ? 0
        : new[] { c.Score(TruthComparer.Header), c.Score(TruthComparer.Cell), c.Score(TruthComparer.Figure) }
            .Where(s => s.total > 0).Select(s => (double)s.ok / s.total).DefaultIfEmpty(0).Average();
}

/// <summary>The accuracy of a set of variants: a condition bucket, or all of them.</summary>
public sealed record SweepStats(string Bucket, int Files, int Failed, (int ok, int total) Header, (int ok, int total) Cells,
    (int ok, int total) Figures, (int found, int expected) Checks, int FalseAlarms, double Score, int? WorstSeed, int Doubts = 0)
{
    public static SweepStats Of(string bucket, IReadOnlyList<SweepItem> items)
    {
        var cmps = items.Where(i => i.Comparison is not null).Select(i => i.Comparison!).ToList();
        (int, int) Sum(string category) => (cmps.Sum(c => c.Score(category).ok), cmps.Sum(c => c.Score(category).total));
        var worst = items.OrderBy(i => i.Score).ThenBy(i => i.Seed).FirstOrDefault();
        return new SweepStats(bucket, items.Count, items.Count(i => i.Comparison is null), Sum(TruthComparer.Header), Sum(TruthComparer.Cell),
            Sum(TruthComparer.Figure), (cmps.Sum(c => c.CheckRecall.found), cmps.Sum(c => c.CheckRecall.expected)), cmps.Sum(c => c.FalseAlarms),
            items.Count == 0 ? 0 : items.Average(i => i.Score), worst?.Seed, cmps.Sum(c => c.Doubts));
    }

    /// <summary>Per bucket (producer × dpi × quality), in name order.</summary>
    public static List<SweepStats> ByBucket(IEnumerable<SweepItem> items) =>
        items.GroupBy(i => i.Bucket).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g.ToList())).ToList();

    /// <summary>Per factor (comma thousands, no inner vertical rules …): the files that have it, in name order.</summary>
    public static List<SweepStats> ByFactor(IEnumerable<SweepItem> items) =>
        items.SelectMany(i => (i.Factors ?? []).Select(f => (f, i))).GroupBy(x => x.f)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g.Select(x => x.i).ToList())).ToList();

    /// <summary>The buckets with the lowest mean file score, worst first.</summary>
    public static List<SweepStats> Worst(IEnumerable<SweepStats> buckets, int n) =>
        buckets.OrderBy(b => b.Score).ThenBy(b => b.Bucket, StringComparer.Ordinal).Take(n).ToList();
}

/// <summary><c>baocao eval --sweep</c>: generates variants (tools/Variations), extracts and scores each against its truth.</summary>
public static class EvalSweep
{
    public static int Run(string corpusDir, int seed, int count, string? keep, bool json)
    {
        if (SweepSeeds.Refusal(seed, count, keep is not null) is { } why) { Console.Error.WriteLine($"error: sweep: {why}"); return 2; }
        var heldOut = SweepSeeds.IsHeldOut(seed);
        var root = Directory.Exists(Path.Combine(corpusDir, "specs")) ? Path.GetFullPath(Path.Combine(corpusDir, ".."))
            : Generator.FindRepoRoot(Directory.GetCurrentDirectory());
        if (root is null) { Console.Error.WriteLine($"error: {corpusDir}: no specs/ folder (the sweep builds its variants from corpus-samples/specs)"); return 1; }
        var generator = new Generator(root);
        var plans = Enumerable.Range(seed, count).Select(generator.Plan).ToList();
        var missing = global::Variations.Tools.Missing(scans: plans.Any(p => p.Scan is not null));
        if (missing.Count > 0) { Console.Error.WriteLine($"error: sweep: missing {string.Join(", ", missing)} (bash scripts/install-deps.sh --samples)"); return 1; }
        var dir = keep ?? Path.Combine(Path.GetTempPath(), $"baocao-sweep-{Environment.ProcessId}-{seed}");
        Directory.CreateDirectory(dir);
        try
        {
            var items = new SweepItem[count];
            var files = new GeneratedVariant?[count];
            // Generation runs LibreOffice and Chromium; two at a time keep a loaded machine usable.
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) }, i =>
            {
                try { files[i] = generator.Generate(seed + i, dir); }
                catch (Exception e) when (e is ToolException or IOException or InvalidOperationException or SampleBuilder.SpecException)
                { items[i] = new SweepItem(seed + i, plans[i].Bucket, plans[i].ToString(), null, "generation failed: " + e.Message, plans[i].Factors); }
            });
            var extractor = Extractor.CreateDefault();
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                if (files[i] is not { } v) return;
                try
                {
                    var record = extractor.Extract(v.File);
                    using var truth = JsonDocument.Parse(File.ReadAllText(v.TruthFile));
                    items[i] = new SweepItem(v.Plan.Seed, v.Plan.Bucket, v.Plan.ToString(), TruthComparer.Compare(v.File, record, truth.RootElement), null, v.Plan.Factors);
                }
                catch (BadInputException e) { items[i] = new SweepItem(v.Plan.Seed, v.Plan.Bucket, v.Plan.ToString(), null, "extraction failed: " + e.Reason, v.Plan.Factors); }
            });
            Print(items, seed, count, heldOut, keep, json);
            return 0;
        }
        finally
        {
            if (keep is null) try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static string Pct((int ok, int total) s) => s.total == 0 ? "     -" : $"{100.0 * s.ok / s.total,6:0.00}%";

    static void Print(IReadOnlyList<SweepItem> items, int seed, int count, bool heldOut, string? keep, bool json)
    {
        var buckets = SweepStats.ByBucket(items);
        var overall = SweepStats.Of("overall", items);
        var worst = SweepStats.Worst(buckets, 5);
        var factors = SweepStats.ByFactor(items);
        var range = heldOut ? "held-out" : "tuning";
        if (json)
        {
            object Stats(SweepStats s) => new
            {
                bucket = s.Bucket, files = s.Files, failed = s.Failed,
                header = new { s.Header.ok, s.Header.total }, cells = new { s.Cells.ok, s.Cells.total }, figures = new { s.Figures.ok, s.Figures.total },
                checks = new { s.Checks.found, s.Checks.expected, falseAlarms = s.FalseAlarms, doubts = s.Doubts },
                score = Math.Round(s.Score, 4),
                // Held-out seeds name no example: nobody is to open them.
                exampleSeed = heldOut ? null : s.WorstSeed,
            };
            var doc = new
            {
                range, seed, count,
                overall = Stats(overall),
                buckets = buckets.Select(Stats).ToList(),
                factors = factors.Select(Stats).ToList(),
                worst = worst.Select(Stats).ToList(),
                files = heldOut ? null : items.Select(i => new { seed = i.Seed, bucket = i.Bucket, plan = i.Plan, score = Math.Round(i.Score, 4), error = i.Error }).ToList(),
            };
            Console.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }
        Console.WriteLine($"sweep: {count} variant(s), seeds {seed}..{seed + count - 1} ({range}{(heldOut ? ": aggregates only" : "")})");
        if (!heldOut)
        {
            foreach (var i in items)
            {
                var c = i.Comparison;
                Console.WriteLine(c is null
                    ? $"  seed {i.Seed,-6} {i.Bucket,-26} {i.Error}"
                    : $"  seed {i.Seed,-6} {i.Bucket,-26} header {Pct(c.Score(TruthComparer.Header))}  cells {Pct(c.Score(TruthComparer.Cell))}  figures {Pct(c.Score(TruthComparer.Figure))}  checks {c.CheckRecall.found}/{c.CheckRecall.expected}, {c.FalseAlarms} false alarm(s), {c.Doubts} doubt(s)");
            }
            Console.WriteLine();
        }
        Console.WriteLine($"{"bucket (producer × dpi × quality)",-34} {"files",5} {"header",8} {"cells",8} {"figures",8} {"checks",8} {"false",6} {"doubts",6}");
        foreach (var b in buckets.Append(overall)) Console.WriteLine(Row(b));
        Console.WriteLine();
        Console.WriteLine($"{"by factor (files that have it)",-34} {"files",5} {"header",8} {"cells",8} {"figures",8} {"checks",8} {"false",6} {"doubts",6}");
        foreach (var f in factors) Console.WriteLine(Row(f));
        Console.WriteLine();
        Console.WriteLine("worst buckets (mean of each file's header, cell and figure accuracy):");
        foreach (var b in worst)
        {
            SweepItem? example = heldOut ? null : items.First(i => i.Seed == b.WorstSeed);
            Console.WriteLine($"  {b.Bucket,-32} {100 * b.Score,6:0.00}%" + (example is SweepItem e
                ? $"  e.g. seed {e.Seed} ({e.Plan}); regenerate: ./baocao eval --sweep --seed {e.Seed} --count 1 --keep DIR"
                : ""));
        }
        if (keep is not null) Console.WriteLine($"files kept in {keep}");
    }

    static string Row(SweepStats s) =>
        $"{s.Bucket,-34} {s.Files,5} {Pct(s.Header),8} {Pct(s.Cells),8} {Pct(s.Figures),8} {(s.Checks.expected == 0 ? "-" : $"{s.Checks.found}/{s.Checks.expected}"),8} {s.FalseAlarms,6} {s.Doubts,6}" +
        (s.Failed > 0 ? $"  ({s.Failed} failed)" : "");
}
