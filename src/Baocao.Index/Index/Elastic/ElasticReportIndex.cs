using System.Text.Json.Nodes;
using Baocao.Output;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Transport;
using Baocao.Reports;

namespace Baocao.Index.Elastic;

/// <summary>
/// The Elasticsearch engine: one Elasticsearch document per report (its rows nested, its record kept unsearched), so a
/// report is indexed whole or not at all and storing a source path again replaces it (the id is a hash of the path).
/// Elasticsearch finds and counts the reports, counts the rows and the facets; the rows shown for each returned report
/// are picked from its stored record by <see cref="RowFilter"/>, the same rule the SQLite engine's SQL follows, and
/// highlighted by <see cref="Highlighter"/>, so both engines print the same result.
/// </summary>
public sealed class ElasticReportIndex : IReportIndex
{
    private readonly ElasticClient client;
    private readonly string index;

    public string Location { get; }

    /// <summary>Documents per bulk request.</summary>
    public int BulkSize { get; init; } = 500;

    /// <summary>Make every write visible to the next search (on for the command line; off for bulk loading, then refresh once).</summary>
    public bool RefreshOnWrite { get; set; } = true;

    private ElasticReportIndex(ElasticClient client, string index, string location)
    {
        this.client = client;
        this.index = index;
        Location = location;
    }

    /// <summary>
    /// Opens the index at a URL (<c>http://host:9200/name</c>, name "baocao" when the URL has no path). With
    /// <paramref name="create"/> a missing index is created with the mapping; an existing index that baocao did not make is
    /// refused, never changed.
    /// </summary>
    public static ElasticReportIndex Open(string url, bool create) => Open(url, create, null);

