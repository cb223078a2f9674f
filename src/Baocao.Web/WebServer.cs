using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Index;
using Baocao.Native;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Baocao.Web;

/// <summary>
/// The web interface over an index: the pages (search, document, charts) and, beside them, the JSON API
/// (<c>/api/search</c>, <c>/api/documents/{id}</c>, <c>/api/documents/{id}/pages/{n}.png</c>, <c>/api/export</c>).
/// ASP.NET Core with Kestrel alone (no configuration files, no logging providers, no static-file folder): it reads the
/// index and its data folder, and writes only the page image cache there.
/// </summary>
public static class WebServer
{
    /// <summary>Builds the server; the index is opened once first, so a missing or foreign index fails here with its reason.</summary>
    public static WebApplication Build(ServeOptions o, IPageRenderer? renderer = null)
    {
        IndexLocation.OpenRead(o.Index).Dispose();
        var data = o.DataFolder;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.Exists(data) ? data : AppContext.BaseDirectory,
            EnvironmentName = "Production",
            ApplicationName = "Baocao.Web",
        });
        var address = Address(o.Host);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, o.Port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var pool = new IndexPool(o.Index);
        var site = new Site(pool,
            new PageImages(new SourceStore(data), data, renderer ?? new PopplerPageRenderer(), o.PageDpi), new PathView(pool, o.ShowPaths),
            new WriteGuard(o.ReadOnly, o.ReadOnly ? null : o.Token ?? WriteGuard.NewToken()));
        Tokens.AddOrUpdate(app, site.Writes.Token);
        app.Lifetime.ApplicationStopped.Register(site.Dispose);

        app.Use(site.Guard);
        app.MapGet("/", site.SearchPage);
        app.MapGet("/documents/{id}", site.DocumentPage);
        app.MapGet("/charts", site.ChartsPage);
        app.MapGet("/checks", site.ChecksPage);
        app.MapGet("/api/checks", site.ChecksApi);
        app.MapGet("/api/review", site.ReviewApi);
        app.MapGet("/review", site.ReviewQueuePage);
        app.MapGet("/review/{id}", site.ReviewPage);
        app.MapPost("/review/{id}", site.ReviewPost);
        app.MapGet("/api/review/{id}", site.ReviewReportApi);
        app.MapPost("/api/review/{id}", site.ReviewReportPost);
        app.MapGet("/api/search", site.SearchApi);
        app.MapGet("/api/documents/{id}", site.DocumentApi);
        app.MapGet("/api/documents/{id}/pages/{file}", site.PageImage);
        app.MapGet("/api/documents/{id}/source", site.SourceFile);
        app.MapGet("/api/export", site.Export);
        app.MapGet("/static/{name}", Site.Static);
        return app;
    }

    /// <summary>Each built server's write token (null when read-only), for <see cref="RunningServer.Token"/>.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebApplication, string?> Tokens = [];

    /// <summary>The write token of a built server; null when it is read-only.</summary>
    public static string? TokenOf(WebApplication app) => Tokens.TryGetValue(app, out var t) ? t : null;

    /// <summary>Builds and starts the server; the caller stops it by disposing the handle.</summary>
    public static RunningServer Start(ServeOptions o, IPageRenderer? renderer = null)
    {
        var app = Build(o, renderer);
        app.StartAsync().GetAwaiter().GetResult();
        return new RunningServer(app);
    }

    /// <summary>The address to listen on: "localhost" or an IP address (the default, 127.0.0.1, is reachable from this machine only).</summary>
    public static IPAddress Address(string host) =>
        host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var a) ? a
        : throw new ArgumentException($"--host '{host}' is not an IP address (use 127.0.0.1, the default, or 0.0.0.0 for every interface)");

    /// <summary>The base URL a started server listens on (the port chosen when 0 was asked).</summary>
    public static string BaseUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost");
}

/// <summary>A started server: its base URL, and stopping it.</summary>
public sealed class RunningServer(WebApplication app) : IDisposable
{
    public string BaseUrl { get; } = WebServer.BaseUrl(app);

