using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Baocao.Index;
using Baocao.Index.Elastic;
using Baocao.Output;
using Elastic.Transport;

namespace Baocao.Tests.Index;

/// <summary>
/// An Elasticsearch node in memory: the official client's HTTP goes to this handler, which records every request and
/// answers from the test's function (status and JSON body). What the engine sends and how it reads Elasticsearch's
/// answers are tested without a server.
/// </summary>
internal sealed class FakeElastic(Func<string, string, JsonNode?, (int Status, string Body)> answer) : HttpMessageHandler
{
    public List<(string Method, string Path, string Query, string Body)> Requests { get; } = [];

    public IRequestInvoker Invoker => new HttpRequestInvoker((_, _) => this);

    /// <summary>Whether the answers say they come from Elasticsearch (false: a web server on the port).</summary>
    public bool Product { get; init; } = true;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content?.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult() ?? [];
        // The client may gzip request bodies (HTTP compression): read them as Elasticsearch would.
        if (request.Content?.Headers.ContentEncoding.Contains("gzip") == true)
        {
            using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
            using var plain = new MemoryStream();
            unzip.CopyTo(plain);
            bytes = plain.ToArray();
        }
        var body = Encoding.UTF8.GetString(bytes);
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add((request.Method.Method, path, request.RequestUri.Query, body));
        JsonNode? json = null;
        if (body.Length > 0 && !body.Contains('\n')) json = JsonNode.Parse(body);
        var (status, text) = answer(request.Method.Method, path, json);
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(text, Encoding.UTF8, "application/json"), RequestMessage = request };
        if (Product) response.Headers.Add("X-Elastic-Product", "Elasticsearch");
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));
}

public class ElasticClientTests
{
    private const string Info = """{"name":"n","cluster_name":"c","cluster_uuid":"u","version":{"number":"9.1.0","build_flavor":"default","build_type":"docker","build_hash":"h","build_date":"2025-07-17T00:00:00Z","build_snapshot":false,"lucene_version":"10.2.2","minimum_wire_compatibility_version":"8.19.0","minimum_index_compatibility_version":"8.0.0"},"tagline":"You Know, for Search"}""";

    private static string Mapping(string index) =>
        new JsonObject { [index] = new JsonObject { ["mappings"] = ElasticQuery.IndexBody()["mappings"]!.DeepClone() } }.ToJsonString();

    /// <summary>A node that holds the index "baocao" made by baocao, answering searches with <paramref name="search"/>.</summary>
    private static FakeElastic Node(string? search = null, string? bulk = null, int searchStatus = 200) => new((method, path, _) => (method, path) switch
    {
        ("GET", "/") => (200, Info),
        ("HEAD", "/baocao") => (200, ""),
        ("GET", "/baocao/_mapping") => (200, Mapping("baocao")),
        ("POST", "/baocao/_search") => (searchStatus, search ?? """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}"""),
        ("POST", "/_bulk") or ("PUT", "/_bulk") => (200, bulk ?? """{"took":3,"errors":false,"items":[]}"""),
        _ => (404, """{"error":{"type":"resource_not_found_exception","reason":"no such thing"},"status":404}"""),
    });

    /// <summary>The client writes a list of one as the bare value ("viet_d"), which Elasticsearch reads as the list.</summary>
    private static string[] Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToArray() : [node!.GetValue<string>()];

