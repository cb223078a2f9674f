using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.AspNetCore.Http;

namespace Baocao.Web;

/// <summary>
/// Who may write: a server started with <c>--read-only</c> refuses every write; otherwise a write must carry the token
/// made at start (printed by <c>serve</c>), in the <c>X-Baocao-Token</c> header or a form's <c>token</c> field. The pages
/// never show the token: a reviewer types it once and the page script keeps it in the browser, so another local user or
/// another site that can send requests to 127.0.0.1 cannot write without it.
/// </summary>
public sealed class WriteGuard(bool readOnly, string? token)
{
    public const string Header = "X-Baocao-Token";

    public bool ReadOnly => readOnly;
    public string? Token => token;

    /// <summary>A token of 128 random bits, as 32 hex digits.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Throws a 403 unless writing is on and <paramref name="given"/> is the token (compared in constant time).</summary>
    public void Check(string? given)
    {
        if (readOnly || token is null)
            throw new HttpError(403, "máy chủ chỉ đọc (serve --read-only): không nhận hiệu đính (the server is read-only)");
        if (string.IsNullOrEmpty(given) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.Trim()), Encoding.UTF8.GetBytes(token)))
            throw new HttpError(403, "cần mã ghi (token) mà ./baocao serve in ra khi khởi động (a write needs the token serve printed at start)");
    }
}

/// <summary>The review pages and API (issue 18 item 2): the queue, one report's cells beside their page crops, and decisions.</summary>
internal sealed partial class Site
{
    private static readonly JsonWriterOptions ReviewJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock writeLock = new();

    private (string Stamp, DateTime At, List<(ReviewReport, long?)> Queue)? reviewQueue;

    /// <summary>
    /// The queue runs every report's checks and the cross-report ones (seconds for thousands of reports), so it is kept as
    /// the findings are (<see cref="FindingsOfIndex"/>): while the index file is unchanged, a minute at most, and dropped
    /// at once by a decision taken through this server.
    /// </summary>
    private List<(ReviewReport, long?)> ReviewQueue()
    {
        var stamp = pool.Stamp();
        lock (findingsLock)
        {
            if (stamp is not null && reviewQueue is { } q && q.Stamp == stamp && DateTime.UtcNow - q.At < TimeSpan.FromMinutes(1))
                return q.Queue;
            var queue = pool.Use(i => ReviewDesk.Queue(i).Select(r => (r, i.IdOf(r.Path))).ToList());
            if (stamp is not null) reviewQueue = (stamp, DateTime.UtcNow, queue);
            return queue;
        }
    }

    public Task ReviewQueuePage(HttpContext ctx) =>
        Page(ctx, Web.ReviewPage.RenderQueue(ReviewQueue(), paths.Show, writes.ReadOnly));

    public Task ReviewPage(HttpContext ctx)
    {
        var (id, report) = ReviewReport(ctx);
        var noImage = Web.DocumentPage.NoImageReason(report.Record, images.Has(report.Record.Source.Sha256));
        return Page(ctx, Web.ReviewPage.Render(id, report, paths.Show(report.Path), noImage, images.Dpi, writes.ReadOnly, ctx.Request.Query["done"].LastOrDefault()));
    }

    public Task ReviewReportApi(HttpContext ctx)
    {
        var (id, report) = ReviewReport(ctx);
        var english = ctx.Request.Query["lang"].LastOrDefault() == "en";
        return Json(ctx, w => ReviewJson.WriteReport(w, report, id, paths.Show(report.Path), english));
    }

