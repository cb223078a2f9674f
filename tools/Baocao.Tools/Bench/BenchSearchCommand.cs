using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Baocao.Header;
using Baocao.Index;
using Baocao.Index.Elastic;
using Baocao.Tools.Synthetic;

namespace Baocao.Tools.Bench;

/// <summary>
/// <c>baocao bench search [--docs 100000] [--index FILE] [--queries 200]</c>: generates and indexes synthetic reports
/// (<see cref="SyntheticReports"/>), then measures query latency (p50/p95) for words, facets and numeric filters, alone and
/// combined; also the ingest rate and the index size per report. With <c>ES_URL</c> set, the same on Elasticsearch.
/// </summary>
public static class BenchSearchCommand
{
    public static Command Create(BenchHost host)
    {
        var docs = new Option<int>("--docs") { Description = "synthetic reports to index", DefaultValueFactory = _ => 100_000 };
        var file = new Option<string?>("--index") { Description = "index file to build (kept); reused when it already holds --docs reports. Default: a temporary file, removed after" };
        var queries = new Option<int>("--queries") { Description = "queries per kind", DefaultValueFactory = _ => 200 };
        var cmd = new Command("search", "Query latency p50/p95 on a synthetic index (SQLite, and Elasticsearch when ES_URL is set)") { docs, file, queries };
        cmd.SetAction(p => host.Guard(() => Run(p.GetValue(docs), p.GetValue(file), p.GetValue(queries))));
        return cmd;
    }

    private static int Run(int docs, string? file, int queries)
    {
        Console.WriteLine($"{docs:N0} synthetic reports, {queries} queries per kind, {Environment.ProcessorCount} cores");
        var path = file ?? Path.Combine(Path.GetTempPath(), $"baocao-bench-{Environment.ProcessId}.db");
        try
        {
            var reuse = false;
            if (File.Exists(path))
            {
                using var existing = SqliteReportIndex.OpenRead(path);
                reuse = existing.Stats().Documents == docs;
                if (!reuse) { Console.Error.WriteLine($"error: {path}: holds {existing.Stats().Documents} reports, not {docs}; remove it or choose another --index"); return 2; }
            }
            if (!reuse)
            {
                using var index = SqliteReportIndex.OpenWrite(path);
                index.SetCacheSize(1024);
                Ingest("SQLite", index, docs);
            }
            else Console.WriteLine($"SQLite: reusing {path}");
            using (var index = SqliteReportIndex.OpenRead(path))
            {
                var s = index.Stats();
                Console.WriteLine($"SQLite index: {s.Bytes / 1048576.0:0} MiB, {s.Bytes / (double)s.Documents / 1024:0.0} KiB per report ({s.Tables:N0} tables, {s.Rows:N0} rows, {s.Values:N0} values)");
                Measure("SQLite", index, queries);
            }
        }
        finally
        {
            if (file is null) foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }

        if (Environment.GetEnvironmentVariable("ES_URL") is { Length: > 0 } es)
        {
            var url = es.TrimEnd('/') + "/baocao-bench";
            using var index = ElasticReportIndex.Open(url, create: true);
            index.RefreshOnWrite = false;
            try
            {
                Ingest("Elasticsearch", index, docs);
                index.Refresh();
                var s = index.Stats();
                Console.WriteLine($"Elasticsearch index: {s.Bytes / 1048576.0:0} MiB, {s.Bytes / (double)s.Documents / 1024:0.0} KiB per report ({s.Rows:N0} rows)");
                Measure("Elasticsearch", index, queries);
            }
            finally { index.Drop(); }
        }
        else Console.WriteLine("Elasticsearch: skipped (set ES_URL, e.g. ES_URL=http://localhost:9200 after docker compose up -d)");
        return 0;
    }

    internal static void Ingest(string engine, IReportIndex index, int docs)
    {
        var gen = new SyntheticReports(seed: 2021);
        var sw = Stopwatch.StartNew();
        var rows = 0L;
        var batch = 1000;
        for (var done = 0; done < docs; done += batch)
        {
            var records = gen.Generate(Math.Min(batch, docs - done)).ToList();
            rows += records.Sum(r => r.Tables.Sum(t => t.Rows.Count));
            index.StoreAll(records);
            if ((done + batch) % 20000 == 0) Console.WriteLine($"  {engine}: {done + batch:N0} reports, {sw.Elapsed.TotalSeconds:0} s");
        }
        var secs = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{engine} ingest: {docs / secs:N0} reports/s, {rows / secs:N0} rows/s ({secs:0.0} s for {docs:N0} reports, {rows:N0} rows; one transaction per 1,000 reports, a savepoint per report)");
    }