    /// <summary>As <see cref="Open(string, bool)"/>, with the client's transport given (the tests answer from memory).</summary>
    internal static ElasticReportIndex Open(string url, bool create, IRequestInvoker? invoker)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new IndexException(url, "not a URL");
        var name = uri.AbsolutePath.Trim('/');
        if (name.Length == 0) name = "baocao";
        if (name.Contains('/') || name != name.ToLowerInvariant())
            throw new IndexException(url, "the index name (the URL's path) must be one lower-case word, as Elasticsearch requires");
        var client = new ElasticClient(new Uri(uri.GetLeftPart(UriPartial.Authority)), invoker);
        try
        {
            client.Info();
            if (!client.IndexExists(name))
            {
                if (!create) throw new IndexException(url, "no index here (create one with: ./baocao ingest PATH… --index " + url + ")");
                client.CreateIndex(name, ElasticQuery.IndexBody());
            }
            else
            {
                var meta = client.Mapping(name)?.Meta;
                if (meta is null || !meta.TryGetValue("format", out var format) || format?.ToString() != ElasticQuery.Format)
                    throw new IndexException(url, "not a baocao index (its mapping was not made by baocao); it is left as it is");
            }
            return new ElasticReportIndex(client, name, url);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>Removes the whole Elasticsearch index (the bench and the tests clean up with it).</summary>
    public void Drop() => client.DeleteIndex(index);

    public void Refresh() => client.Refresh(index);

    public void Store(ReportRecord record, string? extractor = null) => StoreAll([record], extractor);

    public void StoreAll(IEnumerable<ReportRecord> records, string? extractor = null)
    {
        foreach (var chunk in records.Chunk(BulkSize))
        {
            var docs = chunk.Select(r =>
            {
                var doc = IndexedReport.From(r);
                return (ElasticQuery.Id(doc.Path), ElasticQuery.Document(doc, RecordJson.Serialize(r), extractor), doc.Path);
            }).ToList();
            var failed = client.Bulk(index, docs.Select(d => (d.Item1, d.Item2)), RefreshOnWrite);
            if (failed.Count > 0)
            {
                var path = docs.First(d => d.Item1 == failed[0].Id).Path;
                throw new IndexException(Location, $"{failed.Count} report(s) were not indexed, first {path}: {failed[0].Reason}");
            }
        }
    }

    public bool Remove(string path) => client.Delete(index, ElasticQuery.Id(IndexedReport.PathKey(path)), RefreshOnWrite);

    public SearchResult Search(SearchQuery query)
    {
        var resp = client.Search(index, ElasticQuery.SearchBody(query, query.Limit, from: query.Offset));
        var total = (int)resp.Total;
        var filter = new RowFilter(query);
        var terms = TextQuery.Parse(query.Text).Phrases;
        var docs = new List<DocumentHit>();
        foreach (var hit in resp.Hits)
            docs.Add(Hit(IndexedReport.From(RecordOf(hit.Source)), filter, terms, query.RowsPerDocument));
        var aggs = resp.Aggregations;
        var rows = 0;
        foreach (var name in new[] { "rows_head", "rows_own" })
            if (aggs?.GetFilter(name)?.Aggregations?.GetNested("rows")?.Aggregations?.GetFilter("selected") is { } selected) rows += (int)selected.DocCount;
        Facets? facets = null;
        if (query.Facets && aggs is not null)
            facets = new Facets(Buckets(aggs, "province"), Buckets(aggs, "agency"), Buckets(aggs, "year").OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList(),
                Buckets(aggs, "form"), Buckets(aggs, "period").OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList());
        var next = query.Offset + docs.Count < total && docs.Count > 0 ? query.Offset + docs.Count : (int?)null;
        var sort = query.Sort ?? new SearchSort(TextQuery.Parse(query.Text).HasPositive ? SearchSort.Relevance : SearchSort.Date);
        return new SearchResult(total, rows, docs, facets) { Offset = query.Offset, NextOffset = next, Sort = sort.ToString() };
    }

    /// <summary>
    /// A terms facet: keyword fields come back as string terms, the year as long terms; a bucket's shown value is its
    /// "display" sub-aggregation (the printed name of a folded key) when there is one.
    /// </summary>
    private static List<FacetCount> Buckets(AggregateDictionary aggs, string name)
    {
        static string? Display(AggregateDictionary? sub) => sub?.GetStringTerms("display")?.Buckets.FirstOrDefault()?.Key.ToString();
        if (aggs.GetStringTerms(name) is { } s)
            return s.Buckets.Select(b => new FacetCount(Display(b.Aggregations) ?? b.Key.ToString()!, (int)b.DocCount)).ToList();
        if (aggs.GetLongTerms(name) is { } l)
            return l.Buckets.Select(b => new FacetCount(Display(b.Aggregations) ?? b.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (int)b.DocCount)).ToList();
        return [];
    }

    /// <summary>The record stored in a document's source (kept whole, unsearched, in "record").</summary>
    private static Baocao.Reports.ReportRecord RecordOf(JsonObject? source) =>
        RecordJsonReader.Parse((source?["record"] ?? throw new IndexException("elasticsearch", "a document without its record")).ToJsonString());

    /// <summary>The sort values of the last hit, as the next page's search_after.</summary>
    private JsonArray After<T>(Hit<T> hit) => new(hit.Sort!.Select(v => client.ToJson(v)).ToArray());

    /// <summary>A result entry from a report's stored record; shared by both engines' meaning through <see cref="RowFilter"/>.</summary>
    internal static DocumentHit Hit(IndexedReport doc, RowFilter filter, IReadOnlyList<IReadOnlyList<string>> terms, int rowsPerDocument)
    {
        var r = doc.Record;
        var h = r.Header;
        var selected = filter.Rows(doc).ToList();
        var rows = selected.Take(rowsPerDocument).Select(x =>
        {
            var t = r.Tables.First(t => t.Index == x.Table);
            var values = x.Values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
            return new RowHit(x.Table, x.Form, t.Title, x.Row, x.Stt, x.Label, x.Kind, x.Page, Highlighter.Mark(x.Text, terms) ?? x.Text, values);
        }).ToList();
        var highlights = new List<Highlight>();
        void Try(string field, string? s, int? page)
        {
            if (highlights.Count < 6 && Highlighter.Mark(s, terms) is { } m) highlights.Add(new Highlight(field, Highlighter.Window(m), page));
        }
        if (terms.Count > 0)
        {
            Try("title", h.Title, 1);
            Try("agency", h.Agency, 1);
            Try("parentAgency", h.ParentAgency, 1);
            Try("number", h.Number, 1);
            Try("place", h.Place, 1);
            Try("province", h.Province, 1);
            foreach (var t in r.Tables) Try($"tables[{t.Index}].title", t.Title, t.Page);
            foreach (var f in r.Figures.DistinctBy(f => f.Text)) Try($"figure {f.Key}", f.Text, f.Page);
        }
        return new DocumentHit(ElasticQuery.DocId(doc.Path), doc.Path, doc.FileName, r.Source.Sha256, h.Number, h.Agency, h.Province, h.Date, doc.Year, doc.PeriodLabel, h.Title,
            doc.Forms, highlights, r.Figures.Select(f => new FigureHit(f.Key, f.Value, f.Scope, f.Page)).ToList(), rows, selected.Count);
    }

    public IEnumerable<ExportRow> Export(SearchQuery query)
    {
        var filter = new RowFilter(query);
        JsonArray? after = null;
        while (true)
        {
            var body = ElasticQuery.SearchBody(query with { Facets = false }, 200, after);
            body.Remove("aggs");
            body["sort"] = new JsonArray(new JsonObject { ["path"] = "asc" });
            var hits = client.Search(index, body).Hits.ToList();
            if (hits.Count == 0) yield break;
            foreach (var hit in hits)
            {
                var record = RecordOf(hit.Source);
                var doc = IndexedReport.From(record);
                var rows = query.SelectsRows ? filter.Rows(doc) : doc.Rows;
                var h = record.Header;
                foreach (var x in rows)
                    yield return new ExportRow(doc.Path, doc.FileName, record.Source.Sha256, h.Number, h.Agency, h.ParentAgency, h.Province, h.Date, doc.Year,
                        doc.PeriodLabel, h.Title, x.Table, x.Form, record.Tables.First(t => t.Index == x.Table).Title, x.Row, x.Stt, x.Label, x.Kind, x.Page,
                        x.Values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value));
            }
            after = After(hits[^1]);
        }
    }

