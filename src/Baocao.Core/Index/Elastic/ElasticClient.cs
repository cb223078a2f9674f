using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Baocao.Index.Elastic;

/// <summary>
/// A thin typed client for the parts of Elasticsearch's REST API the index uses (index creation, bulk, search, get,
/// delete, refresh). The official .NET client is not in the reachable package mirror, so this speaks JSON over
/// HttpClient directly. Every failure becomes an <see cref="IndexException"/> naming the URL and Elasticsearch's reason.
/// </summary>
public sealed class ElasticClient : IDisposable
{
    private readonly HttpClient http;

    public Uri BaseUri { get; }

    public ElasticClient(Uri baseUri, TimeSpan? timeout = null)
    {
        BaseUri = baseUri;
        http = new HttpClient { BaseAddress = baseUri, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public void Dispose() => http.Dispose();

    /// <summary>GET / : the cluster's name and version; throws when nothing answers.</summary>
    public JsonObject Info() => Send(HttpMethod.Get, "/", null)!.AsObject();

    public bool IndexExists(string index)
    {
        using var resp = Raw(HttpMethod.Head, "/" + index, null, null);
        return resp.StatusCode == HttpStatusCode.OK;
    }

    public void CreateIndex(string index, JsonObject body) => Send(HttpMethod.Put, "/" + index, body);

    public void DeleteIndex(string index) => Send(HttpMethod.Delete, "/" + index, null, allowNotFound: true);

    public JsonObject Mapping(string index) => Send(HttpMethod.Get, $"/{index}/_mapping", null)!.AsObject();

    public void Refresh(string index) => Send(HttpMethod.Post, $"/{index}/_refresh", null);

    public JsonObject Search(string index, JsonObject body) => Send(HttpMethod.Post, $"/{index}/_search", body)!.AsObject();

    public long Count(string index) => Send(HttpMethod.Get, $"/{index}/_count", null)!["count"]!.GetValue<long>();

    public JsonObject Stats(string index) => Send(HttpMethod.Get, $"/{index}/_stats/docs,store", null)!.AsObject();

    /// <summary>The document's source, or null when there is none.</summary>
    public JsonObject? Get(string index, string id) =>
        Send(HttpMethod.Get, $"/{index}/_doc/{Uri.EscapeDataString(id)}", null, allowNotFound: true) is JsonObject o && o["found"]?.GetValue<bool>() == true
            ? o["_source"]?.AsObject() : null;

    /// <summary>Deletes a document; false when there was none.</summary>
    public bool Delete(string index, string id, bool refresh) =>
        Send(HttpMethod.Delete, $"/{index}/_doc/{Uri.EscapeDataString(id)}{(refresh ? "?refresh=wait_for" : "")}", null, allowNotFound: true) is JsonObject o
        && o["result"]?.GetValue<string>() == "deleted";

    /// <summary>
    /// One bulk request of index operations (action line, then source line, as NDJSON). Each document is indexed whole
    /// or not at all by Elasticsearch; the ids of the documents that failed come back with their reasons.
    /// </summary>
    public IReadOnlyList<(string Id, string Reason)> Bulk(string index, IEnumerable<(string Id, JsonObject Source)> docs, bool refresh)
    {
        var sb = new StringBuilder();
        foreach (var (id, source) in docs)
        {
            sb.Append(new JsonObject { ["index"] = new JsonObject { ["_index"] = index, ["_id"] = id } }.ToJsonString()).Append('\n');
            sb.Append(source.ToJsonString()).Append('\n');
        }
        if (sb.Length == 0) return [];
        var resp = Send(HttpMethod.Post, "/_bulk" + (refresh ? "?refresh=wait_for" : ""), null, ndjson: sb.ToString())!;
        var failed = new List<(string, string)>();
        if (resp["errors"]?.GetValue<bool>() == true)
            foreach (var item in resp["items"]!.AsArray())
            {
                var op = item!["index"]!;
                if (op["error"] is { } err) failed.Add((op["_id"]!.GetValue<string>(), $"{err["type"]}: {err["reason"]}"));
            }
        return failed;
    }

    private HttpResponseMessage Raw(HttpMethod method, string path, string? body, string? contentType)
    {
        using var req = new HttpRequestMessage(method, path);
        if (body is not null) req.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
        try { return http.Send(req); }
        catch (HttpRequestException e) { throw new IndexException(BaseUri.ToString(), $"cannot reach Elasticsearch ({e.Message})", e); }
        catch (TaskCanceledException e) { throw new IndexException(BaseUri.ToString(), "Elasticsearch did not answer in time", e); }
    }

    private JsonNode? Send(HttpMethod method, string path, JsonObject? body, bool allowNotFound = false, string? ndjson = null)
    {
        using var resp = Raw(method, path, ndjson ?? body?.ToJsonString(), ndjson is null ? null : "application/x-ndjson");
        var text = resp.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (resp.StatusCode == HttpStatusCode.NotFound && allowNotFound) return text.Length > 0 ? JsonNode.Parse(text) : null;
        if (!resp.IsSuccessStatusCode)
        {
            string reason;
            try { reason = JsonNode.Parse(text)?["error"] is { } e ? (e is JsonObject o ? $"{o["type"]}: {o["reason"]}" : e.ToString()) : text; }
            catch (System.Text.Json.JsonException) { reason = text; }
            throw new IndexException(new Uri(BaseUri, path).ToString(), $"Elasticsearch answered {(int)resp.StatusCode}: {reason}");
        }
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