    /// <summary>The token a request must carry to write (the reviewers' decisions); null when the server is read-only.</summary>
    public string? Token { get; } = WebServer.TokenOf(app);

    /// <summary>Blocks until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public void WaitForShutdown() => app.WaitForShutdownAsync().GetAwaiter().GetResult();

    public void Dispose()
    {
        app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)app).Dispose();
    }
}

/// <summary>The request handlers, with the index pool and the page images they share.</summary>
internal sealed partial class Site(IndexPool pool, PageImages images, PathView paths, WriteGuard writes) : IDisposable
{
    public WriteGuard Writes => writes;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int MaxChartReports = 3000;

    private IReadOnlyCollection<string>? valueKeys;
    private DateTime valueKeysAt;

    public void Dispose() => pool.Dispose();

    /// <summary>Value keys beyond the canonical vocabulary (for --where), refreshed every half minute: ingest may add some.</summary>
    private IReadOnlyCollection<string> ValueKeys()
    {
        if (valueKeys is null || DateTime.UtcNow - valueKeysAt > TimeSpan.FromSeconds(30))
        {
            valueKeys = pool.Use(i => i.ValueKeys());
            valueKeysAt = DateTime.UtcNow;
        }
        return valueKeys;
    }

    // ------------------------------------------------------------ errors and headers

    /// <summary>
    /// Every response's headers (no script, style or image from elsewhere), and every failure as a status with a one-line
    /// message: JSON under /api/, a page elsewhere. A bug is a 500 saying so, never a stack trace.
    /// </summary>
    public async Task Guard(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        // img-src blob: lets the charts page draw a chart's own SVG (made in the page, never fetched) into a PNG to save.
        h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        h["Referrer-Policy"] = "no-referrer";
        try
        {
            await next();
            if (ctx.Response is { StatusCode: 404 or 405, HasStarted: false })
                await Error(ctx, ctx.Response.StatusCode, ctx.Response.StatusCode == 404
                    ? $"no such page: {WebQuery.Truncate(ctx.Request.Path.Value ?? "")}"
                    : $"method {ctx.Request.Method} is not allowed here (use GET; decisions are POSTed to /review/{{id}} or /api/review/{{id}})");
        }
        catch (HttpError e) { await Error(ctx, e.Status, e.Message); }
        catch (QueryException e) { await Error(ctx, 400, WebQuery.BadQuery(e).Message); }
        catch (IndexException e) { await Error(ctx, 503, $"the index cannot be used: {e.Reason}"); }
        catch (BadHttpRequestException e) { await Error(ctx, 400, e.Message); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"error: {ctx.Request.Path}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            await Error(ctx, 500, "internal error: the request could not be answered (the server log has one line about it)");
        }
    }