    [Fact]
    public void Opening_a_missing_index_creates_it_with_the_mapping_the_client_sends_whole()
    {
        var fake = new FakeElastic((method, path, _) => (method, path) switch
        {
            ("GET", "/") => (200, Info),
            ("HEAD", "/fresh") => (404, ""),
            ("PUT", "/fresh") => (200, """{"acknowledged":true,"shards_acknowledged":true,"index":"fresh"}"""),
            _ => (500, "{}"),
        });
        using var index = ElasticReportIndex.Open("http://es.test:9200/fresh", create: true, fake.Invoker);
        Assert.Equal(["GET /", "HEAD /fresh", "PUT /fresh"], fake.Requests.Select(r => $"{r.Method} {r.Path}"));
        // The typed request (read from ElasticQuery's JSON by the client's serializer) keeps every rule of the mapping.
        var body = JsonNode.Parse(fake.Requests[2].Body)!;
        var settings = body["settings"]!;
        var analysis = settings["analysis"] ?? settings["index"]!["analysis"]!;
        var viet = analysis["analyzer"]!["viet"]!;
        Assert.Equal(["lowercase", "asciifolding"], Strings(viet["filter"]));
        Assert.Equal(["viet_d"], Strings(viet["char_filter"]));
        Assert.Contains("đ => d", Strings(analysis["char_filter"]!["viet_d"]!["mappings"]));
        var mappings = body["mappings"]!;
        Assert.Equal(ElasticQuery.Format, mappings["_meta"]!["format"]!.GetValue<string>());
        Assert.Equal("false", mappings["dynamic"]!.ToString());
        Assert.Equal("nested", mappings["properties"]!["rows"]!["type"]!.GetValue<string>());
        Assert.Equal("double", mappings["properties"]!["rows"]!["properties"]!["values"]!["properties"]!["resolved_late"]!["type"]!.GetValue<string>());
        Assert.False(mappings["properties"]!["record"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(JsonNode.Parse(ElasticQuery.IndexBody()["mappings"]!.ToJsonString())!["properties"]!.AsObject().Select(p => p.Key).Order(),
            mappings["properties"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void An_index_baocao_did_not_make_is_refused_and_a_missing_one_is_not_created_by_a_reader()
    {
        var fake = new FakeElastic((method, path, _) => (method, path) switch
        {
            ("GET", "/") => (200, Info),
            ("HEAD", "/other") => (200, ""),
            ("GET", "/other/_mapping") => (200, """{"other":{"mappings":{"properties":{"title":{"type":"text"}}}}}"""),
            ("HEAD", "/none") => (404, ""),
            _ => (500, "{}"),
        });
        var e = Assert.Throws<IndexException>(() => ElasticReportIndex.Open("http://es.test:9200/other", create: true, fake.Invoker));
        Assert.StartsWith("not a baocao index", e.Reason);
        e = Assert.Throws<IndexException>(() => ElasticReportIndex.Open("http://es.test:9200/none", create: false, fake.Invoker));
        Assert.StartsWith("no index here", e.Reason);
        Assert.DoesNotContain(fake.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public void A_node_that_does_not_answer_or_answers_an_error_gives_one_line()
    {
        var down = new FakeElastic((_, _, _) => throw new HttpRequestException("Connection refused (es.test:9200)"));
        var e = Assert.Throws<IndexException>(() => ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, down.Invoker));
        Assert.Contains("cannot reach Elasticsearch", e.Reason);
        Assert.DoesNotContain('\n', e.Reason);

        var web = new FakeElastic((_, _, _) => (200, "<!DOCTYPE html><html><body>Directory listing</body></html>")) { Product = false };
        e = Assert.Throws<IndexException>(() => ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, web.Invoker));
        Assert.StartsWith("not an Elasticsearch node", e.Reason);

        var fake = Node(search: """{"error":{"root_cause":[],"type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}""", searchStatus: 400);
        using var index = ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, fake.Invoker);
        e = Assert.Throws<IndexException>(() => index.Search(new SearchQuery(Text: "hộ tịch")));
        Assert.Equal("Elasticsearch answered 400: search_phase_execution_exception: all shards failed", e.Reason);
        Assert.EndsWith("/baocao/_search", e.Location);
    }

    [Fact]
    public void Storing_sends_one_bulk_of_index_operations_and_names_a_report_elasticsearch_refused()
    {
        var a = Records.Make("/e/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("resolved.late", 12)]));
        var b = Records.Make("/e/b.docx", "Đồng Tháp", "SỞ Y TẾ", 2023, 1, ("Dược phẩm", [("received.total", 300)]));
        var idB = ElasticQuery.Id(IndexedReport.From(b).Path);
        var fake = Node(bulk: """{"took":3,"errors":true,"items":[{"index":{"_index":"baocao","_id":"@H0@","status":201,"result":"created","_version":1}},{"index":{"_index":"baocao","_id":"@H1@","status":400,"error":{"type":"document_parsing_exception","reason":"failed to parse field [year]"}}}]}""".Replace("@H0@", ElasticQuery.Id(IndexedReport.From(a).Path)).Replace("@H1@", idB));
        using var index = ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, fake.Invoker);
        var e = Assert.Throws<IndexException>(() => index.StoreAll([a, b]));
        Assert.Equal("1 report(s) were not indexed, first /e/b.docx: document_parsing_exception: failed to parse field [year]", e.Reason);
        var bulk = fake.Requests.Single(r => r.Path == "/_bulk");
        Assert.Contains("refresh=wait_for", bulk.Query);
        var lines = bulk.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("baocao", lines[0]["index"]!["_index"]!.GetValue<string>());
        Assert.Equal(idB, lines[2]["index"]!["_id"]!.GetValue<string>());
        Assert.Equal("tra vinh", lines[1]["provinceKey"]!.GetValue<string>());
        Assert.Equal(12, lines[1]["rows"]![0]!["values"]!["resolved_late"]!.GetValue<decimal>());
        Assert.Equal(RecordJson.Serialize(b), RecordJson.Serialize(RecordJsonReader.Parse(lines[3]["record"]!.ToJsonString())));
    }

    [Fact]
    public void A_search_sends_elasticquerys_body_and_reads_hits_row_counts_and_facets()
    {
        var r = Records.Make("/e/travinh.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("received.total", 120), ("resolved.late", 12)]));
        var source = new JsonObject { ["path"] = "/e/travinh.docx", ["record"] = JsonNode.Parse(RecordJson.Serialize(r)) };
        var search = """
            {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[{"_index":"baocao","_id":"x","_score":null,"_source":@H0@,"sort":[1624147200000,"/e/travinh.docx"]}]},
             "aggregations":{
               "filter#rows_own":{"doc_count":1,"nested#rows":{"doc_count":1,"filter#selected":{"doc_count":1}}},
               "sterms#province":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Trà Vinh","doc_count":1}]},
               "sterms#agency":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"agency:so-tu-phap","doc_count":1,"sterms#display":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"SỞ TƯ PHÁP","doc_count":1}]}}]},
               "lterms#year":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":2021,"doc_count":1}]},
               "sterms#form":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"ii.06a","doc_count":1,"sterms#display":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"II.06a","doc_count":1}]}}]},
               "sterms#period":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"2021-Q2","doc_count":1}]}}}
            """.Replace("@H0@", source.ToJsonString());
        var fake = Node(search: search);
        using var index = ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, fake.Invoker);
        var q = new SearchQuery(Where: [new Condition("resolved.late", CompareOp.Greater, 10)], Facets: true);
        var result = index.Search(q);

        var sent = fake.Requests.Single(x => x.Path == "/baocao/_search");
        Assert.Contains("typed_keys=true", sent.Query);
        var body = JsonNode.Parse(sent.Body)!;
        // What travels is ElasticQuery's body, read into the client's SearchRequest and written again: the same query
        // (terms may travel in their long form) and the same aggregations.
        var expected = ElasticQuery.SearchBody(q, q.Limit);
        Assert.Equal(expected["size"]!.GetValue<int>(), body["size"]!.GetValue<int>());
        Assert.Contains("\"rows.values.resolved_late\":{\"gt\":10", body["query"]!.ToJsonString().Replace(".0", ""));
        Assert.Equal(expected["aggs"]!.AsObject().Select(p => p.Key).Order(), (body["aggregations"] ?? body["aggs"])!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("nested", body["query"]!.ToJsonString().Contains("\"nested\"") ? "nested" : "missing");

        Assert.Equal(1, result.TotalDocuments);
        Assert.Equal(1, result.TotalRows);
        var hit = Assert.Single(result.Documents);
        Assert.Equal("/e/travinh.docx", hit.Path);
        Assert.Equal("Lý lịch tư pháp", Assert.Single(hit.Rows).Label);
        Assert.Equal([("Trà Vinh", 1)], result.Facets!.Province.Select(f => (f.Value, f.Count)));
        Assert.Equal([("SỞ TƯ PHÁP", 1)], result.Facets.Agency.Select(f => (f.Value, f.Count)));
        Assert.Equal([("2021", 1)], result.Facets.Year.Select(f => (f.Value, f.Count)));
        Assert.Equal([("II.06a", 1)], result.Facets.Form.Select(f => (f.Value, f.Count)));
    }

    [Fact]
    public void Exporting_pages_with_search_after_from_the_last_hits_sort_values()
    {
        var r = Records.Make("/e/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("resolved.late", 12m)]), ("Hộ tịch", [("resolved.late", 1m)]));
        var page = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[{"_index":"baocao","_id":"x","_score":null,"_source":{"path":"/e/a.docx","record":@H0@},"sort":["/e/a.docx"]}]}}""".Replace("@H0@", RecordJson.Serialize(r));
        const string empty = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[]}}""";
        var fake = new FakeElastic((method, path, body) => (method, path) switch
        {
            ("GET", "/") => (200, Info),
            ("HEAD", "/baocao") => (200, ""),
            ("GET", "/baocao/_mapping") => (200, Mapping("baocao")),
            ("POST", "/baocao/_search") => (200, body?["search_after"] is null ? page : empty),
            _ => (500, "{}"),
        });
        using var index = ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, fake.Invoker);
        var rows = index.Export(new SearchQuery()).ToList();
        Assert.Equal(["Lý lịch tư pháp", "Hộ tịch"], rows.Select(x => x.Label));
        var searches = fake.Requests.Where(x => x.Path == "/baocao/_search").Select(x => JsonNode.Parse(x.Body)!).ToList();
        Assert.Equal(2, searches.Count);
        Assert.Equal("/e/a.docx", searches[1]["search_after"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Value_keys_outside_the_canonical_ones_are_read_from_the_typed_mapping()
    {
        var mappings = ElasticQuery.IndexBody()["mappings"]!.DeepClone();
        mappings["properties"]!["rows"]!["properties"]!["values"]!["properties"]!["extra_key"] = new JsonObject { ["type"] = "double" };
        var mapping = new JsonObject { ["baocao"] = new JsonObject { ["mappings"] = mappings } }.ToJsonString();
        var fake = new FakeElastic((method, path, _) => (method, path) switch
        {
            ("GET", "/") => (200, Info),
            ("HEAD", "/baocao") => (200, ""),
            ("GET", "/baocao/_mapping") => (200, mapping),
            _ => (500, "{}"),
        });
        using var index = ElasticReportIndex.Open("http://es.test:9200/baocao", create: false, fake.Invoker);
        Assert.Equal(["extra_key"], index.ValueKeys());
    }
}