    public IndexStats Stats()
    {
        // Table, row and value counts come from aggregations over the stored documents.
        var body = new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = true,
            ["aggs"] = new JsonObject
            {
                ["rows"] = new JsonObject { ["nested"] = new JsonObject { ["path"] = "rows" } },
                ["figures"] = new JsonObject { ["value_count"] = new JsonObject { ["field"] = "figures.key" } },
            },
        };
        var resp = client.Search(index, body);
        var docs = resp.Total;
        var rows = resp.Aggregations?.GetNested("rows")?.DocCount ?? 0;
        var figures = (long)(resp.Aggregations?.GetValueCount("figures")?.Value ?? 0);
        var bytes = client.StoreBytes(index);
        // Tables and values are not aggregated separately in Elasticsearch's layout; -1 says "not counted".
        return new IndexStats(docs, -1, rows, -1, figures, bytes);
    }

    public IReadOnlyCollection<string> ValueKeys()
    {
        var rows = client.Mapping(index)?.Properties?.TryGetProperty("rows", out var r) == true ? r as NestedProperty : null;
        var values = rows?.Properties?.TryGetProperty("values", out var v) == true ? v as ObjectProperty : null;
        if (values?.Properties is not { } props) return [];
        var canonical = CanonicalKeys.Dossier.Select(ElasticQuery.ValueField).ToHashSet();
        // Field names lost their dots; extra keys are reported as stored.
        return props.Select(p => p.Key.Name).OfType<string>().Where(k => !canonical.Contains(k)).ToList();
    }

    public StoredSource? Find(string path)
    {
        var src = client.Get(index, ElasticQuery.Id(IndexedReport.PathKey(path)));
        return src is null ? null : new StoredSource(src["path"]!.GetValue<string>(), src["sha256"]!.GetValue<string>(), src["extractor"]?.GetValue<string>(), src["indexedAt"]!.ToString());
    }

    public IEnumerable<StoredSource> Sources()
    {
        JsonArray? after = null;
        while (true)
        {
            var body = new JsonObject
            {
                ["size"] = 500, ["query"] = new JsonObject { ["match_all"] = new JsonObject() },
                ["_source"] = new JsonArray("path", "sha256", "extractor", "indexedAt"), ["sort"] = new JsonArray(new JsonObject { ["path"] = "asc" }),
            };
            if (after is not null) body["search_after"] = after;
            var hits = client.Search(index, body).Hits.ToList();
            if (hits.Count == 0) yield break;
            foreach (var hit in hits)
            {
                var s = hit.Source!;
                yield return new StoredSource(s["path"]!.GetValue<string>(), s["sha256"]!.GetValue<string>(), s["extractor"]?.GetValue<string>(), s["indexedAt"]!.ToString());
            }
            after = After(hits[^1]);
        }
    }

    public long? IdOf(string path) => Find(path) is null ? null : ElasticQuery.DocId(IndexedReport.PathKey(path));

    public ReportRecord? Load(long id)
    {
        var body = new JsonObject
        {
            ["size"] = 1, ["query"] = new JsonObject { ["term"] = new JsonObject { ["docId"] = id } }, ["_source"] = new JsonArray("record"),
        };
        var hit = client.Search(index, body).Hits.FirstOrDefault();
        return hit?.Source?["record"] is { } rec ? RecordJsonReader.Parse(rec.ToJsonString()) : null;
    }

    public ReportRecord? Load(string path)
    {
        var src = client.Get(index, ElasticQuery.Id(IndexedReport.PathKey(path)));
        return src?["record"] is { } rec ? RecordJsonReader.Parse(rec.ToJsonString()) : null;
    }
}