    /// <summary>The query kinds: each alone, then combined. Words come with and without diacritics.</summary>
    private static readonly string[] Words =
    [
        "lý lịch tư pháp", "ly lich tu phap", "hộ tịch", "chứng thực", "đất đai", "dat dai", "nuôi con nuôi", "khoáng sản", "đăng kiểm",
        "người có công", "trợ giúp pháp lý", "an toàn thực phẩm", "thành lập doanh nghiệp", "quốc tịch", "công chứng", "tư pháp", "y tế",
        "giao thông", "Trà Vinh", "Tra Vinh", "Đồng Tháp", "Dong Thap", "quý II", "6 tháng đầu năm",
    ];

    private static readonly string[] Keys = ["resolved.late", "pending.late", "received.total", "received.online", "resolved.total"];

    internal static SearchQuery Make(string kind, Random rnd)
    {
        string Word() => Words[rnd.Next(Words.Length)];
        IReadOnlyList<Condition> Where()
        {
            var key = Keys[rnd.Next(Keys.Length)];
            var threshold = key switch { "received.total" or "resolved.total" => 500 + rnd.Next(2000), "received.online" => 200 + rnd.Next(1000), _ => 5 + rnd.Next(30) };
            var list = new List<Condition> { new(key, rnd.Next(4) == 0 ? CompareOp.GreaterOrEqual : CompareOp.Greater, threshold) };
            if (rnd.Next(3) == 0) list.Add(new Condition("resolved.total", CompareOp.Greater, 100));
            return list;
        }
        string Province() => Provinces.All[rnd.Next(Provinces.All.Count)];
        return kind switch
        {
            "keyword" => new SearchQuery(Text: Word()),
            "facets" => rnd.Next(3) switch
            {
                0 => new SearchQuery(Facets: true),
                1 => new SearchQuery(Year: 2019 + rnd.Next(6), Facets: true),
                _ => new SearchQuery(Province: Province(), Facets: true),
            },
            "numeric" => new SearchQuery(Where: Where()),
            "keyword+facets" => new SearchQuery(Text: Word(), Facets: true),
            "keyword+numeric" => new SearchQuery(Text: Word(), Where: Where()),
            "numeric+facets" => new SearchQuery(Where: Where(), Facets: true),
            // Issue 17: nesting periods and date ranges; a figure order with a later page.
            "period+range" => rnd.Next(2) == 0
                ? new SearchQuery(Period: PeriodFilter.Parse($"{2019 + rnd.Next(6)}-H{1 + rnd.Next(2)}"), Facets: true)
                : new SearchQuery(From: new DateOnly(2019 + rnd.Next(5), 1 + rnd.Next(12), 1) is var f ? f : null, To: f.AddMonths(6), Facets: true),
            "sort+offset" => new SearchQuery(Text: Word(), Sort: new SearchSort(Keys[rnd.Next(Keys.Length)], rnd.Next(2) == 0), Offset: 20 * rnd.Next(3)),
            _ => new SearchQuery(Text: Word(), Province: rnd.Next(2) == 0 ? Province() : null, Year: rnd.Next(2) == 0 ? 2019 + rnd.Next(6) : null,
                Where: Where(), Facets: true),
        };
    }

    internal static readonly string[] Kinds = ["keyword", "facets", "numeric", "keyword+facets", "keyword+numeric", "numeric+facets", "all combined", "period+range", "sort+offset"];

    private static void Measure(string engine, IReportIndex index, int queries)
    {
        // The first search of a process pays for loading what the engine keeps in memory (SQLite: the reports' columns).
        var cold = Stopwatch.StartNew();
        index.Search(new SearchQuery(Text: "hộ tịch", Facets: true));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine} first search of the process: {cold.Elapsed.TotalMilliseconds:0} ms"));
        var warm = new Random(7);
        foreach (var k in Kinds) for (var i = 0; i < 10; i++) index.Search(Make(k, warm));
        Console.WriteLine($"{engine} query latency (ms; each query: totals, first 20 reports with their rows, facets when asked):");
        Console.WriteLine($"  {"kind",-16} {"p50",7} {"p95",7} {"max",7}   {"reports matched (median)",24}");
        var all = new List<double>();
        foreach (var kind in Kinds)
        {
            var rnd = new Random(Array.IndexOf(Kinds, kind) + 1);
            var times = new List<double>();
            var matched = new List<int>();
            for (var i = 0; i < queries; i++)
            {
                var q = Make(kind, rnd);
                var sw = Stopwatch.StartNew();
                var r = index.Search(q);
                times.Add(sw.Elapsed.TotalMilliseconds);
                matched.Add(r.TotalDocuments);
            }
            all.AddRange(times);
            times.Sort();
            matched.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-16} {Pct(times, 50),7:0.0} {Pct(times, 95),7:0.0} {times[^1],7:0.0}   {matched[matched.Count / 2],24:N0}"));
        }
        all.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"every query",-16} {Pct(all, 50),7:0.0} {Pct(all, 95),7:0.0} {all[^1],7:0.0}"));
    }

    internal static double Pct(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
