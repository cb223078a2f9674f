using System.Globalization;
using System.Text.Json.Nodes;
using Baocao.Index;
using Baocao.Index.Elastic;
using Baocao.Output;
using Baocao.Tools.Synthetic;

namespace Baocao.Tests.Index;

/// <summary>A test that needs a running Elasticsearch: it runs when ES_URL is set and is skipped, with the reason, otherwise.</summary>
public sealed class ElasticFactAttribute : FactAttribute
{
    public static string? Url => Environment.GetEnvironmentVariable("ES_URL") is { Length: > 0 } u ? u.TrimEnd('/') : null;

    public ElasticFactAttribute()
    {
        if (Url is null) Skip = "ES_URL is not set: start Elasticsearch with `docker compose up -d` and run with ES_URL=http://localhost:9200";
    }
}

/// <summary>The Elasticsearch engine: its mapping and query translation (always), and the engine on a live node (with ES_URL).</summary>
public class ElasticTests
{
    [Fact]
    public void The_mapping_folds_vietnamese_and_keeps_values_numeric_on_nested_rows()
    {
        var body = ElasticQuery.IndexBody();
        var analysis = body["settings"]!["analysis"]!;
        Assert.Contains("đ => d", analysis["char_filter"]!["viet_d"]!["mappings"]!.AsArray().Select(x => x!.GetValue<string>()));
        var viet = analysis["analyzer"]!["viet"]!;
        Assert.Equal(["lowercase", "asciifolding"], viet["filter"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(["viet_d"], viet["char_filter"]!.AsArray().Select(x => x!.GetValue<string>()));
        var rows = body["mappings"]!["properties"]!["rows"]!;
        Assert.Equal("nested", rows["type"]!.GetValue<string>());
        Assert.Equal("viet", rows["properties"]!["text"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("double", rows["properties"]!["values"]!["properties"]!["resolved_late"]!["type"]!.GetValue<string>());
        Assert.False(body["mappings"]!["properties"]!["record"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Where_conditions_become_ranges_on_one_nested_row_and_words_phrases_on_the_folded_fields()
    {
        var q = new SearchQuery(Text: "lý lịch", Province: "Tra Vinh", Where: [new Condition("resolved.late", CompareOp.Greater, 10), new Condition("received.total", CompareOp.NotEqual, 0)]);
        var json = ElasticQuery.Query(q).ToJsonString();
        Assert.Contains("{\"term\":{\"provinceKey\":\"tra vinh\"}}", json);
        Assert.Contains("{\"range\":{\"rows.values.resolved_late\":{\"gt\":10}}}", json);
        Assert.Contains("\"must_not\":[{\"term\":{\"rows.values.received_total\":0}}]", json);
        // Adjacent syllables are one phrase (issue 17).
        Assert.Contains("{\"multi_match\":{\"query\":\"ly lich\",\"type\":\"phrase\",\"fields\":[\"rows.text\"]}}", json);
        Assert.Contains("\"path\":\"rows\"", json);
        var doc = ElasticQuery.Document(IndexedReport.From(Records.Make("/e/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("resolved.late", 12)]))), "{}", null);
        Assert.Equal(12, doc["rows"]![0]!["values"]!["resolved_late"]!.GetValue<decimal>());
        Assert.Equal("tra vinh", doc["provinceKey"]!.GetValue<string>());
    }

    [Fact]
    public void Phrases_exclusions_marks_nesting_periods_ranges_sort_and_offset_become_query_dsl()
    {
        var q = new SearchQuery(Text: "hộ tịch OR chứng thực -phù cát", Period: PeriodFilter.Parse("2022-Q2"), From: new DateOnly(2021, 7, 1), To: new DateOnly(2022, 6, 30),
            Sort: SearchSort.Parse("resolved.late:desc"), Offset: 40);
        var body = ElasticQuery.SearchBody(q, 20, from: q.Offset);
        var json = body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\"should\":[{\"multi_match\":{\"query\":\"ho tich\",\"type\":\"phrase\"", json);
        Assert.Contains("{\"multi_match\":{\"query\":\"chung thuc\",\"type\":\"phrase\"", json);
        Assert.Contains("\"must_not\":[{\"multi_match\":{\"query\":\"phu cat\"", json);
        // Typed marks: a constant boost on the marked sub-fields.
        Assert.Contains("{\"multi_match\":{\"query\":\"hộ tịch\",\"type\":\"phrase\",\"fields\":[\"agencyText.marked\",\"head.marked\",\"body.marked\"]}}", json);
        // 2022-Q2 holds its months.
        Assert.Contains("{\"term\":{\"quarter\":2}},{\"range\":{\"month\":{\"gte\":4,\"lte\":6}}}", json);
        Assert.Contains("{\"range\":{\"periodTo\":{\"gte\":20210701}}}", json);
        Assert.Contains("{\"range\":{\"periodFrom\":{\"lte\":20220630}}}", json);
        Assert.Equal(40, body["from"]!.GetValue<int>());
        Assert.Contains("\"rows.values.resolved_late\":{\"order\":\"desc\",\"mode\":\"max\",\"missing\":\"_last\",\"nested\":{\"path\":\"rows\"", json);
        var mapping = ElasticQuery.IndexBody();
        Assert.Equal("viet_marked", mapping["mappings"]!["properties"]!["head"]!["fields"]!["marked"]!["analyzer"]!.GetValue<string>());
        var doc = ElasticQuery.Document(IndexedReport.From(Records.Make("/e/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2)), "{}", null);
        Assert.Equal(20210315, doc["periodFrom"]!.GetValue<int>());
        Assert.Equal(20210614, doc["periodTo"]!.GetValue<int>());
    }

    [ElasticFact]
    public void The_engine_on_a_live_node_answers_like_the_reference_meaning()
    {
        var url = $"{ElasticFactAttribute.Url}/baocao-test-{Guid.NewGuid():N}";
        using var index = ElasticReportIndex.Open(url, create: true);
        try
        {
            var records = new SyntheticReports(13).Generate(200).ToList();
            records.Add(Records.Make("/e/travinh.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Lý lịch tư pháp", [("received.total", 120), ("resolved.late", 12)])));
            records.Add(Records.Make("/e/dongthap.pdf", "Đồng Tháp", "SỞ Y TẾ", 2023, 1, ("Dược phẩm", [("received.total", 300), ("resolved.late", 30)])));
            index.StoreAll(records);
            Assert.Equal(202, index.Stats().Documents);
            // Folding: without diacritics, and đ as d.
            Assert.Contains(index.Search(new SearchQuery(Text: "Dong Thap", Limit: 500)).Documents, d => d.FileName == "dongthap.pdf");
            Assert.Contains(index.Search(new SearchQuery(Text: "Tra Vinh", Limit: 500)).Documents, d => d.FileName == "travinh.docx");
            var docs = records.Select(IndexedReport.From).ToList();
            string[] words = ["hộ tịch", "ly lich tu phap", "Trà Vinh", "so tu phap", "dat dai"];
            var rnd = new Random(5);
            for (var i = 0; i < 40; i++)
            {
                var q = new SearchQuery(Text: rnd.Next(3) > 0 ? words[rnd.Next(words.Length)] : null,
                    Year: rnd.Next(3) == 0 ? 2019 + rnd.Next(6) : null,
                    Where: rnd.Next(2) == 0 ? [new Condition("resolved.late", CompareOp.Greater, rnd.Next(20))] : null,
                    Facets: true, Limit: 1000, RowsPerDocument: 1000);
                var filter = new RowFilter(q);
                var expected = docs.Where(filter.Matches).ToList();
                var r = index.Search(q);
                Assert.Equal(expected.Select(d => d.Path).Order(), r.Documents.Select(d => d.Path).Order());
                Assert.Equal(expected.Sum(d => filter.Rows(d).Count()), r.TotalRows);
                Assert.Equal(expected.GroupBy(d => d.Year!.Value.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()), r.Facets!.Year.ToDictionary(f => f.Value, f => f.Count));
                Assert.Equal(expected.Where(d => d.PeriodLabel is not null).GroupBy(d => d.PeriodLabel!).ToDictionary(g => g.Key, g => g.Count()),
                    r.Facets!.Periods.ToDictionary(f => f.Value, f => f.Count));
            }
            // Document ids: the id a hit names loads its record, and re-indexing the path keeps it.
            var hit = index.Search(new SearchQuery(Text: "ly lich tu phap", Province: "Trà Vinh")).Documents.Single(d => d.FileName == "travinh.docx");
            Assert.Equal(index.IdOf("/e/travinh.docx"), hit.Id);
            Assert.Equal("Trà Vinh", index.Load(hit.Id)!.Header.Province);
            // Replace on re-index, and the stored record loads back.
            index.Store(Records.Make("/e/travinh.docx", "Sóc Trăng", "SỞ NỘI VỤ", 2020, null, ("Thi đua", [("received.total", 7)])));
            Assert.DoesNotContain(index.Search(new SearchQuery(Text: "ly lich tu phap", Province: "Trà Vinh")).Documents, d => d.FileName == "travinh.docx");
            Assert.Equal("Sóc Trăng", index.Load("/e/travinh.docx")!.Header.Province);
            Assert.Equal("Sóc Trăng", index.Load(hit.Id)!.Header.Province);
            Assert.Equal(RecordJson.Serialize(records[0]), RecordJson.Serialize(index.Load(records[0].Source.Path)!));
            Assert.Equal(docs.Sum(d => d.Rows.Count), index.Export(new SearchQuery()).Count());
        }
        finally { index.Drop(); }
    }

    [ElasticFact]
    public void A_missing_index_is_not_created_by_a_search()
    {
        var url = $"{ElasticFactAttribute.Url}/baocao-missing-{Guid.NewGuid():N}";
        var e = Assert.Throws<IndexException>(() => ElasticReportIndex.Open(url, create: false));
        Assert.StartsWith("no index here", e.Reason);
    }
}
