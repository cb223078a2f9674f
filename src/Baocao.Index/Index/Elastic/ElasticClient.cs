using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Transport;
using Elastic.Transport.Extensions;
using Elastic.Transport.Products.Elasticsearch;

namespace Baocao.Index.Elastic;

/// <summary>
/// The parts of Elasticsearch the index uses (index creation, bulk, search, get, delete, refresh, mapping, stats),
/// through the official client (Elastic.Clients.Elasticsearch 9.x, typed requests and responses). The query DSL and the
/// mapping are built as JSON by <see cref="ElasticQuery"/> (pure, tested on its own) and read into the client's typed
/// requests by the client's own serializer. Every failure becomes an <see cref="IndexException"/> naming the URL and
/// Elasticsearch's reason.
/// </summary>
public sealed class ElasticClient : IDisposable
{
    private readonly ElasticsearchClient client;

    public Uri BaseUri { get; }

    /// <param name="baseUri">The node (http://host:9200).</param>
    /// <param name="invoker">How requests travel; null: HTTP. The tests pass one that answers from memory.</param>
    public ElasticClient(Uri baseUri, IRequestInvoker? invoker = null, TimeSpan? timeout = null)
    {
        BaseUri = baseUri;
        var pool = new SingleNodePool(baseUri);
        var settings = (invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker))
            .RequestTimeout(timeout ?? TimeSpan.FromSeconds(60));
        client = new ElasticsearchClient(settings);
    }

    // The client keeps no connection to close: its HTTP handlers are pooled by the transport.
    public void Dispose() { }

    private T Deserialize<T>(JsonNode node) =>
        client.RequestResponseSerializer.Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(node.ToJsonString())))
        ?? throw new InvalidOperationException($"empty {typeof(T).Name}");

    /// <summary>A client object as JSON (as it would travel), for the parts of a response read as JSON.</summary>
    public JsonNode? ToJson<T>(T value) => JsonNode.Parse(client.RequestResponseSerializer.SerializeToString(value));

    /// <summary>GET / : the cluster's version; throws when nothing answers.</summary>
    public string Info()
    {
        try { return Check(client.Info(), "/").Version.Number; }
        catch (Exception e) when (e is global::Elastic.Clients.Elasticsearch.UnsupportedProductException
                                      or global::Elastic.Transport.UnexpectedTransportException { InnerException: System.Text.Json.JsonException })
        {
            // Something answered, but not as Elasticsearch does (no X-Elastic-Product header): a web server, a proxy's
            // login page, another product on the port.
            throw new IndexException(BaseUri.ToString(), "not an Elasticsearch node: something answered, but not as Elasticsearch 8 or 9 does (a web page, a proxy?)", e);
        }
    }

    public bool IndexExists(string index)
    {
        var resp = client.Indices.Exists(index);
        if (resp.ApiCallDetails.HttpStatusCode is 200 or 404) return resp.Exists;
        Check(resp, "/" + index);
        return resp.Exists;
    }

    /// <summary>Creates an index from its body (settings and mappings as JSON, see <see cref="ElasticQuery.IndexBody"/>).</summary>
    public void CreateIndex(string index, JsonObject body) =>
        Check(client.Indices.Create(new CreateIndexRequest(index)
        {
            Settings = body["settings"] is { } s ? Deserialize<IndexSettings>(s) : null,
            Mappings = body["mappings"] is { } m ? Deserialize<TypeMapping>(m) : null,
        }), "/" + index);

    public void DeleteIndex(string index)
    {
        var resp = client.Indices.Delete(index);
        if (resp.ApiCallDetails.HttpStatusCode != 404) Check(resp, "/" + index);
    }

    /// <summary>The index's mapping (its _meta and properties), or null when Elasticsearch names no such index.</summary>
    public TypeMapping? Mapping(string index)
    {
        var resp = Check(client.Indices.GetMapping(new GetMappingRequest(index)), $"/{index}/_mapping");
        return resp.Mappings.TryGetValue(index, out var m) ? m.Mappings : null;
    }

    public void Refresh(string index) => Check(client.Indices.Refresh(index), $"/{index}/_refresh");

    /// <summary>A search whose body is the query DSL as JSON (<see cref="ElasticQuery.SearchBody"/>); documents as JSON.</summary>
    public SearchResponse<JsonObject> Search(string index, JsonObject body)
    {
        var request = Deserialize<SearchRequest>(body);
        request.Indices = index;
        return Check(client.Search<JsonObject>(request), $"/{index}/_search");
    }

    /// <summary>The primary store size in bytes (0 when Elasticsearch gives none).</summary>
    public long StoreBytes(string index) =>
        Check(client.Indices.Stats(new IndicesStatsRequest(index)), $"/{index}/_stats").All?.Primaries?.Store?.SizeInBytes ?? 0;

    /// <summary>The document's source, or null when there is none.</summary>
    public JsonObject? Get(string index, string id)
    {
        var resp = client.Get<JsonObject>(new GetRequest(index, id));
        if (resp.ApiCallDetails.HttpStatusCode == 404) return null;
        return Check(resp, $"/{index}/_doc/{id}").Found ? resp.Source : null;
    }

    /// <summary>Deletes a document; false when there was none.</summary>
    public bool Delete(string index, string id, bool refresh)
    {
        var resp = client.Delete(new DeleteRequest(index, id) { Refresh = refresh ? global::Elastic.Clients.Elasticsearch.Refresh.WaitFor : null });
        if (resp.ApiCallDetails.HttpStatusCode == 404) return false;
        return Check(resp, $"/{index}/_doc/{id}").Result == Result.Deleted;
    }

    /// <summary>
    /// One bulk request of index operations. Each document is indexed whole or not at all by Elasticsearch; the ids of
    /// the documents that failed come back with their reasons.
    /// </summary>
    public IReadOnlyList<(string Id, string Reason)> Bulk(string index, IEnumerable<(string Id, JsonObject Source)> docs, bool refresh)
    {
        var operations = new BulkOperationsCollection();
        foreach (var (id, source) in docs) operations.Add(new BulkIndexOperation<JsonObject>(source) { Index = index, Id = id });
        if (operations.Count == 0) return [];
        var resp = client.Bulk(new BulkRequest { Operations = operations, Refresh = refresh ? global::Elastic.Clients.Elasticsearch.Refresh.WaitFor : null });
        // The client calls a bulk answer with failed items invalid; Elasticsearch answered, and the items say which and why.
        if (resp.ApiCallDetails.HttpStatusCode == 200 && resp.Errors)
            return resp.ItemsWithErrors.Select(i => (i.Id ?? "", $"{i.Error?.Type}: {i.Error?.Reason}")).ToList();
        Check(resp, "/_bulk");
        return [];
    }

    /// <summary>
    /// A response that is not valid becomes one <see cref="IndexException"/>: Elasticsearch's own error (type: reason)
    /// when it answered, else why nothing answered.
    /// </summary>
    private T Check<T>(T resp, string path) where T : ElasticsearchResponse
    {
        if (resp.IsValidResponse) return resp;
        var where = new Uri(BaseUri, path).ToString();
        var details = resp.ApiCallDetails;
        if (resp.ElasticsearchServerError is { } e)
            throw new IndexException(where, $"Elasticsearch answered {e.Status}: {e.Error?.Type}: {e.Error?.Reason}");
        if (details.HttpStatusCode is { } status)
            throw new IndexException(where, $"Elasticsearch answered {status}");
        var ex = details.OriginalException;
        if (ex is TaskCanceledException or TimeoutException || ex?.InnerException is TaskCanceledException or TimeoutException)
            throw new IndexException(BaseUri.ToString(), "Elasticsearch did not answer in time", ex);
        var message = (ex?.InnerException ?? ex)?.Message ?? "no answer";
        throw new IndexException(BaseUri.ToString(), $"cannot reach Elasticsearch ({message.Split('\n')[0].TrimEnd('.')})", ex);
    }
}