    /// <summary>A decision from the review page's form: stored, then back to the page (303); a refused one is a page saying why.</summary>
    public async Task ReviewPost(HttpContext ctx)
    {
        var id = WebQuery.Id(ctx.Request.RouteValues["id"], "document id");
        var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : null;
        string? F(string name) => form?[name].LastOrDefault();
        writes.Check(ctx.Request.Headers[WriteGuard.Header].LastOrDefault() ?? F("token"));
        var c = Decide(id, F("action"), F("table"), F("row"), F("column"), F("value"), F("reviewer"), F("note"), english: false);
        ctx.Response.Redirect($"/review/{id}?done={Uri.EscapeDataString(ReviewDesk.Describe(c))}#item-t{c.Table}-r{c.Row}-{Uri.EscapeDataString(c.Column)}", permanent: false);
        ctx.Response.StatusCode = 303;
    }

    /// <summary>
    /// <c>POST /api/review/{id}</c> with a JSON body <c>{"action": "set|confirm|undo", "table": 1, "row": "3", "column":
    /// "received.online", "value": "105", "reviewer": "Lan", "note": "…"}</c> and the token in <c>X-Baocao-Token</c>: the
    /// decision as stored (undo: the one removed).
    /// </summary>
    public async Task ReviewReportPost(HttpContext ctx)
    {
        var id = WebQuery.Id(ctx.Request.RouteValues["id"], "document id");
        writes.Check(ctx.Request.Headers[WriteGuard.Header].LastOrDefault());
        JsonElement body;
        try { body = (await JsonDocument.ParseAsync(ctx.Request.Body)).RootElement; }
        catch (JsonException e) { throw HttpError.BadRequest($"the body is not JSON ({e.Message.Split('\n')[0]})"); }
        if (body.ValueKind != JsonValueKind.Object) throw HttpError.BadRequest("the body must be a JSON object");
        string? S(string name) => body.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
        var english = ctx.Request.Query["lang"].LastOrDefault() == "en";
        var c = Decide(id, S("action"), S("table"), S("row"), S("column"), S("value"), S("reviewer"), S("note"), english);
        await Json(ctx, w => ReviewJson.WriteDecision(w, c, english, null));
    }

    /// <summary>Takes a decision through a write handle of its own (one writer at a time), then drops the cached findings.</summary>
    private Correction Decide(long id, string? action, string? table, string? row, string? column, string? value, string? reviewer, string? note, bool english)
    {
        action ??= "set";
        if (action is not ("set" or "confirm" or "undo")) throw HttpError.BadRequest($"action '{WebQuery.Truncate(action)}' is not set, confirm or undo");
        if (!int.TryParse(table, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t))
            throw HttpError.BadRequest(english ? "table must be a number from 1" : "bảng phải là một số từ 1");
        if (string.IsNullOrWhiteSpace(row) || string.IsNullOrWhiteSpace(column))
            throw HttpError.BadRequest(english ? "row and column are needed" : "cần dòng và cột");
        if (action == "set" && string.IsNullOrWhiteSpace(value))
            throw HttpError.BadRequest(english ? "a corrected value is needed (or confirm the value as read)" : "cần giá trị đã sửa (hoặc xác nhận giá trị như đọc)");
        Correction c;
        try
        {
            lock (writeLock)
            {
                using var ix = IndexLocation.OpenWrite(pool.Location);
                var report = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                c = action == "undo"
                    ? ReviewDesk.Undo(ix, report, t, row, column, english)
                    : ReviewDesk.Decide(ix, report, t, row, column, action == "set" ? value : null, reviewer ?? "", note, DateTimeOffset.UtcNow, english);
            }
        }
        catch (ArgumentException e) { throw HttpError.BadRequest(e.Message); }
        lock (findingsLock) (findings, reviewQueue) = (null, null);
        return c;
    }

    private (long Id, ReviewReport Report) ReviewReport(HttpContext ctx)
    {
        var id = WebQuery.Id(ctx.Request.RouteValues["id"], "document id");
        var english = ctx.Request.Query["lang"].LastOrDefault() == "en";
        var report = pool.Use(i => ReviewDesk.Report(i, id, english)) ?? throw HttpError.NotFound($"no document with id {id} in the index");
        return (id, report);
    }
}