    private static async Task Error(HttpContext ctx, int status, string message)
    {
        if (ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }
        ctx.Response.Clear();
        ctx.Response.StatusCode = status;
        if (ctx.Request.Path.StartsWithSegments("/api"))
            await Json(ctx, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("status", status);
                w.WriteString("error", message);
                w.WriteEndObject();
            }, status);
        else await Page(ctx, Html.ErrorPage(status, message), status);
    }

    private static Task Page(HttpContext ctx, string html, int status = 200)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(html, Encoding.UTF8);
    }

    private static async Task Json(HttpContext ctx, Action<Utf8JsonWriter> write, int status = 200)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions)) write(w);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.Body.WriteAsync(ms.ToArray());
    }

    private static Task JsonText(HttpContext ctx, string json)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(json, Encoding.UTF8);
    }

    // ------------------------------------------------------------ pages

    public Task SearchPage(HttpContext ctx)
    {
        // A condition built from the labels (key, comparison, number) joins the typed filter: the page is then the typed
        // filter's page (its links, paging and export keep it), so the browser is sent there.
        if (WebQuery.BuiltWhere(ctx.Request.Query, ValueKeys()) is { } where)
        {
            ctx.Response.Redirect("/?" + WebQuery.QueryString(ctx.Request.Query, ("where", where)));
            return Task.CompletedTask;
        }
        var q = WebQuery.Parse(ctx.Request.Query, ValueKeys(), facets: true);
        var result = pool.Use(i => i.Search(q));
        return Page(ctx, Web.SearchPage.Render(ctx.Request.Query, q, result));
    }

    public Task DocumentPage(HttpContext ctx)
    {
        var (id, record) = Document(ctx);
        // The other files of the same report, each with what it reads differently from the best copy.
        var copies = pool.Use(i => i.CopiesOf(id).Select(c => (c, i.Load(c))).Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!)).ToList());
        return Page(ctx, Web.DocumentPage.Render(id, record, images.Has(record.Source.Sha256), images.Dpi, copies,
            sourceFile: images.Sources.FindSource(record.Source.Sha256, record.Source.Path) is not null));
    }

    public Task ChartsPage(HttpContext ctx)
    {
        var q = WebQuery.Parse(ctx.Request.Query, ValueKeys(), facets: false);
        var data = pool.Use(i => ChartFigures.From(i.Export(q), MaxChartReports));
        return Page(ctx, Web.ChartsPage.Render(ctx.Request.Query, data));
    }

    private (string Stamp, DateTime At, List<ReportRecord> Records, List<ReviewNote> Queue, Dictionary<string, long?> Ids)? findings;
    private readonly Lock findingsLock = new();

    /// <summary>
    /// Every record with its findings across the index, and the review queue (from the records themselves, so an index
    /// written before the queue counted doubts lists them too). The cross-report checks read every stored record (seconds
    /// for thousands of reports), so the result is kept while the index file is unchanged (<see cref="IndexPool.Stamp"/>),
    /// for a minute at most (a file time is coarse: two commits in one tick with the same length would look alike), with
    /// each record's document id (the pages link every finding and queued report to its document).
    /// </summary>
    private (List<ReportRecord> records, List<ReviewNote> queue, Dictionary<string, long?> ids) FindingsOfIndex()
    {
        var stamp = pool.Stamp();
        lock (findingsLock)
        {
            if (stamp is not null && findings is { } f && f.Stamp == stamp && DateTime.UtcNow - f.At < TimeSpan.FromMinutes(1))
                return (f.Records, f.Queue, f.Ids);
            var records = pool.Use(Findings.OfIndex);
            var queue = records.Select(r => ReviewNote.Of(r, r.Source.Path)).Where(n => n.NeedsReview).ToList();
            var ids = pool.Use(i => records.Select(r => r.Source.Path).Concat(queue.Select(n => n.Path)).Distinct(StringComparer.Ordinal)
                .ToDictionary(p => p, p => i.IdOf(p), StringComparer.Ordinal));
            if (stamp is not null) findings = (stamp, DateTime.UtcNow, records, queue, ids);
            return (records, queue, ids);
        }
    }

    public Task ChecksPage(HttpContext ctx)
    {
        var filter = Web.ChecksPage.Filter(ctx.Request.Query);
        var (records, queue, ids) = FindingsOfIndex();
        var listed = Findings.List(records, filter);
        return Page(ctx, Web.ChecksPage.Render(ctx.Request.Query, filter, listed, records.Count, p => ids.GetValueOrDefault(p), queue));
    }

    /// <summary>
    /// <c>GET /api/checks?severity=&amp;cause=&amp;rule=&amp;agency=&amp;period=&amp;format=json|csv|xlsx</c>: the findings as
    /// <c>check --all</c> lists them. JSON: <c>{"count", "reportErrors", "readingDoubts", "findings": [{"number", "documentId",
    /// "tableNumber", "causeLabel", "likelyReading", "check": {the record's fields}}]}</c>; CSV and XLSX as <c>check --format</c>.
    /// </summary>
    public async Task ChecksApi(HttpContext ctx)
    {
        var format = ctx.Request.Query["format"].LastOrDefault() ?? "json";
        if (format is not ("json" or "csv" or "xlsx")) throw HttpError.BadRequest($"format '{WebQuery.Truncate(format)}' is not a findings format (valid: json, csv, xlsx)");
        var filter = Web.ChecksPage.Filter(ctx.Request.Query);
        var english = ctx.Request.Query["lang"].LastOrDefault() == "en";
        var (records, _, ids) = FindingsOfIndex();
        var listed = Findings.List(records, filter).Select(f => f with { Check = f.Check with { File = f.Check.File is { } file ? paths.Show(file) : null } }).ToList();
        if (format != "json")
        {
            ctx.Response.ContentType = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
            ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"baocao-checks.{format}\"";
            ctx.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            await Task.Run(() => RowExport.WriteTable(format, ctx.Response.Body, "findings", Findings.Columns, listed.Select(Findings.Cells)));
            return;
        }
        await Json(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", listed.Count);
            w.WriteNumber("reportErrors", listed.Count(f => Findings.IsReportError(f.Check)));
            w.WriteNumber("readingDoubts", listed.Count(f => f.Check.Cause == Checks.Cause.Reading));
            w.WriteStartArray("findings");
            foreach (var f in listed)
            {
                w.WriteStartObject();
                w.WriteNumber("number", f.Number);
                if (ids.GetValueOrDefault(f.Record.Source.Path) is { } id) w.WriteNumber("documentId", id); else w.WriteNull("documentId");
                if (Findings.TableNumber(f.Check) is { } t) w.WriteNumber("tableNumber", t); else w.WriteNull("tableNumber");
                w.WriteString("causeLabel", Findings.CauseLabel(f.Check));
                w.WriteString("likelyReading", Findings.LikelyReading(f.Check));
                w.WritePropertyName("check");
                RecordJson.WriteCheck(w, f.Check, english);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary><c>GET /api/review</c>: the reports to review, each with its document id and its reasons (Vietnamese).</summary>
    public Task ReviewApi(HttpContext ctx)
    {
        var (_, queue, ids) = FindingsOfIndex();
        return Json(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", queue.Count);
            w.WriteStartArray("queue");
            foreach (var n in queue)
            {
                w.WriteStartObject();
                if (ids.GetValueOrDefault(n.Path) is { } id) w.WriteNumber("documentId", id); else w.WriteNull("documentId");
                w.WriteString("fileName", Path.GetFileName(n.Path));
                w.WriteString("path", paths.Show(n.Path));
                w.WriteNumber("lowConfidenceValues", n.LowConfidence);
                w.WriteNumber("tablesToReview", n.ReviewTables);
                w.WriteNumber("readingWarnings", n.Reading);
                w.WriteNumber("readingDoubts", n.Doubts);
                w.WriteStartArray("reasons");
                foreach (var reason in n.Reasons()) w.WriteStringValue(reason);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    // ------------------------------------------------------------ API

    public Task SearchApi(HttpContext ctx)
    {
        var facets = ctx.Request.Query["facets"].LastOrDefault() is "1" or "true";
        var q = WebQuery.Parse(ctx.Request.Query, ValueKeys(), facets);
        var result = pool.Use(i => i.Search(q));
        result = result with { Documents = result.Documents.Select(d => d with { Path = paths.Show(d.Path) }).ToList() };
        return JsonText(ctx, SearchResultJson.Serialize(result));
    }

    public Task DocumentApi(HttpContext ctx)
    {
        var (id, record) = Document(ctx);
        var reason = Web.DocumentPage.NoImageReason(record, images.Has(record.Source.Sha256));
        return Json(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("fileName", Path.GetFileName(record.Source.Path));
            w.WriteBoolean("pageImages", reason is null);
            if (reason is null)
            {
                w.WriteNumber("pageDpi", images.Dpi);
                w.WriteString("pageImage", $"/api/documents/{id}/pages/{{n}}.png");
            }
            else w.WriteString("noPageImages", reason);
            w.WritePropertyName("record");
            RecordJson.Write(w, record with { Source = record.Source with { Path = paths.Show(record.Source.Path) } });
            w.WriteEndObject();
        });
    }

    public async Task PageImage(HttpContext ctx)
    {
        var (_, record) = Document(ctx);
        var file = ctx.Request.RouteValues["file"] as string ?? "";
        var m = System.Text.RegularExpressions.Regex.Match(file, @"^([0-9]{1,5})\.png$");
        if (!m.Success) throw HttpError.BadRequest($"'{WebQuery.Truncate(file)}' is not a page image: use N.png with N a page number");
        if (!string.Equals(record.Source.Format, "pdf", StringComparison.OrdinalIgnoreCase))
            throw HttpError.NotFound("this document is a DOCX: it has no page images");
        var png = await images.PageAsync(record.Source.Sha256, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), record.Source.Pages);
        ctx.Response.ContentType = "image/png";
        ctx.Response.Headers.CacheControl = "public, max-age=86400";
        await ctx.Response.SendFileAsync(png);
    }

    /// <summary>The source file a record was read from, as the data folder keeps it (by hash), under its own name.</summary>
    public async Task SourceFile(HttpContext ctx)
    {
        var (_, record) = Document(ctx);
        var copy = images.Sources.FindSource(record.Source.Sha256, record.Source.Path)
            ?? throw HttpError.NotFound("the source file of this document is not in the data folder (run ./baocao ingest on it again to keep a copy)");
        ctx.Response.ContentType = Path.GetExtension(copy) switch
        {
            ".pdf" => "application/pdf",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => "application/msword",
        };
        ctx.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        { FileNameStar = Path.GetFileName(record.Source.Path) }.ToString();
        await ctx.Response.SendFileAsync(copy);
    }

    public async Task Export(HttpContext ctx)
    {
        var format = ctx.Request.Query["format"].LastOrDefault() ?? "csv";
        if (!RowExport.Formats.Contains(format)) throw HttpError.BadRequest($"format '{WebQuery.Truncate(format)}' is not an export format (valid: {string.Join(", ", RowExport.Formats)})");
        var options = WebQuery.ExportOptions(ctx.Request.Query);
        var q = WebQuery.Parse(ctx.Request.Query, ValueKeys(), facets: false);
        ctx.Response.ContentType = format switch
        {
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "jsonl" => "application/x-ndjson; charset=utf-8",
            _ => "text/csv; charset=utf-8",
        };
        ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"baocao-export.{format}\"";
        // RowExport streams through synchronous writers (CsvHelper, OpenXml): allowed for this response only.
        ctx.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        await Task.Run(() => pool.Use(i => RowExport.Write(format, ctx.Response.Body, i, q, options, paths.Show)));
    }

    /// <summary>The document a request's {id} names: a 400 for an id that is not a positive integer, a 404 for one not in the index.</summary>
    private (long id, ReportRecord record) Document(HttpContext ctx)
    {
        var id = WebQuery.Id(ctx.Request.RouteValues["id"], "document id");
        var record = pool.Use(i => i.Load(id)) ?? throw HttpError.NotFound($"no document with id {id} in the index");
        return (id, record);
    }

    // ------------------------------------------------------------ static files (embedded)

    private static readonly Dictionary<string, (byte[] bytes, string type)> Files = LoadFiles();

    private static Dictionary<string, (byte[], string)> LoadFiles()
    {
        var asm = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        const string prefix = "Baocao.Web.wwwroot.";
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var file = name[prefix.Length..];
            files[file] = (ms.ToArray(), Path.GetExtension(file) switch
            {
                ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", _ => "application/octet-stream",
            });
        }
        return files;
    }

    /// <summary>The script and style sheet, by name from a fixed set held in memory (a name is never a path).</summary>
    public static Task Static(HttpContext ctx)
    {
        var name = ctx.Request.RouteValues["name"] as string ?? "";
        if (!Files.TryGetValue(name, out var f)) throw HttpError.NotFound($"no such file: {WebQuery.Truncate(name)}");
        ctx.Response.ContentType = f.type;
        ctx.Response.Headers.CacheControl = "no-cache";
        return ctx.Response.Body.WriteAsync(f.bytes).AsTask();
    }
}
