using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Baocao.Index;
using Baocao.Tools.Synthetic;
using Baocao.Web;

namespace Baocao.Tools.Bench;

/// <summary>
/// <c>baocao bench serve [--docs 100000] [--index FILE] [--requests 200]</c>: the web interface over a synthetic index
/// (<see cref="SyntheticReports"/>, built as by <c>bench search</c>, or reused), in-process on a free loopback port, measured
/// from an HTTP client: page loads (the search page with its facets, a search with words, a document page) and search API
/// responses for the query kinds of <c>bench search</c>, p50 and p95 to the last byte.
/// </summary>
public static class BenchServeCommand
{
    public static Command Create(BenchHost host)
    {
        var docs = new Option<int>("--docs") { Description = "synthetic reports in the index", DefaultValueFactory = _ => 100_000 };
        var file = new Option<string?>("--index") { Description = "index file to build (kept) or reuse when it holds --docs reports. Default: a temporary file, removed after" };
        var requests = new Option<int>("--requests") { Description = "requests per kind", DefaultValueFactory = _ => 200 };
        var cmd = new Command("serve", "Web page load and search API latency p50/p95 on a synthetic index") { docs, file, requests };
        cmd.SetAction(p => host.Guard(() => Run(p.GetValue(docs), p.GetValue(file), p.GetValue(requests))));
        return cmd;
    }

    private static int Run(int docs, string? file, int requests)
    {
        var dir = file is null ? Directory.CreateTempSubdirectory("baocao-bench-serve-").FullName : null;
        var path = file ?? Path.Combine(dir!, IndexLocation.FileName);
        try
        {
            if (File.Exists(path))
            {
                using var existing = SqliteReportIndex.OpenRead(path);
                if (existing.Stats().Documents != docs) { Console.Error.WriteLine($"error: {path}: holds {existing.Stats().Documents} reports, not {docs}; remove it or choose another --index"); return 2; }
                Console.WriteLine($"reusing {path}");
            }
            else
            {
                using var index = SqliteReportIndex.OpenWrite(path);
                index.SetCacheSize(1024);
                BenchSearchCommand.Ingest("SQLite", index, docs);
            }
            List<long> ids;
            using (var index = SqliteReportIndex.OpenRead(path))
            {
                var rnd = new Random(11);
                ids = index.Sources().Where(_ => rnd.Next(Math.Max(1, docs / Math.Max(1, requests * 2))) == 0).Take(requests)
                    .Select(s => index.IdOf(s.Path)!.Value).ToList();
            }
            using var server = WebServer.Start(new ServeOptions(path, Port: 0));
            Measure(server.BaseUrl, ids, requests, docs);
        }
        finally
        {
            if (dir is not null) Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static void Measure(string baseUrl, List<long> ids, int requests, int docs)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"{docs:N0} synthetic reports; {requests} requests per kind, one at a time, {Environment.ProcessorCount} cores; server in-process on {baseUrl}");
        Console.WriteLine("latency (ms, request sent to last byte received):");
        Console.WriteLine($"  {"kind",-28} {"p50",7} {"p95",7} {"max",7} {"bytes (median)",15}");

        var kinds = new List<(string name, Func<Random, string> url)>
        {
            ("page: search, no query", _ => "/"),
            ("page: search with words", r => "/?q=" + Uri.EscapeDataString(BenchSearchCommand.Make("keyword", r).Text!)),
            ("page: search, all combined", r => "/?" + QueryString(BenchSearchCommand.Make("all combined", r))),
            ("page: document", r => $"/documents/{ids[r.Next(ids.Count)]}"),
            ("api: document", r => $"/api/documents/{ids[r.Next(ids.Count)]}"),
        };
        foreach (var k in BenchSearchCommand.Kinds)
            kinds.Add(($"api: search {k}", r => "/api/search?" + QueryString(BenchSearchCommand.Make(k, r))));

        // Warm-up (JIT, SQLite page cache), not measured.
        var warm = new Random(5);
        foreach (var (_, url) in kinds) for (var i = 0; i < 5; i++) Get(http, url(warm));

        var pages = new List<double>();
        var apis = new List<double>();
        for (var ki = 0; ki < kinds.Count; ki++)
        {
            var (name, url) = kinds[ki];
            var rnd = new Random(ki + 1);
            var times = new List<double>();
            var sizes = new List<long>();
            for (var i = 0; i < requests; i++)
            {
                var (ms, bytes) = Get(http, url(rnd));
                times.Add(ms);
                sizes.Add(bytes);
            }
            (name.StartsWith("page", StringComparison.Ordinal) ? pages : name.StartsWith("api: search", StringComparison.Ordinal) ? apis : []).AddRange(times);
            times.Sort();
            sizes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-28} {BenchSearchCommand.Pct(times, 50),7:0.0} {BenchSearchCommand.Pct(times, 95),7:0.0} {times[^1],7:0.0} {sizes[sizes.Count / 2],15:N0}"));
        }
        pages.Sort();
        apis.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"every page load",-28} {BenchSearchCommand.Pct(pages, 50),7:0.0} {BenchSearchCommand.Pct(pages, 95),7:0.0} {pages[^1],7:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"every search API response",-28} {BenchSearchCommand.Pct(apis, 50),7:0.0} {BenchSearchCommand.Pct(apis, 95),7:0.0} {apis[^1],7:0.0}"));
    }

    private static (double ms, long bytes) Get(HttpClient http, string url)
    {
        var sw = Stopwatch.StartNew();
        using var resp = http.GetAsync(url, HttpCompletionOption.ResponseContentRead).GetAwaiter().GetResult();
        var body = resp.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var ms = sw.Elapsed.TotalMilliseconds;
        if (!resp.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url}: HTTP {(int)resp.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return (ms, body.LongLength);
    }

    /// <summary>A query as the web interface's parameters.</summary>
    internal static string QueryString(SearchQuery q)
    {
        var p = new List<(string, string?)>
        {
            ("q", q.Text), ("province", q.Province), ("agency", q.Agency), ("year", q.Year?.ToString(CultureInfo.InvariantCulture)),
            ("period", q.Period?.ToString()), ("form", q.Form),
            ("where", q.Conditions.Count == 0 ? null : string.Join(" and ", q.Conditions.Select(c => c.Key + c.OpText + c.Value.ToString(CultureInfo.InvariantCulture)))),
            ("facets", q.Facets ? "1" : null),
            ("from", q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("sort", q.Sort?.ToString()), ("offset", q.Offset > 0 ? q.Offset.ToString(CultureInfo.InvariantCulture) : null),
        };
        return string.Join("&", p.Where(x => x.Item2 is not null).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2!)));
    }
}
